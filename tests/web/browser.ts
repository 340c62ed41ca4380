// What the explorer's browser tests share: the real server (createApp) over the test Neo4j, the built
// UI, a Chromium page, and measurements of what a person would see (boxes that overlap, cut-off text).
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jest } from '@jest/globals';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, defaultServices } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { buildWeb } from '../../web/build.js';
import { importLandscape } from '../../importers/import.js';
import type { Landscape } from '../../importers/model.js';
import { resetDatabase } from '../support/db.js';

export const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

export type Ui = {
  base: string;
  browser: Browser;
  page: Page;
  /** Opens a hash route and waits until the page says it is ready. */
  open: (hash: string) => Promise<void>;
  shot: (name: string, fullPage?: boolean) => Promise<Buffer>;
  api: <T = any>(path: string) => Promise<T>;
  close: () => Promise<void>;
};

/** The real server over `driver` with the built UI, on a free port, and a headless Chromium beside it. */
export async function serveUi(driver: Driver, name: string): Promise<{ base: string; browser: Browser; api: Ui['api']; close: () => Promise<void> }> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-${name}-${process.pid}`), minify: false });
  const app = createApp({ driver, config: loadConfig({ ROER_AUTH: 'off' }), services: { ...defaultServices(), webDir } });
  const server = await new Promise<Server>(resolve => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'] });
  return {
    base, browser,
    api: async path => {
      const response = await fetch(`${base}${path}`);
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    close: async () => {
      await browser.close();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

/** The served UI with one page; `locale` is the language Chromium asks for (Accept-Language). */
export async function startUi(driver: Driver, name: string, viewport = { width: 1440, height: 900 }, locale?: string): Promise<Ui> {
  const served = await serveUi(driver, name);
  const page = await served.browser.newPage({ viewport, locale });
  page.on('pageerror', error => { throw error; });
  return {
    ...served, page,
    open: async hash => {
      await page.goto(`${served.base}/${hash}`);
      await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    },
    shot: (file, fullPage = false) => page.screenshot({ path: join(ARTIFACTS, `${file}.png`), fullPage }),
  };
}

/** Pairs of elements matching `selector` whose boxes overlap by more than half a pixel, as text. */
export const overlaps = (page: Page, selector: string, other = selector) =>
  page.evaluate(([a, b]) => {
    const boxes = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].filter(el => el.offsetParent !== null)
      .map(el => ({ el, r: el.getBoundingClientRect(), text: (el.textContent ?? '').trim().slice(0, 40) }));
    const first = boxes(a);
    const second = a === b ? first : boxes(b);
    const found: string[] = [];
    first.forEach((x, i) => second.forEach((y, j) => {
      if ((a === b && j <= i) || x.el === y.el || x.el.contains(y.el) || y.el.contains(x.el)) return;
      const w = Math.min(x.r.right, y.r.right) - Math.max(x.r.left, y.r.left);
      const h = Math.min(x.r.bottom, y.r.bottom) - Math.max(x.r.top, y.r.top);
      if (w > 0.5 && h > 0.5) found.push(`${x.text} × ${y.text}`);
    }));
    return found;
  }, [selector, other]);

/** Elements matching `selector` whose text does not fit (cut off, or hidden behind an ellipsis). */
export const clipped = (page: Page, selector: string) =>
  page.evaluate(sel => [...document.querySelectorAll<HTMLElement>(sel)].filter(el => el.offsetParent !== null)
    .filter(el => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
    .map(el => (el.textContent ?? '').trim()), selector);

/**
 * A page on a fixed day: the server's clock (it runs in this process, so only Date is faked, timers run as
 * usual) and the page's clock both say `today`, over `landscape` imported into the emptied test database.
 * Call jest.useRealTimers() after.
 */
export async function startUiOnDay(driver: Driver, name: string, landscape: Landscape, today: Date): Promise<Ui> {
  jest.useFakeTimers({ now: today, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
  await resetDatabase(driver);
  const report = await importLandscape(driver, landscape, { source: `csv:${name}`, user: 'test' });
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  const ui = await startUi(driver, name);
  await ui.page.clock.setFixedTime(today);
  return ui;
}
