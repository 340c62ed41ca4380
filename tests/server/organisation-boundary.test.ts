// Per-organisation scope is a boundary: an organisation's exports hold its own facts and the shared
// catalogue it refers to, never what another organisation asserted (issue 19, item 4). Two models that
// share one SystemSoftware id are imported under gm-a and gm-b; every export of gm-a is read back.
import type { Driver } from 'neo4j-driver';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readArchimate, readArchimateText } from '../../importers/sources/archimate/read.js';
import { importFiles, importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { exportAmeff } from '../../server/exports/ameff.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { reference, repoRoot } from '../archimate/support.js';
import { appFor, request } from './support.js';
import { readPdf } from '../support/pdf.js';
import { headlinesWithin, withoutForeignFacts } from '../../server/analyses/headlines.js';
import { fetchLandscape } from '../../server/analyses/landscape.js';
import { loadLockInWeights } from '../../server/analyses/lock-in.js';

/** A three-element AMEFF model: an application on a shared database server, serving one business process. */
const model = (organisation: string, process: string, extra = '', elements = '') => `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-model-${organisation}">
  <name xml:lang="nl">Model ${organisation}</name>
  <elements>
    <element identifier="id-app-${organisation}" xsi:type="ApplicationComponent"><name xml:lang="nl">Zaaksysteem ${organisation}</name></element>
    <element identifier="id-shared-db" xsi:type="SystemSoftware"><name xml:lang="nl">Gedeelde databaseserver</name></element>
    <element identifier="id-process-${organisation}" xsi:type="BusinessProcess"><name xml:lang="nl">${process}</name></element>
    ${extra ? '<element identifier="id-shared-os" xsi:type="SystemSoftware"><name xml:lang="nl">Gedeeld besturingssysteem</name></element>' : ''}
    ${elements}
  </elements>
  <relationships>
    <relationship identifier="id-runs-${organisation}" source="id-shared-db" target="id-app-${organisation}" xsi:type="Serving"/>
    <relationship identifier="id-serves-${organisation}" source="id-shared-db" target="id-process-${organisation}" xsi:type="Serving"/>
    ${extra}
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="pd-product" type="string"><name>product</name></propertyDefinition>
    <propertyDefinition identifier="pd-version" type="string"><name>versie</name></propertyDefinition>
    <propertyDefinition identifier="pd-jurisdiction" type="string"><name>jurisdictie</name></propertyDefinition>
  </propertyDefinitions>
</model>`;

const SECRET = 'Geheim proces van gemeente b';
const ONLY_B_RELATIONSHIP = '<relationship identifier="id-os-b" source="id-shared-os" target="id-shared-db" xsi:type="Serving"><name xml:lang="nl">Alleen b: draait op</name></relationship>' +
  // Only gm-b says the shared server runs on its own hardware: gm-a's analyses must not name it.
  '<relationship identifier="id-hw-b" source="id-b-hardware" target="id-shared-db" xsi:type="Serving"/>';
// gm-b's hardware runs a product version a security advisory names, in a data centre under US law:
// gm-a's advisory must not count it, nor gm-a's sovereignty share or lock-in.
const ONLY_B_ELEMENT = '<element identifier="id-b-hardware" xsi:type="Node"><name xml:lang="nl">Alleen b hardware</name>' +
  '<properties><property propertyDefinitionRef="pd-product"><value>VMware ESXi</value></property><property propertyDefinitionRef="pd-version"><value>7.0.2</value></property><property propertyDefinitionRef="pd-jurisdiction"><value>US</value></property></properties></element>';

/** Every text an export holds that names gm-b's facts. */
const leaks = (text: string) => ['gm-b', SECRET, 'Zaaksysteem gm-b', 'Leverancier van b', 'Alleen b'].filter(word => text.includes(word));

describe('an organisation export holds its own facts and the shared catalogue, nothing another organisation asserted', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    // gm-a's model also holds the operating system, free-standing; only gm-b's says the database server runs on it.
    await importArchimate(driver, Buffer.from(model('gm-a', 'Openbaar proces van gemeente a', ' ')), { organisation: 'gm-a', source: 'archimate:gm-a', fileName: 'a.xml' });
    await importArchimate(driver, Buffer.from(model('gm-b', SECRET, ONLY_B_RELATIONSHIP, ONLY_B_ELEMENT)), { organisation: 'gm-b', source: 'archimate:gm-b', fileName: 'b.xml' });
    // Spreadsheet facts of both: a shared supplier and reference component; b's own supplier, platform and standard.
    const landscape = Landscape.parse({
      suppliers: [{ id: 's-shared', name: 'Gedeelde leverancier' }, { id: 's-b', name: 'Leverancier van b' }],
      platforms: [{ id: 'p-b', name: 'Alleen b rekencentrum', type: 'data-centre', supplier: 's-b', jurisdiction: 'NL' }],
      applications: [
        { id: 'a1', organisation: 'gm-a', name: 'Burgerzaken a', supplier: 's-shared', referenceComponents: 'Zaakregistratiecomponent', openStandards: 'StUF-BG' },
      ],
    });
    const b = Landscape.parse({
      suppliers: [{ id: 's-shared', name: 'Gedeelde leverancier' }, { id: 's-b', name: 'Leverancier van b' }],
      platforms: [{ id: 'p-b', name: 'Alleen b rekencentrum', type: 'data-centre', supplier: 's-b', jurisdiction: 'NL' }],
      applications: [
        { id: 'b1', organisation: 'gm-b', name: 'Alleen b zaken', supplier: 's-b', platform: 'p-b', referenceComponents: 'Zaakregistratiecomponent', openStandards: 'Alleen b standaard' },
      ],
    });
    const onlyA = { ...landscape, suppliers: [landscape.suppliers[0]], platforms: [] };
    for (const [source, rows] of [['csv:gm-a', onlyA], ['csv:gm-b', b]] as const) {
      const report = await importLandscape(driver, rows, { source, user: 'test' });
      if (!report.ok) throw new Error(JSON.stringify(report.issues));
    }
  });
  afterAll(() => driver.close());

  it('AMEFF: gm-a\'s export has its own elements and the shared server, not gm-b\'s process', async () => {
    const xml = await exportAmeff(driver, { organisations: ['gm-a'] });
    const names = readArchimateText(xml, 'a.xml').elements.map(e => e.name).sort();
    expect(leaks(xml)).toEqual([]);
    expect(names).toEqual(['Burgerzaken a', 'Gedeeld besturingssysteem', 'Gedeelde databaseserver', 'Gedeelde leverancier', 'Openbaar proces van gemeente a', 'Zaakregistratiecomponent', 'Zaaksysteem gm-a']);
    // And gm-b's own export has its own process, the shared server and its own relationship between the shared nodes.
    const b = await exportAmeff(driver, { organisations: ['gm-b'] });
    expect(b).toContain(SECRET);
    expect(b).toContain('Alleen b: draait op');
    expect(b).not.toContain('Openbaar proces van gemeente a');
  });

  it('GraphML and the graph: gm-a\'s view (every kind) has nothing of gm-b', async () => {
    const app = appFor(driver);
    const graphml = await request(app).get('/api/graph').query({ organisation: 'gm-a', format: 'graphml', aggregate: 'none', kinds: 'Supplier,Platform,Application,ReferenceComponent,BusinessFunction,Standard,Element,Interface,Contract,SupplierGroup,Organisation' });
    expect(graphml.status).toBe(200);
    expect(leaks(graphml.text)).toEqual([]);
    expect(graphml.text).toContain('Gedeelde databaseserver');
    // gm-b's model alone says the shared database server runs on the shared operating system.
    expect(graphml.text).toContain('Gedeeld besturingssysteem');
    expect(graphml.text).not.toMatch(/source="platform:id-shared-os" target="platform:id-shared-db"|source="platform:id-shared-db" target="platform:id-shared-os"/);
    const report = await request(app).get('/api/reports/org:gm-a.graphml');
    expect(report.status).toBe(200);
    expect(leaks(report.text)).toEqual([]);
  });

  it('the report (JSON, CSV, workbook) and the landscape workbook: nothing of gm-b', async () => {
    const app = appFor(driver);
    const json = await request(app).get('/api/reports/org:gm-a');
    expect(json.status).toBe(200);
    expect(leaks(JSON.stringify(json.body))).toEqual([]);
    for (const path of ['/api/reports/org:gm-a.xlsx', '/api/exports/landscape.xlsx?organisation=gm-a']) {
      const res = await binary(request(app).get(path));
      expect(res.status).toBe(200);
      const cells = (await workbookText(res.body as Buffer)).split('\n');
      expect([path, cells.filter(cell => leaks(cell).length > 0)]).toEqual([path, []]);
    }
  });

  it('the PDF reports of gm-a (the organisation, its application, the shared server) name nothing of gm-b', async () => {
    const app = appFor(driver);
    for (const [uid, query] of [['org:gm-a', {}], ['app:gm-a/a1', {}], ['app:gm-a/id-app-gm-a', {}], ['platform:id-shared-db', { organisation: 'gm-a' }]] as const) {
      const res = await binary(request(app).get(`/api/reports/${encodeURIComponent(uid)}.pdf`).query(query));
      expect([uid, res.status]).toEqual([uid, 200]);
      const text = readPdf(res.body as Buffer, `boundary-${uid.replace(/[^a-z0-9]+/gi, '-')}`).join('\n');
      expect([uid, leaks(text)]).toEqual([uid, []]);
    }
    // A path through what only gm-b records names it neutrally, and the path keeps its length.
    const json = await request(app).get(`/api/reports/${encodeURIComponent('app:gm-a/id-app-gm-a')}`);
    expect(json.status).toBe(200);
    const dependencies = json.body.data?.dependencies ?? json.body.dependencies;
    expect(JSON.stringify(json.body)).not.toContain('id-b-hardware');
    expect(Array.isArray(dependencies)).toBe(true);
  });

  it('the report\'s analyses run inside gm-a\'s boundary: no step or number exists only because gm-b said so', async () => {
    const app = appFor(driver);
    // Only gm-b says the shared database server runs on the shared operating system: in gm-a's boundary nothing runs on it.
    const os = await request(app).get(`/api/reports/${encodeURIComponent('platform:id-shared-os')}`).query({ organisation: 'gm-a' });
    expect(os.status).toBe(200);
    expect(os.body.dependants).toEqual([]);
    expect(os.body.spofs).toEqual([]);
    // gm-a's application depends on the shared server, and on nothing gm-b alone puts under it.
    const application = await request(app).get(`/api/reports/${encodeURIComponent('app:gm-a/id-app-gm-a')}`);
    expect(application.status).toBe(200);
    const names = (rows: { name: string }[]) => rows.map(row => row.name).sort();
    expect(names(application.body.dependencies)).toEqual(['Gedeelde databaseserver']);
    expect(application.body.omitted).toEqual({});
    // The organisation's weak points: the shared server, not what only gm-b puts under it; nothing left to leave out.
    const organisation = await request(app).get('/api/reports/org:gm-a');
    expect(names(organisation.body.spofs)).toEqual(['Burgerzaken a', 'Gedeelde databaseserver', 'Gedeelde leverancier', 'Zaaksysteem gm-a']);
    expect(organisation.body.omitted).toEqual({});
    // The same analyses over the API: inside the boundary on request, over the whole graph without.
    const within = await request(app).get('/api/analyses/single-points-of-failure').query({ organisation: 'gm-a', boundary: 'true' });
    expect(within.status).toBe(200);
    expect(names(within.body.rows)).toEqual(['Burgerzaken a', 'Gedeelde databaseserver', 'Gedeelde leverancier', 'Zaaksysteem gm-a']);
    const whole = await request(app).get('/api/analyses/single-points-of-failure').query({ organisation: 'gm-a' });
    expect(names(whole.body.rows)).toEqual(['Alleen b hardware', 'Burgerzaken a', 'Gedeeld besturingssysteem', 'Gedeelde databaseserver', 'Gedeelde leverancier', 'Zaaksysteem gm-a']);
  });

  it('what-if and the security advisory run inside gm-a\'s boundary on request, over the whole graph without', async () => {
    const app = appFor(driver);
    const names = (rows: { name: string }[]) => rows.map(row => row.name).sort();
    // Only gm-b says the shared database server runs on the shared operating system: inside gm-a's boundary nothing fails with it.
    const whatIf = (boundary?: string) => request(app).get('/api/analyses/what-if').query({ remove: 'platform:id-shared-os', organisation: 'gm-a', ...(boundary ? { boundary } : {}) });
    const within = await whatIf('true');
    expect(within.status).toBe(200);
    expect([within.body.rows, within.body.summary.businessFunctionsLost]).toEqual([[], []]);
    expect(leaks(JSON.stringify(within.body))).toEqual([]);
    // Asked the other way round after, the answer cache keeps them apart.
    const whole = await whatIf();
    expect(names(whole.body.rows)).toEqual(['Zaaksysteem gm-a']);
    expect((await whatIf('false')).body.rows).toEqual(whole.body.rows);
    expect((await whatIf('true')).body.rows).toEqual([]);
    // What only gm-b's model holds is no node of gm-a's boundary.
    const hardware = await request(app).get('/api/analyses/what-if').query({ remove: 'platform:id-b-hardware', organisation: 'gm-a', boundary: 'true' });
    expect(hardware.status).toBe(404);
    // gm-b's hardware runs VMware ESXi 7.0.2: inside gm-a's boundary the advisory hits nothing of gm-a.
    const advisory = (boundary?: string) => request(app).get('/api/analyses/advisory').query({ product: 'VMware ESXi', range: '>=7.0 <8.0', organisation: 'gm-a', ...(boundary ? { boundary } : {}) });
    const safe = await advisory('true');
    expect(safe.status).toBe(200);
    expect([safe.body.rows, safe.body.summary.totals.matches, safe.body.summary.applicationsDown]).toEqual([[], 0, []]);
    expect(leaks(JSON.stringify(safe.body))).toEqual([]);
    const hit = await advisory();
    expect(names(hit.body.rows)).toEqual(['Alleen b hardware']);
    expect(names(hit.body.summary.applicationsDown)).toEqual(['Zaaksysteem gm-a']);
    expect((await advisory('true')).body.summary.totals.matches).toBe(0);
    // gm-b's own advisory, inside its own boundary, has its hardware.
    const b = await request(app).get('/api/analyses/advisory').query({ product: 'VMware ESXi', range: '>=7.0 <8.0', organisation: 'gm-b', boundary: 'true' });
    expect(names(b.body.rows)).toEqual(['Alleen b hardware']);
  });
});

describe('an organisation\'s Verloop moves only with what it says itself', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
  });
  afterAll(() => driver.close());

  it('when gm-b imports a model sharing an id with gm-a\'s, then gm-a\'s next recorded headline numbers are those it had', async () => {
    const app = appFor(driver);
    const a = () => importArchimate(driver, Buffer.from(model('gm-a', 'Openbaar proces van gemeente a', ' ')), { organisation: 'gm-a', source: 'archimate:gm-a', fileName: 'a.xml' });
    await a();
    const first = await request(app).get('/api/trends').query({ organisation: 'gm-a' });
    expect(first.status).toBe(200);
    expect(first.body.series).toHaveLength(1);
    await importArchimate(driver, Buffer.from(model('gm-b', SECRET, ONLY_B_RELATIONSHIP, ONLY_B_ELEMENT)), { organisation: 'gm-b', source: 'archimate:gm-b', fileName: 'b.xml' });
    // gm-a imports again (a model is always written whole, so its numbers are recorded again).
    await a();
    const numbers = ({ runId: _runId, at: _at, source: _source, ...rest }: Record<string, unknown>) => rest;
    const series = (await request(app).get('/api/trends').query({ organisation: 'gm-a' })).body.series as Record<string, unknown>[];
    expect(series).toHaveLength(2);
    expect(numbers(series[1])).toEqual(numbers(series[0]));
    // Only gm-b says the shared server runs on hardware under US law: gm-a's own applications answer to none.
    expect(series[1].sovereigntyShare).toBe(0);
    // The points it records are gm-a's own: not the operating system or hardware only gm-b puts under the shared server.
    const changes = await request(app).get('/api/changes').query({ since: first.body.series[0].runId, organisation: 'gm-a' });
    expect(changes.status).toBe(200);
    expect(leaks(JSON.stringify(changes.body))).toEqual([]);
    expect(JSON.stringify(changes.body)).not.toContain('Gedeeld besturingssysteem');
  });
});

describe('headline numbers: no scope to fetch where nothing foreign is reached', () => {
  let driver: Driver;
  /** Of gm-a and gm-b, those whose own part is their boundary, and whether their numbers are those inside it. */
  const alone = async () => {
    const landscape = await fetchLandscape(driver, ['gm-a', 'gm-b'], { keep: false });
    const weights = await loadLockInWeights(driver);
    const parts = new Map(['gm-a', 'gm-b'].map(organisation => [organisation, {
      ...landscape,
      applications: new Map([...landscape.applications].filter(([, a]) => a.organisation === organisation)),
      interfaces: landscape.interfaces.filter(i => i.organisation === organisation),
      contracts: landscape.contracts.filter(c => c.organisation === organisation),
    }]));
    const headlines = await headlinesWithin(driver, landscape, weights, '2026-12-04', ['gm-a', 'gm-b']);
    const within = await headlinesWithin(driver, landscape, weights, '2026-12-04', ['gm-a', 'gm-b'], { everyScope: true });
    return { organisations: (await withoutForeignFacts(driver, landscape, parts)).sort(), headlines, within };
  };
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    // Two municipalities in one source (as the country's one delivery): a shared supplier of a group, a
    // platform chain under US law, and a platform of gm-a's own in the Netherlands.
    const app = (organisation: string, id: string, platform: string) => ({ id, organisation, name: `${id} ${organisation}`, supplier: 's-shared', platform, businessFunctions: 'Zaakgericht werken', criticality: 'high' });
    const rows = Landscape.parse({
      suppliers: [{ id: 's-shared', name: 'Gedeelde leverancier', group: 'Gedeeld concern', country: 'NL' }, { id: 's-cloud', name: 'Wolk Inc.', country: 'US' }],
      platforms: [
        { id: 'p-saas', name: 'SaaS', type: 'saas', supplier: 's-shared', runsOn: 'p-iaas' }, { id: 'p-iaas', name: 'IaaS', type: 'iaas', supplier: 's-cloud', jurisdiction: 'US' },
        { id: 'p-local', name: 'Eigen rekencentrum', type: 'on-premise', jurisdiction: 'NL' },
      ],
      applications: ['gm-a', 'gm-b'].flatMap(organisation => [app(organisation, 'zaak', 'p-saas'), app(organisation, 'esb', ''), app(organisation, 'brp', organisation === 'gm-a' ? 'p-local' : '')]),
      interfaces: ['gm-a', 'gm-b'].flatMap(organisation => [{ id: 'i1', organisation, from: 'zaak', to: 'esb', standard: 'ZGW API' }, { id: 'i2', organisation, from: 'esb', to: 'brp', standard: 'StUF' }]),
      contracts: ['gm-a', 'gm-b'].map(organisation => ({ id: 'c1', organisation, supplier: 's-shared', applications: 'zaak', start: '2024-01-01', end: '2030-12-31', noticeMonths: 6, annualValue: 1000 })),
    });
    const report = await importLandscape(driver, rows, { source: 'csv:land', user: 'test' });
    if (!report.ok) throw new Error(JSON.stringify(report.issues));
  });
  afterAll(() => driver.close());

  it('when one source speaks for every organisation, then each organisation\'s own part is its boundary', async () => {
    const { organisations, headlines, within } = await alone();
    expect(organisations).toEqual(['gm-a', 'gm-b']);
    expect(headlines).toEqual(within);
    // Numbers with something to compare: the ESB in the middle, the SaaS on US infrastructure.
    expect(headlines.map(h => [h.organisation, h.spofCount, h.sovereigntyShare, h.noticeCount])).toEqual([['gm-a', 1, 33.33, 0], ['gm-b', 1, 33.33, 0]]);
    expect(headlines[0].meanLockIn).toBeGreaterThan(0);
  });

  it('when another organisation\'s model asserts only what gm-a does not reach, then gm-a still needs no scope', async () => {
    await importArchimate(driver, Buffer.from(model('gm-b', SECRET, ONLY_B_RELATIONSHIP, ONLY_B_ELEMENT)), { organisation: 'gm-b', source: 'archimate:gm-b', fileName: 'b.xml' });
    const { organisations, headlines, within } = await alone();
    expect(organisations).toContain('gm-a');
    expect(headlines).toEqual(within);
  });

  it('when gm-b\'s own source puts gm-a\'s platform on a US data centre, then gm-a goes through its scope and does not count it', async () => {
    const rows = Landscape.parse({
      suppliers: [],
      platforms: [{ id: 'p-local', name: 'Eigen rekencentrum', type: 'on-premise', jurisdiction: 'NL', runsOn: 'p-us-dc' }, { id: 'p-us-dc', name: 'Datacentrum van b', type: 'iaas', jurisdiction: 'US' }],
      applications: [{ id: 'archief', organisation: 'gm-b', name: 'Archief gm-b', platform: 'p-local', criticality: 'low' }],
    });
    const report = await importLandscape(driver, rows, { source: 'csv:gm-b', user: 'test' });
    if (!report.ok) throw new Error(JSON.stringify(report.issues));
    const { organisations, headlines, within } = await alone();
    // Only gm-b's source says p-local runs there: foreign to gm-a, which reaches p-local; gm-b carries every source.
    expect(organisations).toEqual(['gm-b']);
    expect(headlines).toEqual(within);
    // Inside its boundary gm-a's BRP on its own platform is not under US law: still only the SaaS application.
    expect(headlines.find(h => h.organisation === 'gm-a')!.sovereigntyShare).toBe(33.33);
  });
});

/** A response's body as bytes (a PDF, a workbook). */
const binary = (test: ReturnType<ReturnType<typeof request>['get']>) => test.buffer(true).parse((response, done) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
});

/** Every cell of every sheet, as text. */
async function workbookText(bytes: Buffer): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as never);
  const cells: string[] = [];
  workbook.eachSheet(sheet => sheet.eachRow(row => row.eachCell(cell => void cells.push(String(cell.text ?? cell.value)))));
  return cells.join('\n');
}

describe('a model loaded beside the demo municipality', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const folder = join(repoRoot, 'importers', 'demo', 'data', 'gemeente-roerdam');
    const report = await importFiles(driver, readdirSync(folder).filter(name => name.endsWith('.csv')).map(name => join(folder, name)), { source: 'demo:gemeente-roerdam', user: 'test' });
    if (!report.ok) throw new Error(JSON.stringify(report.issues));
    await importArchimate(driver, reference('nora-gdi-gegevensuitwisseling/gegevensuitwisseling.xml'), { organisation: 'nora', source: 'archimate:nora' });
  });
  afterAll(() => driver.close());

  it('NORA\'s export holds its 253 elements, 697 relationships and 16 views (SOURCE.md), and the demo\'s none of them', async () => {
    const nora = readArchimateText(await exportAmeff(driver, { organisations: ['nora'] }), 'nora.xml');
    expect([nora.elements.length, nora.relationships.length, nora.views]).toEqual([253, 697, 16 + 2]);
    const source = readArchimate(reference('nora-gdi-gegevensuitwisseling/gegevensuitwisseling.xml'));
    expect(nora.elements.map(e => e.id).sort()).toEqual(source.elements.map(e => e.id).sort());
    const demo = readArchimateText(await exportAmeff(driver, { organisations: ['gemeente-roerdam'] }), 'demo.xml');
    const noraIds = new Set(source.elements.map(e => e.id));
    expect(demo.elements.filter(e => noraIds.has(e.id))).toEqual([]);
    expect(demo.elements.length).toBeGreaterThan(500);
  });
});
