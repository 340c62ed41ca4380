// The import pipeline: read → validate → (any issue: write nothing) → load (part of a table at a
// time) + cleanup + run record in ONE write transaction (too large for one: committed batch by batch
// and rolled back as a whole, see runStaged; or, into an empty local database, through Neo4j's offline
// importer, see runBulk) → report. Shared by the CLI, the API and the other readers (ArchiMate, demo).
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname } from 'node:path';
import { statSync } from 'node:fs';
import { type Driver, type ManagedTransaction, type Session, routing } from 'neo4j-driver';
import { z } from 'zod';
import { ConflictError, InputError, UnavailableError } from '../server/errors.js';
import { answerAs, answers } from '../server/presence.js';
import { withHeapGrowthLimited } from '../server/heap.js';
import { database, int, read, write } from '../server/neo4j.js';
import { query } from '../server/queries.js';
import { applySchema } from '../server/schema.js';
import { recordHeadlines } from '../server/analyses/headlines.js';
import { type BulkTarget, assertEmptyForBulk, bulkLoad } from './bulk.js';
import { type FactDiff, type RowChange, type RowDiff, type TableDiff, assertedSample, changedRows, diffTables, factDiff } from './diff.js';
import { DETAIL_LIMIT, type RunDiffRecord, type RunKind, nextSeq, organisationsOf, writeRunDiff } from './history.js';
import { resolveLandscapeReferences } from './catalogue.js';
import { type CatalogueResolution, catalogueResolution } from './catalogue-changes.js';
import { type CleanupScope, type GraphRows, type LoadCounts, type LoadResult, type RemovedCounts, type QueryRunner, CATALOGUE_LABELS, CATALOGUE_SOURCE, NODE_LABELS, cleanup, hasRows, hash, load, previouslyAsserted, promoteQuery, removalStatements, removeFacts, rowCount, scopeLabels, tablePhases } from './load.js';
import { type Statement, planAhead } from './plan-ahead.js';
import { type Aliases, type FileInput, type Mapping, parseAliases, parseMapping } from './mapping.js';
import { COLUMNS, TABLES, type Landscape, type OrganisationRow, type TableName, Landscape as LandscapeSchema, uid } from './model.js';
import { type RawTable, DEFAULT_SIZE_LIMIT_BYTES, filesFromPaths, readTables, tableFor } from './read.js';
import { DEFAULT_MAX_REMOVAL_SHARE, type RemovalPlan, describeRemovals, planRemovals, planRemovalsOfDiff } from './removals.js';
import { type Bucket, type HashedTable, type PackedState, type TableState, hashTables, packTables, readTableStates, writeState } from './row-state.js';
import { type RawInfo, type StoredIndex, CarryUndone, carriedApplications, carriedCounts, carryUnchanged, carryable as carryableRows, checkCarried, indexUnchanged, indexesToWrite, mergePairs, readIndexes, writeIndexes } from './raw-index.js';
import { graphCode, importDigest, stillAsserted } from './unchanged.js';
import { type ExtraColumns, type Issue, type Lookup, type Merge, type Validation, supplierMerges, validate } from './validate.js';

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
  /**
   * Whether the import may remove more of the source's facts than `maxRemovalShare` of any kind, or
   * remove anything of a source it did not name (see importers/removals.ts).
   */
  allowRemovals?: boolean;
  /** Default 0.2 (ROER_IMPORT_MAX_REMOVAL_SHARE). */
  maxRemovalShare?: number;
  /**
   * Whether the headline numbers of the organisations the run touched are recorded once it has
   * committed (server/analyses/headlines.ts; default true): what GET /api/changes and /api/trends read.
   */
  headlines?: boolean;
};

export const DEFAULT_TRANSACTION_ROWS = 200_000;
/** Batches of a staged import that load at once (see runStaged). */
const STAGED_LANES = 2;

/** `merged`: of the suppliers, rows merged into another supplier row of the files (counted in `read`, in nothing else); absent when none. */
export type TableReport = { read: number; created: number; updated: number; unchanged: number; removed: number; errors: number; merged?: number };

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
  /** What the import removes (a dry run: would remove); null when it has problems or found its files unchanged. */
  removals: RemovalPlan | null;
  /**
   * The import did not name its source, and the organisations in its files are held by other sources
   * only: it probably means to update one of those (`existing`), not to start `proposed`. It writes
   * nothing until a source is named.
   */
  sourceUnclear: { proposed: string; existing: string[] } | null;
  /**
   * A source named for the first time, whose files' organisations other sources already hold: it is imported
   * beside them, which is allowed, but a user following an example name meant to update one of them. Said, not blocked.
   */
  alongside?: string[] | null;
  /** The import would remove more than it may without being told (allowRemovals), or its source is unclear, so it wrote nothing. */
  confirmationNeeded: boolean;
  /**
   * How the import wrote (null: it did not): `diff` only the rows added, changed and removed; `unchanged`
   * nothing; `initial`, `full` or `model` everything (see importers/history.ts).
   */
  written: RunKind | null;
  /**
   * The headline numbers recorded after the run, for how many organisations and in how long (not in
   * durationMs: the import had committed), or why they were not.
   */
  headlines: { organisations: number; durationMs: number } | { error: string } | null;
  /** The organisations whose numbers the run may have changed (touchedOrganisations): those `headlines` recorded. */
  organisations: string[];
  /** Rows counted as updated only because the catalogue renamed components they name (catalogue-changes.ts); absent when none. */
  catalogue?: CatalogueResolution;
  /** Rows not read again because the files hold them as the source delivered them last time (importers/raw-index.ts); absent when none. */
  carried?: Partial<Record<TableName, number>>;
};

export type ImportRun = { runId: string; source: string; startedAt: string; finishedAt: string; user: string; files: string[]; counts: Record<string, unknown>; status: string; unchangedSince: string | null; removalsConfirmed: boolean; written?: string | null };

const LABEL_OF: Record<TableName, string> = { suppliers: 'Supplier', platforms: 'Platform', applications: 'Application', interfaces: 'Interface', contracts: 'Contract' };

/** Files (in memory, or paths to files and folders) → the graph, or the list of what to fix. */
export async function importFiles(driver: Driver, files: (FileInput | string)[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const limit = options.sizeLimitBytes ?? DEFAULT_SIZE_LIMIT_BYTES;
  const paths = files.filter((file): file is string => typeof file === 'string');
  const given = files.filter((file): file is FileInput => typeof file !== 'string');
  let inputs = [...given, ...filesFromPaths(paths, limit)];
  const names = inputs.map(file => file.name);
  if (options.source !== undefined) checkSource(options.source);
  const mapping = options.mapping ?? (options.mappingFile ? parseMapping(options.mappingFile) : undefined);
  const aliases = options.aliases ?? (options.aliasFile ? parseAliases(options.aliasFile) : undefined);
  if (options.bulk) await assertEmptyForBulk(driver);
  return checkAndRun(driver, async carry => {
    // Files are let go of as they are read (readTables), so the import does not keep their bytes; a
    // second attempt, reading every row (CarryUndone), takes them from the disk again.
    if (inputs.length === 0) inputs = [...given, ...filesFromPaths(paths, limit)];
    // Rows the source delivered as they are now are not read (importers/raw-index.ts): its index is
    // read first, when the source is known before the files are.
    const early = options.source ?? sourceOfNames(names, paths);
    const states = early && !options.bulk ? await readTableStates(driver, early) : new Map<TableName, TableState>();
    const stored = carry && early && states.size > 0 ? await readIndexes(driver, early) : null;
    // Which rows may stay unread depends on the supplier merges, so the suppliers are read first.
    const merges = stored ? await mergesBeforeReading(driver, inputs, early!, { mapping, sizeLimitBytes: limit, aliases }) : null;
    const carryable = (table: TableName) => (stored?.has(table) && merges ? carryableRows(stored.get(table)!, merges) : undefined);
    const tables = await readTables(inputs.splice(0), { mapping, sizeLimitBytes: limit, carry: carryable });
    const present = new Set(tables.map(table => table.table));
    const source = options.source ?? defaultSource(names, paths, organisationsIn(tables));
    if (source !== early && tables.some(table => table.carried)) throw new CarryUndone('the source is named after the rows');
    // Only the tables the files contain are the import's to clean up: the others stay as they are.
    const scope = TABLES.every(table => present.has(table)) ? null : TABLES.filter(table => present.has(table));
    return { tables, stored, states, merges, fromFiles: true, run: { ...options, mapping, source, named: options.source !== undefined, aliases, files: names, started, scope } };
  });
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
  const run = { ...options, source, named: true, aliases, files, started, scope: null };
  return checkAndRun(driver, async () => {
    const parsed = LandscapeSchema.parse(landscape);
    return { tables: landscapeTables(parsed, files[0]), organisations: parsed.organisations, stored: null, states: new Map(), merges: null, fromFiles: false, run };
  });
}

type RunOptions = ImportOptions & {
  source: string;
  /** Whether the caller named the source (else it was made from the file names or organisations). */
  named: boolean;
  files: string[];
  started: number;
  /** The tables the import contains when not all of them (see cleanup). */
  scope: CleanupScope;
};
/** What validation found, without the validated landscape itself. */
type Checked = Omit<Validation, 'landscape'>;
/**
 * `organisations`: what a reader (the Softwarecatalogus) knows of the organisations beyond their ids;
 * not a spreadsheet table. `stored`: the source's raw-row indexes, read before its files
 * (importers/raw-index.ts); `states`: its row state as read then.
 */
type Input = { tables: RawTable[]; organisations?: OrganisationRow[]; run: RunOptions; stored: Map<TableName, StoredIndex> | null; states: Map<TableName, TableState>; merges: Merge[] | null; fromFiles: boolean };

/**
 * The whole import, read to report, as a large job for the heap (withHeapGrowthLimited). An import
 * that carried unchanged rows but turns out to be written whole is read and validated again, whole.
 * Then the headline numbers of the organisations it touched, once its files and rows are out of
 * reach: recorded while they were still held, the country's 1 % re-import peaked at 680–720 MB.
 */
async function checkAndRun(driver: Driver, readInput: (carry: boolean) => Promise<Input>): Promise<ImportReport> {
  let touched: Touched | null = null;
  const report = await withHeapGrowthLimited(async () => {
    const attempt = async (carry: boolean) => {
      const { input, options } = await checked(driver, readInput, carry);
      return run(driver, input, options, found => (touched = found));
    };
    return attempt(true)
      .catch(error => (error instanceof CarryUndone ? attempt(false) : Promise.reject(error)))
      .catch(error => {
        throw tooLittleMemory(error) ?? error;
      });
  });
  const toRecord: Touched | null = touched;
  return toRecord && report.runId ? withHeapGrowthLimited(() => withHeadlines(driver, { ...report, runId: report.runId! }, toRecord)) : report;
}


/** Neo4j's codes for a transaction that outgrew the memory it may use (dbms.memory.transaction.total.max, db.memory.transaction.max). */
const MEMORY_CODES = new Set(['Neo.TransientError.General.MemoryPoolOutOfMemoryError', 'Neo.ClientError.General.TransactionOutOfMemoryError', 'Neo.TransientError.General.TransactionMemoryLimit']);

/**
 * A load too large for the memory Neo4j gives one transaction, said so that its reader can act: the
 * whole country's last transaction holds about 1 GB (docs/operations.md). The import was rolled back.
 */
function tooLittleMemory(error: unknown): UnavailableError | null {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string' || !MEMORY_CODES.has(code)) return null;
  return new UnavailableError(
    'Neo4j has too little memory for this import; nothing was written. Give Roer\'s own Neo4j more (NEO4J_HEAP=3g for the whole country), or raise the heap and dbms.memory.transaction.total.max of your own Neo4j server. '
    + '/ Neo4j heeft te weinig geheugen voor deze import; er is niets geschreven. Geef Roers eigen Neo4j meer geheugen (NEO4J_HEAP=3g voor het hele land), of verhoog het heapgeheugen en dbms.memory.transaction.total.max van uw eigen Neo4j-server.',
  );
}

/**
 * Reads and validates the tables; a valid landscape is what the load (and the removal plan of a dry
 * run) needs. The raw tables go no further than this function: the load should not carry them.
 */
async function checked(driver: Driver, readInput: (carry: boolean) => Promise<Input>, carry: boolean): Promise<{ input: Checked & { landscape: Landscape | null; raw: RawInfo | null }; options: RunOptions }> {
  const input = await readInput(carry);
  let { tables }: { tables: RawTable[] | null } = input;
  const { organisations, run: options } = input;
  const lookup = databaseLookup(driver, options.source, options.scope);
  const raw = input.fromFiles ? await carryUnchanged(driver, tables, input.stored, input.states, { code: graphCode(), mapping: options.mapping, aliases: options.aliases, merges: input.merges }) : null;
  const { landscape, ...validation } = await validate(tables, { lookup, aliases: options.aliases, carriedApplications: carriedApplications(raw) });
  tables = null;
  if (raw && validation.issues.length === 0) await checkCarried(raw, landscape, validation.merges, lookup);
  for (const [table, count] of carriedCounts(raw)) validation.read[table] += count;
  if (organisations?.length) landscape.organisations = organisations;
  // Reference components by the catalogue's current names, before the rows are hashed: a renamed
  // component resolves to its new node, and a row whose resolution changed is a changed row.
  if (validation.issues.length === 0 && options.source !== CATALOGUE_SOURCE) await resolveLandscapeReferences(driver, landscape);
  return { input: { ...validation, landscape: validation.issues.length === 0 ? landscape : null, raw }, options };
}

/** `touches`: told, when the run committed and its headline numbers are wanted, what it changed that they depend on. */
async function run(driver: Driver, { landscape, raw, ...validation }: Checked & { landscape: Landscape | null; raw: RawInfo | null }, options: RunOptions, touches: (touched: Touched) => void): Promise<ImportReport> {
  const { source, started } = options;
  const report: ImportReport = {
    runId: null,
    source,
    dryRun: options.dryRun ?? false,
    ok: validation.issues.length === 0,
    issues: validation.issues,
    tables: Object.fromEntries(TABLES.map(table => [table, { read: validation.read[table], created: 0, updated: 0, unchanged: 0, removed: 0, errors: validation.errors[table], ...mergedOf(validation, table) }])) as Record<TableName, TableReport>,
    graph: { nodes: {}, removed: {} },
    merges: validation.merges,
    extraColumns: validation.extraColumns,
    files: options.files,
    durationMs: 0,
    unchangedSince: null,
    removals: null,
    sourceUnclear: null,
    confirmationNeeded: false,
    written: null,
    headlines: null,
    organisations: [],
    ...(raw?.carried.size ? { carried: Object.fromEntries(carriedCounts(raw)) } : {}),
  };
  if (!report.ok || !landscape) return { ...report, durationMs: Date.now() - started };
  // Files that do not name their source, whose organisations other sources hold: nothing is planned or written until it is named.
  const sourceUnclear = options.named ? null : await unclearSource(driver, landscape, source);
  if (sourceUnclear && !report.dryRun) return { ...report, ok: false, sourceUnclear, confirmationNeeded: true, durationMs: Date.now() - started };
  const alongside = options.named ? (await unclearSource(driver, landscape, source))?.existing : undefined;
  if (alongside?.length) report.alongside = alongside;
  const plan = await planImport(driver, landscape, options, raw);
  const removalsOf = async () => plan.kind === 'diff' || plan.kind === 'unchanged'
    ? planRemovalsOfDiff(driver, plan.changes.filter(change => change.kind === 'removed'), assertedRows(plan), { source, named: options.named, maxShare: options.maxRemovalShare })
    // A source that never ran asserts nothing (stamps come from runs; a rolled-back run takes its own off): no scan for it.
    : plan.kind === 'initial' && (await read(driver, query('import/latest-run').text, { source })).length === 0
      ? nothingRemoved(source, options)
      : planRemovals(driver, landscape, { source, named: options.named, scope: options.scope, maxShare: options.maxRemovalShare });
  // Rows the catalogue re-resolved, said apart from rows the files changed.
  const catalogue = plan.kind === 'diff' ? await catalogueResolution(driver, plan.changes) : null;
  if (catalogue) report.catalogue = catalogue;
  if (report.dryRun) {
    if (plan.diff) fillTables(report, validation, plan.diff, null);
    return { ...report, removals: await removalsOf(), sourceUnclear, durationMs: Date.now() - started };
  }

  const runId = randomUUID();
  const total = plan.kind === 'diff' ? plan.diff.size : TABLES.reduce((sum, table) => sum + landscape[table].length, 0);
  const loadOptions: LoadOptions = { ...options, runId, total, digest: importDigest(plan.hashed), rowDiff: plan.diff, removalsConfirmed: false, mergedSuppliers: mergedSuppliers(validation.merges) };
  if (plan.kind === 'unchanged') {
    const since = await recordUnchanged(driver, validation, plan, loadOptions, raw && !indexUnchanged(raw, landscape) ? rawIndexesOf(raw, landscape, plan, validation.merges) : NO_RAW_INDEXES);
    fillTables(report, validation, plan.diff, null);
    return { ...report, runId, written: 'unchanged', durationMs: Date.now() - started, unchangedSince: since, removals: null };
  }
  let removals: RemovalPlan | null = null;
  if (!options.bulk) {
    removals = await removalsOf();
    if (removals.needsConfirmation && !options.allowRemovals) return { ...report, ok: false, removals, confirmationNeeded: true, durationMs: Date.now() - started };
    loadOptions.removalsConfirmed = Boolean(removals.needsConfirmation);
  }
  let loaded: Loaded;
  if (plan.kind === 'diff') loaded = await runDiff(driver, plan, validation, loadOptions, rawIndexesOf(raw, landscape, plan, validation.merges));
  else {
    // The whole state is made before the load takes the landscape's rows (tablePhases empties it).
    const records = recordsOf(plan, await wholeState(plan, source, landscape), rawIndexesOf(raw, landscape, plan, validation.merges));
    loaded = options.bulk
      ? await runBulk(driver, tablePhases(landscape), validation, { ...loadOptions, bulk: options.bulk }, records)
      : await runOnline(driver, landscape, validation, loadOptions, fullFinish(loadOptions, records));
  }
  fillTables(report, validation, plan.diff, loaded);
  const done = { ...report, runId, written: plan.kind, graph: { nodes: loaded.counts, removed: loaded.removed }, durationMs: Date.now() - started, removals };
  if (options.headlines !== false) touches(touchedBy(plan));
  return done;
}

/**
 * After durationMs: the import has committed; finding and recording the organisations' numbers is
 * reported apart.
 */
async function withHeadlines(driver: Driver, report: ImportReport & { runId: string }, touched: Touched): Promise<ImportReport> {
  const started = Date.now();
  const organisations = await touchedOrganisations(driver, touched).catch(() => [] as string[]);
  const headlines = await recordRunHeadlines(driver, report.runId, organisations);
  return { ...report, organisations, headlines: headlines && 'durationMs' in headlines ? { ...headlines, durationMs: Date.now() - started } : headlines };
}

/** What a run changed that headline numbers depend on: the organisations its rows name, and the suppliers and platforms it changed or removed. */
type Touched = { named: string[]; suppliers: string[]; platforms: string[] };

/**
 * The organisations whose headline numbers a run changed: those its rows name (the rows it changed
 * when they are known, else all it asserts), and those using a supplier or platform whose row it
 * changed or removed. A supplier or platform row the run only added is either new (then only the
 * run's own rows use it) or one another source already holds: asserting it again changes no other
 * organisation's facts, so a new source's first import records its own organisations only, not every
 * organisation its suppliers also serve.
 */
function touchedBy(plan: { hashed: HashedTable[]; changes: RowChange[] | null }): Touched {
  if (!plan.changes) return { named: [...new Set(plan.hashed.flatMap(table => table.organisations))].sort(), suppliers: [], platforms: [] };
  const ofTable = (table: TableName) => plan.changes!.filter(change => change.table === table && change.kind !== 'added').map(change => change.uid);
  return { named: organisationsOf(plan.changes), suppliers: ofTable('suppliers'), platforms: ofTable('platforms') };
}

/** touchedBy's organisations, and those using its suppliers and platforms. */
async function touchedOrganisations(driver: Driver, { named, suppliers, platforms }: Touched): Promise<string[]> {
  const using = suppliers.length + platforms.length === 0 ? [] : (await read<{ organisation: string }>(driver, query('history/organisations-using').text, { suppliers, platforms })).map(row => row.organisation);
  return [...new Set([...named, ...using])].sort();
}

/** Records the headline numbers after a committed run; a failure is reported, not thrown: the import itself succeeded. */
export async function recordRunHeadlines(driver: Driver, runId: string, organisations: string[]): Promise<ImportReport['headlines']> {
  const started = Date.now();
  try {
    return { organisations: await recordHeadlines(driver, runId, organisations), durationMs: Date.now() - started };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** How an import writes, decided on the source's row state (importers/row-state.ts) before it writes. */
type DiffPlan = { kind: 'diff' | 'unchanged'; hashed: HashedTable[]; states: Map<TableName, TableState>; diff: RowDiff; changes: RowChange[]; buckets: Bucket[]; replaceAll: TableName[]; state?: undefined };
type ImportPlan = DiffPlan | {
  kind: 'initial' | 'full' | 'model'; hashed: HashedTable[]; states: Map<TableName, TableState>; diff: RowDiff | null; changes: RowChange[] | null;
  /** The whole row state, when it was made with the hashes. */
  state?: PackedState;
};

/** Whether a landscape comes from a model (ArchiMate elements, relations, links): then always written whole. */
const isModel = (landscape: Landscape) => (landscape.elements?.length ?? 0) + (landscape.relations?.length ?? 0) + (landscape.links?.length ?? 0) > 0;

/** The code a table's row state was written by: a model's state never lets a spreadsheet import be a diff. */
const codeOf = (model: boolean) => (model ? `model:${graphCode()}` : graphCode());

/**
 * A diff when the source has a row state for every table of the import, written by this code, whose
 * nodes are still there (stillAsserted), and the diff is at most DETAIL_LIMIT rows; else everything is
 * written (`full`), as the first import of a source (`initial`) or a bulk load is. The rows that
 * changed are known whenever the state is (for the run's history), but only up to DETAIL_LIMIT.
 */
async function planImport(driver: Driver, landscape: Landscape, options: { source: string; scope: CleanupScope; bulk?: unknown }, raw: RawInfo | null = null): Promise<ImportPlan> {
  const plan = await planOf(driver, landscape, options, raw);
  // Carried rows have no place in the landscape: only a diff that leaves their buckets as they are can use them.
  if (raw?.carried.size && ((plan.kind !== 'diff' && plan.kind !== 'unchanged') || plan.replaceAll.length > 0)) throw new CarryUndone();
  return plan;
}

async function planOf(driver: Driver, landscape: Landscape, options: { source: string; scope: CleanupScope; bulk?: unknown }, raw: RawInfo | null): Promise<ImportPlan> {
  const tables = options.scope ?? TABLES;
  const model = isModel(landscape);
  const states = options.bulk ? new Map<TableName, TableState>() : await readTableStates(driver, options.source);
  if (!tables.every(table => states.has(table))) {
    // Nothing to compare with: the whole state is made as the rows are hashed (one JSON per row).
    const { hashed, state } = await packTables(options.source, landscape, tables);
    return { kind: model ? 'model' : 'initial', hashed, states, diff: null, changes: null, state };
  }
  // Carried rows come with what they were hashed to, and their table's buckets with their stored digests.
  const carriedRows = (table: TableName) => {
    const carried = raw?.carried.get(table);
    return carried && { ...carried, digests: states.get(table)?.bucketDigests };
  };
  const hashed = hashTables(landscape, tables, carriedRows);
  const { diff, read: stored } = await diffTables(driver, options.source, hashed, states);
  const current = !model && tables.every(table => states.get(table)!.code === codeOf(false)) && await stillAsserted(driver, options.source, assertedSample(hashed, diff))
    && await organisationsAsWritten(driver, landscape.organisations ?? []);
  const fallback = model ? 'model' : 'full';
  if (diff.size > DETAIL_LIMIT) return { kind: fallback, hashed, states, diff, changes: null };
  const { changes, buckets, replaceAll } = await changedRows(driver, options.source, landscape, hashed, diff, states, stored);
  if (!current) return { kind: fallback, hashed, states, diff, changes };
  return { kind: diff.size === 0 ? 'unchanged' : 'diff', hashed, states, diff, changes, buckets, replaceAll };
}

/**
 * Whether the graph already holds what the organisation rows say (a reader's organisations are not one of
 * the five tables, so the row diff cannot see them): a changed name or code takes the whole load.
 */
async function organisationsAsWritten(driver: Driver, organisations: OrganisationRow[]): Promise<boolean> {
  if (organisations.length === 0) return true;
  const held = new Map((await read<Record<string, string | null>>(driver, query('import/organisation-rows').text, { uids: organisations.map(o => uid.organisation(o.id)) })).map(row => [row.uid, row]));
  return organisations.every(o => {
    const row = held.get(uid.organisation(o.id));
    return row !== undefined && (['name', 'type', 'cbsCode', 'oin', 'kvk', 'website'] as const).every(key => (row[key] ?? null) === (o[key] ?? null));
  });
}

/** The plan's whole row state: made with the hashes when there was nothing to compare with, else now. */
const wholeState = async (plan: ImportPlan, source: string, landscape: Landscape) => plan.state ?? (await packTables(source, landscape, plan.hashed.map(({ table }) => table))).state;

const nothingRemoved = (source: string, options: RunOptions): RemovalPlan => ({ source, named: options.named, kinds: [], removing: 0, maxShare: options.maxRemovalShare ?? DEFAULT_MAX_REMOVAL_SHARE, needsConfirmation: null });

/** Rows per table the source asserts before the import (its row state), in table order. */
const assertedRows = (plan: ImportPlan) => new Map(plan.hashed.map(({ table }) => [table, plan.states.get(table)?.rows ?? 0] as const));

/** The report's table counts: rows added, changed, unchanged and removed where the rows before are known, else what the load counted. */
function fillTables(report: ImportReport, validation: Checked, diff: RowDiff | null, loaded: Loaded | null): void {
  for (const table of TABLES) {
    const counts = diff?.counts.get(table);
    if (counts) Object.assign(report.tables[table], { read: validation.read[table], created: counts.added, updated: counts.changed, unchanged: counts.unchanged, removed: counts.removed });
    else if (loaded) Object.assign(report.tables[table], countsFor(table, validation.read[table], loaded.counts, loaded.removed));
  }
}

/** What a run records beside its run record, in its last transaction: the row state, its diff and a journal number. */
type Records = { kind: RunKind; state: PackedState; replaceAll: readonly TableName[]; diff: Omit<RunDiffRecord, 'runId' | 'source' | 'user' | 'graph'>; raw: RawIndexes };

/** The raw-row indexes a run stores with its state (importers/raw-index.ts), and the supplier merges its rows were validated with. */
type RawIndexes = { indexes: ReturnType<typeof indexesToWrite>; merges: string };
const NO_RAW_INDEXES: RawIndexes = { indexes: [], merges: '' };

/** The indexes of an import read from files; made before the load takes the landscape's rows. */
const rawIndexesOf = (raw: RawInfo | null, landscape: Landscape, plan: ImportPlan, merges: Merge[]): RawIndexes =>
  raw ? { indexes: indexesToWrite(landscape, plan.hashed, raw), merges: mergePairs(merges) } : NO_RAW_INDEXES;

function recordsOf(plan: ImportPlan, state: PackedState, raw: RawIndexes = NO_RAW_INDEXES): Records {
  const counts = plan.diff ? Object.fromEntries(plan.diff.counts) : Object.fromEntries(plan.hashed.map(({ table, uids }) => [table, { added: uids.length, changed: 0, removed: 0, unchanged: 0 }]));
  const organisations = plan.changes ? organisationsOf(plan.changes) : [...new Set(plan.hashed.flatMap(table => table.organisations))].sort();
  return {
    kind: plan.kind,
    state,
    replaceAll: plan.kind === 'diff' ? plan.replaceAll : plan.hashed.map(({ table }) => table),
    diff: { kind: plan.kind, patchable: plan.kind === 'diff', counts, organisations, changes: plan.changes },
    raw,
  };
}

/** Writes the run's records in its last transaction (with the nodes it created and removed per label); returns its journal number. */
async function writeRecords(tx: QueryRunner, options: { source: string; runId: string; user?: string }, records: Records, finishedAt: string, graph: { created: LoadCounts; removed: RemovedCounts }): Promise<number> {
  await writeState(tx, options.source, codeOf(records.kind === 'model'), options.runId, records.state, records.replaceAll);
  await writeIndexes(tx, options.source, records.raw.indexes, records.raw.merges, new Map(records.state.tables.map(table => [table.table, table.digest])));
  const seq = await nextSeq(tx);
  const created = Object.fromEntries(Object.entries(graph.created).map(([label, counts]) => [label, counts.created]));
  await writeRunDiff(tx, { ...records.diff, runId: options.runId, source: options.source, user: options.user ?? 'unknown', graph: { created, removed: graph.removed } }, seq, finishedAt);
  return seq;
}

/**
 * For importMappedLandscape (ArchiMate, GEMMA), which always writes a whole model: the model's table
 * rows as its source's row state, and the run's diff against the rows before (kind `model`). Returns
 * what writes them in the run's transaction (and gives its journal number).
 */
export async function modelRecords(driver: Driver, landscape: Landscape, run: { source: string; runId: string; user?: string }): Promise<(tx: QueryRunner, finishedAt: string, graph: { created: LoadCounts; removed: RemovedCounts }) => Promise<number>> {
  const plan = await planImport(driver, landscape, { source: run.source, scope: null });
  const records = recordsOf(plan, await wholeState(plan, run.source, landscape));
  return (tx, finishedAt, graph) => writeRecords(tx, run, records, finishedAt, graph);
}

/** The last step of an import that wrote everything: the cleanup scan of its tables, then its records. */
function fullFinish(options: LoadOptions, records: Records): Finish {
  return async (tx, loaded, previous, finishedAt) => {
    const removed = await cleanup(tx, { source: options.source, runId: options.runId }, { previouslyAsserted: previous, reasserted: loaded.reasserted }, options.scope);
    const seq = await writeRecords(tx, options, records, finishedAt, { created: loaded.counts, removed });
    return { removed, asserted: assertedCount(options, loaded.stamped), seq };
  };
}

/**
 * A diff: the facts of the rows that changed (factDiff) written as any load is, in one transaction or
 * staged, then the facts the changed rows no longer assert taken off (removeFacts), with no scan.
 */
async function runDiff(driver: Driver, plan: DiffPlan, validation: Checked, options: LoadOptions, raw: RawIndexes): Promise<Loaded> {
  const facts = factDiff(plan.changes);
  await dropAssertedCatalogue(driver, facts, options.source);
  const records = recordsOf(plan, { buckets: plan.buckets, tables: plan.hashed.map(({ table, digest, uids, organisations, bucketDigests }) => ({ table, code: '', digest, rows: uids.length, buckets: bucketDigests.length, organisations, bucketDigests })) }, raw);
  const named = namedOrganisations(plan);
  const finish: Finish = async (tx, loaded, previous, finishedAt) => {
    const { removed, unstamped } = await removeFacts(tx, { source: options.source, runId: options.runId }, facts, named);
    const seq = await writeRecords(tx, options, records, finishedAt, { created: loaded.counts, removed });
    // Only what changed was written: the source now asserts what it did, plus what this run stamped
    // for the first time, less what it took its stamp off.
    const asserted = previous === null || previous === undefined ? null : int(previous + loaded.stamped - loaded.reasserted - unstamped);
    return { removed, asserted, seq };
  };
  const phases = [{ rows: facts.write, tableRows: plan.diff.size }];
  const finishing = { ...options, finishStatements: removalStatements({ source: options.source, runId: options.runId }, facts, named) };
  const size = rowCount(facts.write) + [...facts.relationships.values()].reduce((sum, rows) => sum + rows.length, 0) + facts.nodes.length;
  return size <= (options.transactionRows ?? DEFAULT_TRANSACTION_ROWS)
    ? runInOneTransaction(driver, phases, validation, finishing, finish)
    : runStaged(driver, phases, validation, options, finish);
}

/**
 * Organisations any row of the source still names after the import (its tables' organisations, this
 * import's for the tables it holds): their nodes stay the source's, as a whole import's cleanup keeps
 * an organisation its rows mention.
 */
function namedOrganisations(plan: ImportPlan): Set<string> {
  const named = new Set<string>();
  const imported = new Set(plan.hashed.map(({ table }) => table));
  for (const table of plan.hashed) for (const organisation of table.organisations) named.add(`org:${organisation}`);
  for (const [table, state] of plan.states) if (!imported.has(table)) for (const organisation of state.organisations ?? []) named.add(`org:${organisation}`);
  return named;
}

/**
 * Catalogue nodes (organisations, components, functions, standards, groups) that new rows name and
 * the source asserts already, with the same properties, need no write: other rows of the source name them.
 */
async function dropAssertedCatalogue(driver: Driver, facts: FactDiff, source: string): Promise<void> {
  const rows = CATALOGUE_LABELS.flatMap(label => [...(facts.write.nodes.get(label)?.values() ?? [])]);
  if (rows.length === 0) return;
  const asserted = new Set((await read<{ uid: string }>(driver, query('history/asserted-catalogue').text, {
    uids: rows.map(row => row.uid), hashes: rows.map(row => hash(row.props)), sourcePrefix: `${source}#`,
  })).map(row => row.uid));
  for (const label of CATALOGUE_LABELS) for (const uid of asserted) facts.write.nodes.get(label)?.delete(uid);
}

/**
 * When files do not name their source, the source made from their names is a new one, and other
 * sources already hold their organisations (org nodes carry their stamps): which to update is the
 * user's to say.
 */
async function unclearSource(driver: Driver, landscape: Landscape, source: string): Promise<{ proposed: string; existing: string[] } | null> {
  // Known first: only a known source carries rows (importers/raw-index.ts), which the landscape does not hold.
  const [{ known }] = await read<{ known: boolean }>(driver, query('api/source-known').text, { source, sourcePrefix: `${source}#` });
  if (known) return null;
  const organisations = [...new Set([...landscape.applications, ...landscape.interfaces, ...landscape.contracts].map(row => row.organisation))];
  if (organisations.length === 0) return null;
  const existing = (await read<{ source: string }>(driver, query('import/organisation-sources').text, { organisations, source })).map(row => row.source);
  return existing.length > 0 ? { proposed: source, existing } : null;
}

/** The one-line reason an import stopped before writing (CLI, messages). */
export const confirmationMessage = (report: ImportReport): string =>
  report.sourceUnclear
    ? `These files do not name their source, and their organisations are already imported under ${report.sourceUnclear.existing.join(', ')}. Name the source: --source ${report.sourceUnclear.existing[0]} to update it, or --source ${report.sourceUnclear.proposed} to keep them apart.`
    : report.removals?.needsConfirmation === 'unnamed-source'
    ? `This import would remove ${describeRemovals(report.removals)} from source ${report.source}, which it did not name. Name the source (--source / source), or confirm the removals (--allow-removals / allowRemovals).`
    : `This import would remove ${describeRemovals(report.removals!)} from source ${report.source}: more than ${Math.round((report.removals?.maxShare ?? 0) * 100)}% of a kind. Check the files, or confirm the removals (--allow-removals / allowRemovals).`;

/**
 * `rowDiff`: the rows added, changed and removed, where the rows before are known. `removalsConfirmed`:
 * the import was told it may remove what it would not by itself (allowRemovals), and removes something.
 */
type LoadOptions = RunOptions & {
  runId: string; total: number; digest: string; rowDiff?: RowDiff | null; removalsConfirmed: boolean; mergedSuppliers: string[];
  /** Statements the finish will run, to be planned ahead after the load's own (plan-ahead.ts). */
  finishStatements?: Statement[];
};
type Loaded = { counts: LoadCounts; removed: RemovedCounts };
type Phase = { rows: GraphRows; tableRows: number };

/**
 * An import's last step, in the transaction that makes it visible, after the load: its cleanup and
 * records. Gets what the load did, what the source asserted before (previouslyAsserted) and the
 * finishing time; returns what it removed, the run's `asserted` and its journal number.
 */
type Finish = (
  tx: ManagedTransaction,
  loaded: { counts: LoadCounts; reasserted: number; stamped: number },
  previous: number | null | undefined,
  finishedAt: string,
) => Promise<{ removed: RemovedCounts; asserted: unknown; seq: number }>;

/** Through Cypher: in one transaction when it fits, else staged. */
function runOnline(driver: Driver, landscape: Landscape, validation: Checked, options: LoadOptions, finish: Finish): Promise<Loaded> {
  const sized = fitsOneTransaction(tablePhases(landscape), options.transactionRows ?? DEFAULT_TRANSACTION_ROWS);
  return sized.fits ? runInOneTransaction(driver, sized.phases, validation, options, finish) : runStaged(driver, sized.phases, validation, options, finish);
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

/**
 * Below this many nodes and relationships a write does not plan ahead (plan-ahead.ts). Measured in the
 * benchmark's country database: one changed cell of a municipality took 0.47 s of database time without,
 * 0.72 s with; the 1 % re-import of the country took 14.2 s without, 12.3 s with.
 */
const PLAN_AHEAD_ROWS = 1_000;

/** Load, cleanup and run record in one write transaction: readers see all of the import or none of it. */
async function runInOneTransaction(driver: Driver, phases: Phase[], validation: Checked, options: LoadOptions, finish: Finish): Promise<Loaded> {
  const { source, runId, total } = options;
  const progress = options.onProgress ?? (() => {});
  const session = driver.session({ database: database() });
  // While the transaction runs its first statements, Neo4j plans the others on its other core; a small
  // write is over before that pays.
  const planner = phases.reduce((sum, phase) => sum + rowCount(phase.rows), 0) >= PLAN_AHEAD_ROWS ? planAhead(driver) : null;
  const ahead = (statements: Statement[]) => planner?.ahead([...statements, ...(options.finishStatements ?? [])]);
  try {
    const loaded = await session.executeWrite(async tx => {
      progress({ phase: 'load', done: 0, total });
      const previous = await previouslyAsserted(tx, source);
      const { rows, written } = inTableRows(phases, options);
      const result = await load(tx, rows, { source, runId }, written, { ahead });
      progress({ phase: 'cleanup', done: total, total });
      const finishedAt = new Date().toISOString();
      const { removed, asserted, seq } = await finish(tx, result, previous, finishedAt);
      await tx.run(query('import/record-run').text, runRecord(options, { finishedAt, counts: runCounts(validation, result.counts, removed, options.rowDiff), status: 'ok', asserted, overwrote: result.overwrote, seq }));
      return { counts: result.counts, removed };
    }, { metadata: { app: 'roer-import', runId, source } });
    progress({ phase: 'done', done: total, total });
    return loaded;
  } finally {
    // Not waited for: a plan still being made finishes on its own, and the import has no use for it.
    void planner?.stop();
    await session.close();
  }
}

/**
 * Files with nothing added, changed or removed (importers/unchanged.ts): only a run record, unchanged
 * since the source's latest run (which it returns). Its diff is empty, so it keeps none.
 */
async function recordUnchanged(driver: Driver, validation: Checked, plan: DiffPlan, options: LoadOptions, raw: RawIndexes): Promise<{ runId: string; finishedAt: string } | null> {
  const { source, total } = options;
  const session = driver.session({ database: database() });
  try {
    const since = await session.executeWrite(async tx => {
      const [latest] = (await tx.run(query('import/latest-run').text, { source })).records.map(record => record.toObject() as { runId: string; finishedAt: string; asserted: unknown });
      const finishedAt = new Date().toISOString();
      // The rows are as stored; their cells or the files' columns may not be: the index follows them.
      await writeIndexes(tx, source, raw.indexes, raw.merges, new Map([...plan.states].map(([table, state]) => [table, state.digest])));
      const counts: LoadCounts = {};
      await tx.run(query('import/record-run').text, runRecord(options, {
        finishedAt, counts: runCounts(validation, counts, {}, plan.diff), status: 'ok', asserted: latest?.asserted ?? null, stamp: null, unchangedSince: latest?.runId ?? null, overwrote: [], seq: null,
      }));
      return latest ? { runId: latest.runId, finishedAt: latest.finishedAt } : null;
    }, { metadata: { app: 'roer-import', runId: options.runId, source } });
    options.onProgress?.({ phase: 'done', done: total, total });
    return since;
  } finally {
    await session.close();
  }
}

/**
 * A bulk load (importers/bulk.ts) into the empty database, then Roer's schema, the run record and the
 * run's row state and diff: an empty database has nothing stale to clean up and nothing to undo.
 */
async function runBulk(driver: Driver, phases: Iterable<Phase>, validation: Checked, options: LoadOptions & { bulk: BulkTarget }, records: Records): Promise<Loaded> {
  const { source, runId, total } = options;
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'load', done: 0, total });
  const { rows, written } = inTableRows(phases, options);
  const removed: RemovedCounts = {};
  const { counts } = await bulkLoad(driver, rows, options.bulk, { source, runId }, written, async loaded => {
    await applySchema(driver);
    const session = driver.session({ database: database() });
    try {
      await session.executeWrite(async tx => {
        const finishedAt = new Date().toISOString();
        const seq = await writeRecords(tx, options, records, finishedAt, { created: loaded.counts, removed });
        await tx.run(query('import/record-run').text, runRecord(options, { finishedAt, counts: runCounts(validation, loaded.counts, removed), status: 'ok', asserted: int(loaded.stamped), overwrote: [], seq }));
      });
    } finally {
      await session.close();
    }
  });
  progress({ phase: 'done', done: total, total });
  return { counts, removed };
}

/** This process, as the owner of the staged runs it loads (and of the rollbacks it takes over). */
export const runOwner = { ownerId: randomUUID(), ownerHost: hostname(), ownerPid: process.pid };
let answeringAsOwner: Promise<unknown> | null = null;
/** From its first staged run or rollback on, this process answers for its owner id (isAbandoned asks); a failed try is not kept, the next import tries again. */
const answerAsOwner = () => (answeringAsOwner ??= answerAs(runOwner.ownerId).catch(error => {
  answeringAsOwner = null;
  throw error;
}));
/** How often an owner says it is at work, and after how long a silent owner counts as gone. */
const HEARTBEAT_MS = 5_000;
const ABANDONED_AFTER_SECONDS = 60;

/** Runs of this process that are loading or rolling back (never rolled back as abandoned by it). */
const activeRuns = new Set<string>();

/**
 * Says every HEARTBEAT_MS that this process is still at work on `runId` (import/heartbeat). `lost()`:
 * the run is no longer this process's (another process rolled it back), so the work must stop.
 */
function keepAlive(driver: Driver, runId: string): { stop: () => void; lost: () => boolean } {
  let lost = false;
  const timer = setInterval(() => {
    write(driver, query('import/heartbeat').text, { runId, ownerId: runOwner.ownerId })
      .then(rows => void (lost ||= rows.length === 0))
      // Neo4j out of reach: the load's own next query fails and says so.
      .catch(() => undefined);
  }, HEARTBEAT_MS);
  timer.unref();
  activeRuns.add(runId);
  return { stop: () => (clearInterval(timer), activeRuns.delete(runId)), lost: () => lost };
}

/**
 * An import too large for one transaction (Neo4j holds a transaction's changes in memory; the country
 * needs several GB): a run record with status `loading` and this process as its owner, then the load
 * committed batch by batch, invisible to readers (LoadOptions.staged: new nodes without their label,
 * changes to what exists deferred), then one last transaction that gives the new nodes their labels,
 * writes what was deferred, cleans up and sets status `ok`: readers see the whole import at once. Any
 * failure rolls the run back; an owner that disappears (killed, its machine gone) leaves the run to be
 * rolled back by the next process that finds it abandoned (rollBackUnfinishedImports).
 */
async function runStaged(driver: Driver, phases: Iterable<Phase>, validation: Checked, options: LoadOptions, finish: Finish): Promise<Loaded> {
  const { source, runId, total } = options;
  const progress = options.onProgress ?? (() => {});
  await answerAsOwner();
  await rollBackUnfinishedImports(driver, source);
  const busy = await read<{ runId: string; ownerHost: string; ownerPid: number }>(driver, query('import/unfinished-runs').text, { source });
  if (busy.length > 0) throw new ConflictError(`Source ${source} is being imported by another process (${busy[0].ownerHost}, pid ${busy[0].ownerPid}); try again when it has finished / Bron ${source} wordt al geïmporteerd door een ander proces`);
  const session = driver.session({ database: database() });
  // Every load query (a batch of 5,000 nodes and relationships) commits on its own, two at a time:
  // measured on the country, batches of 5,000 loaded in 115 s where transactions of 200,000 took
  // 150 s, and a second lane keeps Neo4j busy while the other batch travels or commits. The driver
  // retries a batch that failed transiently (a deadlock between the lanes); a failed batch wrote
  // nothing, so the retry writes the same.
  const metadata = { app: 'roer-import', runId, source };
  await session.executeWrite(tx => tx.run(query('import/record-run').text, runRecord(options, { finishedAt: null, counts: '{}', status: 'loading', asserted: null, overwrote: null, seq: null })));
  const alive = keepAlive(driver, runId);
  const writer = {
    run: (text: string, params: Record<string, unknown>) => {
      if (alive.lost()) throw new ConflictError(`Import ${runId} of ${source} was rolled back by another process that found it silent / De import is door een ander proces teruggedraaid`);
      return driver.executeQuery(text, params, { database: database(), routing: routing.WRITE, transactionConfig: { metadata } });
    },
  };
  try {
    const previous = await session.executeRead(tx => previouslyAsserted(tx, source));
    progress({ phase: 'load', done: 0, total });
    const { rows, written } = inTableRows(phases, options);
    const staged = await load(writer, rows, { source, runId }, written, { staged: true, lanes: STAGED_LANES });
    progress({ phase: 'cleanup', done: total, total });
    const loaded = await session.executeWrite(tx => finishStaged(tx, staged, previous, validation, options, finish), { metadata });
    progress({ phase: 'done', done: total, total });
    return loaded;
  } catch (error) {
    // If even the rollback fails (Neo4j gone), the run stays `loading` with a silent owner and is
    // rolled back by the next process to find it (this one's sweep, a start-up, the next import).
    await rollBackRun(session, runId, source).catch(() => {});
    throw error;
  } finally {
    alive.stop();
    await session.close();
  }
}

/** A staged import's last transaction: what readers see changes here, all at once. */
async function finishStaged(tx: ManagedTransaction, staged: LoadResult, previous: number | null | undefined, validation: Checked, options: LoadOptions, finish: Finish): Promise<Loaded> {
  const { source, runId } = options;
  for (const label of NODE_LABELS) await tx.run(promoteQuery(label), { stamp: `${source}#${runId}` });
  const late = hasRows(staged.deferred) ? await load(tx, [staged.deferred], { source, runId }) : null;
  const counts = addCounts(staged.counts, late?.counts ?? {});
  const stamped = staged.stamped + (late?.stamped ?? 0);
  const reasserted = staged.reasserted + (late?.reasserted ?? 0);
  const overwrote = [...new Set([...staged.overwrote, ...(late?.overwrote ?? [])])].sort();
  const finishedAt = new Date().toISOString();
  const { removed, asserted, seq } = await finish(tx, { counts, stamped, reasserted }, previous, finishedAt);
  const finished = await tx.run(query('import/finish-run').text, {
    runId, finishedAt, counts: runCounts(validation, counts, removed, options.rowDiff), asserted, overwrote, seq: int(seq),
  });
  if (finished.records.length === 0) throw new ConflictError(`Import ${runId} of ${source} was rolled back by another process before it could finish / De import is teruggedraaid voordat hij klaar was`);
  return { counts, removed };
}

function addCounts(a: LoadCounts, b: LoadCounts): LoadCounts {
  const sum: LoadCounts = structuredClone(a);
  for (const [label, { created, updated, unchanged }] of Object.entries(b)) {
    const into = (sum[label] ??= { created: 0, updated: 0, unchanged: 0 });
    into.created += created;
    into.updated += updated;
    into.unchanged += unchanged;
  }
  return sum;
}

/** Undoes a run committed in several transactions (cypher/import/rollback.cypher, statement by statement). */
async function rollBackRun(session: Session, runId: string, source: string): Promise<void> {
  for (const statement of query('import/rollback').statements) await session.run(statement, { runId, stamp: `${source}#${runId}`, by: runOwner.ownerId });
}

type UnfinishedRun = { runId: string; source: string; status: string; ownerId: string | null; ownerHost: string | null; ownerPid: number | null; heartbeatAt: string | null; silentSeconds: number | null };

/**
 * Whether a run that is loading or rolling back has lost its owner: not one of this process's, and
 * its owner recorded none (a run from before owners were), or ran on this machine and no longer
 * answers for its owner id (it has exited), or has been silent for ABANDONED_AFTER_SECONDS. A live
 * owner's run is never touched.
 */
async function isAbandoned(run: UnfinishedRun): Promise<boolean> {
  if (activeRuns.has(run.runId)) return false;
  if (!run.ownerId || run.ownerId === runOwner.ownerId) return true;
  if (run.ownerHost === runOwner.ownerHost && !(await answers(run.ownerId))) return true;
  return run.silentSeconds === null || run.silentSeconds > ABANDONED_AFTER_SECONDS;
}

/**
 * Rolls back the unfinished runs (of `source`, or all) whose owner is gone: at start-up, before a
 * large import, and every minute in a running server (sweepAbandonedImports). Each is taken over
 * first (import/claim-rollback), so two processes never roll back one run at once.
 */
export async function rollBackUnfinishedImports(driver: Driver, source: string | null = null): Promise<string[]> {
  const unfinished = await read<UnfinishedRun>(driver, query('import/unfinished-runs').text, { source });
  const rolledBack: string[] = [];
  const session = driver.session({ database: database() });
  try {
    for (const run of unfinished) {
      if (!(await isAbandoned(run))) continue;
      await answerAsOwner(); // the claim makes this process the run's owner
      // This process's from before the claim: a sweep that reads the run once it is claimed (owned by
      // this process, so abandoned to isAbandoned but for activeRuns) must not take it a second time.
      activeRuns.add(run.runId);
      const [taken] = await write(driver, query('import/claim-rollback').text, { runId: run.runId, seenOwner: run.ownerId ?? '', seenHeartbeat: run.heartbeatAt ?? '', ...runOwner })
        .catch(error => {
          activeRuns.delete(run.runId);
          throw error;
        });
      if (!taken) {
        activeRuns.delete(run.runId);
        continue;
      }
      const alive = keepAlive(driver, run.runId);
      try {
        await endTransactionsOf(driver, run.runId);
        await rollBackRun(session, run.runId, run.source);
      } finally {
        alive.stop();
      }
      rolledBack.push(run.runId);
    }
  } finally {
    await session.close();
  }
  return rolledBack;
}

/**
 * Waits until Neo4j runs no transaction of `runId` any more, terminating what it still runs: a killed
 * importer's batch that was committing when it died still commits, and would otherwise land after
 * (or half-way through) the rollback and leave its rows behind.
 */
async function endTransactionsOf(driver: Driver, runId: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await read<{ transactionId: string }>(driver, query('import/run-transactions').text, { runId });
    if (open.length === 0) return;
    if (Date.now() > deadline) throw new UnavailableError(`Import ${runId} still has ${open.length} transaction(s) running in Neo4j after ${timeoutMs / 1000} s; its rollback waits for them / De import heeft nog transacties open in Neo4j`);
    await write(driver, query('import/terminate-transactions').text, { ids: open.map(row => row.transactionId) });
    await new Promise(done => setTimeout(done, 200));
  }
}

/** A running server's sweep for runs whose owner disappeared (such as a CLI killed mid-import). */
export function sweepAbandonedImports(driver: Driver, log: (message: string) => void, everyMs = 60_000): () => void {
  const timer = setInterval(() => {
    rollBackUnfinishedImports(driver)
      .then(ids => ids.length > 0 && log(`Rolled back ${ids.length} import(s) whose process had gone: ${ids.join(', ')}.`))
      .catch(() => undefined); // Neo4j out of reach: the next sweep tries again
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** A run of some tables only leaves the rest of the source stamped by earlier runs: its count says nothing of the whole (see mayHaveStale). */
const assertedCount = (options: RunOptions, stamped: number) => (options.scope ? null : int(stamped));

/**
 * The parameters of cypher/import/record-run: who, when and what, plus how the run ended (or that it
 * is loading). A run that writes stamps the source's facts with its own stamp.
 */
const runRecord = (options: LoadOptions, outcome: { finishedAt: string | null; counts: string; status: string; asserted: unknown; overwrote: string[] | null; stamp?: string | null; unchangedSince?: string | null; seq: number | null }) => ({
  runId: options.runId, source: options.source, startedAt: new Date(options.started).toISOString(), user: options.user ?? 'unknown', files: options.files,
  digest: options.digest, stamp: `${options.source}#${options.runId}`, unchangedSince: null, removalsConfirmed: options.removalsConfirmed, mergedSuppliers: options.mergedSuppliers, ...runOwner, ...outcome,
  seq: outcome.seq === null ? null : int(outcome.seq),
});

/** The run record's supplier merges, "dropped kept" (import/earlier-merges reads them back for a later import). */
export const mergedSuppliers = (merges: Merge[]) => merges.map(merge => `${merge.dropped} ${merge.kept}`);

/** The run record's counts: per table (rows added, changed, unchanged, removed where a diff knows them), removed facts, merges. */
const runCounts = (validation: Checked, counts: LoadCounts, removed: RemovedCounts, diff: RowDiff | null = null) => JSON.stringify({
  tables: Object.fromEntries(TABLES.map(table => {
    const rows = diff?.counts.get(table);
    return [table, { ...(rows ? { read: validation.read[table], created: rows.added, updated: rows.changed, unchanged: rows.unchanged, removed: rows.removed } : countsFor(table, validation.read[table], counts, removed)), ...mergedOf(validation, table) }];
  })),
  removed, merges: validation.merges.length,
});

/**
 * The supplier rows merged into another of the files: "120 rijen (119 ongewijzigd)" did not add up
 * without them ("1 samengevoegd met een andere leverancier"). Nothing for other tables, or none merged.
 */
const mergedOf = (validation: Checked, table: TableName): { merged?: number } =>
  (table === 'suppliers' && validation.mergedSuppliers > 0 ? { merged: validation.mergedSuppliers } : {});

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

/**
 * The database side of validation: one query per table, never per row. What the source asserts counts
 * only where the import's cleanup (of the tables in `scope`) leaves it.
 */
export function databaseLookup(driver: Driver, source: string, scope: CleanupScope = null): Lookup {
  const sourcePrefix = `${source}#`;
  const labels = scopeLabels(scope);
  return {
    existingUids: async uids => new Set((await read<{ uid: string }>(driver, query('import/existing-uids').text, { uids, sourcePrefix, labels })).map(row => row.uid)),
    suppliersByName: names => read(driver, query('import/suppliers-by-name').text, { names, sourcePrefix }),
    applicationOrganisations: ids => read(driver, query('import/application-organisations').text, { ids, sourcePrefix, labels }),
    earlierMerges: ids => read(driver, query('import/earlier-merges').text, { ids, supplierPrefix: uid.supplier('') }),
  };
}

function checkSource(source: string): string {
  const result = Source.safeParse(source);
  if (!result.success) throw new InputError(`Source name "${source}": expected ${result.error.issues[0].message}`);
  return result.data;
}

/**
 * `csv:<folder>` for a folder, `xlsx:<workbook>` for a workbook, `csv:<common prefix of the file
 * names>` (gemeente-a-applications.csv + gemeente-a-suppliers.csv → csv:gemeente-a), else
 * `csv:<organisation>` when the files name exactly one. Files that say nothing of where they come
 * from (applications.csv of two organisations) get no default: every such upload would share one
 * source, and each would remove what the one before imported.
 */
/**
 * The supplier merges of the import's supplier files, read on their own before the other files; null
 * when they cannot be read or hold a row that is not valid (then nothing is carried, and reading all
 * files says what is wrong).
 */
async function mergesBeforeReading(driver: Driver, inputs: FileInput[], source: string, options: { mapping?: Mapping; sizeLimitBytes: number; aliases?: Aliases }): Promise<Merge[] | null> {
  const files = inputs.filter(file => tableFor(file.name) === 'suppliers' && /\.(csv|txt)$/i.test(file.name));
  try {
    const tables = files.length > 0 ? await readTables(files, { mapping: options.mapping, sizeLimitBytes: options.sizeLimitBytes }) : [];
    // Merges ask the database only for suppliers by name, which the import's scope does not change.
    return await supplierMerges(tables, { lookup: databaseLookup(driver, source), aliases: options.aliases });
  } catch (error) {
    if (error instanceof InputError) return null;
    throw error;
  }
}

/** The default source when the file names or folder say it, before the files are read; else null. */
function sourceOfNames(names: string[], paths: string[]): string | null {
  try {
    return defaultSource(names, paths);
  } catch {
    return null;
  }
}

export function defaultSource(names: string[], paths: string[] = [], organisations: string[] = []): string {
  const kind = names.some(name => /\.xlsx$/i.test(name)) ? 'xlsx' : 'csv';
  const clean = (text: string) => text.replace(/[^A-Za-z0-9._/-]+/g, '-').replace(/^[-._]+|[-._]+$/g, '');
  const folder = paths.find(path => isDirectory(path));
  if (folder && clean(basename(folder.replace(/\/+$/, '')))) return `${kind}:${clean(basename(folder.replace(/\/+$/, '')))}`;
  if (kind === 'xlsx' && names.length === 1 && clean(names[0].replace(/\.xlsx$/i, ''))) return `xlsx:${clean(names[0].replace(/\.xlsx$/i, ''))}`;
  const stems = names.map(name => {
    const stem = basename(name).replace(/\.[^.]*$/, '');
    const table = tableFor(name);
    return table ? stem.replace(/[A-Za-z]+$/, '') : stem;
  });
  let prefix = stems[0] ?? '';
  for (const stem of stems) while (!stem.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const fromPaths = paths.length ? clean(basename(dirname(paths[0]))) : '';
  const named = clean(prefix) || fromPaths || (organisations.length === 1 ? clean(organisations[0]) : '');
  if (named) return `${kind}:${named}`;
  throw new InputError(
    `Name the source of these files (e.g. csv:gemeente-a): their names do not say where they come from${organisations.length > 1 ? `, and they hold ${organisations.length} organisations` : ''} / Geef de bron een naam (bijvoorbeeld csv:gemeente-a)`,
  );
}

/** The organisations the rows name (applications, interfaces, contracts), sorted. */
function organisationsIn(tables: RawTable[]): string[] {
  const found = new Set<string>();
  for (const table of tables) for (const row of table.rows) if (row.values.organisation?.trim()) found.add(row.values.organisation.trim());
  return [...found].sort();
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
