import type { Driver } from 'neo4j-driver';
import { generateLandscape } from '../../importers/demo/generate.js';
import { cleanup, load, transform } from '../../importers/load.js';
import { read } from '../../server/neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';

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
        await load(tx, transform(landscape), { source: 'demo', runId: 'run-1' });
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
  });
});
