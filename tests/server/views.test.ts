// The landscape map and the dependency view over HTTP (in-process app, real Neo4j), on a small
// landscape whose every overlay value and dependency step is known by hand.
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { addMonths, today } from '../../server/analyses/params.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, request } from './support.js';

// Dates relative to today: the map sorts notice deadlines into "within 6 / 12 months" from today.
const now = today();
const landscape = () =>
  Landscape.parse({
    suppliers: [
      { id: 's1', name: 'Acme B.V.', group: 'Acme Holding' },
      { id: 's2', name: 'Hostco', country: 'NL' },
      { id: 's3', name: 'Beta Software' },
      { id: 's4', name: 'Gamma' },
    ],
    platforms: [
      { id: 'p2', name: 'Cloud', type: 'iaas', supplier: 's2', jurisdiction: 'US' },
      { id: 'p1', name: 'Rekencentrum', type: 'data-centre', supplier: 's2', jurisdiction: 'NL', runsOn: 'p2' },
      { id: 'p3', name: 'Eigen serverruimte', type: 'on-premise', jurisdiction: 'EU' },
    ],
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Zaaksysteem', supplier: 's1', platform: 'p1', criticality: 'hoog', businessFunctions: 'Vergunningen|Burgerzaken', referenceComponents: 'Zaaksysteem' },
      { id: 'a2', organisation: 'gm1', name: 'Makelaar', supplier: 's1', platform: 'p3', criticality: 'kritiek', businessFunctions: 'Informatievoorziening' },
      { id: 'a3', organisation: 'gm1', name: 'Website', supplier: 's3', criticality: 'laag' },
      { id: 'a4', organisation: 'gm1', name: 'Archief', supplier: 's4', platform: 'p3', businessFunctions: 'Vergunningen' },
      { id: 'b1', organisation: 'gm2', name: 'Zaakregie Zuid', supplier: 's1', platform: 'p1', businessFunctions: 'Vergunningen' },
    ],
    interfaces: [
      { id: 'i1', organisation: 'gm1', from: 'a1', to: 'a3', standard: 'REST' },
      { id: 'i2', organisation: 'gm1', from: 'a1', to: 'a3', via: 'a2', standard: 'StUF' },
      { id: 'i3', organisation: 'gm1', from: 'a4', to: 'a1', standard: 'CMIS' },
    ],
    contracts: [
      { id: 'c1', organisation: 'gm1', supplier: 's1', applications: 'a1|a2', start: '2024-01-01', end: addMonths(now, 9), noticeMonths: '4', autoRenew: 'ja', annualValue: '1000' },
      { id: 'c2', organisation: 'gm1', supplier: 's3', applications: 'a3', start: '2024-01-01', end: addMonths(now, 30), noticeMonths: '3', autoRenew: 'ja', annualValue: '500' },
      { id: 'c3', organisation: 'gm1', supplier: 's4', applications: 'a4', start: '2024-01-01', end: addMonths(now, 2), noticeMonths: '6', autoRenew: 'ja', annualValue: '200' },
      // Ends in 2 months with 6 months' notice too, but does not renew by itself: no notice deadline, its end date counts.
      { id: 'd1', organisation: 'gm2', supplier: 's1', applications: 'b1', start: '2024-01-01', end: addMonths(now, 2), noticeMonths: '6', annualValue: '300' },
    ],
  });

describe('landscape map and dependency view', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const report = await importLandscape(driver, landscape(), { source: 'csv:views', user: 'test' });
    expect(report.issues).toEqual([]);
    app = appFor(driver);
  });
  afterAll(() => driver.close());

  const map = async (query: Record<string, string>) => {
    const response = await request(app).get('/api/landscape-map').query(query);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('when one organisation is chosen, then each application sits in every area of its business functions (largest first), the rest in "none"', async () => {
    const body = await map({ organisation: 'gm1' });
    expect(body.mode).toBe('map');
    expect(body.organisations).toEqual([{ id: 'gm1', name: 'gm1', applications: 4 }]);
    expect(body.areas.map((area: { uid: string; applications: number }) => [area.uid, area.applications])).toEqual([
      ['function:vergunningen', 2], ['function:burgerzaken', 1], ['function:informatievoorziening', 1], ['none', 1],
    ]);
    const areas = Object.fromEntries(body.applications.map((tile: { name: string; areas: string[] }) => [tile.name, tile.areas]));
    expect(areas).toEqual({
      Archief: ['function:vergunningen'], Makelaar: ['function:informatievoorziening'], Website: ['none'],
      Zaaksysteem: ['function:vergunningen', 'function:burgerzaken'],
    });
  });

  it('when the areas are reference components, then applications without one are in "none"', async () => {
    const body = await map({ organisation: 'gm1', areas: 'referenceComponent' });
    expect(body.areas.map((area: { uid: string; applications: number }) => [area.uid, area.applications])).toEqual([['refcomp:zaaksysteem', 1], ['none', 3]]);
  });

  it('when the overlays are computed, then each application has its supplier, group, criticality, worst hosting jurisdiction and notice band', async () => {
    const body = await map({ organisation: 'gm1' });
    const overlay = Object.fromEntries(body.applications.map((tile: { name: string; overlay: Record<string, string> }) => [tile.name, tile.overlay]));
    // Zaaksysteem runs on Rekencentrum (NL), which runs on Cloud (US): the worst along the chain.
    expect(overlay.Zaaksysteem).toMatchObject({ supplier: 'supplier:s1', group: 'group:acme-holding', criticality: 'high', jurisdiction: 'US', notice: 'within6' });
    expect(overlay.Makelaar).toMatchObject({ criticality: 'critical', jurisdiction: 'EU', notice: 'within6' });
    expect(overlay.Website).toMatchObject({ supplier: 'supplier:s3', group: 'supplier:s3', criticality: 'low', jurisdiction: 'none', notice: 'later' });
    // Archief's contract ends in 2 months with 6 months' notice: too late to give notice.
    expect(overlay.Archief).toMatchObject({ criticality: 'medium', jurisdiction: 'EU', notice: 'passed' });
    const tile = body.applications.find((a: { name: string }) => a.name === 'Zaaksysteem');
    expect(tile.actBy).toEqual({ date: addMonths(addMonths(now, 9), -4), kind: 'notice' });
    expect(tile.suppliers).toEqual([{ uid: 'supplier:s1', name: 'Acme B.V.' }]);
    expect(body.legends.jurisdiction).toEqual([{ key: 'US', count: 1 }, { key: 'EU', count: 2 }, { key: 'none', count: 1 }]);
    expect(body.legends.notice).toEqual([{ key: 'passed', count: 1 }, { key: 'within6', count: 2 }, { key: 'later', count: 1 }]);
    // d1 does not renew by itself: it is acted on by its end date (arrange what follows), not by a notice deadline it lacks.
    const south = await map({ organisation: 'gm2' });
    expect(south.applications.map((a: { name: string; actBy: unknown; overlay: Record<string, string> }) => [a.name, a.actBy, a.overlay.notice]))
      .toEqual([['Zaakregie Zuid', { date: addMonths(now, 2), kind: 'end' }, 'within6']]);
    expect(body.legends.group).toEqual([
      { key: 'group:acme-holding', name: 'Acme Holding', count: 2 }, { key: 'supplier:s3', name: 'Beta Software', count: 1 }, { key: 'supplier:s4', name: 'Gamma', count: 1 },
    ]);
  });

  it('when the lock-in overlay is computed, then its scores are those of the lock-in analysis', async () => {
    const body = await map({ organisation: 'gm1' });
    const lockIn = await request(app).get('/api/analyses/lock-in').query({ organisation: 'gm1' });
    const scores = Object.fromEntries(lockIn.body.rows.map((row: { uid: string; score: number }) => [row.uid, row.score]));
    for (const tile of body.applications) {
      expect(tile.lockIn).toBe(scores[tile.uid]);
      expect(tile.overlay.lockIn).toBe(tile.lockIn >= 75 ? 'b75' : tile.lockIn >= 50 ? 'b50' : tile.lockIn >= 25 ? 'b25' : 'b0');
    }
    expect(body.legends.lockIn.reduce((sum: number, entry: { count: number }) => sum + entry.count, 0)).toBe(4);
  });

  it('when several organisations are in scope, then the map gives counts per area and no tiles', async () => {
    const body = await map({});
    expect(body.mode).toBe('choose');
    expect(body.applications).toEqual([]);
    expect(body.organisations.map((o: { id: string; applications: number }) => [o.id, o.applications])).toEqual([['gm1', 4], ['gm2', 1]]);
    expect(body.areas.find((area: { uid: string }) => area.uid === 'function:vergunningen')).toMatchObject({ applications: 3, organisations: 2 });
  });

  it('when the areas parameter is not known, then the answer is 400', async () => {
    expect((await request(app).get('/api/landscape-map').query({ areas: 'supplier' })).status).toBe(400);
  });

  it('when the dependency view of a contract is asked, then its centre carries what names it: supplier and covered applications', async () => {
    const response = await request(app).get(`/api/dependencies/${encodeURIComponent('contract:gm1/c1')}`);
    expect(response.status).toBe(200);
    const { contract, ...centre } = response.body.centre;
    expect(centre).toEqual({ uid: 'contract:gm1/c1', kind: 'Contract', name: 'c1', organisation: 'gm1', criticality: null });
    expect({ ...contract, applications: [...contract.applications].sort() }).toEqual({ id: 'c1', suppliers: ['Acme B.V.'], applications: ['Makelaar', 'Zaaksysteem'] });
  });

  it('when the dependency view of an application is asked, then parallel interfaces are one edge with their count', async () => {
    const response = await request(app).get(`/api/dependencies/${encodeURIComponent('app:gm1/a3')}`);
    expect(response.status).toBe(200);
    const { centre, before, after, edges, next } = response.body;
    expect(centre).toEqual({ uid: 'app:gm1/a3', kind: 'Application', name: 'Website', organisation: 'gm1', criticality: 'low', contract: null });
    expect(before.map((column: { hop: number; total: number; nodes: { uid: string }[] }) => [column.hop, column.total, column.nodes.map(node => node.uid)]))
      .toEqual([[1, 3, ['app:gm1/a2', 'app:gm1/a1', 'supplier:s3']]]);
    expect(after).toEqual([]);
    expect(edges.find((edge: { to: string }) => edge.to === 'app:gm1/a1')).toEqual({
      from: 'app:gm1/a3', to: 'app:gm1/a1', side: 'before', count: 2, relations: [{ type: 'DEPENDS_ON', direction: 'out', dependencyKind: 'flow', count: 2 }],
    });
    expect(edges.find((edge: { to: string }) => edge.to === 'supplier:s3').relations).toEqual([{ type: 'SUPPLIES', direction: 'in', dependencyKind: null, count: 1 }]);
    // One step further: Zaaksysteem's platform and source, the broker's platform, their supplier.
    expect(next).toEqual({ before: 4, after: 0 });
  });

  it('when more steps are asked, then each column holds what is first reached at that step, with edges from the column before', async () => {
    const response = await request(app).get(`/api/dependencies/${encodeURIComponent('platform:p2')}`).query({ after: 3, organisation: 'gm1' });
    const { before, after, edges } = response.body;
    expect(before.map((column: { nodes: { uid: string }[] }) => column.nodes.map(node => node.uid))).toEqual([['supplier:s2']]);
    expect(after.map((column: { nodes: { uid: string }[] }) => column.nodes.map(node => node.uid))).toEqual([
      ['platform:p1'], ['app:gm1/a1'], ['app:gm1/a3', 'function:burgerzaken', 'function:vergunningen'],
    ]);
    expect(edges.filter((edge: { side: string }) => edge.side === 'after').map((edge: { from: string; to: string; relations: { type: string }[] }) => `${edge.from} ${edge.relations.map(r => r.type)} ${edge.to}`).sort()).toEqual([
      'app:gm1/a1 DEPENDS_ON app:gm1/a3', 'app:gm1/a1 SUPPORTS function:burgerzaken', 'app:gm1/a1 SUPPORTS function:vergunningen',
      'platform:p1 RUNS_ON app:gm1/a1', 'platform:p2 RUNS_ON platform:p1',
    ]);
    // gm2's application on the same platform is left out when gm1 is chosen, and shown when all are.
    const all = await request(app).get(`/api/dependencies/${encodeURIComponent('platform:p1')}`);
    expect(all.body.after[0].nodes.map((node: { uid: string }) => node.uid)).toEqual(['app:gm1/a1', 'app:gm2/b1']);
  });

  it('when a column holds more than the limit, then it shows the limit and says how many there are', async () => {
    const response = await request(app).get(`/api/dependencies/${encodeURIComponent('supplier:s1')}`).query({ limit: 1 });
    expect(response.body.after[0]).toMatchObject({ hop: 1, total: 3, nodes: [{ uid: 'app:gm1/a2' }] });
    expect(response.body.edges.filter((edge: { side: string }) => edge.side === 'after')).toHaveLength(1);
  });

  it('when the node does not exist or a step count is out of range, then 404 and 400', async () => {
    expect((await request(app).get(`/api/dependencies/${encodeURIComponent('app:gm1/nope')}`)).status).toBe(404);
    expect((await request(app).get(`/api/dependencies/${encodeURIComponent('app:gm1/a1')}`).query({ before: 99 })).status).toBe(400);
  });
});
