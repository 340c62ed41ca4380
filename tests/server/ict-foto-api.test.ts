// The ICT-foto analyses over HTTP: JSON, the XLSX people open, bad parameters; the SBOM and
// endoflife.date uploads through POST /api/imports; and the platforms table's product and version
// columns (Dutch headers) through the real CSV import.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { importFiles, importLandscape } from '../../importers/import.js';
import { read } from '../../server/neo4j.js';
import { ictFotoFixture } from '../analyses/ict-foto-fixture.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, request } from './support.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/ict-foto/${name}`, import.meta.url));

describe('the ICT-foto over HTTP', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    expect((await importLandscape(driver, ictFotoFixture(), { source: 'csv:ict-foto', user: 'test' })).ok).toBe(true);
    app = appFor(driver);
  });
  afterAll(() => driver.close());

  const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', chunk => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

  it('when endoflife.date files and an SBOM are uploaded, then each is recognised and imported as a source', async () => {
    const eol = await request(app).post('/api/imports').attach('files', fixture('postgresql.json'), 'postgresql.json').attach('files', fixture('producten.json'), 'producten.json');
    expect(eol.status).toBe(200);
    expect(eol.body).toMatchObject({ detectedFormat: 'endoflife', source: 'endoflife', releaseCycles: 9 });
    const sbom = await request(app).post('/api/imports').field('organisation', 'gm1').attach('files', fixture('zaaksysteem.cdx.json'), 'zaaksysteem.cdx.json');
    expect(sbom.status).toBe(200);
    expect(sbom.body).toMatchObject({ detectedFormat: 'cyclonedx', source: 'sbom:app:gm1/a1', components: 3 });
  });

  it('when out-of-support is asked for on a day, then rows and summary come as JSON, and as a workbook in Dutch', async () => {
    const response = await request(app).get('/api/analyses/out-of-support').query({ date: '2026-12-01', months: 6 });
    expect(response.status).toBe(200);
    expect(response.body.rows.map((r: any) => [r.supportStatus, r.name, r.organisation])).toEqual([
      ['unsupported', 'Databaseserver', 'gm1'], ['unsupported', 'Website', 'gm1'], ['unsupported', 'Databaseserver', 'gm2'], ['ending', 'Webserver', 'gm1'], ['ending', 'Vergunningen', 'gm2'],
    ]);
    const xlsx = await binary(request(app).get('/api/analyses/out-of-support').query({ date: '2026-12-01', format: 'xlsx', lang: 'nl' }));
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Ondersteuning')).toBe('zonder ondersteuning');
    expect(cell('Naam')).toBe('Databaseserver');
    expect(cell('Releasecyclus')).toBe('11');
    expect(cell('Kritikaliteit')).toBe('hoog');
  });

  it('when an advisory is asked over HTTP, then the affected come with the impact; a range that cannot be read is a 400 naming it', async () => {
    const response = await request(app).get('/api/analyses/advisory').query({ product: 'log4j', range: '>=2.0 <2.15.0' });
    expect(response.status).toBe(200);
    expect(response.body.rows.map((r: any) => [r.name, r.component, r.version])).toEqual([['Zaaksysteem', 'log4j-core', '2.14.1']]);
    const bad = await request(app).get('/api/analyses/advisory').query({ product: 'log4j', range: 'vanaf 2' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'range' })]));
    const missing = await request(app).get('/api/analyses/advisory').query({});
    expect(missing.status).toBe(400);
  });

  it('when the applications an advisory stops are asked as CSV and workbook, then they come named, in words', async () => {
    const query = { product: 'Tomcat', range: '>=9.0.10 <10.1.21' };
    const csv = await request(app).get('/api/analyses/advisory').query({ ...query, list: 'applications', format: 'csv', lang: 'nl' });
    expect(csv.status).toBe(200);
    const [header, first] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('Naam');
    expect(header).toContain('Bedrijfsfuncties');
    expect(header).toContain('Draait de getroffen versie zelf');
    expect(header).not.toMatch(/runsAffectedVersion|organisationName|criticality/);
    expect(first).toContain('Zaaksysteem');
    expect(first).toContain('kritiek');
    const xlsx = await binary(request(app).get('/api/analyses/advisory').query({ ...query, format: 'xlsx', lang: 'nl' }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    const sheet = workbook.worksheets.find(w => /uitvallen/i.test(w.name));
    expect(sheet?.name).toBeDefined();
    const values = (sheet!.getRow(2).values as unknown[]).map(String);
    expect(values).toEqual(expect.arrayContaining(['Zaaksysteem', 'kritiek']));
  });

  it('when the OpenAPI document is read, then both analyses are in it with their parameters', async () => {
    const response = await request(app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    const text = JSON.stringify(response.body);
    expect(text).toContain('/api/analyses/out-of-support');
    expect(text).toContain('/api/analyses/advisory');
  });

  it('when a platforms CSV has the Dutch columns product and versie, then the platform carries them', async () => {
    // A platform only this file names: one the fixture also asserts keeps the fixture's version (first source owns it).
    const csv = 'id;naam;type;product;versie\np-nieuw;Nieuwe databaseserver;eigen serverruimte;PostgreSQL;16.4\n';
    const report = await importFiles(driver, [{ name: 'platformen.csv', bytes: Buffer.from(csv) }], { source: 'csv:platformen', user: 'test' });
    expect(report.issues).toEqual([]);
    const [platform] = await read<{ product: string; version: string }>(driver, "MATCH (p:Platform {uid: 'platform:p-nieuw'}) RETURN p.product AS product, p.version AS version");
    expect(platform).toEqual({ product: 'PostgreSQL', version: '16.4' });
  });
});
