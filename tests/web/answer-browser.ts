// Shared by the browser tests of answers (what-if) and controls: the real server (createApp) over the test Neo4j
// with the demo municipality and the chain of tests/analyses/chain.ts loaded through the real import,
// and a Chromium page that records every failed response and uncaught error.
import { mkdirSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importFiles, importLandscape } from '../../importers/import.js';
import { createApp, defaultServices } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { buildWeb } from '../../web/build.js';
import { chainLandscape } from '../analyses/chain.js';
import { resetDatabase, testDriver } from '../support/db.js';

export const DEMO = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');
export const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

export type Failure = { status: number; url: string };
export type Ui = {
  driver: Driver; base: string; browser: Browser; page: Page;
  /** Responses ≥ 400 and uncaught page errors since the last `take()`. */
  take: () => { responses: Failure[]; errors: string[] };
  open: (hash: string) => Promise<void>;
  shot: (name: string, fullPage?: boolean) => Promise<Buffer>;
  api: <T = any>(path: string) => Promise<T>;
  close: () => Promise<void>;
};

export async function startUi(name: string): Promise<Ui> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const driver = testDriver();
  await resetDatabase(driver);
  const files = readdirSync(DEMO).filter(file => file.endsWith('.csv')).map(file => join(DEMO, file));
  expect((await importFiles(driver, files, { source: 'demo:gemeente-roerdam', user: 'test' })).issues).toEqual([]);
  expect((await importLandscape(driver, chainLandscape(), { source: 'test:chain', user: 'test' })).issues).toEqual([]);
  const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-${name}-${process.pid}`), minify: false });
  const app = createApp({ driver, config: loadConfig({ ROER_AUTH: 'off' }), services: { ...defaultServices(), webDir } });
  const server = await new Promise<Server>(resolve => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  let responses: Failure[] = [];
  let errors: string[] = [];
  page.on('response', response => { if (response.status() >= 400) responses.push({ status: response.status(), url: response.url() }); });
  page.on('pageerror', error => { errors.push(error.message); });
  // A fresh document each time: a hash change alone would leave the last page's "ready" in place.
  const open = async (hash: string) => {
    await page.goto('about:blank');
    await page.goto(`${base}/${hash}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  };
  return {
    driver, base, browser, page, open,
    take: () => { const taken = { responses, errors }; responses = []; errors = []; return taken; },
    shot: (file, fullPage = false) => page.screenshot({ path: join(ARTIFACTS, `${file}.png`), fullPage }),
    api: async path => {
      const response = await fetch(`${base}${path}`);
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    close: async () => {
      await browser.close();
      await new Promise(resolve => server.close(resolve));
      await driver.close();
    },
  };
}
