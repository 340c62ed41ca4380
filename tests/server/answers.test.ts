// Readable answers over HTTP: names instead of ids and slugs, the controls a node offers, and a
// documented impact answer that says when it was cut.
import type { Driver } from 'neo4j-driver';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, loadFixture, request } from './support.js';

describe('readable answers', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await loadFixture(driver);
    app = appFor(driver);
  });
  afterAll(() => driver.close());

  const node = async (uid: string) => {
    const response = await request(app).get(`/api/nodes/${encodeURIComponent(uid)}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('when an application is asked, then its interfaces are named after their ends and its dependencies name the interface they come from', async () => {
    const detail = await node('app:gm1/a1');
    expect(detail.neighbours['<TO'].map((n: { name: string; interface: unknown }) => [n.name, n.interface])).toEqual([
      ['=HYPERLINK("http://evil") → Zaaksysteem Noord (eigen koppeling)', { from: '=HYPERLINK("http://evil")', to: 'Zaaksysteem Noord', via: null, standard: 'eigen koppeling' }],
      ['Basisregistratie Personen → Zaaksysteem Noord via Makelaar (StUF-BG)', { from: 'Basisregistratie Personen', to: 'Zaaksysteem Noord', via: 'Makelaar', standard: 'StUF-BG' }],
    ]);
    expect(detail.neighbours['DEPENDS_ON>'].map((n: { uid: string; properties: { interface: string } }) => [n.uid, n.properties.interface]).sort()).toEqual([
      ['app:gm1/a2', 'interface:gm1/i1'],
      ['app:gm1/a3', 'interface:gm1/i1'],
      ['app:gm1/a4', 'interface:gm1/i2'],
    ]);
  });

  it('when an interface itself is asked, then its name is its ends', async () => {
    const detail = await node('interface:gm1/i1');
    expect(detail.properties.name).toBe('Basisregistratie Personen → Zaaksysteem Noord via Makelaar (StUF-BG)');
    expect(detail.interface).toEqual({ from: 'Basisregistratie Personen', to: 'Zaaksysteem Noord', via: 'Makelaar', standard: 'StUF-BG' });
  });

  it.each([
    ['app:gm1/a1', true, true],
    ['platform:p1', true, true],
    ['supplier:s1', true, true],
    ['group:acme-holding', true, true],
    ['org:gm1', false, true],
    ['refcomp:zaaksysteem', false, false],
    ['function:dienstverlening', false, false],
    ['contract:gm1/c1', false, false],
    ['interface:gm1/i1', false, false],
  ])('when %s is asked, then it offers what-if %s and a report %s, and exactly the offered ones answer 200', async (uid, whatIf, report) => {
    const detail = await node(uid);
    expect(detail.offers).toEqual({ whatIf, report });
    const impact = await request(app).get('/api/analyses/impact').query({ node: uid });
    expect(impact.status).toBe(whatIf ? 200 : 404);
    expect((await request(app).get(`/api/reports/${encodeURIComponent(uid)}`)).status).toBe(report ? 200 : 404);
  });

  it('when organisations are listed, then an organisation imported by id alone gets a readable name', async () => {
    await request(app).post('/api/imports').query({ source: 'csv:lange-naam' })
      .attach('files', Buffer.from('id;organisatie;naam\nx1;gemeente-nieuw-roerdam;Iets\n'), 'applications.csv')
      .expect(200);
    const response = await request(app).get('/api/organisations');
    expect(response.body.map((o: { id: string; name: string }) => [o.id, o.name])).toEqual([
      ['gemeente-nieuw-roerdam', 'Gemeente Nieuw Roerdam'],
      ['gm1', 'gm1'],
      ['gm2', 'gm2'],
    ]);
  });

  it('when impact is asked with maxHops, then the JSON says it was cut; the OpenAPI document describes that answer', async () => {
    const cut = await request(app).get('/api/analyses/impact').query({ node: 'supplier:s2', maxHops: 1 });
    expect(cut.status).toBe(200);
    expect(cut.body.summary.cut).toEqual({ reason: 'maxHops', maxHops: 1, shown: 1, total: 2 });
    const whole = await request(app).get('/api/analyses/impact').query({ node: 'supplier:s2' });
    expect(whole.body.rows.map((row: { uid: string; hops: number }) => [row.uid, row.hops])).toEqual([['platform:p1', 1], ['app:gm1/a1', 2]]);
    expect(whole.body.summary.cut).toBeNull();
    const openapi = (await request(app).get('/api/openapi.json')).body;
    const schema = openapi.paths['/api/analyses/impact'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties.summary.properties)).toEqual(['node', 'maxHops', 'cut', 'totals', 'organisations', 'businessFunctions', 'contracts', 'interfacesBroken', 'interfacesWithoutData', 'algorithmsStopping', 'algorithmsMissingData']);
    expect(schema.properties.summary.properties.cut.anyOf[0].properties.reason.enum).toEqual(['maxHops', 'limit']);
  });
});
