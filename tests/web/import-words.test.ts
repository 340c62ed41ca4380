// What the import page says, as a person reads it (real server, real Neo4j, Chromium): a source name
// with spaces is caught as it is typed, with the rule and a valid name to use; a new source whose
// suppliers another source delivered first says they already existed and names what differs; the
// history gives endoflife.date's run its counts in words and its source a name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { importEndOfLife } from '../../importers/endoflife.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { startUi, type Ui } from './browser.js';
import { checkThroughPage, type CsvFile, csvFile as csv, importThroughPage as importThrough } from './import-through-page.js';

let driver: Driver;
let ui: Ui;
let page: Page;

const shot = (name: string) => ui.shot(name, true);
const importThroughPage = (files: CsvFile[], source: string) => importThrough(page, files, source);

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  const eol = await importEndOfLife(driver, [{ name: 'endoflife.json', bytes: readFileSync(join('importers', 'demo', 'data', 'endoflife.json')) }], { source: 'demo:endoflife', user: 'roer-start' });
  if (!eol.runId) throw new Error(JSON.stringify(eol.issues));
  ui = await startUi(driver, 'importwords', { width: 1280, height: 900 });
  page = ui.page;
  await ui.open('#/import');
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

describe('the import page in words', () => {
  it('when a source name with spaces is typed, then the rule is shown next to the field with a valid name to use', async () => {
    await page.fill('#import-source', 'Leveranciers test B');
    await page.waitForSelector('#import-source-problem:not([hidden])');
    expect(await page.locator('#import-source-problem').textContent()).toBe('Een bronnaam bestaat uit letters, cijfers en . _ : @ - of een schuine streep, zonder spaties. Gebruik leveranciers-test-b');
    expect(await page.getAttribute('#import-source', 'aria-invalid')).toBe('true');
    await shot('import-source-rule-nl');
    await page.click('#import-source-fix');
    expect(await page.inputValue('#import-source')).toBe('leveranciers-test-b');
    expect(await page.locator('#import-source-problem').isHidden()).toBe(true);
  }, 120_000);

  it('when a new source delivers two suppliers another source delivered first, then it says they existed and names what differs', async () => {
    await importThroughPage([csv('a-suppliers.csv', 'id,name,country\nacme,Acme B.V.,NL\nbeta,Beta B.V.,NL\n')], 'csv:bron-a');
    await importThroughPage([csv('b-suppliers.csv', 'id,name,country\nacme,Acme B.V.,DE\nbeta,Beta B.V.,BE\n')], 'leveranciers-test-b');
    expect(await page.locator('#import-tables').textContent()).toBe('leveranciers: 2 rijen (2 bestonden al)');
    expect(await page.locator('#import-conflicts').textContent()).toBe('2 gegevens van deze bron wijken af van een andere bron: Acme B.V. (land), Beta B.V. (land). De waarde van de eerste bron telt; zie Datakwaliteit.');
    await shot('import-second-source-nl');
  }, 180_000);

  it('when an import is done, then a link leads to what exactly that import changed, and the history\'s dates of imports that changed something lead there too', async () => {
    const link = page.locator('#import-changes-link');
    await link.waitFor();
    await expect(link.textContent()).resolves.toBe('Bekijk wat deze import veranderde');
    const runs: { runId: string; source: string; startedAt: string; status: string; unchangedSince: string | null }[] = await page.evaluate(async () => (await fetch('/api/imports')).json());
    const latest = runs.find(run => run.source === 'leveranciers-test-b')!;
    const hash = `#/changes?${new URLSearchParams({ since: latest.startedAt, until: latest.runId })}`;
    expect(await link.getAttribute('href')).toBe(hash);
    await page.waitForFunction(() => (document.querySelector('#import-history')?.textContent ?? '').includes('leveranciers-test-b'));
    const dates = await page.$$eval('#import-history tbody tr', rows => rows.map(row => row.querySelector('td a')?.getAttribute('href') ?? null));
    expect(dates).toContain(hash);
    expect(dates.filter(Boolean)).toHaveLength(runs.filter(run => run.status === 'ok' && !run.unchangedSince).length);
    await shot('import-changes-link-nl');
    await link.click();
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && (document.querySelector('#changes-lead')?.textContent ?? '').startsWith('Wat de import van '), null, { timeout: 60_000 });
    expect(await page.locator('#changes-runs li').count()).toBe(1);
    await shot('import-changes-followed-nl');
    await ui.open('#/import');
  }, 120_000);

  it('when the history is shown, then the endoflife.date run has its counts in words and its source a name', async () => {
    await page.waitForFunction(() => (document.querySelector('#import-history')?.textContent ?? '').includes('leveranciers-test-b'));
    const row = await page.$$eval('#import-history tbody tr', rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.textContent ?? '')).find(cells => cells.some(c => c.includes('demo:endoflife'))));
    expect(row).toBeDefined();
    expect(row!.some(cell => /^\d+ releasecycli/.test(cell))).toBe(true);
    expect(row!.some(cell => cell === 'endoflife.date (demo) demo:endoflife')).toBe(true);
    const second = await page.$$eval('#import-history tbody tr', rows => rows.map(r => [...r.querySelectorAll('td')].map(td => td.textContent ?? '')).find(cells => cells.some(c => c.includes('leveranciers-test-b'))));
    expect(second).toContain('leveranciers: 2 rijen (2 bestonden al)');
    await shot('import-history-nl');
  }, 120_000);

  it('when an existing source is typed by the name the pages show it by, then that source is offered, not a new one', async () => {
    // As the landscape workbook names the source to import it under: "bron-a (CSV-bestanden)", with other capitals.
    await page.fill('#import-source', 'Bron-A (CSV-bestanden)');
    await page.waitForSelector('#import-source-problem:not([hidden])');
    expect(await page.locator('#import-source-fix').textContent()).toBe('Gebruik de bestaande bron bron-a (CSV-bestanden) (csv:bron-a)');
    await page.click('#import-source-fix');
    expect(await page.inputValue('#import-source')).toBe('csv:bron-a');
    expect(await page.locator('#import-source-problem').isHidden()).toBe(true);
    await page.fill('#import-source', '');
  }, 60_000);
  it('when files are checked under a new source while another holds their organisation, then it says the new source would come beside it and offers to check under that one', async () => {
    const files = [csv('x-applications.csv', 'id,organisation,name\nzaak,gemeente-x,Zaaksysteem X\n')];
    await importThroughPage(files, 'csv:gemeente-x');
    // As a user who followed an example name: a valid, new source for the same municipality.
    await checkThroughPage(page, files, 'xlsx:gemeente-x', '#import-alongside');
    expect(await page.locator('#import-alongside p').textContent()).toBe('Let op: Gemeente X (Excel-bestand) is een nieuwe bron, en de organisaties in deze bestanden zijn al geïmporteerd onder Gemeente X (CSV-bestanden). Importeert u hier, dan komt Gemeente X (Excel-bestand) ernaast. Wilt u die bron bijwerken, controleer dan onder die bron.');
    await shot('import-alongside-nl');
    // Drawn again in English after a language switch, with its choice.
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('#import-alongside p') !== null);
    expect(await page.locator('#import-alongside p').textContent()).toBe('Note: Gemeente X (Excel workbook) is a new source, and the organisations in these files were imported before under Gemeente X (CSV files). Importing here puts Gemeente X (Excel workbook) beside it. To update that source, check under it instead.');
    await page.selectOption('#language', 'nl');
    await page.waitForFunction(() => document.documentElement.lang === 'nl' && document.querySelector('#import-alongside p') !== null);
    await page.click('#import-alongside button');
    await page.waitForFunction(() => (document.querySelector('#import-source') as HTMLInputElement).value === 'csv:gemeente-x' && document.querySelector('#import-result .message') !== null);
    await page.waitForSelector('#import-result .message.ok');
    expect(await page.locator('#import-alongside').count()).toBe(0);
  }, 180_000);
});
