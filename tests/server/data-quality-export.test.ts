// GET /api/analyses/data-quality as XLSX and as CSV for people (issue 19): the kind column is headed
// "Soort"/"Kind" with the kinds in words (Leverancier, Applicatie…), and "Toelichting" says each finding in
// the requested language only — never "English / Nederlands" in one cell, never a raw `label` header.
// Over HTTP against the real test Neo4j, the workbook opened with exceljs and read back.
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { dataQualityDetail } from '../../server/analyses/data-quality-words.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { csv } from '../importers/support.js';
import { appFor, request } from './support.js';

describe('the data-quality export in one language', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    // Two sources that disagree on a supplier's country, two suppliers named alike (one letter apart), an application
    // without supplier or platform, a business-critical one without a contract, a contract that covers nothing.
    await importFiles(driver, [
      csv('suppliers.csv', 'id,name,country\nacme,Acme B.V.,NL\ncentric,Centric,NL\ncentrik,Centrik,NL\nbeta,Betasoft,NL\n'),
      csv('applications.csv', 'id,name,organisation,criticality\nzaak,Zaaksysteem,gm0363,critical\n'),
      csv('contracts.csv', 'id,name,organisation,supplier,start,end\nc1,Onderhoud,gm0363,beta,2024-01-01,2027-12-31\n'),
    ], { source: 'csv:a' });
    await importFiles(driver, [csv('suppliers.csv', 'id,name,country\nacme,Acme B.V.,DE\n')], { source: 'csv:b' });
    app = appFor(driver);
  });
  afterAll(() => driver.close());

  const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', chunk => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  /** The first sheet as records by header. */
  async function sheetOf(lang: string): Promise<{ headers: string[]; rows: Record<string, string>[] }> {
    const response = await binary(request(app).get('/api/analyses/data-quality').query({ format: 'xlsx', lang }));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    const values = workbook.worksheets[0].getSheetValues().slice(1).map(row => (row as unknown[]).slice(1).map(cell => (cell === undefined || cell === null ? '' : String(cell))));
    const [headers, ...rows] = values;
    return { headers, rows: rows.map(row => Object.fromEntries(headers.map((header, i) => [header, row[i] ?? '']))) };
  }

  it('when exported as XLSX in Dutch, then the kind is "Soort" in words and each finding is explained in Dutch only', async () => {
    const { headers, rows } = await sheetOf('nl');
    expect(headers).toEqual(expect.arrayContaining(['Controle', 'Ernst', 'Naam', 'Toelichting', 'Soort', 'Gegeven']));
    expect(headers).not.toContain('label');
    for (const row of rows) expect(row.Toelichting).not.toMatch(/ \/ |No supplier|Business-critical|Same normalised|kept:/);
    // Only the conflicts name a kind; the Dutch word, not the label `Supplier`.
    expect([...new Set(rows.map(row => row.Soort))].sort()).toEqual(['', 'Leverancier']);
    const conflict = rows.find(row => row.Soort === 'Leverancier');
    expect(conflict?.Toelichting).toBe("Bronnen verschillen over land: 'Nederland' (csv:a) ≠ 'Duitsland' (csv:b); de waarde van csv:a telt (eerste bron: de bron die het als eerste aanleverde)");
    expect(rows.map(row => row.Toelichting)).toEqual(expect.arrayContaining([
      'Geen leverancier bekend die deze applicatie levert',
      'Niet bekend waar deze applicatie draait (geen platform)',
      'Bedrijfskritisch (kritiek), maar geen contract dekt deze applicatie',
      'Het contract dekt geen applicatie',
      "Naam lijkt op 'Centrik': een tikfout of dezelfde leverancier?",
    ]));
  });

  it('when exported as CSV in English, then the same findings in English only, kinds in words', async () => {
    const response = await binary(request(app).get('/api/analyses/data-quality').query({ format: 'csv', lang: 'en' }));
    const text = response.body.toString('utf8');
    const header = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0];
    expect(header.split(',')).toEqual(expect.arrayContaining(['Check', 'Severity', 'Detail', 'Kind', 'Fact']));
    expect(header).not.toMatch(/\blabel\b/);
    expect(text).toContain('No supplier delivers this application');
    expect(text).toContain('Business-critical (critical), but no contract covers this application');
    expect(text).toContain(",Supplier,");
    expect(text).not.toMatch(/Geen leverancier|Bronnen verschillen| \/ /);
  });

  it('when asked as CSV for programs (no language), then the keys and the API\'s own detail as before', async () => {
    const text = (await binary(request(app).get('/api/analyses/data-quality').query({ format: 'csv' }))).body.toString('utf8');
    expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^check,severity,uid,name,organisation,detail,other,otherName,label,/);
    expect(text).toContain('No supplier delivers this application / Geen leverancier bekend');
  });

  it('when two suppliers have the same name once B.V. and capitals are left out (a warning), then it says so in either language', () => {
    const row = { check: 'duplicate-supplier', severity: 'warning', detail: "Same normalised name as supplier:s5 'Hostco B.V.' / Zelfde genormaliseerde naam", otherName: 'Hostco B.V.' };
    expect(dataQualityDetail(row, 'nl')).toBe("Zelfde naam als 'Hostco B.V.' (na weglaten van B.V., hoofdletters en leestekens)");
    expect(dataQualityDetail(row, 'en')).toBe("Same name as 'Hostco B.V.' (once B.V., capitals and punctuation are left out)");
    const ghost = { check: 'interface-to-unknown-application', detail: 'Missing TO application / Naar-applicatie ontbreekt' };
    expect([dataQualityDetail(ghost, 'nl'), dataQualityDetail(ghost, 'en')]).toEqual(['De naar-applicatie ontbreekt', 'The TO application is missing']);
  });
});
