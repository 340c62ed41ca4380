// The import pipeline: read → validate → (any issue: write nothing) → load (part of a table at a
// time) + cleanup + run record in ONE write transaction (too large for one: committed batch by batch
// and rolled back as a whole, see runStaged; or, into an empty local database, through Neo4j's offline
// importer, see runBulk) → report. Shared by the CLI, the API and the other readers (ArchiMate, demo).
import { randomUUID } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { statSync } from 'node:fs';
import { type Driver, type Session, routing } from 'neo4j-driver';
import { z } from 'zod';
import { InputError } from '../server/errors.js';
import { withHeapGrowthLimited } from '../server/heap.js';
import { database, int, read, write } from '../server/neo4j.js';
import { query } from '../server/queries.js';
import { applySchema } from '../server/schema.js';
import { type BulkTarget, assertEmptyForBulk, bulkLoad } from './bulk.js';
import { type GraphRows, type LoadCounts, type RemovedCounts, cleanup, load, previouslyAsserted, rowCount, tablePhases } from './load.js';
import { type Aliases, type FileInput, type Mapping, parseAliases, parseMapping } from './mapping.js';
import { COLUMNS, TABLES, type Landscape, type TableName, Landscape as LandscapeSchema } from './model.js';
import { type RawTable, DEFAULT_SIZE_LIMIT_BYTES, filesFromPaths, readTables, tableFor } from './read.js';
import { type UnchangedSince, landscapeDigest, sampleUids, unchangedSince } from './unchanged.js';
import { type ExtraColumns, type Issue, type Lookup, type Merge, type Validation, validate } from './validate.js';

export const Source = z
  .string()
  .min(1, 'a source name')
  .max(200, 'a source name of at most 200 characters')
  .regex(/^[A-Za-z0-9:._/-]+$/, 'a source name of letters, digits and : . _ / - (no spaces, no #)');

/** `done` and `total` count the rows of the tables imported. */
export type Progress = { phase: 'validate' | 'load' | 'cleanup' | 'done'; done: number; total: number };

export type ImportOptions = {
  /** Provenance name such as `csv:gemeente-a`; default derived from the folder or file names. */
  source?: string;
  user?: string;
  dryRun?: boolean;
  /** A `roer-mapping.json` path or file; or `mapping` as an object. */
  mappingFile?: string | FileInput;
  mapping?: Mapping;
  /** A `roer-aliases.json` path or file; or `aliases` as an object. */
  aliasFile?: string | FileInput;
  aliases?: Aliases;
  sizeLimitBytes?: number;
  /** Called during the load; an error thrown here aborts the import and rolls everything back. */
  onProgress?: (progress: Progress) => void;
  /**
   * Up to this many nodes and relationships (default 200,000: a region) load in one transaction. A
   * larger import commits as it goes and is rolled back as a whole if it fails (see runStaged).
   */
  transactionRows?: number;
  /**
   * Load through Neo4j's offline importer into this local instance, whose database must be empty
   * (importers/bulk.ts): the instance is stopped while it loads and started again.
   */
  bulk?: BulkTarget;
};

export const DEFAULT_TRANSACTION_ROWS = 200_000;
/** Batches of a staged import that load at once (see runStaged). */
const STAGED_LANES = 2;

export type TableReport = { read: number; created: number; updated: number; unchanged: number; removed: number; errors: number };

export type ImportReport = {
  runId: string | null;
  source: string;
  dryRun: boolean;
  ok: boolean;
  issues: Issue[];
  tables: Record<TableName, TableReport>;
  /** Everything written or removed, per node label and relationship type. */
  graph: { nodes: LoadCounts; removed: RemovedCounts };
  merges: Merge[];
  extraColumns: ExtraColumns[];
  files: string[];
  durationMs: number;
  /** The run before, when this one found the files unchanged since and wrote nothing but its run record. */
  unchangedSince: { runId: string; finishedAt: string } | null;
};

export type ImportRun = { runId: string; source: string; startedAt: string; finishedAt: string; user: string; files: string[]; counts: Record<string, unknown>; status: string; unchangedSince: string | null };

const LABEL_OF: Record<TableName, string> = { suppliers: 'Supplier', platforms: 'Platform', applications: 'Application', interfaces: 'Interface', contracts: 'Contract' };

/** Files (in memory, or paths to files and folders) → the graph, or the list of what to fix. */
export async function importFiles(driver: Driver, files: (FileInput | string)[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const limit = options.sizeLimitBytes ?? DEFAULT_SIZE_LIMIT_BYTES;
  const paths = files.filter((file): file is string => typeof file === 'string');
  const inputs = [...files.filter((file): file is FileInput => typeof file !== 'string'), ...filesFromPaths(paths, limit)];
  const source = checkSource(options.source ?? defaultSource(inputs.map(file => file.name), paths));
  const mapping = options.mapping ?? (options.mappingFile ? parseMapping(options.mappingFile) : undefined);
  const aliases = options.aliases ?? (options.aliasFile ? parseAliases(options.aliasFile) : undefined);
  const runOptions = { ...options, source, aliases, files: inputs.map(file => file.name), started };
  if (options.bulk) await assertEmptyForBulk(driver);
  // The files are handed over (splice), so their contents are not kept while the import loads.
  return checkAndRun(driver, () => readTables(inputs.splice(0), { mapping, sizeLimitBytes: limit }), runOptions);
}

/** An already parsed Landscape (ArchiMate, demo generator) through the same checks and load. */
export async function importLandscape(
  driver: Driver,
  landscape: Landscape,
  options: Omit<ImportOptions, 'mappingFile' | 'mapping' | 'sizeLimitBytes'> & { source: string; files?: string[] },
): Promise<ImportReport> {
  const started = Date.now();
  const source = checkSource(options.source);
  const aliases = options.aliases ?? (options.aliasFile ? parseAliases(options.aliasFile) : undefined);
  const files = options.files ?? [source];
  const runOptions = { ...options, source, aliases, files, started };
  return checkAndRun(driver, async () => landscapeTables(LandscapeSchema.parse(landscape), files[0]), runOptions);
}

type RunOptions = ImportOptions & { source: string; files: string[]; started: number };
/** What validation found, without the validated landscape itself. */
type Checked = Omit<Validation, 'landscape'>;

/** The whole import, read to report, as a large job for the heap (withHeapGrowthLimited). */
const checkAndRun = (driver: Driver, readInput: () => Promise<RawTable[]>, options: RunOptions) =>
  withHeapGrowthLimited(async () => run(driver, await checked(driver, readInput, options), options));

/**
 * Reads and validates the tables; a valid landscape is what the load needs (none for a dry run). The
 * raw tables go no further than this function: the load should not carry them.
 */
async function checked(driver: Driver, readInput: () => Promise<RawTable[]>, options: RunOptions): Promise<{ validation: Checked; landscape: Landscape | null }> {
  let tables: RawTable[] | null = await readInput();
  const { landscape, ...validation } = await validate(tables, { lookup: databaseLookup(driver, options.source), aliases: options.aliases });
  tables = null;
  return { validation, landscape: validation.issues.length === 0 && !options.dryRun ? landscape : null };
}

async function run(driver: Driver, { validation, landscape }: { validation: Checked; landscape: Landscape | null }, options: RunOptions): Promise<ImportReport> {
  const { source, started } = options;
  const report: ImportReport = {
    runId: null,
    source,
    dryRun: options.dryRun ?? false,
    ok: validation.issues.length === 0,
    issues: validation.issues,
    tables: Object.fromEntries(TABLES.map(table => [table, { read: validation.read[table], created: 0, updated: 0, unchanged: 0, removed: 0, errors: validation.errors[table] }])) as Record<TableName, TableReport>,
    graph: { nodes: {}, removed: {} },
    merges: validation.merges,
    extraColumns: validation.extraColumns,
    files: options.files,
    durationMs: 0,
    unchangedSince: null,
  };
  if (!report.ok || report.dryRun || !landscape) return { ...report, durationMs: Date.now() - started };

  const runId = randomUUID();
  const total = TABLES.reduce((sum, table) => sum + landscape[table].length, 0);
  const loadOptions = { ...options, runId, total, digest: landscapeDigest(landscape) };
  const unchanged = options.bulk ? null : await recordIfUnchanged(driver, sampleUids(landscape), validation, loadOptions);
  const loaded = unchanged ?? (options.bulk
    ? await runBulk(driver, tablePhases(landscape), validation, { ...loadOptions, bulk: options.bulk })
    : await runOnline(driver, landscape, validation, loadOptions));
  for (const table of TABLES) Object.assign(report.tables[table], countsFor(table, validation.read[table], loaded.counts, loaded.removed));
  const since = unchanged ? { runId: unchanged.since.runId, finishedAt: unchanged.since.finishedAt } : null;
  return { ...report, runId, graph: { nodes: loaded.counts, removed: loaded.removed }, durationMs: Date.now() - started, unchangedSince: since };
}

type LoadOptions = RunOptions & { runId: string; total: number; digest: string };
type Loaded = { counts: LoadCounts; removed: RemovedCounts };
type Phase = { rows: GraphRows; tableRows: number };

/** Through Cypher: in one transaction when it fits, else staged. */
function runOnline(driver: Driver, landscape: Landscape, validation: Checked, options: LoadOptions): Promise<Loaded> {
  const sized = fitsOneTransaction(tablePhases(landscape), options.transactionRows ?? DEFAULT_TRANSACTION_ROWS);
  return sized.fits ? runInOneTransaction(driver, sized.phases, validation, options) : runStaged(driver, sized.phases, validation, options);
}

/**
 * Whether the load fits one transaction (`limit` nodes and relationships), decided on as few phases
 * as that takes: phases are made only until their rows pass the limit, so a large import is never
 * made whole to ask. If it fits, all its phases are made (an array: the driver may run a transaction
 * function again); if not, they come one by one, the ones already made first.
 */
function fitsOneTransaction(phases: IterableIterator<Phase>, limit: number): { fits: true; phases: Phase[] } | { fits: false; phases: Iterable<Phase> } {
  const ahead: Phase[] = [];
  let size = 0;
  for (let next = phases.next(); !next.done; next = phases.next()) {
    ahead.push(next.value);
    size += rowCount(next.value.rows);
    if (size > limit) break;
  }
  if (size <= limit) return { fits: true, phases: ahead };
  const all = function* () {
    while (ahead.length > 0) yield ahead.shift()!; // let go of each phase once the load has it
    yield* phases;
  };
  return { fits: false, phases: all() };
}

/**
 * The phases' graph rows for load(), and its progress (nodes and relationships written so far) told in
 * table rows: a phase's table rows advance with the share of its graph rows written (at most all of
 * them: what an earlier phase wrote is not written again).
 */
function inTableRows(phases: Iterable<Phase>, options: LoadOptions): { rows: Iterable<GraphRows>; written: (count: number) => void } {
  const progress = options.onProgress ?? (() => {});
  let rowsBefore = 0;
  let writtenBefore = 0;
  let writtenNow = 0;
  let current = { tableRows: 0, size: 0 };
  const rows = function* () {
    for (const phase of phases) {
      rowsBefore += current.tableRows;
      writtenBefore = writtenNow;
      current = { tableRows: phase.tableRows, size: rowCount(phase.rows) };
      yield phase.rows;
    }
  };
  const written = (count: number) => {
    writtenNow = count;
    const share = Math.min(1, (count - writtenBefore) / Math.max(1, current.size));
    progress({ phase: 'load', done: rowsBefore + Math.round(current.tableRows * share), total: options.total });
  };
  return { rows: rows(), written };
}

/** Load, cleanup and run record in one write transaction: readers see all of the import or none of it. */
async function runInOneTransaction(driver: Driver, phases: Phase[], validation: Checked, options: LoadOptions): Promise<Loaded> {
  const { source, runId, total } = options;
  const progress = options.onProgress ?? (() => {});
  const session = driver.session({ database: database() });
  try {
    const loaded = await session.executeWrite(async tx => {
      progress({ phase: 'load', done: 0, total });
      const previous = await previouslyAsserted(tx, source);
      const { rows, written } = inTableRows(phases, options);
      const { counts, reasserted, stamped, overwrote } = await load(tx, rows, { source, runId }, written);
      progress({ phase: 'cleanup', done: total, total });
      const removed = await cleanup(tx, { source, runId }, { previouslyAsserted: previous, reasserted });
      await tx.run(query('import/record-run').text, runRecord(options, { finishedAt: new Date().toISOString(), counts: runCounts(validation, counts, removed), status: 'ok', asserted: int(stamped), overwrote }));
      return { counts, removed };
    }, { metadata: { app: 'roer-import', runId, source } });
    progress({ phase: 'done', done: total, total });
    return loaded;
  } finally {
    await session.close();
  }
}

/**
 * Files unchanged since the source's latest run (importers/unchanged.ts): only a run record, which
 * counts every node of the tables as unchanged and says which stamp the facts still carry. The check
 * and the record are one transaction.
 */
async function recordIfUnchanged(driver: Driver, uids: string[], validation: Checked, options: LoadOptions): Promise<(Loaded & { since: UnchangedSince }) | null> {
  const { source, total } = options;
  const session = driver.session({ database: database() });
  try {
    const unchanged = await session.executeWrite(async tx => {
      const since = await unchangedSince(tx, source, options.digest, uids);
      if (!since) return null;
      const before = (JSON.parse(since.counts) as { tables?: Partial<Record<TableName, { created: number; updated: number; unchanged: number }>> }).tables ?? {};
      const counts: LoadCounts = Object.fromEntries(TABLES.map(table => {
        const { created = 0, updated = 0, unchanged = 0 } = before[table] ?? {};
        return [LABEL_OF[table], { created: 0, updated: 0, unchanged: created + updated + unchanged }];
      }));
      const removed: RemovedCounts = {};
      await tx.run(query('import/record-run').text, runRecord(options, {
        finishedAt: new Date().toISOString(), counts: runCounts(validation, counts, removed), status: 'ok', asserted: since.asserted, stamp: since.stamp, unchangedSince: since.runId, overwrote: [],
      }));
      return { counts, removed, since };
    }, { metadata: { app: 'roer-import', runId: options.runId, source } });
    if (unchanged) options.onProgress?.({ phase: 'done', done: total, total });
    return unchanged;
  } finally {
    await session.close();
  }
}

/**
 * A bulk load (importers/bulk.ts) into the empty database, then Roer's schema and the run record: an
 * empty database has nothing stale to clean up and nothing to undo.
 */
async function runBulk(driver: Driver, phases: Iterable<Phase>, validation: Checked, options: LoadOptions & { bulk: BulkTarget }): Promise<Loaded> {
  const { source, runId, total } = options;
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'load', done: 0, total });
  const { rows, written } = inTableRows(phases, options);
  const removed: RemovedCounts = {};
  const { counts } = await bulkLoad(driver, rows, options.bulk, { source, runId }, written, async loaded => {
    await applySchema(driver);
    await write(driver, query('import/record-run').text, runRecord(options, { finishedAt: new Date().toISOString(), counts: runCounts(validation, loaded.counts, removed), status: 'ok', asserted: int(loaded.stamped), overwrote: [] }));
  });
  progress({ phase: 'done', done: total, total });
  return { counts, removed };
}

/** Runs of this process that are committing in several transactions (not to be rolled back as abandoned). */
const activeRuns = new Set<string>();

/**
 * An import too large for one transaction (Neo4j holds a transaction's changes in memory; the country
 * needs several GB): a run record with status `loading`, then the load committed batch by batch with
 * undo records for whatever existed, then cleanup and status `ok` in one last transaction. Any
 * failure, or an interruption found later (rollBackUnfinishedImports), rolls the whole run back.
 * Readers may see the new data arrive while it loads.
 */
async function runStaged(driver: Driver, phases: Iterable<Phase>, validation: Checked, options: LoadOptions): Promise<Loaded> {
  const { source, runId, total } = options;
  const progress = options.onProgress ?? (() => {});
  await rollBackUnfinishedImports(driver, source);
  activeRuns.add(runId);
  const session = driver.session({ database: database() });
  // Every load query (a batch of 5,000 nodes and relationships) commits on its own, two at a time:
  // measured on the country, batches of 5,000 loaded in 115 s where transactions of 200,000 took
  // 150 s, and a second lane keeps Neo4j busy while the other batch travels or commits. The driver
  // retries a batch that failed transiently (a deadlock between the lanes); a failed batch wrote
  // nothing, so the retry writes the same.
  const metadata = { app: 'roer-import', runId, source };
  const writer = { run: (text: string, params: Record<string, unknown>) => driver.executeQuery(text, params, { database: database(), routing: routing.WRITE, transactionConfig: { metadata } }) };
  try {
    await session.executeWrite(tx => tx.run(query('import/record-run').text, runRecord(options, { finishedAt: null, counts: '{}', status: 'loading', asserted: null, overwrote: null })));
    const previous = await session.executeRead(tx => previouslyAsserted(tx, source));
    progress({ phase: 'load', done: 0, total });
    const { rows, written } = inTableRows(phases, options);
    const { counts, reasserted, stamped, overwrote } = await load(writer, rows, { source, runId }, written, { staged: true, lanes: STAGED_LANES });
    progress({ phase: 'cleanup', done: total, total });
    const removed = await session.executeWrite(async tx => {
      const removed = await cleanup(tx, { source, runId }, { previouslyAsserted: previous, reasserted });
      await tx.run(query('import/finish-run').text, { runId, finishedAt: new Date().toISOString(), counts: runCounts(validation, counts, removed), asserted: int(stamped), overwrote });
      return removed;
    }, { metadata });
    progress({ phase: 'done', done: total, total });
    return { counts, removed };
  } catch (error) {
    // If even the rollback fails (Neo4j gone), the run stays `loading` and is rolled back at the next start.
    await rollBackRun(session, runId, source).catch(() => {});
    throw error;
  } finally {
    activeRuns.delete(runId);
    await session.close();
  }
}

/** Undoes a run committed in several transactions (cypher/import/rollback.cypher, statement by statement). */
async function rollBackRun(session: Session, runId: string, source: string): Promise<void> {
  for (const statement of query('import/rollback').statements) await session.run(statement, { runId, stamp: `${source}#${runId}` });
}

/** Rolls back runs that never finished (of `source`, or all): at start-up and before a large import. */
export async function rollBackUnfinishedImports(driver: Driver, source: string | null = null): Promise<string[]> {
  const unfinished = await read<{ runId: string; source: string }>(driver, query('import/unfinished-runs').text, { source });
  const abandoned = unfinished.filter(run => !activeRuns.has(run.runId));
  const session = driver.session({ database: database() });
  try {
    for (const run of abandoned) await rollBackRun(session, run.runId, run.source);
  } finally {
    await session.close();
  }
  return abandoned.map(run => run.runId);
}

/**
 * The parameters of cypher/import/record-run: who, when and what, plus how the run ended (or that it
 * is loading). A run that writes stamps the source's facts with its own stamp.
 */
const runRecord = (options: LoadOptions, outcome: { finishedAt: string | null; counts: string; status: string; asserted: unknown; overwrote: string[] | null; stamp?: string; unchangedSince?: string }) => ({
  runId: options.runId, source: options.source, startedAt: new Date(options.started).toISOString(), user: options.user ?? 'unknown', files: options.files,
  digest: options.digest, stamp: `${options.source}#${options.runId}`, unchangedSince: null, ...outcome,
});

const runCounts = (validation: Checked, counts: LoadCounts, removed: RemovedCounts) => JSON.stringify({
  tables: Object.fromEntries(TABLES.map(table => [table, countsFor(table, validation.read[table], counts, removed)])), removed, merges: validation.merges.length,
});

function countsFor(table: TableName, readRows: number, counts: LoadCounts, removed: RemovedCounts) {
  const label = LABEL_OF[table];
  const { created = 0, updated = 0, unchanged = 0 } = counts[label] ?? {};
  return { read: readRows, created, updated, unchanged, removed: removed[label] ?? 0 };
}

/** History of imports, newest first. */
export async function listImportRuns(driver: Driver, options: { source?: string; limit?: number } = {}): Promise<ImportRun[]> {
  const rows = await read<Omit<ImportRun, 'counts'> & { counts: string }>(driver, query('import/runs').text, {
    source: options.source ?? null,
    limit: int(Math.max(1, Math.min(1000, Math.trunc(options.limit ?? 100)))),
  });
  return rows.map(row => ({ ...row, counts: JSON.parse(row.counts) }));
}

/** The database side of validation: one query per table, never per row. */
export function databaseLookup(driver: Driver, source: string): Lookup {
  const sourcePrefix = `${source}#`;
  return {
    existingUids: async uids => new Set((await read<{ uid: string }>(driver, query('import/existing-uids').text, { uids, sourcePrefix })).map(row => row.uid)),
    suppliersByName: names => read(driver, query('import/suppliers-by-name').text, { names, sourcePrefix }),
    applicationOrganisations: ids => read(driver, query('import/application-organisations').text, { ids, sourcePrefix }),
  };
}

function checkSource(source: string): string {
  const result = Source.safeParse(source);
  if (!result.success) throw new InputError(`Source name "${source}": expected ${result.error.issues[0].message}`);
  return result.data;
}

/**
 * `csv:<folder>` for a folder, `xlsx:<workbook>` for a workbook, else `csv:<common prefix of the
 * file names>` (gemeente-a-applications.csv + gemeente-a-suppliers.csv → csv:gemeente-a).
 */
export function defaultSource(names: string[], paths: string[] = []): string {
  const kind = names.some(name => /\.xlsx$/i.test(name)) ? 'xlsx' : 'csv';
  const clean = (text: string) => text.replace(/[^A-Za-z0-9._/-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  const folder = paths.find(path => isDirectory(path));
  if (folder) return `${kind}:${clean(basename(folder.replace(/\/+$/, '')) || 'import')}`;
  if (kind === 'xlsx' && names.length === 1) return `xlsx:${clean(names[0].replace(/\.xlsx$/i, '')) || 'import'}`;
  const stems = names.map(name => {
    const stem = basename(name).replace(/\.[^.]*$/, '');
    const table = tableFor(name);
    return table ? stem.replace(/[A-Za-z]+$/, '') : stem;
  });
  let prefix = stems[0] ?? '';
  for (const stem of stems) while (!stem.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const fromPaths = paths.length ? clean(basename(dirname(paths[0]))) : '';
  return `${kind}:${clean(prefix) || fromPaths || 'import'}`;
}

const isDirectory = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** A parsed Landscape as raw tables, so it goes through exactly the same cross-checks. */
function landscapeTables(landscape: Landscape, file: string): RawTable[] {
  return TABLES.filter(table => landscape[table].length > 0).map(table => ({
    table,
    file: `${file}[${table}]`,
    headerLine: 0,
    columns: Object.fromEntries(Object.keys(COLUMNS[table]).map(field => [field, field])),
    extraColumns: [],
    issues: [],
    rows: (landscape[table] as { extra: Record<string, unknown> }[]).map((row, index) => {
      const { extra, ...values } = row;
      return { line: index + 1, values: values as Record<string, string>, extra: extra as Record<string, string> };
    }),
  }));
}
