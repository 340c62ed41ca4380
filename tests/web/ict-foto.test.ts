// The ICT-foto page in a real Chromium, against the real server and the test Neo4j holding the
// hand-worked landscape of tests/analyses/ict-foto-fixture.ts and its release cycles (Tomcat 9.0 ends
// three months from today, so the page judges the same as the analysis test): the answer first, the
// list, then an advisory with a version range; Dutch and English; 1280 and 390 px wide.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { importUploads } from '../../importers/formats.js';
import { importLandscape } from '../../importers/import.js';
import { addMonths, today } from '../../server/analyses/params.js';
import { ictFotoFixture } from '../analyses/ict-foto-fixture.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { ARTIFACTS, serveUi } from './browser.js';

let driver: Driver;
let base: string;
let close: () => Promise<void>;
let page: Page;

async function open(hash: string): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
}
const shot = (name: string, fullPage = true) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
const text = (selector: string) => page.locator(selector).innerText();
const fixtureFile = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/ict-foto/${name}`, import.meta.url)) });

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  const report = await importLandscape(driver, ictFotoFixture(), { source: 'csv:ict-foto', user: 'test' });
  expect(report.ok).toBe(true);
  const products = JSON.parse(fixtureFile('producten.json').bytes.toString('utf8'));
  products[0].releases[2].eol = addMonths(today(), 3);
  await importUploads(driver, [fixtureFile('postgresql.json'), { name: 'producten.json', bytes: Buffer.from(JSON.stringify(products)) }], { user: 'test' });
  const served = await serveUi(driver, 'ict');
  ({ base, close } = served);
  page = await served.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', error => { throw error; });
}, 600_000);

afterAll(async () => {
  await close?.();
  await driver?.close();
});

describe('ICT-foto', () => {
  it('when all organisations are shown, then the page answers first and lists the versions out of support', async () => {
    await page.goto(`${base}/`);
    await page.evaluate(() => { sessionStorage.removeItem('roer.organisations'); localStorage.setItem('roer.lang', 'nl'); });
    await open('#/ictfoto');
    await expect(page.locator('nav a[aria-current=page]').innerText()).resolves.toBe('ICT-foto');
    expect(await text('#ict-answer')).toBe('3 applicaties draaien op een versie zonder ondersteuning, in 2 bedrijfskritische functies. '
      + 'Bij nog 2 applicaties stopt de ondersteuning binnen 6 maanden.');
    // Each card's line says what its number is of (the personal data belong to the applications, not to the functions).
    expect(await page.locator('#ict-figures .card').evaluateAll(cards => cards.map(card => [...card.querySelectorAll('h2, .big, .hint')].map(el => (el as HTMLElement).innerText)))).toEqual([
      // The second lines say how the cards fit the table's columns, without opening "Hoe leest u dit?".
      ['Applicaties zonder ondersteuning', '3', 'waarvan 2 bedrijfskritisch en 1 met persoonsgegevens', 'elke applicatie één keer; de kolom "Vallen mee uit" telt per regel ook wat ervan afhangt'],
      ['Bedrijfskritische functies geraakt', '2', 'bedrijfsfuncties van de 2 bedrijfskritische applicaties zonder ondersteuning', 'de tabel noemt per regel alle geraakte functies, ook niet-kritieke: samen 4'],
      ['Ondersteuning stopt binnen 6 maanden', '2', 'applicaties; bedrijfskritische functies geraakt: 1'],
    ]);
    expect(await page.locator('#ict-table thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Vallen mee uit (ook wat ervan afhangt)', 'Functies geraakt (ook niet-kritieke)']));
    expect(await page.locator('#ict-table tbody tr').count()).toBe(5);
    const first = await page.locator('#ict-table tbody tr').first().locator('td').allInnerTexts();
    expect(first).toEqual(['zonder ondersteuning', 'Databaseserver (platform)', 'gm1', 'PostgreSQL 11.22', '09-11-2023', 'hoog', 'ja', '2', 'Belastingen, Parkeren']);
    await shot('ict-foto-1280');
  });

  it('when an advisory with a version range is entered, then the affected organisations and the impact are shown', async () => {
    await page.fill('#adv-product', 'Tomcat');
    await page.fill('#adv-range', '>=9.0.10 <10.1.21');
    await page.click('#adv-submit');
    await page.waitForSelector('#adv-answer');
    expect(await text('#adv-answer')).toBe('2 applicaties vallen uit bij 1 organisatie, waarvan 1 bedrijfskritisch. '
      // What runs the version is named in the answer, the platform first.
      + 'Zelf draaien Tomcat >=9.0.10 <10.1.21 (1 applicatie en 1 platform): Webserver (Apache Tomcat 9.0.85), Archief (Apache Tomcat 10.1.20). De rest valt uit omdat die erop draait of ervan afhangt. '
      + 'Bedrijfsfuncties die helemaal stoppen (geen andere applicatie ondersteunt ze nog): 2.');
    // The applications that stop, named, the critical first: the platform's Zaaksysteem falls with it.
    const down = await page.locator('#adv-down-table tbody tr').evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => (td as HTMLElement).innerText)));
    expect(down).toEqual([['Zaaksysteem', 'gm1', 'kritiek', 'Zaakafhandeling', 'nee'], ['Archief', 'gm1', 'midden', 'Archivering', 'ja']]);
    expect(await text('#adv-down h3')).toBe('Applicaties die uitvallen (2)');
    // Applications and platforms running the version in two columns (the answer's "1 applicatie en 1 platform"); no functions weakened says "geen".
    expect(await page.locator('#adv-organisations thead th').allInnerTexts()).toEqual(['Organisatie(s)', 'Applicaties met de versie', 'Platforms met de versie', 'Vallen uit', 'Bedrijfskritisch', 'Bedrijfsfuncties die stoppen', 'Bedrijfsfuncties die verzwakken']);
    expect(await page.locator('#adv-organisations tbody tr td').allInnerTexts()).toEqual(['gm1', '1', '1', '2', '1', 'Archivering, Zaakafhandeling', 'geen']);
    // What runs the version comes before the (possibly long) list of what fails with it.
    expect(await page.evaluate(() => Boolean(document.querySelector('#adv-table')!.compareDocumentPosition(document.querySelector('#adv-down')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect(await text('#adv-unknown')).toContain('Meldingen');
    await page.locator('#advisory').scrollIntoViewIfNeeded();
    await shot('ict-foto-advisory-1280');
  });

  it('when shown in English 390 px wide, then nothing scrolls sideways and the answer is on the first screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.evaluate(() => localStorage.setItem('roer.lang', 'en'));
      await open('#/ictfoto?months=3');
      // The menu in English words; the heading keeps the Dutch name people know.
      expect(await page.locator('nav a[aria-current=page]').innerText()).toBe('ICT snapshot');
      expect(await text('h1')).toBe('ICT snapshot (ICT-foto): versions and support');
      expect(await text('#ict-answer')).toBe('3 applications run a version out of support, in 2 business-critical functions. For 2 more applications, support ends within 3 months.');
      const { scrollWidth, innerWidth, answerTop } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, answerTop: document.querySelector('#ict-answer')!.getBoundingClientRect().top,
      }));
      expect(scrollWidth).toBe(innerWidth);
      expect(answerTop).toBeLessThan(844);
      await shot('ict-foto-390-en', false);
    } finally {
      await page.evaluate(() => localStorage.setItem('roer.lang', 'nl'));
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
