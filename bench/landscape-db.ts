// A loaded demo landscape for the read benchmarks (analyses, API, UI): its own Neo4j instance per
// size (`.neo4j/bench-read-<size>`, port ROER_BENCH_READ_PORT or 17720), imported once with
// importLandscape and kept, so the read benchmarks can be re-run without paying the import again.
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { generateLandscape, type DemoSize } from '../importers/demo/generate.js';
import { importLandscape } from '../importers/import.js';
import { defaultCacheDir, startLocalNeo4j, stopLocalNeo4j } from '../server/local-neo4j.js';
import { createDriver, read } from '../server/neo4j.js';
import { applySchema } from '../server/schema.js';

export const READ_PORT = Number(process.env.ROER_BENCH_READ_PORT ?? 17720);
export const readInstanceDir = (size: DemoSize) => join(defaultCacheDir(), `bench-read-${size}`);

export type LandscapeDb = {
  driver: Driver;
  uri: string;
  pid: number;
  size: DemoSize;
  organisations: string[];
  /** Seconds the import took when this run had to load the landscape; undefined when it was already there. */
  importSeconds?: number;
  stop: () => Promise<void>;
};

/** Starts the size's instance and imports the demo landscape unless it is already loaded. */
export async function landscapeDb(size: DemoSize, log: (message: string) => void): Promise<LandscapeDb> {
  const instanceDir = readInstanceDir(size);
  const db = await startLocalNeo4j({
    instanceDir,
    boltPort: READ_PORT,
    heap: process.env.ROER_BENCH_HEAP ?? '2g',
    pageCache: process.env.ROER_BENCH_PAGECACHE ?? '1g',
    // The country import is staged (committed batch by batch), so Roer's default transaction memory cap holds.
    settings: { 'db.transaction.timeout': '0s' },
    log: message => log(`[neo4j] ${message}`),
  });
  const driver = createDriver({ uri: db.uri, queryTimeoutMs: 3_600_000 });
  await applySchema(driver);
  const source = `bench:${size}`;
  const [{ runs }] = await read<{ runs: number }>(driver, 'MATCH (r:ImportRun {source: $source, status: "ok"}) RETURN count(r) AS runs', { source });
  let importSeconds: number | undefined;
  if (runs === 0) {
    log(`${size}: importing the demo landscape (once; kept in ${instanceDir})…`);
    const started = performance.now();
    const report = await importLandscape(driver, generateLandscape({ size }), { source, user: 'bench' });
    if (!report.ok) throw new Error(`The demo landscape did not import: ${report.issues.slice(0, 5).map(issue => issue.message).join('; ')}`);
    importSeconds = (performance.now() - started) / 1000;
    log(`${size}: imported in ${importSeconds.toFixed(1)} s`);
  }
  const organisations = (await read<{ uid: string }>(driver, 'MATCH (o:Organisation) WHERE EXISTS { (o)-[:USES]->(:Application) } RETURN o.id AS uid ORDER BY uid')).map(row => row.uid);
  return {
    driver, uri: db.uri, pid: db.pid, size, organisations, importSeconds,
    stop: async () => {
      await driver.close();
      await stopLocalNeo4j(instanceDir, message => log(`[neo4j] ${message}`));
    },
  };
}
