// The Algoritmes page in a real Chromium, against the real server and the test Neo4j holding Gemeente
// Utrecht and the register fixture: the answer first, the links to review with their confidence, a
// confirm that sticks; the side panel's algorithms and the what-if answer's algorithms that stop.
import type { Driver } from 'neo4j-driver';
import { importAlgoritmeregister } from '../../importers/algoritmeregister.js';
import { importLandscape } from '../../importers/import.js';
import { registerFile, utrecht } from '../importers/algoritmeregister-fixture.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { clipped, overlaps, startUi, type Ui } from './browser.js';

let driver: Driver;
let ui: Ui;

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  expect((await importLandscape(driver, utrecht(), { source: 'csv:utrecht', user: 'test' })).ok).toBe(true);
  expect((await importAlgoritmeregister(driver, [registerFile('algoritmes.json')], { user: 'test' })).ok).toBe(true);
  ui = await startUi(driver, 'algo', { width: 1280, height: 900 });
  await ui.page.goto(`${ui.base}/`);
  await ui.page.evaluate(() => localStorage.setItem('roer.lang', 'nl'));
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

describe('Algoritmes', () => {
  it('when the page opens, then it answers first and a supplier-only link can be confirmed', async () => {
    const { page } = ui;
    await ui.open('#/algorithms');
    await expect(page.locator('nav a[aria-current=page]').innerText()).resolves.toBe('Algoritmes');
    await expect(page.locator('#algo-answer').innerText()).resolves.toBe(
      '4 algoritmes van Gemeente Utrecht staan in het Algoritmeregister, waarvan 2 impactvol of hoog-risico. 7 voorgestelde koppelingen met applicaties of leveranciers wachten op uw beoordeling (0 bevestigd, 0 afgewezen).');
    const row = page.locator('#algo-open tr[data-algorithm="algorithm:33333333"][data-target="app:gm0344/parkeren"]');
    await expect(row.innerText()).resolves.toContain('alleen leverancier');
    await expect(row.innerText()).resolves.toContain('Kievit Software B.V.');
    await ui.shot('algorithms-review', true);
    expect(await overlaps(page, '#algo-open td')).toEqual([]);
    expect(await clipped(page, '#algo-open button')).toEqual([]);

    await row.locator('button[data-action=confirm]').click();
    await page.locator('#algo-status .message.ok').waitFor();
    await expect(page.locator('#algo-status').innerText()).resolves.toBe('Opgeslagen: Risicoscan bijstand → Parkeerbeheer Pro: bevestigd.');
    await expect(page.locator('#algo-decisions tr[data-algorithm="algorithm:33333333"]').innerText()).resolves.toContain('bevestigd');
    await expect(page.locator('#algo-answer').innerText()).resolves.toContain('6 voorgestelde koppelingen');
    const confirmed = await ui.api<{ algorithmName: string; name: string }[]>('/api/algorithm-matches?state=confirmed');
    expect(confirmed.map(m => [m.algorithmName, m.name])).toEqual([['Risicoscan bijstand', 'Parkeerbeheer Pro']]);
    await ui.shot('algorithms-confirmed', true);
  });

  it('when Parkeerbeheer Pro is opened, then the panel lists its confirmed and likely algorithms', async () => {
    const { page } = ui;
    await ui.open('#/explorer?node=app%3Agm0344%2Fparkeren');
    await page.locator('.centre-card[data-uid="app:gm0344/parkeren"]').click();
    await page.locator('#panel-algorithm-list').waitFor();
    const items = await page.locator('#panel-algorithm-list li').allInnerTexts();
    expect(items.map(item => item.replace(/\s+/g, ' ').trim())).toEqual([
      'Parkeervergunning — waarschijnlijk, nog niet beoordeeld impactvol',
      'Risicoscan bijstand — bevestigd impactvol',
    ]);
    await ui.shot('algorithms-panel');
  });

  it('when the cloud under Zivver fails, then the what-if answer names the algorithm that stops', async () => {
    const { page } = ui;
    await ui.open('#/explorer?node=platform%3Acloud&whatIf=1');
    await page.locator('#what-if-algorithms').waitFor();
    await expect(page.locator('#what-if-algorithms h3').innerText()).resolves.toBe('Algoritmes die stoppen (1)');
    await expect(page.locator('#what-if-answer').innerText()).resolves.toBe('Valt Hyperscaler Cloud uit, dan valt 1 applicatie direct uit (die draait op Hyperscaler Cloud of op een platform daarop), namelijk de bedrijfskritische Zivver. '
      + 'Dan stopt 1 bedrijfsfunctie: Dienstverlening. Algoritmes die stoppen: Zivver e-mailbeveiliging.');
    await expect(page.locator('#what-if-algorithm-list li').innerText()).resolves.toBe('Zivver e-mailbeveiliging — waarschijnlijk, nog niet beoordeeld · via Zivver');
    await ui.shot('algorithms-what-if');
  });

  it('when the register is checked on the import page, then it is recognised and says what it found', async () => {
    const { page } = ui;
    await ui.open('#/import');
    const file = registerFile('algoritmes.json');
    await page.setInputFiles('#import-files', [{ name: file.name, mimeType: 'application/json', buffer: file.bytes }]);
    await page.click('#import-dry-run');
    await page.waitForFunction(() => !document.querySelector('#import-status') && (document.querySelector('#import-result')?.textContent ?? '') !== '', null, { timeout: 120_000 });
    await expect(page.locator('#import-detected').innerText()).resolves.toContain('Algoritmeregister (JSON)');
    await expect(page.locator('#import-algo-matches').innerText()).resolves.toBe('Voorgestelde koppelingen, te beoordelen op de pagina Algoritmes: 2 × exacte naam, 1 × naam (genormaliseerd), 4 × alleen leverancier.');
    await expect(page.locator('#import-tables').innerText()).resolves.toMatch(/^algoritmes: 5 /);
    await expect(page.locator('#algo-unmatched summary').innerText()).resolves.toBe('1 organisatie uit het register staat niet in het landschap');
    await ui.shot('algorithms-import', true);
  });
});
