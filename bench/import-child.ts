// Roer's import as `npm run import` runs it, in a process of its own: its peak RSS is then the
// import's, not the benchmark's, which has just generated the country's CSV in memory (that left the
// in-process import 50–100 MB higher). Arguments: bolt URI, source, [--bulk,] files. Prints one JSON
// line. With --bulk, a bulk load (importers/bulk.ts) into the bench instance, which must be empty.
//
// Besides the import's time: its database time (the time some call to Neo4j was in flight: queries,
// transactions and their commits, so an upper bound of what Neo4j spent, without reading and validating
// the files), and the time to record the headline numbers afterwards (report.headlines), which the
// import's own time does not include.
import type { Driver } from 'neo4j-driver';
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
const { driver, busy } = timed(createDriver({ uri, queryTimeoutMs: 3_600_000 }));
try {
  const started = performance.now();
  const report = await importFiles(driver, files, { source, user: 'bench', sizeLimitBytes: 1 << 30, bulk, allowRemovals: true });
  const total = (performance.now() - started) / 1000;
  const headlinesSeconds = report.headlines && 'durationMs' in report.headlines ? report.headlines.durationMs / 1000 : 0;
  const seconds = total - headlinesSeconds;
  process.stdout.write(`${JSON.stringify({
    seconds, databaseSeconds: busy(started, started + seconds * 1000) / 1000, headlinesSeconds, headlineOrganisations: report.organisations.length,
    written: report.written, tables: report.tables, peakRssMb: peakRssOfPid(process.pid), ok: report.ok, issues: report.issues.slice(0, 5).map(issue => issue.message),
  })}\n`);
} finally {
  await driver.close();
}

/**
 * The driver, with every call that reaches Neo4j timed (executeQuery; a session's run, executeRead,
 * executeWrite): `busy(from, to)` is how long in that window at least one was in flight.
 */
function timed(driver: Driver): { driver: Driver; busy: (from: number, to: number) => number } {
  const spans: [number, number][] = [];
  const time = <T>(work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    return work().finally(() => spans.push([start, performance.now()]));
  };
  const executeQuery = driver.executeQuery.bind(driver);
  driver.executeQuery = ((...args: Parameters<Driver['executeQuery']>) => time(() => executeQuery(...args))) as Driver['executeQuery'];
  const session = driver.session.bind(driver);
  driver.session = ((...args: Parameters<Driver['session']>) => {
    const opened = session(...args);
    for (const name of ['executeRead', 'executeWrite'] as const) {
      const original = opened[name].bind(opened);
      (opened as unknown as Record<string, unknown>)[name] = (...inner: unknown[]) => time(() => (original as (...a: unknown[]) => Promise<unknown>)(...inner));
    }
    const run = opened.run.bind(opened);
    (opened as unknown as Record<string, unknown>).run = (...inner: Parameters<typeof run>) => {
      const result = run(...inner);
      void time(() => Promise.resolve(result).then(() => undefined, () => undefined));
      return result;
    };
    return opened;
  }) as Driver['session'];
  const busy = (from: number, to: number) => {
    let total = 0;
    let reach = from;
    for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
      const s = Math.max(start, reach);
      const e = Math.min(end, to);
      if (e > s) total += e - s;
      reach = Math.max(reach, end);
    }
    return total;
  };
  return { driver, busy };
}
