// The Excel round trip: an organisation's landscape as the five import tables imports back as
// unchanged (nothing written, counted in Neo4j), and the template a municipality starts from has the
// instructions, dropdowns and formats a person filling it in needs, and imports once filled.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { landscapeWorkbook } from '../../server/exports/landscape-workbook.js';
import { read } from '../../server/neo4j.js';
import { resetDatabase, snapshot, testDriver } from '../support/db.js';
import { appFor, request } from './support.js';

const DEMO = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');
const SOURCE = 'demo:gemeente-roerdam';

/** The graph but for what every run changes (its stamps and its record): what an unchanged import must leave alone. */
const graphText = async (driver: Driver) =>
  (await snapshot(driver))
    .filter(line => !line.includes('"ImportRun"'))
    .map(line => line.replace(/"runs":\[[^\]]*\]/g, '').replace(/"(createdRun|runId)":"[^"]*"/g, ''));

const nodeIds = async (driver: Driver, label: string) => (await read<{ id: string }>(driver, `MATCH (n:$(\$label)) RETURN n.id AS id ORDER BY id`, { label })).map(row => row.id);

const counts = async (driver: Driver) =>
  (await read<{ label: string; n: number }>(driver, 'MATCH (n:Entity) UNWIND labels(n) AS label WITH label, count(*) AS n WHERE label <> "Entity" RETURN label, n ORDER BY label'))
    .map(row => `${row.label} ${row.n}`);

const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});

async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  return workbook;
}
const headerRow = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe('the landscape as an Excel workbook, and back', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(() => {
    driver = testDriver();
    app = appFor(driver);
  });
  afterAll(() => driver.close());
  beforeEach(async () => {
    await resetDatabase(driver);
    const files = readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(name => join(DEMO, name));
    expect((await importFiles(driver, files, { source: SOURCE, user: 'test' })).issues).toEqual([]);
  });

  it('when the demo municipality is exported to Excel and imported again under its source, then the import reports it unchanged and writes nothing', async () => {
    const before = await graphText(driver);
    const beforeCounts = await counts(driver);
    const response = await binary(request(app).get('/api/exports/landscape.xlsx').query({ organisation: 'gemeente-roerdam' }));
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/roer-landschap-gemeente-roerdam\.xlsx/);
    const workbook = await openWorkbook(response.body);
    // A row per node of the organisation's landscape, below the header.
    const [graph] = await read<Record<string, number>>(driver, `MATCH (s:Supplier) WITH count(s) AS suppliers
      MATCH (p:Platform) WITH suppliers, count(p) AS platforms MATCH (a:Application) WITH suppliers, platforms, count(a) AS applications
      MATCH (i:Interface) WITH suppliers, platforms, applications, count(i) AS interfaces MATCH (c:Contract) RETURN suppliers, platforms, applications, interfaces, count(c) AS contracts`);
    expect(workbook.worksheets.map(sheet => [sheet.name, sheet.actualRowCount])).toEqual([
      ['Instructies', expect.any(Number)], ['leveranciers', graph.suppliers + 1], ['platformen', graph.platforms + 1], ['applicaties', 401], ['koppelingen', 1255], ['contracten', 197],
    ]);
    // The instructions name the source to import it back under, by its name and its key.
    const told = workbook.getWorksheet('Instructies')!.getCell('A2').value;
    expect(told).toMatch(/^Export van organisatie Gemeente Roerdam \(gemeente-roerdam\) op \d\d-\d\d-\d{4}\. Importeer dit bestand onder dezelfde bron: Gemeente Roerdam \(demo\) \(bron demo:gemeente-roerdam\), om wijzigingen door te voeren\.$/);
    // The steps below it do not send the reader to another source (a user followed "bijvoorbeeld xlsx:gemeente-a").
    const steps: string[] = [];
    workbook.getWorksheet('Instructies')!.eachRow(row => steps.push(String(row.getCell(2).value ?? '')));
    expect(steps.find(step => step.startsWith('Importeren:'))).toMatch(/gebruik dan de bron die bovenaan staat/);
    const ids = (workbook.getWorksheet('leveranciers')!.getColumn(1).values as unknown[]).slice(2);
    expect(ids).toEqual(await nodeIds(driver, 'Supplier'));
    expect(headerRow(workbook.getWorksheet('applicaties')!)).toEqual(['id', 'organisatie', 'naam', 'leverancier', 'referentiecomponenten', 'bedrijfsfuncties', 'kritikaliteit', 'persoonsgegevens', 'platform', 'open standaarden', 'pakket', 'versie', 'versiestatus', 'in gebruik sinds', 'in gebruik tot', 'hosting', 'bbn', 'ibp', 'biv']);
    expect((workbook.getWorksheet('applicaties')!.getRow(2).values as unknown[]).slice(1)).toEqual([
      'app-0001', 'gemeente-roerdam', 'Plevier Software Berichtenbus', 's-0005', 'Berichtenmakelaar', 'Informatievoorziening', 'kritiek', 'ja', 'p-gemeente-roerdam-serverruimte', 'StUF|ZGW API',
    ]);
    // Headers in words, not keys (opzegtermijnMaanden): the import below reads them back.
    expect(headerRow(workbook.getWorksheet('contracten')!).slice(6, 8)).toEqual(['opzegtermijn (maanden)', 'stilzwijgend verlengd']);
    expect(headerRow(workbook.getWorksheet('leveranciers')!)).toEqual(['id', 'naam', 'groep', 'land', 'jurisdictie concern']);
    expect(headerRow(workbook.getWorksheet('platformen')!)[5]).toBe('draait op');
    const contract = workbook.getWorksheet('contracten')!.getRow(2);
    expect([contract.getCell(6).value, contract.getCell(6).numFmt, contract.getCell(9).value, contract.getCell(9).numFmt]).toEqual([new Date('2026-12-29T00:00:00Z'), 'dd-mm-yyyy', 32369, '€ #,##0.00']);

    const again = await request(app).post('/api/imports').field('source', SOURCE).attach('files', response.body, 'roer-landschap-gemeente-roerdam.xlsx');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(expect.objectContaining({ detectedFormat: 'tables', ok: true, source: SOURCE }));
    for (const table of Object.values(again.body.tables) as { created: number; updated: number; removed: number }[]) {
      expect([table.created, table.updated, table.removed]).toEqual([0, 0, 0]);
    }
    expect(await counts(driver)).toEqual(beforeCounts);
    expect(await graphText(driver)).toEqual(before);
    // The CSV files had other row and list orders, so that import compared node by node; the
    // workbook's next import is known unchanged from its digest and writes only its run record.
    const third = await request(app).post('/api/imports').field('source', SOURCE).attach('files', response.body, 'roer-landschap-gemeente-roerdam.xlsx');
    expect(third.body.unchangedSince).toEqual(expect.objectContaining({ runId: again.body.runId }));
    expect(await graphText(driver)).toEqual(before);
  });

  it('when English is asked for, then sheets, headers and choices are English, and that workbook imports unchanged too', async () => {
    const response = await binary(request(app).get('/api/exports/landscape.xlsx').query({ organisation: 'gemeente-roerdam', lang: 'en' }));
    const workbook = await openWorkbook(response.body);
    expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['Instructions', 'suppliers', 'platforms', 'applications', 'interfaces', 'contracts']);
    expect((workbook.getWorksheet('applications')!.getRow(2).values as unknown[]).slice(7, 9)).toEqual(['critical', 'yes']);
    const before = await graphText(driver);
    const again = await request(app).post('/api/imports').field('source', SOURCE).attach('files', response.body, 'landscape.xlsx');
    expect(again.status).toBe(200);
    expect(await graphText(driver)).toEqual(before);
  });

  it('when a name starts like a formula, then its cell is a typed string with the plain text (the apostrophe only protects CSV)', async () => {
    const suppliers = [{ id: 's-1', name: '+31 Software B.V.', props: {} }, { id: 's-2', name: '=HYPERLINK("x")', props: {} }];
    const workbook = await openWorkbook(await landscapeWorkbook({ suppliers, platforms: [], applications: [], interfaces: [], contracts: [] }, 'nl'));
    const names = workbook.getWorksheet('leveranciers')!.getColumn(2);
    expect([2, 3].map(row => [names.values[row], workbook.getWorksheet('leveranciers')!.getCell(row, 2).type])).toEqual([
      ['+31 Software B.V.', ExcelJS.ValueType.String], ['=HYPERLINK("x")', ExcelJS.ValueType.String],
    ]);
  });

  it('when an organisation has no landscape, then 404; without one, 400', async () => {
    expect((await request(app).get('/api/exports/landscape.xlsx').query({ organisation: 'gm9999' })).status).toBe(404);
    expect((await request(app).get('/api/exports/landscape.xlsx')).status).toBe(400);
  });

  it('when a municipal user opens the template, then it explains itself, offers dropdowns for the choices and formats dates and euros', async () => {
    const response = await binary(request(app).get('/api/exports/template.xlsx'));
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/roer-invulsjabloon\.xlsx/);
    const workbook = await openWorkbook(response.body);
    expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['Instructies', 'leveranciers', 'platformen', 'applicaties', 'koppelingen', 'contracten']);
    const instructions = workbook.getWorksheet('Instructies')!;
    const text = instructions.getSheetValues().flat().filter(value => typeof value === 'string').join('\n');
    expect(text).toMatch(/Roer: applicatielandschap in vijf tabellen/);
    expect(text).toMatch(/gescheiden door \|/);
    expect(text).toMatch(/verwijdert u vóór het importeren/);
    // Every column of every sheet is explained, with whether it is required.
    const explained = instructions.getSheetValues().filter(row => Array.isArray(row) && ['leveranciers', 'platformen', 'applicaties', 'koppelingen', 'contracten'].includes(row[1] as string)) as unknown[][];
    expect(explained).toHaveLength(5 + 8 + 19 + 6 + 11);
    expect(explained.find(row => row[1] === 'contracten' && row[2] === 'einddatum')?.[3]).toBe('ja');
    const applications = workbook.getWorksheet('applicaties')!;
    expect(headerRow(applications)).toEqual(['id', 'organisatie', 'naam', 'leverancier', 'referentiecomponenten', 'bedrijfsfuncties', 'kritikaliteit', 'persoonsgegevens', 'platform', 'open standaarden', 'pakket', 'versie', 'versiestatus', 'in gebruik sinds', 'in gebruik tot', 'hosting', 'bbn', 'ibp', 'biv']);
    expect(applications.actualRowCount).toBe(1);
    expect(applications.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
    expect(applications.getCell('G2').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"laag,midden,hoog,kritiek"'] }));
    expect(applications.getCell('H500').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['"ja,nee"'] }));
    const platforms = workbook.getWorksheet('platformen')!;
    expect(platforms.getCell('C2').dataValidation.formulae).toEqual(['"eigen serverruimte,rekencentrum,saas,cloud"']);
    expect(platforms.getCell('E2').dataValidation.formulae).toEqual(['"NL,EU,US,overig"']);
    // The instructions' example jurisdiction is one the dropdowns offer; the suppliers sheet offers them too, a country still allowed.
    expect(explained.find(row => row[1] === 'leveranciers' && row[2] === 'jurisdictie concern')?.slice(4, 6)).toEqual([expect.stringMatching(/NL, EU, US, overig of een land/), 'US']);
    const offered = workbook.getWorksheet('leveranciers')!.getCell('E2').dataValidation;
    expect([offered.type, offered.formulae, offered.showErrorMessage ?? false]).toEqual(['list', ['"NL,EU,US,overig"'], false]);
    expect(text).not.toMatch(/\bVS\b/);
    const contracts = workbook.getWorksheet('contracten')!;
    expect([contracts.getColumn(5).numFmt, contracts.getColumn(6).numFmt, contracts.getColumn(9).numFmt]).toEqual(['dd-mm-yyyy', 'dd-mm-yyyy', '€ #,##0.00']);
    expect(contracts.getCell('G2').dataValidation).toEqual(expect.objectContaining({ type: 'whole', formulae: [0, 120] }));
  });

  it('when the template is filled in as a user would (two sheets, the others deleted), then it imports', async () => {
    const template = await binary(request(app).get('/api/exports/template.xlsx'));
    const workbook = await openWorkbook(template.body);
    for (const name of ['platformen', 'koppelingen', 'contracten']) workbook.removeWorksheet(workbook.getWorksheet(name)!.id);
    workbook.getWorksheet('leveranciers')!.addRow(['lev-1', 'Acme Software B.V.', '', 'NL']);
    workbook.getWorksheet('applicaties')!.addRow(['app-1', 'gm0363', 'Zaaksysteem', 'lev-1', 'Zaakregistratiecomponent', '', 'hoog', 'ja', '', '']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await request(app).post('/api/imports').field('source', 'xlsx:gm0363').attach('files', filled, 'roer-invulsjabloon.xlsx');
    expect(response.status).toBe(200);
    expect(response.body.tables.applications).toEqual(expect.objectContaining({ read: 1, created: 1 }));
    const [app1] = await read(driver, "MATCH (a:Application {uid: 'app:gm0363/app-1'}) RETURN a.criticality AS criticality, a.personalData AS personalData");
    expect(app1).toEqual({ criticality: 'high', personalData: true });
  });
});
