// Re-importing unchanged files writes nothing but a run record (importers/unchanged.ts): an import is a
// diff against what the source asserts (its row state), and unchanged rows are not written, not even
// stamped, whatever other sources did in between. The state is trusted only while the graph still
// holds the source's facts.
import type { Driver } from 'neo4j-driver';
import { importFiles, listImportRuns } from '../../importers/import.js';
import { TABLES } from '../../importers/model.js';
import { deleteSource } from '../../server/routes/imports.js';
import { read, write } from '../../server/neo4j.js';
import { nodes, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { csv, edited, enText, fixture, graphOf, stampCounts } from './support.js';

/** The snapshot without the run records: what the landscape holds. */
const landscapeOnly = async (driver: Driver) => (await snapshot(driver)).filter(line => !line.includes('"ImportRun"'));

describe('re-importing unchanged files', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when the same files are imported again, then nothing but a run record is written and the report says since which run', async () => {
    const first = await importFiles(driver, fixture('en'), { source: 'csv:en', user: 'tester' });
    const before = await landscapeOnly(driver);
    const progress: string[] = [];
    const second = await importFiles(driver, fixture('en'), { source: 'csv:en', user: 'tester', onProgress: p => progress.push(p.phase) });
    expect(second.ok).toBe(true);
    expect(second.unchangedSince).toEqual({ runId: first.runId, finishedAt: expect.any(String) });
    expect(second.runId).not.toBe(first.runId);
    for (const table of TABLES) {
      const { created, updated, removed } = first.tables[table];
      expect(second.tables[table]).toEqual({ ...first.tables[table], created: 0, updated: 0, removed: 0, unchanged: created + updated + removed + first.tables[table].unchanged });
    }
    expect(progress).toEqual(['done']);
    // Not one property of the landscape was written: the stamps are still those of the first run.
    expect(await landscapeOnly(driver)).toEqual(before);
    expect(await stampCounts(driver)).toEqual([{ runs: [`csv:en#${first.runId}`], count: expect.any(Number) }]);
    const runs = await listImportRuns(driver);
    expect(runs.map(run => [run.runId, run.status])).toEqual([[second.runId, 'ok'], [first.runId, 'ok']]);
    const recorded = Object.fromEntries(TABLES.map(table => {
      const { errors: _errors, ...counts } = second.tables[table];
      return [table, counts];
    }));
    expect(runs[0].counts).toEqual({ ...runs[1].counts, tables: recorded });
    const [record] = await read(driver, 'MATCH (r:ImportRun {runId: $runId}) RETURN r.stamp AS stamp, r.unchangedSince AS since, r.asserted = $asserted AS sameAsserted', {
      runId: second.runId, asserted: (await read<{ asserted: number }>(driver, 'MATCH (r:ImportRun {runId: $runId}) RETURN r.asserted AS asserted', { runId: first.runId }))[0].asserted,
    });
    // It wrote no facts, so it names no stamp of its own.
    expect(record).toEqual({ stamp: null, since: first.runId, sameAsserted: true });

    // A third time: unchanged since the second run, and the facts still carry the first run's stamp.
    const third = await importFiles(driver, fixture('en'), { source: 'csv:en' });
    expect(third.unchangedSince?.runId).toBe(second.runId);
    expect(await stampCounts(driver)).toEqual([{ runs: [`csv:en#${first.runId}`], count: expect.any(Number) }]);
  });

  it('when rows are dropped after an unchanged re-import, then the next import writes and removes them (staged too)', async () => {
    for (const transactionRows of [undefined, 5]) {
      await resetDatabase(driver);
      const first = await importFiles(driver, fixture('en'), { source: 'csv:en', transactionRows });
      const unchanged = await importFiles(driver, fixture('en'), { source: 'csv:en', transactionRows });
      expect(unchanged.unchangedSince).not.toBeNull();
      const smaller = edited({
        'contracts.csv': enText('contracts.csv').replace(/^c1,.*\n/m, ''),
        'applications.csv': enText('applications.csv').replace('Zaaksysteem,acme', 'Zaaksysteem 2,acme'),
      });
      const changed = await importFiles(driver, smaller, { source: 'csv:en', transactionRows, allowRemovals: true });
      expect(changed.unchangedSince).toBeNull();
      expect(changed.tables.contracts).toMatchObject({ removed: 1 });
      expect(changed.tables.applications).toMatchObject({ updated: 1 });
      expect(await nodes(driver, 'Contract')).toEqual(['contract:gm-a/c2']);
      // Only the renamed application was written: it carries the new run's stamp, every other fact
      // still the first run's.
      const stamps = await stampCounts(driver);
      expect(stamps.map(({ runs }) => runs)).toEqual([[`csv:en#${first.runId}`], [`csv:en#${changed.runId}`]]);
      expect(await read(driver, 'MATCH (n:Entity) WHERE $stamp IN n.runs RETURN n.uid AS uid', { stamp: `csv:en#${changed.runId}` })).toEqual([{ uid: 'app:gm-a/zaak' }]);
      // The same graph as importing the smaller files into an empty database.
      const graph = await graphOf(driver);
      await resetDatabase(driver);
      await importFiles(driver, smaller, { source: 'csv:en' });
      expect(graph).toEqual(await graphOf(driver));
    }
  });

  it.each([['one transaction', undefined], ['staged', 2]])('when another source has since asserted a shared node differently (%s), then the node keeps the first source\'s values and its unchanged files stay unchanged; a changed row writes it again', async (_name, transactionRows) => {
    await importFiles(driver, fixture('en'), { source: 'csv:gm-a' });
    // gm-b names the supplier both sources assert otherwise: its claim, not written over gm-a's (first source).
    const gmB = await importFiles(driver, [csv('suppliers.csv', 'id,name\nacme,Acme Software B.V.\n')], { source: 'csv:gm-b', transactionRows });
    expect(await read(driver, 'MATCH (r:ImportRun {runId: $runId}) RETURN r.overwrote AS overwrote', { runId: gmB.runId })).toEqual([{ overwrote: [] }]);
    expect(await read(driver, "MATCH (s:Supplier {id: 'acme'}) RETURN s.name AS name")).toEqual([{ name: 'Acme B.V.' }]);
    const before = await landscapeOnly(driver);
    const again = await importFiles(driver, fixture('en'), { source: 'csv:gm-a', transactionRows });
    expect(again.unchangedSince).not.toBeNull();
    expect(await landscapeOnly(driver)).toEqual(before);
    // gm-a changes its row of the supplier: it owns the node, so its new name shows.
    const renamed = await importFiles(driver, edited({ 'suppliers.csv': enText('suppliers.csv').replace('Acme B.V.', 'Acme Nederland B.V.') }), { source: 'csv:gm-a', transactionRows });
    expect(renamed.tables.suppliers).toMatchObject({ updated: 1, unchanged: 3 });
    expect(await read(driver, "MATCH (s:Supplier {id: 'acme'}) RETURN s.name AS name")).toEqual([{ name: 'Acme Nederland B.V.' }]);
    // And when gm-a goes, the node shows what gm-b asserts.
    await deleteSource(driver, 'csv:gm-a');
    expect(await read(driver, "MATCH (s:Supplier {id: 'acme'}) RETURN s.name AS name")).toEqual([{ name: 'Acme Software B.V.' }]);
  });

  it('when other sources imported since without changing its facts, then the unchanged files are still found unchanged', async () => {
    const first = await importFiles(driver, fixture('en'), { source: 'csv:gm-a' });
    // gm-b asserts the same supplier with the same properties, a relationship onto gm-a's platform and a new application.
    const gmB = [
      csv('suppliers.csv', `${enText('suppliers.csv').split('\n')[0]}\n${enText('suppliers.csv').split('\n').find(line => line.startsWith('acme,'))}\n`),
      csv('applications.csv', 'id,organisation,name,supplier,platform\nx1,gm-b,Financiën,acme,saas1\n'),
    ];
    const b = await importFiles(driver, gmB, { source: 'csv:gm-b' });
    expect(b.tables.suppliers).toMatchObject({ unchanged: 1 });
    const before = await landscapeOnly(driver);
    const again = await importFiles(driver, fixture('en'), { source: 'csv:gm-a' });
    expect(again.unchangedSince?.runId).toBe(first.runId);
    expect(await landscapeOnly(driver)).toEqual(before);
    // gm-b's own files are unchanged too, though gm-a ran since: gm-a's runs overwrote nothing of gm-b's.
    const bAgain = await importFiles(driver, gmB, { source: 'csv:gm-b' });
    expect(bAgain.unchangedSince?.runId).toBe(b.runId);
  });

  it('when an import failed and was rolled back since, then the same files are still unchanged and the graph is as it was', async () => {
    const first = await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const before = await landscapeOnly(driver);
    // Twenty new applications: a diff too large for one transaction of 5, so it is staged, and fails
    // once its first batch has committed.
    const more = Array.from({ length: 20 }, (_, i) => `new${i},gm-a,Nieuw ${i},acme,,,,,dc1,,`).join('\n');
    const changed = edited({ 'applications.csv': `${enText('applications.csv').replace('Zaaksysteem,acme', 'Zaaksysteem 2,acme')}${more}\n` });
    let calls = 0;
    await expect(importFiles(driver, changed, {
      source: 'csv:en', transactionRows: 5, onProgress: progress => {
        if (progress.phase === 'load' && progress.done > 0 && ++calls === 1) throw new Error('connection lost (simulated)');
      },
    })).rejects.toThrow('simulated');
    expect((await listImportRuns(driver)).map(run => run.status)).toEqual(['rolled back', 'ok']);
    expect(await landscapeOnly(driver)).toEqual(before);
    // The row state is written in a run's last transaction only: the rollback left it as the first run wrote it.
    const again = await importFiles(driver, fixture('en'), { source: 'csv:en' });
    expect(again.unchangedSince?.runId).toBe(first.runId);
  });

  it('when the source was deleted or its nodes are gone, then the unchanged files are written again', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const graph = await graphOf(driver);
    await deleteSource(driver, 'csv:en');
    expect(await nodes(driver, 'Application')).toEqual([]);
    const afterDelete = await importFiles(driver, fixture('en'), { source: 'csv:en' });
    expect(afterDelete.unchangedSince).toBeNull();
    expect(await graphOf(driver)).toEqual(graph);

    // The landscape emptied by hand, the run records kept.
    await write(driver, 'MATCH (n:Entity) DETACH DELETE n');
    const afterWipe = await importFiles(driver, fixture('en'), { source: 'csv:en' });
    expect(afterWipe.unchangedSince).toBeNull();
    expect(await graphOf(driver)).toEqual(graph);
  });

  it('when a file changes in one cell, then the import writes; a dry run is never recorded as unchanged', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const dry = await importFiles(driver, fixture('en'), { source: 'csv:en', dryRun: true });
    expect(dry).toMatchObject({ runId: null, unchangedSince: null });
    const oneCell = edited({ 'platforms.csv': enText('platforms.csv').replace('Rekencentrum Noord', 'Rekencentrum Zuid') });
    expect(oneCell.map(file => file.bytes.toString())).not.toEqual(fixture('en').map(file => file.bytes.toString()));
    const report = await importFiles(driver, oneCell, { source: 'csv:en' });
    expect(report).toMatchObject({ ok: true, unchangedSince: null });
    expect(report.tables.platforms).toMatchObject({ updated: 1 });
    // Back to the first files: the same as a run before the latest, which does not count.
    const back = await importFiles(driver, fixture('en'), { source: 'csv:en' });
    expect(back).toMatchObject({ unchangedSince: null });
    expect(back.tables.platforms).toMatchObject({ updated: 1 });
    expect(await read(driver, "MATCH (p:Platform {id: 'dc1'}) RETURN p.name AS name")).toEqual([{ name: 'Rekencentrum Noord' }]);
  });
});
