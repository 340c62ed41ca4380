// An import as a diff: the validated rows compared with what the source asserts now (its row state,
// importers/row-state.ts) by uid and hash. Rows that are the same are not written, not even stamped;
// added and changed rows are turned into the graph, and of a changed row only the facts that differ
// from what its previous version wrote are written (factDiff); the facts of removed rows, and those a
// changed row no longer asserts, lose the source's stamp (cleanup/row-*.cypher). Every row added,
// changed or removed is kept as the run's history (importers/history.ts).
import type { Driver } from 'neo4j-driver';
import { type GraphRows, type NodeLabel, type NodeRow, type RelationshipRow, type RelationshipType, type Value, CATALOGUE_LABELS, hash, transform } from './load.js';
import { type Landscape, type TableName, emptyLandscape } from './model.js';
import { type Bucket, type HashedTable, type RowIndex, type StoredBucket, type TableState, bucketCount, bucketKey, bucketOf, bucketRows, packBucket, readBucketRows, readIndex, rowJson } from './row-state.js';

export type ChangeKind = 'added' | 'changed' | 'removed';
/** One row the import adds, changes or removes: its JSON before and after (null where there is none). */
export type RowChange = { table: TableName; uid: string; kind: ChangeKind; before: string | null; after: string | null };
export type TableDiff = { added: number; changed: number; removed: number; unchanged: number };

/** Which rows of each table changed, by uid and hash: positions of added and changed rows, uids of removed ones. */
export type RowDiff = {
  counts: Map<TableName, TableDiff>;
  added: Map<TableName, number[]>;
  changed: Map<TableName, number[]>;
  removed: Map<TableName, string[]>;
  size: number;
};

/** Stored buckets as read, per bucket key. */
export type ReadBuckets = Map<string, StoredBucket>;

/**
 * Which rows of each table changed since the source's row state. Where the state has a digest per
 * bucket for as many buckets as the rows now need, only the buckets whose digest differs are read
 * (uids, hashes and rows, kept for changedRows); rows in the others are unchanged. Else (a state from
 * an older Roer, a table that grew past a power of two) every stored uid and hash is read.
 */
export async function diffTables(driver: Driver, source: string, hashed: HashedTable[], states: Map<TableName, TableState>): Promise<{ diff: RowDiff; read: ReadBuckets }> {
  const indexes = new Map<TableName, RowIndex>();
  const compared = new Map<TableName, Set<number>>();
  const read: ReadBuckets = new Map();
  await Promise.all(hashed.map(async ({ table, bucketDigests }) => {
    const stored = states.get(table)?.bucketDigests;
    if (!stored || stored.length !== bucketDigests.length) {
      indexes.set(table, await readIndex(driver, source, table));
      return;
    }
    const touched = bucketDigests.flatMap((digest, bucket) => (digest === stored[bucket] ? [] : [bucket]));
    const index: RowIndex = new Map();
    for (const [key, bucket] of await readBucketRows(driver, touched.map(bucket => bucketKey(source, table, bucket)))) {
      read.set(key, bucket);
      bucket.uids.forEach((uid, i) => index.set(uid, bucket.hashes[i]));
    }
    indexes.set(table, index);
    compared.set(table, new Set(touched));
  }));
  return { diff: diffRows(hashed, indexes, compared), read };
}

/**
 * Rows added, changed and removed, against the stored uid → hash of each table; where `compared` names
 * the buckets whose digest differs, rows of the other buckets are unchanged and not looked at.
 */
export function diffRows(hashed: HashedTable[], indexes: Map<TableName, RowIndex>, compared = new Map<TableName, Set<number>>()): RowDiff {
  const diff: RowDiff = { counts: new Map(), added: new Map(), changed: new Map(), removed: new Map(), size: 0 };
  for (const { table, uids, hashes, bucketDigests } of hashed) {
    const index = indexes.get(table) ?? new Map<string, string>();
    const buckets = compared.get(table);
    const added: number[] = [];
    const changed: number[] = [];
    const present = new Set<string>();
    for (let i = 0; i < uids.length; i++) {
      if (buckets && !buckets.has(bucketOf(uids[i], bucketDigests.length))) continue;
      present.add(uids[i]);
      const before = index.get(uids[i]);
      if (before === undefined) added.push(i);
      else if (before !== hashes[i]) changed.push(i);
    }
    const removed = [...index.keys()].filter(uid => !present.has(uid));
    diff.added.set(table, added);
    diff.changed.set(table, changed);
    diff.removed.set(table, removed);
    diff.counts.set(table, { added: added.length, changed: changed.length, removed: removed.length, unchanged: uids.length - added.length - changed.length });
    diff.size += added.length + changed.length + removed.length;
  }
  return diff;
}

/** The first and last row of each table that the state holds already: the rows whose nodes should carry the source's stamp (stillAsserted). */
export function assertedSample(hashed: HashedTable[], diff: RowDiff): string[] {
  return hashed.flatMap(({ table, uids }) => {
    const added = new Set(diff.added.get(table));
    const held = (i: number) => !added.has(i);
    const first = uids.findIndex((_, i) => held(i));
    if (first < 0) return [];
    let last = uids.length - 1;
    while (!held(last)) last--;
    return [...new Set([uids[first], uids[last]])];
  });
}

/**
 * The rows that changed, with their previous JSON, and the tables' buckets rewritten: only the
 * buckets a change falls in (all of a table whose bucket count changes). The previous rows come
 * from those buckets, which are read anyway to be rewritten.
 */
export async function changedRows(
  driver: Driver, source: string, landscape: Landscape, hashed: HashedTable[], diff: RowDiff, previous: Map<TableName, TableState>, read: ReadBuckets = new Map(),
): Promise<{ changes: RowChange[]; buckets: Bucket[]; replaceAll: TableName[] }> {
  const changes: RowChange[] = [];
  const buckets: Bucket[] = [];
  const replaceAll: TableName[] = [];
  for (const { table, uids, hashes } of hashed) {
    const rows = landscape[table] as unknown[];
    const before = previous.get(table);
    const oldCount = before?.buckets ?? 0;
    const newCount = bucketCount(uids.length);
    const whole = oldCount !== newCount;
    if (whole) replaceAll.push(table);
    const added = diff.added.get(table)!;
    const changed = diff.changed.get(table)!;
    const removed = diff.removed.get(table)!;
    // Buckets with a change: read (for the previous rows) and rewritten.
    const touchedOld = new Set<number>();
    const touchedNew = new Set<number>();
    if (oldCount > 0) for (const uid of [...changed.map(i => uids[i]), ...removed]) touchedOld.add(bucketOf(uid, oldCount));
    for (const i of [...added, ...changed]) touchedNew.add(bucketOf(uids[i], newCount));
    for (const uid of removed) touchedNew.add(bucketOf(uid, newCount));
    if (!whole) for (const bucket of touchedNew) touchedOld.add(bucket);
    const wanted = [...touchedOld].map(bucket => bucketKey(source, table, bucket));
    const unread = oldCount > 0 ? wanted.filter(key => !read.has(key)) : [];
    const oldRows: ReadBuckets = unread.length > 0 ? await readBucketRows(driver, unread) : new Map();
    for (const key of wanted) if (read.has(key)) oldRows.set(key, read.get(key)!);
    // The added and changed rows by the bucket they go to (grouped once: a bucket-by-bucket scan of all
    // of them took seconds for the country's 1 % re-import).
    const positions = new Map<string, number>();
    const arriving = new Map<number, number[]>();
    for (const i of [...added, ...changed]) {
      positions.set(uids[i], i);
      const bucket = bucketOf(uids[i], newCount);
      (arriving.get(bucket) ?? arriving.set(bucket, []).get(bucket)!).push(i);
    }
    const gone = new Set(removed);
    // Bucket by bucket: the previous JSON of the rows that changed or went, and (same bucket count) the
    // bucket rewritten. Each is unpacked only while it is rewritten.
    const previousRows = new Map<string, string>();
    for (const [bucket, key] of [...touchedOld].map(bucket => [bucket, bucketKey(source, table, bucket)] as const)) {
      const stored = oldRows.get(key);
      const old = stored ? bucketRows(stored) : new Map<string, [string, string]>();
      oldRows.delete(key);
      read.delete(key);
      for (const [uid, [, json]] of old) if (gone.has(uid) || positions.has(uid)) previousRows.set(uid, json);
      if (whole || !touchedNew.has(bucket)) continue;
      const rewritten = new Map<string, [string, string]>();
      for (const [uid, row] of old) if (!gone.has(uid) && !positions.has(uid)) rewritten.set(uid, row);
      for (const i of arriving.get(bucket) ?? []) rewritten.set(uids[i], [hashes[i], rowJson(rows[i])]);
      buckets.push(packBucket(source, table, bucket, rewritten));
    }
    const previousJson = (uid: string) => previousRows.get(uid) ?? null;

    for (const i of added) changes.push({ table, uid: uids[i], kind: 'added', before: null, after: rowJson(rows[i]) });
    for (const i of changed) changes.push({ table, uid: uids[i], kind: 'changed', before: previousJson(uids[i]), after: rowJson(rows[i]) });
    for (const uid of removed) changes.push({ table, uid, kind: 'removed', before: previousJson(uid), after: null });

    if (whole) {
      // Every row into the new bucket count: the unchanged rows' JSON is made again from the import.
      const grouped = Array.from({ length: newCount }, () => new Map<string, [string, string]>());
      rows.forEach((row, i) => grouped[bucketOf(uids[i], newCount)].set(uids[i], [hashes[i], rowJson(row)]));
      if (uids.length > 0) buckets.push(...grouped.map((group, bucket) => packBucket(source, table, bucket, group)));
    }
  }
  return { changes, buckets, replaceAll };
}

/** The graph facts to write and to take the source's stamp off, for the rows that changed. */
export type FactDiff = {
  write: GraphRows;
  /** Relationships the previous rows asserted and the new ones do not, per type. */
  relationships: Map<RelationshipType, RelationshipRow[]>;
  /** Nodes of removed rows, and catalogue nodes (organisations, components…) no new row names that old ones did. */
  nodes: { uid: string; catalogue: boolean }[];
  /** Catalogue nodes the new rows name: written only if the source does not assert them already. */
  catalogue: Set<string>;
};

/**
 * Old rows (the previous versions of changed rows, and removed rows) against new rows (changed and
 * added): what the new rows assert that the old ones did not, or with other properties, is written;
 * what only the old ones asserted goes. A relationship belongs to the row of its anchoring node, so
 * the facts of unchanged rows are never among either.
 */
export function factDiff(changes: RowChange[]): FactDiff {
  const before = emptyLandscape();
  const after = emptyLandscape();
  for (const change of changes) {
    if (change.before !== null) (before[change.table] as unknown[]).push(JSON.parse(change.before));
    if (change.after !== null) (after[change.table] as unknown[]).push(JSON.parse(change.after));
  }
  const old = transform(before);
  const now = transform(after);
  const write: GraphRows = { nodes: new Map(), relationships: new Map() };
  const catalogue = new Set<string>();
  for (const [label, byUid] of now.nodes) {
    const previous = old.nodes.get(label)!;
    const kept = new Map<string, NodeRow>();
    for (const [uid, row] of byUid) {
      const was = previous.get(uid);
      if (CATALOGUE_LABELS.includes(label)) {
        if (!was) {
          kept.set(uid, row);
          catalogue.add(uid);
        }
      } else if (!was || hash(was.props) !== hash(row.props)) kept.set(uid, row);
    }
    write.nodes.set(label, kept);
  }
  const relationships = new Map<RelationshipType, RelationshipRow[]>();
  for (const [type, rows] of now.relationships) {
    const previous = new Map(old.relationships.get(type)!.map(row => [identity(row), row]));
    const current = new Set<string>();
    write.relationships.set(type, rows.filter(row => {
      const id = identity(row);
      current.add(id);
      const was = previous.get(id);
      return !was || !sameProps(was.props, row.props);
    }));
    relationships.set(type, [...previous].filter(([id]) => !current.has(id)).map(([, row]) => row));
  }
  const nodes: FactDiff['nodes'] = [];
  for (const [label, byUid] of old.nodes) {
    const current = now.nodes.get(label as NodeLabel)!;
    for (const uid of byUid.keys()) if (!current.has(uid)) nodes.push({ uid, catalogue: CATALOGUE_LABELS.includes(label) });
  }
  return { write, relationships, nodes, catalogue };
}

const identity = (row: RelationshipRow) => `${row.from}\u0000${row.to}\u0000${row.key}`;
const sameProps = (a: Record<string, Value>, b: Record<string, Value>) => hash(a) === hash(b);
