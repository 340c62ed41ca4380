import type { Driver } from 'neo4j-driver';
import { importGemma } from '../../importers/gemma.js';
import { importSoftwarecatalogus, readSoftwarecatalogus } from '../../importers/softwarecatalogus.js';
import { read } from '../../server/neo4j.js';
import { runImportCli } from '../support/cli.js';
import { nodes, rels, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { resolve } from 'node:path';
import { fixture, reference, repoRoot } from './support.js';

const PORTFOLIO = 'Gemeenten_applicatieportfolio_2025-01-01.csv';
const portfolio = (name: string) => resolve(repoRoot, 'tests', 'fixtures', 'softwarecatalogus', 'portfolio', name);

describe('Softwarecatalogus portfolio CSV', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when a portfolio export is imported onto GEMMA, then package versions become applications with suppliers and reference components', async () => {
    await importGemma(driver, reference('gemma-archi-coarchi'));
    const report = await importSoftwarecatalogus(driver, fixture(PORTFOLIO));
    expect(report.ok).toBe(true);
    expect(report.source).toBe('swc:Gemeenten_applicatieportfolio_2025-01-01');
    expect(report.unresolvedReferenceComponents).toEqual(['Berichtenmakelaar', 'Onbekende component']);
    expect(await nodes(driver, 'Application')).toEqual(['app:gm0363/pv-1', 'app:gm0363/pv-2', 'app:gm0599/pv-1', 'app:gm0599/pv-3']);
    expect(await rels(driver, 'SUPPLIES')).toEqual([
      'supplier:lev-1 -SUPPLIES-> app:gm0363/pv-1',
      'supplier:lev-1 -SUPPLIES-> app:gm0599/pv-1',
      'supplier:lev-2 -SUPPLIES-> app:gm0363/pv-2',
    ]);
    // By name and by GEMMA id onto the same catalogue node; unknown names are kept as written.
    expect(await rels(driver, 'REALISES')).toEqual([
      'app:gm0363/pv-1 -REALISES-> refcomp:documentregistratiecomponent',
      'app:gm0363/pv-1 -REALISES-> refcomp:zaakregistratiecomponent',
      'app:gm0363/pv-2 -REALISES-> refcomp:berichtenmakelaar',
      'app:gm0599/pv-1 -REALISES-> refcomp:zaakregistratiecomponent',
      'app:gm0599/pv-3 -REALISES-> refcomp:onbekende-component',
    ]);
    const [app] = await read(driver, `MATCH (a:Application {uid: 'app:gm0363/pv-2'}) MATCH (s:Supplier {uid: 'supplier:lev-2'}) RETURN a.product AS product, a.versionStatus AS status, s.name AS supplier`);
    expect(app).toEqual({ product: 'Makelaar M', status: 'In gebruik', supplier: 'Café Integratie B.V.' });
    // The municipality by its name, its code as CBS code; no column with a place in the model is kept as extra_*.
    expect(await read(driver, 'MATCH (o:Organisation) RETURN o.id AS id, o.name AS name, o.cbsCode AS cbs ORDER BY id')).toEqual([
      { id: 'gm0363', name: 'Gemeente Amsterdam', cbs: '0363' }, { id: 'gm0599', name: 'Gemeente Rotterdam', cbs: '0599' },
    ]);
    const [extra] = await read<{ keys: string[] }>(driver, 'MATCH (a:Application) UNWIND keys(a) AS key WITH key WHERE key STARTS WITH "extra_" RETURN collect(DISTINCT key) AS keys');
    expect(extra.keys).toEqual([]);
  });

  it('when a portfolio with every column comes with the leveranciers and pakketten exports, then each column goes where the model has a place for it', async () => {
    const report = await importSoftwarecatalogus(driver, portfolio(''));
    expect(report.ok).toBe(true);
    expect(report.source).toBe('swc:1950');
    expect(report.files.sort()).toEqual(['Gemeenten_applicatieportfolio_2025-06-01.csv', 'Pakketten.csv', 'leveranciers.csv', 'leveranciers_pakketten.csv']);
    expect(await read(driver, 'MATCH (o:Organisation) RETURN o.id AS id, o.name AS name, o.cbsCode AS cbs')).toEqual([{ id: '1950', name: 'Gemeente Westerwolde', cbs: '1950' }]);
    const apps = await read(driver, `MATCH (a:Application) OPTIONAL MATCH (s:Supplier)-[:SUPPLIES]->(a) RETURN a.id AS id, a.name AS name, a.product AS product,
      a.criticality AS criticality, a.personalData AS personalData, a.versionStatus AS status, a.bbnScore AS bbn, a.ibpScore AS ibp,
      toString(a.useStart) AS start, toString(a.useEnd) AS end, a.hosting AS hosting, a.extra_beheerteam AS team, s.name AS supplier ORDER BY id`);
    expect(apps).toEqual([
      // Bedrijfskritisch = ja → high (importers/softwarecatalogus.ts criticalityOf says why not critical).
      { id: 'pv-10', name: 'Zaakwerk Zaken 4.2', product: 'Zaakwerk Zaken', criticality: 'high', personalData: true, status: 'In productie', bbn: 2, ibp: 3, start: '2019-01-01', end: null, hosting: 'On-premise', team: 'Team Zaken', supplier: 'Zaakwerk B.V.' },
      // The product name from Pakketten.csv, the supplier's from leveranciers.csv.
      { id: 'pv-11', name: 'Wolkportaal 2025', product: 'Wolkportaal', criticality: 'medium', personalData: true, status: 'In productie', bbn: 1, ibp: 2, start: '2025-04-25', end: '2026-04-25', hosting: 'SaaS (AWS Frankfurt)', team: null, supplier: 'Wolkdiensten' },
      { id: 'pv-12', name: 'Oud Archief 1.0', product: 'Oud Archief', criticality: 'medium', personalData: false, status: 'Uitgefaseerd', bbn: null, ibp: null, start: '2010-03-01', end: '2024-12-31', hosting: 'Rekencentrum leverancier', team: null, supplier: 'Zaakwerk B.V.' },
    ]);
    // Hosting → platform where kind and jurisdiction can be told; "Rekencentrum leverancier" says neither where nor whose law.
    expect(await read(driver, 'MATCH (a:Application)-[:RUNS_ON]->(p:Platform) OPTIONAL MATCH (s:Supplier)-[:PROVIDES]->(p) RETURN a.id AS app, p.type AS type, p.jurisdiction AS jurisdiction, s.name AS provider ORDER BY app')).toEqual([
      { app: 'pv-10', type: 'on-premise', jurisdiction: 'NL', provider: null },
      { app: 'pv-11', type: 'saas', jurisdiction: 'US', provider: 'Wolkdiensten' },
    ]);
    // The version's reference components from leveranciers_pakketten.csv when the municipality gives none; every listed supplier is imported.
    expect(await rels(driver, 'REALISES')).toEqual(['app:1950/pv-10 -REALISES-> refcomp:zaakregistratiecomponent', 'app:1950/pv-11 -REALISES-> refcomp:portaal']);
    expect(await read(driver, 'MATCH (s:Supplier) RETURN s.name AS name ORDER BY name')).toEqual([{ name: 'Ongebruikt B.V.' }, { name: 'Wolkdiensten' }, { name: 'Zaakwerk B.V.' }]);
  });

  it('when the CLI is given the folder of exports, or the leveranciers export alone, then it imports them as the Softwarecatalogus', async () => {
    const folder = await runImportCli([portfolio(''), '--user', 'tester']);
    expect(folder.code).toBe(0);
    expect(folder.stdout).toMatch(/^Source swc:1950, run /m);
    expect(folder.stdout).toMatch(/^applications\s+3\s+3\s+0\s+0\s+0\s+0$/m);
    const alone = await runImportCli([portfolio('leveranciers.csv'), '--source', 'swc:leveranciers']);
    expect(alone.code).toBe(0);
    expect(alone.stdout).toMatch(/^suppliers\s+3\s+0\s+0\s+3\s+0\s+0$/m);
  });

  it('when a portfolio cell holds what its column cannot mean, then the problem names the line and column', () => {
    const bytes = Buffer.from('Gemeente id;Pakketversie ID;Pakketversie Naam;Bedrijfskritisch;IBP;Uitfasering\n1950;pv-1;Zaak;misschien;7;31-02-2025\n', 'utf8');
    const { issues } = readSoftwarecatalogus({ name: 'portfolio.csv', bytes });
    expect(issues.map(issue => issue.message)).toEqual([
      "portfolio.csv:2: column 'Bedrijfskritisch': expected ja or nee",
      "portfolio.csv:2: column 'Uitfasering': expected a date such as 2026-12-31 or 31-12-2026 that exists (February 2025 has 28 days, not 31)",
      "portfolio.csv:2: column 'IBP': expected a whole number from 1 to 5",
    ]);
  });

  it('when rows lack required values, then every problem is reported with its line and nothing is written', async () => {
    const before = await snapshot(driver);
    const broken = Buffer.from('Gemeente id;Pakketversie ID;Pakketversie Naam\ngm1;pv-1;Zaak\n;pv-2;Dms\ngm1;;Geen id\n', 'utf8');
    const report = await importSoftwarecatalogus(driver, { name: 'portfolio.csv', bytes: broken });
    expect(report.ok).toBe(false);
    expect(report.issues.map(issue => issue.message)).toEqual([
      "portfolio.csv:3: column 'Gemeente id': expected a municipality id (gemeente)",
      "portfolio.csv:4: column 'Pakketversie ID': expected a package version id (Pakketversie ID)",
    ]);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when a UTF-8 export holds a byte that is not UTF-8, then that cell is an issue, not mojibake', () => {
    const bytes = Buffer.concat([Buffer.from('Gemeente id;Pakketversie ID;Pakketversie Naam\ngm1;pv-1;Café\ngm1;pv-2;Caf', 'utf8'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const { issues, landscape } = readSoftwarecatalogus({ name: 'portfolio.csv', bytes });
    expect(landscape.applications[0].name).toBe('Café');
    expect(issues.map(issue => [issue.line, issue.column, issue.message])).toEqual([[3, 'Pakketversie Naam', 'portfolio.csv:3: byte 0xE9 (é in Windows-1252) is not UTF-8, while the rest of the file is; shown as \uFFFD']]);
  });

  it('when the file is not a portfolio export, then the error names the missing columns', () => {
    expect(() => readSoftwarecatalogus({ name: 'x.csv', bytes: Buffer.from('naam;leverancier\nA;B\n') })).toThrow(
      "x.csv: not a Softwarecatalogus portfolio export; missing column(s) 'Pakketversie ID', 'Pakketversie Naam', 'Gemeente id'",
    );
  });
});
