// The changes page (#/changes) in a real Chromium against a real server and the test Neo4j: the demo
// municipality, then a second delivery with a renamed application, a new application that only talks
// to one other (a new single point of failure), and a contract moved into its notice window. The
// screenshot goes to tests/artifacts/changes.png.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { type ImportReport, importFiles } from '../../importers/import.js';
import { addMonths, today } from '../../server/analyses/params.js';
import { createApp, defaultServices } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { buildWeb } from '../../web/build.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { ORGANISATION, demoFiles, leafApplication, secondDelivery } from './demo-delivery.js';

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

let driver: Driver;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;
let first: ImportReport;
let second: ImportReport;
let dir: string;

const leaf = leafApplication();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'roer-changes-'));
  driver = testDriver();
  await resetDatabase(driver);
  first = await importFiles(driver, demoFiles(), { source: 'demo:gemeente-roerdam', user: 'test' });
  second = await importFiles(driver, secondDelivery(dir), { source: 'demo:gemeente-roerdam', user: 'i.manager' });
  expect([first.written, second.written]).toEqual(['initial', 'diff']);
  const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-changes-${process.pid}`), minify: false });
  const app = createApp({ driver, config: loadConfig({ ROER_AUTH: 'off' }), services: { ...defaultServices(), webDir } });
  server = await new Promise<Server>(resolve => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', error => { throw error; });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise(resolve => server?.close(resolve));
  await driver?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The page loaded afresh (a reload: a hash change alone would keep the page's state) with `organisations` chosen. */
async function open(hash: string, organisations: string[]): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.evaluate(chosen => sessionStorage.setItem('roer.organisations', chosen.join(',')), organisations);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
}

describe('the changes page', () => {
  it('when one organisation is chosen, then the page opens with what to act on, the numbers before and after, a trend and the changed rows', async () => {
    const expected = await (await fetch(`${base}/api/changes?since=${first.runId}&organisation=${ORGANISATION}`)).json();
    const [headline] = expected.headlines;
    expect(headline.entered.spofs.map((item: { uid: string }) => item.uid)).toContain(`app:${ORGANISATION}/${leaf.id}`);
    expect(headline.entered.notice.map((item: { uid: string }) => item.uid)).toEqual(['contract:gemeente-roerdam/c-0002']);

    await open(`#/changes?since=${first.runId}`, [ORGANISATION]);
    await expect(page.locator('header nav a[aria-current=page]').textContent()).resolves.toBe('Wijzigingen');
    const lead = await page.locator('#changes-lead').textContent();
    expect(headline.entered.spofs).toHaveLength(1);
    expect(lead).toContain('1 nieuw kwetsbaar punt,');
    expect(lead).toContain('1 contract in de opzegtermijn gekomen');
    expect(lead).toContain('4 regels toegevoegd, gewijzigd of verwijderd');
    expect(await page.locator('#changes-cards .card').count()).toBe(7);
    await expect(page.locator('#changes-spofs-entered li').allTextContents()).resolves.toContain(leaf.name);
    await expect(page.locator('#changes-notice-entered li').textContent()).resolves.toContain('c-0002');
    // The trend: one point per run that recorded the organisation's numbers.
    expect(await page.locator('[data-trend=spofCount] circle').count()).toBe(2);
    const changed = await page.locator('#changes-applications .changes-changed li').allTextContents();
    expect(changed.join('\n')).toContain('naam: Merel Software Integratieplatform → Merel Integratieplatform 2.0');
    expect((await page.locator('#changes-contracts .changes-changed li').allTextContents()).join('\n')).toContain('opzegtermijn (maanden): 1 → 3');
    await expect(page.locator('#changes-applications .changes-added li').textContent()).resolves.toContain('Parkeervergunningen');
    expect(await page.locator('#changes-runs li').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'changes.png'), fullPage: true });
  });

  it('when no organisation is chosen, then the numbers per organisation, and the date form changes the period', async () => {
    await open('#/changes', []);
    expect(await page.locator('#changes-organisations tbody tr').count()).toBe(1);
    expect(await page.locator('#changes-trend').count()).toBe(0);
    // Since a date before the first import: both runs, the first kept as counts only.
    await page.fill('#changes-since', addMonths(today(), -1));
    await page.click('#changes-form button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.querySelectorAll('#changes-runs li').length === 2, null, { timeout: 60_000 });
    await expect(page.locator('.message.info').first().textContent()).resolves.toContain('alleen aantallen');
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe('What has changed?');
    await page.screenshot({ path: join(ARTIFACTS, 'changes-all-en.png'), fullPage: true });
  });
});
