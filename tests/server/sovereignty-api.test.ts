// The sovereignty analysis over HTTP: JSON, the XLSX and CSV exports people open, bad parameters, and
// the Dutch `concernJurisdictie` column through the real import.
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { importFiles, importLandscape } from '../../importers/import.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { readPdf } from '../support/pdf.js';
import { sovereigntyFixture } from '../analyses/sovereignty-fixture.js';
import { appFor, request } from './support.js';

describe('GET /api/analyses/sovereignty', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const report = await importLandscape(driver, sovereigntyFixture(), { source: 'csv:sovereignty', user: 'test' });
    expect(report.ok).toBe(true);
    app = appFor(driver);
  });
  afterAll(() => driver.close());

  const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', chunk => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

  it('when asked for one organisation, then the exposed applications come with their chains, worst first', async () => {
    const response = await request(app).get('/api/analyses/sovereignty').query({ organisation: 'gm1' });
    expect(response.status).toBe(200);
    expect(response.body.name).toBe('sovereignty');
    expect(response.body.rows.map((r: any) => [r.name, r.chainNames])).toEqual([
      ['Zaaksysteem', ['Zaaksysteem', 'Zaakwerk B.V.', 'Atlantic Software Holdings (US)']],
      ['Belastingen', ['Belastingen', 'Polder Cloud', 'Nimbus EU-West', 'Nimbus Inc. (US)']],
    ]);
    expect(response.body.summary.byOrganisation[0]).toMatchObject({ organisation: 'gm1', exposed: 2, exposedContractValueShare: 80, businessFunctionsLost: 2 });
  });

  it('when a parameter is wrong, then 400 says which', async () => {
    const response = await request(app).get('/api/analyses/sovereignty').query({ organisation: 'x'.repeat(300) });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.stringMatching(/^organisation/) })]));
  });

  it('when exported as XLSX in Dutch, then the sheet has the rows in words, money as numbers, and the summary sheets', async () => {
    const response = await binary(request(app).get('/api/analyses/sovereignty').query({ organisation: 'gm1', format: 'xlsx', lang: 'nl' }));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['Soevereiniteit', 'Samenvatting', 'Per organisatie', 'Per bedrijfsfunctie', 'Partijen buiten de EU', 'Bedrijfsfuncties die stoppen']);
    const sheet = workbook.getWorksheet('Soevereiniteit')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(header).not.toContain('factors');
    expect(cell('Naam')).toBe('Zaaksysteem');
    expect(cell('Keten')).toBe('Zaaksysteem → Zaakwerk B.V. → Atlantic Software Holdings (US)');
    expect(cell('Kritikaliteit')).toBe('kritiek');
    expect(cell('Contractwaarde per jaar')).toBe(100000);
    expect(cell('Exitgereedheid (0–100, hoger = beter)')).toBe(62.5);
    expect(cell('Exitplan')).toBe('ja');
    expect(cell('Alternatieven in de EU')).toBe(1);
    expect(cell('Bijvoorbeeld')).toBe('Kievit Zaken B.V.');
    const lost = workbook.getWorksheet('Bedrijfsfuncties die stoppen')!;
    expect([2, 3].map(n => (lost.getRow(n).values as unknown[]).slice(1)[1])).toEqual(['Belastingen', 'Parkeren']);
  });

  it('when exported as CSV for Dutch Excel, then the separator is ; and amounts have a decimal comma', async () => {
    const response = await binary(request(app).get('/api/analyses/sovereignty').query({ organisation: 'gm1', format: 'csv', delimiter: 'semicolon' }));
    expect(response.status).toBe(200);
    const text = response.body.toString('utf8').replace(/^\uFEFF/, '');
    const [header, first] = text.split(/\r?\n/);
    expect(header.split(';')).toContain('Keten');
    expect(first).toContain('Zaaksysteem → Zaakwerk B.V. → Atlantic Software Holdings (US)');
    expect(first).toContain('62,5');
  });

  it('when an organisation\'s report is made, then it opens with the sovereignty sentence and lists the chains; an exposed application\'s report names its chain as a risk', async () => {
    const csv = await binary(request(app).get('/api/reports/org%3Agm1.csv').query({ section: 'sovereignty', delimiter: 'semicolon' }));
    expect(csv.status).toBe(200);
    const lines = csv.body.toString('utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Zaaksysteem → geleverd door Zaakwerk B.V. → hoort bij concern Atlantic Software Holdings (VS)');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await binary(request(app).get('/api/reports/org%3Agm1.xlsx').query({ lang: 'nl' }))).body);
    const answer = workbook.worksheets[0].getSheetValues().flat().map(String).join('\n');
    expect(answer).toContain('2 van de 5 applicaties (40,0%) zijn afhankelijk van een partij buiten de EU (80,0% van de contractwaarde); zonder die partijen vallen deze 2 direct uit, mist 1 andere applicatie gegevens via koppelingen en stoppen 2 bedrijfsfuncties: Belastingen en Parkeren.');
    expect(workbook.worksheets.map(sheet => sheet.name)).toContain('Soevereiniteit');
    // On paper the same: what fails directly apart from what only misses data through interfaces, never one sum of both.
    for (const [lang, words] of [
      ['nl', '2 van de 5 applicaties (40,0%) zijn afhankelijk van een partij buiten de EU (80,0% van de contractwaarde); zonder die partijen vallen deze 2 direct uit, mist 1 andere applicatie gegevens via koppelingen'],
      ['en', '2 of the 5 applications (40.0%) depend on a party under non-EU law (80.0% of the contract value); without those parties these 2 fail directly, 1 other application misses data through interfaces, and 2 business functions stop'],
    ]) {
      const pdf = await binary(request(app).get('/api/reports/org%3Agm1.pdf').query({ lang }));
      expect(readPdf(pdf.body, `sovereignty-report-${lang}`)[0].replace(/\s+/g, ' ')).toContain(words);
    }
    const application = await binary(request(app).get('/api/reports/app%3Agm1%2Fa2.xlsx').query({ lang: 'nl' }));
    const appBook = new ExcelJS.Workbook();
    await appBook.xlsx.load(application.body);
    expect(appBook.worksheets[0].getSheetValues().flat().map(String).join('\n')).toContain('Valt onder recht van buiten de EU: Belastingen → draait op Polder Cloud → draait op Nimbus EU-West → aangeboden door Nimbus Inc. (VS); exitgereedheid 50 van 100.');
  });

  it('when a Dutch suppliers file gives concernJurisdictie, then the group is under that law; a value that is no jurisdiction is refused with file, line and column', async () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const good = await importFiles(driver, [{ name: 'leveranciers.csv', bytes: bytes('id;naam;concern;land;concernJurisdictie\ns-zaak;Zaakwerk B.V.;Atlantic Software Holdings;NL;Verenigde Staten\n') }], { source: 'csv:leveranciers', user: 'test' });
    expect(good.issues).toEqual([]);
    const bad = await importFiles(driver, [{ name: 'leveranciers.csv', bytes: bytes('id;naam;concern;land;concernJurisdictie\ns-zaak;Zaakwerk B.V.;Atlantic Software Holdings;NL;Atlantis\n') }], { source: 'csv:leveranciers', user: 'test' });
    expect(bad.issues).toEqual([expect.objectContaining({ file: 'leveranciers.csv', line: 2, column: 'concernJurisdictie', value: 'Atlantis', expected: expect.stringMatching(/Verenigde Staten/) })]);
  });
});
