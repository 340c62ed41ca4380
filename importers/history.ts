// Every run keeps its diff: the rows it added, changed (before → after) and removed, with run, source,
// time and user, as a (:RunDiff) written in the run's own last transaction. With the source's row state
// (importers/row-state.ts) they give the landscape as it was after any of the last N runs: the rows now,
// with the diffs of the later runs undone, newest first. Each change of the landscape also takes the
// next number of the landscape journal (:Journal {id: 'landscape'}), which tells a server's snapshot
// cache which runs it has not seen (server/analyses/snapshot-patch.ts).
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { HistoryRuns } from '../server/config.js';
import { NotFoundError } from '../server/errors.js';
import { database, int, read } from '../server/neo4j.js';
import { query } from '../server/queries.js';
import type { ChangeKind, RowChange, TableDiff } from './diff.js';
import { type QueryRunner, type RemovedCounts, cleanup } from './load.js';
import { TABLES, type TableName } from './model.js';
import { deleteState, readAllRows } from './row-state.js';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/**
 * How a run wrote: `diff` (only what changed), `full` (everything, then a cleanup scan: a first import
 * with a row state from an older Roer, or a diff too large), `initial` (the source's first, or one
 * whose earlier rows are not known), `model` (an ArchiMate model, always whole), `unchanged` (nothing
 * written), `deleted` (the source was deleted), `catalogue` (no import of the source: a GEMMA release
 * renamed components its rows name, and they were re-resolved in the catalogue's run, catalogue-reresolve.ts).
 */
export type RunKind = 'diff' | 'full' | 'initial' | 'model' | 'unchanged' | 'deleted' | 'catalogue';

/** Diffs of more rows than this keep their counts only (and such an import writes everything): a run that changes the whole country would hold it all in memory twice. */
export const DETAIL_LIMIT = 50_000;

/** How many runs per source keep their diff (ROER_HISTORY_RUNS, default 24: two years of monthly deliveries). */
export const historyRuns = () => HistoryRuns.parse(process.env.ROER_HISTORY_RUNS);

export type RunDiffRecord = {
  runId: string;
  source: string;
  kind: RunKind;
  /** Whether a server may patch its snapshots with this run's changes (only rows changed, the same code). */
  patchable: boolean;
  user: string;
  counts: Partial<Record<TableName, TableDiff>>;
  /** The organisations the changed rows name (applications, interfaces, contracts; before and after). */
  organisations: string[];
  /** null: only the counts are kept (an initial run, or one larger than DETAIL_LIMIT). */
  changes: RowChange[] | null;
  /** Nodes the run created and deleted, per label (a snapshot patch checks the count store against them). */
  graph: { created: Record<string, number>; removed: Record<string, number> };
};

/** The next number of the landscape journal: every run that changes the landscape takes one, in its last transaction. */
export async function nextSeq(tx: QueryRunner): Promise<number> {
  return Number((await tx.run(query('history/journal-next').text, {})).records[0].get('seq'));
}

/** The organisations changed rows name, before and after. */
export function organisationsOf(changes: RowChange[]): string[] {
  const found = new Set<string>();
  for (const change of changes) {
    if (change.table === 'suppliers' || change.table === 'platforms') continue;
    for (const json of [change.before, change.after]) if (json) found.add((JSON.parse(json) as { organisation: string }).organisation);
  }
  return [...found].sort();
}

/** Writes the run's diff and drops the source's diffs beyond the newest `keep` (in the run's transaction). */
export async function writeRunDiff(tx: QueryRunner, diff: RunDiffRecord, seq: number | null, finishedAt: string, keep = historyRuns()): Promise<void> {
  const lines = diff.changes?.map(change => `{"t":"${change.table}","k":"${change.kind}","u":${JSON.stringify(change.uid)},"b":${change.before ?? 'null'},"a":${change.after ?? 'null'}}`);
  const packed = lines ? await deflate(Buffer.from(lines.join('\n'), 'utf8'), { level: 6 }) : null;
  await tx.run(query('history/write-run-diff').text, {
    runId: diff.runId, source: diff.source, kind: diff.kind, patchable: diff.patchable, user: diff.user, at: finishedAt, seq: seq === null ? null : int(seq),
    counts: JSON.stringify(diff.counts), organisations: diff.organisations, graph: JSON.stringify(diff.graph),
    changes: packed ? new Int8Array(packed.buffer, packed.byteOffset, packed.byteLength) : null, changeCount: diff.changes?.length ?? null,
  });
  await tx.run(query('history/prune-run-diffs').text, { source: diff.source, keep: int(keep) });
}

/** A stored diff: its changes inflated, each row parsed. */
export type StoredChange = { table: TableName; kind: ChangeKind; uid: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };
export type StoredRunDiff = Omit<RunDiffRecord, 'changes'> & { seq: number | null; at: string; changes: StoredChange[] | null };

type RunDiffRow = Omit<StoredRunDiff, 'changes' | 'counts' | 'graph'> & { counts: string; graph: string | null; changes: Int8Array | null };

async function unpack(row: RunDiffRow): Promise<StoredRunDiff> {
  const changes = row.changes
    ? (await inflate(Buffer.from(row.changes.buffer, row.changes.byteOffset, row.changes.byteLength))).toString('utf8').split('\n').filter(Boolean).map(line => {
      const { t, k, u, b, a } = JSON.parse(line) as { t: TableName; k: ChangeKind; u: string; b: Record<string, unknown> | null; a: Record<string, unknown> | null };
      return { table: t, kind: k, uid: u, before: b, after: a };
    })
    : null;
  return { ...row, counts: JSON.parse(row.counts), graph: row.graph ? JSON.parse(row.graph) : { created: {}, removed: {} }, changes };
}

/** The diffs of runs that finished after `since` and at or before `until` (ISO times; null: no bound), oldest first; of one source or all. */
export async function runDiffsSince(driver: Driver, since: string | null, source: string | null = null, until: string | null = null): Promise<StoredRunDiff[]> {
  const rows = await read<RunDiffRow>(driver, query('history/run-diffs-since').text, { since, source, until });
  return Promise.all(rows.map(unpack));
}

/** The diffs of runs with a journal number above `seq`, oldest first (the snapshot cache's patch). */
export async function runDiffsAfterSeq(driver: Driver, seq: number): Promise<StoredRunDiff[]> {
  const rows = await read<RunDiffRow>(driver, query('history/run-diffs-after-seq').text, { seq: int(seq) });
  return Promise.all(rows.map(unpack));
}

export type JournalPosition = { seq: number; counts: Record<string, number> };

/** The journal's number now, and every node count a patch compares (from Neo4j's count store, at no cost). */
export async function journalPosition(driver: Driver): Promise<JournalPosition> {
  const [row] = await read<{ seq: number; applications: number; interfaces: number; contracts: number; suppliers: number; platforms: number }>(driver, query('history/journal-position').text);
  const { seq, ...counts } = row;
  return { seq, counts };
}

/**
 * A source deleted (DELETE /api/imports/<source>): everything it asserted goes (cleanup against a run
 * that never happened), and so does its row state; its rows are kept as the deletion's diff, so the
 * landscape before the deletion can still be made again.
 */
export async function deleteSourceWithHistory(driver: Driver, source: string, user: string): Promise<RemovedCounts> {
  const runId = `delete-${randomUUID()}`;
  const rows: RowChange[] = [];
  for (const table of TABLES) for (const [uid, json] of await readAllRows(driver, source, table)) rows.push({ table, uid, kind: 'removed', before: json, after: null });
  const counts = Object.fromEntries(TABLES.map(table => [table, { added: 0, changed: 0, unchanged: 0, removed: rows.filter(row => row.table === table).length }]));
  const session = driver.session({ database: database() });
  let removed: RemovedCounts;
  try {
    removed = await session.executeWrite(async tx => {
      const removed = await cleanup(tx, { source, runId });
      await deleteState(tx, source);
      await tx.run(query('archimate/delete-model').text, { source });
      const seq = await nextSeq(tx);
      await writeRunDiff(tx, {
        runId, source, user, kind: 'deleted', patchable: false, counts, organisations: organisationsOf(rows),
        changes: rows.length <= DETAIL_LIMIT ? rows : null, graph: { created: {}, removed },
      }, seq, new Date().toISOString());
      return removed;
    });
  } finally {
    await session.close();
  }
  // The organisations it named have other numbers now (recorded as after the deletion); the deletion
  // itself succeeded whether or not they can be computed.
  // Loaded here, not at the top: the analyses' snapshot (landscape.ts) imports this module, and the
  // headlines import the analyses (sovereignty, what-if, lock-in), which import the snapshot.
  const { recordHeadlines } = await import('../server/analyses/headlines.js');
  await recordHeadlines(driver, runId, organisationsOf(rows)).catch(() => 0);
  return removed;
}

/** A run whose diff is no longer kept (older than the last ROER_HISTORY_RUNS), or that a later run's counts-only diff hides. */
export class HistoryGoneError extends NotFoundError {
  override name = 'HistoryGoneError';
}

/**
 * The rows of `source` as they were right after run `runId`: the rows now, with the diff of every
 * later run of the source undone, newest first. Only runs whose diff is still kept (the last
 * ROER_HISTORY_RUNS), and only if every later run kept its rows' changes.
 */
export async function landscapeAfterRun(driver: Driver, runId: string): Promise<{ source: string; runId: string; at: string; tables: Record<TableName, Record<string, unknown>[]> }> {
  const [run, ...later] = await Promise.all((await read<RunDiffRow>(driver, query('history/run-diffs-after-run').text, { runId })).map(unpack));
  if (!run) throw new HistoryGoneError(`No history kept for run ${runId} (only the last runs of each source keep theirs) / Geen geschiedenis bewaard voor deze import`);
  const blocked = later.find(diff => diff.changes === null && diff.kind !== 'unchanged');
  if (blocked) throw new HistoryGoneError(`Run ${blocked.runId} (${blocked.kind}) after it kept only its counts, so the rows before it cannot be made again / Een latere import bewaarde alleen aantallen`);
  const tables = {} as Record<TableName, Record<string, unknown>[]>;
  for (const table of TABLES) {
    const rows = new Map<string, Record<string, unknown>>();
    for (const [uid, json] of await readAllRows(driver, run.source, table)) rows.set(uid, JSON.parse(json));
    for (const diff of [...later].reverse()) {
      for (const change of diff.changes ?? []) {
        if (change.table !== table) continue;
        if (change.before) rows.set(change.uid, change.before);
        else rows.delete(change.uid);
      }
    }
    tables[table] = [...rows.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([, row]) => row);
  }
  return { source: run.source, runId, at: run.at, tables };
}
