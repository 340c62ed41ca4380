// Re-importing files that changed in a few rows: a row whose text in the file is exactly as the source
// delivered it last time is not parsed, validated, hashed or made into JSON again. It is carried with
// what it was turned into then: its uid, row hash, organisation and the uids it refers to. Reading,
// validating and hashing every row was 10–13 s of the 15–18 s a re-import of the country with 1 % of
// its rows changed took (docs/performance-history.md).
//
// The index is kept per source and table on its (:SourceTable) (row-state.ts), for applications,
// interfaces and contracts read from CSV files. Suppliers and platforms are always read whole: they
// are few, and supplier merges are made from them. Rows are carried only while nothing they were
// validated against can have changed:
// - the environment: the table's columns, the mapping and alias files, the code that turns rows into
//   the graph, and the catalogue's latest run (reference components resolve through it);
// - the table's state is the one the index was written with (a catalogue re-resolution rewrites it);
// - the supplier its cells name is merged (by name or alias file) into the same supplier as then (the
//   suppliers are read first, so a row naming a supplier whose merge changed is read again);
// - no row of the import has the uid of a carried row (a duplicate), and every uid a carried row
//   refers to is still in the import or in the database;
// - the import is written as a diff that leaves the carried rows' buckets as they are.
// Otherwise the import is read and validated again, whole (CarryUndone), as without an index.
//
// The index is stored as a base and a delta: a re-import writes only the rows it read (and those of
// earlier deltas it carried) and the base positions no longer in the files. Packing the country's whole
// index again took a second of a 1 % re-import. The base is written anew once the delta has grown to
// a quarter of it, or when no row was carried.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { read } from '../server/neo4j.js';
import { stringInterner } from '../server/once.js';
import { query } from '../server/queries.js';
import { DETAIL_LIMIT } from './history.js';
import { CATALOGUE_SOURCE, type QueryRunner } from './load.js';
import type { Aliases, Mapping } from './mapping.js';
import { type Landscape, type TableName, uid } from './model.js';
import type { RawTable } from './read.js';
import { rowUid } from './removals.js';
import { type HashedTable, type TableState, bucketCount, tableKey } from './row-state.js';
import { type Lookup, type Merge, references } from './validate.js';

/** The tables whose rows may be carried. */
export const INDEXED_TABLES: readonly TableName[] = ['applications', 'interfaces', 'contracts'];
/** Raised when what an index holds, or how it is read, changes. */
const INDEX_VERSION = 5;
/** The base is written anew once its delta and the positions gone from it come to this share of it. */
const DELTA_SHARE = 0.25;

// Separators no id or hash holds: between columns, between rows, between a row's references.
const COLUMN = '\u001f';
/** COLUMN in UTF-8: a byte no multi-byte character holds. */
const COLUMN_BYTE = 0x1f;
const ROW = '\u001e';
const REF = '\u001d';

/** Carried rows can no longer be carried: the import is read and validated again, whole. */
export class CarryUndone extends Error {}

/**
 * Rows as the index keeps them, column by column: the hash of each row's text, its uid, row hash and
 * organisation, the uids it refers to (joined by REF) and the supplier id its cells name (before any
 * merge; '' for none). Columns, not an object per row: the country's 440,000 objects took seconds to
 * make and collect.
 */
export type IndexColumns = { raws: string[]; uids: string[]; hashes: string[]; organisations: string[]; refs: string[]; suppliers: string[] };
const COLUMNS = ['raws', 'uids', 'hashes', 'organisations', 'refs', 'suppliers'] as const;

/**
 * A table's index as stored, unpacked: its rows (the base's not gone, then the delta's), where each row
 * hash is in them, the supplier merges its rows were read with, and for each row its position in the
 * base (-1 for a row of the delta) and the base's length.
 */
export type StoredIndex = { table: TableName; env: string; digest: string; merges: Map<string, string>; columns: IndexColumns; at: Map<string, number>; inBase: Int32Array; baseRows: number };

/**
 * What an import knows of its indexed tables' rows: each table's environment, and the hashes and
 * supplier ids (as in the cells) of the rows it reads; the rows it carries; and the merges it carried
 * them with (mergePairs).
 */
export type RawInfo = { tables: Map<TableName, { env: string; raws: string[]; suppliers: string[] }>; carried: Map<TableName, CarriedColumns>; merges: string };

/**
 * A table's carried rows, from its stored index: their columns, where each is in the base, the
 * uids of the stored rows not carried (gone), and whether the index is written as a delta.
 */
type CarriedColumns = IndexColumns & { gone: string[]; inBase: Int32Array; baseRows: number; delta: boolean };

/** The source's stored indexes, read before its files: rows they know are not parsed. */
export async function readIndexes(driver: Driver, source: string): Promise<Map<TableName, StoredIndex>> {
  const one = stringInterner();
  const found = await read<{ table: TableName; version: number | null; env: string; digest: string; merges: string; index: string; delta: string | null }>(driver, query('history/raw-indexes').text, { source });
  // An index of another version is not used (its environment differs anyway) and may not unpack.
  return new Map(found.filter(stored => stored.version === INDEX_VERSION).map(({ index, delta, merges, ...stored }) => {
    const { columns, inBase, baseRows } = withDelta(unpackColumns(index), delta ? unpackColumns(delta, 1) : null);
    // Few distinct values, each held once.
    columns.organisations = columns.organisations.map(one);
    columns.suppliers = columns.suppliers.map(one);
    const at = new Map<string, number>();
    columns.raws.forEach((raw, i) => at.set(raw, i));
    return [stored.table, { ...stored, merges: new Map(JSON.parse(merges) as [string, string][]), columns, at, inBase, baseRows }];
  }));
}

/** The base's rows not gone, then the delta's; and where each is in the base (-1: in the delta). */
function withDelta(base: string[][], delta: string[][] | null): { columns: IndexColumns; inBase: Int32Array; baseRows: number } {
  const baseRows = base[0].length;
  const gone = new Uint8Array(baseRows);
  for (const position of delta?.[COLUMNS.length] ?? []) gone[Number(position)] = 1;
  const kept: number[] = [];
  for (let i = 0; i < baseRows; i++) if (!gone[i]) kept.push(i);
  const added = delta?.[0].length ?? 0;
  const inBase = new Int32Array(kept.length + added).fill(-1);
  inBase.set(kept);
  const columns = Object.fromEntries(COLUMNS.map((name, c) => {
    const column = kept.length === baseRows ? base[c] : kept.map(i => base[c][i]);
    return [name, delta ? column.concat(delta[c]) : column];
  })) as IndexColumns;
  return { columns, inBase, baseRows };
}

/**
 * Which rows of a table the reader may leave unread: those the index knows, unless they name a supplier
 * that is merged otherwise now (`merges`: the suppliers' merges of this import, made before its other
 * tables are read) than when the index was written.
 */
export function carryable(index: StoredIndex, merges: Merge[]): (raw: string) => boolean {
  const now = new Map(mergedByName(merges));
  const moved = new Set([...now.keys(), ...index.merges.keys()].filter(id => now.get(id) !== index.merges.get(id)));
  return raw => {
    const i = index.at.get(raw);
    return i !== undefined && (moved.size === 0 || !moved.has(index.columns.suppliers[i]));
  };
}

// Deflated, as base64 text, as row buckets are (row-state.ts, PackedRows): the columns in the order
// of COLUMNS, and in a delta the base positions gone after them. Each column is decoded into a string
// of its own: a row's value is a slice of its column's text, so the columns a re-import lets go of
// (letGoOfBaseRows) do not keep the others' text alive.
function unpackColumns(packed: string, extra = 0): string[][] {
  const bytes = inflateRawSync(Buffer.from(packed, 'base64'));
  const columns: string[][] = [];
  let start = 0;
  for (let i = 0; i < COLUMNS.length + extra; i++) {
    const found = bytes.indexOf(COLUMN_BYTE, start);
    const end = found < 0 ? bytes.length : found;
    columns.push(end > start ? bytes.toString('utf8', start, end).split(ROW) : []);
    start = Math.min(end + 1, bytes.length);
  }
  // One row with an empty value packs to the same empty text as no rows: a table of one application without supplier
  // or platform came back without its refs, and its unchanged re-import failed. Every column has a row per raw text.
  for (let i = 1; i < COLUMNS.length; i++) if (columns[i].length === 0) columns[i] = columns[0].map(() => '');
  return columns;
}

function packColumns(columns: IndexColumns, gone?: number[]): string {
  const texts = COLUMNS.map(name => columns[name].join(ROW));
  if (gone) texts.push(gone.join(ROW));
  return deflateRawSync(Buffer.from(texts.join(COLUMN), 'utf8'), { level: 1 }).toString('base64');
}

/** The digest of what a table's rows are validated against, besides each other (see the top of this file). */
function environment(table: RawTable, context: { code: string; mapping?: Mapping; aliases?: Aliases; catalogueRun: string | null }): string {
  return createHash('sha256').update(JSON.stringify({
    version: INDEX_VERSION, code: context.code, table: table.table, columns: table.columns, extraColumns: table.extraColumns,
    mapping: context.mapping ?? null, aliases: context.aliases ?? null, catalogue: context.catalogueRun,
  })).digest('base64');
}

/** Dropped → kept supplier id of the merges by name and alias file (an earlier import's merges are the database's). */
const mergedByName = (merges: Merge[]): [string, string][] => merges.filter(merge => merge.reason !== 'earlier import').map(merge => [merge.dropped, merge.kept]);

/** The supplier merges rows were validated with, as stored. */
export const mergePairs = (merges: Merge[]) => JSON.stringify(mergedByName(merges).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));

/** The supplier id a row's cells name, before any merge ('' for none). */
const rawSupplier = (row: RawTable['rows'][number]) => row.values.supplier?.trim() ?? '';

/**
 * Each indexed table's environment and the hashes of its rows; and the rows the reader carried (left
 * unread because `stored` knew them) taken from the stored index, or CarryUndone when the index may
 * not be used for them.
 */
export async function carryUnchanged(
  driver: Driver, tables: RawTable[], stored: Map<TableName, StoredIndex> | null, states: Map<TableName, TableState>,
  context: { code: string; mapping?: Mapping; aliases?: Aliases; merges: Merge[] | null },
): Promise<RawInfo> {
  const info: RawInfo = { tables: new Map(), carried: new Map(), merges: context.merges ? mergePairs(context.merges) : '' };
  const indexed = tables.filter(table => INDEXED_TABLES.includes(table.table) && table.rawHashes && tables.filter(other => other.table === table.table).length === 1);
  // Rows left unread in a table the index is not for (a table in two files) would be lost: read everything.
  if (tables.some(table => table.carried && !indexed.includes(table))) throw new CarryUndone('rows left unread in a table of two files');
  if (indexed.length === 0) return info;
  const [catalogue] = await read<{ runId: string }>(driver, query('import/latest-run').text, { source: CATALOGUE_SOURCE });
  for (const table of indexed) {
    const env = environment(table, { ...context, catalogueRun: catalogue?.runId ?? null });
    info.tables.set(table.table, { env, raws: table.rawHashes!, suppliers: table.rows.map(rawSupplier) });
    if (!table.carried) continue;
    const index = stored?.get(table.table);
    const state = states.get(table.table);
    const rows = table.rows.length + table.carried.length;
    // Rows read and rows removed become the diff; one too large to record is written whole.
    const diff = table.rows.length + (index?.columns.raws.length ?? 0) - table.carried.length;
    if (!index || !state || index.env !== env || index.digest !== state.digest || bucketCount(rows) !== state.buckets || diff > DETAIL_LIMIT) throw new CarryUndone(`${table.table}: the index does not hold`);
    const positions = table.carried.map(raw => index.at.get(raw)!);
    const column = (name: keyof IndexColumns) => positions.map(i => index.columns[name][i]);
    const kept = new Uint8Array(index.columns.uids.length);
    for (const i of positions) kept[i] = 1;
    const gone = index.columns.uids.filter((_, i) => !kept[i]);
    const inBase = Int32Array.from(positions, i => index.inBase[i]);
    // Written as a delta unless the rows read, the carried rows of the delta and the base rows gone come to DELTA_SHARE of the base.
    const fromBase = inBase.reduce((count, at) => count + (at < 0 ? 0 : 1), 0);
    const delta = table.rows.length + (inBase.length - fromBase) + (index.baseRows - fromBase) <= index.baseRows * DELTA_SHARE;
    info.carried.set(table.table, { raws: table.carried, uids: column('uids'), hashes: column('hashes'), organisations: column('organisations'), refs: column('refs'), suppliers: column('suppliers'), gone, inBase, baseRows: index.baseRows, delta });
  }
  return info;
}

/**
 * CarryUndone when the carried rows cannot stay carried after the others were validated: merges
 * other than those they were carried with, a validated row with a carried row's uid, or a carried
 * row's reference that is neither in the import nor in the database.
 */
export async function checkCarried(info: RawInfo, landscape: Landscape, merges: Merge[], lookup: Lookup): Promise<void> {
  if (info.carried.size === 0) return;
  if (mergePairs(merges) !== info.merges) throw new CarryUndone('supplier merges changed');
  // The rows read are few: each carried uid is looked up among theirs (a set of every carried uid took a quarter of a second).
  const read = new Set<string>();
  for (const table of INDEXED_TABLES) for (const row of landscape[table] as never[]) read.add(rowUid[table](row));
  for (const { uids } of info.carried.values()) for (const one of uids) if (read.has(one)) throw new CarryUndone('a row read has the id of a carried row');
  const known = new Set<string>([
    ...landscape.suppliers.map(row => uid.supplier(row.id)),
    ...merges.map(merge => uid.supplier(merge.kept)),
    ...landscape.platforms.map(row => uid.platform(row.id)),
    ...landscape.applications.map(row => uid.application(row.organisation, row.id)),
    ...(info.carried.get('applications')?.uids ?? []),
  ]);
  const open = new Set<string>();
  for (const { refs } of info.carried.values()) {
    for (const joined of refs) {
      if (joined === '') continue;
      // Most rows refer to one or two: split only when there is more than one.
      if (!joined.includes(REF)) {
        if (!known.has(joined)) open.add(joined);
        continue;
      }
      for (const ref of joined.split(REF)) if (!known.has(ref)) open.add(ref);
    }
  }
  if (open.size > 0 && (await lookup.existingUids([...open])).size !== open.size) throw new CarryUndone('a carried row refers to something no longer there');
  letGoOfBaseRows(info);
}

/**
 * Once checked, a table written as a delta needs the row hashes, references and suppliers of its
 * delta's rows only: the base's are let go of for the rest of the import (the country's references
 * alone are 33 MB of text).
 */
function letGoOfBaseRows(info: RawInfo): void {
  for (const carried of info.carried.values()) {
    if (!carried.delta) continue;
    for (const name of ['raws', 'refs', 'suppliers'] as const) carried[name] = carried[name].map((value, i) => (carried.inBase[i] < 0 ? value : ''));
  }
}

/** Carried application uids (validation counts them as present). */
export const carriedApplications = (info: RawInfo | null): string[] => info?.carried.get('applications')?.uids ?? [];

/** Rows per table the import holds but did not read (for the report's counts). */
export const carriedCounts = (info: RawInfo | null): [TableName, number][] => [...(info?.carried ?? [])].map(([table, columns]) => [table, columns.uids.length]);

/** A table's index to store: a new base (and no delta), or a delta on the stored base (index null). */
export type IndexToWrite = { table: TableName; env: string; index: string | null; delta: string | null };

/**
 * The index to store for each indexed table: the rows read (their hashes in `info`, in the order of
 * the landscape's rows), then the rows carried, as `hashed` has them. While rows were carried and the
 * delta stays small, only the delta: the rows read and the carried rows not in the base, and the base
 * positions not carried.
 */
export function indexesToWrite(landscape: Landscape, hashed: HashedTable[], info: RawInfo): IndexToWrite[] {
  return hashed.flatMap(({ table, uids, hashes }): IndexToWrite[] => {
    const own = info.tables.get(table);
    const carried = info.carried.get(table);
    const rows = landscape[table] as { organisation: string }[];
    if (!own || own.raws.length !== rows.length || rows.length + (carried?.uids.length ?? 0) !== uids.length) return [];
    const columns: IndexColumns = {
      raws: [...own.raws, ...(carried?.raws ?? [])],
      uids,
      hashes,
      organisations: [...rows.map(row => row.organisation), ...(carried?.organisations ?? [])],
      refs: [...rows.map(row => references(table, row as never).map(ref => ref.uid).join(REF)), ...(carried?.refs ?? [])],
      suppliers: [...own.suppliers, ...(carried?.suppliers ?? [])],
    };
    if (!carried) return [{ table, env: own.env, index: packColumns(columns), delta: null }];
    const carriedFromBase = new Uint8Array(carried.baseRows);
    const added = Array.from(own.raws, (_, i) => i);
    carried.inBase.forEach((at, i) => (at < 0 ? added.push(rows.length + i) : (carriedFromBase[at] = 1)));
    const gone: number[] = [];
    carriedFromBase.forEach((kept, at) => kept || gone.push(at));
    if (!carried.delta) return [{ table, env: own.env, index: packColumns(columns), delta: null }];
    const delta = Object.fromEntries(COLUMNS.map(name => [name, added.map(i => columns[name][i])])) as IndexColumns;
    return [{ table, env: own.env, index: null, delta: packColumns(delta, gone) }];
  });
}

/** Whether the index written last time still holds as it is: every row of every indexed table carried. */
export const indexUnchanged = (info: RawInfo | null, landscape: Landscape) =>
  info !== null && [...info.tables.keys()].every(table => info.carried.has(table) && landscape[table].length === 0);

/** Stores the indexes with their tables' state (written just before, in the same transaction). */
export async function writeIndexes(tx: QueryRunner, source: string, indexes: IndexToWrite[], merges: string, digests: Map<TableName, string>): Promise<void> {
  if (indexes.length === 0) return;
  await tx.run(query('history/write-raw-indexes').text, {
    indexes: indexes.map(({ table, env, index, delta }) => ({ key: tableKey(source, table), version: INDEX_VERSION, env, index, delta, digest: digests.get(table) ?? null, merges })),
  });
}
