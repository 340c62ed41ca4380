// The snapshot cache (server/analyses/snapshot-cache.ts): answers come from memory only while the
// database is unchanged; an import, a source deletion or any other commit makes the next answer fresh.
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { getAnalysis } from '../../server/analyses/index.js';
import { fetchLandscape } from '../../server/analyses/landscape.js';
import { cached, cacheStats, clearCache, graphVersion, setCacheLimits } from '../../server/analyses/snapshot-cache.js';
import { write } from '../../server/neo4j.js';
import { deleteSource } from '../../server/routes/imports.js';
import { nodeDetail } from '../../server/routes/graph.js';
import { analyses } from '../../server/analyses/index.js';
import { graphView, GraphQuery } from '../../server/graph-view.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { fixture, loadLandscape } from './fixture.js';

const exposure = async (driver: Driver, organisation: string) => {
  const analysis = getAnalysis('supplier-exposure')!;
  const { rows } = await analysis.run(driver, analysis.params.parse({ organisation }));
  return Object.fromEntries(rows.map(row => [row.uid as string, row.applications]));
};

// gm1 gets a sixth application from Centric (s4) through a second source.
const extra = () =>
  Landscape.parse({
    suppliers: [{ id: 's4', name: 'Centric' }],
    applications: [{ id: 'a9', organisation: 'gm1', name: 'Belastingen', supplier: 's4', criticality: 'hoog' }],
  });

describe('snapshot cache', () => {
  let driver: Driver;
  beforeEach(async () => {
    driver = testDriver();
    setCacheLimits(null);
    await resetDatabase(driver);
    await loadLandscape(driver, fixture());
  });
  afterEach(async () => {
    setCacheLimits(null);
    await driver.close();
  });

  it('when nothing changed in between, then the second answer comes from the same cached snapshot', async () => {
    const first = await fetchLandscape(driver, ['gm1']);
    expect(await fetchLandscape(driver, ['gm1'])).toBe(first);
    // The market (suppliers per reference component) is the same for every scope: kept once, beside the snapshots.
    expect(cacheStats(driver).keys).toEqual(['market', 'landscape:["gm1"]']);
    expect(cacheStats(driver).bytes).toBeGreaterThan(0);
    // Whichever scope asks, a component's market is every supplier offering it (s1 in gm1, s4 in gm2).
    const other = await fetchLandscape(driver, ['gm2']);
    expect(first.names.get('refcomp:zaaksysteem')?.suppliers).toEqual(expect.arrayContaining(['supplier:s1', 'supplier:s4']));
    expect(other.names.get('refcomp:zaaksysteem')?.suppliers).toEqual(first.names.get('refcomp:zaaksysteem')?.suppliers);
  });

  it('when identical requests arrive together, then they share one load', async () => {
    clearCache(driver);
    const [a, b, c] = await Promise.all([fetchLandscape(driver, ['gm1']), fetchLandscape(driver, ['gm1']), fetchLandscape(driver, ['gm1'])]);
    expect(b).toBe(a);
    expect(c).toBe(a);
    let loads = 0;
    const load = async () => ({ load: ++loads });
    const values = await Promise.all(Array.from({ length: 5 }, () => cached(driver, 'counted', load, () => 1)));
    expect(loads).toBe(1);
    expect(new Set(values).size).toBe(1);
  });

  it('when an import adds an application, then the analysis answer changes; when that source is deleted, it changes back', async () => {
    const before = await exposure(driver, 'gm1');
    expect(before['supplier:s4']).toBeUndefined();
    expect(await exposure(driver, 'gm1')).toEqual(before); // served from the cache

    const report = await importLandscape(driver, extra(), { source: 'csv:extra' });
    expect(report.ok).toBe(true);
    const after = await exposure(driver, 'gm1');
    expect(after['supplier:s4']).toBe(1);
    expect((await fetchLandscape(driver, ['gm1'])).applications.has('app:gm1/a9')).toBe(true);

    await deleteSource(driver, 'csv:extra');
    expect(await exposure(driver, 'gm1')).toEqual(before);
    expect((await fetchLandscape(driver, ['gm1'])).applications.has('app:gm1/a9')).toBe(false);
  });

  it('when any transaction commits (here a raw property change), then the version changes and the graph view is fresh', async () => {
    const view = async () => (await graphView(driver, GraphQuery.parse({ organisation: 'gm1', aggregate: 'none' }))).nodes.find(node => node.id === 'app:gm1/a5')?.label;
    const version = await graphVersion(driver);
    expect(await graphVersion(driver)).toBe(version);
    expect(await view()).toBe('Website');
    await write(driver, "MATCH (a:Application {uid: 'app:gm1/a5'}) SET a.name = 'Portaal'");
    expect(await graphVersion(driver)).not.toBe(version);
    expect(await view()).toBe('Portaal');
  });

  it('when requests check the version while a check runs, then they share one and still see a commit made before they asked', async () => {
    const before = graphVersion(driver);
    const writing = write(driver, "MATCH (a:Application {uid: 'app:gm1/a5'}) SET a.note = 'x'");
    const during = [graphVersion(driver), graphVersion(driver)];
    await writing;
    const after = await Promise.all([graphVersion(driver), graphVersion(driver), graphVersion(driver)]);
    expect(new Set(after).size).toBe(1);
    expect(after[0]).not.toBe(await before);
    expect(new Set(await Promise.all(during)).size).toBe(1);
  });

  it('when the bounds are small, then the least recently used snapshot is evicted first', async () => {
    clearCache(driver);
    setCacheLimits({ ROER_CACHE_ENTRIES: 3 });
    await fetchLandscape(driver, ['gm1']);
    await fetchLandscape(driver, ['gm2']);
    await fetchLandscape(driver, ['gm1']); // gm1 is now more recent than gm2
    await fetchLandscape(driver, null); // every load uses the market too
    expect(cacheStats(driver).keys).toEqual(['landscape:["gm1"]', 'market', 'landscape:*']);
    setCacheLimits({ ROER_CACHE_MB: 0 });
    clearCache(driver);
    await fetchLandscape(driver, ['gm1']);
    expect(cacheStats(driver).entries).toBe(0); // over the memory budget: answered, not kept
  });

  it('when an answer would take more than an eighth of the cache, then it is served but not kept, while its snapshot is', async () => {
    const analysis = getAnalysis('supplier-exposure')!;
    const params = analysis.params.parse({ organisation: 'gm1' });
    clearCache(driver);
    const { rows } = await analysis.run(driver, params);
    const answerBytes = 1_000 + 600 * rows.length; // the estimate withResultCache gives the cache
    const kept = (budgetBytes: number) => {
      setCacheLimits({ ROER_CACHE_MB: budgetBytes / 2 ** 20 });
      clearCache(driver);
      return analysis.run(driver, params).then(() => cacheStats(driver));
    };
    const justTooBig = await kept(8 * answerBytes - 8);
    expect(justTooBig.keys.filter(key => key.startsWith('result:'))).toEqual([]);
    expect(justTooBig.keys).toContain('landscape:["gm1"]'); // the snapshot it was computed from fits and stays
    const fits = await kept(8 * answerBytes);
    expect(fits.keys.filter(key => key.startsWith('result:supplier-exposure'))).toHaveLength(1);
  });

  it('when a node is opened, then its lock-in row equals the lock-in analysis row for it', async () => {
    const analysis = getAnalysis('lock-in')!;
    const { rows: applications } = await analysis.run(driver, analysis.params.parse({ organisation: 'gm1' }));
    const { rows: suppliers } = await analysis.run(driver, analysis.params.parse({ level: 'supplier' }));
    expect((await nodeDetail(driver, analyses, 'app:gm1/a1')).lockIn).toEqual(applications.find(row => row.uid === 'app:gm1/a1'));
    expect((await nodeDetail(driver, analyses, 'supplier:s1')).lockIn).toEqual(suppliers.find(row => row.uid === 'supplier:s1'));
    expect((await nodeDetail(driver, analyses, 'platform:p1')).lockIn).toBeUndefined(); // platforms have no lock-in score
    await write(driver, "CREATE (:Entity:Supplier {uid: 'supplier:idle', id: 'idle', name: 'Idle B.V.'})");
    expect(await nodeDetail(driver, analyses, 'supplier:idle')).not.toHaveProperty('lockIn'); // supplies nothing: no score
  });
});
