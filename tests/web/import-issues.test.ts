// The import page with an upload full of mistakes, in a real Chromium against a real server and the
// test Neo4j: each problem reads in Dutch (and in English after the language switch), naming the
// file, line and column and what was expected; nothing is imported.
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { nodes, resetDatabase, testDriver } from '../support/db.js';
import { ARTIFACTS, serveUi, startUi } from './browser.js';

let driver: Driver;
let served: Awaited<ReturnType<typeof serveUi>>;
let page: Page;

const csv = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const FILES = [
  csv('leveranciers.csv', 'id;naam\nacme;Acme BV\n'),
  csv('applicaties.csv', 'id;organisatie;naam;leverancier;kritikaliteit\nzaak;gm0363;Zaaksysteem;acme;hoog\nzaak;gm0363;Zaaksysteem 2;acme;laag\nbrp;gm0363;BRP;acme;heel hoog\n'),
  csv('contracten.csv', 'id;organisatie;leverancier;applicaties;einddatum;jaarwaarde\nc1;gm0363;acme;zaak|weg;31-12-2027;veel\n'),
];

async function check(): Promise<string[]> {
  await page.setInputFiles('#import-files', FILES);
  await page.fill('#import-source', 'csv:gm0363');
  await page.click('#import-dry-run');
  await page.waitForSelector('#import-issues');
  return page.locator('#import-issues tbody tr').evaluateAll(rows => rows.map(row => row.lastElementChild?.textContent ?? ''));
}

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  // Chromium asks in English: the page's own language (Dutch) decides what the user reads.
  const ui = await startUi(driver, 'issues', { width: 1280, height: 900 }, 'en-GB');
  [served, page] = [ui, ui.page];
  await ui.open('#/import');
}, 600_000);

afterAll(async () => {
  await served?.close();
  await driver?.close();
});

describe('import page: problems in the reader\'s language', () => {
  it('when an upload has errors, then each reads in Dutch with file, line, column and what was expected', async () => {
    const messages = await check();
    expect(messages).toEqual([
      "applicaties.csv, regel 3, kolom 'id': id 'zaak' komt twee keer voor in organisatie gm0363 (eerst in applicaties.csv, regel 2); verwacht: een id dat één keer voorkomt per tabel en organisatie",
      "applicaties.csv, regel 4, kolom 'kritikaliteit': 'heel hoog' is geen geldige waarde; verwacht: laag, midden, hoog of kritiek",
      "contracten.csv, regel 2, kolom 'jaarwaarde': 'veel' is geen geldige waarde; verwacht: een bedrag in euro zoals 1.234,56, € 1.234,56 of 1234.56",
    ]);
    // The file button speaks the page's language, not Chromium's ("Choose Files"), and names what was chosen.
    expect(await page.locator('.file-button').textContent()).toBe('Bestanden kiezen');
    expect(await page.locator('#import-chosen').textContent()).toBe('leveranciers.csv, applicaties.csv, contracten.csv');
    expect(await page.locator('#import-files').boundingBox()).toMatchObject({ width: 1, height: 1 });
    const row = await page.locator('#import-issues tbody tr', { hasText: 'heel hoog' }).locator('td').allTextContents();
    expect(row).toEqual(['applicaties.csv', '4', 'kritikaliteit', 'Kritikaliteit', 'heel hoog', 'laag, midden, hoog of kritiek', expect.stringContaining('is geen geldige waarde')]);
    expect(await page.locator('#import-result').textContent()).toContain('3 fouten gevonden; er is niets geïmporteerd.');
    expect(await nodes(driver, 'Application')).toEqual([]);
    await page.locator('#import-issues').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'import-issues-nl.png'), fullPage: true });
  }, 120_000);

  it('when the language is switched to English, then the same problems read in English', async () => {
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.documentElement.lang === 'en');
    const messages = await check();
    expect(messages).toContain("applicaties.csv, line 4, column 'kritikaliteit': 'heel hoog' is not a valid value; expected: low, medium, high or critical");
    await page.screenshot({ path: join(ARTIFACTS, 'import-issues-en.png'), fullPage: true });
    await page.selectOption('#language', 'nl');
  }, 120_000);

  it('when an interfaces file lacks its column naar, then the column and the field read as users write them, not the key "to"', async () => {
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.documentElement.lang === 'nl');
    await page.setInputFiles('#import-files', [csv('koppelingen.csv', 'id;organisatie;van\nk1;gm0363;zaak\n')]);
    await page.click('#import-dry-run');
    await page.waitForSelector('#import-issues');
    const row = await page.locator('#import-issues tbody tr', { hasText: 'ontbreekt' }).locator('td').allTextContents();
    expect(row.slice(0, 4)).toEqual(['koppelingen.csv', '1', 'naar', 'Naar']);
    expect(await page.locator('#import-result .message.error').textContent()).toBe('1 fout gevonden; er is niets geïmporteerd.');
    await page.locator('#import-issues').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'import-issues-missing-column-nl.png'), fullPage: true });
  }, 120_000);

  it('when two suppliers in the upload have the same name, then the page says which was merged into which, and why', async () => {
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.documentElement.lang === 'nl');
    await page.setInputFiles('#import-files', [
      csv('leveranciers.csv', 'id;naam\nacme;Acme BV\nacme2;ACME B.V.\n'),
      csv('applicaties.csv', 'id;organisatie;naam;leverancier\nzaak;gm0363;Zaaksysteem;acme2\n'),
    ]);
    await page.fill('#import-source', 'csv:gm0363');
    await page.click('#import-dry-run');
    await page.waitForSelector('#import-merges');
    expect((await page.locator('#import-merges').innerText()).replace(/\s+/g, ' ').trim())
      .toBe('Leveranciers samengevoegd: rijen die de ene noemen, gelden voor de andere (1). ACME B.V. (acme2) → Acme BV (acme): zelfde naam');
    // Imported, the counts add up to the rows read: the second supplier row went into the first.
    await page.click('#import-commit');
    await page.waitForFunction(() => /Import voltooid/.test(document.querySelector('#import-result')?.textContent ?? ''), null, { timeout: 60_000 });
    expect(await page.locator('#import-tables').textContent()).toContain('leveranciers: 2 rijen (1 nieuw, 1 samengevoegd met een andere leverancier)');
    await page.waitForFunction(() => (document.querySelector('#import-history')?.textContent ?? '').includes('samengevoegd'));
    expect(await page.locator('#import-history').textContent()).toContain('leveranciers: 2 rijen (1 nieuw, 1 samengevoegd met een andere leverancier)');
    await page.screenshot({ path: join(ARTIFACTS, 'import-merged-counts.png'), fullPage: true });
  }, 120_000);
});
