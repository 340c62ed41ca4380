// The read side of the API over HTTP, in-process, against the real test Neo4j.
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, loadFixture, request } from './support.js';

const expectProblem = (response: request.Response, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String), instance: expect.any(String) }));
  expect(JSON.stringify(response.body)).not.toMatch(/\s+at .+:\d+:\d+/); // no stack trace
};

describe('read API', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await loadFixture(driver);
    app = appFor(driver);
  });
  afterAll(() => driver.close());

  it('when health and readiness are asked with Neo4j up, then both answer 200', async () => {
    expect((await request(app).get('/api/health')).body).toEqual({ status: 'ok' });
    const ready = await request(app).get('/api/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ready');
  });

  it('when any response is sent, then it carries the security headers', async () => {
    const response = await request(app).get('/api/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('when the analyses are listed, then each has a title, description and the parameters of its zod schema', async () => {
    const response = await request(app).get('/api/analyses');
    expect(response.status).toBe(200);
    const names = response.body.map((analysis: { name: string }) => analysis.name);
    expect(names).toEqual(expect.arrayContaining(['supplier-exposure', 'lock-in', 'single-points-of-failure', 'impact', 'contract-calendar', 'what-if', 'data-quality']));
    const calendar = response.body.find((analysis: { name: string }) => analysis.name === 'contract-calendar');
    expect(Object.keys(calendar.parameters)).toEqual(expect.arrayContaining(['organisation', 'from', 'to']));
    expect(calendar.formats).toContain('ics');
    expect(calendar.title).not.toBe('');
  });

  it('when an analysis is run as JSON, then its rows come back for the chosen organisation', async () => {
    const response = await request(app).get('/api/analyses/lock-in').query({ organisation: 'gm2' });
    expect(response.status).toBe(200);
    expect(response.body.rows.map((row: { uid: string }) => row.uid)).toEqual(['app:gm2/b1']);
  });

  it('when an analysis is unknown, then 404 problem+json', async () => {
    expectProblem(await request(app).get('/api/analyses/no-such-analysis'), 404);
  });

  it('when analysis parameters are invalid, then 400 with an errors list naming the field', async () => {
    const response = await request(app).get('/api/analyses/contract-calendar').query({ from: 'gisteren' });
    expectProblem(response, 400);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'from' })]));
    expectProblem(await request(app).get('/api/analyses/lock-in').query({ format: 'pdf' }), 400);
    expectProblem(await request(app).get('/api/analyses/lock-in').query({ format: 'ics' }), 400);
  });

  it('when an analysis is exported as CSV, then it has a BOM, a header and neutralised formula cells', async () => {
    const response = await request(app).get('/api/analyses/lock-in').query({ organisation: 'gm1', format: 'csv' }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="?roer-lock-in-\d{4}-\d{2}-\d{2}\.csv"?/);
    const text = response.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...lines] = text.slice(1).trim().split('\r\n');
    expect(header.split(',')).toEqual(expect.arrayContaining(['uid', 'name', 'score']));
    expect(lines).toHaveLength(4);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  /** An XLSX answer, checked to be 200 and opened. */
  async function workbookOf(path: string, query: Record<string, string>) {
    const response = await request(app).get(path).query(query).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body);
    return workbook;
  }

  it('when an analysis is exported as XLSX, then the workbook holds the rows with formula-like text as typed string cells', async () => {
    const workbook = await workbookOf('/api/analyses/lock-in', { organisation: 'gm1', format: 'xlsx' });
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(5);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const nameColumn = header.indexOf('Naam') + 1;
    const names = [2, 3, 4, 5].map(row => sheet.getRow(row).getCell(nameColumn).value);
    expect(names).toContain('=HYPERLINK("http://evil")');
    for (const row of [2, 3, 4, 5]) sheet.getRow(row).eachCell(cell => expect([cell.formula, cell.type === ExcelJS.ValueType.Formula]).toEqual([undefined, false]));
    expect(workbook.worksheets.map(ws => ws.name)).toEqual(['Lock-in', 'Samenvatting']);
  });

  it('when what-if is exported as XLSX, then its broken interfaces are a sheet of their own, one row each', async () => {
    const workbook = await workbookOf('/api/analyses/what-if', { remove: 'supplier:s1', organisation: 'gm1', format: 'xlsx' });
    expect(workbook.worksheets.map(ws => ws.name)).toEqual(expect.arrayContaining(['Samenvatting', 'Verbroken koppelingen', 'Per organisatie · HHI']));
    const broken = workbook.getWorksheet('Verbroken koppelingen')!;
    const uids = broken.getColumn(1).values.slice(2);
    expect(uids).toEqual(['i1', 'i2']); // the interfaces' own ids
  });

  it('when the contract calendar is asked as ICS, then each contract has an event on its end date and one that renews automatically also on its notice deadline (31 March minus 1 month = 28 February)', async () => {
    const response = await request(app).get('/api/analyses/contract-calendar').query({ format: 'ics', from: '2026-01-01', to: '2028-01-01', today: '2026-01-01' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    expect(response.text).toMatch(/^BEGIN:VCALENDAR/);
    const events = response.text.replace(/\r\n /g, '').split('BEGIN:VEVENT').slice(1).map(event => [/^UID:(.*)$/m.exec(event)![1].trim(), /^DTSTART;VALUE=DATE:(\d+)/m.exec(event)![1], /^SUMMARY:(.*)$/m.exec(event)![1].trim()]);
    expect(events.sort()).toEqual([
      ['contract:gm1/c1-end@roer', '20270331', 'Contract verlengt stilzwijgend: Acme B.V. – Makelaar en Zaaksysteem Noord (c1)'],
      ['contract:gm1/c1-notice@roer', '20270228', 'Opzeggen uiterlijk: Acme B.V. – Makelaar en Zaaksysteem Noord (c1)'],
      // c2 does not renew: nothing to cancel, what follows it is arranged before its end.
      ['contract:gm2/c2-end@roer', '20271231', 'Contract loopt af\\, regel vervolg: Acme B.V. – Zaakregie Zuid (c2)'],
    ]);
  });

  it('when the graph of one organisation is asked, then it holds its applications, the shared supplier and the edges between them', async () => {
    const response = await request(app).get('/api/graph').query({ organisation: 'gm2', aggregate: 'none' });
    expect(response.status).toBe(200);
    const ids = response.body.nodes.map((node: { id: string }) => node.id).sort();
    expect(ids).toEqual(expect.arrayContaining(['app:gm2/b1', 'supplier:s1', 'contract:gm2/c2', 'org:gm2']));
    expect(ids).not.toContain('app:gm1/a1');
    const b1 = response.body.nodes.find((node: { id: string }) => node.id === 'app:gm2/b1');
    expect(b1).toEqual(expect.objectContaining({ kind: 'Application', label: 'Zaakregie Zuid', criticality: 'low' }));
    expect(response.body.edges).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'supplier:s1', target: 'app:gm2/b1', type: 'SUPPLIES' })]));
    for (const edge of response.body.edges) expect(ids).toEqual(expect.arrayContaining([edge.source, edge.target]));
  });

  it('when the graph is aggregated by supplier, then applications fold into one node per supplier and expand brings them back', async () => {
    const response = await request(app).get('/api/graph').query({ organisation: 'gm1', kinds: 'Application,Supplier', aggregate: 'supplier' });
    expect(response.status).toBe(200);
    const aggregates = response.body.nodes.filter((node: { kind: string }) => node.kind === 'Aggregate');
    expect(aggregates.map((node: { id: string; count: number }) => [node.id, node.count]).sort()).toEqual([
      ['aggregate:supplier:supplier:s1', 2],
      ['aggregate:supplier:supplier:s3', 2],
    ]);
    expect(response.body.nodes.some((node: { kind: string }) => node.kind === 'Application')).toBe(false);
    // a1 (s1) depends on a3 and a4 (s3): one folded edge with count 2; a3 depends on the broker a2 (s1);
    // a1 → a2 (via) falls inside the s1 aggregate and disappears.
    const dependsOn = response.body.edges.filter((edge: { type: string }) => edge.type === 'DEPENDS_ON').map((edge: { source: string; target: string; count: number }) => [edge.source, edge.target, edge.count]);
    expect(dependsOn.sort()).toEqual([
      ['aggregate:supplier:supplier:s1', 'aggregate:supplier:supplier:s3', 2],
      ['aggregate:supplier:supplier:s3', 'aggregate:supplier:supplier:s1', 1],
    ]);

    const expanded = await request(app).get('/api/graph').query({ organisation: 'gm1', kinds: 'Application,Supplier', expand: 'aggregate:supplier:supplier:s3' });
    expect(expanded.status).toBe(200);
    expect(expanded.body.nodes.map((node: { id: string; parent: string }) => [node.id, node.parent]).sort()).toEqual([
      ['app:gm1/a3', 'aggregate:supplier:supplier:s3'],
      ['app:gm1/a4', 'aggregate:supplier:supplier:s3'],
    ]);
    // The members' edges point at the rest of the view as it is drawn: a1 sits inside the s1 aggregate.
    expect(expanded.body.edges).toEqual(expect.arrayContaining([expect.objectContaining({ source: 'aggregate:supplier:supplier:s1', target: 'app:gm1/a3', type: 'DEPENDS_ON', count: 1 })]));
    expectProblem(await request(app).get('/api/graph').query({ expand: 'aggregate:supplier:nothing' }), 404);
  });

  it('when the graph is aggregated, then contracts fold per supplier too and their edges follow', async () => {
    const response = await request(app).get('/api/graph').query({ aggregate: 'supplier' });
    const contracts = response.body.nodes.filter((node: { memberKind?: string }) => node.memberKind === 'Contract');
    expect(contracts.map((node: { id: string; count: number }) => [node.id, node.count])).toEqual([['aggregate:contracts:supplier:s1', 2]]);
    expect(response.body.nodes.some((node: { kind: string }) => node.kind === 'Contract')).toBe(false);
    const edges = response.body.edges.map((edge: { source: string; type: string; target: string; count: number }) => `${edge.source} ${edge.type} ${edge.target} ${edge.count}`);
    expect(edges).toEqual(expect.arrayContaining([
      'aggregate:contracts:supplier:s1 WITH supplier:s1 2',
      'aggregate:contracts:supplier:s1 COVERS aggregate:supplier:supplier:s1 3',
      'org:gm1 HOLDS aggregate:contracts:supplier:s1 1',
      'org:gm2 HOLDS aggregate:contracts:supplier:s1 1',
    ]));
  });

  it('when the graph exceeds maxElements, then it is aggregated automatically unless aggregate=none', async () => {
    const auto = await request(app).get('/api/graph').query({ maxElements: 5 });
    expect(auto.body.aggregate).toBe('supplier');
    const none = await request(app).get('/api/graph').query({ maxElements: 5, aggregate: 'none' });
    expect(none.body.aggregate).toBeNull();
    expect(none.body.nodes.length).toBe(none.body.totals.nodes);
  });

  it('when graph parameters are invalid, then 400', async () => {
    expectProblem(await request(app).get('/api/graph').query({ kinds: 'Application,Hacker' }), 400);
    expectProblem(await request(app).get('/api/graph').query({ aggregate: 'everything' }), 400);
  });

  it('when the graph is asked as GraphML, then it is well-formed XML with every node', async () => {
    const response = await request(app).get('/api/graph').query({ organisation: 'gm1', format: 'graphml', aggregate: 'none' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/graphml\+xml/);
    const { XMLValidator, XMLParser } = await import('fast-xml-parser');
    expect(XMLValidator.validate(response.text)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(response.text);
    const nodeIds = parsed.graphml.graph.node.map((node: Record<string, string>) => node['@_id']);
    expect(nodeIds).toContain('app:gm1/a4');
    expect(response.text).toContain('=HYPERLINK(&quot;http://evil&quot;)');
  });

  it('when a node is asked, then its properties, grouped neighbours, contracts with notice deadline and lock-in come back', async () => {
    const response = await request(app).get(`/api/nodes/${encodeURIComponent('app:gm1/a1')}`);
    expect(response.status).toBe(200);
    expect(response.body.kind).toBe('Application');
    expect(response.body.properties.name).toBe('Zaaksysteem Noord');
    expect(response.body.properties.hash).toBeUndefined();
    expect(response.body.neighbours['<SUPPLIES'].map((n: { uid: string }) => n.uid)).toEqual(['supplier:s1']);
    expect(response.body.neighbours['DEPENDS_ON>'].map((n: { uid: string }) => n.uid).sort()).toEqual(['app:gm1/a2', 'app:gm1/a3', 'app:gm1/a4']);
    expect(response.body.contracts).toEqual([expect.objectContaining({ uid: 'contract:gm1/c1', end: '2027-03-31', noticeDeadline: '2027-02-28', autoRenew: true })]);
    expect(response.body.lockIn).toEqual(expect.objectContaining({ uid: 'app:gm1/a1', score: expect.any(Number), factors: expect.any(Array) }));
  });

  it('when a supplier node is asked, then its contracts and supplier-level lock-in come back', async () => {
    const response = await request(app).get(`/api/nodes/${encodeURIComponent('supplier:s1')}`);
    expect(response.status).toBe(200);
    expect(response.body.contracts.map((c: { uid: string }) => c.uid)).toEqual(['contract:gm1/c1', 'contract:gm2/c2']);
    expect(response.body.lockIn).toEqual(expect.objectContaining({ uid: 'supplier:s1' }));
  });

  it('when an unknown node is asked, then 404', async () => {
    expectProblem(await request(app).get('/api/nodes/app%3Anobody'), 404);
  });

  it('when searching with a prefix or a typo, then the fulltext index finds the node', async () => {
    const prefix = await request(app).get('/api/search').query({ q: 'Zaaksys' });
    expect(prefix.status).toBe(200);
    expect(prefix.body.results.map((r: { uid: string }) => r.uid)).toContain('app:gm1/a1');
    const typo = await request(app).get('/api/search').query({ q: 'Makelaer' });
    expect(typo.body.results.map((r: { uid: string }) => r.uid)).toContain('app:gm1/a2');
     // A supplier's full name with its legal form: the initials are one word in the index ("b.v").
    const legal = await request(app).get('/api/search').query({ q: 'Acme B.V.' });
    expect(legal.body.results.map((r: { uid: string }) => r.uid)).toContain('supplier:s1');
  });

  it('when the search text holds Lucene syntax, then it is treated as text, not as a query', async () => {
    for (const q of ['Acme AND (', '"unbalanced', 'a:b OR *', '\\', 'NOT', '[x TO y]', '=HYPERLINK("']) {
      const response = await request(app).get('/api/search').query({ q });
      expect(response.status).toBe(200);
    }
    const evil = await request(app).get('/api/search').query({ q: '=HYPERLINK("' });
    expect(evil.body.results.map((r: { uid: string }) => r.uid)).toContain('app:gm1/a4');
  });

  it('when a long search repeats its words, then it is answered as the words once and finds the node', async () => {
    const response = await request(app).get('/api/search').query({ q: Array.from({ length: 10 }, () => 'zaaksysteem noord').join(' ') });
    expect(response.status).toBe(200);
    expect(response.body.results.map((result: { uid: string }) => result.uid)).toEqual(['app:gm1/a1']);
  });

  it('when a search has more than six words, then the ones after the sixth do not narrow it', async () => {
    const response = await request(app).get('/api/search').query({ q: 'zaaksysteem noord za no zaak noo nergens' });
    expect(response.body.results.map((result: { uid: string }) => result.uid)).toEqual(['app:gm1/a1']);
    const seven = await request(app).get('/api/search').query({ q: 'zaaksysteem noord een twee drie vier vijf' });
    expect(seven.body.results).toEqual([]);
  });

  it('when search has no q, then 400', async () => {
    expectProblem(await request(app).get('/api/search'), 400);
  });

  it('when organisations are listed, then each has its number of applications', async () => {
    const response = await request(app).get('/api/organisations');
    expect(response.status).toBe(200);
    expect(response.body.map((o: { id: string; applications: number }) => [o.id, o.applications]).sort()).toEqual([
      ['gm1', 4],
      ['gm2', 1],
    ]);
  });

  it('when the import history is asked, then the fixture import is in it', async () => {
    const response = await request(app).get('/api/imports');
    expect(response.status).toBe(200);
    expect(response.body.map((run: { source: string }) => run.source)).toContain('csv:fixture');
  });

  it('when an unknown API path or a bad JSON body is sent, then problem+json 404 / 400', async () => {
    expectProblem(await request(app).get('/api/nothing-here'), 404);
    expectProblem(await request(app).post('/api/tokens').set('content-type', 'application/json').send('{"name":'), 400);
  });
});
