import type { Driver } from 'neo4j-driver';
import { importGemma } from '../../importers/gemma.js';
import { importSoftwarecatalogus, readSoftwarecatalogus } from '../../importers/softwarecatalogus.js';
import { read } from '../../server/neo4j.js';
import { nodes, rels, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { fixture, reference } from './support.js';

const PORTFOLIO = 'Gemeenten_applicatieportfolio_2025-01-01.csv';

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
    const [app] = await read(driver, `MATCH (a:Application {uid: 'app:gm0363/pv-2'}) MATCH (s:Supplier {uid: 'supplier:lev-2'}) RETURN a.extra_pakket_id AS pakket, a.extra_pakketversie_status AS status, s.name AS supplier`);
    expect(app).toEqual({ pakket: 'p-2', status: 'In gebruik', supplier: 'Café Integratie B.V.' });
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
