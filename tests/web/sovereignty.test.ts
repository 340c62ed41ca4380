// The Soevereiniteit page in a real Chromium, against the real server and the test Neo4j holding the
// hand-worked sovereignty landscape (tests/analyses/sovereignty-fixture.ts): the answer first, the
// worst chains, the preset what-if, then the list; Dutch and English; 1280 and 390 px wide.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importLandscape } from '../../importers/import.js';
import { createApp, defaultServices } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { buildWeb } from '../../web/build.js';
import { sovereigntyFixture } from '../analyses/sovereignty-fixture.js';
import { resetDatabase, testDriver } from '../support/db.js';

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');
let driver: Driver;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;

/** Opens the page afresh (the app reads the chosen organisations and language when it starts). */
async function open(hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
}
const shot = (name: string, fullPage = true) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
const text = (selector: string) => page.locator(selector).innerText();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  driver = testDriver();
  await resetDatabase(driver);
  const report = await importLandscape(driver, sovereigntyFixture(), { source: 'csv:sovereignty', user: 'test' });
  expect(report.ok).toBe(true);
  const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-sov-${process.pid}`), minify: false });
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
});

describe('Soevereiniteit', () => {
  it('when one municipality is chosen, then the page answers first and shows the worst chains in words', async () => {
    await page.goto(`${base}/`);
    await page.evaluate(() => { sessionStorage.setItem('roer.organisations', 'gm1'); localStorage.setItem('roer.lang', 'nl'); });
    await open('#/sovereignty');
    await expect(page.locator('nav a[aria-current=page]').innerText()).resolves.toBe('Soevereiniteit');
    expect(await text('#sov-answer')).toBe('2 van de 5 applicaties (40,0%) zijn afhankelijk van een partij buiten de EU, waarvan 2 bedrijfskritisch en 2 met persoonsgegevens. '
      // The what-if's 3 said apart, never as one share of all: the 2 exposed fail directly, the third gets data from one of them.
      + 'Vallen die partijen weg, dan vallen deze 2 applicaties direct uit. Daarnaast mist 1 applicatie gegevens die via koppelingen van die applicaties komen. '
      + 'Dan stoppen 2 bedrijfsfuncties: Belastingen, Parkeren.');
    expect(await text('#sov-value .big')).toBe('80,0%');
    // Each card's line says what its number is of.
    expect(await page.locator('#sov-figures .card').evaluateAll(cards => cards.map(card => [...card.querySelectorAll('h2, .big, .hint')].map(el => (el as HTMLElement).innerText)))).toEqual([
      ['Applicaties afhankelijk van buiten de EU', '2 / 5', '40,0% van alle applicaties'],
      ['Waarvan bedrijfskritisch', '2', '2 van de 2 afhankelijke applicaties verwerken persoonsgegevens'],
      ['Contractwaarde afhankelijk van buiten de EU', '80,0%', '€\u00a0160.000 van €\u00a0200.000 per jaar'],
      ['Bedrijfsfuncties die stoppen', '2', 'als die partijen wegvallen; dan vallen de 2 afhankelijke applicaties direct uit en mist 1 andere gegevens via koppelingen'],
    ]);
    expect(await text('#sov-failed')).toBe('Dan vallen de 2 applicaties direct uit die via hun leverancier of hosting van zo’n partij afhangen. '
      + 'Daarnaast mist 1 applicatie gegevens die via koppelingen van die applicaties komen.');
    // Exit readiness says its scale, which way is better and what it is made of.
    expect(await text('#sov-readiness-scale')).toMatch(/^Exitgereedheid loopt van 0 tot 100, hoger is beter: .*exitplan.*dataportabiliteit.*open standaard.*alternatief in de EU/);
    expect(await page.locator('#sov-table thead th').allInnerTexts()).toContain('Exitgereedheid (0–100)');
    expect(await page.locator('#sov-worst .hint').first().innerText()).toBe('Exitgereedheid 62,5 van 100 (hoger is beter)');
    const chains = await page.locator('#sov-worst .chain').allInnerTexts();
    expect(chains).toEqual([
      'Zaaksysteem → geleverd door Zaakwerk B.V. → hoort bij concern Atlantic Software Holdings (VS)',
      'Belastingen → draait op Polder Cloud → draait op Nimbus EU-West → aangeboden door Nimbus Inc. (VS)',
    ]);
    expect(await page.locator('#sov-parties li').allInnerTexts()).toEqual(['Nimbus Inc. (Leverancier; land: VS)', 'Atlantic Software Holdings (Leveranciersgroep; concern: VS)']);
    expect(await page.locator('#sov-table tbody tr').count()).toBe(2);
    await page.locator('#sov-table tbody tr').first().locator('details.readiness summary').click();
    // textContent: the mark's words are for screen readers (visually hidden), read here as a screen reader does.
    expect(await page.locator('#sov-table tbody tr').first().locator('details.readiness li').allTextContents()).toEqual([
      '✓ voldaan: Exitplan in het contract',
      '✗ niet voldaan: Geen afspraak over dataportabiliteit',
      // A factor that earns part of its points gets its own mark, said in words for screen readers.
      '◐ deels voldaan: Open standaard bij 1 van de 2 koppelingen (levert 12,5 van de 25 punten op)',
      '✓ voldaan: Een alternatief in de EU voor dezelfde referentiecomponent: Kievit Zaken B.V.',
    ]);
    await shot('sovereignty-1280');
  });

  it('when all organisations are shown in English, then the figures add up across them and the list names each organisation', async () => {
    await page.evaluate(() => { sessionStorage.removeItem('roer.organisations'); localStorage.setItem('roer.lang', 'en'); });
    await open('#/sovereignty');
    expect(await text('#sov-answer')).toContain('2 of the 6 applications (33.3%) depend on a party under non-EU law');
    expect(await text('#sov-readiness-scale')).toMatch(/^Exit readiness runs from 0 to 100, higher is better/);
    expect(await page.locator('#sov-organisations tbody tr').count()).toBe(2);
    expect(await page.locator('#sov-table thead th').allInnerTexts()).toContain('Organisation(s)');
    await shot('sovereignty-1280-en');
    await page.evaluate(() => localStorage.setItem('roer.lang', 'nl'));
  });

  it('when opened 390 px wide, then nothing scrolls sideways and the answer is on the first screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.evaluate(() => sessionStorage.setItem('roer.organisations', 'gm1'));
      await open('#/sovereignty');
      const { scrollWidth, innerWidth, answerTop } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, answerTop: document.querySelector('#sov-answer')!.getBoundingClientRect().top,
      }));
      expect(scrollWidth).toBe(innerWidth);
      expect(answerTop).toBeLessThan(844);
      await shot('sovereignty-390', false);
      await shot('sovereignty-390-full');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
