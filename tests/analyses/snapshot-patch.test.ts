// The snapshot cache survives an import (server/analyses/snapshot-patch.ts): a snapshot kept from
// before a diff run is brought up to date from the run's rows, and equals a snapshot fetched whole;
// anything the journal cannot account for is fetched whole, as before.
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { deleteSource } from '../../server/routes/imports.js';
import { fetchLandscape, type Landscape, loadLandscape } from '../../server/analyses/landscape.js';
import { patchStats } from '../../server/analyses/snapshot-patch.js';
import { clearCache } from '../../server/analyses/snapshot-cache.js';
import { write } from '../../server/neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { changedFixture, csv, fixture } from '../importers/support.js';

/** A snapshot as plain, ordered data: what a patched and a fetched one must agree on. */
const plain = (landscape: Landscape) => ({
  ...landscape,
  applications: [...landscape.applications], platforms: [...landscape.platforms], suppliers: [...landscape.suppliers],
  names: [...landscape.names], groups: [...landscape.groups],
});

// gm-b's own source uses cloudy (which csv:en renames) and regio (which csv:en removes but gm-b asserts too).
const gmB = [
  csv('suppliers.csv', 'id,name,group,country\ncloudy,Cloudy Inc.,,US\nregio,Régio ICT B.V.,Acme Holding,NL\n'),
  csv('applications.csv', 'id,organisation,name,supplier,referenceComponents,businessFunctions,platform\nx1,gm-b,Financiën,regio,Financiële administratie,Financiën,saas1\nx2,gm-b,Portaal,cloudy,,Dienstverlening,\n'),
];

describe('a cached snapshot after an import', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(async () => {
    await resetDatabase(driver);
    clearCache(driver);
    await importFiles(driver, fixture('en'), { source: 'csv:en', headlines: false });
    await importFiles(driver, gmB, { source: 'csv:gm-b', headlines: false });
  });

  it.each([['every organisation', null], ['one organisation', ['gm-a']], ['the other organisation', ['gm-b']]])('when a diff run changed rows in every table (%s), then the snapshot is patched from its rows and equals one fetched whole', async (_name, scope) => {
    const before = await fetchLandscape(driver, scope);
    const { patched } = patchStats;
    const report = await importFiles(driver, changedFixture(), { source: 'csv:en', allowRemovals: true });
    expect(report.written).toBe('diff');
    const after = await fetchLandscape(driver, scope);
    expect(after).not.toBe(before);
    expect(patchStats.patched).toBeGreaterThan(patched);
    expect(plain(after)).toEqual(plain(await loadLandscape(driver, scope)));
    expect(after.journal!.seq).toBe(before.journal!.seq + 1);
  });

  it('when several runs changed the landscape since, then one patch takes them all', async () => {
    const before = await fetchLandscape(driver, null);
    await importFiles(driver, changedFixture(), { source: 'csv:en', allowRemovals: true, headlines: false });
    await importFiles(driver, fixture('en'), { source: 'csv:en', allowRemovals: true, headlines: false });
    const after = await fetchLandscape(driver, null);
    expect(after.journal!.seq).toBe(before.journal!.seq + 2);
    expect(plain(after)).toEqual(plain(await loadLandscape(driver, null)));
  });

  it('when the database changed outside a diff run (Cypher, a source deleted), then the snapshot is fetched whole', async () => {
    await fetchLandscape(driver, null);
    const { refused } = patchStats;
    await write(driver, "MATCH (a:Application {uid: 'app:gm-a/zaak'}) SET a.name = 'Zaaksysteem (hand)'");
    const edited = await fetchLandscape(driver, null);
    expect(edited.applications.get('app:gm-a/zaak')?.name).toBe('Zaaksysteem (hand)');
    expect(patchStats.refused).toBe(refused + 1);
    await deleteSource(driver, 'csv:gm-b');
    const deleted = await fetchLandscape(driver, null);
    expect(deleted.applications.has('app:gm-b/x1')).toBe(false);
    expect(patchStats.refused).toBe(refused + 2);
    expect(plain(deleted)).toEqual(plain(await loadLandscape(driver, null)));
  });
});
