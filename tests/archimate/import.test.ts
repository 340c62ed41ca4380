import type { Driver } from 'neo4j-driver';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { read } from '../../server/neo4j.js';
import { RECORD_LABELS, resetDatabase, rels, snapshot, testDriver } from '../support/db.js';
import { modelCounts, reference } from './support.js';

// Counts from each folder's SOURCE.md. `skipped` = relationships whose end is another relationship,
// which a property graph cannot hold; the report lists them one by one.
const CASES = [
  { file: 'ameff-opengroup-xmlexchange/testdata/archisurance.xml', elements: 120, relationships: 178, skipped: 0 },
  { file: 'ameff-opengroup-xmlexchange/testdata/archisurance.archimate', elements: 120, relationships: 178, skipped: 0 },
  { file: 'ameff-opengroup-xmlexchange/testdata/sample1.xml', elements: 2, relationships: 1, skipped: 0 },
  { file: 'nora-gdi-gegevensuitwisseling/gegevensuitwisseling.xml', elements: 253, relationships: 697, skipped: 0 },
  { file: 'nora-gdi-gegevensuitwisseling/gegevensuitwisseling.archimate', elements: 253, relationships: 697, skipped: 0 },
  { file: 'archimodels-examples/ArchiMetal/ArchiMetal.xml', elements: 562, relationships: 760, skipped: 0 },
  { file: 'archimodels-examples/ArchiMetal/ArchiMetal.archimate', elements: 562, relationships: 760, skipped: 0 },
  { file: 'archimodels-examples/Archisurance/Archisurance.xml', elements: 120, relationships: 176, skipped: 0 },
  { file: 'archimodels-examples/OpenDay/Open Day.xml', elements: 27, relationships: 37, skipped: 0 },
  { file: 'archimodels-examples/OpenDay/OpenDay.archimate', elements: 27, relationships: 37, skipped: 0 },
  { file: 'softwarecatalogus-archi-coarchi', elements: 901, relationships: 1593, skipped: 36 },
];

describe('ArchiMate import', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it.each(CASES)('when $file is imported, then the graph holds its $elements elements and $relationships relationships', async ({ file, elements, relationships, skipped }) => {
    const report = await importArchimate(driver, reference(file), { organisation: 'gm0001', source: 'archimate:test' });
    expect([report.elements, report.relationships]).toEqual([elements, relationships]);
    expect(report.skipped).toHaveLength(skipped);
    expect(await modelCounts(driver, 'archimate:test')).toEqual({ elements, relationships: relationships - skipped });
  });

  it('when the AMEFF and the .archimate version of one model are imported, then the graphs are identical', async () => {
    // AMEFF 2.1 has no access types (Archi's 2.1 export drops them), so that one pair is compared without them.
    const pairs = [
      ['nora-gdi-gegevensuitwisseling/gegevensuitwisseling.xml', 'nora-gdi-gegevensuitwisseling/gegevensuitwisseling.archimate', false],
      ['ameff-opengroup-xmlexchange/testdata/archisurance.xml', 'ameff-opengroup-xmlexchange/testdata/archisurance.archimate', false],
      ['archimodels-examples/ArchiMetal/ArchiMetal.xml', 'archimodels-examples/ArchiMetal/ArchiMetal.archimate', true],
    ] as const;
    for (const [ameff, native, withoutAccessTypes] of pairs) {
      // The model records differ in how the views are drawn (Archi's AMEFF export writes its default colours, its
      // .archimate leaves them out); the views' counts are compared below.
      const text = (lines: string[]) =>
        graphText(lines).filter(line => !line.includes('"labels":["ArchimateModel"]')).map(line => (withoutAccessTypes ? line.replace(/"accessType":"[^"]*",/, '') : line)).sort();
      const views = async () => (await read<{ views: string }>(driver, 'MATCH (m:ArchimateModel) RETURN m.views AS views'))
        .map(row => (JSON.parse(row.views) as { name: string; folder: string[] }[]).map(view => `${view.folder.join('/')}/${view.name}`).sort());
      await resetDatabase(driver);
      await importArchimate(driver, reference(ameff), { organisation: 'gm0001', source: 'archimate:test' });
      const first = text(await snapshot(driver));
      const firstViews = await views();
      await resetDatabase(driver);
      await importArchimate(driver, reference(native), { organisation: 'gm0001', source: 'archimate:test' });
      expect(text(await snapshot(driver))).toEqual(first);
      expect(await views()).toEqual(firstViews);
    }
  });

  it('when Archisurance is imported, then serving, flow and hosting become Roer dependencies in the right direction', async () => {
    await importArchimate(driver, reference('ameff-opengroup-xmlexchange/testdata/archisurance.xml'), { organisation: 'gm0001', source: 'archimate:test' });
    const rows = await read<{ from: string; to: string; type: string; kind: string | null }>(
      driver,
      `MATCH (a)-[r:DEPENDS_ON|RUNS_ON]->(b) RETURN a.name AS from, b.name AS to, type(r) AS type, r.kind AS kind ORDER BY from, to, kind`,
    );
    // "Home & Away Policy Administration" serves "Web portal"? Check against the model's own relationships.
    const modelled = await read<{ from: string; to: string; type: string }>(
      driver,
      `MATCH (a)-[r:RELATES_TO]->(b) WHERE r.archimateType IN ['Serving', 'Flow'] AND a:Application AND b:Application
       RETURN b.name AS from, a.name AS to, r.archimateType AS type ORDER BY from, to`,
    );
    expect(modelled.length).toBeGreaterThan(0);
    for (const edge of modelled) {
      expect(rows).toContainEqual({ from: edge.from, to: edge.to, type: 'DEPENDS_ON', kind: edge.type.toLowerCase() });
    }
    expect(rows.filter(row => row.type === 'RUNS_ON').length).toBeGreaterThan(0);
    expect(await rels(driver, 'USES')).toHaveLength(10);
  });
});

/** The snapshot without run stamps and run ids, which differ between imports by design. */
const graphText = (lines: string[]) =>
  lines
    .filter(line => !RECORD_LABELS.some(label => line.includes(`"labels":["${label}"]`)))
    .map(line => line.replace(/"runs":\[[^\]]*\]/g, '').replace(/"createdRun":"[^"]*"/g, '').replace(/"archimateFolder":"[^"]*"/g, ''))
    .sort();
