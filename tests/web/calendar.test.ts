// The contract calendar as a buyer reads it (real server, real Neo4j, Chromium), on 03-12-2026: the
// answer before the table, the contracts to act on now on top and marked in words and by a bar, days
// to the notice deadline in words, the renewal clause apart from a renewal that happened. A contract
// without automatic renewal has nothing to cancel: it is acted on by its end date (arrange what follows).
// Dates below are computed by hand.
import { jest } from '@jest/globals';
import type { Driver } from 'neo4j-driver';
import { Landscape } from '../../importers/model.js';
import { testDriver } from '../support/db.js';
import { startUiOnDay, type Ui } from './browser.js';

const TODAY = new Date('2026-12-03T10:00:00Z');
let driver: Driver;
let ui: Ui;

beforeAll(async () => {
  driver = testDriver();
  ui = await startUiOnDay(driver, 'calendar', Landscape.parse({
    suppliers: [{ id: 'grutto', name: 'Grutto Software B.V.' }, { id: 'kievit', name: 'Kievit Software B.V.' }],
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Persoonsregistratie', supplier: 'grutto', criticality: 'kritiek' },
      { id: 'a2', organisation: 'gm1', name: 'Afval', supplier: 'grutto', criticality: 'laag' },
      { id: 'a3', organisation: 'gm1', name: 'Planning', supplier: 'kievit', criticality: 'kritiek' },
    ],
    contracts: [
      // No automatic renewal, business-critical, ends 29-12-2026: arrange what follows now (its notice deadline means nothing).
      { id: 'c-0001', organisation: 'gm1', supplier: 'grutto', applications: 'a1', end: '29-12-2026', noticeMonths: '6', autoRenew: 'nee', annualValue: '32369' },
      // Notice deadline 31-08-2026 passed, business-critical, renews 31-12-2026: to act on now, after the two
      // business-critical contracts whose dates come sooner (26-12 and 29-12), which can still be acted on in time.
      { id: 'c-0150', organisation: 'gm1', supplier: 'kievit', applications: 'a1', end: '31-12-2026', noticeMonths: '4', autoRenew: 'ja', annualValue: '255179' },
      // Notice deadline 20-11-2026 passed, nothing business-critical.
      { id: 'c-0136', organisation: 'gm1', supplier: 'grutto', applications: 'a2', end: '20-12-2026', noticeMonths: '1', autoRenew: 'ja', annualValue: '33862' },
      // No automatic renewal, ends in 31 days; renews, notice deadline in 23 days.
      { id: 'c-0200', organisation: 'gm1', supplier: 'grutto', applications: 'a2', end: '03-01-2027', noticeMonths: '1', autoRenew: 'nee', annualValue: '1000' },
      // Renews, business-critical, notice deadline 26-12-2026: to act on now, and three days before c-0001 ends.
      { id: 'c-0018', organisation: 'gm1', supplier: 'kievit', applications: 'a3', end: '26-03-2027', noticeMonths: '3', autoRenew: 'ja', annualValue: '9614' },
      // Ended 06-09-2026 without notice: renewed until 06-09-2027, notice by 06-06-2027.
      { id: 'c-0147', organisation: 'gm1', supplier: 'kievit', applications: 'a3', end: '06-09-2026', noticeMonths: '3', autoRenew: 'ja', annualValue: '1000' },
    ],
  }), TODAY);
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
  // Four renew automatically; two of them are past their notice deadline: too late to cancel, so said apart, not among the two to cancel.
  expect(await page.locator('#calendar-answer').textContent()).toBe('In de komende 12 maanden (tot en met 03-12-2027) moet u 2 contracten opzeggen (of laten verlengen) en voor 2 aflopende contracten een vervolg regelen. Bij 2 contracten die stilzwijgend verlengen, is de opzegdatum al verstreken. Regel 3 contracten nu: ze dekken bedrijfskritische applicaties (bovenaan de tabel).');
  // The answer is the first thing on the page after the controls, above the table.
  const answerBox = (await page.locator('#calendar-answer').boundingBox())!;
  expect(answerBox.y).toBeLessThan((await page.locator('#calendar-table').boundingBox())!.y);
  expect(answerBox.y).toBeLessThan((await page.locator('#calendar-timeline').boundingBox())!.y);

  const rows = await table();
  // Named as the reports name a contract, the supplier left to its own column.
  expect(rows.map(row => [row.contract, row.supplier, row.status])).toEqual([
    // Giving notice by 26-12-2026, arranging what follows before 29-12-2026 and a renewal on 31-12-2026 are all to do now: by date.
    ['Planning (c-0018)', 'Kievit Software B.V.', '⚠ Nu regelen: binnen 3 maanden opzeggen, bedrijfskritisch'],
    ['Persoonsregistratie (c-0001)', 'Grutto Software B.V.', '⚠ Nu regelen: loopt af, bedrijfskritisch regel vervolg vóór 29-12-2026'],
    ['Persoonsregistratie (c-0150)', 'Kievit Software B.V.', '⚠ Nu regelen: opzegdatum verstreken, bedrijfskritisch verlengt stilzwijgend op 31-12-2026'],
    // Then the rest by date: c-0136 renews on 20-12-2026, before c-0200 ends.
    ['Afval (c-0136)', 'Grutto Software B.V.', 'Opzegdatum verstreken verlengt stilzwijgend op 20-12-2026'],
    ['Afval (c-0200)', 'Grutto Software B.V.', 'Loopt binnenkort af regel vervolg vóór 03-01-2027'],
    ['Planning (c-0147)', 'Kievit Software B.V.', 'Nog tijd om op te zeggen'],
  ]);
  // A contract without automatic renewal counts down to its end date, not to a notice deadline it does not have.
  expect(rows.map(row => [row.uid, row.notice, row.days])).toEqual([
    ['contract:gm1/c-0018', '26-12-2026', 'Nog 23 dagen om op te zeggen'],
    ['contract:gm1/c-0001', 'Niet van toepassing', 'Loopt af over 26 dagen'],
    ['contract:gm1/c-0150', '31-08-2026', 'Opzegdatum verstreken: 94 dagen geleden'],
    ['contract:gm1/c-0136', '20-11-2026', 'Opzegdatum verstreken: 13 dagen geleden'],
    ['contract:gm1/c-0200', 'Niet van toepassing', 'Loopt af over 31 dagen'],
    ['contract:gm1/c-0147', '06-06-2027', 'Nog 185 dagen om op te zeggen'],
  ]);
  // The clause ("verlengt … als niet wordt opgezegd") apart from the renewal that already happened.
  expect(rows.map(row => [row.uid, row.end, row.autoRenew])).toEqual([
    ['contract:gm1/c-0018', '26-03-2027', 'Verlengt stilzwijgend als niet wordt opgezegd'],
    ['contract:gm1/c-0001', '29-12-2026', 'Geen stilzwijgende verlenging: loopt af op de einddatum'],
    ['contract:gm1/c-0150', '31-12-2026', 'Verlengt stilzwijgend als niet wordt opgezegd'],
    ['contract:gm1/c-0136', '20-12-2026', 'Verlengt stilzwijgend als niet wordt opgezegd'],
    ['contract:gm1/c-0200', '03-01-2027', 'Geen stilzwijgende verlenging: loopt af op de einddatum'],
    ['contract:gm1/c-0147', '06-09-2027', 'Al stilzwijgend verlengd; einddatum volgens contract was 06-09-2026'],
  ]);
  expect(await page.locator('#calendar-table thead th').allInnerTexts()).toEqual(expect.arrayContaining(['Status', 'Tijd tot opzeg- of einddatum', 'Verlenging']));
  // Not by colour alone: the rows to act on now also carry a bar that the other overdue row lacks.
  const bar = (uid: string) => page.locator(`tr[data-uid="${uid}"] td`).first().evaluate(td => parseFloat(getComputedStyle(td).borderLeftWidth));
  expect(await bar('contract:gm1/c-0150')).toBeGreaterThanOrEqual(4);
  expect(await bar('contract:gm1/c-0001')).toBeGreaterThanOrEqual(4);
  expect(await bar('contract:gm1/c-0018')).toBeGreaterThanOrEqual(4);
  expect(await bar('contract:gm1/c-0136')).toBeLessThan(2);
  // The chart names the contracts as the reports do (the supplier on hover), and shows no notice deadline for one that just ends.
  expect(await page.locator('#calendar-timeline text[text-anchor=end]').allTextContents()).toEqual(['⚠ Planning (c-0018)', '⚠ Persoonsregistratie (c-0001)', '⚠ Persoonsregistratie (c-0150)', 'Afval (c-0136)', 'Afval (c-0200)', 'Planning (c-0147)']);
  // In the table's order, the ones to act on now marked and bold, and the legend says what the mark means.
  expect(await page.locator('#calendar-timeline text[font-weight=bold]').allTextContents()).toEqual(['⚠ Planning (c-0018)', '⚠ Persoonsregistratie (c-0001)', '⚠ Persoonsregistratie (c-0150)']);
  expect(await page.locator('.timeline-box figcaption .legend-now').textContent()).toBe(' ⚠ nu regelen (bedrijfskritisch)');
  // Every name fits left of the chart, bold ones too (a user read "ievit Software Aanvragen Suite, Kievit So…").
  const outside = await page.locator('#calendar-timeline text[text-anchor=end]').evaluateAll(texts => texts.filter(text => (text as SVGTextElement).getBBox().x < 0).length);
  expect(outside).toBe(0);
  expect(await page.locator('#calendar-timeline g > title').allTextContents()).toContain('Kievit Software B.V. – Persoonsregistratie (c-0150)');
  expect(await page.locator('#calendar-timeline circle title').allTextContents()).not.toContainEqual(expect.stringContaining('(c-0001)'));
  await ui.shot('calendar-urgent', true);
  // In a narrow window a date or id is not broken at its hyphen ("29-⏎12-2026", "(c-⏎0150)").
  await page.setViewportSize({ width: 900, height: 900 });
  const row = page.locator('#calendar-table tbody tr[data-uid="contract:gm1/c-0001"]');
  await expect(row.locator('.status-next .nowrap').textContent()).resolves.toBe('29-12-2026');
  await expect(row.locator('td a .nowrap').textContent()).resolves.toBe('(c-0001)');
  const lines = await page.locator('#calendar-table .nowrap').evaluateAll(spans => spans.map(span => [span.textContent, span.getClientRects().length]));
  expect(lines.length).toBeGreaterThan(6);
  expect(lines.filter(([, n]) => n !== 1)).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Sorting by another column and back by status restores the order of urgency.
  await page.locator('#calendar-table th[data-key=contract] button').click();
  expect((await table()).map(row => row.contract)[0]).toBe('Afval (c-0136)');
  await page.locator('#calendar-table th[data-key=status] button').click();
  expect((await table()).map(row => row.uid)).toEqual(['c-0018', 'c-0001', 'c-0150', 'c-0136', 'c-0200', 'c-0147'].map(id => `contract:gm1/${id}`));
}, 180_000);

it('when the window is this quarter, then the answer says so and counts the contracts up to 31-12-2026', async () => {
  const { page } = ui;
  await ui.open('#/calendar');
  await page.locator('#calendar-table tbody tr').first().waitFor();
  await page.getByLabel('Dit kwartaal').check();
  // c-0200 (no automatic renewal, 1 month's notice) ends on 03-01-2027, after the quarter: it is not in it,
  // though end date minus notice period (03-12-2026) is; it was, and was counted as ending this quarter.
  await page.waitForFunction(() => document.querySelectorAll('#calendar-table tbody tr').length === 4);
  expect((await table()).map(row => row.uid)).toEqual(['c-0018', 'c-0001', 'c-0150', 'c-0136'].map(id => `contract:gm1/${id}`));
  expect(await page.locator('#calendar-answer').textContent()).toBe('Dit kwartaal (tot en met 31-12-2026) moet u 1 contract opzeggen (of laten verlengen) en voor 1 aflopend contract een vervolg regelen. Bij 2 contracten die stilzwijgend verlengen, is de opzegdatum al verstreken. Regel 3 contracten nu: ze dekken bedrijfskritische applicaties (bovenaan de tabel).');
  await ui.shot('calendar-quarter', true);
  // The contract's name leads to its dependency view; the downloads say which window and day they hold.
  expect(await page.locator('#calendar-table tbody tr[data-uid="contract:gm1/c-0001"] td a').first().getAttribute('href')).toBe(`#/explorer?node=${encodeURIComponent('contract:gm1/c-0001')}`);
  const [ics] = await Promise.all([page.waitForEvent('download'), page.click('#download-ics')]);
  expect(ics.suggestedFilename()).toBe('roer-contracten-kwartaal-2026-12-03.ics');
  // The same in English, the window kept.
  await page.selectOption('#language', 'en');
  await page.waitForFunction(() => document.querySelector('#calendar-answer')?.textContent?.startsWith('This quarter'));
  expect(await page.locator('#calendar-answer').textContent()).toBe('This quarter (up to and including 31 Dec 2026) you must give notice on 1 contract (or let it renew) and arrange a follow-up for 1 ending contract. 2 contracts that renew automatically are already past their notice deadline. Act on 3 contracts now: they cover business-critical applications (top of the table).');
  expect((await table()).slice(0, 3).map(row => [row.status, row.days])).toEqual([
    ['⚠ Act now: give notice within 3 months, business-critical', '23 days left to give notice'],
    ['⚠ Act now: ends, business-critical arrange what follows before 29 Dec 2026', 'Ends in 26 days'],
    ['⚠ Act now: notice deadline passed, business-critical renews automatically on 31 Dec 2026', 'Notice deadline passed: 94 days ago'],
  ]);
  await page.selectOption('#language', 'nl');
}, 180_000);
