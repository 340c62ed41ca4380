// A contract that renews automatically, in the supplier's side panel (real server, real Neo4j,
// Chromium): ended on 06-09-2026 with stilzwijgende verlenging and today 03-12-2026, it reads
// "stilzwijgend verlengd tot 06-09-2027, opzeggen vóór 06-06-2027"; one without it reads "beëindigd".
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
  ui = await startUiOnDay(driver, 'contractterm', Landscape.parse({
    suppliers: [{ id: 'tureluur', name: 'Tureluur Software B.V.' }],
    applications: [{ id: 'a1', organisation: 'gm1', name: 'Vergunningen', supplier: 'tureluur' }],
    contracts: [
      { id: 'c-0147', organisation: 'gm1', supplier: 'tureluur', applications: 'a1', end: '06-09-2026', noticeMonths: '3', autoRenew: 'ja', annualValue: '1000' },
      { id: 'c-0148', organisation: 'gm1', supplier: 'tureluur', applications: 'a1', end: '06-09-2026', noticeMonths: '3', autoRenew: 'nee', annualValue: '1000' },
    ],
  }), TODAY);
}, 600_000);

afterAll(async () => {
  jest.useRealTimers();
  await ui?.close();
  await driver?.close();
});

it('when Tureluur is opened on 03-12-2026, then c-0147 reads renewed until 06-09-2027 with its notice deadline, and c-0148 ended', async () => {
  const { page } = ui;
  await ui.open('#/explorer?node=supplier%3Atureluur');
  await page.locator('.centre-card[data-uid="supplier:tureluur"]').click();
  await page.locator('#panel-contracts li').first().waitFor();
  const items = (await page.locator('#panel-contracts li').allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim());
  expect(items).toEqual([
    'c-0148 — Tureluur Software B.V. beëindigd op 06-09-2026 · € 1.000 per jaar Vergunningen',
    'c-0147 — Tureluur Software B.V. stilzwijgend verlengd tot 06-09-2027, opzeggen vóór 06-06-2027 · € 1.000 per jaar Vergunningen',
  ]);
  await ui.shot('contract-renewed-panel');
  await ui.open('#/calendar');
  await page.locator('tr[data-uid="contract:gm1/c-0147"]').waitFor();
  await ui.shot('contract-renewed-calendar', true);
}, 180_000);

it('when c-0147 renewed by itself, then its own panel calls 06-09-2026 the end date in the contract, and what-if and the report say it renewed', async () => {
  const { page } = ui;
  // Its own panel: the property is the date as written, beside the current term in its contract line.
  await ui.open(`#/explorer?node=${encodeURIComponent('contract:gm1/c-0147')}`);
  await page.locator('.centre-card[data-uid="contract:gm1/c-0147"]').click();
  await page.locator('#panel-properties').waitFor();
  const properties = await page.locator('#panel-properties dt').allInnerTexts();
  expect(properties).toContain('Einddatum volgens contract');
  expect(properties).not.toContain('Einddatum');
  expect(await page.locator('#panel-properties').innerText()).toMatch(/Einddatum volgens contract\s+06-09-2026/);
  // Titled as the dependency view titles it, not by its bare id.
  expect(await page.locator('#panel-title').textContent()).toBe('Tureluur Software B.V. – Vergunningen (c-0147)');
  await ui.shot('contract-renewed-own-panel');
  // c-0148 did not renew: its end date is just that.
  await ui.open(`#/explorer?node=${encodeURIComponent('contract:gm1/c-0148')}`);
  await page.locator('.centre-card[data-uid="contract:gm1/c-0148"]').click();
  await page.locator('#panel-properties').waitFor();
  expect(await page.locator('#panel-properties dt').allInnerTexts()).toContain('Einddatum');

  // What if Tureluur goes: c-0147 runs on in its renewed term.
  await ui.open(`#/explorer?focus=${encodeURIComponent('supplier:tureluur')}`);
  await page.click('#what-if');
  await page.waitForSelector('#what-if-answer');
  const contracts = (await page.locator('#what-if-contracts li').allInnerTexts()).map(text => text.replace(/\s+/g, ' ').trim());
  expect(contracts.find(text => text.includes('(c-0147)'))).toContain('stilzwijgend verlengd tot 06-09-2027, opzeggen vóór 06-06-2027');
  expect(contracts.find(text => text.includes('(c-0148)'))).toContain('beëindigd op 06-09-2026');

  // The supplier's report names it as renewed, with the end date it had.
  await ui.open(`#/report?subject=${encodeURIComponent('supplier:tureluur')}`);
  await page.locator('.report-head').waitFor();
  await expect(page.getByText('Vergunningen (c-0147), al stilzwijgend verlengd (einddatum volgens contract was 06-09-2026)').first().isVisible()).resolves.toBe(true);
  await ui.shot('contract-renewed-report', true);
}, 180_000);
