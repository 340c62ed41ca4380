// Import throughput: the same canonical CSV files, on the same Neo4j, loaded four ways —
// Roer's importFiles (validation + provenance, through Cypher), Roer's bulk load into the empty
// database (the same, through neo4j-admin database import: importers/bulk.ts), Neo4j's LOAD CSV …
// CALL { } IN TRANSACTIONS (hand-written, bench/cypher/load-csv/), and a naive one-statement-per-row
// driver loop on a sample (extrapolated). Every method starts on an emptied database with Roer's schema.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { spawn } from 'node:child_process';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Driver } from 'neo4j-driver';
import { type DemoSize } from '../importers/demo/generate.js';
import { quote, writeGeneratedCsv } from '../importers/demo/write-csv.js';
import { TABLES, type TableName } from '../importers/model.js';
import { createDriver, read } from '../server/neo4j.js';
import { benchImportDir, benchInstanceDir, benchPid, freshBenchDb } from './neo4j.js';
import { query } from '../server/queries.js';
import { peakRssOfPid, withPeakRss } from './machine.js';
import { fromRoot } from '../server/paths.js';

const loadCsvDir = fromRoot('bench', 'cypher', 'load-csv');

export type ImportOptions = { sizes: DemoSize[]; naiveSample: number; reimport: boolean; methods: Method[]; historyMonths: number };
export const METHODS = ['roer', 'roer-bulk', 'load-csv', 'naive'] as const;
export type Method = (typeof METHODS)[number];

export type MethodResult = {
  method: string;
  seconds: number;
  rowsPerSecond: number;
  extrapolated?: boolean;
  sampleRows?: number;
  nodes?: number;
  relationships?: number;
  /** Peak RSS of the client that ran the method: Roer's import process (bench/import-child.ts), else the bench process. */
  benchPeakRssMb: number;
  neo4jPeakRssMb?: number;
  /** 1-minute load average before and after: other work on the machine skews every number. */
  loadAverage: [number, number];
  /** Roer's import: the time a call to Neo4j was in flight (bench/import-child.ts), how it wrote, and the headline numbers recorded after it. */
  databaseSeconds?: number;
  written?: string | null;
  headlinesSeconds?: number;
  headlineOrganisations?: number;
  error?: string;
};
export type SizeResult = {
  size: DemoSize; rows: Record<TableName, number>; totalRows: number; csvMb: number; generateSeconds: number; methods: MethodResult[]; ratioRoerToLoadCsv?: number; ratioRoerBulkToLoadCsv?: number;
  /** Issue 21's targets: a re-import with 1 % of the rows changed against the first import (< 0.10), and the database time of one changed cell of a municipality (< 1 s). */
  ratioOnePercentToFirst?: number;
  municipalityOneCellDatabaseSeconds?: number;
  /** After `historyMonths` monthly re-imports of 1 %: what the row state, the run diffs and the headline numbers hold, and the database's store files. */
  history?: HistorySize;
};
export type HistorySize = { months: number; buckets: number; stateMb: number; diffs: number; diffMb: number; largestDiffMb: number; headlines: number; headlineMb: number; storeMbBefore: number; storeMbAfter: number };

/** One size: write the CSV files into the bench instance's import folder, then time each method. */
export async function benchImportSize(size: DemoSize, options: ImportOptions, log: (m: string) => void): Promise<SizeResult> {
  const dir = join(benchImportDir(), size);
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const rows = await writeGeneratedCsv({ size }, dir, { dialect: 'en' });
  const generateSeconds = seconds(started);
  const totalRows = TABLES.reduce((sum, table) => sum + rows[table], 0);
  const csvMb = readdirSync(dir).reduce((sum, file) => sum + readFileSync(join(dir, file)).byteLength, 0) / 2 ** 20;
  log(`${size}: ${totalRows.toLocaleString('en-US')} rows (${csvMb.toFixed(1)} MB of CSV) generated in ${generateSeconds.toFixed(1)} s`);
  const result: SizeResult = { size, rows, totalRows, csvMb: round(csvMb), generateSeconds: round(generateSeconds), methods: [] };

  if (options.methods.includes('roer')) {
    const db = await freshBenchDb();
    try {
      const files = TABLES.map(table => join(dir, `${table}.csv`));
      const run = async (name: string, input: string[], source = `bench:${size}`) => {
        const timedRun = await importInChild(db.uri, input, source);
        const measured = await method(name, timedRun, totalRows, db.driver, db.pid);
        result.methods.push(measured);
        log(`  ${name}: ${timedRun.seconds.toFixed(1)} s, database ${timedRun.databaseSeconds?.toFixed(2) ?? '?'} s, ${timedRun.written ?? ''}${timedRun.headlinesSeconds ? `; headline numbers of ${timedRun.headlineOrganisations} organisations after it: ${timedRun.headlinesSeconds.toFixed(1)} s` : ''}`);
        return measured;
      };
      const first = await run('roer import', files);
      if (options.reimport && !first.error) {
        await run('roer re-import (unchanged)', files);
        // One cell changed: only that row is written (a diff).
        await run('roer re-import (one cell changed)', withOneCellChanged(dir, files));
        const onePercent = await run('roer re-import (1 % of rows changed)', withRowsChanged(dir, 0));
        if (!onePercent.error) result.ratioOnePercentToFirst = round(onePercent.seconds / first.seconds, 3);
        // A municipality that delivers its own files, in this database: its first import, then one cell changed.
        const municipality = await municipalityFiles(dir);
        await run('roer municipality of its own: first import', municipality.files, 'bench:own-municipality');
        const cell = await run('roer municipality of its own: one cell changed', withOneCellChanged(municipality.dir, municipality.files), 'bench:own-municipality');
        if (!cell.error) result.municipalityOneCellDatabaseSeconds = cell.databaseSeconds;
        result.history = await monthlyHistory(db, dir, options.historyMonths, run, log);
      }
    } finally {
      await db.stop();
    }
  }

  if (options.methods.includes('roer-bulk')) {
    const db = await freshBenchDb();
    // The bulk load replaces the database: this driver's bookmarks would name transactions the new
    // one never had, so the counts are asked through a new driver.
    await db.driver.close();
    try {
      const files = TABLES.map(table => join(dir, `${table}.csv`));
      const run = await importInChild(db.uri, ['--bulk', ...files], `bench:${size}`);
      const driver = createDriver({ uri: db.uri, queryTimeoutMs: 3_600_000 });
      try {
        result.methods.push(await method('roer bulk load (empty database)', run, totalRows, driver, benchPid() ?? db.pid));
        log(`  roer bulk load: ${run.seconds.toFixed(1)} s`);
        if (options.reimport && !run.error) {
          const again = await importInChild(db.uri, files, `bench:${size}`);
          result.methods.push(await method('roer re-import after the bulk load (unchanged)', again, totalRows, driver, benchPid() ?? db.pid));
          log(`  roer re-import after the bulk load (unchanged): ${again.seconds.toFixed(1)} s`);
        }
      } finally {
        await driver.close();
      }
    } finally {
      await db.stop();
    }
  }

  if (options.methods.includes('load-csv')) {
    const db = await freshBenchDb();
    try {
      const run = await timed(() => loadCsv(db.driver, size));
      result.methods.push(await method('LOAD CSV IN TRANSACTIONS', run, totalRows, db.driver, db.pid));
      log(`  LOAD CSV: ${run.seconds.toFixed(1)} s`);
    } finally {
      await db.stop();
    }
  }

  if (options.methods.includes('naive')) {
    const db = await freshBenchDb();
    try {
      const run = await timed(() => naive(db.driver, dir, options.naiveSample));
      const { estimatedSeconds, sampleRows } = run.value ?? { estimatedSeconds: NaN, sampleRows: 0 };
      const measured = await method('naive row-by-row (extrapolated)', { ...run, seconds: estimatedSeconds }, totalRows, undefined, db.pid);
      result.methods.push({ ...measured, extrapolated: true, sampleRows });
      log(`  naive: ${sampleRows} rows in ${run.seconds.toFixed(1)} s → ${estimatedSeconds.toFixed(0)} s for all`);
    } finally {
      await db.stop();
    }
  }

  const loadCsvResult = result.methods.find(m => m.method.startsWith('LOAD CSV'));
  const ratio = (name: string) => {
    const roer = result.methods.find(m => m.method === name);
    return roer && loadCsvResult && !roer.error && !loadCsvResult.error ? round(roer.rowsPerSecond / loadCsvResult.rowsPerSecond, 3) : undefined;
  };
  result.ratioRoerToLoadCsv = ratio('roer import');
  result.ratioRoerBulkToLoadCsv = ratio('roer bulk load (empty database)');
  return result;
}

/**
 * Roer's import in a process of its own (bench/import-child.ts), as `npm run import` runs it: the
 * time is that of importFiles there, the peak RSS that process's.
 */
type ChildRun = Timed<unknown> & { peakRssMb: number; databaseSeconds?: number; written?: string | null; headlinesSeconds?: number; headlineOrganisations?: number };

export async function importInChild(uri: string, files: string[], source: string): Promise<ChildRun> {
  const loadBefore = loadavg()[0];
  const child = fileURLToPath(new URL(`./import-child${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
  // Not spawnSync: a bulk load stops the bench instance, and Neo4j waited a minute to stop for this
  // process's connections while its event loop was blocked.
  const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((done, fail) => {
    const importer = spawn(process.execPath, [...process.execArgv, child, uri, source, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    importer.stdout.on('data', chunk => (stdout += chunk));
    importer.stderr.on('data', chunk => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    importer.once('error', fail);
    importer.once('close', status => done({ status, stdout, stderr }));
  });
  const loadAverage: [number, number] = [round(loadBefore), round(loadavg()[0])];
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  if (run.status !== 0 || !line.startsWith('{')) return { seconds: 0, peakRssMb: 0, loadAverage, error: `the import process failed (${run.status}): ${run.stderr.slice(-500)}` };
  const outcome = JSON.parse(line) as { seconds: number; databaseSeconds: number; headlinesSeconds: number; headlineOrganisations: number; written: string | null; peakRssMb: number; ok: boolean; issues: string[] };
  const measured = {
    seconds: outcome.seconds, peakRssMb: outcome.peakRssMb, loadAverage, databaseSeconds: round(outcome.databaseSeconds, 3), written: outcome.written,
    headlinesSeconds: round(outcome.headlinesSeconds), headlineOrganisations: outcome.headlineOrganisations,
  };
  return outcome.ok ? measured : { ...measured, error: `Roer rejected the generated files: ${outcome.issues.join('; ')}` };
}

/**
 * A copy of the files in `from` (default `dir`) with 1 % of the rows of every table changed (every
 * hundredth, from row `month` on: a name, a criticality, a standard, an end date), and of the
 * interfaces and contracts one in a thousand removed and as many added, into `dir`/changed-<month>:
 * what a monthly re-delivery of the country looks like.
 */
export function withRowsChanged(dir: string, month: number, from = dir): string[] {
  const changedDir = join(dir, `changed-${month}`);
  mkdirSync(changedDir, { recursive: true });
  const edits: Record<TableName, (cells: string[], column: (name: string) => number) => void> = {
    suppliers: (cells, column) => void (cells[column('name')] += ` (${month})`),
    platforms: (cells, column) => void (cells[column('name')] += ` (${month})`),
    applications: (cells, column) => {
      const criticality = column('criticality');
      cells[criticality] = cells[criticality] === 'high' ? 'medium' : 'high';
      cells[column('name')] += ` ${month}`;
    },
    interfaces: (cells, column) => void (cells[column('standard')] = cells[column('standard')] === 'REST' ? 'StUF' : 'REST'),
    contracts: (cells, column) => {
      const end = column('end');
      cells[end] = `${Number(cells[end].slice(0, 4)) + 1}${cells[end].slice(4)}`.replace(/-02-29$/, '-02-28');
    },
  };
  return TABLES.map(table => {
    const lines = readFileSync(join(from, `${table}.csv`), 'utf8').split('\n');
    const header = parse(lines[0])[0] as string[];
    const column = (name: string) => {
      const index = header.indexOf(name);
      if (index < 0) throw new Error(`${table}.csv: no ${name} column`);
      return index;
    };
    const out = [lines[0]];
    const added: string[] = [];
    for (let i = 1; i < lines.length; i++) {
      if (!lines[i]) continue;
      const leaf = table === 'interfaces' || table === 'contracts';
      if (leaf && i % 1000 === (month * 7 + 3) % 1000) {
        const cells = parse(lines[i])[0] as string[];
        cells[column('id')] += `-m${month}`;
        added.push(cells.map(cell => quote(cell, ',')).join(','));
        continue;
      }
      if (i % 100 !== month % 100) {
        out.push(lines[i]);
        continue;
      }
      const cells = parse(lines[i])[0] as string[];
      edits[table](cells, column);
      out.push(cells.map(cell => quote(cell, ',')).join(','));
    }
    writeFileSync(join(changedDir, `${table}.csv`), `${[...out, ...added].join('\n')}\n`);
    return join(changedDir, `${table}.csv`);
  });
}

/** The demo municipality's files with an organisation of its own (its id, and the on-premise platform named after it, renamed). */
async function municipalityFiles(dir: string): Promise<{ dir: string; files: string[] }> {
  const own = join(dir, 'own-municipality');
  rmSync(own, { recursive: true, force: true });
  await writeGeneratedCsv({ size: 'municipality' }, own, { dialect: 'en' });
  const organisation = /\n[^,]*,([^,]+),/.exec(readFileSync(join(own, 'applications.csv'), 'utf8'))![1];
  for (const table of TABLES) {
    const path = join(own, `${table}.csv`);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll(organisation, 'gemeente-bench'));
  }
  return { dir: own, files: TABLES.map(table => join(own, `${table}.csv`)) };
}

/**
 * A year of monthly re-deliveries: `months` − 1 more re-imports of 1 % (another 1 % each month), then
 * the size of what the history keeps (history/history-size.cypher) and of the database's store files.
 */
async function monthlyHistory(
  db: { driver: Driver }, dir: string, months: number, run: (name: string, files: string[]) => Promise<MethodResult>, log: (m: string) => void,
): Promise<HistorySize> {
  const storeMbBefore = storeMb();
  // Each month's files are last month's with another 1 % changed.
  for (let month = 1; month < months; month++) await run(`roer re-import, month ${month + 1} (1 % changed)`, withRowsChanged(dir, month, join(dir, `changed-${month - 1}`)));
  const [size] = await read<{ buckets: number; stateBytes: number; diffs: number; diffBytes: number; largestDiffBytes: number; headlines: number; headlineBytes: number }>(db.driver, query('history/history-size').text);
  const mb = (bytes: number) => round(bytes / 2 ** 20);
  const history = { months, buckets: size.buckets, stateMb: mb(size.stateBytes), diffs: size.diffs, diffMb: mb(size.diffBytes), largestDiffMb: mb(size.largestDiffBytes), headlines: size.headlines, headlineMb: mb(size.headlineBytes), storeMbBefore, storeMbAfter: storeMb() };
  log(`  history after ${months} monthly imports: row state ${history.stateMb} MB in ${history.buckets} buckets, ${history.diffs} run diffs ${history.diffMb} MB (largest ${history.largestDiffMb} MB), ${history.headlines} headline records ${history.headlineMb} MB; store files ${storeMbBefore} → ${history.storeMbAfter} MB`);
  return history;
}

/** The bench database's store files (data/databases/neo4j), in MB. */
export function storeMb(): number {
  const walk = (path: string): number => (statSync(path).isDirectory() ? readdirSync(path).reduce((sum, name) => sum + walk(join(path, name)), 0) : statSync(path).size);
  return round(walk(join(benchInstanceDir(), 'data', 'databases', 'neo4j')) / 2 ** 20);
}

/** The files with applications.csv replaced by a copy whose first application has another name. */
function withOneCellChanged(dir: string, files: string[]): string[] {
  const changedDir = join(dir, 'one-cell-changed');
  mkdirSync(changedDir, { recursive: true });
  const original = files.find(file => file.endsWith('applications.csv'))!;
  const lines = readFileSync(original, 'utf8').split('\n');
  const header = parse(lines[0])[0] as string[];
  const cells = parse(lines[1])[0] as string[];
  const name = header.indexOf('name');
  if (name < 0) throw new Error(`${original}: no name column to change`);
  cells[name] += ' (renamed)';
  lines[1] = cells.map(cell => quote(cell, ',')).join(',');
  const changed = join(changedDir, 'applications.csv');
  writeFileSync(changed, lines.join('\n'));
  return files.map(file => (file === original ? changed : file));
}

/** Runs bench/cypher/load-csv/*.cypher in order, each as an auto-commit query (CALL IN TRANSACTIONS needs one). */
async function loadCsv(driver: Driver, size: DemoSize) {
  for (const file of readdirSync(loadCsvDir).filter(name => name.endsWith('.cypher')).sort()) {
    const table = basename(file, '.cypher').replace(/^\d+-/, '').replace(/-runs-on$/, '');
    const session = driver.session();
    try {
      await session.run(readFileSync(join(loadCsvDir, file), 'utf8'), { url: `file:///${size}/${table}.csv` });
    } finally {
      await session.close();
    }
  }
}

/**
 * One executeQuery (one transaction) per CSV row, using the per-row body of the LOAD CSV files, on
 * the first `sample` rows of every table; the rate per table is extrapolated to all its rows.
 */
async function naive(driver: Driver, dir: string, sample: number) {
  let estimatedSeconds = 0;
  let sampleRows = 0;
  for (const file of readdirSync(loadCsvDir).filter(name => name.endsWith('.cypher')).sort()) {
    const table = basename(file, '.cypher').replace(/^\d+-/, '').replace(/-runs-on$/, '') as TableName;
    const statement = perRow(readFileSync(join(loadCsvDir, file), 'utf8'));
    const all = parse(readFileSync(join(dir, `${table}.csv`)), { columns: true, bom: true }) as Record<string, string>[];
    const rows = all.slice(0, sample).map(row => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === '' ? null : value])));
    const started = performance.now();
    for (const row of rows) await driver.executeQuery(statement, { row });
    const elapsed = seconds(started);
    sampleRows += rows.length;
    estimatedSeconds += rows.length ? (elapsed / rows.length) * all.length : 0;
  }
  return { estimatedSeconds, sampleRows };
}

/** `LOAD CSV … AS row CALL (row) { body } IN TRANSACTIONS …` → `WITH $row AS row body`. */
export function perRow(loadCsvText: string): string {
  const match = /CALL \(row\) \{([\s\S]*)\} IN TRANSACTIONS/.exec(loadCsvText);
  if (!match) throw new Error('A load-csv file must wrap its per-row body in CALL (row) { … } IN TRANSACTIONS');
  return `WITH $row AS row\n${match[1]}`;
}

type Timed<T> = { seconds: number; value?: T; error?: string; loadAverage: [number, number] };

async function timed<T>(work: () => Promise<T>): Promise<Timed<T> & { peakRssMb: number }> {
  const loadBefore = loadavg()[0];
  const started = performance.now();
  const { result, peakRssMb } = await withPeakRss(async () => {
    try {
      return { value: await work() };
    } catch (error) {
      return { error: error instanceof Error ? error.message.slice(0, 500) : String(error) };
    }
  });
  return { seconds: seconds(started), peakRssMb, loadAverage: [round(loadBefore), round(loadavg()[0])], ...result };
}

async function method(name: string, run: ChildRun, totalRows: number, driver: Driver | undefined, pid: number): Promise<MethodResult> {
  const counts = driver && !run.error ? await graphCounts(driver) : {};
  return {
    method: name,
    seconds: round(run.seconds),
    rowsPerSecond: run.error ? 0 : Math.round(totalRows / run.seconds),
    ...counts,
    ...(run.databaseSeconds !== undefined ? { databaseSeconds: run.databaseSeconds, written: run.written, headlinesSeconds: run.headlinesSeconds, headlineOrganisations: run.headlineOrganisations } : {}),
    benchPeakRssMb: run.peakRssMb,
    neo4jPeakRssMb: peakRssOfPid(pid),
    loadAverage: run.loadAverage,
    ...(run.error ? { error: run.error } : {}),
  };
}

async function graphCounts(driver: Driver) {
  const [row] = await read<{ nodes: number; relationships: number }>(
    driver,
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  return row;
}

const seconds = (started: number) => (performance.now() - started) / 1000;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
