// The contract calendar as a buyer reads it (real server, real Neo4j, Chromium), on 03-12-2026: the
// answer before the table, the contracts to act on now on top and marked in words and by a bar, days
// to the notice deadline in words, the renewal clause apart from a renewal that happened.
// Dates below are computed by hand.
import { jest } from '@jest/globals';
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { startUi, type Ui } from './browser.js';

const TODAY = new Date('2026-12-03T10:00:00Z');
let driver: Driver;
let ui: Ui;

beforeAll(async () => {
  // The server runs in this process: only its clock is set, timers run as usual.
  jest.useFakeTimers({ now: TODAY, doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
  driver = testDriver();
  await resetDatabase(driver);
  const report = await importLandscape(driver, Landscape.parse({
    suppliers: [{ id: 'grutto', name: 'Grutto Software B.V.' }, { id: 'kievit', name: 'Kievit Software B.V.' }],
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Persoonsregistratie', supplier: 'grutto', criticality: 'kritiek' },
      { id: 'a2', organisation: 'gm1', name: 'Afval', supplier: 'grutto', criticality: 'laag' },
      { id: 'a3', organisation: 'gm1', name: 'Planning', supplier: 'kievit', criticality: 'midden' },
    ],
    contracts: [
      // Notice deadline 29-06-2026 passed, business-critical, ends 29-12-2026.
      { id: 'c-0001', organisation: 'gm1', supplier: 'grutto', applications: 'a1', end: '29-12-2026', noticeMonths: '6', autoRenew: 'nee', annualValue: '32369' },
      // Notice deadline 15-08-2026 passed, business-critical, renews 15-12-2026: sooner, so on top.
      { id: 'c-0150', organisation: 'gm1', supplier: 'kievit', applications: 'a1', end: '15-12-2026', noticeMonths: '4', autoRenew: 'ja', annualValue: '255179' },
      // Notice deadline 20-11-2026 passed, nothing business-critical.
      { id: 'c-0136', organisation: 'gm1', supplier: 'grutto', applications: 'a2', end: '20-12-2026', noticeMonths: '1', autoRenew: 'ja', annualValue: '33862' },
      // Notice deadline today, and in 23 days.
      { id: 'c-0200', organisation: 'gm1', supplier: 'grutto', applications: 'a2', end: '03-01-2027', noticeMonths: '1', autoRenew: 'nee', annualValue: '1000' },
      { id: 'c-0018', organisation: 'gm1', supplier: 'kievit', applications: 'a3', end: '26-03-2027', noticeMonths: '3', autoRenew: 'ja', annualValue: '9614' },
      // Ended 06-09-2026 without notice: renewed until 06-09-2027, notice by 06-06-2027.
      { id: 'c-0147', organisation: 'gm1', supplier: 'kievit', applications: 'a3', end: '06-09-2026', noticeMonths: '3', autoRenew: 'ja', annualValue: '1000' },
    ],
  }), { source: 'csv:calendar', user: 'test' });
  if (!report.ok) throw new Error(JSON.stringify(report.issues));
  ui = await startUi(driver, 'calendar');
  await ui.page.clock.setFixedTime(TODAY);
}, 600_000);

afterAll(async () => {
  jest.useRealTimers();
  await ui?.close();
  await driver?.close();
});

/** The table's rows as text per column, by column key. */
const table = () => ui.page.locator('#calendar-table').evaluate(element => {
  const keys = [...element.querySelectorAll('thead th')].map(th => th.getAttribute('data-key')!);
  return [...element.querySelectorAll('tbody tr')].map(tr => ({
    uid: tr.getAttribute('data-uid'),
    className: tr.className,
    ...Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [keys[i], (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim()])),
  })) as Record<string, string>[];
});

it('when the calendar opens on 03-12-2026, then it first answers how many contracts to act on, then lists those to act on now on top, in words', async () => {
  const { page } = ui;
  await ui.open('#/calendar');
  await page.locator('#calendar-table tbody tr').first().waitFor();
  expect(await page.locator('#calendar-answer').textContent()).toBe('In de komende 12 maanden (tot en met 03-12-2027) moet u 6 contracten opzeggen of verlengen; 3 zijn al over hun opzegdatum, waarvan 2 met bedrijfskritische applicaties: regel die nu (bovenaan de tabel).');
  // The answer is the first thing on the page after the controls, above the table.
  const answerBox = (await page.locator('#calendar-answer').boundingBox())!;
  expect(answerBox.y).toBeLessThan((await page.locator('#calendar-table').boundingBox())!.y);
  expect(answerBox.y).toBeLessThan((await page.locator('#calendar-timeline').boundingBox())!.y);

  const rows = await table();
  expect(rows.map(row => [row.contract, row.status])).toEqual([
    ['c-0150', '⚠ Nu regelen: opzegdatum verstreken, bedrijfskritisch verlengt stilzwijgend op 15-12-2026'],
    ['c-0001', '⚠ Nu regelen: opzegdatum verstreken, bedrijfskritisch loopt af op 29-12-2026'],
    ['c-0136', 'Opzegdatum verstreken verlengt stilzwijgend op 20-12-2026'],
    ['c-0200', 'Binnen 3 maanden opzeggen'],
    ['c-0018', 'Binnen 3 maanden opzeggen'],
    ['c-0147', 'Nog tijd'],
  ]);
  expect(rows.map(row => [row.contract, row.notice, row.days])).toEqual([
    ['c-0150', '15-08-2026', 'Verstreken: 110 dagen geleden'],
    ['c-0001', '29-06-2026', 'Verstreken: 157 dagen geleden'],
    ['c-0136', '20-11-2026', 'Verstreken: 13 dagen geleden'],
    ['c-0200', '03-12-2026', 'Vandaag'],
    ['c-0018', '26-12-2026', 'Nog 23 dagen'],
    ['c-0147', '06-06-2027', 'Nog 185 dagen'],
  ]);
  // The clause ("verlengt … als niet wordt opgezegd") apart from the renewal that already happened.
  expect(rows.map(row => [row.contract, row.end, row.autoRenew])).toEqual([
    ['c-0150', '15-12-2026', 'Verlengt stilzwijgend als niet wordt opgezegd'],
    ['c-0001', '29-12-2026', 'Geen stilzwijgende verlenging: loopt af op de einddatum'],
    ['c-0136', '20-12-2026', 'Verlengt stilzwijgend als niet wordt opgezegd'],
    ['c-0200', '03-01-2027', 'Geen stilzwijgende verlenging: loopt af op de einddatum'],
    ['c-0018', '26-03-2027', 'Verlengt stilzwijgend als niet wordt opgezegd'],
    ['c-0147', '06-09-2027', 'Al stilzwijgend verlengd; einddatum volgens contract was 06-09-2026'],
  ]);
  expect(await page.locator('#calendar-table thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Status', 'Tijd tot opzegdatum', 'Verlenging']));
  // Not by colour alone: the rows to act on now also carry a bar that the other overdue row lacks.
  const bar = (uid: string) => page.locator(`tr[data-uid="${uid}"] td`).first().evaluate(td => parseFloat(getComputedStyle(td).borderLeftWidth));
  expect(await bar('contract:gm1/c-0150')).toBeGreaterThanOrEqual(4);
  expect(await bar('contract:gm1/c-0136')).toBeLessThan(2);
  await ui.shot('calendar-urgent', true);

  // Sorting by another column and back by status restores the order of urgency.
  await page.locator('#calendar-table th[data-key=contract] button').click();
  expect((await table()).map(row => row.contract)[0]).toBe('c-0001');
  await page.locator('#calendar-table th[data-key=status] button').click();
  expect((await table()).map(row => row.contract)).toEqual(['c-0150', 'c-0001', 'c-0136', 'c-0200', 'c-0018', 'c-0147']);
}, 180_000);

it('when the window is this quarter, then the answer says so and counts the contracts up to 31-12-2026', async () => {
  const { page } = ui;
  await ui.open('#/calendar');
  await page.locator('#calendar-table tbody tr').first().waitFor();
  await page.getByLabel('Dit kwartaal').check();
  await page.waitForFunction(() => document.querySelectorAll('#calendar-table tbody tr').length === 5);
  expect(await page.locator('#calendar-answer').textContent()).toBe('Dit kwartaal (tot en met 31-12-2026) moet u 5 contracten opzeggen of verlengen; 3 zijn al over hun opzegdatum, waarvan 2 met bedrijfskritische applicaties: regel die nu (bovenaan de tabel).');
  await ui.shot('calendar-quarter', true);
  // The same in English, the window kept.
  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.querySelector('#calendar-answer')?.textContent?.startsWith('This quarter'));
  expect(await page.locator('#calendar-answer').textContent()).toBe('This quarter (up to and including 31 Dec 2026) you must cancel or renew 5 contracts; 3 are already past their notice deadline, 2 of them covering business-critical applications: act on those now (top of the table).');
  expect((await table()).map(row => [row.status, row.days])[0]).toEqual(['⚠ Act now: notice deadline passed, business-critical renews automatically on 15 Dec 2026', 'Passed: 110 days ago']);
  await page.selectOption('#language', 'nl');
}, 180_000);
