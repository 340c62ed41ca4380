// Every import is a diff (importers/diff.ts): a re-import writes only the facts of the rows it adds and
// changes, takes the source's stamp off what the changed and removed rows no longer assert, and
// keeps the rows it added, changed and removed as the run's history (importers/history.ts).
import type { Driver } from 'neo4j-driver';
import { HistoryGoneError, landscapeAfterRun, runDiffsSince } from '../../importers/history.js';
import { rowJson } from '../../importers/row-state.js';
import { importFiles } from '../../importers/import.js';
import { TABLES } from '../../importers/model.js';
import { readTables } from '../../importers/read.js';
import { rowUid } from '../../importers/removals.js';
import { validate } from '../../importers/validate.js';
import type { FileInput } from '../../importers/mapping.js';
import { read } from '../../server/neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { changedFixture, edited, enText, fixture, graphOf } from './support.js';

/** Every node and relationship carrying `stamp`: what the run that has it wrote. */
const stampedWith = async (driver: Driver, stamp: string) => (await read<{ fact: string }>(driver, `
  CALL () { MATCH (n:Entity) WHERE $stamp IN n.runs RETURN n.uid AS fact
            UNION ALL MATCH (a)-[r]->(b) WHERE $stamp IN r.runs RETURN a.uid + ' -' + type(r) + '-> ' + b.uid AS fact }
  RETURN fact ORDER BY fact`, { stamp })).map(row => row.fact);

/** The nodes and relationships carrying a stamp of `source`. */
const assertedBy = async (driver: Driver, source: string) => (await read<{ count: number }>(driver, `
  CALL () { MATCH (n:Entity) RETURN n.runs AS runs UNION ALL MATCH ()-[r]->() RETURN r.runs AS runs }
  WITH runs WHERE any(stamp IN runs WHERE stamp STARTS WITH $prefix) RETURN count(*) AS count`, { prefix: `${source}#` }))[0].count;

/** The validated rows of files, as the row state keeps them (uid order). */
async function validatedRows(files: FileInput[]) {
  const { landscape } = await validate(await readTables(files));
  // As the row state keeps them: lists are sets, kept sorted (rowJson).
  return Object.fromEntries(TABLES.map(table => [table, (landscape[table] as never[]).map(row => [rowUid[table](row), JSON.parse(rowJson(row))] as const)
    .sort((a, b) => a[0].localeCompare(b[0])).map(([, row]) => row)]));
}

describe('an import is a diff', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it.each([['one transaction', undefined], ['staged', 5]])('when rows are added, changed and removed in all five tables (%s), then exactly their facts are written and the run keeps the rows', async (_name, transactionRows) => {
    const first = await importFiles(driver, fixture('en'), { source: 'csv:en', user: 'tester' });
    const second = await importFiles(driver, changedFixture(), { source: 'csv:en', user: 'editor', allowRemovals: true, transactionRows });
    expect(second).toMatchObject({ ok: true, written: 'diff' });
    expect(Object.fromEntries(TABLES.map(table => {
      const { created, updated, unchanged, removed } = second.tables[table];
      return [table, [created, updated, unchanged, removed]];
    }))).toEqual({ suppliers: [1, 1, 2, 1], platforms: [1, 2, 0, 1], applications: [1, 2, 1, 1], interfaces: [1, 1, 0, 1], contracts: [1, 1, 0, 1] });

    // Written: the new and changed nodes (a changed row whose node's own properties did not change,
    // such as an application with another supplier, keeps its node as it was), the relationships the
    // added and changed rows assert anew, and the new reference component. Nothing else.
    expect(await stampedWith(driver, `csv:en#${second.runId}`)).toEqual([
      'app:gm-a/dms',
      'app:gm-a/dms -DEPENDS_ON-> app:gm-a/zaak',
      'app:gm-a/dms -REALISES-> refcomp:archief',
      'app:gm-a/dms -RUNS_ON-> platform:dc2',
      'app:gm-a/zaak -REALISES-> refcomp:archief',
      'contract:gm-a/c1',
      'contract:gm-a/c3',
      'contract:gm-a/c3 -COVERS-> app:gm-a/brp',
      'contract:gm-a/c3 -COVERS-> app:gm-a/dms',
      'contract:gm-a/c3 -WITH-> supplier:newco',
      'interface:gm-a/i3',
      'interface:gm-a/i3 -FROM-> app:gm-a/zaak',
      'interface:gm-a/i3 -TO-> app:gm-a/dms',
      "interface:gm-a/i3 -USES_STANDARD-> standard:zgw-api-s",
      'org:gm-a -HOLDS-> contract:gm-a/c3',
      'org:gm-a -USES-> app:gm-a/dms',
      'platform:dc1',
      'platform:dc2',
      'refcomp:archief',
      'supplier:cloudy',
      'supplier:newco',
      'supplier:newco -PROVIDES-> platform:dc2',
      'supplier:newco -SUPPLIES-> app:gm-a/brp',
      'supplier:newco -SUPPLIES-> app:gm-a/dms',
    ].sort());
    // Everything else still carries the first run's stamp, and the source asserts exactly what its run record says.
    expect((await read<{ stamps: string[] }>(driver, 'CALL () { MATCH (n:Entity) RETURN n.runs AS runs UNION ALL MATCH ()-[r]->() RETURN r.runs AS runs } UNWIND runs AS stamp RETURN collect(DISTINCT stamp) AS stamps'))[0].stamps.sort())
      .toEqual([`csv:en#${first.runId}`, `csv:en#${second.runId}`].sort());
    const [{ asserted }] = await read<{ asserted: number }>(driver, 'MATCH (r:ImportRun {runId: $runId}) RETURN r.asserted AS asserted', { runId: second.runId });
    expect(asserted).toBe(await assertedBy(driver, 'csv:en'));

    // The graph is the one the changed files give an empty database.
    const graph = await graphOf(driver);
    const diffs = await runDiffsSince(driver, null, 'csv:en');
    const asOfFirst = await landscapeAfterRun(driver, first.runId!);
    await resetDatabase(driver);
    await importFiles(driver, changedFixture(), { source: 'csv:en' });
    expect(graph).toEqual(await graphOf(driver));

    // Kept: who, how, and every row added, changed (before → after) and removed.
    expect(diffs.map(diff => [diff.runId, diff.kind, diff.user, diff.changes?.length ?? null])).toEqual([[first.runId, 'initial', 'tester', null], [second.runId, 'diff', 'editor', 17]]);
    const c1 = diffs[1].changes!.find(change => change.uid === 'contract:gm-a/c1')!;
    expect(c1).toMatchObject({ table: 'contracts', kind: 'changed', before: { end: '2026-12-31' }, after: { end: '2027-12-31' } });
    expect(diffs[1].changes!.filter(change => change.kind === 'removed').map(change => [change.uid, change.after])).toEqual(expect.arrayContaining([['app:gm-a/web', null], ['supplier:regio', null]]));
    expect(diffs[1].organisations).toEqual(['gm-a']);
    // The landscape as it was after the first run: its rows.
    expect(asOfFirst.tables).toEqual(await validatedRows(fixture('en')));
  });

  it('when a diff removes every row that named a catalogue node, then the node goes; one other rows still name stays', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const nodes = async () => (await read<{ uid: string }>(driver, "MATCH (n:Standard) RETURN n.uid AS uid ORDER BY uid")).map(row => row.uid);
    expect(await nodes()).toContain('standard:rest');
    // i2 was the only row naming REST; i1 still names StUF-BG, which brp implements too.
    const report = await importFiles(driver, edited({ 'interfaces.csv': enText('interfaces.csv').replace(/^i2,.*\n/m, '') }), { source: 'csv:en', allowRemovals: true });
    expect(report.written).toBe('diff');
    expect(await nodes()).not.toContain('standard:rest');
    expect(await nodes()).toContain('standard:stuf-bg');
  });

  it('when nothing but the interfaces file is imported, then only that table is diffed and the organisation stays; a header without rows is refused', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const interfacesOnly = (text: string) => edited({ 'interfaces.csv': text }).filter(file => file.name === 'interfaces.csv');
    const report = await importFiles(driver, interfacesOnly(enText('interfaces.csv')), { source: 'csv:en' });
    expect(report.written).toBe('unchanged');
    const fewer = await importFiles(driver, interfacesOnly(enText('interfaces.csv').replace(/^i2,.*\n/m, '')), { source: 'csv:en', allowRemovals: true });
    expect(fewer).toMatchObject({ ok: true, written: 'diff' });
    expect(fewer.tables.interfaces).toMatchObject({ removed: 1, unchanged: 1 });
    expect(fewer.tables.applications).toMatchObject({ read: 0, removed: 0 });
    // A header with nothing below it is a broken export, not a wish to remove every interface (importers/validate.ts).
    const empty = await importFiles(driver, interfacesOnly(`${enText('interfaces.csv').split('\n')[0]}\n`), { source: 'csv:en', allowRemovals: true });
    expect(empty).toMatchObject({ ok: false, written: null });
    expect((await read(driver, "MATCH (i:Interface) RETURN i.uid AS uid"))).toHaveLength(1);
    expect((await read(driver, "MATCH (o:Organisation {uid: 'org:gm-a'}) RETURN o.uid AS uid"))).toHaveLength(1);
  });
  it('when ROER_HISTORY_RUNS is 2, then a third run drops the first one\'s diff: the landscape as of the second can be made again, not as of the first', async () => {
    const saved = process.env.ROER_HISTORY_RUNS;
    process.env.ROER_HISTORY_RUNS = '2';
    try {
      const first = await importFiles(driver, fixture('en'), { source: 'csv:en' });
      const second = await importFiles(driver, changedFixture(), { source: 'csv:en', allowRemovals: true });
      const third = await importFiles(driver, fixture('en'), { source: 'csv:en', allowRemovals: true });
      expect([second.written, third.written]).toEqual(['diff', 'diff']);
      expect((await runDiffsSince(driver, null, 'csv:en')).map(diff => diff.runId)).toEqual([second.runId, third.runId]);
      await expect(landscapeAfterRun(driver, first.runId!)).rejects.toBeInstanceOf(HistoryGoneError);
      expect((await landscapeAfterRun(driver, second.runId!)).tables).toEqual(await validatedRows(changedFixture()));
    } finally {
      if (saved === undefined) delete process.env.ROER_HISTORY_RUNS;
      else process.env.ROER_HISTORY_RUNS = saved;
    }
  });
});
