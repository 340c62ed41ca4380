import type { Driver } from 'neo4j-driver';
import { type GraphRows, cleanup, inLanes, load, mayHaveStale, planLoad, relsOf, tablePhases, transform } from '../../importers/load.js';
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
      // Two rows at a time, as an import loads a large landscape.
      const phases = [...tablePhases(landscape, 2)].map(phase => phase.rows);
      const { counts, reasserted, stamped } = await load(tx, phases, { source, runId });
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

describe('load of new and existing nodes', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  // A platform hosted on another new platform (one label), an interface between existing applications,
  // and a supplier that exists already: every way a relationship can be written.
  const full = () => {
    const landscape = base();
    landscape.platforms.push({ id: 'p2', name: 'Cloud', type: 'saas', jurisdiction: 'US', runsOn: 'p1', extra: {}, supplier: undefined });
    landscape.applications.push({ ...landscape.applications[0], id: 'a4', name: 'Nieuw', platform: 'p2', referenceComponents: ['Zaaksysteem', 'Archief'] });
    landscape.interfaces.push({ ...landscape.interfaces[0], id: 'i2', from: 'a1', to: 'a4', via: undefined });
    return landscape;
  };
  const part = () => {
    const landscape = base();
    landscape.contracts = [];
    landscape.interfaces = [];
    return landscape;
  };
  const stampless = async () => (await snapshot(driver)).map(line => line.replace(/"runs":\[[^\]]*\]/, '').replace(/"hash":"[^"]*"/, ''));

  it('when a landscape is loaded a part of a table at a time, then graph and counts are those of one load of all its rows, into an empty database and over part of it', async () => {
    const loadAs = async (phases: (landscape: Landscape) => GraphRows[], landscape: Landscape, runId: string) => {
      const session = driver.session();
      try {
        return await session.executeWrite(tx => load(tx, phases(landscape), { source: 'csv:gm1', runId }));
      } finally {
        await session.close();
      }
    };
    const whole = (landscape: Landscape) => [transform(landscape)];
    // A phase per row, except the platforms (one may run on another): 2 suppliers, platforms, 4 applications, 2 interfaces, 1 contract.
    const byTable = (landscape: Landscape) => [...tablePhases(landscape, 1)].map(phase => phase.rows);
    expect(byTable(full())).toHaveLength(10);
    const once = [await loadAs(whole, full(), 'run-1')];
    const graph = [await snapshot(driver)];
    await resetDatabase(driver);
    once.push(await loadAs(whole, part(), 'run-2'), await loadAs(whole, full(), 'run-3'));
    graph.push(await snapshot(driver));

    await resetDatabase(driver);
    const phased = [await loadAs(byTable, full(), 'run-1')];
    expect(await snapshot(driver)).toEqual(graph[0]);
    await resetDatabase(driver);
    phased.push(await loadAs(byTable, part(), 'run-2'), await loadAs(byTable, full(), 'run-3'));
    expect(await snapshot(driver)).toEqual(graph[1]);
    expect(phased).toEqual(once);
    // The organisation the applications' table wrote is not written again by the interfaces' and contracts' tables.
    expect(phased[2].counts.Organisation).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('when part of a landscape exists already, then loading all of it gives the graph a load into an empty database gives', async () => {
    await importOnce(driver, full(), 'csv:gm1', 'run-1');
    const fromEmpty = await stampless();
    await resetDatabase(driver);
    await importOnce(driver, part(), 'csv:gm1', 'run-1');
    const second = await importOnce(driver, full(), 'csv:gm1', 'run-2');
    expect(await stampless()).toEqual(fromEmpty);
    expect(second.counts.Application).toEqual({ created: 1, updated: 0, unchanged: 3 });
    expect(second.counts.Interface).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(await rels(driver, 'RUNS_ON')).toEqual(['app:gm1/a1 -RUNS_ON-> platform:p1', 'app:gm1/a4 -RUNS_ON-> platform:p2', 'platform:p2 -RUNS_ON-> platform:p1']);
  });

  it('when relationships are created with new nodes, then only DEPENDS_ON and RELATES_TO carry a key', async () => {
    await importOnce(driver, full(), 'csv:gm1', 'run-1');
    const keyed = await (await import('../../server/neo4j.js')).read(driver, 'MATCH ()-[r]->() WHERE r.key IS NOT NULL RETURN DISTINCT type(r) AS type');
    expect(keyed).toEqual([{ type: 'DEPENDS_ON' }]);
  });

  it('when a new node refers to a node that does not exist, then the load fails and the transaction writes nothing', async () => {
    const rows = transform(full());
    rows.relationships.get('SUPPLIES')!.push({ from: 'supplier:nowhere', to: 'app:gm1/a4', key: '', props: {} });
    await expect(loadRows(rows)).rejects.toThrow(/Loading new Application nodes: 1 of \d+ relationships had a missing end node/);
    expect(await snapshot(driver)).toEqual([]);
  });

  async function loadRows(rows: GraphRows) {
    const session = driver.session();
    try {
      await session.executeWrite(tx => load(tx, [rows], { source: 'csv:gm1', runId: 'run-1' }));
    } finally {
      await session.close();
    }
  }
});

describe('planLoad', () => {
  it('anchors a relationship on its new end created last, merges what joins existing nodes and creates what joins new nodes of one label', () => {
    const rows = transform(
      Landscape.parse({
        suppliers: [{ id: 's1', name: 'Acme' }],
        platforms: [{ id: 'p1', name: 'DC', type: 'rekencentrum', jurisdiction: 'NL' }, { id: 'p2', name: 'VM', type: 'iaas', jurisdiction: 'NL', runsOn: 'p1' }],
        applications: [{ id: 'a1', organisation: 'gm1', name: 'A', supplier: 's1', platform: 'p2' }, { id: 'a2', organisation: 'gm1', name: 'B', supplier: 's1' }],
        interfaces: [{ id: 'i1', organisation: 'gm1', from: 'a1', to: 'a2' }],
      }),
    );
    rows.relationships.get('SUPPLIES')!.push({ ...rows.relationships.get('SUPPLIES')![0] });
    const plan = planLoad(rows, new Set(['app:gm1/a2', 'supplier:s1']));
    const applications = plan.created.find(group => group.label === 'Application')!;
    expect(applications.blocks).toEqual([
      { type: 'USES', outgoing: false },
      { type: 'SUPPLIES', outgoing: false },
      { type: 'RUNS_ON', outgoing: true },
      { type: 'DEPENDS_ON', outgoing: false },
    ]);
    // The duplicate SUPPLIES is one relationship; the flow a2 → a1 makes a2 depend on the new a1.
    expect(applications.rows.map((row, index) => [row.uid, relsOf(applications, index).map(list => list.map(rel => `${rel.from}>${rel.to}`))])).toEqual([
      ['app:gm1/a1', [['org:gm1>app:gm1/a1'], ['supplier:s1>app:gm1/a1'], ['app:gm1/a1>platform:p2'], ['app:gm1/a2>app:gm1/a1']]],
    ]);
    expect(relsOf(applications, 0)[3][0]).toMatchObject({ key: 'interface:gm1/i1:flow', props: { interface: 'interface:gm1/i1', kind: 'flow' } });
    expect([...plan.merged.nodes.get('Application')!.keys()]).toEqual(['app:gm1/a2']);
    expect(plan.merged.relationships.get('SUPPLIES')!.map(row => row.to)).toEqual(['app:gm1/a2']);
    expect(plan.merged.relationships.get('RUNS_ON')).toEqual([]);
    expect(plan.createdBetween.get('RUNS_ON')!.map(row => `${row.from}>${row.to}`)).toEqual(['platform:p2>platform:p1']);
    const interfaces = plan.created.find(group => group.label === 'Interface')!;
    expect(interfaces.blocks.map(block => block.type)).toEqual(['FROM', 'TO']);
    expect(plan.merged.relationships.get('DEPENDS_ON')).toEqual([]);
  });
});

describe('planLoad after earlier phases', () => {
  it('skips the nodes they wrote, creates relationships to the nodes they created and merges those between nodes that existed', () => {
    const rows = transform(Landscape.parse({ interfaces: [{ id: 'i1', organisation: 'gm1', from: 'a1', to: 'a2' }, { id: 'i2', organisation: 'gm1', from: 'a3', to: 'a4' }] }));
    rows.relationships.get('RUNS_ON')!.push({ from: 'app:gm1/a3', to: 'platform:p1', key: '', props: {} });
    const earlier = new Map([['org:gm1', false], ['app:gm1/a1', true], ['app:gm1/a2', true], ['app:gm1/a3', false], ['app:gm1/a4', false]]);
    const plan = planLoad(rows, new Set(['platform:p1']), earlier);
    expect([...plan.merged.nodes.values()].flatMap(byUid => [...byUid.keys()])).toEqual([]);
    expect(plan.created.map(group => [group.label, group.rows.map(row => row.uid)])).toEqual([['Interface', ['interface:gm1/i1', 'interface:gm1/i2']]]);
    // a2 depends on a1, both created by an earlier phase: created; a4 on a3, both there before the load, and a3's platform: merged.
    expect(plan.createdBetween.get('DEPENDS_ON')!.map(row => `${row.from}>${row.to}`)).toEqual(['app:gm1/a2>app:gm1/a1']);
    expect(plan.merged.relationships.get('DEPENDS_ON')!.map(row => `${row.from}>${row.to}`)).toEqual(['app:gm1/a4>app:gm1/a3']);
    expect(plan.merged.relationships.get('RUNS_ON')!.map(row => `${row.from}>${row.to}`)).toEqual(['app:gm1/a3>platform:p1']);
  });
});

describe('inLanes', () => {
  it('when a batch fails while another lane is still writing, then the failure comes only after that batch finished and no new batch starts', async () => {
    const events: string[] = [];
    const work = async (batch: number) => {
      events.push(`start ${batch}`);
      await new Promise(resolve => setTimeout(resolve, batch === 1 ? 5 : 40));
      if (batch === 1) {
        events.push('fail 1');
        throw new Error('batch 1 failed');
      }
      events.push(`end ${batch}`);
    };
    await expect(inLanes([0, 1, 2, 3], 2, work)).rejects.toThrow('batch 1 failed');
    expect(events).toEqual(['start 0', 'start 1', 'fail 1', 'end 0']);
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
