// The benchmark's own Neo4j (`.neo4j/bench`, port 17710, 4 GB heap): never the user's or a test's data.
// Every method starts on an emptied store, so each one pays the same cold start.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { type LocalNeo4jOptions, defaultCacheDir, localNeo4jStatus, startLocalNeo4j, stopLocalNeo4j } from '../server/local-neo4j.js';
import { createDriver } from '../server/neo4j.js';
import { applySchema } from '../server/schema.js';

export const BENCH_PORT = Number(process.env.ROER_BENCH_BOLT_PORT ?? 17710);
export const benchInstanceDir = () => join(defaultCacheDir(), 'bench');
export const benchImportDir = () => join(benchInstanceDir(), 'import');

export type BenchDb = { driver: Driver; uri: string; pid: number; stop: () => Promise<void> };

const log = (message: string) => process.stderr.write(`[neo4j] ${message}\n`);

/** How the bench instance is started (also by a bulk load, which stops and starts it). */
export const benchNeo4jOptions = (): LocalNeo4jOptions => ({
  instanceDir: benchInstanceDir(),
  boltPort: BENCH_PORT,
  heap: process.env.ROER_BENCH_HEAP ?? '4g',
  pageCache: process.env.ROER_BENCH_PAGECACHE ?? '2g',
  // Imports up to a region are one transaction: the default 600 s limit would measure the timeout, not the import.
  settings: { 'db.transaction.timeout': '0s', 'dbms.memory.transaction.total.max': process.env.ROER_BENCH_TX_MEMORY ?? '3g' },
  log,
});

/** The pid of the bench instance now (a bulk load starts it anew). */
export const benchPid = () => localNeo4jStatus(benchInstanceDir()).pid;

/** Stops the bench instance if it runs, deletes its data, starts it and applies Roer's schema. */
export async function freshBenchDb(): Promise<BenchDb> {
  await stopLocalNeo4j(benchInstanceDir(), log);
  rmSync(join(benchInstanceDir(), 'data'), { recursive: true, force: true });
  const db = await startLocalNeo4j(benchNeo4jOptions());
  const driver = createDriver({ uri: db.uri, queryTimeoutMs: 3_600_000 });
  await applySchema(driver);
  return {
    driver,
    uri: db.uri,
    pid: db.pid,
    stop: async () => {
      await driver.close();
      await db.stop();
    },
  };
}
