// The web UI in a real Chromium, against a real server (createApp) and the test Neo4j with the demo
// municipality loaded. Screenshots of every page go to tests/artifacts/ (git-ignored).
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { parse } from 'csv-parse/sync';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importFiles } from '../../importers/import.js';
import { createApp, defaultServices } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { read } from '../../server/neo4j.js';
import { dutchDay } from '../../server/format.js';
import { addMonths } from '../../server/analyses/params.js';
import { seedAdminToken } from '../../server/auth.js';
import { buildWeb } from '../../web/build.js';
import { resetDatabase, snapshot, testDriver } from '../support/db.js';
import { graphOf } from '../importers/support.js';

const DEMO = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');
const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');
const GRAPH_KINDS = ['Organisation', 'Application', 'Supplier', 'SupplierGroup', 'Platform', 'ReferenceComponent', 'BusinessFunction'];

let driver: Driver;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;

const api = async <T = any>(path: string): Promise<T> => {
  const response = await fetch(`${base}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
};

async function open(hash: string, settle = 0): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  if (settle) await page.waitForTimeout(settle);
}

const shot = (name: string, fullPage = false) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
const visible = () => page.evaluate(() => (window as any).roer.visible() as string[]);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  driver = testDriver();
  await resetDatabase(driver);
  const files = readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(name => join(DEMO, name));
  const report = await importFiles(driver, files, { source: 'demo:gemeente-roerdam', user: 'test' });
  expect(report.issues).toEqual([]);
  const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-test-${process.pid}`), minify: false });
  const config = loadConfig({ ROER_AUTH: 'off' });
  const services = { ...defaultServices(), webDir };
  const app = createApp({ driver, config, services });
  server = await new Promise<Server>(resolve => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.on('pageerror', error => { throw error; });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise(resolve => server?.close(resolve));
  await driver?.close();
});

describe('explorer', () => {
  it('when the explorer opens, then it renders every node of the landscape the graph API returns', async () => {
    const [{ count }] = await read<{ count: number }>(driver, 'MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $kinds) RETURN count(n) AS count', { kinds: GRAPH_KINDS });
    await open('#/explorer?view=graph', 500);
    expect((await visible()).length).toBe(count);
    await expect(page.locator('#graph-status').textContent()).resolves.toContain(`${count} van ${count}`);
    await page.waitForFunction(() => document.querySelector('#layout-busy')?.hasAttribute('hidden'), null, { timeout: 60_000 });
    await shot('explorer-1280');
  });

  it('when filtering on criticality "kritiek", then only critical applications remain next to the other kinds', async () => {
    const [{ others, critical }] = await read<{ others: number; critical: number }>(driver,
      `MATCH (n:Entity) WHERE any(l IN labels(n) WHERE l IN $kinds)
       RETURN sum(CASE WHEN n:Application THEN 0 ELSE 1 END) AS others, sum(CASE WHEN n:Application AND n.criticality = 'critical' THEN 1 ELSE 0 END) AS critical`, { kinds: GRAPH_KINDS });
    const before = (await visible()).length;
    await page.getByLabel('kritiek').check();
    const after = await visible();
    expect(after.length).toBe(others + critical);
    expect(after.length).toBeLessThan(before);
    await shot('explorer-filtered');
    await page.click('#filters-reset');
    expect((await visible()).length).toBe(before);
  });

  it('when searching an application and choosing the suggestion, then its dependency view opens with its contracts in the panel', async () => {
    const [app] = await read<{ uid: string; name: string; contracts: string[] }>(driver,
      `MATCH (a:Application)<-[:COVERS]-(c:Contract) WITH a, collect(c.uid) AS contracts WHERE size(contracts) >= 1
       WITH a, contracts ORDER BY size(contracts) DESC, a.uid LIMIT 1 RETURN a.uid AS uid, a.name AS name, contracts`);
    await page.fill('#search', app.name);
    await page.waitForSelector('#search-list li');
    const first = await page.locator('#search-list li').first().getAttribute('data-id');
    // Same names can exist twice; pick ours from the suggestions.
    await page.locator(`#search-list li[data-id="${app.uid}"]`).dispatchEvent('mousedown');
    expect(first).toBeTruthy();
    await page.waitForSelector('#panel-contracts li');
    expect(await page.evaluate(() => document.querySelector('#deps .centre-card')?.getAttribute('data-uid'))).toBe(app.uid);
    await expect(page.locator('#panel-title').textContent()).resolves.toBe(app.name);
    const shown = await page.locator('#panel-contracts li').evaluateAll(items => items.map(item => item.getAttribute('data-uid')));
    expect(shown.sort()).toEqual([...app.contracts].sort());
    await expect(page.locator('#panel-contracts').textContent()).resolves.toContain('opzeggen vóór');
    await shot('explorer-panel');
  });

  it('when a name is typed and Enter pressed at once, then the first suggestion opens when it arrives', async () => {
    // Enter before the suggestions came did nothing; the list then appeared and stayed.
    const [supplier] = await read<{ uid: string; name: string }>(driver, 'MATCH (s:Supplier)-[:SUPPLIES]->() WITH s, count(*) AS n ORDER BY n DESC, s.uid LIMIT 1 RETURN s.uid AS uid, s.name AS name');
    await open('#/explorer?view=graph');
    await page.locator('#search').pressSequentially(supplier.name);
    await page.keyboard.press('Enter');
    await page.waitForFunction(uid => document.querySelector('#deps .centre-card')?.getAttribute('data-uid') === uid, supplier.uid, { timeout: 30_000 });
  });

  it('when a name is typed and ArrowDown pressed, then the first suggestion is marked, and Enter opens it', async () => {
    // The first hit was marked before any key, so ArrowDown skipped it.
    const [supplier] = await read<{ uid: string; name: string }>(driver, 'MATCH (s:Supplier)-[:SUPPLIES]->() WITH s, count(*) AS n ORDER BY n DESC, s.uid LIMIT 1 RETURN s.uid AS uid, s.name AS name');
    await open('#/explorer?view=graph');
    await page.locator('#search').pressSequentially(supplier.name);
    await page.waitForFunction(name => (document.querySelector('#search-list') as HTMLElement | null)?.dataset.for === name && !!document.querySelector('#search-list li'), supplier.name);
    expect(await page.locator('#search-list li[aria-selected="true"]').count()).toBe(0);
    await page.keyboard.press('ArrowDown');
    const first = page.locator('#search-list li').first();
    await expect(first.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(page.locator('#search').getAttribute('aria-activedescendant')).resolves.toBe(await first.getAttribute('id'));
    const uid = await first.getAttribute('data-id');
    await page.keyboard.press('Enter');
    await page.waitForFunction(uid => document.querySelector('#deps .centre-card')?.getAttribute('data-uid') === uid, uid, { timeout: 30_000 });
  });

  it('when asking "what if this fails" on a supplier, then exactly the impact set of the API is highlighted', async () => {
    const [supplier] = await read<{ uid: string; name: string }>(driver,
      'MATCH (s:Supplier)-[:SUPPLIES]->(a:Application) WITH s, count(a) AS n ORDER BY n DESC, s.uid LIMIT 1 RETURN s.uid AS uid, s.name AS name');
    const impact = await api<{ rows: { uid: string; direct: boolean; kind: string }[] }>(`/api/analyses/impact?node=${encodeURIComponent(supplier.uid)}`);
    expect(impact.rows.length).toBeGreaterThan(0);
    await open(`#/explorer?focus=${encodeURIComponent(supplier.uid)}`);
    await page.click('#what-if');
    await page.waitForFunction(() => (window as any).roer.highlighted().length > 1);
    const highlighted = await page.evaluate(() => (window as any).roer.highlighted() as string[]);
    expect(highlighted).toEqual([supplier.uid, ...impact.rows.map(row => row.uid)].sort());
    // Said apart and in the answer's words: what fails directly, what only misses data through interfaces (dashed).
    const applications = impact.rows.filter(row => row.kind === 'Application');
    const direct = applications.filter(row => row.direct).length;
    const platforms = impact.rows.length - applications.length;
    const count = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;
    const directWords = [direct || !platforms ? count(direct, 'applicatie', 'applicaties') : '', platforms ? count(platforms, 'platform', 'platforms') : ''].filter(Boolean).join(' en ');
    await expect(page.locator('#graph-status').textContent()).resolves.toContain(
      `Doorgetrokken rand: valt direct uit (${directWords}); gestippelde rand: mist gegevens via koppelingen (${count(applications.length - direct, 'applicatie', 'applicaties')}).`);
    await page.waitForFunction(() => document.querySelector('#layout-busy')?.hasAttribute('hidden'), null, { timeout: 60_000 });
    await shot('explorer-what-if');
  });

  it('when exporting the view as SVG, then a standalone SVG with every visible node arrives', async () => {
    await page.click('#clear');
    const download = page.waitForEvent('download');
    await page.click('#export-svg');
    const file = await (await download).path();
    const text = (await import('node:fs')).readFileSync(file!, 'utf8');
    expect(text.startsWith('<svg')).toBe(true);
    expect((text.match(/<text /g) ?? []).length).toBe((await visible()).length);
  });
});

describe('overlays', () => {
  it('when the lock-in overlay is switched on, then every application with a score is coloured', async () => {
    const lockIn = await api<{ rows: { uid: string }[] }>('/api/analyses/lock-in');
    await open('#/explorer?view=graph');
    await page.check('#overlay-lockin');
    await page.waitForFunction(() => (window as any).roer.lockIn().length > 0);
    const coloured = await page.evaluate(() => (window as any).roer.lockIn() as string[]);
    expect(coloured).toEqual(lockIn.rows.map(row => row.uid).sort());
    // What the colours mean stands under the checkbox while it is on.
    expect(await page.locator('#overlay-lockin-note').innerText()).toContain('groen (weinig lock-in)');
    // The worst ones by name, with their scores: where to look.
    expect(await page.locator('#overlay-lockin-note').innerText()).toMatch(/Hoogste lock-in: .+ \(\d+(,\d)?\), .+ \(\d+(,\d)?\), .+ \(\d+(,\d)?\) \(van 100\)\.$/);
    await page.uncheck('#overlay-lockin');
    expect(await page.locator('#overlay-lockin-note').isVisible()).toBe(false);
  });

  it('when articulation points and bridges are marked, then exactly those of the API are marked', async () => {
    const spof = await api<{ summary: { articulationPoints: { uid: string }[]; bridges: { from: string; to: string }[] } }>('/api/analyses/single-points-of-failure');
    await page.check('#overlay-spof');
    await page.waitForFunction(() => (window as any).roer.findings().length > 0);
    const marked = await page.evaluate(() => (window as any).roer.findings() as string[]);
    const points = spof.summary.articulationPoints.map(point => point.uid);
    expect(marked.filter(id => !id.includes('|')).sort()).toEqual([...new Set(points)].sort());
    // A bridge is drawn on the DEPENDS_ON edge(s) between its two applications.
    for (const bridge of spof.summary.bridges) {
      expect(marked.some(id => id.includes(bridge.from) && id.includes(bridge.to))).toBe(true);
    }
    // The marks are explained and counted as the Kwetsbare punten page counts them.
    const note = await page.locator('#overlay-spof-note').innerText();
    expect(note).toContain(`dubbele roze rand: ${new Set(points).size} scharnierpunt`);
    expect(note).toContain(`dikke roze lijn: ${spof.summary.bridges.length} brug`);
    await shot('explorer-spof-overlay');
    await page.uncheck('#overlay-spof');
  });
});

describe('neighbourhood and export', () => {
  it('when expanding an application, then its contracts, interfaces and standards join the graph', async () => {
    const [app] = await read<{ uid: string; extra: number }>(driver,
      `MATCH (a:Application)--(n) WHERE none(l IN labels(n) WHERE l IN $kinds)
       WITH a, count(DISTINCT n) AS extra ORDER BY extra DESC, a.uid LIMIT 1 RETURN a.uid AS uid, extra`, { kinds: GRAPH_KINDS });
    await open(`#/explorer?focus=${encodeURIComponent(app.uid)}`);
    await page.waitForSelector('#expand');
    const before = (await visible()).length;
    await page.click('#expand');
    await page.waitForFunction(count => (window as any).roer.visible().length > count, before);
    expect((await visible()).length).toBe(before + app.extra);
  });

  it('when applications are aggregated per supplier and one aggregate is expanded, then its members appear', async () => {
    const kinds = GRAPH_KINDS.join(',');
    const folded = await api<{ nodes: { id: string; kind: string; count?: number }[] }>(`/api/graph?kinds=${kinds}&aggregate=supplier&maxElements=6000`);
    const aggregate = folded.nodes.filter(node => node.kind === 'Aggregate').sort((a, b) => (b.count ?? 0) - (a.count ?? 0))[0];
    const members = await api<{ nodes: { id: string }[] }>(`/api/graph?kinds=${kinds}&aggregate=supplier&maxElements=6000&expand=${encodeURIComponent(aggregate.id)}`);
    await open('#/explorer?view=graph');
    await page.selectOption('#aggregate', 'supplier');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && (window as any).roer.visible().some((id: string) => id.startsWith('aggregate:')));
    expect((await visible()).length).toBe(folded.nodes.length);
    await open(`#/explorer?focus=${encodeURIComponent(aggregate.id)}`);
    await page.click('#expand');
    await page.waitForFunction(id => !(window as any).roer.visible().includes(id), aggregate.id);
    const after = await visible();
    expect(members.nodes.every(node => after.includes(node.id))).toBe(true);
    // The members replace the aggregate.
    expect(after.includes(aggregate.id)).toBe(false);
    expect(after.length).toBe(folded.nodes.length - 1 + members.nodes.filter(node => !folded.nodes.some(f => f.id === node.id)).length);
    await shot('explorer-aggregated');
    await page.selectOption('#aggregate', 'auto');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !(window as any).roer.visible().some((id: string) => id.startsWith('aggregate:')));
  });

  it('when exporting the view as PNG, then a PNG image downloads', async () => {
    const download = page.waitForEvent('download');
    await page.click('#export-png');
    const bytes = (await import('node:fs')).readFileSync((await (await download).path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('dashboards', () => {
  it('when the exposure dashboard opens, then its HHI by contract value equals the API', async () => {
    const result = await api<{ summary: { byOrganisation: { contractValue: { hhi: number }; applications: { hhi: number } }[] } }>('/api/analyses/supplier-exposure');
    await open('#/exposure');
    const shown = await page.locator('#hhi-main .big').getAttribute('data-hhi');
    expect(Number(shown)).toBe(result.summary.byOrganisation[0].contractValue.hhi);
    expect(Number(await page.locator('#hhi-other .big').getAttribute('data-hhi'))).toBe(result.summary.byOrganisation[0].applications.hhi);
    // Before the figures, the answer in words: the supplier with the largest share of the contract value, as the API ranks it.
    const rows = (await api<{ rows: { name: string; contractValueShare: number }[] }>('/api/analyses/supplier-exposure')).rows;
    const largest = [...rows].sort((a, b) => b.contractValueShare - a.contractValueShare)[0];
    const answer = await page.locator('#exposure-answer').innerText();
    expect(answer).toMatch(new RegExp(`^De grootste leverancier is ${largest.name.replace(/\./g, '\\.')}, met ${String(largest.contractValueShare.toFixed(1)).replace('.', ',')}% van de contractwaarde \\(€\\s[\\d.]+ per jaar\\)\\. De drie grootste hebben samen [\\d,]+%\\. Over alle leveranciers samen is de afhankelijkheid (niet|matig|sterk) geconcentreerd \\(HHI `));
    await shot('exposure', true);
  });

  it('when the contract calendar opens, then it lists exactly the contracts due in the next 12 months', async () => {
    // Today as the calendar counts it: the day in the Netherlands.
    const today = dutchDay();
    const result = await api<{ rows: { uid: string }[] }>(`/api/analyses/contract-calendar?from=${today}&to=${addMonths(today, 12)}`);
    await open('#/calendar');
    const listed = await page.locator('#calendar-table tbody tr').evaluateAll(rows => rows.map(row => row.getAttribute('data-uid')));
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.sort()).toEqual(result.rows.map(row => row.uid).sort());
    await shot('calendar', true);
  });

  it('when the calendar is set to this quarter, then it lists the contracts up to the end of the quarter and says what it counts', async () => {
    const now = new Date(`${dutchDay()}T00:00:00Z`);
    const end = new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 + 3, 0)).toISOString().slice(0, 10);
    const result = await api<{ rows: { uid: string }[] }>(`/api/analyses/contract-calendar?from=${now.toISOString().slice(0, 10)}&to=${end}`);
    await open('#/calendar');
    await page.getByLabel('Dit kwartaal').check();
    await page.waitForFunction(n => document.querySelectorAll('#calendar-table tbody tr').length === n || (n === 0 && !document.querySelector('#calendar-table tbody tr')), result.rows.length);
    const listed = await page.locator('#calendar-table tbody tr').evaluateAll(rows => rows.map(row => row.getAttribute('data-uid')));
    expect(listed.sort()).toEqual(result.rows.map(row => row.uid).sort());
    expect(await page.locator('#calendar-count-definition').textContent()).toContain('opzegdatum of de einddatum in het venster');
    // Which quarter: the window's dates are said, not left to guess.
    const dutch = (iso: string) => iso.split('-').reverse().join('-');
    expect(await page.locator('#calendar-count').textContent()).toBe(`${result.rows.length} contracten in het venster van ${dutch(now.toISOString().slice(0, 10))} tot en met ${dutch(end)}`);
  });

  it('when the exposure is shown per supplier group, then the chart is titled per group', async () => {
    await open('#/exposure');
    expect(await page.locator('#chart-heading').textContent()).toBe('Aandeel per leverancier');
    await page.getByLabel('Leveranciersgroep').check();
    await page.waitForFunction(() => document.querySelector('#chart-heading')?.textContent === 'Aandeel per leveranciersgroep');
    await page.getByLabel('Leverancier', { exact: true }).check();
    await page.waitForFunction(() => document.querySelector('#chart-heading')?.textContent === 'Aandeel per leverancier');
    // At 1280 px the per-function table fits its box: nothing hidden behind a scroll without a cue.
    const box = await page.locator('#function-table').evaluate(table => { const parent = table.closest('.table-box')!; return { scroll: parent.scrollWidth, client: parent.clientWidth }; });
    expect(box.scroll).toBeLessThanOrEqual(box.client);
  });

  it('when the single points of failure open and one is chosen, then the explorer shows it with its impact', async () => {
    await open('#/spof');
    const first = page.locator('#spof-table tbody tr button.link').first();
    const uid = await first.getAttribute('data-uid');
    await shot('spof', true);
    await first.click();
    await page.waitForFunction(() => document.body.dataset.page === 'explorer' && document.body.dataset.ready === 'true');
    await page.waitForFunction(() => (window as any).roer.highlighted().length > 0);
    expect(await page.evaluate(() => (window as any).roer.selected())).toEqual([uid]);
  });
});

describe('reports', () => {
  it('when a supplier report is made, then the page shows its tables and a real PDF downloads', async () => {
    const [supplier] = await read<{ uid: string; name: string }>(driver, 'MATCH (s:Supplier)<-[:WITH]-(:Contract) RETURN s.uid AS uid, s.name AS name ORDER BY s.uid LIMIT 1');
    await open(`#/report?subject=${encodeURIComponent(supplier.uid)}`);
    await expect(page.locator('.report-head h1').textContent()).resolves.toContain(supplier.name);
    expect(await page.locator('svg.picture').count()).toBe(1);
    await shot('report', true);
    const download = page.waitForEvent('download');
    await page.click('#report-pdf');
    const bytes = (await import('node:fs')).readFileSync((await (await download).path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(2000);
  });

  it('when an organisation report is made, then an ArchiMate file for Archi downloads', async () => {
    const [organisation] = await read<{ uid: string; id: string }>(driver, 'MATCH (o:Organisation) RETURN o.uid AS uid, o.id AS id ORDER BY o.uid LIMIT 1');
    await open(`#/report?subject=${encodeURIComponent(organisation.uid)}`);
    const download = page.waitForEvent('download');
    await page.click('#report-ameff');
    const xml = (await import('node:fs')).readFileSync((await (await download).path())!, 'utf8');
    expect(xml).toContain('http://www.opengroup.org/xsd/archimate/3.0/');
    const [application] = await read<{ name: string }>(driver, 'MATCH (a:Application {organisation: $id}) RETURN a.name AS name ORDER BY a.uid LIMIT 1', { id: organisation.id });
    expect(xml).toContain(application.name.replace(/&/g, '&amp;'));
  });
});

describe('import', () => {
  it('when the import form is shown, then its fields stand in one column in reading order', async () => {
    await open('#/import');
    const top = (selector: string) => page.locator(selector).evaluate(el => el.closest('.field')!.getBoundingClientRect());
    const [files, source, organisation] = [await top('#import-files'), await top('#import-source'), await top('#import-organisation')];
    expect(source.top).toBeGreaterThanOrEqual(files.bottom);
    expect(organisation.top).toBeGreaterThanOrEqual(source.bottom);
    expect(source.left).toBe(files.left);
    await shot('import-form');
  });

  it('when a CSV with bad rows is uploaded, then its row errors are shown and the graph does not change', async () => {
    // The audit log records the rejected attempt (by design); the landscape itself must not change.
    const landscape = async () => (await snapshot(driver)).filter(line => !line.includes('"labels":["AuditEntry"]'));
    const before = await landscape();
    await open('#/import');
    const csv = 'id;organisatie;naam;kritikaliteit\napp-x;gemeente-roerdam;;hoog\napp-y;gemeente-roerdam;Iets;enorm\n';
    await page.setInputFiles('#import-files', { name: 'applications.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.fill('#import-source', 'csv:test-bad');
    await page.click('#import-commit');
    await page.waitForSelector('#import-issues tbody tr');
    const rows = await page.locator('#import-issues tbody tr').evaluateAll(trs => trs.map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent)));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.some(cells => cells[1] === '2')).toBe(true);
    expect(rows.some(cells => cells[1] === '3' && cells.join(' ').includes('enorm'))).toBe(true);
    await shot('import-errors', true);
    expect(await landscape()).toEqual(before);
    const [{ rejected }] = await read<{ rejected: number }>(driver, "MATCH (a:AuditEntry {action: 'import', object: 'csv:test-bad'}) WHERE a.result STARTS WITH 'rejected' RETURN count(a) AS rejected");
    expect(rejected).toBe(1);
  });
});

describe('import progress', () => {
  it('when files are imported, then the bar and the status show the rows loaded so far, and the report follows', async () => {
    // The demo's files under a second source: the landscape stays as it is (its facts get a second
    // stamp and each source's claim on it), and the load runs (the demo's own source would find its files unchanged).
    const landscape = async () => (await graphOf(driver)).filter(line => !line.includes('AuditEntry') && !line.includes('"labels":["Claim"]'));
    const before = await landscape();
    await open('#/import');
    const files = readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(name => ({ name, mimeType: 'text/csv', buffer: readFileSync(join(DEMO, name)) }));
    await page.setInputFiles('#import-files', files);
    await page.fill('#import-source', 'csv:roerdam-copy');
    await page.click('#import-commit');
    // The total is the rows that load: the files' rows less the suppliers merged into others.
    const seen = await page.waitForFunction(() => {
      const bar = document.querySelector<HTMLProgressElement>('#import-progress');
      const status = document.querySelector('#import-status')?.textContent ?? '';
      const shown = /^Laden: ([\d.]+) van ([\d.]+) rijen \((\d+)%\)$/.exec(status);
      const number = (text: string) => Number(text.replaceAll('.', ''));
      return bar && !bar.hidden && bar.value > 0 && shown && number(shown[1]) === bar.value && number(shown[2]) === bar.max ? { done: bar.value, total: bar.max } : null;
    }, null, { polling: 'raf', timeout: 60_000 });
    const rows = files.reduce((sum, file) => sum + parse(file.buffer, { columns: true, bom: true }).length, 0);
    expect(await seen.jsonValue()).toEqual({ done: expect.any(Number), total: rows - 1 });
    // After the last row the run still writes its claims and cleans up: on a busy machine that took longer than
    // playwright's default 30 s. This checks what the page shows, not how fast.
    await page.waitForSelector('#import-tables', { timeout: 110_000 });
    await expect(page.locator('#import-result').textContent()).resolves.toContain('Import voltooid.');
    expect(await page.locator('#import-progress').isHidden()).toBe(true);
    expect(await landscape()).toEqual(before);

    // The same files again: nothing changed, nothing written, and the page says since when.
    await page.setInputFiles('#import-files', files);
    await page.fill('#import-source', 'csv:roerdam-copy');
    await page.click('#import-commit');
    await page.waitForFunction(() => /niet gewijzigd sinds de import van \d/.test(document.querySelector('#import-result')?.textContent ?? ''), null, { timeout: 60_000 });
    const runs = await read<{ since: string | null }>(driver, "MATCH (r:ImportRun {source: 'csv:roerdam-copy'}) RETURN r.unchangedSince AS since ORDER BY r.startedAt");
    expect(runs.map(run => run.since === null)).toEqual([true, false]);
    // The history, newest first, tells the two runs apart.
    await page.waitForFunction(() => [...document.querySelectorAll('#import-history tbody tr')].filter(row => row.textContent?.includes('csv:roerdam-copy')).length === 2);
    const statuses = await page.$$eval('#import-history tbody tr', rows => rows.filter(row => row.textContent?.includes('csv:roerdam-copy')).map(row => row.textContent ?? ''));
    expect(statuses.map(text => text.includes('voltooid, ongewijzigd'))).toEqual([true, false]);
  });
});

describe('language and layout', () => {
  it('when switching to English, then the texts change', async () => {
    await open('#/explorer?view=graph');
    await expect(page.locator('header nav a[aria-current=page]').textContent()).resolves.toBe('Landschap');
    await page.selectOption('#language', 'en');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.documentElement.lang === 'en');
    await expect(page.locator('header nav a[aria-current=page]').textContent()).resolves.toBe('Landscape');
    await expect(page.locator('#explorer-heading').textContent()).resolves.toBe('Landscape explorer');
    await shot('explorer-english');
    await page.selectOption('#language', 'nl');
  });

  it('when the page is 1920 wide and used by keyboard, then the navigation is reachable and focus is visible', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await open('#/explorer?view=graph', 300);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ tag: document.activeElement?.tagName, text: document.activeElement?.textContent, outline: getComputedStyle(document.activeElement!).outlineStyle }));
    expect(focused.tag).toBe('A');
    expect(focused.outline).not.toBe('none');
    await page.waitForFunction(() => document.querySelector('#layout-busy')?.hasAttribute('hidden'), null, { timeout: 60_000 });
    await shot('explorer-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});

describe('access with API tokens', () => {
  it('when the server wants a token, then the page asks for one, keeps it in sessionStorage only and then works', async () => {
    const token = 'roer-ui-test-token-0123456789';
    const config = loadConfig({ ROER_AUTH: 'token', ROER_ADMIN_TOKEN: token });
    await seedAdminToken(driver, token);
    const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-test-token-${process.pid}`) });
    const secured = createApp({ driver, config, services: { ...defaultServices(), webDir } });
    const other = await new Promise<Server>(resolve => { const s = secured.listen(0, '127.0.0.1', () => resolve(s)); });
    const tokenPage = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/#/exposure`;
      await tokenPage.goto(url);
      await tokenPage.waitForFunction(() => document.body.dataset.ready === 'true');
      expect(await tokenPage.locator('details.token').getAttribute('open')).not.toBeNull();
      expect(await tokenPage.locator('#hhi-main').count()).toBe(0);
      await tokenPage.fill('#token', token);
      await tokenPage.click('details.token button[type=submit]');
      await tokenPage.waitForSelector('#hhi-main .big');
      expect(await tokenPage.evaluate(() => sessionStorage.getItem('roer.token'))).toBe(token);
      expect(await tokenPage.evaluate(() => JSON.stringify(localStorage).includes('roer-ui-test-token'))).toBe(false);
      await tokenPage.screenshot({ path: join(ARTIFACTS, 'token.png') });
    } finally {
      await tokenPage.close();
      await new Promise(resolve => other.close(resolve));
    }
  });
});

