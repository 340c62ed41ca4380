// The import page when an import would remove data, in a real Chromium against a real server and the
// test Neo4j: the dry run says what would go, the import waits for a confirmation that only this answer
// offers, a file with only a header is a problem, and files without a source ask which one they update.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importFiles, listImportRuns } from '../../importers/import.js';
import { createApp, defaultServices } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { buildWeb } from '../../web/build.js';
import { nodes, resetDatabase, testDriver } from '../support/db.js';

const DEMO = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');
const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');
const SOURCE = 'demo:gemeente-roerdam';
const demoFile = (name: string) => ({ name, mimeType: 'text/csv', buffer: readFileSync(join(DEMO, name)) });
/** The contracts file with every other contract left out: an incomplete export. */
const halfTheContracts = () => {
  const lines = readFileSync(join(DEMO, 'contracts.csv'), 'utf8').trimEnd().split('\n');
  return { name: 'contracten-export-contracts.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.filter((_, i) => i === 0 || i % 2 === 1).join('\n')}\n`) };
};

let driver: Driver;
let server: Server;
let base: string;
let browser: Browser;
let page: Page;

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
const resultText = () => page.locator('#import-result').textContent();

async function openImport(): Promise<void> {
  await page.goto(`${base}/#/import`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
}

async function submit(button: '#import-dry-run' | '#import-commit', files: { name: string; mimeType: string; buffer: Buffer }[], source: string): Promise<void> {
  await page.setInputFiles('#import-files', files);
  await page.fill('#import-source', source);
  await page.click(button);
  await page.waitForFunction(() => !document.querySelector('#import-status') && (document.querySelector('#import-result')?.textContent ?? '') !== '', null, { timeout: 60_000 });
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  driver = testDriver();
  await resetDatabase(driver);
  const files = readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(name => join(DEMO, name));
  expect((await importFiles(driver, files, { source: SOURCE, user: 'test' })).issues).toEqual([]);
  const webDir = await buildWeb({ outdir: join(tmpdir(), `roer-web-removals-${process.pid}`), minify: false });
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
});

describe('import page: removals and sources', () => {
  it('when an incomplete export is checked, imported and confirmed, then the user sees what would go, decides, and sees what went', async () => {
    const contracts = (await nodes(driver, 'Contract')).length;
    await openImport();
    await submit('#import-dry-run', [halfTheContracts()], SOURCE);
    const dry = await resultText();
    expect(dry).toContain('Geen fouten in de bestanden. Let op: bij importeren verdwijnt wat hieronder staat.');
    expect(dry).toMatch(/Deze import zou uit bron Gemeente Roerdam \(demo\) verwijderen:98 van de 196 contracten, met \d+ verwijzingen van en naar die contracten: c-\d+ \(/);
    expect(dry).toContain('Bij importeren wordt om bevestiging gevraagd: er verdwijnt meer dan 20% van een soort gegevens.');
    // The first ten names at once, all of them on request.
    expect(await page.locator('#import-removals .names').textContent()).toMatch(/^([^,]+, ){9}[^,]+, …$/);
    // Not "Toon alle 50" of 98: the list holds the first 50 by name.
    expect(await page.locator('#import-removals button.link').textContent()).toBe('Toon de eerste 50');
    await page.click('#import-removals button.link');
    expect((await page.locator('#import-removals .names').textContent())!.split(', ').length).toBeGreaterThan(40);
    await shot('import-removals-dry');

    await page.click('#import-commit');
    await page.waitForSelector('#import-confirm');
    expect(await resultText()).toContain('Er is niets geïmporteerd. Deze import zou meer dan 20% van een soort gegevens van bron Gemeente Roerdam (demo) verwijderen');
    expect(await nodes(driver, 'Contract')).toHaveLength(contracts);
    await shot('import-removals-confirm');

    await page.click('#import-confirm');
    await page.waitForFunction(() => /Import voltooid; wat de bestanden niet meer bevatten is verwijderd/.test(document.querySelector('#import-result')?.textContent ?? ''), null, { timeout: 60_000 });
    expect(await resultText()).toContain('Deze import heeft uit bron Gemeente Roerdam (demo) verwijderd:98 van de 196 contracten');
    expect(await nodes(driver, 'Contract')).toHaveLength(contracts - 98);
    await page.waitForFunction(() => (document.querySelector('#import-history')?.textContent ?? '').includes('voltooid, verwijderingen bevestigd'));
    expect(await page.locator('#import-history').textContent()).toContain('contracten: 98 rijen (98 ongewijzigd, 98 verwijderd)');
    await shot('import-removals-done');
  });

  it('when the files or the source change, then an earlier answer and its confirm button are gone', async () => {
    await openImport();
    const tenContracts = readFileSync(join(DEMO, 'contracts.csv'), 'utf8').split('\n').slice(0, 11).join('\n');
    await submit('#import-commit', [{ name: 'contracts.csv', mimeType: 'text/csv', buffer: Buffer.from(`${tenContracts}\n`) }], SOURCE);
    await page.waitForSelector('#import-confirm');
    await page.setInputFiles('#import-files', [demoFile('suppliers.csv')]);
    expect(await page.locator('#import-confirm').count()).toBe(0);
    expect(await resultText()).toBe('');
  });

  it('when a file has only its header, then it is a problem in the file, and nothing is offered to confirm', async () => {
    const applications = (await nodes(driver, 'Application')).length;
    await openImport();
    const header = readFileSync(join(DEMO, 'applications.csv'), 'utf8').split('\n')[0];
    await submit('#import-commit', [{ name: 'applications.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\n`) }], SOURCE);
    expect(await resultText()).toContain('1 fout gevonden; er is niets geïmporteerd.');
    expect(await page.locator('#import-issues').textContent()).toContain('het bestand heeft alleen een kopregel');
    expect(await page.locator('#import-confirm').count()).toBe(0);
    expect(await nodes(driver, 'Application')).toHaveLength(applications);
  });

  it('when files do not name their source and their organisation is imported already, then the page asks which source to update', async () => {
    await openImport();
    const runs = (await listImportRuns(driver)).length;
    // Checked first: what would go depends on the source, so the check offers to look again for each one.
    await submit('#import-dry-run', readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(demoFile), '');
    expect(await page.locator('#import-unclear-dry').textContent()).toContain('Kies de bron om te zien wat er bij importeren zou verdwijnen.');
    // The source by its name, as the history lists it, not its key.
    expect(await page.locator('#import-unclear-dry').textContent()).not.toContain('demo:gemeente-roerdam');
    // The source field takes the key; its suggestions name the source beside it.
    expect(await page.locator('#import-sources option[value="demo:gemeente-roerdam"]').getAttribute('label')).toBe('Gemeente Roerdam (demo)');
    await page.click('#import-unclear-dry button:has-text("Controleren voor bron Gemeente Roerdam (demo)")');
    await page.waitForFunction(() => /Geen fouten/.test(document.querySelector('#import-result')?.textContent ?? '') && !document.querySelector('#import-unclear-dry'), null, { timeout: 120_000 });
    expect(await page.inputValue('#import-source')).toBe(SOURCE);
    expect(await listImportRuns(driver)).toHaveLength(runs);
    await submit('#import-commit', readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(demoFile), '');
    expect(await resultText()).toContain('U hebt geen bron gekozen, en de organisaties in deze bestanden zijn al eerder geïmporteerd onder Gemeente Roerdam (demo).');
    expect(await resultText()).not.toContain('demo:gemeente-roerdam');
    expect(await listImportRuns(driver)).toHaveLength(runs);
    await shot('import-source-choice');
    await page.click('#import-source-choice button:has-text("Bron Gemeente Roerdam (demo) bijwerken")');
    await page.waitForFunction(() => /Import voltooid/.test(document.querySelector('#import-result')?.textContent ?? ''), null, { timeout: 120_000 });
    expect(await page.inputValue('#import-source')).toBe(SOURCE);
    expect((await listImportRuns(driver))[0]).toMatchObject({ source: SOURCE, status: 'ok' });
  });
});
