// The row state (importers/row-state.ts) a diff leaves must be the one a first import of the same rows
// writes: same buckets, same rows, same digests. A re-import reads only the buckets whose digest
// differs, so a wrong digest or a bucket left stale would hide a change from every later import.
import type { Driver } from 'neo4j-driver';
import { generateLandscape } from '../../importers/demo/generate.js';
import { importLandscape } from '../../importers/import.js';
import { TABLES, type Landscape } from '../../importers/model.js';
import { read, write } from '../../server/neo4j.js';
import { bucketDigest, rowHash, rowJson } from '../../importers/row-state.js';
import { resetDatabase, testDriver } from '../support/db.js';

type StoredBucket = { key: string; uids: string[]; hashes: string[]; rows: Int8Array };

const storedBuckets = async (driver: Driver, source: string) => new Map((await read<StoredBucket>(driver,
  'MATCH (b:RowBucket {source: $source}) RETURN b.key AS key, b.uids AS uids, b.hashes AS hashes, b.rows AS rows', { source })).map(bucket => [bucket.key, bucket]));

const storedDigests = async (driver: Driver, source: string) => Object.fromEntries((await read<{ table: string; digests: string[]; buckets: number }>(driver,
  'MATCH (t:SourceTable {source: $source}) RETURN t.table AS table, t.bucketDigests AS digests, t.buckets AS buckets', { source })).map(row => [row.table, row]));

/** What a first import of `landscape` stores, in an emptied database: each bucket's uids and hashes, each table's digests. */
async function firstImportState(driver: Driver, source: string, landscape: Landscape) {
  await resetDatabase(driver);
  expect(await importLandscape(driver, structuredClone(landscape), { source, user: 'tester', headlines: false })).toMatchObject({ ok: true, written: 'initial' });
  return { buckets: uidsAndHashes(await storedBuckets(driver, source)), digests: await storedDigests(driver, source) };
}

const uidsAndHashes = (buckets: Map<string, StoredBucket>) => new Map([...buckets].map(([key, bucket]) => [key, { uids: bucket.uids, hashes: bucket.hashes }]));

describe('the row state a diff leaves', () => {
  let driver: Driver;
  const source = 'demo:state';
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when one application of a municipality is renamed, then one bucket is rewritten and the state equals a first import of the new rows', async () => {
    const landscape = generateLandscape({ size: 'municipality' });
    const first = await importLandscape(driver, structuredClone(landscape), { source, user: 'tester', headlines: false });
    expect(first).toMatchObject({ ok: true, written: 'initial' });
    const before = await storedBuckets(driver, source);
    // A municipality's applications fill many buckets: the test is about reading and writing few of them.
    expect([...before.keys()].filter(key => key.startsWith(`${source}|applications|`)).length).toBeGreaterThan(8);

    const changed = structuredClone(landscape);
    changed.applications[7] = { ...changed.applications[7], name: `${changed.applications[7].name} (vernieuwd)` };
    const second = await importLandscape(driver, structuredClone(changed), { source, user: 'tester', headlines: false });
    expect(second).toMatchObject({ ok: true, written: 'diff' });
    expect(second.tables.applications).toMatchObject({ updated: 1, created: 0, removed: 0 });

    const after = await storedBuckets(driver, source);
    const rewritten = [...after.keys()].filter(key => Buffer.compare(Buffer.from(after.get(key)!.rows), Buffer.from(before.get(key)?.rows ?? [])) !== 0);
    expect(rewritten).toHaveLength(1);
    expect(rewritten[0]).toMatch(new RegExp(`^${source}\\|applications\\|`));

    // Unchanged again: nothing to read but the digests, nothing written.
    const third = await importLandscape(driver, structuredClone(changed), { source, user: 'tester', headlines: false });
    expect(third).toMatchObject({ ok: true, written: 'unchanged' });

    const digests = await storedDigests(driver, source);
    const expected = await firstImportState(driver, source, changed);
    expect(uidsAndHashes(after)).toEqual(expected.buckets);
    expect(digests).toEqual(expected.digests);
  });

  it('when the state has no bucket digests (written by an older Roer), then the re-import compares every row, finds the change, and writes the digests', async () => {
    const landscape = generateLandscape({ size: 'municipality' });
    await importLandscape(driver, structuredClone(landscape), { source, user: 'tester', headlines: false });
    await write(driver, 'MATCH (t:SourceTable {source: $source}) REMOVE t.bucketDigests', { source });

    const changed = structuredClone(landscape);
    changed.contracts = changed.contracts.slice(1);
    const second = await importLandscape(driver, structuredClone(changed), { source, user: 'tester', headlines: false, allowRemovals: true });
    expect(second).toMatchObject({ ok: true, written: 'diff' });
    expect(second.tables.contracts).toMatchObject({ removed: 1, created: 0, updated: 0 });
    for (const table of TABLES.filter(table => table !== 'contracts')) expect(second.tables[table]).toMatchObject({ created: 0, updated: 0, removed: 0 });

    const [buckets, digests] = [uidsAndHashes(await storedBuckets(driver, source)), await storedDigests(driver, source)];
    const expected = await firstImportState(driver, source, changed);
    expect(buckets).toEqual(expected.buckets);
    expect(digests).toEqual(expected.digests);
  });

  it('when the nodes of an unchanged source were deleted by hand, then the re-import writes them again instead of calling the files unchanged', async () => {
    const landscape = generateLandscape({ size: 'municipality' });
    await importLandscape(driver, structuredClone(landscape), { source, user: 'tester', headlines: false });
    await write(driver, 'MATCH (n:Application) DETACH DELETE n');
    const again = await importLandscape(driver, structuredClone(landscape), { source, user: 'tester', headlines: false, allowRemovals: true });
    expect(again.ok).toBe(true);
    expect(again.written).not.toBe('unchanged');
    const [{ applications }] = await read<{ applications: number }>(driver, 'MATCH (a:Application) RETURN count(a) AS applications');
    expect(applications).toBe(landscape.applications.length);
  });
});

describe('a row as the row state hashes it', () => {
  it('when a row lists the same items in another order, at any depth, then its JSON and hash are those of the sorted row', () => {
    const unsorted = { id: 'a', referenceComponents: ['Zaaksysteem', 'Berichtenmakelaar'], extra: { tags: ['z', 'y'] } };
    const sorted = { id: 'a', referenceComponents: ['Berichtenmakelaar', 'Zaaksysteem'], extra: { tags: ['y', 'z'] } };
    expect(rowJson(unsorted)).toBe('{"id":"a","referenceComponents":["Berichtenmakelaar","Zaaksysteem"],"extra":{"tags":["y","z"]}}');
    expect(rowJson(sorted)).toBe(rowJson(unsorted));
    expect(rowHash(rowJson(sorted))).toBe(rowHash(rowJson(unsorted)));
    expect(rowHash(rowJson({ ...sorted, id: 'b' }))).not.toBe(rowHash(rowJson(sorted)));
  });

  it('when a bucket is digested, then the digest is the hash of its "uid NUL hash" lines, as older Roer stored it', () => {
    const uids = ['app:gm1/a', 'app:gm1/b', 'app:gm1/c'];
    const hashes = ['0000001abcdefg', '0000002abcdefg', '0000003abcdefg'];
    expect(bucketDigest(uids, hashes)).toBe(rowHash(uids.map((uid, i) => `${uid}\u0000${hashes[i]}`).join('\n')));
    expect(bucketDigest([], [])).toBe(rowHash(''));
    expect(bucketDigest(uids, [...hashes].reverse())).not.toBe(bucketDigest(uids, hashes));
  });
});
