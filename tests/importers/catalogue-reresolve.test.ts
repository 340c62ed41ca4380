// A GEMMA release that renames reference components re-resolves the sources that name them in its own
// transaction (importers/catalogue-reresolve.ts): their links move to the renamed nodes and their row
// state follows, so re-importing a municipality's unchanged CSV afterwards writes nothing, a changed row
// is the only one written, and the landscape as of the municipality's earlier run still names the
// components as they were then. On a small GEMMA-like catalogue (AMEFF), so that it runs in seconds.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importGemma } from '../../importers/gemma.js';
import { landscapeAfterRun, runDiffsSince } from '../../importers/history.js';
import { importFiles } from '../../importers/import.js';
import { runModelImport } from '../../importers/sources/archimate/cli.js';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { changesSince } from '../../server/analyses/changes.js';
import { read, write } from '../../server/neo4j.js';
import { rels, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { COMPONENTS, RENAMES, catalogue } from './gemma-like.js';
import { csv } from './support.js';

/** A municipality's applications (enough for several row buckets): by name, in other case, by GEMMA id, two at once, one the catalogue does not know, most none. */
const NAMED: Record<string, string> = {
  a1: 'Serviceregistercomponent',
  a2: 'gebruikersbeheercomponent',
  a3: COMPONENTS[0].id,
  a4: `${COMPONENTS[3].id}|Documentregistratiecomponent`,
  a5: 'Eigen component',
};
const applications = (rename: Record<string, string> = {}) => ['id,organisation,name,referenceComponents',
  ...Array.from({ length: 80 }, (_, i) => `a${i + 1}`).map(id => `${id},gm1,${rename[id] ?? `Applicatie ${id}`},${NAMED[id] ?? ''}`)].join('\n');
const importCsv = (driver: Driver, rename: Record<string, string> = {}) =>
  importFiles(driver, [csv('applications.csv', `${applications(rename)}\n`)], { source: 'csv:gm1', user: 'tester', headlines: false });

/** A municipality's ArchiMate model whose application realises a component that is renamed. */
const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-gm2">
  <name xml:lang="nl">Gemeente Twee</name>
  <elements>
    <element identifier="id-bus" xsi:type="ApplicationComponent"><name xml:lang="nl">Servicebus</name></element>
    <element identifier="id-rc" xsi:type="ApplicationComponent">
      <name xml:lang="nl">Serviceregistercomponent</name>
      <properties><property propertyDefinitionRef="propid-type"><value>Referentiecomponent</value></property></properties>
    </element>
  </elements>
  <relationships><relationship identifier="id-r1" source="id-bus" target="id-rc" xsi:type="Realization"/></relationships>
  <propertyDefinitions><propertyDefinition identifier="propid-type" type="string"><name>GEMMA type</name></propertyDefinition></propertyDefinitions>
</model>
`;

/** Everything in the graph but the run records (ImportRun): row state, run diffs and journal included. */
/**
 * Everything but the run records and the tables' raw-row indexes (importers/raw-index.ts): an index
 * is a reader's record of the files' text, which an import that writes nothing else still renews.
 */
const allButRunRecords = async (driver: Driver) => (await snapshot(driver)).filter(line => !line.includes('"labels":["ImportRun"]')).map(line => {
  const entry = JSON.parse(line);
  if (!entry.labels?.includes('SourceTable')) return line;
  const { rawIndex: _index, rawDelta: _delta, rawEnv: _env, rawDigest: _digest, rawMerges: _merges, rawVersion: _version, ...props } = entry.props;
  return JSON.stringify({ ...entry, props });
});
const gemmaIdsHeldTwice = (driver: Driver) =>
  read(driver, 'MATCH (c:ReferenceComponent) WHERE c.gemmaId IS NOT NULL WITH c.gemmaId AS id, count(*) AS n WHERE n > 1 RETURN id, n');
const stateOf = async (driver: Driver, source: string) => ({
  buckets: await read(driver, 'MATCH (b:RowBucket {source: $source}) RETURN b.key AS key, b.uids AS uids, b.hashes AS hashes ORDER BY key', { source }),
  digests: await read(driver, 'MATCH (t:SourceTable {source: $source}) RETURN t.table AS table, t.buckets AS buckets, t.bucketDigests AS digests, t.rows AS rows', { source }),
});
const REALISES_AFTER = [
  'app:gm1/a1 -REALISES-> refcomp:serviceregister-component',
  'app:gm1/a2 -REALISES-> refcomp:gebruikers-en-rechtenbeheercomponent',
  'app:gm1/a3 -REALISES-> refcomp:zaakregistratiecomponent',
  'app:gm1/a4 -REALISES-> refcomp:documentregistratiecomponent',
  'app:gm1/a4 -REALISES-> refcomp:gebruikers-en-rechtenbeheercomponent',
  'app:gm1/a5 -REALISES-> refcomp:eigen-component',
];

describe('a GEMMA release that renames components re-resolves the sources that name them', () => {
  let driver: Driver;
  let folder: string;
  let release1: string;
  let release2: string;
  let model: string;
  beforeAll(() => {
    driver = testDriver();
    folder = mkdtempSync(join(tmpdir(), 'roer-reresolve-'));
    release1 = join(folder, 'gemma-1.xml');
    release2 = join(folder, 'gemma-2.xml');
    model = join(folder, 'gm2.xml');
    writeFileSync(release1, catalogue(name => name));
    writeFileSync(release2, catalogue(name => RENAMES[name] ?? name));
    writeFileSync(model, MODEL);
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await driver.close();
  });
  beforeEach(() => resetDatabase(driver));

  it('when the municipality re-imports its unchanged CSV after the rename, then nothing is written, and a changed row is the only one written', async () => {
    await importGemma(driver, release1);
    const first = await importCsv(driver);
    expect(first).toMatchObject({ ok: true, written: 'initial' });

    const report = await importGemma(driver, release2, { user: 'architect' });
    expect(report.renamed).toBe(2);
    expect(report.reresolved).toEqual([{ source: 'csv:gm1', rows: 3 }]);
    expect(await rels(driver, 'REALISES')).toEqual(REALISES_AFTER);
    expect(await gemmaIdsHeldTwice(driver)).toEqual([]);
    // The renamed nodes carry the municipality's stamp, as its import would have written them.
    const stamped = await read<{ name: string }>(driver, "MATCH (c:ReferenceComponent) WHERE any(s IN c.runs WHERE s STARTS WITH 'csv:gm1#') RETURN c.name AS name ORDER BY name");
    expect(stamped.map(c => c.name)).toEqual(['Documentregistratiecomponent', 'Eigen component', 'Gebruikers- en rechtenbeheercomponent', 'Serviceregister-component', 'Zaakregistratiecomponent']);

    // The unchanged CSV: unchanged, not one property written (row state and graph as they were).
    const before = await allButRunRecords(driver);
    const again = await importCsv(driver);
    expect(again.written).toBe('unchanged');
    expect(again.unchangedSince?.runId).toBe(first.runId);
    expect(again.tables.applications).toEqual({ read: 80, created: 0, updated: 0, unchanged: 80, removed: 0, errors: 0 });
    expect(again.catalogue).toBeUndefined();
    expect(await allButRunRecords(driver)).toEqual(before);
    // The index now belongs to the re-resolved state: the next delivery of these files is carried.
    expect((await read<{ same: boolean }>(driver, "MATCH (t:SourceTable {key: 'csv:gm1|applications'}) RETURN t.rawDigest = t.digest AS same"))[0].same).toBe(true);
    expect((await importCsv(driver)).carried).toEqual({ applications: 80 });
    const [run] = await read<{ counts: string; stamp: string | null }>(driver, 'MATCH (r:ImportRun {runId: $runId}) RETURN r.counts AS counts, r.stamp AS stamp', { runId: again.runId });
    expect(run.stamp).toBeNull();
    expect(JSON.parse(run.counts).tables.applications).toEqual({ read: 80, created: 0, updated: 0, unchanged: 80, removed: 0 });
    expect(await rels(driver, 'REALISES')).toEqual(REALISES_AFTER);
    expect(await gemmaIdsHeldTwice(driver)).toEqual([]);

    // One row changed (an application naming a renamed component): only it, and its bucket, are written.
    const edited = await importCsv(driver, { a1: 'Servicebus' });
    expect(edited.written).toBe('diff');
    expect(edited.tables.applications).toEqual({ read: 80, created: 0, updated: 1, unchanged: 79, removed: 0, errors: 0 });
    const after = await allButRunRecords(driver);
    const differs = [...before.filter(line => !after.includes(line)), ...after.filter(line => !before.includes(line))].map(line => JSON.parse(line) as { labels: string[] | null; props: Record<string, unknown> });
    const landscape = differs.filter(entry => !['RowBucket', 'SourceTable', 'RunDiff', 'Journal'].includes(entry.labels?.[0] ?? ''));
    expect(landscape.map(entry => entry.props.uid)).toEqual(['app:gm1/a1', 'app:gm1/a1']);
    expect(differs.filter(entry => entry.labels?.[0] === 'RowBucket')).toHaveLength(2);
    expect(await rels(driver, 'REALISES')).toEqual(REALISES_AFTER);
  });

  it('when the rows were re-resolved, then the state is the one a first import after the rename writes, the history keeps the names as they were, and what changed says why', async () => {
    await importGemma(driver, release1);
    const first = await importCsv(driver);
    // The new release through the CLI's model branch, which says which sources followed.
    const lines: string[] = [];
    await runModelImport(driver, release2, { gemma: true, user: 'architect' }, line => lines.push(line ?? ''));
    expect(lines).toContain('csv:gm1: 3 application row(s) follow the renamed components, so its unchanged files re-import as unchanged / 3 applicatie(s) volgen de nieuwe namen, dus ongewijzigde bestanden blijven ongewijzigd');
    const reresolved = await stateOf(driver, 'csv:gm1');

    // The municipality's rows as after its first run: the names as they were then.
    const then = await landscapeAfterRun(driver, first.runId!);
    expect(then.tables.applications.filter(row => (row.referenceComponents as string[]).length > 0).map(row => [row.id, row.referenceComponents])).toEqual([
      ['a1', ['Serviceregistercomponent']], ['a2', ['Gebruikersbeheercomponent']], ['a3', ['Zaakregistratiecomponent']],
      ['a4', ['Documentregistratiecomponent', 'Gebruikersbeheercomponent']], ['a5', ['Eigen component']],
    ]);
    // The re-resolution is the municipality's change of its own, by the catalogue's importer.
    const diffs = (await runDiffsSince(driver, null, 'csv:gm1')).filter(diff => diff.kind === 'catalogue');
    expect(diffs.map(diff => [diff.user, diff.counts, diff.organisations, diff.changes?.map(change => change.uid).sort()])).toEqual([
      ['architect', { applications: { added: 0, changed: 3, removed: 0, unchanged: 77 } }, ['gm1'], ['app:gm1/a1', 'app:gm1/a2', 'app:gm1/a4']],
    ]);
    const now = await landscapeAfterRun(driver, diffs[0].runId);
    expect(now.tables.applications.find(row => row.id === 'a4')!.referenceComponents).toEqual(['Documentregistratiecomponent', 'Gebruikers- en rechtenbeheercomponent']);
    const changes = await changesSince(driver, { since: first.runId!, limit: 10 });
    expect(changes.runs.filter(r => r.source === 'csv:gm1').map(r => r.kind)).toEqual(['catalogue']);
    expect(changes.tables.applications.items.changed.find(item => item.uid === 'app:gm1/a1')?.fields).toEqual([{ field: 'referenceComponents', before: ['Serviceregistercomponent'], after: ['Serviceregister-component'] }]);

    // A first import of the same files after the rename (into a catalogue that knows the old names) stores the same rows, hashes and digests.
    await resetDatabase(driver);
    await importGemma(driver, release1);
    await importGemma(driver, release2);
    expect(await importCsv(driver)).toMatchObject({ ok: true, written: 'initial' });
    expect(await stateOf(driver, 'csv:gm1')).toEqual(reresolved);
  });

  it('when a municipality\'s ArchiMate model names a renamed component, then its re-import keeps the renamed node and its rows unchanged', async () => {
    await importGemma(driver, release1);
    await importArchimate(driver, model, { organisation: 'gm2', source: 'archimate:gm2', user: 'tester' });
    await importGemma(driver, release2);
    const again = await importArchimate(driver, model, { organisation: 'gm2', source: 'archimate:gm2', user: 'tester' });
    expect(again.graph.nodes.ReferenceComponent?.created ?? 0).toBe(0);
    expect(await gemmaIdsHeldTwice(driver)).toEqual([]);
    const names = await read<{ name: string }>(driver, 'MATCH (c:ReferenceComponent) RETURN c.name AS name');
    expect(names.map(c => c.name).sort()).toEqual(COMPONENTS.map(c => RENAMES[c.name] ?? c.name).sort());
    expect(await rels(driver, 'REALISES')).toEqual(['app:gm2/id-bus -REALISES-> refcomp:serviceregister-component']);
    const [modelRun] = (await runDiffsSince(driver, null, 'archimate:gm2')).slice(-1);
    expect(modelRun.counts.applications).toMatchObject({ added: 0, changed: 0, removed: 0 });
  });

  it('when the re-resolution fails, then the catalogue release is rolled back with it: nothing is half-written', async () => {
    await importGemma(driver, release1);
    await importCsv(driver);
    // A row state that cannot be read (its rows are not deflated JSON): the re-resolution throws.
    await write(driver, "MATCH (b:RowBucket {source: 'csv:gm1'}) SET b.rows = $rows", { rows: new Int8Array([1, 2, 3]) });
    const before = await snapshot(driver);
    await expect(importGemma(driver, release2)).rejects.toThrow();
    expect(await snapshot(driver)).toEqual(before);
    expect((await read<{ name: string }>(driver, 'MATCH (c:ReferenceComponent) RETURN c.name AS name')).map(c => c.name)).toEqual(expect.arrayContaining(['Serviceregistercomponent', 'Gebruikersbeheercomponent']));
  });

  it('when the state has no bucket digests (an older Roer), then the catalogue run leaves it and the next import says the catalogue changed the rows', async () => {
    await importGemma(driver, release1);
    await importCsv(driver);
    await write(driver, "MATCH (t:SourceTable {source: 'csv:gm1'}) SET t.bucketDigests = null");
    expect((await importGemma(driver, release2)).reresolved).toEqual([]);
    const again = await importCsv(driver);
    expect(again.tables.applications).toMatchObject({ updated: 3, unchanged: 77 });
    expect(again.catalogue).toEqual({ rows: 3, renamed: [
      { from: 'Gebruikersbeheercomponent', to: 'Gebruikers- en rechtenbeheercomponent' },
      { from: 'Serviceregistercomponent', to: 'Serviceregister-component' },
    ] });
    expect(await rels(driver, 'REALISES')).toEqual(REALISES_AFTER);
  });
});
