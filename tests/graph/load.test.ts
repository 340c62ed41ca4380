import type { Driver } from 'neo4j-driver';
import { cleanup, load, mayHaveStale, transform } from '../../importers/load.js';
import { Landscape } from '../../importers/model.js';

import { nodes, rels, resetDatabase, snapshot, testDriver } from '../support/db.js';

const base = () =>
  Landscape.parse({
    suppliers: [{ id: 's1', name: 'Acme B.V.', group: 'Acme Holding' }, { id: 's2', name: 'Hostco' }],
    platforms: [{ id: 'p1', name: 'Rekencentrum', type: 'rekencentrum', supplier: 's2', jurisdiction: 'NL' }],
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Zaaksysteem', supplier: 's1', platform: 'p1', criticality: 'hoog', referenceComponents: 'Zaaksysteem' },
      { id: 'a2', organisation: 'gm1', name: 'Makelaar', supplier: 's1', criticality: 'kritiek' },
      { id: 'a3', organisation: 'gm1', name: 'BRP', supplier: 's1' },
    ],
    interfaces: [{ id: 'i1', organisation: 'gm1', from: 'a3', to: 'a1', via: 'a2', standard: 'StUF-BG' }],
    contracts: [{ id: 'c1', organisation: 'gm1', supplier: 's1', applications: 'a1|a2', end: '31-12-2027', noticeMonths: '6', annualValue: '€ 1.234,56' }],
  });

async function importOnce(driver: Driver, landscape: Landscape, source: string, runId: string) {
  const session = driver.session();
  try {
    return await session.executeWrite(async tx => {
      const { counts, reasserted, stamped } = await load(tx, transform(landscape), { source, runId });
      const removed = await cleanup(tx, { source, runId });
      return { counts, removed, reasserted, stamped };
    });
  } finally {
    await session.close();
  }
}

describe('load', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when a landscape is loaded, then the dependency semantics are materialised', async () => {
    await importOnce(driver, base(), 'csv:gm1', 'run-1');
    expect(await rels(driver, 'DEPENDS_ON')).toEqual([
      'app:gm1/a1 -DEPENDS_ON-> app:gm1/a2',
      'app:gm1/a1 -DEPENDS_ON-> app:gm1/a3',
      'app:gm1/a3 -DEPENDS_ON-> app:gm1/a2',
    ]);
    expect(await nodes(driver, 'SupplierGroup')).toEqual(['group:acme-holding']);
    const [contract] = await (await import('../../server/neo4j.js')).read(driver, 'MATCH (c:Contract) RETURN c.end AS end, c.noticeMonths AS months, c.annualValue AS value');
    expect(contract).toEqual({ end: '2027-12-31', months: 6, value: 1234.56 });
  });

  it('when the same landscape is loaded again, then nothing but the run stamps changes', async () => {
    const first = await importOnce(driver, base(), 'csv:gm1', 'run-1');
    const before = (await snapshot(driver)).map(line => line.replace(/run-1/g, 'RUN').replace(/"createdRun":"[^"]*"/, ''));
    const second = await importOnce(driver, base(), 'csv:gm1', 'run-2');
    const after = (await snapshot(driver)).map(line => line.replace(/run-2/g, 'RUN').replace(/"createdRun":"[^"]*"/, ''));
    expect(after).toEqual(before);
    expect(first.counts.Application).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(second.counts.Application).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(second.removed).toEqual({});
  });

  it('when a source drops a row, then its fact goes but what another source asserts stays', async () => {
    await importOnce(driver, base(), 'csv:gm1', 'run-1');
    const other = Landscape.parse({ suppliers: [{ id: 's1', name: 'Acme B.V.', group: 'Acme Holding' }], applications: [{ id: 'x1', organisation: 'gm2', name: 'Other', supplier: 's1' }] });
    await importOnce(driver, other, 'csv:gm2', 'run-2');
    const smaller = base();
    smaller.suppliers = [];
    smaller.applications = smaller.applications.filter(a => a.id !== 'a3').map(a => ({ ...a, supplier: undefined }));
    smaller.interfaces = [];
    smaller.contracts = [];
    const { removed } = await importOnce(driver, smaller, 'csv:gm1', 'run-3');
    expect(await nodes(driver, 'Application')).toEqual(['app:gm1/a1', 'app:gm1/a2', 'app:gm2/x1']);
    expect(await nodes(driver, 'Supplier')).toEqual(['supplier:s1']);
    expect(await rels(driver, 'PART_OF')).toEqual(['supplier:s1 -PART_OF-> group:acme-holding']);
    expect(await rels(driver, 'DEPENDS_ON')).toEqual([]);
    expect(removed).toMatchObject({ Application: 1, Interface: 1, Contract: 1 });
  });
});

describe('mayHaveStale', () => {
  it('when the previous run of a source was counted, then the cleanup only looks if this run re-stamped fewer', () => {
    expect(mayHaveStale(undefined, 0)).toBe(false);
    expect(mayHaveStale(12, 12)).toBe(false);
    expect(mayHaveStale(12, 11)).toBe(true);
    expect(mayHaveStale(null, 1_000)).toBe(true);
  });
});
