// Destructive syncs are explicit: an import removes stale facts only of the tables it contains, stops
// before removing more than a share of a kind (or anything of a source it did not name) unless told
// it may, and every dry run says what would go.
import type { Driver } from 'neo4j-driver';
import { importFiles, listImportRuns } from '../../importers/import.js';
import { read } from '../../server/neo4j.js';
import { nodes, rels, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { csv, edited, enText, fixture } from './support.js';

/** The nodes and relationships that carry a stamp of `source`. */
const assertedBy = async (driver: Driver, source: string) => (await read<{ count: number }>(driver, `
  CALL () { MATCH (n:Entity) RETURN n.runs AS runs UNION ALL MATCH ()-[r]->() RETURN r.runs AS runs }
  WITH runs WHERE any(stamp IN runs WHERE stamp STARTS WITH $prefix) RETURN count(*) AS count`, { prefix: `${source}#` }))[0].count;

const applicationsHeader = enText('applications.csv').split('\n')[0];
/** The applications file with Zaaksysteem alone left: three of four applications would go. */
const onlyZaak = () => csv('applications.csv', enText('applications.csv').split('\n').filter(line => line === applicationsHeader || line.startsWith('zaak,')).join('\n') + '\n');

/** Ten applications of gm-a, so that one of them is a tenth. */
const tenApplications = () =>
  `id,organisation,name,supplier\n${Array.from({ length: 10 }, (_, i) => `app${i},gm-a,Applicatie ${i},acme`).join('\n')}\n`;

describe('what an import removes', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when a header-only file is imported, then it is a problem in the file, not a wish to remove every row', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const before = await snapshot(driver);
    const report = await importFiles(driver, [csv('applications.csv', `${applicationsHeader}\n`)], { source: 'csv:en', allowRemovals: true });
    expect(report).toMatchObject({ ok: false, confirmationNeeded: false, runId: null });
    expect(report.issues).toEqual([expect.objectContaining({ file: 'applications.csv', line: 1, expected: expect.stringContaining('at least one row below the header') })]);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when an import would remove most of a kind, then nothing is written and the report lists what would go, as people know it', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const before = await snapshot(driver);
    const report = await importFiles(driver, [onlyZaak()], { source: 'csv:en' });
    expect(report).toMatchObject({ ok: false, confirmationNeeded: true, runId: null, issues: [] });
    expect(report.removals).toMatchObject({ needsConfirmation: 'share', removing: 3, kinds: [{ label: 'Application', asserted: 4, removing: 3 }] });
    expect(report.removals!.kinds[0].sample).toEqual(['BRP-bevraging', 'Berichtenmakelaar', 'Website; portaal, publiek']);
    // What goes with them: their relationships to organisation, suppliers, platforms, interfaces, contracts.
    expect(report.removals!.kinds[0].relationships).toBeGreaterThan(10);
    expect(await snapshot(driver)).toEqual(before);
    expect(await listImportRuns(driver)).toHaveLength(1);
  });

  it('when the removals are confirmed, then only the tables in the files lose what they no longer contain, and the run says it was confirmed', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const report = await importFiles(driver, [onlyZaak()], { source: 'csv:en', allowRemovals: true });
    expect(report.ok).toBe(true);
    expect(report.tables.applications.removed).toBe(3);
    expect(await nodes(driver, 'Application')).toEqual(['app:gm-a/zaak']);
    expect((await listImportRuns(driver)).map(run => run.removalsConfirmed)).toEqual([true, false]);
    // The suppliers, platforms, interfaces and contracts of the source are not the applications file's to remove.
    expect(await nodes(driver, 'Supplier')).toEqual(['supplier:acme', 'supplier:cloudy', 'supplier:hostco', 'supplier:regio']);
    expect(await nodes(driver, 'Platform')).toEqual(['platform:dc1', 'platform:iaas1', 'platform:saas1']);
    expect(await nodes(driver, 'Contract')).toEqual(['contract:gm-a/c1', 'contract:gm-a/c2']);
    expect(await nodes(driver, 'Interface')).toEqual(['interface:gm-a/i1', 'interface:gm-a/i2']);
    expect(await rels(driver, 'PROVIDES')).toHaveLength(3);
    // The organisation stays: its contracts still refer to it.
    expect(await nodes(driver, 'Organisation')).toEqual(['org:gm-a']);
    // A diff of some tables still knows how many facts the source asserts: those before, less what it took its stamp off.
    const [run] = await read<{ asserted: number | null }>(driver, 'MATCH (r:ImportRun {runId: $runId}) RETURN r.asserted AS asserted', { runId: report.runId });
    expect(run.asserted).toBe(await assertedBy(driver, 'csv:en'));
  });

  it('when one table is re-imported, then the other tables of the source keep their facts and stamps', async () => {
    const first = await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const dependencies = await rels(driver, 'DEPENDS_ON');
    const contracts = enText('contracts.csv').replace('98765', '100000');
    const report = await importFiles(driver, [csv('contracts.csv', contracts)], { source: 'csv:en' });
    expect(report.ok).toBe(true);
    expect(report.tables.contracts).toMatchObject({ read: 2, updated: 1, unchanged: 1, removed: 0 });
    expect(await nodes(driver, 'Application')).toEqual(['app:gm-a/brp', 'app:gm-a/esb', 'app:gm-a/web', 'app:gm-a/zaak']);
    expect(await rels(driver, 'DEPENDS_ON')).toEqual(dependencies);
    expect(dependencies.length).toBeGreaterThan(0);
    const [zaak] = await read<{ runs: string[] }>(driver, "MATCH (a:Application {id: 'zaak'}) RETURN a.runs AS runs");
    expect(zaak.runs).toEqual([`csv:en#${first.runId}`]);
    // The whole set again: nothing is stale, nothing goes.
    const again = await importFiles(driver, fixture('en'), { source: 'csv:en' });
    expect(Object.values(again.tables).map(table => table.removed)).toEqual([0, 0, 0, 0, 0]);
  });

  it('when an import removes no more than the share, then it goes ahead and says what it removed', async () => {
    await importFiles(driver, [csv('suppliers.csv', enText('suppliers.csv')), csv('applications.csv', tenApplications())], { source: 'csv:ten' });
    const fewer = tenApplications().replace(/^app9,.*\n/m, '');
    const report = await importFiles(driver, [csv('suppliers.csv', enText('suppliers.csv')), csv('applications.csv', fewer)], { source: 'csv:ten' });
    expect(report).toMatchObject({ ok: true, confirmationNeeded: false });
    expect(report.removals).toMatchObject({ removing: 1, needsConfirmation: null, kinds: expect.arrayContaining([{ label: 'Application', asserted: 10, removing: 1, relationships: 2, sample: ['Applicatie 9'] }]) });
    expect(report.tables.applications.removed).toBe(1);
    // Three of ten is more than a fifth.
    const three = await importFiles(driver, [csv('suppliers.csv', enText('suppliers.csv')), csv('applications.csv', fewer.replace(/^app[678],.*\n/gm, ''))], { source: 'csv:ten' });
    expect(three).toMatchObject({ ok: false, confirmationNeeded: true, removals: { needsConfirmation: 'share', removing: 3 } });
    // The share is a setting.
    const lenient = await importFiles(driver, [csv('suppliers.csv', enText('suppliers.csv')), csv('applications.csv', fewer.replace(/^app[678],.*\n/gm, ''))], { source: 'csv:ten', maxRemovalShare: 0.5 });
    expect(lenient.ok).toBe(true);
  });

  it('when a dry run would remove facts, then it lists them and writes nothing', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const before = await snapshot(driver);
    const smaller = edited({ 'contracts.csv': enText('contracts.csv').replace(/^c1,.*\n/m, '') });
    const report = await importFiles(driver, smaller, { source: 'csv:en', dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, removals: { removing: 1, needsConfirmation: 'share' } });
    expect(report.removals!.kinds.find(kind => kind.label === 'Contract')).toEqual({ label: 'Contract', asserted: 2, removing: 1, relationships: 4, sample: ['c1 (Acme B.V.)'] });
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when files do not name their source, then two organisations never share one, and removing from an unnamed source needs confirming', async () => {
    const gmA = [csv('suppliers.csv', enText('suppliers.csv')), csv('applications.csv', tenApplications())];
    const gmB = [csv('suppliers.csv', enText('suppliers.csv')), csv('applications.csv', tenApplications().replaceAll('gm-a', 'gm-b'))];
    expect((await importFiles(driver, gmA)).source).toBe('csv:gm-a');
    expect((await importFiles(driver, gmB)).source).toBe('csv:gm-b');
    expect(await nodes(driver, 'Application')).toHaveLength(20);
    const mixed = [csv('applications.csv', `${tenApplications()}b1,gm-b,Ander,acme\n`)];
    await expect(importFiles(driver, mixed)).rejects.toThrow('Name the source');
    // The same files again, one application fewer, without naming the source: it stops.
    const fewer = [gmA[0], csv('applications.csv', tenApplications().replace(/^app9,.*\n/m, ''))];
    const report = await importFiles(driver, fewer);
    expect(report).toMatchObject({ ok: false, confirmationNeeded: true, removals: { named: false, needsConfirmation: 'unnamed-source', removing: 1 } });
    expect(await nodes(driver, 'Application')).toHaveLength(20);
    expect((await importFiles(driver, fewer, { source: 'csv:gm-a' })).ok).toBe(true);
  });

  it('when files that do not name their source hold organisations another source has, then the import asks which source to update', async () => {
    await importFiles(driver, fixture('en'), { source: 'demo:gemeente-a' });
    const before = await snapshot(driver);
    // Named after their one organisation (csv:gm-a), which demo:gemeente-a holds already.
    const generic = fixture('en');
    const dry = await importFiles(driver, generic, { dryRun: true });
    expect(dry).toMatchObject({ ok: true, sourceUnclear: { proposed: 'csv:gm-a', existing: ['demo:gemeente-a'] } });
    const report = await importFiles(driver, generic);
    expect(report).toMatchObject({ ok: false, confirmationNeeded: true, runId: null, sourceUnclear: { proposed: 'csv:gm-a', existing: ['demo:gemeente-a'] } });
    expect(await snapshot(driver)).toEqual(before);
    // Named, either way, it goes ahead.
    expect((await importFiles(driver, generic, { source: 'demo:gemeente-a' })).unchangedSince).not.toBeNull();
  });
});
