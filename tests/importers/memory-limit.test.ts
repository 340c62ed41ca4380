// An import larger than the memory Neo4j allows a transaction is rolled back, and the error says what
// to do about it (importers/import.ts tooLittleMemory), instead of Neo4j's "threshold reached".
// On its own Neo4j, whose transactions may hold 8 MB: a municipality's one-transaction import needs more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { generateLandscape } from '../../importers/demo/generate.js';
import { importLandscape } from '../../importers/import.js';
import { UnavailableError } from '../../server/errors.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../server/local-neo4j.js';
import { createDriver, read } from '../../server/neo4j.js';
import { applySchema } from '../../server/schema.js';
import { freePort } from '../support/ports.js';
import { SHORT_LIVED_JVM } from '../support/short-lived-neo4j.js';

describe('an import larger than Neo4j lets a transaction be', () => {
  let instanceDir: string;
  let driver: Driver;

  beforeAll(async () => {
    instanceDir = mkdtempSync(join(tmpdir(), 'roer-memory-'));
    const db = await startLocalNeo4j({ instanceDir, boltPort: await freePort(), heap: '512m', pageCache: '64m', settings: { 'db.memory.transaction.max': '8m' }, jvmOptions: SHORT_LIVED_JVM });
    driver = createDriver({ uri: db.uri });
    await applySchema(driver);
  }, 180_000);

  afterAll(async () => {
    await driver?.close();
    await stopLocalNeo4j(instanceDir);
    rmSync(instanceDir, { recursive: true, force: true });
  }, 60_000);

  it('when the import does not fit, then it says to give Neo4j more memory, in Dutch and English, and nothing is written', async () => {
    const importing = importLandscape(driver, generateLandscape({ size: 'municipality' }), { source: 'demo:memory', user: 'tester', headlines: false });
    await expect(importing).rejects.toBeInstanceOf(UnavailableError);
    await expect(importing).rejects.toThrow(/NEO4J_HEAP=3g.*er is niets geschreven|er is niets geschreven.*NEO4J_HEAP=3g/s);
    const [{ nodes }] = await read<{ nodes: number }>(driver, 'MATCH (n:Entity) RETURN count(n) AS nodes');
    expect(nodes).toBe(0);
  }, 300_000);
});
