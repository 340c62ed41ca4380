// Downloads equal to the screen, the exposure page's bands, the report page and every dashboard at
// 390 px, in a real Chromium against the real server and the test Neo4j (the demo municipality plus
// a small one whose waste function is concentrated by value but not by count). Screenshots go to
// tests/artifacts/ (git-ignored) to look at.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importFiles, importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { createApp, defaultServices } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { read } from '../../server/neo4j.js';
import type { ReportData } from '../../server/reports/report-data.js';
import { buildWeb } from '../../web/build.js';
import { resetDatabase, testDriver } from '../support/db.js';

const DEMO = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');
const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');
const AFVAL = 'gemeente-afval';

let driver: Driver;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;

/** Seven suppliers share Afval equally by count (HHI 1,429), one holds 94% of its contract value (HHI 8,900). */
const afvalLandscape = () => Landscape.parse({
  suppliers: Array.from({ length: 7 }, (_, i) => ({ id: `afv-s${i}`, name: `Afvalleverancier ${i}` })),
  platforms: [],
  applications: Array.from({ length: 7 }, (_, i) => ({ id: `afv${i}`, organisation: AFVAL, name: `Afvalregistratie ${i}`, supplier: `afv-s${i}`, businessFunctions: 'Afval' })),
  interfaces: [],
  contracts: Array.from({ length: 7 }, (_, i) => ({ id: `afv-c${i}`, organisation: AFVAL, supplier: `afv-s${i}`, applications: `afv${i}`, end: '2031-12-31', annualValue: i === 0 ? '100000' : '1000' })),
});

async function open(hash: string, settle = 0): Promise<void> {
  await page.goto(`${base}/${hash}`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
  if (settle) await page.waitForTimeout(settle);
}

/** Chooses one organisation in the header, as a user does. */
async function chooseOrganisation(id: string): Promise<void> {
  await page.click('#organisation summary');
  for (const box of await page.locator('#organisation input[name=organisation]').all()) await box.setChecked((await box.getAttribute('value')) === id);
  await page.click('#organisation-apply');
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
}

const shot = (name: string, fullPage = true) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });

/** Clicks `selector` and returns the downloaded file's bytes. */
async function downloaded(selector: string): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.click(selector);
  return readFileSync((await (await download).path())!);
}

async function firstSheet(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book.worksheets[0];
}

/** The values of the column headed `header` (rows below the header). */
const columnOf = (sheet: ExcelJS.Worksheet, header: string) => {
  const index = (sheet.getRow(1).values as unknown[]).indexOf(header);
  expect(index).toBeGreaterThan(0);
  return (sheet.getColumn(index).values as unknown[]).slice(2).map(String);
};

/** The first column of a CSV for Dutch Excel (BOM, `;`), without its header. */
const csvFirstColumn = (bytes: Buffer) => bytes.toString('utf8').slice(1).trim().split('\r\n').slice(1).map(line => line.split(';')[0]);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  driver = testDriver();
  await resetDatabase(driver);
  const files = readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(name => join(DEMO, name));
  expect((await importFiles(driver, files, { source: 'demo:gemeente-roerdam', user: 'test' })).issues).toEqual([]);
  expect((await importLandscape(driver, afvalLandscape(), { source: `csv:${AFVAL}`, user: 'test' })).issues).toEqual([]);
  const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-documents-${process.pid}`), minify: false });
  const app = createApp({ driver, config: loadConfig({ ROER_AUTH: 'off' }), services: { ...defaultServices(), webDir } });
  server = await new Promise<Server>(resolve => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('pageerror', error => { throw error; });
  // The demo municipality only, except where a test chooses otherwise.
  await page.addInitScript(() => { if (!sessionStorage.getItem('roer.organisations')) sessionStorage.setItem('roer.organisations', 'gemeente-roerdam'); });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise(resolve => server?.close(resolve));
  await driver?.close();
});

describe('downloads equal the screen', () => {
  /** Ticks a calendar filter and waits until the table shows the server's filtered answer. */
  async function filter(selector: string, parameter: string) {
    const answered = page.waitForResponse(response => response.url().includes('/api/analyses/contract-calendar') && response.url().includes(parameter));
    await page.check(selector);
    await answered;
    await page.waitForFunction(() => {
      const count = Number(/\d+/.exec(document.querySelector('#calendar-count')?.textContent ?? '')?.[0]);
      return document.querySelectorAll('#calendar-table tbody tr').length === count;
    });
  }
  const screenRows = () => page.locator('#calendar-table').evaluate(table => {
    const column = [...table.querySelectorAll('thead th')].findIndex(th => th.getAttribute('data-key') === 'contract');
    // The contract is named as the reports name it, its id between the brackets at the end; the files' "Naam" says the same.
    return [...table.querySelectorAll('tbody tr')].map(row => ({ uid: row.getAttribute('data-uid')!, urgency: row.getAttribute('data-urgency'), name: row.querySelectorAll('td')[column].textContent!.trim() }));
  });

  it.each([
    ['business-critical', '#only-critical', 'critical=true'],
    ['locked-in', '#only-locked', 'minLockIn=50'],
  ])('when the calendar shows %s contracts only, then its ICS, CSV and Excel files hold exactly the rows on screen', async (what, selector, parameter) => {
    await open('#/calendar');
    const all = (await screenRows()).length;
    await filter(selector, parameter);
    const rows = await screenRows();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(all);
    await shot(`calendar-${what}`);
    const uids = rows.map(row => row.uid).sort();
    const names = rows.map(row => row.name).sort();
    const ics = (await downloaded('#download-ics')).toString('utf8');
    // A notice event only for a contract that renews automatically and whose notice deadline is still ahead.
    const toCancel = rows.filter(row => ['noticeNow', 'noticeSoon', 'noticeLater'].includes(row.urgency!)).map(row => row.uid).sort();
    expect([...ics.matchAll(/^UID:(.*)-notice@roer\r$/gm)].map(m => m[1]).sort()).toEqual(toCancel);
    if (toCancel.length) expect(ics).toContain('SUMMARY:Opzeggen uiterlijk: ');
    expect([...ics.matchAll(/^UID:(.*)-end@roer\r$/gm)].map(m => m[1]).sort()).toEqual(uids);
    // A name with a comma is quoted in the CSV.
    expect(csvFirstColumn(await downloaded('#download-csv')).map(cell => cell.replace(/^"(.*)"$/, '$1').replace(/""/g, '"')).sort()).toEqual(names);
    expect(columnOf(await firstSheet(await downloaded('#download-xlsx')), 'Naam').sort()).toEqual(names);
  });

  it('when an application report is exported as GraphML, then it holds the report\'s subgraph, not the landscape', async () => {
    const [application] = await read<{ uid: string }>(driver, 'MATCH (a:Application {organisation: "gemeente-roerdam"})<-[:DEPENDS_ON]-(:Application) RETURN a.uid AS uid ORDER BY a.uid LIMIT 1');
    const report = await (await fetch(`${base}/api/reports/${encodeURIComponent(application.uid)}?organisation=gemeente-roerdam`)).json() as ReportData;
    await open(`#/report?subject=${encodeURIComponent(application.uid)}`);
    const graph = new XMLParser({ ignoreAttributes: false }).parse((await downloaded('#report-graphml')).toString('utf8')).graphml.graph;
    const ids = [graph.node].flat().map((node: Record<string, string>) => node['@_id']).sort();
    expect(ids).toEqual([application.uid, ...report.dependants.map(row => row.uid), ...report.dependencies.map(row => row.uid)].sort());
    const [{ count }] = await read<{ count: number }>(driver, 'MATCH (a:Application {organisation: "gemeente-roerdam"}) RETURN count(a) AS count');
    expect(ids.length).toBeLessThan(count);
  });

  it('when an organisation report is shown, then its Excel and CSV buttons download what its tables show', async () => {
    await open('#/report?subject=org%3Agemeente-roerdam');
    await shot('report-organisation');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await downloaded('#report-xlsx')) as never);
    expect(book.worksheets.map(sheet => sheet.name)).toEqual(['Samenvatting', 'Verloop', 'Soevereiniteit', 'Leveranciers', 'Kwetsbare punten', 'Lock-in', 'Contracten', 'Common Ground']);
    for (const section of ['sovereignty', 'exposure', 'spofs', 'lockInRanking', 'contracts']) {
      const shown = await page.locator(`#report-${section} tbody tr td:first-child`).allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      expect([section, csvFirstColumn(await downloaded(`#report-${section} button[data-section="${section}"]`))]).toEqual([section, shown]);
    }
    const lockIn = book.getWorksheet('Lock-in')!;
    expect(columnOf(lockIn, 'Naam')).toEqual(await page.locator('#report-lockInRanking tbody tr td:first-child').allTextContents());
  });
});

describe('the exposure page', () => {
  it('when a function is concentrated by value but not by count, then each band sits next to its own HHI, and HHI is explained', async () => {
    await open('#/exposure');
    await chooseOrganisation(AFVAL);
    const headers = await page.locator('#function-table thead th').allTextContents();
    const row = await page.locator('#function-table tbody tr', { hasText: 'Afval' }).locator('td').allTextContents();
    const cell = (header: string) => row[headers.findIndex(text => text.startsWith(header))];
    expect(cell('HHI (contractwaarde)')).toBe('8.905');
    expect(cell('Concentratie (contractwaarde)')).toBe('sterk geconcentreerd');
    expect(cell('HHI (aantal applicaties)')).toBe('1.429');
    expect(cell('Concentratie (aantal applicaties)')).toBe('niet geconcentreerd');
    await page.click('#hhi-explained summary');
    const explained = await page.locator('#hhi-explained').textContent();
    for (const words of ['kwadraten', '10.000', 'Onder 1.500', '2.500', 'CR1', 'CR3']) expect(explained).toContain(words);
    await shot('exposure-afval');
    await page.getByLabel('aantal applicaties').check();
    await page.waitForFunction(() => document.querySelector('#function-table thead th:nth-child(2)')?.textContent?.includes('aantal applicaties'));
    const switched = await page.locator('#function-table thead th').allTextContents();
    expect(switched.slice(1, 3)).toEqual(['HHI (aantal applicaties)', 'Concentratie (aantal applicaties)']);
    await chooseOrganisation('gemeente-roerdam');
  });
});

describe('the report page', () => {
  it('when an application report opens, then the answer comes first, then the picture with the application in the middle, then the tables', async () => {
    const [application] = await read<{ uid: string; name: string }>(driver, "MATCH (a:Application {organisation: 'gemeente-roerdam', criticality: 'critical'}) RETURN a.uid AS uid, a.name AS name ORDER BY a.uid LIMIT 1");
    await open(`#/report?subject=${encodeURIComponent(application.uid)}`);
    const order = await page.locator('#report > section').evaluateAll(sections => sections.map(section => section.id));
    expect(order.slice(0, 3)).toEqual(['report-answer', 'report-picture', 'report-dependants']);
    await expect(page.locator('#report-answer .sentence').first().textContent()).resolves.toMatch(new RegExp(`^Als ${application.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} uitvalt`));
    expect(await page.locator('#report-answer .figure').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator(`svg.picture g[data-uid="${application.uid}"]`).count()).toBe(1);
    await expect(page.locator('svg.picture').textContent()).resolves.toContain('Hangt af van');
    const rows = await page.locator('#report-dependants tbody tr').count();
    expect(csvFirstColumn(await downloaded('#report-dependants button[data-section="dependants"]'))).toHaveLength(rows);
    await shot('report-application');
  });
});

describe('the demo municipality\'s numbers said so they add up', () => {
  it('when the organisation report opens, then its largest risks start with the kwetsbaarste punt its summary names', async () => {
    await open('#/report?subject=org%3Agemeente-roerdam');
    const worst = /Het kwetsbaarste punt is (.+?): als dat uitvalt/.exec(await page.locator('#report-answer').innerText())?.[1];
    expect(worst).toBe('Serverruimte Gemeente Roerdam');
    expect(await page.locator('#report-answer .risks li').first().innerText()).toMatch(/^Serverruimte Gemeente Roerdam \(platform\): als dat uitvalt, /);
  });

  it('when the sovereignty page says how many applications fail, then it says those that fail directly apart from those that miss data', async () => {
    await open('#/sovereignty');
    const answer = await page.locator('#sov-answer').innerText();
    expect(answer).toContain('110 van de 400 applicaties (27,5%)');
    // The what-if's 374 of 400 (93,5%) read as "almost everything fails": said apart, the 110 exposed and the 264 that miss their data.
    expect(answer).toContain('dan vallen deze 110 applicaties direct uit. Daarnaast missen 264 applicaties gegevens die via koppelingen van die applicaties komen.');
    expect(answer).not.toContain('374');
    expect(await page.locator('#sov-failed').innerText()).toMatch(/^Dan vallen de 110 applicaties direct uit .* Daarnaast missen 264 applicaties gegevens/);
  });

  it('when Common Ground\'s parts are rounded to add up to the score, then the page says so once, with the numbers Excel shows', async () => {
    await open('#/common-ground');
    const parts = await page.locator('#cg-components tbody tr td:last-child').allInnerTexts();
    expect([...parts, await page.locator('#cg-components tfoot td').innerText()]).toEqual(['30,5', '26,1', '56,6']);
    expect(await page.locator('#cg-rounded').innerText()).toBe('De bijdragen zijn zo afgerond dat ze samen de score geven; onafgerond zijn ze 30,48 + 26,17, elk apart afgerond (zoals in Excel) 30,5 + 26,2.');
    await shot('common-ground-rounded');
  });
});

describe('small screens', () => {
  it.each([
    ['exposure', '#/exposure'],
    ['calendar', '#/calendar'],
    ['spof', '#/spof'],
    ['import', '#/import'],
    ['report-application', '#/report?subject=app%3Agemeente-roerdam%2Fapp-0006'],
    ['report-supplier', '#/report?subject=supplier%3As-0001'],
    ['report-organisation', '#/report?subject=org%3Agemeente-roerdam'],
  ])('when %s is opened 390 px wide, then nothing scrolls sideways', async (name, hash) => {
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await open(hash, 200);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
      expect([name, scrollWidth]).toEqual([name, innerWidth]);
      await shot(`390-${name}`, false);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
});
