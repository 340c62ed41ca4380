// Two sources that disagree, imported through the import page as a person does (real server, real
// Neo4j, Chromium): the import says so and links to the data-quality page; that page answers first and
// lists the conflict with both values, the one that counts, the sources by name and the rule in Dutch;
// the supplier's side panel says it in one line. A language switch keeps the import page's files,
// source and answer.
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { dutchDay } from '../../server/format.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { ARTIFACTS, startUi, type Ui } from './browser.js';
import { checkThroughPage, type CsvFile, csvFile as csv, importThroughPage as importThrough } from './import-through-page.js';

let driver: Driver;
let ui: Ui;
let page: Page;

const ROERDAM = [
  csv('roerdam-suppliers.csv', 'id,name,country\nacme,Acme B.V.,NL\nbeta,Beta B.V.,NL\n'),
  csv('roerdam-applications.csv', 'id,organisation,name,supplier,criticality\nzaak,gemeente-roerdam,Zaaksysteem,acme,high\nweb,gemeente-roerdam,Website,beta,low\nzz-alarm,gemeente-roerdam,Alarmering,beta,high\n'),
  // Alarmering's only contract has ended: business-critical without a running contract. Its key sorts last, its name
  // first: the page lists by name.
  csv('roerdam-contracts.csv', 'id,organisation,supplier,applications,start,end,autoRenew\nc-1,gemeente-roerdam,beta,zz-alarm,2022-01-01,2025-12-31,nee\n'),
];
// A second source that gives Acme another country (and says nothing else differently).
const TEST_B = [csv('test-b-suppliers.csv', 'id,name,country\nacme,Acme B.V.,DE\n')];

const ready = () => page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
const shot = (name: string) => ui.shot(name, true);
const importThroughPage = (files: CsvFile[], source: string) => importThrough(page, files, source);

async function switchLanguage(to: 'nl' | 'en'): Promise<void> {
  await page.selectOption('#language', to);
  await page.waitForFunction(lang => document.body.dataset.ready === 'true' && document.documentElement.lang === lang, to);
}

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  ui = await startUi(driver, 'dataquality', { width: 1280, height: 900 });
  page = ui.page;
  await ui.open('#/import');
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

describe('data quality where a person works', () => {
  it('when a second source gives a supplier another country, then the import says so and links to the data-quality page', async () => {
    await importThroughPage(ROERDAM, 'csv:gemeente-roerdam');
    expect(await page.locator('#import-conflicts').count()).toBe(0);
    await importThroughPage(TEST_B, 'csv:test-b');
    expect(await page.locator('#import-conflicts').textContent()).toBe('1 gegeven van deze bron wijkt af van een andere bron: Acme B.V. (land). De waarde van de eerste bron telt; zie Datakwaliteit.');
    await shot('data-quality-import-nl');
  }, 120_000);

  it('when the language is switched after the import, then the files, the source and the answer stay, in English', async () => {
    await switchLanguage('en');
    expect(await page.locator('#import-files').evaluate(input => [...(input as HTMLInputElement).files!].map(file => file.name))).toEqual(['test-b-suppliers.csv']);
    expect(await page.inputValue('#import-source')).toBe('csv:test-b');
    expect(await page.locator('#import-result .message.ok').textContent()).toBe('Import complete.');
    expect(await page.locator('#import-conflicts').textContent()).toBe('1 fact of this source differs from another source: Acme B.V. (country). The first source\'s value counts; see Data quality.');
    expect(await page.textContent('#import-source-hint')).toContain('(see Import history)');
    await shot('data-quality-import-en');
    await switchLanguage('nl');
    expect(await page.locator('#import-conflicts').textContent()).toBe('1 gegeven van deze bron wijkt af van een andere bron: Acme B.V. (land). De waarde van de eerste bron telt; zie Datakwaliteit.');
  }, 120_000);

  it('when the data-quality page opens, then it answers first and shows the conflict with both values, the sources by name, the one that counts and the rule', async () => {
    await page.click('#import-conflicts a');
    await ready();
    expect(page.url()).toContain('#/data-quality');
    expect(await page.textContent('#dq-answer')).toBe('Gevonden: 1 tegenstrijdig gegeven tussen bronnen, 2 bedrijfskritische applicaties zonder lopend contract en 3 applicaties zonder platform.');
    const row = page.locator('#dq-conflicts tbody tr[data-uid="supplier:acme"][data-property="country"]');
    expect(await row.locator('td').allInnerTexts()).toEqual(['Acme B.V.', 'Leverancier', 'Land', 'Nederland van Gemeente Roerdam (CSV-bestanden)', 'Duitsland van test-b (CSV-bestanden)', 'eerste bron: de bron die het als eerste aanleverde']);
    expect(await page.locator('#dq-conflicts tbody tr').count()).toBe(1);
    expect(await page.locator('#dq-application-without-platform li').allTextContents()).toEqual(['Alarmering', 'Website', 'Zaaksysteem']);
    expect(await page.locator('#dq-critical-application-without-contract li').allTextContents()).toEqual(['Alarmering — laatste contract beëindigd op 31-12-2025', 'Zaaksysteem']);
    await shot('data-quality-1280');

    // The download button gives every finding as a workbook a person reads; print the conflict's row to look at it.
    const day = dutchDay();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dq-xlsx')]);
    // Saved with the day, so last month's findings are not overwritten (by the Dutch clock; either day across midnight).
    expect([`roer-datakwaliteit-${day}.xlsx`, `roer-datakwaliteit-${dutchDay()}.xlsx`]).toContain(download.suggestedFilename());
    const path = join(ARTIFACTS, 'roer-datakwaliteit.xlsx');
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const cells: string[][] = [];
    workbook.worksheets[0].eachRow(r => cells.push((r.values as unknown[]).slice(1).map(value => String(value ?? ''))));
    const header = cells[0];
    const acme = cells.find(row => row.includes('Acme B.V.'))!;
    const cell = (column: string) => acme[header.indexOf(column)];
    expect([cell('Controle'), cell('Gegeven'), cell('Bron die telt'), cell('Regel'), cell('Waarden per bron')])
      .toEqual(['Bronnen zeggen iets anders', 'Land', 'csv:gemeente-roerdam', 'eerste bron: de bron die het als eerste aanleverde', 'NL (csv:gemeente-roerdam), DE (csv:test-b)']);
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('data-quality-390');
    // On a phone the row reads as a card, each value with what it is.
    expect((await row.innerText()).split('\n')).toEqual(['Onderdeel: Acme B.V.', 'Soort: Leverancier', 'Gegeven: Land', 'Waarde die telt: Nederland van Gemeente Roerdam (CSV-bestanden)', 'Andere waarde: Duitsland van test-b (CSV-bestanden)', 'Regel: eerste bron: de bron die het als eerste aanleverde']);
    // Nothing sticks out of the phone's width but the table's own scroll box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    await switchLanguage('en');
    expect(await page.textContent('#dq-answer')).toBe('Found: 1 fact the sources disagree on, 2 business-critical applications without a running contract and 3 applications without a platform.');
    expect(await row.locator('td').allInnerTexts()).toEqual(['Acme B.V.', 'Supplier', 'Country', 'Netherlands from Gemeente Roerdam (CSV files)', 'Germany from test-b (CSV files)', 'first source: the source that asserted it first']);
    await switchLanguage('nl');
  }, 120_000);

  it('when the supplier is opened from the page by keyboard, then its side panel says which sources disagree and links back', async () => {
    await page.focus('#dq-conflicts button.link[data-uid="supplier:acme"]');
    await page.keyboard.press('Enter');
    await ready();
    const line = page.locator('#panel-conflicts li');
    await line.waitFor({ timeout: 30_000 });
    expect(await line.textContent()).toBe('Bronnen zijn het oneens over land: Nederland van Gemeente Roerdam (CSV-bestanden), telt – Duitsland van test-b (CSV-bestanden)');
    await shot('data-quality-panel-1280');
    await page.click('#panel-conflicts-link');
    await ready();
    expect(await page.locator('#dq-conflicts tr.focus').getAttribute('data-uid')).toBe('supplier:acme');
  }, 120_000);

  it('when a check\'s answer is on the import page and the language is switched, then the answer shows again in the new language with the files and source kept', async () => {
    await ui.open('#/import');
    await checkThroughPage(page, TEST_B, 'csv:test-b', '#import-result .message.ok');
    expect(await page.locator('#import-result .message.ok').textContent()).toBe('Geen fouten gevonden.');
    await switchLanguage('en');
    expect(await page.locator('#import-result .message.ok').textContent()).toBe('No problems found.');
    expect(await page.inputValue('#import-source')).toBe('csv:test-b');
    expect(await page.locator('#import-files').evaluate(input => (input as HTMLInputElement).files!.length)).toBe(1);
    // The kept files are the ones chosen: they import.
    await page.click('#import-commit');
    await page.waitForSelector('#import-result .message.ok:has-text("the data have not changed since the import of")');
    await switchLanguage('nl');
  }, 120_000);
});
