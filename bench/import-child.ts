// Roer's import as `npm run import` runs it, in a process of its own: its peak RSS is then the
// import's, not the benchmark's, which has just generated the country's CSV in memory (that left the
// in-process import 50–100 MB higher). Arguments: bolt URI, source, [--bulk,] files. Prints one JSON
// line. With --bulk, a bulk load (importers/bulk.ts) into the bench instance, which must be empty.
import { loadConfig } from '../server/config.js';
import { limitHeapGrowth } from '../server/heap.js';
import { createDriver } from '../server/neo4j.js';
import { importFiles } from '../importers/import.js';
import { peakRssOfPid } from './machine.js';
import { benchNeo4jOptions } from './neo4j.js';

const [uri, source, ...rest] = process.argv.slice(2);
const bulk = rest[0] === '--bulk' ? benchNeo4jOptions() : undefined;
const files = bulk ? rest.slice(1) : rest;
limitHeapGrowth(loadConfig().ROER_HEAP_GROWTH_PERCENT);
const driver = createDriver({ uri, queryTimeoutMs: 3_600_000 });
try {
  const started = performance.now();
  const report = await importFiles(driver, files, { source, user: 'bench', sizeLimitBytes: 1 << 30, bulk });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, peakRssMb: peakRssOfPid(process.pid), ok: report.ok, issues: report.issues.slice(0, 5).map(issue => issue.message) })}\n`);
} finally {
  await driver.close();
}
