// Shared by the browser tests of answers (what-if) and controls: the real server (createApp) over the test Neo4j
// with the demo municipality and the chain of tests/analyses/chain.ts loaded through the real import,
// and a Chromium page that records every failed response and uncaught error.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { importFiles, importLandscape } from '../../importers/import.js';
import { chainLandscape } from '../analyses/chain.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { ARTIFACTS, serveUi } from './browser.js';

export { ARTIFACTS };

export const DEMO = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');

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
  const driver = testDriver();
  await resetDatabase(driver);
  const files = readdirSync(DEMO).filter(file => file.endsWith('.csv')).map(file => join(DEMO, file));
  expect((await importFiles(driver, files, { source: 'demo:gemeente-roerdam', user: 'test' })).issues).toEqual([]);
  expect((await importLandscape(driver, chainLandscape(), { source: 'test:chain', user: 'test' })).issues).toEqual([]);
  const served = await serveUi(driver, name);
  const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  let responses: Failure[] = [];
  let errors: string[] = [];
  page.on('response', response => { if (response.status() >= 400) responses.push({ status: response.status(), url: response.url() }); });
  page.on('pageerror', error => { errors.push(error.message); });
  // A fresh document each time: a hash change alone would leave the last page's "ready" in place.
  // Going there is one (when only the hash differs, goto moves within the document and answers
  // null: then a reload), without a detour through about:blank, which costs a new renderer process.
  const open = async (hash: string) => {
    if (!(await page.goto(`${served.base}/${hash}`))) await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  };
  return {
    driver, base: served.base, browser: served.browser, page, open, api: served.api,
    take: () => { const taken = { responses, errors }; responses = []; errors = []; return taken; },
    shot: (file, fullPage = false) => page.screenshot({ path: join(ARTIFACTS, `${file}.png`), fullPage }),
    close: async () => {
      await served.close();
      await driver.close();
    },
  };
}
