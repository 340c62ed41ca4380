// The read benchmarks: `analyses`, `api`, `ui` and `memory` (= all three, then the peak-RSS summary).
// `npm run bench -- analyses|api|ui|memory|read [--size region] [--runs 20] [--connections 50] [--amount 3000] [--seconds 60]`
// Each prints a table and writes bench/results/<name>-<size>.json with the machine it ran on.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import type { DemoSize } from '../importers/demo/generate.js';
import { benchAnalyses } from './analyses.js';
import { landscapeDb } from './landscape-db.js';
import { machineInfo, peakRssOfPid } from './machine.js';
import { printTable, resultsDir, saveResult } from './results.js';

export const READ_BENCHMARKS = ['analyses', 'api', 'ui', 'memory', 'read'] as const;
export type ReadBenchmark = (typeof READ_BENCHMARKS)[number];

export const ReadArgs = z.object({
  size: z.enum(['municipality', 'region', 'country']).default('region'),
  runs: z.coerce.number().int().min(1).max(1000).default(20),
  warmup: z.coerce.number().int().min(0).max(100).default(3),
  only: z.string().optional(),
  connections: z.coerce.number().int().min(1).max(1000).default(50),
  amount: z.coerce.number().int().min(1).max(1_000_000).default(3000),
  seconds: z.coerce.number().int().min(1).max(3600).default(90),
  port: z.coerce.number().int().min(1024).max(65535).default(3720),
  targets: z.string().default('500,2000,5000').transform(text => text.split(',').map(Number)).pipe(z.array(z.number().int().positive())),
  repeats: z.coerce.number().int().min(1).max(20).default(3),
});
export type ReadArgs = z.infer<typeof ReadArgs>;

const log = (message: string) => process.stderr.write(`${message}\n`);
const load = () => loadavg().map(value => Math.round(value * 100) / 100);

/** Merges one benchmark's peak RSS into bench/results/memory-<size>.json. */
function recordMemory(size: DemoSize, key: string, entry: Record<string, unknown>, machine: unknown) {
  const path = join(resultsDir, `memory-${size}.json`);
  const previous = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { peaks: Record<string, unknown> }) : { peaks: {} };
  const peaks = { ...previous.peaks, [key]: { ...entry, date: new Date().toISOString(), loadAverage: load() } };
  saveResult(`memory-${size}`, { benchmark: 'memory', size, machine, targetMb: 500, peaks });
  return peaks;
}

export async function runReadBenchmark(benchmark: ReadBenchmark, args: ReadArgs): Promise<void> {
  const size = args.size as DemoSize;
  const db = await landscapeDb(size, log);
  try {
    const machine = await machineInfo(db.driver);
    log(`Machine: ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.neo4j}; ${size}: ${db.organisations.length} organisations; load ${load().join(' ')}`);
    const meta = { date: new Date().toISOString(), machine, size, organisations: db.organisations.length, importSeconds: db.importSeconds };

    if (benchmark === 'analyses' || benchmark === 'memory' || benchmark === 'read') {
      const only = args.only?.split(',').map(item => item.trim());
      const result = await benchAnalyses(db.driver, { organisations: db.organisations, runs: args.runs, warmup: args.warmup, neo4jPid: db.pid, only }, log);
      const path = saveResult(`analyses-${size}`, { benchmark: 'analyses', ...meta, runs: args.runs, warmup: args.warmup, mode: 'in-process analysis.run(driver, params)', ...result });
      printTable(result.rows.map(row => ({
        scope: row.scope, analysis: row.analysis, 'first ms': row.firstMs ?? '', 'p50 ms': row.p50Ms, 'p95 ms': row.p95Ms, 'max ms': row.maxMs,
        'computed p50': row.computedP50Ms ?? '', 'computed p95': row.computedP95Ms ?? '', rows: row.rows, 'peak RSS MB': row.peakRssMb ?? '', load: row.loadAverage.join('→'), note: row.error ? `ERROR ${row.error.slice(0, 60)}` : '',
      })));
      recordMemory(size, 'analyses', { process: 'bench process (in-process analyses; VmHWM)', peakRssMb: result.benchPeakRssMb, neo4jPeakRssMb: result.neo4jPeakRssMb }, machine);
      console.log(`\nWritten to ${path}\n`);
    }

    if (benchmark === 'api' || benchmark === 'memory' || benchmark === 'read') {
      // Loaded here, not at the top: the analyses run in this process and stand for the server, whose
      // memory should not include autocannon and playwright-core (about 80 MB of RSS together).
      const { benchApi } = await import('./api.js');
      const result = await benchApi(db.driver, db.uri, db.organisations[0], { connections: args.connections, amount: args.amount, maxSeconds: args.seconds, port: args.port }, log);
      const path = saveResult(`api-${size}`, { benchmark: 'api', ...meta, ...result });
      printTable([{
        size, connections: result.connections, requests: result.requests, seconds: result.seconds, 'req/s': result.requestsPerSecond,
        'p50 ms': result.p50Ms, 'p95 ms': result.p95Ms, 'p99 ms': result.p99Ms, 'max ms': result.maxMs, errors: result.errors, non2xx: result.non2xx,
        'server RSS MB': result.serverPeakRssMb, load: result.loadAverage.join('→'),
      }]);
      printTable(result.wide.map(row => ({ 'all organisations': row.path, status: row.status, MB: row.megabytes, ms: row.ms, 'server RSS after MB': row.serverRssAfterMb })));
      recordMemory(size, 'api', { process: 'server (npm start child process, VmHWM)', peakRssMb: result.serverPeakRssMb, afterStartMb: result.serverRssAfterStartMb, neo4jPeakRssMb: peakRssOfPid(db.pid) }, machine);
      recordMemory(size, 'api-all-organisations', { process: 'server (npm start child process, VmHWM), the mix then every analysis for all organisations', peakRssMb: result.serverPeakRssWithWideMb }, machine);
      console.log(`\nWritten to ${path}\n`);
    }

    if (benchmark === 'ui' || benchmark === 'memory' || benchmark === 'read') {
      const { benchUi } = await import('./ui.js');
      const result = await benchUi({ targets: args.targets, repeats: args.repeats, port: args.port, organisations: db.organisations, neo4jUri: db.uri }, log);
      const path = saveResult(`ui-${size}`, { benchmark: 'ui', ...meta, repeats: args.repeats, ...result });
      printTable(result.rows.map(row => ({
        target: row.target, 'org.': row.organisations, aggregate: row.aggregate, elements: row.elements, nodes: row.nodes, edges: row.edges, 'painted ms': row.paintedMs, 'layout ms': row.layoutDoneMs,
        'pan p95 ms': row.panP95FrameMs, 'pan max ms': row.panMaxFrameMs, frames: row.panFrames, load: row.loadAverage.join('→'),
      })));
      recordMemory(size, 'ui', { process: 'server (npm start child process, VmHWM)', peakRssMb: result.serverPeakRssMb }, machine);
      console.log(`\nWritten to ${path}\n`);
    }

    if (benchmark === 'memory' || benchmark === 'read') {
      const path = join(resultsDir, `memory-${size}.json`);
      const { peaks } = JSON.parse(readFileSync(path, 'utf8')) as { peaks: Record<string, { process: string; peakRssMb: number; neo4jPeakRssMb?: number }> };
      printTable(Object.entries(peaks).map(([name, peak]) => ({ benchmark: name, process: peak.process, 'peak RSS MB': peak.peakRssMb, 'target MB': 500, met: peak.peakRssMb < 500 ? 'yes' : 'no', 'neo4j MB': peak.neo4jPeakRssMb ?? '' })));
      console.log(`\nWritten to ${path}\n`);
    }
  } finally {
    // The instance keeps its data for the next run; stop it so it does not hold memory.
    if (process.env.ROER_BENCH_KEEP !== '1') await db.stop();
    else await db.driver.close();
  }
}

const usage =
  'Usage: npm run bench -- analyses|api|ui|memory|read|all [--size municipality|region|country] [--runs 20] [--warmup 3] [--only impact,lock-in]\n' +
  '                         [--connections 50] [--amount 3000] [--seconds 90] [--port 3720] [--targets 500,2000,5000] [--repeats 3]\n' +
  '  read = analyses, api and ui, then the memory summary (= memory); all = read, then `import` with its defaults.';

/** The command line of the read benchmarks (bench/run.ts hands them over); returns the exit code. */
export async function readMain(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: Object.fromEntries(
      ['size', 'runs', 'warmup', 'only', 'connections', 'amount', 'seconds', 'port', 'targets', 'repeats'].map(name => [name, { type: 'string' as const }]),
    ),
  });
  const benchmark = positionals[0];
  const parsed = ReadArgs.safeParse(values);
  if (!parsed.success || !benchmark || ![...READ_BENCHMARKS, 'all'].includes(benchmark)) {
    console.error(`${parsed.success ? '' : parsed.error.issues.map(issue => `--${issue.path.join('.')}: ${issue.message}`).join('\n') + '\n'}${usage}`);
    return 1;
  }
  await runReadBenchmark(benchmark === 'all' ? 'read' : (benchmark as ReadBenchmark), parsed.data);
  if (benchmark !== 'all') return 0;
  // The import benchmark has its own options and Neo4j instance: run it as its own process.
  return spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL(`./run${extname(fileURLToPath(import.meta.url))}`, import.meta.url)), 'import'], { stdio: 'inherit' }).status ?? 2;
}
