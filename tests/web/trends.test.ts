// The trend of an organisation's headline numbers on the dashboards and the report page, in a real
// Chromium against a real server and the test Neo4j: after one import of the demo municipality each
// page says there is no trend yet; after a second delivery with known changes (a new single point of
// failure, a contract moved into its notice window, s-0003's 24 applications moved to s-0001) each page
// says how its number moved, with a small chart of one point per import. Screenshots go to
// tests/artifacts/trend-*.png.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { dutchClock } from '../../server/format.js';
import { startUi, type Ui } from './browser.js';
import { ORGANISATION, demoFiles, secondDelivery } from './demo-delivery.js';

type Point = { runId: string; at: string; hhi: number; cr3: number; hhiValue: number; cr3Value: number; spofCount: number; noticeCount: number; meanLockIn: number; sovereigntyShare: number; commonGroundScore: number };

let driver: Driver;
let ui: Ui;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'roer-trends-'));
  driver = testDriver();
  await resetDatabase(driver);
  expect((await importFiles(driver, demoFiles(), { source: 'demo:gemeente-roerdam', user: 'test' })).written).toBe('initial');
  ui = await startUi(driver, 'trends', { width: 1280, height: 900 });
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A page loaded afresh: going to the hash the browser is already on would not render it again. */
async function open(hash: string): Promise<void> {
  await ui.page.goto(`${ui.base}/${hash}`);
  await ui.page.reload();
  await ui.page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
}
const text = async (selector: string) => ((await ui.page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
const sentence = (key: string) => text(`[data-trend-sentence=${key}]`);
/** The first import's day as a sentence says it: "3 december 2026". */
const dayOf = (at: string, locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(at));
/**
 * Where the trend starts, as a sentence says it: its first import's day, and with all imports on one day (as in
 * these tests) its time too, as the clock in the Netherlands showed it: "5 december 2026 10:14".
 */
const sinceOf = (series: Point[], locale: string) => {
  const clock = (at: string) => dutchClock(at)!.toISOString();
  const [first, last] = [clock(series[0].at), clock(series.at(-1)!.at)];
  return first.slice(0, 10) === last.slice(0, 10) ? `${dayOf(first, locale)} ${first.slice(11, 16)}` : dayOf(series[0].at, locale);
};

describe('trends on the dashboards', () => {
  it('when there has been one import, then the pages say so plainly instead of drawing an empty chart', async () => {
    for (const [hash, id] of [['#/exposure', 'exposure-trend'], ['#/spof', 'spof-trend']]) {
      await open(hash);
      // One quiet line, not a titled box above the page's answer.
      expect(await text(`#${id}`)).toMatch(/^Nog geen verloop: één import \(\d{1,2} [a-z]+ 20\d\d\)\.$/);
      expect(await ui.page.locator(`#${id}`).evaluate(element => element.tagName)).toBe('P');
      expect(await ui.page.locator(`#${id} svg`).count()).toBe(0);
    }
    await ui.shot('trend-one-import');
  });

  describe('after a second delivery with known changes', () => {
    let series: Point[];
    let since: string;
    beforeAll(async () => {
      const files = secondDelivery(dir);
      // Supplier concentration up: s-0003's applications go to s-0001, already the largest.
      const applications = join(dir, 'applications.csv');
      writeFileSync(applications, readFileSync(applications, 'utf8').replace(/^(app-\d+,gemeente-roerdam,[^,]*),s-0003,/gm, '$1,s-0001,'));
      expect((await importFiles(driver, files, { source: 'demo:gemeente-roerdam', user: 'i.manager' })).written).toBe('diff');
      series = (await ui.api<{ series: Point[] }>(`/api/trends?organisation=${ORGANISATION}`)).series;
      since = sinceOf(series, 'nl-NL');
    }, 600_000);

    it('then the trend holds two points, with a higher HHI, one more single point of failure and one more contract in its notice window', () => {
      expect(series).toHaveLength(2);
      expect(series[1].hhi - series[0].hhi).toBeGreaterThan(50);
      expect(series[1].spofCount - series[0].spofCount).toBe(1);
      expect(series[1].noticeCount - series[0].noticeCount).toBe(1);
    });

    it('then the single points of failure page says how their number moved, with a chart of two points', async () => {
      await open('#/spof');
      // Both imports of today: "sinds 5 december 2026" alone would not tell them apart; with the time it does.
      expect(since).toMatch(/^\d{1,2} [a-z]+ \d{4} \d{2}:\d{2}$/);
      expect(await sentence('spofCount')).toBe(`Scharnierpunten ${series[0].spofCount} → ${series[1].spofCount} sinds ${since}`);
      expect(await ui.page.locator('#spof-trend [data-trend=spofCount] circle').count()).toBe(2);
      expect(await text('#spof-trend [data-trend=spofCount] small')).toMatch(/^2 imports, \d{2}-\d{2}-\d{4} \d{2}:\d{2}( – \d{2}:\d{2})?$/);
      await ui.page.locator('#spof-trend').screenshot({ path: join(process.cwd(), 'tests', 'artifacts', 'trend-spof.png') });
    });

    it('then the supplier page says how HHI and CR3 moved, each with its chart', async () => {
      await open('#/exposure');
      const hhi = (value: number) => new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(value);
      expect(await sentence('hhi')).toBe(`HHI op aantal applicaties ${hhi(series[0].hhi)} → ${hhi(series[1].hhi)} sinds ${since}`);
      const percent = (value: number) => new Intl.NumberFormat('nl-NL', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 100);
      expect(await sentence('cr3')).toBe(`CR3 op aantal applicaties ${percent(series[0].cr3)} → ${percent(series[1].cr3)} sinds ${since}`);
      // By contract value too, first: the measure the page leads with (the contracts' values did not change).
      const value = (key: 'hhiValue' | 'cr3Value', name: string, show: (n: number) => string) => (series[0][key] === series[1][key]
        ? `${name} ${show(series[1][key])}, gelijk sinds ${since}` : `${name} ${show(series[0][key])} → ${show(series[1][key])} sinds ${since}`);
      expect(await sentence('hhiValue')).toBe(value('hhiValue', 'HHI op contractwaarde', hhi));
      expect(await sentence('cr3Value')).toBe(value('cr3Value', 'CR3 op contractwaarde', percent));
      expect(await ui.page.locator('#exposure-trend [data-trend-sentence]').first().getAttribute('data-trend-sentence')).toBe('hhiValue');
      expect(await ui.page.locator('#exposure-trend figure[data-trend]').count()).toBe(4);
      expect(await ui.page.locator('#exposure-trend [data-trend=hhi] circle').count()).toBe(2);
      await ui.shot('trend-exposure');
    });

    it('then the Common Ground page shows how its score moved', async () => {
      await open('#/common-ground');
      const score = (value: number) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
      const moved = series[0].commonGroundScore === series[1].commonGroundScore ? `${score(series[1].commonGroundScore)}, gelijk` : `${score(series[0].commonGroundScore)} → ${score(series[1].commonGroundScore)}`;
      expect(await sentence('commonGroundScore')).toBe(`Common Ground-score ${moved} sinds ${since}`);
      expect(await ui.page.locator('#cg-trend [data-trend=commonGroundScore] circle').count()).toBe(2);
    });

    it('then the contract calendar and the sovereignty page show theirs', async () => {
      await open('#/calendar');
      expect(await sentence('noticeCount')).toBe(`Contracten in of voorbij hun opzegtermijn ${series[0].noticeCount} → ${series[1].noticeCount} sinds ${since}`);
      expect(await ui.page.locator('#calendar-trend [data-trend=noticeCount] circle').count()).toBe(2);
      await open('#/sovereignty');
      expect(await sentence('sovereigntyShare')).toMatch(new RegExp(`^Aandeel onder niet-EU-recht [\\d,]+%.* ${since}$`));
      expect(await ui.page.locator('#sov-trend [data-trend=sovereigntyShare] circle').count()).toBe(2);
      await ui.shot('trend-sovereignty', true);
    });

    it('then the organisation report shows every headline number over the imports', async () => {
      await open(`#/report?subject=org:${ORGANISATION}`);
      const sentences = await ui.page.locator('#report-trend .trend-sentence').allTextContents();
      expect(sentences).toHaveLength(9);
      expect(sentences).toContain(`Scharnierpunten ${series[0].spofCount} → ${series[1].spofCount} sinds ${since}`);
      expect(await ui.page.locator('#report-trend figure[data-trend]').count()).toBe(9);
      // A row per headline number, a column per import (and one naming them), all in view without scrolling sideways.
      expect(await ui.page.locator('#table-trend tbody tr').count()).toBe(9);
      expect(await ui.page.locator('#table-trend thead th').count()).toBe(3);
      expect(await ui.page.locator('#report-trend .table-box').evaluate(box => box.scrollWidth <= box.clientWidth)).toBe(true);
      // The same words as the PDF: the notice count as page 1's two numbers added up, scharnierpunten set apart.
      const notes = await text('#report-trend .trend-notes');
      const split = /Contracten in of voorbij hun opzegtermijn, nu (\d+) \((\d+) \+ (\d+)\)/.exec(notes);
      expect(split).not.toBeNull();
      expect(Number(split![1])).toBe(Number(split![2]) + Number(split![3]));
      // Recorded today by the last import, counted today by the report: the same contracts, renewed ones included.
      expect(Number(split![1])).toBe(series[1].noticeCount);
      expect(notes).toContain('Een scharnierpunt is een applicatie zonder welke het netwerk van koppelingen in losse delen uiteenvalt.');
      expect(await text('#report-answer')).toMatch(/\(HHI op contractwaarde [\d.]+; de HHI loopt van 0 tot 10\.000/);
      // Contracts by supplier and what they cover, not by code alone (a passed notice date said after it).
      // How soon first, in the calendar's words; then the contract.
      expect(await text('#report-actions tbody tr:first-child td:first-child')).toMatch(/^(Nu regelen: .+, bedrijfskritisch|Opzegdatum verstreken|Loopt binnenkort af|Binnen 3 maanden opzeggen)$/);
      expect(await text('#report-actions tbody tr:first-child td:nth-child(2)')).toMatch(/^.+ – .+ \(c-\d{4}\)(, opzegdatum verstreken|, loopt af op \d{2}-\d{2}-\d{4}, wordt niet stilzwijgend verlengd)?$/);
      await ui.page.locator('#report-trend').screenshot({ path: join(process.cwd(), 'tests', 'artifacts', 'trend-report.png') });
    });

    it('then in English the sentence reads in English', async () => {
      await open('#/spof');
      await ui.page.selectOption('#language', 'en');
      await ui.page.waitForFunction(() => document.body.dataset.ready === 'true' && document.querySelector('#spof-trend h2')?.textContent?.startsWith('Trend'), null, { timeout: 60_000 });
      expect(await sentence('spofCount')).toBe(`Articulation points ${series[0].spofCount} → ${series[1].spofCount} since ${sinceOf(series, 'en-GB')}`);
      await ui.shot('trend-spof-en');
      await ui.page.selectOption('#language', 'nl');
    });
  });
});
