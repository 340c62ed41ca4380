// The Common Ground page in a real Chromium, against the real server and the test Neo4j holding the
// hand-worked landscape (tests/analyses/common-ground-fixture.ts, scores worked out in
// tests/analyses/common-ground.test.ts): the answer first, the components, the interfaces to move; with
// several organisations the ranking and the distribution; Dutch and English; 1280 and 390 px wide.
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { commonGroundFixture } from '../analyses/common-ground-fixture.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { startUi, type Ui } from './browser.js';

let driver: Driver;
let ui: Ui;

/** Chooses organisations and language, then opens the page afresh (the app reads both when it starts). */
async function show(organisations: string, lang: 'nl' | 'en'): Promise<void> {
  await ui.page.goto(`${ui.base}/`);
  await ui.page.evaluate(([o, l]) => { sessionStorage.setItem('roer.organisations', o); localStorage.setItem('roer.lang', l); }, [organisations, lang]);
  await ui.open('#/common-ground');
  await ui.page.reload();
  await ui.page.waitForFunction(() => document.body.dataset.ready === 'true' && !!document.querySelector('#cg-answer'), null, { timeout: 60_000 });
}
const text = (selector: string) => ui.page.locator(selector).innerText();

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  const report = await importLandscape(driver, commonGroundFixture(), { source: 'csv:common-ground', user: 'test' });
  expect(report.ok).toBe(true);
  ui = await startUi(driver, 'cg', { width: 1280, height: 900 });
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

describe('Common Ground', () => {
  it('when one municipality is chosen, then the page opens with its score, the sentence and the components', async () => {
    await show('gm1', 'nl');
    expect(await ui.page.locator('nav a[aria-current=page]').innerText()).toBe('Common Ground');
    expect(await text('#cg-score strong')).toBe('55,0');
    expect(await text('#cg-answer')).toBe('Gemeente Eenburg scoort 55,0 van 100 op Common Ground. '
      + 'Van de 6 koppelingen loopt 50,0% over een open standaard-API (ZGW, Haal Centraal, FSC, REST API Design Rules), 16,7% over een oudere open standaard (StUF, Digikoppeling) en 33,3% is gesloten of onbekend. '
      + '1 van de 2 applicaties die basisgegevens (BRP, BAG, WOZ…) ontvangen, krijgen een kopie in plaats van ze bij de bron te bevragen. '
      + 'De grootste stap: BRP Burgerzaken → Sociaal Domein (StUF-BG 3.10) overzetten naar een open standaard-API verhoogt de score met 25,0.');
    const components = await ui.page.locator('#cg-components tbody tr').evaluateAll(trs => trs.map(tr => [...tr.children].map(td => (td as HTMLElement).innerText)));
    expect(components).toEqual([
      ['Koppelingen over open standaarden', '3,5 van de 6 haalbare koppelingspunten (58,3%)', '60', '35,0'],
      ['Basisgegevens bij de bron', '1 van 2 applicaties bij de bron (50,0%)', '40', '20,0'],
    ]);
    expect(await text('#cg-components tfoot td')).toBe('55,0');
    // 35 + 20: each part rounded on its own adds up already, so nothing to explain about rounding.
    expect(await ui.page.locator('#cg-rounded').count()).toBe(0);
    // What an interface point is; a score point is called differently (koppelingspunten vs "op de score").
    expect(await text('#cg-points')).toBe('Elke koppeling kan 1 koppelingspunt halen: 1 over een open standaard-API, 0,5 over een oudere open standaard (StUF, Digikoppeling), 0,25 over een andere open standaard en 0 als ze gesloten of onbekend is.');
    const moves = await ui.page.locator('#cg-moves-table tbody tr').evaluateAll(trs => trs.map(tr => [...tr.children].map(td => (td as HTMLElement).innerText)));
    // Grouped by gain, the gain said once per group; the tie rule's numbers in the last two columns.
    expect(moves).toEqual([
      ['+25,0 op de score'],
      ['BRP Burgerzaken → Sociaal Domein', 'StUF-BG 3.10', 'oudere open standaard', 'BRP (kopie)', '0', '3'],
      ['elk +10,0 op de score (2 koppelingen)'],
      // Equal gains by the tie rule: Website and Klantcontact have more interfaces between them.
      ['Website → Klantcontact', '(geen)', 'onbekend', '', '0', '4'],
      ['Belastingen → Website', 'Eigen koppeling', 'eigen (gesloten) koppeling', '', '0', '3'],
    ]);
    expect(await ui.page.locator('#cg-receivers-table tbody tr').allInnerTexts()).toEqual(['Sociaal Domein\tBRP\tkopie', 'Zaaksysteem\tBRP\tbevragen bij de bron']);
    expect(await ui.page.locator('#cg-ranking').count()).toBe(0);
    // Nothing ties at the best gain here (only i4 gains 25); the rule for equal gains is in the explanation.
    expect(await ui.page.locator('#cg-ties').count()).toBe(0);
    expect(await ui.page.locator('#cg-explain-ties').textContent()).toContain('kopie van basisgegevens opheft');
    // No file names for a civil servant: who changes the weights, in words.
    expect(await ui.page.locator('#cg-explained').textContent()).not.toMatch(/\.json/);
    expect(await ui.page.locator('#cg-explained').textContent()).toContain('stelt de beheerder van Roer in');
    await ui.shot('common-ground-1280', true);
  });

  it('when all organisations are shown in English, then the ranking and the distribution follow the answer', async () => {
    await show('', 'en');
    expect(await text('#cg-answer')).toContain('The 3 organisations score 57.5 of 100 on average (median 57.5); the highest is Gemeente Tweedorp (60.0), the lowest Gemeente Eenburg (55.0).');
    // The parts shown add up to the total shown, and the total is the score on the card.
    const parts = await ui.page.locator('#cg-components tbody tr td:last-child').allInnerTexts();
    const total = await text('#cg-components tfoot td');
    expect(total).toBe(await text('#cg-score strong'));
    expect(parts.reduce((sum, part) => sum + Math.round(10 * Number(part)), 0)).toBe(Math.round(10 * Number(total)));
    expect(await ui.page.locator('#cg-ranking-table tbody tr').evaluateAll(trs => trs.map(tr => [...tr.children].slice(0, 3).map(td => (td as HTMLElement).innerText))))
      .toEqual([['1', 'Gemeente Tweedorp', '60.0'], ['2', 'Gemeente Eenburg', '55.0'], ['–', 'Gemeente Driehuizen', '–']]);
    const bins = await ui.page.locator('#cg-distribution .cg-bin').evaluateAll(els => els.map(el => [el.getAttribute('data-from'), (el.querySelector('.cg-count') as HTMLElement).innerText]));
    expect(bins.filter(([, count]) => count !== '')).toEqual([['50', '1'], ['60', '1']]);
    expect(await ui.page.locator('#cg-moves-table thead th').allInnerTexts()).toContain('Organisation');
    await ui.shot('common-ground-1280-en', true);
  });

  it('when opened 390 px wide, then nothing scrolls sideways and the score is on the first screen', async () => {
    await ui.page.setViewportSize({ width: 390, height: 844 });
    try {
      await show('gm1', 'nl');
      const { scrollWidth, innerWidth, scoreTop } = await ui.page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, scoreTop: document.querySelector('#cg-score')!.getBoundingClientRect().top,
      }));
      expect(scrollWidth).toBe(innerWidth);
      expect(scoreTop).toBeLessThan(844);
      await ui.shot('common-ground-390');
    } finally {
      await ui.page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
