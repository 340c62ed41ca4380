// The import page with the formats besides tables, in a real Chromium against a real server and the
// test Neo4j: a coArchi model folder as a zip (with the organisation it describes), a Softwarecatalogus
// portfolio CSV, and the template workbook downloaded from the page.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp, defaultServices } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { dutchDay } from '../../server/format.js';
import { read } from '../../server/neo4j.js';
import { buildWeb } from '../../web/build.js';
import { fixture, reference } from '../archimate/support.js';
import { nodes, resetDatabase, testDriver } from '../support/db.js';
import { zipFolder } from '../support/zip.js';

const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

let driver: Driver;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const resultText = () => page.locator('#import-result').textContent();

async function submit(button: '#import-dry-run' | '#import-commit', files: { name: string; mimeType: string; buffer: Buffer }[], fields: { source?: string; organisation?: string }): Promise<void> {
  await page.setInputFiles('#import-files', files);
  await page.fill('#import-source', fields.source ?? '');
  await page.fill('#import-organisation', fields.organisation ?? '');
  await page.click(button);
  await page.waitForFunction(() => !document.querySelector('#import-status') && (document.querySelector('#import-result')?.textContent ?? '') !== '', null, { timeout: 280_000 });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  driver = testDriver();
  await resetDatabase(driver);
  const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-formats-${process.pid}`), minify: false });
  const app = createApp({ driver, config: loadConfig({ ROER_AUTH: 'off' }), services: { ...defaultServices(), webDir } });
  server = await new Promise<Server>(resolve => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.on('pageerror', error => { throw error; });
  await page.goto(`${base}/#/import`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise(resolve => server?.close(resolve));
  await driver?.close();
});

describe('import page: every format', () => {
  it('when the Softwarecatalogus coArchi folder is uploaded as a zip for an organisation, then the page says what it recognised and what the model held', async () => {
    const zip = { name: 'Softwarecatalogus-Archi-repository.zip', mimeType: 'application/zip', buffer: zipFolder(reference('softwarecatalogus-archi-coarchi')) };
    await submit('#import-commit', [zip], {});
    expect(await resultText()).toContain('er is geen organisatie ingevuld; verwacht: de organisatie waarvan dit model het landschap is');
    await submit('#import-commit', [zip], { organisation: 'gm0001' });
    const text = await resultText();
    expect(text).toContain('Herkend als: coArchi-modelmap (zip).');
    expect(text).toContain('Model "Softwarecatalogus": 901 elementen en 1.593 relaties, 62 views.');
    const [{ elements }] = await read<{ elements: number }>(driver, "MATCH (n:Entity) WHERE n.archimateId IS NOT NULL AND any(s IN n.runs WHERE s STARTS WITH 'archimate:gm0001#') RETURN count(n) AS elements");
    expect(elements).toBe(901);
    await page.waitForFunction(() => (document.querySelector('#import-history')?.textContent ?? '').includes('archimate:gm0001'));
    await shot('import-formats-coarchi');
  }, 600_000);

  it('when a Softwarecatalogus portfolio CSV is checked and imported, then its package versions become applications', async () => {
    const portfolio = { name: 'Gemeenten_applicatieportfolio_2025-01-01.csv', mimeType: 'text/csv', buffer: readFileSync(fixture('Gemeenten_applicatieportfolio_2025-01-01.csv')) };
    await submit('#import-dry-run', [portfolio], { source: 'swc:portfolio' });
    expect(await resultText()).toContain('Herkend als: applicatieportfolio van de Softwarecatalogus.');
    expect(await nodes(driver, 'Application')).not.toContain('app:gm0363/pv-1');
    await submit('#import-commit', [portfolio], { source: 'swc:portfolio' });
    expect(await resultText()).toMatch(/applicaties: 4 rijen \(4 nieuw\)/);
    expect((await nodes(driver, 'Application')).filter(uid => /^app:gm0(363|599)\//.test(uid))).toEqual(['app:gm0363/pv-1', 'app:gm0363/pv-2', 'app:gm0599/pv-1', 'app:gm0599/pv-3']);
    await page.waitForFunction(() => (document.querySelector('#import-history')?.textContent ?? '').includes('swc:portfolio'));
    await shot('import-formats-portfolio');
  }, 300_000);

  it('when the user downloads the template from the page, then it is the Dutch workbook of five tables with instructions', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#import-template')]);
    expect(download.suggestedFilename()).toBe('roer-invulsjabloon.xlsx');
    const path = join(ARTIFACTS, 'roer-invulsjabloon.xlsx');
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['Instructies', 'leveranciers', 'platformen', 'applicaties', 'koppelingen', 'contracten']);
  });

  it('when one organisation is chosen, then its landscape downloads from the page as the import tables, to edit and import again', async () => {
    expect(await page.locator('#import-landscape-xlsx-hint').textContent()).toContain('Kies één organisatie');
    await page.evaluate(() => sessionStorage.setItem('roer.organisations', 'gm0363'));
    await page.goto(`${base}/#/import?again=1`);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !!document.querySelector('#import-landscape-xlsx'), null, { timeout: 60_000 });
    const day = dutchDay();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#import-landscape-xlsx')]);
    expect([`roer-landschap-gm0363-${day}.xlsx`, `roer-landschap-gm0363-${dutchDay()}.xlsx`]).toContain(download.suggestedFilename());
    const path = join(ARTIFACTS, 'roer-landschap-gm0363.xlsx');
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const applications = workbook.getWorksheet('applicaties')!;
    const ids = (applications.getColumn(1).values as unknown[]).slice(2).map(String);
    expect(ids.sort()).toEqual(['pv-1', 'pv-2']);
  });

  it('when one organisation is chosen, then its landscape downloads from the page as an ArchiMate model for Archi too', async () => {
    // An architect looked for it on every page; it was only in the API and under Rapporten.
    expect(await page.locator('#import-landscape-ameff').textContent()).toMatch(/^Landschap van .+ als ArchiMate-model downloaden \(voor Archi\)$/);
    const day = dutchDay();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#import-landscape-ameff')]);
    expect([`roer-landschap-gm0363-${day}.xml`, `roer-landschap-gm0363-${dutchDay()}.xml`]).toContain(download.suggestedFilename());
    const path = join(ARTIFACTS, 'roer-landschap-gm0363.xml');
    await download.saveAs(path);
    const xml = readFileSync(path, 'utf8');
    expect(xml).toContain('http://www.opengroup.org/xsd/archimate/3.0/');
    for (const id of ['pv-1', 'pv-2']) expect(xml).toContain(id);
  });

  it('when a model is to be imported for an organisation, then the organisations Roer knows are offered by name', async () => {
    // The field asked for an id (gm0363) without saying which exist.
    const offered = await page.locator('#import-organisation-list option').evaluateAll(options => options.map(option => [(option as HTMLOptionElement).value, (option as HTMLOptionElement).label]));
    expect(offered.map(([id]) => id)).toEqual(expect.arrayContaining(['gm0001', 'gm0363', 'gm0599']));
    for (const [id, label] of offered) expect(label).not.toBe('');
    expect(await page.locator('#import-organisation').getAttribute('list')).toBe('import-organisation-list');
  });
});
