// What each source asserts, row by row: per source and table, the uid and hash of every validated row
// and the row itself, kept in Neo4j so the next import of the source can be a diff (importers/diff.ts)
// and the landscape as of an earlier run can be made again (importers/history.ts).
//
// (:SourceTable {key: 'source|table'}) says which code wrote the table's rows, their digest and count,
// and the digest of each bucket; (:RowBucket {key: 'source|table|bucket'}) holds up to 32 rows: `uids`
// and `hashes` (lists) and `rows`, the rows' JSON one per line, deflated. A row lives in the bucket its
// uid hashes to, so a re-import reads and rewrites only the buckets whose digest its rows change. Why
// buckets, not a node per row: the country's 440,000 row nodes would be written by every first import
// (about a tenth more work for Neo4j); its some 20,000 buckets cost a first import a second or two.
import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Driver } from 'neo4j-driver';
import { read } from '../server/neo4j.js';
import { query } from '../server/queries.js';
import type { QueryRunner } from './load.js';
import { type Landscape, TABLES, type TableName } from './model.js';
import { rowUid } from './removals.js';


/**
 * Rows per bucket, at most: the bucket count is the power of two that keeps buckets this small. Small,
 * because a re-import reads and rewrites every bucket a change falls in: 1 % of the country's rows
 * changed evenly touched all of its 295 buckets of 2,000 rows (31 MB read and written), and touches
 * about a quarter of buckets of 32. Each bucket's digest (of its uids and hashes) is kept with the
 * table, so a re-import reads only the buckets whose digest differs, not every row's uid and hash.
 */
const BUCKET_ROWS = 32;

/** One table's rows as an import holds them: uid, hash and (until packed) JSON, in file order; each bucket's digest. */
export type HashedTable = { table: TableName; uids: string[]; hashes: string[]; digest: string; organisations: string[]; bucketDigests: string[] };

/** A table's row state as stored (SourceTable); `bucketDigests` null where an older Roer wrote it. */
export type TableState = { table: TableName; code: string; digest: string; rows: number; buckets: number; organisations: string[]; bucketDigests: string[] | null };

/** uid → hash of every row of a table the source asserts now. */
export type RowIndex = Map<string, string>;

/**
 * A row as JSON, its lists sorted: a row's lists are sets (reference components, business functions,
 * standards, covered applications), so a delivery that only orders them differently is not a change.
 * Validated rows come with their lists sorted (importers/validate.ts), and then JSON.stringify needs no
 * replacer: the replacer, called for every value, took about half of hashing the country's rows.
 */
export const rowJson = (row: unknown) => (listsSorted(row) ? JSON.stringify(row) : JSON.stringify(row, sortedLists));

const sortedLists = (_key: string, value: unknown) => (isStringList(value) ? [...value].sort() : value);
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every(item => typeof item === 'string');

/** Whether a list is in sort() order already. */
export function isSorted(list: readonly string[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1] > list[i]) return false;
  return true;
}

/** Whether every list of strings in `value`, at any depth, is in sort() order already. */
function listsSorted(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (isStringList(value)) return isSorted(value);
  if (Array.isArray(value)) return value.every(listsSorted);
  for (const key in value) if (!listsSorted((value as Record<string, unknown>)[key])) return false;
  return true;
}

/**
 * 64 bits of a fast non-cryptographic hash of the row's JSON (cyrb53's mixing, both lanes kept): it
 * only tells a row from its own previous version, where a collision is one in 2^64. SHA-1 per row
 * took 7.7 s of the country's import on a busy machine; this, a fraction of a second.
 */
export function rowHash(json: string): string {
  startHash();
  feedHash(json);
  return hashNow();
}

// The hash's two lanes, fed piece by piece: a bucket's digest is the hash of its rows' uids and hashes
// without the string that joins them (bucketDigest).
let h1 = 0;
let h2 = 0;
function startHash(): void {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
}
function feedHash(text: string): void {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
}
function hashNow(): string {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return (b >>> 0).toString(36).padStart(7, '0') + (a >>> 0).toString(36).padStart(7, '0');
}

/**
 * Rows not read again (importers/raw-index.ts): what they were hashed to last time; the uids of the
 * stored rows not carried (changed or gone), and the table's stored bucket digests.
 */
export type CarriedRows = { uids: readonly string[]; hashes: readonly string[]; organisations: readonly string[]; gone: readonly string[]; digests?: readonly string[] | null };

/**
 * One table's uids, hashes, digest and organisations; `json` gets each row's JSON as it is made.
 * `carried` rows come after the landscape's, with the uids and hashes they have.
 */
function hashTable(landscape: Landscape, table: TableName, json: (i: number, text: string) => void = () => {}, carried?: CarriedRows): HashedTable {
  const rows = landscape[table] as { organisation?: string }[];
  const total = rows.length + (carried?.uids.length ?? 0);
  const uids: string[] = new Array(total);
  const hashes: string[] = new Array(total);
  const organisations = new Set<string>(carried?.organisations);
  const uidOf = rowUid[table] as (row: unknown) => string;
  rows.forEach((row, i) => {
    const text = rowJson(row);
    uids[i] = uidOf(row);
    hashes[i] = rowHash(text);
    json(i, text);
    if (row.organisation) organisations.add(row.organisation);
  });
  for (let k = 0; k < (carried?.uids.length ?? 0); k++) {
    uids[rows.length + k] = carried!.uids[k];
    hashes[rows.length + k] = carried!.hashes[k];
  }
  // With carried rows, only the buckets of the rows read and of the stored rows not carried can differ.
  const touched = (count: number) => new Set([...uids.slice(0, rows.length), ...(carried?.gone ?? [])].map(one => bucketOf(one, count)));
  const unchanged = carried?.digests ? { digests: carried.digests, touched } : undefined;
  return { table, uids, hashes, digest: createHash('sha256').update(hashes.join('')).digest('base64'), organisations: [...organisations].sort(), bucketDigests: bucketDigests(uids, hashes, unchanged) };
}

/** Each bucket's digest: of its rows' uids and hashes in uid order, as the bucket stores them (bucketDigest). */
function bucketDigests(uids: string[], hashes: string[], unchanged?: { digests: readonly string[]; touched: (count: number) => Set<number> }): string[] {
  const count = bucketCount(uids.length);
  // Buckets no row read or gone falls in keep the digest stored for them.
  const kept = unchanged?.digests.length === count ? unchanged : undefined;
  const touched = kept?.touched(count);
  const members: number[][] = Array.from({ length: count }, () => []);
  uids.forEach((uid, i) => {
    const bucket = bucketOf(uid, count);
    if (!touched || touched.has(bucket)) members[bucket].push(i);
  });
  return members.map((rows, bucket) => {
    if (touched && !touched.has(bucket)) return kept!.digests[bucket];
    rows.sort((a, b) => (uids[a] < uids[b] ? -1 : uids[a] > uids[b] ? 1 : 0));
    return bucketDigest(rows.map(i => uids[i]), rows.map(i => hashes[i]));
  });
}

/** A bucket's digest from its uids (sorted) and their hashes: the hash of `uid NUL hash` lines. */
export function bucketDigest(uids: string[], hashes: string[]): string {
  startHash();
  for (let i = 0; i < uids.length; i++) {
    if (i > 0) feedHash('\n');
    feedHash(uids[i]);
    feedHash('\u0000');
    feedHash(hashes[i]);
  }
  return hashNow();
}

/** uid and hash of every row of `tables` (in file order), with each table's digest and organisations. */
export const hashTables = (landscape: Landscape, tables: readonly TableName[], carried?: (table: TableName) => CarriedRows | undefined): HashedTable[] =>
  tables.map(table => hashTable(landscape, table, undefined, carried?.(table)));

export const bucketCount = (rows: number) => 2 ** Math.max(0, Math.ceil(Math.log2(Math.max(1, rows) / BUCKET_ROWS)));

/** FNV-1a of the uid, masked to the bucket count (a power of two). */
export function bucketOf(uid: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < uid.length; i++) hash = Math.imul(hash ^ uid.charCodeAt(i), 0x01000193);
  return (hash >>> 0) & (buckets - 1);
}

export const bucketKey = (source: string, table: TableName, bucket: number) => `${source}|${table}|${bucket}`;
export const tableKey = (source: string, table: TableName) => `${source}|${table}`;

/** The row states of `source` (all tables, or those of `tables`). */
export async function readTableStates(driver: Driver, source: string): Promise<Map<TableName, TableState>> {
  const rows = await read<TableState>(driver, query('history/table-states').text, { source });
  return new Map(rows.map(row => [row.table, row]));
}

/** uid → hash of every row of the table, from its buckets' lists (one record per bucket). */
export async function readIndex(driver: Driver, source: string, table: TableName): Promise<RowIndex> {
  const index: RowIndex = new Map();
  await read<{ uids: string[]; hashes: string[] }>(driver, query('history/bucket-index').text, { source, table }, bucket => {
    for (let i = 0; i < bucket.uids.length; i++) index.set(bucket.uids[i], bucket.hashes[i]);
    return { uids: [], hashes: [] };
  });
  return index;
}

/** A bucket as stored: its rows' uids and hashes, and their JSON lines still packed (bucketRows unpacks them). */
export type StoredBucket = { uids: string[]; hashes: string[]; rows: PackedRows };

/**
 * The given buckets, by key, their rows still packed: a re-import unpacks them one by one as it
 * rewrites them, not all at once (the country's 1 % re-import reads about 4,000).
 */
export async function readBucketRows(driver: Driver, keys: string[]): Promise<Map<string, StoredBucket>> {
  const found = await read<StoredBucket & { key: string }>(driver, query('history/bucket-rows').text, { keys });
  return new Map(found.map(({ key, ...bucket }) => [key, bucket]));
}

/** A stored bucket's rows: uid → [hash, JSON]. */
export function bucketRows(bucket: StoredBucket): Map<string, [string, string]> {
  const lines = packedLines(bucket.rows);
  return new Map(bucket.uids.map((uid, i) => [uid, [bucket.hashes[i], lines[i]]]));
}

/** Every row (JSON) of a table, bucket by bucket (history's landscape as of a run, exports). */
export async function readAllRows(driver: Driver, source: string, table: TableName): Promise<Map<string, string>> {
  const rows = new Map<string, string>();
  const found = await read<{ uids: string[]; rows: PackedRows }>(driver, query('history/table-rows').text, { source, table });
  for (const bucket of found) for (const [uid, json] of unpackRows(bucket.uids, bucket.rows)) rows.set(uid, json);
  return rows;
}

// Synchronous: buckets are a few kilobytes, and the country's 18,000 deflated at once as promises
// each held a zlib stream (the first import's process reached 2.2 GB).
export function unpackRows(uids: string[], packed: PackedRows): Map<string, string> {
  const lines = packedLines(packed);
  return new Map(uids.map((uid, i) => [uid, lines[i]]));
}

/** A bucket's JSON lines, in the order of its uids. */
function packedLines(packed: PackedRows): string[] {
  const bytes = typeof packed === 'string' ? Buffer.from(packed, 'base64') : Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  return inflateRawSync(bytes).toString('utf8').split('\n');
}

/**
 * A bucket's rows, deflated, as base64 text: the driver reads byte arrays byte by byte (13 MB took
 * 1.6 s, the same as text 0.1 s). Buckets an older Roer wrote hold a byte array.
 */
export type PackedRows = string | Int8Array;

/** A bucket as written: its rows in uid order. */
export type Bucket = { key: string; source: string; table: TableName; bucket: number; uids: string[]; hashes: string[]; rows: string };

/** Sorts and deflates one bucket's rows (uid → [hash, JSON]). */
export function packBucket(source: string, table: TableName, bucket: number, rows: Map<string, [string, string]>): Bucket {
  const uids = [...rows.keys()].sort();
  const hashes = uids.map(uid => rows.get(uid)![0]);
  const packed = deflateRawSync(Buffer.from(uids.map(uid => rows.get(uid)![1]).join('\n'), 'utf8'), { level: 1 });
  return { key: bucketKey(source, table, bucket), source, table, bucket, uids, hashes, rows: packed.toString('base64') };
}

/** A row state as written: buckets and per-table metadata. */
export type PackedState = { buckets: Bucket[]; tables: TableState[] };

/**
 * The whole row state of the tables (a first import, or one that writes everything), hashed in the
 * same pass: every row's JSON made once, grouped by bucket and deflated table by table, so that at
 * most one table's JSON is held.
 */
export async function packTables(source: string, landscape: Landscape, tables: readonly TableName[]): Promise<{ hashed: HashedTable[]; state: PackedState }> {
  const hashed: HashedTable[] = [];
  const state: PackedState = { buckets: [], tables: [] };
  for (const table of tables) {
    const count = bucketCount((landscape[table] as unknown[]).length);
    const grouped = Array.from({ length: count }, () => new Map<string, [string, string]>());
    const texts: string[] = [];
    const one = hashTable(landscape, table, (i, text) => (texts[i] = text));
    one.uids.forEach((uid, i) => grouped[bucketOf(uid, count)].set(uid, [one.hashes[i], texts[i]]));
    texts.length = 0;
    state.buckets.push(...grouped.map((rows, bucket) => packBucket(source, table, bucket, rows)));
    state.tables.push({ table, code: '', digest: one.digest, rows: one.uids.length, buckets: count, organisations: one.organisations, bucketDigests: one.bucketDigests });
    hashed.push(one);
  }
  return { hashed, state };
}

/**
 * Writes the tables' state in the import's transaction: their metadata, the buckets given (replacing
 * those with the same key) and, where `replaceAll`, no bucket of the table but these.
 */
export async function writeState(tx: QueryRunner, source: string, code: string, runId: string, state: PackedState, replaceAll: readonly TableName[]): Promise<void> {
  if (replaceAll.length > 0) await tx.run(query('history/delete-buckets').text, { source, tables: [...replaceAll], keep: state.buckets.map(bucket => bucket.key) });
  // About a megabyte per statement: the country's state is about 30 MB deflated, in some 20,000 buckets.
  for (let i = 0; i < state.buckets.length; i += 1_000) await tx.run(query('history/write-buckets').text, { buckets: state.buckets.slice(i, i + 1_000) });
  await tx.run(query('history/write-tables').text, {
    source, runId, tables: state.tables.map(table => ({ ...table, key: tableKey(source, table.table), code })),
  });
}

/** Forgets a source's row state (its deletion). */
export const deleteState = (tx: QueryRunner, source: string) => tx.run(query('history/delete-state').text, { source, tables: [...TABLES] });
