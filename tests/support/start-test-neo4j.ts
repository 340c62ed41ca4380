import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalNeo4j } from '../../server/local-neo4j.js';
import { testInstance } from './test-neo4j.js';

/** A fresh database every run, so no test depends on what an earlier run left behind. */
export async function startTestNeo4j(): Promise<() => Promise<void>> {
  if (process.env.NEO4J_TEST_URI) return async () => {};
  const { instanceDir, boltPort } = testInstance();
  rmSync(join(instanceDir, 'data'), { recursive: true, force: true });
  const db = await startLocalNeo4j({ instanceDir, boltPort, heap: '1g', pageCache: '256m', log: message => process.stderr.write(`[neo4j] ${message}\n`) });
  return db.stop;
}
