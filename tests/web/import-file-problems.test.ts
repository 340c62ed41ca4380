// The import page with files that are not tables, in a real Chromium against a real server and the
// test Neo4j: an ArchiMate model that is not well-formed XML, an endoflife.date file with a date that
// is none and a workbook that is a zip bomb read in Dutch (the page's language), naming the file, the
// line or field and what was expected; nothing is imported.
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { xlsxBomb } from '../../bench/bomb-files.js';
import { nodes, resetDatabase, testDriver } from '../support/db.js';
import { ARTIFACTS, serveUi, startUi } from './browser.js';

let driver: Driver;
let served: Awaited<ReturnType<typeof serveUi>>;
let page: Page;

const BROKEN_XML = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">
  <name>Kapot</name>
  <elements><element identifier="e1"></elements>
</model>`;
const ENDOFLIFE = JSON.stringify({ product: 'tomcat', releases: [{ cycle: '9', eol: 'binnenkort' }] });

async function dryRun(name: string, mimeType: string, text: string | Buffer, more: { name: string; mimeType: string; buffer: Buffer }[] = []): Promise<void> {
  await page.setInputFiles('#import-files', [{ name, mimeType, buffer: Buffer.from(text) }, ...more]);
  await page.fill('#import-organisation', 'gm0363');
  await page.click('#import-dry-run');
  await page.waitForSelector('#import-result .error, #import-issues');
}

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  // Chromium asks in English: the page's own language (Dutch) decides what the user reads.
  const ui = await startUi(driver, 'file-problems', { width: 1280, height: 900 }, 'en-GB');
  [served, page] = [ui, ui.page];
  await ui.open('#/import');
}, 600_000);

afterAll(async () => {
  await served?.close();
  await driver?.close();
});

describe('import page: problems of files that are not tables, in Dutch', () => {
  it('when an ArchiMate model is not well-formed XML, then the page says where and what was expected, in Dutch', async () => {
    await dryRun('model.xml', 'application/xml', BROKEN_XML);
    const text = await page.locator('#import-result').textContent();
    expect(text).toMatch(/model\.xml, regel 4, teken \d+: onleesbare XML: <\/elements> staat waar <\/element> moet komen: <element> \(regel 4, teken 13\) is nog niet gesloten; verwacht: <\/element> vóór <\/elements>/);
    expect(text).not.toMatch(/Expected closing tag/);
    await page.screenshot({ path: join(ARTIFACTS, 'import-file-problem-xml-nl.png'), fullPage: true });
  }, 120_000);

  it('when an endoflife.date file holds a date that is none, then its issue names the field in Dutch', async () => {
    await dryRun('tomcat.json', 'application/json', ENDOFLIFE);
    await page.waitForSelector('#import-issues');
    const messages = await page.locator('#import-issues tbody tr').evaluateAll(rows => rows.map(row => row.lastElementChild?.textContent ?? ''));
    expect(messages).toEqual([expect.stringMatching(/^tomcat\.json: veld '[^']*eol': 'binnenkort' is geen geldige waarde; verwacht: een datum \(2027-03-31\) of true\/false$/)]);
    expect(await nodes(driver, 'ReleaseCycle')).toEqual([]);
    await page.locator('#import-issues').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'import-file-problem-json-nl.png'), fullPage: true });
  }, 120_000);

  it('when two files cannot be read, then the page lists both, each with file, line, column and what was expected, in Dutch', async () => {
    // An unclosed quote in one file, binary data (a workbook saved under .csv) in the other: the second is not hidden behind the first.
    const contracts = { name: 'contracten.csv', mimeType: 'text/csv', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00]) };
    await dryRun('applicaties.csv', 'text/csv', 'id;organisatie;naam\nzaak;gm0363;"Zaaksysteem\nbrp;gm0363;BRP\n', [contracts]);
    await page.waitForSelector('#import-file-problems');
    expect(await page.locator('#import-result .message.error').textContent()).toBe('2 bestanden zijn niet te lezen; er is niets geïmporteerd. Per bestand wat er mis is:');
    const rows = await page.locator('#import-file-problems tbody tr').evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent ?? '')));
    expect(rows).toEqual([
      ['applicaties.csv', '2', '3 (naam)', expect.stringMatching(/^applicaties\.csv, regel 2, kolom 3 \(naam\): niet te lezen als CSV: het aanhalingsteken opent een cel die nergens gesloten wordt \(verwacht: een sluitend " vóór het einde van het bestand\)/)],
      ['contracten.csv', '', '', 'contracten.csv: geen CSV-bestand (het bevat binaire gegevens; het lijkt een XLSX-werkmap: sla het op als .xlsx); verwacht: tekst, in Excel opgeslagen als "CSV UTF-8"'],
    ]);
    expect(await page.locator('#import-result').textContent()).not.toMatch(/not readable|binary data/);
    expect(await nodes(driver, 'Application')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'import-file-problems-two-nl.png'), fullPage: true });
  }, 120_000);

  it('when a workbook is a zip bomb, then the page says which part would grow how much, in Dutch', async () => {
    await dryRun('leveranciers.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await xlsxBomb({ inflatedBytes: 5 * 1024 * 1024 }));
    await page.waitForFunction(() => /zip-bom/.test(document.querySelector('#import-result')?.textContent ?? ''));
    const text = await page.locator('#import-result').textContent();
    expect(text).toMatch(/leveranciers\.xlsx: onderdeel 'xl\/worksheets\/sheet1\.xml' van het werkboek zou uitgepakt [\d.]+ keer zo groot worden \(een zip-bom\?\); verwacht: een XLSX-werkboek zoals Excel of LibreOffice het opslaat/);
    expect(text).not.toMatch(/would unpack|times its size/);
    expect(await nodes(driver, 'Supplier')).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'import-file-problem-bomb-nl.png'), fullPage: true });
  }, 120_000);
});
