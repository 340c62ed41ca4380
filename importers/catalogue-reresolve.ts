// When a GEMMA release renames reference components, the sources that name them are re-resolved in the
// catalogue's own transaction (issue 19, item 3). The remap (archimate/remap-reference-components) moves
// their links to the renamed nodes; this makes their row state (importers/row-state.ts) follow: the
// application rows that named an old name are resolved again, as their importer would resolve them now,
// and written back with their new hash into the same buckets. So the next import of a source's unchanged
// files finds every row unchanged and writes nothing (importers/unchanged.ts).
//
// Why the state follows rather than rows being hashed as delivered: the row state is what the source
// asserts in the graph. A diff turns the stored previous row into graph facts to take off what a changed
// row no longer asserts (diff.ts factDiff), and the landscape as of a run is made from the stored rows
// (history.ts): with the names as delivered, both would name nodes the rename removed. Only names matter:
// rows hold resolved names, never GEMMA or ArchiMate ids, so a release that changes an id but not the
// name changes no row.
//
// The re-resolution is the source's change, recorded as such: a RunDiff of kind `catalogue` with the
// rows before and after, so the landscape as of one of its earlier runs still names the components as
// they were then, and "what changed" lists it. It takes no journal number: the catalogue's own run,
// which wrote everything, does.
import { randomUUID } from 'node:crypto';
import { query } from '../server/queries.js';
import { knownReferences, resolvedNames, type ResolvedReference } from './catalogue.js';
import type { RowChange } from './diff.js';
import { DETAIL_LIMIT, organisationsOf, writeRunDiff } from './history.js';
import { CATALOGUE_SOURCE, type QueryRunner } from './load.js';
import { type Bucket, type PackedRows, bucketDigest, bucketKey, bucketOf, packBucket, rowHash, rowJson, tableKey, unpackRows } from './row-state.js';

/** Per source, the applications whose REALISES a catalogue run is about to move from a renamed component. */
export type Dependents = Map<string, string[]>;

/** What the catalogue run re-resolved: per source, the application rows whose stored names it changed. */
export type Reresolved = { source: string; rows: number }[];

type StoredBucket = { key: string; uids: string[]; hashes: string[]; rows: PackedRows };

const rowsOf = async <T>(tx: QueryRunner, name: string, params: Record<string, unknown>) =>
  (await tx.run(query(name).text, params)).records.map(record => record.toObject() as T);

/**
 * The sources (not the catalogue) whose applications realise a component the catalogue run `stamp`
 * renames, with those applications: read after the remap marked the old nodes, before it moves the links.
 */
export async function dependentRows(tx: QueryRunner, stamp: string): Promise<Dependents> {
  const found = await rowsOf<{ source: string; uids: string[] }>(tx, 'archimate/dependent-rows', { stamp });
  return new Map(found.map(row => [row.source, row.uids]));
}

/**
 * Re-resolves the stored application rows of `dependents` through the catalogue as the transaction
 * holds it (after the remap), rewrites the buckets they are in and the table's bucket digests, and
 * records each source's changed rows as its RunDiff (kind `catalogue`). A source without a state per
 * bucket (written by an older Roer) is left: its next import reads every row, finds these changed,
 * and its report says the catalogue changed them (catalogue-changes.ts).
 */
export async function reresolveDependents(tx: QueryRunner, dependents: Dependents, run: { user?: string }): Promise<Reresolved> {
  const done: Reresolved = [];
  for (const [source, uids] of dependents) {
    const [state] = await rowsOf<{ table: string; rows: unknown; buckets: unknown; bucketDigests: string[] | null }>(tx, 'history/table-states', { source })
      .then(states => states.filter(s => s.table === 'applications'));
    if (!state?.bucketDigests || state.bucketDigests.length !== Number(state.buckets)) continue;
    const count = Number(state.buckets);
    const keys = [...new Set(uids.map(uid => bucketKey(source, 'applications', bucketOf(uid, count))))];
    const buckets = await rowsOf<StoredBucket>(tx, 'history/bucket-rows', { keys });
    const wanted = new Set(uids);
    const stored = buckets.map(bucket => ({ bucket, json: unpackRows(bucket.uids, bucket.rows) }));
    const rowsNamed = stored.flatMap(({ json }) => [...json].filter(([uid]) => wanted.has(uid)).map(([uid, text]) => ({ uid, row: JSON.parse(text) as { referenceComponents?: string[] }, before: text })));
    const refs = [...new Set(rowsNamed.flatMap(({ row }) => row.referenceComponents ?? []))];
    const known = knownReferences(await rowsOf<ResolvedReference>(tx, 'archimate/resolve-reference-components', { refs, catalogue: CATALOGUE_SOURCE }));
    const changes: RowChange[] = [];
    for (const { uid, row, before } of rowsNamed) {
      if (!row.referenceComponents) continue;
      const after = rowJson({ ...row, referenceComponents: resolvedNames(row.referenceComponents, known) });
      if (after !== before) changes.push({ table: 'applications', uid, kind: 'changed', before, after });
    }
    if (changes.length === 0) continue;
    const digests = [...state.bucketDigests];
    await tx.run(query('history/write-buckets').text, { buckets: rewrittenBuckets(source, stored, changes, digests) });
    await tx.run(query('history/reresolved-table').text, { key: tableKey(source, 'applications'), bucketDigests: digests, digest: `catalogue:${rowHash(digests.join(''))}` });
    const rows = Number(state.rows);
    await writeRunDiff(tx, {
      runId: randomUUID(), source, kind: 'catalogue', patchable: false, user: run.user ?? 'unknown',
      counts: { applications: { added: 0, changed: changes.length, removed: 0, unchanged: rows - changes.length } },
      organisations: organisationsOf(changes), changes: changes.length <= DETAIL_LIMIT ? changes : null, graph: { created: {}, removed: {} },
    }, null, new Date().toISOString());
    done.push({ source, rows: changes.length });
  }
  return done;
}

/** The stored buckets a changed row is in, with those rows' new JSON and hash; `digests` (by bucket) take their new digests. */
function rewrittenBuckets(source: string, stored: { bucket: StoredBucket; json: Map<string, string> }[], changes: RowChange[], digests: string[]): Bucket[] {
  const changed = new Map(changes.map(change => [change.uid, change.after!]));
  return stored.filter(({ bucket }) => bucket.uids.some(uid => changed.has(uid))).map(({ bucket, json }) => {
    const index = bucketOf(bucket.uids[0], digests.length);
    const rows = new Map(bucket.uids.map((uid, i): [string, [string, string]] => {
      const text = changed.get(uid);
      return [uid, text === undefined ? [bucket.hashes[i], json.get(uid)!] : [rowHash(text), text]];
    }));
    const packed = packBucket(source, 'applications', index, rows);
    digests[index] = bucketDigest(packed.uids, packed.hashes);
    return packed;
  });
}
