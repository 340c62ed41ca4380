import type { Driver } from 'neo4j-driver';
import { generateLandscape } from '../../importers/demo/generate.js';
import { importFiles } from '../../importers/import.js';
import { cleanup, load, transform } from '../../importers/load.js';
import { read } from '../../server/neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';

// A municipality-sized load takes 10–100 s on a busy 2-core machine: allow for it.
const LOAD_TIMEOUT_MS = 400_000;

describe('demo municipality in Neo4j', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when the demo municipality is loaded, then the graph holds every row and the derived dependencies', async () => {
    const landscape = generateLandscape({ size: 'municipality' });
    const session = driver.session();
    try {
      await session.executeWrite(async tx => {
        await load(tx, [transform(landscape)], { source: 'demo', runId: 'run-1' });
        await cleanup(tx, { source: 'demo', runId: 'run-1' });
      });
    } finally {
      await session.close();
    }
    const counts = Object.fromEntries(
      (await read<{ label: string; n: number }>(driver, 'MATCH (n:Entity) UNWIND labels(n) AS label WITH label WHERE label <> "Entity" RETURN label, count(*) AS n')).map(r => [r.label, r.n]),
    );
    expect(counts).toMatchObject({
      Organisation: 1,
      Supplier: landscape.suppliers.length,
      Platform: landscape.platforms.length,
      Application: landscape.applications.length,
      Interface: landscape.interfaces.length,
      Contract: landscape.contracts.length,
      SupplierGroup: new Set(landscape.suppliers.map(s => s.group).filter(Boolean)).size,
    });
    const [rels] = await read<{ dependsOn: number; via: number; covers: number; supplies: number }>(
      driver,
      `CALL () { MATCH ()-[r:DEPENDS_ON]->() RETURN count(r) AS dependsOn }
       CALL () { MATCH ()-[r:VIA]->() RETURN count(r) AS via }
       CALL () { MATCH ()-[r:COVERS]->() RETURN count(r) AS covers }
       CALL () { MATCH ()-[r:SUPPLIES]->() RETURN count(r) AS supplies }
       RETURN dependsOn, via, covers, supplies`,
    );
    const via = landscape.interfaces.filter(i => i.via).length;
    expect(rels).toEqual({
      dependsOn: landscape.interfaces.length + 2 * via,
      via,
      covers: landscape.contracts.reduce((sum, c) => sum + c.applications.length, 0),
      supplies: landscape.applications.length,
    });
    const [broker] = await read<{ name: string; dependents: number }>(
      driver,
      `MATCH (b:Application)-[:REALISES]->(:ReferenceComponent {name: 'Berichtenmakelaar'})
       RETURN b.name AS name, COUNT { (b)<-[:DEPENDS_ON {kind: 'via'}]-() } AS dependents`,
    );
    expect(broker.dependents).toBeGreaterThan(600);
  }, LOAD_TIMEOUT_MS);

  it('when the committed example CSV files (English and Dutch) are imported by Roer, then both give the same graph with the supplier merge reported', async () => {
    const landscape = generateLandscape({ size: 'municipality' });
    const folder = (name: string) => new URL(`../../importers/demo/data/${name}`, import.meta.url).pathname;
    const english = await importFiles(driver, [folder('gemeente-roerdam')], { source: 'csv:demo', user: 'test' });
    expect(english.issues).toEqual([]);
    expect(english.tables.applications).toMatchObject({ read: landscape.applications.length, created: landscape.applications.length, errors: 0 });
    expect(english.tables.interfaces.created).toBe(landscape.interfaces.length);
    expect(english.merges.map(m => [m.keptName, m.droppedName].sort())).toEqual([['KIEVIT SOFTWARE BV', 'Kievit Software B.V.']]);
    const dutch = await importFiles(driver, [folder('gemeente-roerdam-nl')], { source: 'csv:demo', user: 'test' });
    expect(dutch.issues).toEqual([]);
    for (const table of ['suppliers', 'platforms', 'applications', 'interfaces', 'contracts'] as const) {
      expect(dutch.tables[table]).toMatchObject({ created: 0, updated: 0, removed: 0, errors: 0 });
    }
  }, LOAD_TIMEOUT_MS);
});
