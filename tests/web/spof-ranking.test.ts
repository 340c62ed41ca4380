// Kwetsbare punten over several organisations in Chromium: the analysis ranks within each organisation,
// the page ranks them all together. Before, #1 was the first organisation's first item (an application
// taking nothing down), above another organisation's platform under three critical applications. And of
// one organisation imported twice, what the last import brought into the top 10 or made hit more.
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { startUi, type Ui } from './browser.js';
import { formatDateTime } from '../../server/format.js';
import { SPOF_ORGANISATION, spofDelivery } from '../analyses/spof-deliveries.js';

let driver: Driver;
let ui: Ui;

const twoOrganisations = () => Landscape.parse({
  suppliers: [{ id: 's1', name: 'Hostco' }, { id: 's2', name: 'Kleinsoft' }],
  platforms: [{ id: 'p1', name: 'Rekencentrum Zuid', type: 'rekencentrum', supplier: 's1', jurisdiction: 'NL' }],
  applications: [
    // gm-a comes first by id, and nothing else fails with its one application.
    { id: 'klein', organisation: 'gm-a', name: 'Kleine registratie', supplier: 's2', criticality: 'laag' },
    ...['x1', 'x2', 'x3'].map(id => ({ id, organisation: 'gm-z', name: `Kernsysteem ${id}`, supplier: 's2', platform: 'p1', criticality: 'kritiek' })),
  ],
});

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  expect((await importLandscape(driver, twoOrganisations(), { source: 'test:two', user: 'test' })).issues).toEqual([]);
  ui = await startUi(driver, 'spof-ranking');
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

it('when two organisations are shown, then the ranking runs over both: the most critical failure is #1', async () => {
  await ui.open('#/spof');
  await ui.page.waitForSelector('#spof-table tbody tr');
  const rows = await ui.page.locator('#spof-table tbody tr').evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('td, th')].map(cell => (cell.textContent ?? '').trim())));
  // #1 and #2 are the platform and its supplier (three critical applications each), not gm-a's application.
  expect(rows[0][0]).toBe('1');
  expect(rows[0].join(' ')).toContain('Rekencentrum Zuid');
  expect(rows[1].join(' ')).toContain('Hostco');
  const small = rows.findIndex(row => row.join(' ').includes('Kleine registratie'));
  expect(small).toBeGreaterThan(1);
  expect(rows.map(row => Number(row[0]))).toEqual(rows.map((_, i) => i + 1));
  // The answer comes before the table, in words, and names the same #1 and the two after it.
  const answer = (await ui.page.locator('#spof-answer .sentence').innerText()).trim();
  expect(answer).toMatch(/^Het kwetsbaarste punt is Rekencentrum Zuid \(platform, [^)]+\): valt het uit, dan raakt dat 3 applicaties, waarvan 3 bedrijfskritisch\. Daarna volgen Hostco en [^.]+\.$/);
  expect(await ui.page.locator('#spof-answer .hint').innerText()).toContain('"Direct uit" telt de applicaties die zelf uitvallen');
  expect(await ui.page.evaluate(() => document.querySelector('#spof-answer')!.compareDocumentPosition(document.querySelector('#spof-table')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
  // With two organisations the Verloop is one line saying to choose one, not a titled box above the answer.
  expect(await ui.page.locator('#spof-trend').evaluate(element => [element.tagName, element.textContent])).toEqual(['P', 'Kies één organisatie om het verloop per import te zien.']);
  await ui.shot('spof-ranking-two-organisations');
});

it('when the organisations are chosen from the header, then Escape or a click elsewhere closes the list, focus back on it', async () => {
  const { page } = ui;
  await ui.open('#/spof');
  await page.click('#organisation summary');
  expect(await page.locator('#organisation').evaluate(details => (details as HTMLDetailsElement).open)).toBe(true);
  await page.locator('#organisation input[value="gm-z"]').focus();
  await page.keyboard.press('Escape');
  expect(await page.locator('#organisation').evaluate(details => (details as HTMLDetailsElement).open)).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.closest('#organisation') !== null && document.activeElement?.tagName === 'SUMMARY')).toBe(true);
  // Open, it covered the page's buttons: a click beside it closes it.
  await page.click('#organisation summary');
  await page.click('h1');
  expect(await page.locator('#organisation').evaluate(details => (details as HTMLDetailsElement).open)).toBe(false);
});

it('when the last import brought a row into the top 10 and made one hit more critical applications, then the rows say so, the answer still first', async () => {
  const { page } = ui;
  for (const grutto of [['g1', 'g2', 'g3'], ['g1', 'g2', 'g3', 'g4']]) {
    expect((await importLandscape(driver, spofDelivery(grutto), { source: 'test:spof', user: 'test' })).issues).toEqual([]);
  }
  await ui.open('#/spof');
  await page.evaluate(organisation => sessionStorage.setItem('roer.organisations', organisation), SPOF_ORGANISATION);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  const row = (name: string) => page.locator('#spof-table tbody tr', { hasText: name });
  // g4 came with the second import: its row, and only its row, says since when.
  await expect(row('Kernsysteem g4').locator('.spof-new').textContent()).resolves.toMatch(/^nieuw in de top 10 sinds de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
  expect(await page.locator('#spof-table .spof-new').count()).toBe(1);
  // Grutto hits one critical application more than before; the data centre as many as before.
  await expect(row('Grutto Software B.V.').locator('td').nth(4).textContent()).resolves.toBe('4 (was 3)');
  await expect(row('Datacentrum Noord').locator('td').nth(4).textContent()).resolves.toBe('3');
  // Above the table: which two imports the marks compare, that places further down are not, and where the rest is.
  const imports = (await (await fetch(`${ui.base}/api/trends?organisation=${SPOF_ORGANISATION}`)).json() as { series: { runId: string; at: string }[] }).series.slice(-2);
  await expect(page.locator('#spof-marked').textContent()).resolves
    .toBe(`Gemarkeerd: wat de import van ${formatDateTime(imports[1].at, 'nl')} veranderde in de top 10, vergeleken met de import van ${formatDateTime(imports[0].at, 'nl')} — nieuw in de top 10, of meer bedrijfskritische applicaties geraakt ("was …"). Plaatsen verderop worden niet vergeleken. Alles wat sindsdien veranderde.`);
  expect(await page.locator('#spof-marked a').getAttribute('href')).toBe(`#/changes?${new URLSearchParams({ since: imports[0].runId })}`);
  await expect(row('Grutto Software B.V.').locator('.spof-was').getAttribute('title')).resolves.toBe(`bij de import van ${formatDateTime(imports[0].at, 'nl')}`);
  const answer = (await page.locator('#spof-answer .sentence').innerText()).trim();
  expect(answer).toMatch(/^Het kwetsbaarste punt is Grutto Software B\.V\. \(leverancier\): valt het uit, dan raakt dat 4 applicaties, waarvan 4 bedrijfskritisch\./);
  expect(await page.evaluate(() => document.querySelector('#spof-answer')!.compareDocumentPosition(document.querySelector('#spof-table')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
  await ui.shot('spof-ranking-since-import', true);

  // Wijzigingen says the same in words, and links to this page.
  await ui.open('#/changes?since=2000-01-01');
  await page.waitForSelector('#changes-ranking');
  await expect(page.locator('#changes-lead').textContent()).resolves.toContain('1 kwetsbaar punt nieuw in de top 10, 1 kwetsbaar punt raakt meer bedrijfskritische applicaties,');
  expect(await page.locator('#changes-ranking-moved li').allTextContents()).toEqual(['Grutto Software B.V. (leverancier): 3 → 4 bedrijfskritische applicaties geraakt']);
  expect(await page.locator('#changes-ranking-entered li').allTextContents()).toEqual(['Kernsysteem g4 (applicatie): nu #7, 1 bedrijfskritische applicatie geraakt']);
  expect(await page.locator('#changes-ranking-left li').allTextContents()).toEqual(['Registratie 2 (applicatie): was #10']);
  expect(await page.locator('#changes-ranking a[href="#/spof"]').count()).toBe(1);
  await ui.shot('spof-ranking-changes', true);
});
