// The changes page (#/changes) in a real Chromium against a real server and the test Neo4j: the demo
// municipality, then a second delivery with a renamed application, a new application that only talks
// to one other (a new single point of failure), and a contract moved into its notice window and from
// Kievit to Grutto. The screenshot goes to tests/artifacts/changes.png.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { type ImportReport, importFiles } from '../../importers/import.js';
import { addMonths, today } from '../../server/analyses/params.js';
import { createApp, defaultServices } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { buildWeb } from '../../web/build.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { formatDateTime, formatMoney, formatNumber, formatPercent } from '../../server/format.js';
import { ORGANISATION, demoFiles, leafApplication, secondDelivery } from './demo-delivery.js';
import { importAlgoritmeregister } from '../../importers/algoritmeregister.js';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { fixture } from '../archimate/support.js';
import { registerFile } from '../importers/algoritmeregister-fixture.js';

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

let driver: Driver;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;
let first: ImportReport;
let second: ImportReport;
let dir: string;

const leaf = leafApplication();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'roer-changes-'));
  driver = testDriver();
  await resetDatabase(driver);
  first = await importFiles(driver, demoFiles(), { source: 'demo:gemeente-roerdam', user: 'test' });
  const files = secondDelivery(dir);
  // c-0002 moves from Kievit Software (s-0002) to Grutto Software (s-0001).
  const contracts = join(dir, 'contracts.csv');
  // c-0012, which does not renew by itself, ended a month ago instead of in 2028.
  writeFileSync(contracts, readFileSync(contracts, 'utf8').replace(`c-0002,${ORGANISATION},s-0002,`, `c-0002,${ORGANISATION},s-0001,`)
    .replace(`c-0012,${ORGANISATION},s-0012,app-0005|app-0051,2024-08-09,2028-08-09,`, `c-0012,${ORGANISATION},s-0012,app-0005|app-0051,2024-08-09,${addMonths(today(), -1)},`));
  second = await importFiles(driver, files, { source: 'demo:gemeente-roerdam', user: 'i.manager' });
  expect([first.written, second.written]).toEqual(['initial', 'diff']);
  const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-changes-${process.pid}`), minify: false });
  const app = createApp({ driver, config: loadConfig({ ROER_AUTH: 'off' }), services: { ...defaultServices(), webDir } });
  server = await new Promise<Server>(resolve => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', error => { throw error; });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise(resolve => server?.close(resolve));
  await driver?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The page loaded afresh (a reload: a hash change alone would keep the page's state) with `organisations` chosen. */
async function open(hash: string, organisations: string[]): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.evaluate(chosen => sessionStorage.setItem('roer.organisations', chosen.join(',')), organisations);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
}

describe('the changes page', () => {
  it('when one organisation is chosen, then the page opens with what to act on, the numbers before and after, a trend and the changed rows', async () => {
    const expected = await (await fetch(`${base}/api/changes?since=${first.runId}&organisation=${ORGANISATION}`)).json();
    const [headline] = expected.headlines;
    expect(headline.entered.spofs.map((item: { uid: string }) => item.uid)).toContain(`app:${ORGANISATION}/${leaf.id}`);
    expect(headline.entered.notice.map((item: { uid: string }) => item.uid)).toEqual(['contract:gemeente-roerdam/c-0002']);

    await open(`#/changes?since=${first.runId}`, [ORGANISATION]);
    await expect(page.locator('header nav a[aria-current=page]').textContent()).resolves.toBe('Wijzigingen');
    const lead = await page.locator('#changes-lead').textContent();
    expect(headline.entered.spofs).toHaveLength(1);
    // Which import, by time and source: several can finish in the same minute.
    expect(lead).toMatch(/^Sinds de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} \(Gemeente Roerdam \(demo\)\): /);
    expect(lead).toContain('1 nieuw scharnierpunt,');
    expect(lead).toContain('1 contract in de opzegtermijn gekomen, 1 contract beëindigd,');
    expect(lead).toContain('5 regels toegevoegd, gewijzigd of verwijderd');
    // c-0002 moved from Kievit to Grutto: Grutto's share of the contract value grew.
    // With the amounts behind the shares, as the supplier page writes them: euros a year and applications.
    const grutto = headline.suppliers.find((move: { name: string }) => move.name === 'Grutto Software B.V.');
    expect(grutto.after.contractValue).toBeGreaterThan(grutto.before.contractValue);
    const fromTo = (key: string, show: (value: number) => string) => (show(grutto.before[key]) === show(grutto.after[key]) ? show(grutto.after[key]) : `${show(grutto.before[key])} → ${show(grutto.after[key])}`);
    // An amount that moved with its difference, so that a buyer need not subtract: "€ 1.503.890 → € 1.526.797, +€ 22.907".
    const withDifference = (key: string, show: (value: number) => string) => {
      const [was, is] = [grutto.before[key], grutto.after[key]];
      return show(was) === show(is) ? show(is) : `${show(was)} → ${show(is)}, ${is > was ? '+' : '−'}${show(Math.abs(is - was))}`;
    };
    const [percent, money, number] = [(v: number) => formatPercent(v, 'nl'), (v: number) => formatMoney(v, 'nl'), (v: number) => formatNumber(v, 'nl')];
    const moves = await page.locator('#changes-suppliers li').allTextContents();
    expect(moves.find(line => line.startsWith('Grutto Software B.V.: contractwaarde '))).toBe(`Grutto Software B.V.: contractwaarde ${fromTo('contractValueShare', percent)} (${
      withDifference('contractValue', money)} per jaar), applicaties ${fromTo('applicationsShare', percent)} (${withDifference('applications', number)})`);
    expect(moves.find(line => line.startsWith('Grutto Software B.V.: '))).toMatch(/^Grutto Software B\.V\.: contractwaarde [\d,]+% → [\d,]+% \(€\s[\d.]+ → €\s[\d.]+, \+€\s[\d.]+ per jaar\), applicaties [\d,]+%/);
    // Parkeervergunningen is Plevier's and business-critical: Plevier, first of Kwetsbare punten, hits one more;
    // nothing entered or left the top 10.
    const [plevier] = headline.ranking.moved;
    expect(headline.ranking.moved).toEqual([{ uid: 'supplier:s-0005', name: 'Plevier Software B.V.', kind: 'supplier', rank: 1, before: expect.any(Number), after: plevier.before + 1 }]);
    expect([headline.ranking.entered, headline.ranking.left]).toEqual([[], []]);
    expect(lead).toContain('1 kwetsbaar punt raakt meer bedrijfskritische applicaties,');
    await expect(page.locator('#changes-ranking-moved li').allTextContents()).resolves
      .toEqual([`Plevier Software B.V. (leverancier): ${plevier.before} → ${plevier.after} bedrijfskritische applicaties geraakt`]);
    expect(await page.locator('#changes-ranking-entered li').count()).toBe(0);
    expect(await page.locator('#changes-ranking > p a').getAttribute('href')).toBe('#/spof');
    // Ended, named as the reports name a contract, with the day it ended.
    await expect(page.locator('#changes-ended li').allTextContents()).resolves.toEqual([expect.stringMatching(/^.+ – .+ \(c-0012\), beëindigd op \d{2}-\d{2}-\d{4}$/)]);
    expect(await page.locator('#changes-cards .card').count()).toBe(9);
    await expect(page.locator('#changes-spofs-entered li').allTextContents()).resolves.toContain(leaf.name);
    // What a scharnierpunt is, and where the ranking by what fails is (the menu's Kwetsbare punten).
    await expect(page.locator('#changes-spofs-hint').textContent()).resolves.toMatch(/^Een scharnierpunt is een applicatie .* staat op Kwetsbare punten\.$/);
    expect(await page.locator('#changes-spofs-hint a').getAttribute('href')).toBe('#/spof');
    // Named as the reports name a contract: supplier – applications (id), with when to give notice; c-0002
    // renews by itself from the second delivery on, three months before its end.
    const [notice] = headline.entered.notice;
    expect(notice.contract.autoRenew).toBe(true);
    expect(notice.noticeDeadline).toBe(addMonths(addMonths(today(), 4), -3));
    const by = notice.noticeDeadline.split('-').reverse().join('-');
    await expect(page.locator('#changes-notice-entered li').textContent()).resolves.toMatch(new RegExp(`^.+ – .+ \\(c-0002\\) — opzeggen vóór ${by}$`));
    // The trend: one point per run that recorded the organisation's numbers.
    expect(await page.locator('[data-trend=spofCount] circle').count()).toBe(2);
    const changed = await page.locator('#changes-applications .changes-changed li').allTextContents();
    expect(changed.join('\n')).toContain('naam: Merel Software Integratieplatform → Merel Integratieplatform 2.0');
    const contract = (await page.locator('#changes-contracts .changes-changed > li').allTextContents()).join('\n');
    expect(contract).toContain('opzegtermijn (maanden): 1 → 3');
    // Named, not coded: the contract as the reports name it, the supplier it moved between by name.
    expect(contract).toMatch(/^Grutto Software B\.V\. – .+ \(c-0002\) · Gemeente Roerdam/);
    expect(contract).toContain('leverancier: Kievit Software B.V. → Grutto Software B.V.');
    expect(contract).not.toMatch(/s-000[12]/);
    // An interface by the applications at its ends.
    await expect(page.locator('#changes-interfaces .changes-added li').textContent()).resolves.toBe(`Parkeervergunningen → ${leaf.name} (if-99999) · Gemeente Roerdam`);
    await expect(page.locator('#changes-applications .changes-added li').textContent()).resolves.toContain('Parkeervergunningen');
    expect(await page.locator('#changes-runs li').count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'changes.png'), fullPage: true });

    // The import of the period is a link to what it alone changed (since its start, until it), saying so.
    const runs = await (await fetch(`${base}/api/imports`)).json() as { runId: string; startedAt: string }[];
    const started = runs.find(run => run.runId === second.runId)!.startedAt;
    const link = page.locator('#changes-runs li a');
    await expect(link.textContent()).resolves.toMatch(/^Wat de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} veranderde$/);
    // As the clock in the Netherlands showed it, as the PDF and the trend say it, whatever the browser's time zone (UTC here).
    const [run] = (await (await fetch(`${base}/api/changes?since=${first.runId}`)).json() as { runs: { at: string }[] }).runs;
    await expect(link.textContent()).resolves.toBe(`Wat de import van ${formatDateTime(run.at, 'nl')} veranderde`);
    await expect(page.locator('#changes-runs li').textContent()).resolves.toMatch(/^Wat de import van .+ veranderde · Gemeente Roerdam \(demo\) · alleen de verschillen met de vorige levering verwerkt · i\.manager$/);
    expect(await link.getAttribute('href')).toBe(`#/changes?${new URLSearchParams({ since: started, until: second.runId! })}`);
    await link.click();
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && /^Wat de import van /.test(document.querySelector('#changes-lead')?.textContent ?? ''), null, { timeout: 60_000 });
    await expect(page.locator('#changes-lead').textContent()).resolves.toContain('5 regels toegevoegd, gewijzigd of verwijderd');
    await open(`#/changes?since=${first.runId}`, [ORGANISATION]);

    // The two readings of "since an import" are offered apart: what the second import changed is its rows.
    expect(await page.locator('#changes-run optgroup').evaluateAll(groups => groups.map(g => g.getAttribute('label'))))
      .toEqual(['Wat één import veranderde', 'Alleen wat ná een import kwam']);
    // "Wat ná de import van … kwam" is not offered for the newest import: nothing came after it.
    const groups = page.locator('#changes-run optgroup');
    const [withRun, afterRun] = await Promise.all([0, 1].map(n => groups.nth(n).locator('option').evaluateAll(options => options.map(o => (o as HTMLOptionElement).value))));
    expect(afterRun).toEqual(withRun.slice(1).map(value => value.split(' ')[1]));
    const what = page.locator('#changes-run optgroup').first().locator('option').first();
    await expect(what.textContent()).resolves.toMatch(/^Wat de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} veranderde · Gemeente Roerdam \(demo\)$/);
    await page.selectOption('#changes-run', (await what.getAttribute('value'))!);
    // The page drawn before is no longer "ready" the moment the form is sent, not only once the new hash's
    // render starts a moment later: whoever waits for ready (these tests too) gets the page asked for.
    await expect(page.evaluate(() => { document.querySelector<HTMLButtonElement>('#changes-form button[type=submit]')!.click(); return document.body.dataset.ready; }))
      .resolves.toBe('false');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && (document.querySelector('#changes-lead')?.textContent ?? '').includes('5 regels'), null, { timeout: 60_000 });
    expect(await page.locator('#changes-runs li').count()).toBe(1);
    await expect(page.locator('#changes-lead').textContent()).resolves.toMatch(/^Wat de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} veranderde: /);

    // What the first import changed is that import alone, not the second that came after it; it kept only
    // its counts, and the page says so instead of showing no rows.
    const firstImport = page.locator('#changes-run optgroup').first().locator('option').last();
    await page.selectOption('#changes-run', (await firstImport.getAttribute('value'))!);
    await page.click('#changes-form button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.querySelector('#changes-untracked') !== null, null, { timeout: 60_000 });
    expect(page.url()).toContain(`until=${first.runId}`);
    expect(await page.locator('#changes-runs li').count()).toBe(1);
    await expect(page.locator('#changes-runs li').textContent()).resolves.toContain('eerste import');
    // The organisation's first measurement: the lead says there is nothing to compare with, not "0 nieuwe scharnierpunten".
    // Its numbers are those after that first import ("na die meting"), not today's ("nu"), which the second import moved.
    const trend = (await (await fetch(`${base}/api/trends?organisation=${ORGANISATION}`)).json() as { series: { runId: string; spofCount: number; noticeCount: number }[] }).series;
    const then = trend.find(point => point.runId === first.runId)!;
    expect([then.spofCount, then.noticeCount]).not.toEqual([trend.at(-1)!.spofCount, trend.at(-1)!.noticeCount]);
    await expect(page.locator('#changes-lead').textContent()).resolves.toMatch(new RegExp(`veranderde: dit is de eerste meting, dus er is nog niets om mee te vergelijken\\. Na die meting waren er ${then.spofCount} scharnierpunt(en)? en ${then.noticeCount} (contract in of voorbij zijn|contracten in of voorbij hun) opzegtermijn\\.$`));
    expect(await page.locator('#changes-spofs-entered').count()).toBe(0);
    expect(await page.locator('#changes-ranking').count()).toBe(0);
    await expect(page.locator('#changes-untracked li').textContent()).resolves.toMatch(/^Demo ingelezen: \d+ applicaties, .*; alleen de aantallen zijn bekend, niet welke regels veranderden · Gemeente Roerdam \(demo\) · \d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
  });

  it('when the organisation\'s report is opened, then it says what the last delivery changed, several items as lines of their own', async () => {
    await open(`#/report?subject=${encodeURIComponent(`org:${ORGANISATION}`)}`, [ORGANISATION]);
    await expect(page.locator('#report-changes h2').textContent()).resolves.toMatch(/^Wat veranderde sinds de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} \(5\)$/);
    const lead = await page.locator('#report-changes .section-lead > li').allTextContents();
    // First which import it compares with, by time and source; then the rows per table.
    expect(lead[0]).toMatch(/^Vergeleken met de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} uit Gemeente Roerdam \(demo\)\.$/);
    expect(lead[1]).toBe('Applicaties: 1 toegevoegd, 1 gewijzigd; koppelingen: 1 toegevoegd; contracten: 2 gewijzigd.');
    // The suppliers whose share moved: the sentence, then each supplier indented under it, without a dash of its own.
    const header = lead.indexOf('Leveranciers waarvan het aandeel het meest verschoof:');
    expect(header).toBeGreaterThan(0);
    await expect(page.locator('#report-changes .section-lead > li').nth(header + 1).getAttribute('class')).resolves.toBe('sub');
    expect(lead[header + 1]).toMatch(/^[^–].*: contractwaarde .*per jaar\), applicaties /);
    expect(await page.locator('#table-changes tbody tr').count()).toBe(5);
    await page.locator('#report-changes').screenshot({ path: join(ARTIFACTS, 'report-changes-page.png') });
  });

  it('when an import is shown and a date is typed, then the date wins; an import chosen after that wins again', async () => {
    const runs: { runId: string; startedAt: string }[] = await (await fetch(`${base}/api/imports`)).json();
    const run = runs.find(entry => entry.runId === second.runId)!;
    await open(`#/changes?since=${encodeURIComponent(run.startedAt)}&until=${second.runId}`, [ORGANISATION]);
    await expect(page.locator('#changes-run').inputValue()).resolves.toBe(`${run.startedAt} ${second.runId}`);
    const date = addMonths(today(), -2);
    await page.fill('#changes-since', date);
    // The import chosen before gives way at once, so what will be shown is what the form shows.
    await expect(page.locator('#changes-run').inputValue()).resolves.toBe('');
    await page.click('#changes-form button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && (document.querySelector('#changes-lead')?.textContent ?? '').startsWith('Sinds '), null, { timeout: 60_000 });
    expect(new URL(page.url()).hash).toBe(`#/changes?since=${date}`);
    await expect(page.locator('#changes-lead').textContent()).resolves.toMatch(new RegExp(`^Sinds ${date.split('-').reverse().join('-')}: `));
    await expect(page.locator('#changes-since').inputValue()).resolves.toBe(date);

    // And the other way round: an import chosen after a date clears the date.
    await page.selectOption('#changes-run', `${run.startedAt} ${second.runId}`);
    await expect(page.locator('#changes-since').inputValue()).resolves.toBe('');
    await page.click('#changes-form button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && (document.querySelector('#changes-lead')?.textContent ?? '').startsWith('Wat de import van '), null, { timeout: 60_000 });
    expect(page.url()).toContain(`until=${second.runId}`);
    await page.screenshot({ path: join(ARTIFACTS, 'changes-date-wins.png') });

    // By keyboard: a date typed and Enter, then the page drawn again keeps the keyboard in the date field,
    // and Toepassen pressed keeps it on Toepassen, not back at the top of the page.
    await page.focus('#changes-since');
    await page.keyboard.type(date.split('-').reverse().join(''));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && (document.querySelector('#changes-lead')?.textContent ?? '').startsWith('Sinds '), null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('changes-since');
    await page.focus('#changes-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    expect(await page.evaluate(() => document.activeElement?.matches('#changes-form button[type=submit]'))).toBe(true);
  });

  it('when nothing was measured at the chosen date, then the cards and the lists both compare with the first measurement', async () => {
    await open(`#/changes?since=${addMonths(today(), -1)}`, [ORGANISATION]);
    await expect(page.locator('#changes-baseline').textContent()).resolves.toMatch(/^Op het gekozen moment was nog niets gemeten: vergeleken met de eerste meting daarna \(\d{2}-\d{2}-\d{4} \d{2}:\d{2}\)\.$/);
    // Only the leaf application is a new single point of failure, as the card's change says (▲ +1).
    expect(await page.locator('#changes-spofs-entered li').allTextContents()).toEqual([leaf.name]);
    await expect(page.locator('#changes-cards [data-metric=spofCount] .hint').textContent()).resolves.toMatch(/\(▲ \+1\)$/);
    expect(await page.locator('#changes-notice-entered li').count()).toBe(1);
  });

  it('when the numbers before were measured on another day, then one line says that lock-in moves with the day', async () => {
    // The history as a first delivery measured yesterday leaves it (lock-in counts the years contracts still run from that day).
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await driver.executeQuery('MATCH (h:Headline {runId: $runId}) SET h.at = datetime($at), h.meanLockIn = h.meanLockIn - 0.5', { runId: first.runId, at: `${yesterday}T08:00:00Z` });
    await driver.executeQuery('MATCH (d:RunDiff {runId: $runId}) SET d.at = datetime($at)', { runId: first.runId, at: `${yesterday}T08:00:00Z` });
    await open(`#/changes?since=${first.runId}`, [ORGANISATION]);
    await expect(page.locator('#changes-lockin-date').textContent()).resolves
      .toMatch(/^Lock-in telt mee hoe lang contracten nog lopen, gerekend vanaf de dag van meting: gemeten op \d{2}-\d{2}-\d{4} in plaats van \d{2}-\d{2}-\d{4} verschuift/);
  });

  it('when no organisation is chosen and the period concerns one, then its cards and lists, and the date form changes the period', async () => {
    await open('#/changes', []);
    // Not a table of one row that hides which contract or supplier it counts (a user check).
    expect(await page.locator('#changes-organisations').count()).toBe(0);
    expect(await page.locator('#changes-cards .card').count()).toBe(9);
    await expect(page.locator('#changes-notice-entered li').textContent()).resolves.toContain('(c-0002)');
    expect(await page.locator('#changes-suppliers li').count()).toBeGreaterThan(0);
    // Since a date before the first import: both runs, the first kept as counts only.
    await page.fill('#changes-since', addMonths(today(), -1));
    await page.click('#changes-form button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.querySelectorAll('#changes-runs li').length === 2, null, { timeout: 60_000 });
    await expect(page.locator('#changes-untracked li').first().textContent()).resolves.toContain('alleen de aantallen zijn bekend, niet welke regels veranderden');
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
    await expect(page.locator('h1').textContent()).resolves.toBe('What has changed?');
    await page.screenshot({ path: join(ARTIFACTS, 'changes-all-en.png'), fullPage: true });
  });

  it('when an ArchiMate model and the Algoritmeregister were imported, then both are listed by name, with what they counted', async () => {
    const model = await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm0001', source: 'archimate:gm0001', user: 'i.manager' });
    const register = await importAlgoritmeregister(driver, [registerFile('algoritmes.json')], { user: 'i.manager' });
    expect([model.runId, register.runId].every(Boolean)).toBe(true);
    await open(`#/changes?since=${addMonths(today(), -1)}`, []);
    await page.selectOption('#language', 'nl');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.querySelectorAll('#changes-runs li').length === 4, null, { timeout: 60_000 });
    // Two organisations in the period: a row each, the column naming one.
    expect(await page.locator('#changes-organisations tbody tr').count()).toBe(2);
    await expect(page.locator('#changes-organisations thead th').first().textContent()).resolves.toContain('Organisatie');
    expect(await page.locator('#changes-organisations thead th').first().textContent()).not.toContain('(s)');
    // Newest first, as the import choice and Eerdere imports list them.
    const runs = await page.locator('#changes-runs li').allTextContents();
    // Both sources' first: said so, not "het hele model opnieuw ingelezen" of a model read for the first time.
    expect(runs[1]).toMatch(/^Wat de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} veranderde · gm0001 \(ArchiMate-model\) · eerste import · i\.manager$/);
    expect(runs[0]).toMatch(/^Wat de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} veranderde · Algoritmeregister · eerste import · i\.manager$/);
    expect(await page.locator('#changes-runs li a').count()).toBe(4);
    // The first demo import and the model's first wrote table rows they did not keep one by one; the register's
    // run counts algorithms, no table row, so it is not said to leave rows out.
    await expect(page.locator('#changes-lead').textContent()).resolves.toContain('2 imports waarvan alleen de aantallen bekend zijn');
    // Their rows are not known: said with the counts that are, not left as an empty table.
    const untracked = await page.locator('#changes-untracked li').allTextContents();
    expect(untracked[1]).toMatch(/^ArchiMate-model ingelezen: \d+ applicaties, .*; alleen de aantallen zijn bekend, niet welke regels veranderden · gm0001 \(ArchiMate-model\) · /);
    expect(untracked[2]).toMatch(/^Algoritmeregister ingelezen: 5 algoritmes; alleen de aantallen zijn bekend, niet welke regels veranderden · \d{2}-\d{2}-\d{4} \d{2}:\d{2}$/);
    // gm0001 is measured for the first time: its row says so, instead of comparing its numbers with themselves.
    const gm0001 = await page.locator('#changes-organisations tbody tr', { hasText: 'gm0001' }).locator('td').allTextContents();
    expect(gm0001.slice(2, 4)).toEqual(['eerste meting', 'eerste meting']);
    expect(gm0001.at(-1)).toBe('eerste meting');
    expect(gm0001.join(' ')).not.toContain('→');
    await page.screenshot({ path: join(ARTIFACTS, 'changes-untracked.png'), fullPage: true });

    // What the register's import alone changed: no landscape rows, but it read algorithms. The lead said
    // "0 regels toegevoegd, gewijzigd of verwijderd" above "Algoritmeregister ingelezen: 5 algoritmes".
    const registerRun = page.locator('#changes-run optgroup').first().locator('option').first();
    await expect(registerRun.textContent()).resolves.toContain('Algoritmeregister');
    await page.selectOption('#changes-run', (await registerRun.getAttribute('value'))!);
    await page.click('#changes-form button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && /^Wat de import van /.test(document.querySelector('#changes-lead')?.textContent ?? ''), null, { timeout: 60_000 });
    const lead = (await page.locator('#changes-lead').textContent())!;
    expect(lead).toContain('geen regels van het landschap, wel andere gegevens ingelezen (Algoritmeregister)');
    expect(lead).not.toMatch(/\b0 regels/);
  });
});
