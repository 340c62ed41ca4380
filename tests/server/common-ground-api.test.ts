// The Common Ground analysis over HTTP: JSON, the CSV and XLSX exports people open, bad parameters.
// The numbers are worked out by hand in tests/analyses/common-ground.test.ts.
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { headlineAt } from '../../server/analyses/headlines.js';
import { analyses } from '../../server/analyses/index.js';
import { reportData } from '../../server/reports/report-data.js';
import { reportPdf } from '../../server/reports/pdf.js';
import { cellText, reportSections } from '../../server/reports/sections.js';
import { readPdf } from '../support/pdf.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { commonGroundFixture } from '../analyses/common-ground-fixture.js';
import { appFor, request } from './support.js';

describe('GET /api/analyses/common-ground', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const report = await importLandscape(driver, commonGroundFixture(), { source: 'csv:common-ground', user: 'test' });
    expect(report.ok).toBe(true);
    app = appFor(driver);
  });
  afterAll(() => driver.close());

  const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', chunk => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

  it('when asked for every organisation, then they come ranked with their scores and the interfaces to move', async () => {
    const response = await request(app).get('/api/analyses/common-ground');
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('common-ground');
    expect(response.body.rows.map((r: any) => [r.rank, r.organisationName, r.commonGroundScore])).toEqual([[1, 'Gemeente Tweedorp', 60], [2, 'Gemeente Eenburg', 55], [null, 'Gemeente Driehuizen', null]]);
    expect(response.body.summary.moves.slice(0, 2).map((m: any) => [m.id, m.gain])).toEqual([['j2', 40], ['i4', 25]]);
  });

  it('when an import has run, then each organisation\'s recorded headline numbers carry its Common Ground score', async () => {
    expect((await headlineAt(driver, 'gm1', null))?.commonGroundScore).toBe(55);
    expect((await headlineAt(driver, 'gm2', null))?.commonGroundScore).toBe(60);
    expect((await headlineAt(driver, 'gm3', null))?.commonGroundScore).toBeNull();
  });

  it('when a parameter is wrong, then 400 says which', async () => {
    const response = await request(app).get('/api/analyses/common-ground').query({ list: 'applications' });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'list' })]));
  });

  it('when the ranking is exported as CSV for Dutch Excel, then the separator is ; with decimal commas and names', async () => {
    const response = await binary(request(app).get('/api/analyses/common-ground').query({ format: 'csv', delimiter: 'semicolon' }));
    expect(response.status).toBe(200);
    const [header, first, second] = response.body.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((line: string) => line.split(';'));
    const cell = (row: string[], name: string) => row[header.indexOf(name)];
    expect(header).toEqual(expect.arrayContaining(['Plaats', 'Organisatie', 'Common Ground-score (0–100)', 'Aandeel open standaard-API in %', 'Waarvan met een kopie']));
    expect(header).not.toContain('components');
    expect([cell(first, 'Organisatie'), cell(first, 'Common Ground-score (0–100)')]).toEqual(['Gemeente Tweedorp', '60']);
    expect([cell(second, 'Organisatie'), cell(second, 'Common Ground-score (0–100)'), cell(second, 'Aandeel open standaard-API in %')]).toEqual(['Gemeente Eenburg', '55', '50']);
  });

  it('when the interfaces of one municipality are exported as CSV, then each has its kind of standard in words and its gain', async () => {
    const response = await binary(request(app).get('/api/analyses/common-ground').query({ organisation: 'gm1', list: 'interfaces', format: 'csv', delimiter: 'semicolon' }));
    const [header, first] = response.body.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).map((line: string) => line.split(';'));
    const cell = (name: string) => first[header.indexOf(name)];
    expect([cell('Van'), cell('Naar'), cell('Standaard'), cell('Soort standaard'), cell('Basisregistraties'), cell('Hoe'), cell('Winst op de score')])
      .toEqual(['BRP Burgerzaken', 'Sociaal Domein', 'StUF-BG 3.10', 'oudere open standaard', 'BRP', 'kopie', '25']);
  });

  it("when an organisation's report lists the interfaces to move, then each gain reads as on the page (+25,0, decimals by the same rule)", async () => {
    const data = await reportData(driver, analyses, 'org:gm1');
    const section = reportSections(data, 'nl').find(s => s.id === 'commonGround')!;
    const gain = section.columns.find(column => column.key === 'gain')!;
    expect(gain.header).toBe('Winst op de score');
    expect(section.rows.map(row => cellText(gain, row, 'nl', data))).toEqual(['+25,0', '+10,0', '+10,0']);
    // The spreadsheet keeps the number.
    expect(section.rows.map(row => gain.value(row))).toEqual([25, 10, 10]);
    // On paper too (pdftotext; PNGs in tests/artifacts/common-ground-report-gain-*.png).
    const text = readPdf(await reportPdf(data, 'nl'), 'common-ground-report-gain').join('\n');
    expect(text).toMatch(/Winst op de\s+score/);
    expect(text).toMatch(/\+25,0/);
  });

  it('when exported as XLSX, then the ranking sheet and the summary sheets are there, scores as numbers', async () => {
    const response = await binary(request(app).get('/api/analyses/common-ground').query({ format: 'xlsx', lang: 'nl' }));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const names = workbook.worksheets.map(sheet => sheet.name);
    expect(names[0]).toBe('Common Ground');
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect((sheet.getRow(3).values as unknown[]).slice(1)[header.indexOf('Common Ground-score (0–100)')]).toBe(55);
    expect(names.length).toBeGreaterThan(3);
  });

  it('when an organisation\'s report is made, then it says its Common Ground score and lists the interfaces to move', async () => {
    const csv = await binary(request(app).get('/api/reports/org%3Agm1.csv').query({ section: 'commonGround', delimiter: 'semicolon' }));
    expect(csv.status).toBe(200);
    const lines = csv.body.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[1].split(';')).toEqual(['BRP Burgerzaken', 'Sociaal Domein', 'StUF-BG 3.10', 'oudere open standaard', 'BRP', 'kopie', '25']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await binary(request(app).get('/api/reports/org%3Agm1.xlsx').query({ lang: 'nl' }))).body);
    expect(workbook.worksheets[0].getSheetValues().flat().map(String).join('\n')).toContain('Common Ground-score 55 van 100: 50,0% van de koppelingen loopt over een open standaard-API, en 1 van de 2 applicaties die basisgegevens ontvangen krijgen een kopie in plaats van ze bij de bron te bevragen.');
    expect(workbook.worksheets.map(sheet => sheet.name)).toContain('Common Ground');
  });
});
