// `npm run bench -- import [--size municipality,region,country] [--methods roer,roer-bulk,load-csv,naive] [--sample 300] [--no-reimport] [--history-months 12]`
// `npm run bench -- faults [--runs 20] [--no-bombs]` (bench/faults.ts, then the hostile uploads of bench/bombs.ts)
// Prints a table and writes bench/results/<name>.json with the machine it ran on.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type DemoSize } from '../importers/demo/generate.js';
import { loadConfig } from '../server/config.js';
import { limitHeapGrowth } from '../server/heap.js';
import { METHODS, benchImportSize, type Method, type SizeResult } from './import.js';
import { runFaults } from './faults.js';
import { machineInfo } from './machine.js';
import { freshBenchDb } from './neo4j.js';
import { printTable, saveResult } from './results.js';
import { READ_BENCHMARKS, readMain } from './read-run.js';

const usage = 'Usage: npm run bench -- analyses|api|ui|memory|read|all [options] (see bench/read-run.ts), npm run bench -- import [--size municipality,region,country] [--methods roer,roer-bulk,load-csv,naive] [--sample 300] [--no-reimport] [--history-months 12], npm run bench -- faults [--runs 20] [--no-bombs] (bench/faults.ts, then bench/bombs.ts), npm run bench -- history [--size region] [--months 12] (bench/history.ts), or npm run bench -- bombs (bench/bombs.ts)';

const list = <T extends string>(values: readonly [T, ...T[]], name: string) =>
  z.string().transform(text => text.split(',').map(item => item.trim()).filter(Boolean)).pipe(z.array(z.enum(values, { error: `${name}: one of ${values.join(', ')}` })).min(1));

const Args = z.object({
  size: list(['municipality', 'region', 'country'] as const, '--size').default(['municipality', 'region']),
  methods: list(METHODS, '--methods').default([...METHODS]),
  sample: z.coerce.number().int().min(10).max(100_000).default(300),
  'no-reimport': z.boolean().default(false),
  'history-months': z.coerce.number().int().min(1).max(120).default(1),
});

async function main(): Promise<number> {
  // Roer's imports and in-process analyses run here: with the server's heap setting, so their peak RSS is the server's.
  limitHeapGrowth(loadConfig().ROER_HEAP_GROWTH_PERCENT);
  // analyses, api, ui, memory, read and all: bench/read-run.ts, with options of their own.
  if ([...READ_BENCHMARKS, 'all'].includes(process.argv[2])) return readMain(process.argv.slice(2));
  if (process.argv[2] === 'faults') return faultsMain(process.argv.slice(3));
  if (process.argv[2] === 'history') return historyMain(process.argv.slice(3));
  if (process.argv[2] === 'bombs') {
    const { runBombs } = await import('./bombs.js');
    await runBombs();
    return 0;
  }
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { size: { type: 'string' }, methods: { type: 'string' }, sample: { type: 'string' }, 'no-reimport': { type: 'boolean' }, 'history-months': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const benchmark = positionals[0] ?? 'import';
  if (values.help || benchmark !== 'import') {
    console.log(usage);
    return values.help ? 0 : 1;
  }
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    console.error(`${parsed.error.issues.map(issue => issue.message).join('\n')}\n${usage}`);
    return 1;
  }
  const options = { sizes: parsed.data.size as DemoSize[], methods: parsed.data.methods as Method[], naiveSample: parsed.data.sample, reimport: !parsed.data['no-reimport'], historyMonths: parsed.data['history-months'] };
  const log = (message: string) => process.stderr.write(`${message}\n`);

  const probe = await freshBenchDb();
  const machine = await machineInfo(probe.driver);
  await probe.stop();
  log(`Machine: ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.neo4j}, ${machine.java}`);

  const sizes: SizeResult[] = [];
  const name = `import-${options.sizes.join('-')}${options.methods.length < METHODS.length ? `-${options.methods.join('-')}` : ''}`;
  const commit = commitOf();
  log(`Commit: ${commit}`);
  const save = () => saveResult(name, { benchmark: 'import', date: new Date().toISOString(), machine, commit, options, sizes, processMaxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  // Saved after every size, so a long country run that is stopped still leaves the smaller sizes.
  for (const size of options.sizes) {
    sizes.push(await benchImportSize(size, options, log));
    save();
  }
  const path = save();

  printTable(
    sizes.flatMap(result =>
      result.methods.map(m => ({
        size: result.size,
        method: m.method,
        rows: result.totalRows,
        seconds: m.seconds,
        'rows/s': m.rowsPerSecond,
        'vs LOAD CSV': result.methods.find(other => other.method.startsWith('LOAD CSV'))?.rowsPerSecond ? `${(m.rowsPerSecond / result.methods.find(other => other.method.startsWith('LOAD CSV'))!.rowsPerSecond).toFixed(2)}×` : '',
        'db s': m.databaseSeconds ?? '',
        written: m.written ?? '',
        'headlines s': m.headlinesSeconds || '',
        nodes: m.nodes ?? '',
        rels: m.relationships ?? '',
        'client RSS MB': m.benchPeakRssMb,
        'neo4j RSS MB': m.neo4jPeakRssMb ?? '',
        load: m.loadAverage.join('→'),
        note: m.error ? `ERROR: ${m.error.slice(0, 80)}` : m.extrapolated ? `sample ${m.sampleRows} rows` : '',
      })),
    ),
  );
  // Issue 21's three targets, side by side.
  console.log(`\nMachine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, ${machine.neo4j}; commit ${commit}`);
  for (const result of sizes) {
    const ratio = (value: number | undefined, target: string) => (value === undefined ? 'not measured' : `${value} (target ${target})`);
    console.log(`${result.size}: re-import with 1 % of rows changed / first import = ${ratio(result.ratioOnePercentToFirst, '< 0.10')}; ` +
      `one changed cell of a municipality, database time = ${ratio(result.municipalityOneCellDatabaseSeconds, '< 1 s')}; ` +
      `first import through Cypher / LOAD CSV (rows/s) = ${ratio(result.ratioRoerToLoadCsv, '>= 1.0')}` +
      (result.history ? `; history after ${result.history.months} monthly imports: ${JSON.stringify(result.history)}` : ''));
  }
  console.log(`\nWritten to ${path}`);
  return 0;
}

/** The commit measured, and whether the working tree differed from it. */
function commitOf(): string {
  const git = (...args: string[]) => spawnSync('git', args, { encoding: 'utf8' }).stdout.trim();
  return `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : ''}`;
}

/** A year of monthly history at one size (bench/history.ts): bytes per run, printed and saved. */
async function historyMain(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { size: { type: 'string', default: 'region' }, months: { type: 'string', default: '12' } } });
  const size = z.enum(['municipality', 'region', 'country']).parse(values.size);
  const months = z.coerce.number().int().min(1).max(120).parse(values.months);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const { benchHistory } = await import('./history.js');
  const result = await benchHistory(size, months, log);
  const machine = await machineInfo();
  const commit = commitOf();
  const path = saveResult(`history-${size}`, { benchmark: 'history', date: new Date().toISOString(), machine, commit, ...result });
  printTable(result.runs.map(run => ({ month: run.month, seconds: run.seconds, written: run.written ?? '', 'diff bytes': run.diffBytes, headlines: run.headlines, 'headline bytes': run.headlineBytes, 'store MB': run.storeMb })));
  console.log(`\n${size}, ${result.rows.toLocaleString('en-US')} rows, ${months} monthly imports of ~1 % changed rows: per run ${result.perRun.historyBytes.toLocaleString('en-US')} bytes of history ` +
    `(diff ${result.perRun.diffBytes.toLocaleString('en-US')}, headline numbers ${result.perRun.headlineBytes.toLocaleString('en-US')}); store files +${result.perRun.storeGrowthMb} MB per run. ` +
    `After the year: ${result.after.diffs} diffs ${result.after.diffBytes.toLocaleString('en-US')} bytes, ${result.after.headlines} headline records ${result.after.headlineBytes.toLocaleString('en-US')} bytes, row state ${result.after.stateBytes.toLocaleString('en-US')} bytes (one copy).`);
  console.log(`Machine: ${machine.cores} cores, ${machine.cpu}, Node ${machine.node}; commit ${commit}. Written to ${path}`);
  return 0;
}

/** kill -9 at random moments of imports: runs × outcome, where a half-written import must never show. */
async function faultsMain(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '20' }, 'no-bombs': { type: 'boolean', default: false } } });
  const runs = z.coerce.number().int().min(1).max(1000).parse(values.runs);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  const result = await runFaults(runs, log);
  const path = saveResult('faults', { benchmark: 'faults', date: new Date().toISOString(), machine: await machineInfo(), ...result });
  printTable(result.table);
  const other = result.runs.filter(run => run.seen === 'other' || run.recovered === 'other').length;
  console.log(`\n${other} of ${result.runs.length} runs showed anything but the old or the new graph (must be 0). Written to ${path}\n`);
  // The other half of "nothing lost, no one in": hostile uploads, with the server's peak RSS (bench/bombs.ts).
  if (!values['no-bombs']) await (await import('./bombs.js')).runBombs();
  return other === 0 ? 0 : 1;
}

main().then(
  code => process.exit(code),
  error => {
    console.error(error instanceof Error ? error.stack : error);
    process.exit(2);
  },
);
