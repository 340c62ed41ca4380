import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { deflated, zipOf } from '../../bench/bomb-files.js';
import { importSoftwarecatalogusObjects, readSoftwarecatalogusObjects } from '../../importers/softwarecatalogus-objects.js';
import { read } from '../../server/neo4j.js';
import { reference, repoRoot } from '../archimate/support.js';
import { formatDate } from '../../server/format.js';
import { reportFacts } from '../../server/reports/answer.js';
import { runImportCli } from '../support/cli.js';
import { appFor, request } from '../server/support.js';
import { nodes, rels, resetDatabase, snapshot, testDriver } from '../support/db.js';

// The seed objects of the register as VNG publishes them, and a small register shaped like them (the same
// fields, JSON held in strings, references by id or as nested objects) whose references all resolve.
const REGISTER = reference('softwarecatalogus-vng/api/voorzieningen_register.json');
const FIXTURE = resolve(repoRoot, 'tests', 'fixtures', 'softwarecatalogus', 'register');
const fixtureFiles = () => readdirSync(FIXTURE).sort().map(name => ({ name, bytes: readFileSync(join(FIXTURE, name)) }));
const WW_ZAAK = 'app:1950/bdbf6473-325a-4c98-98e5-105dd25ca91f';
const WW_PORTAAL = 'app:1950/5173a77a-9316-47ef-a8fd-181624fbe0bb';
const GR_ZAAK = 'app:14/a1d0942c-b75a-42d7-a9e5-b6c754bbcfd1';

describe('Softwarecatalogus OpenRegister objects', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when the register configuration VNG publishes is read, then every seed object is counted per schema as SOURCE.md states', async () => {
    const result = await readSoftwarecatalogusObjects([REGISTER]);
    // SOURCE.md: 46 seed objects (organisatie 11, contactgegevens 8, voorzieningaanbod 6, voorziening 4,
    // voorzieninggebruik 4, voorzieningversie 3, kwetsbaarheid 3, contract 3, standaard 2, gebruiker 2).
    expect(result.objects).toEqual({ organisatie: 11, contactgegevens: 8, voorzieningaanbod: 6, voorziening: 4, voorzieninggebruik: 4, voorzieningversie: 3, kwetsbaarheid: 3, contract: 3, standaard: 2, gebruiker: 2 });
    expect(Object.values(result.objects).reduce((sum, n) => sum + n, 0)).toBe(46);
    expect(result.issues).toEqual([]);
    expect(result.landscape.applications.map(a => a.name).sort()).toEqual(['Burgerzaken Suite', 'E-Diensten', 'Omgevingsloket', 'Vergunningenportaal']);
    // The suppliers of type Leverancier; the seed's offers name a supplier that is not among the objects.
    expect(result.landscape.suppliers.map(s => s.name).sort()).toEqual(['360Geo', 'BCT']);
    expect(result.warnings.filter(w => w.field === 'voorzieninggebruik.versieId').map(w => w.value)).toEqual(Array(4).fill('66666666-ffff-4bcd-8e5f-000000000006'));
    // Its three contracts cover uses whose offer has no supplier among the objects: left out, and said so with their line.
    expect(result.warnings.filter(w => /^contract .* is left out/.test(w.message.split(': ').slice(2).join(': '))).map(w => [w.file, w.line])).toEqual([
      ['voorzieningen_register.json', 3617], ['voorzieningen_register.json', 3660], ['voorzieningen_register.json', 3703],
    ]);
    const text = readFileSync(REGISTER, 'utf8').split('\n');
    expect(text[3617 - 1]).toMatch(/^\s*\{\s*$/);
    expect(text[3618 - 1]).toContain('be950c9d-6427-4355-a8aa-ddafc0505003');
    expect(result.landscape.organisations!.map(o => o.name).sort()).toEqual(['rivierenland.nl', 'zaakleverancier.example.com', 'zonnestad.nl']);
  });

  it('when the seed objects are imported, then their uses become applications with their scores and period of use', async () => {
    const report = await importSoftwarecatalogusObjects(driver, [REGISTER], { source: 'swc-register:seed' });
    expect(report.ok).toBe(true);
    expect(report.tables.applications).toMatchObject({ read: 4, created: 4 });
    const rows = await read(driver, `MATCH (o:Organisation)-[:USES]->(a:Application {name: 'Vergunningenportaal'})
      RETURN o.name AS organisation, a.personalData AS personalData, a.bbnScore AS bbn, a.ibpScore AS ibp, toString(a.useStart) AS start, toString(a.useEnd) AS end, a.version AS version`);
    expect(rows).toEqual([{ organisation: 'rivierenland.nl', personalData: true, bbn: 2, ibp: 3, start: '2025-04-25', end: '2026-04-25', version: 'v1.0.0' }]);
  });

  it('when a register of municipalities, suppliers, uses, contracts and koppelingen is imported, then each lands where the model has a place for it', async () => {
    const report = await importSoftwarecatalogusObjects(driver, [FIXTURE]);
    expect(report.ok).toBe(true);
    expect(report.source).toBe('swc-register:register');
    expect(report.objects).toEqual({ contract: 3, koppeling: 2, organisatie: 4, standaard: 2, voorziening: 3, voorzieningaanbod: 2, voorzieninggebruik: 3, voorzieningversie: 2 });
    expect(report.warnings.map(w => [w.file, w.line, w.field])).toEqual([['contract.json', 90, 'contract.eindDatum'], ['koppeling.json', 33, 'koppeling.naar']]);
    expect(report.unresolvedReferenceComponents).toEqual(['Zaakregistratiecomponent']);

    // Organisations by their CBS code, named as people know them, with their OIN.
    expect(await read(driver, 'MATCH (o:Organisation) RETURN o.id AS id, o.name AS name, o.cbsCode AS cbs, o.oin AS oin, o.organisationType AS type ORDER BY id')).toEqual([
      { id: '14', name: 'Gemeente Groningen', cbs: '0014', oin: null, type: 'Gemeente' },
      { id: '1950', name: 'Gemeente Westerwolde', cbs: '1950', oin: '00000001001589623000', type: 'Gemeente' },
    ]);
    expect(await nodes(driver, 'Application')).toEqual([GR_ZAAK, WW_ZAAK, WW_PORTAAL].sort());
    const apps = await read(driver, `MATCH (a:Application) RETURN a.uid AS uid, a.name AS name, a.criticality AS criticality, a.personalData AS personalData,
      a.bbnScore AS bbn, a.ibpScore AS ibp, a.biv AS biv, a.version AS version, a.versionStatus AS versionStatus, toString(a.useStart) AS start, toString(a.useEnd) AS end, a.hosting AS hosting ORDER BY uid`);
    expect(apps).toEqual([
      // Business-critical with availability "Midden": high; with "Hoog": critical.
      { uid: GR_ZAAK, name: 'Zaakwerk Zaken', criticality: 'high', personalData: false, bbn: 2, ibp: 4, biv: '2-3-3', version: 'v4.2.0', versionStatus: 'ondersteund tot 25-04-2027', start: '2021-06-01', end: null, hosting: 'on-premise' },
      { uid: WW_PORTAAL, name: 'Wolkportaal', criticality: 'medium', personalData: true, bbn: 1, ibp: 2, biv: null, version: '2025.1', versionStatus: 'ondersteund tot 10-01-2026', start: '2025-04-25', end: '2026-04-25', hosting: 'SaaS in Microsoft Azure West-Europa' },
      { uid: WW_ZAAK, name: 'Zaakwerk Zaken', criticality: 'critical', personalData: true, bbn: 2, ibp: 3, biv: '3-2-2', version: 'v4.2.0', versionStatus: 'ondersteund tot 25-04-2027', start: '2019-01-01', end: null, hosting: 'on-premise' },
    ]);
    expect(await rels(driver, 'SUPPLIES')).toEqual([
      `supplier:892ef894-8493-4a80-92fc-8566a37c0c48 -SUPPLIES-> ${GR_ZAAK}`,
      `supplier:892ef894-8493-4a80-92fc-8566a37c0c48 -SUPPLIES-> ${WW_ZAAK}`,
      `supplier:9afab5f3-667a-47df-bd1e-1b2016fa0793 -SUPPLIES-> ${WW_PORTAAL}`,
    ].sort());
    // Hosting → platform: on premise at the municipality (NL); SaaS on a US cloud (US), provided by its supplier.
    expect(await read(driver, 'MATCH (a:Application)-[:RUNS_ON]->(p:Platform) OPTIONAL MATCH (s:Supplier)-[:PROVIDES]->(p) RETURN a.uid AS app, p.name AS platform, p.type AS type, p.jurisdiction AS jurisdiction, s.name AS provider ORDER BY app')).toEqual([
      { app: GR_ZAAK, platform: 'Eigen serverruimte Gemeente Groningen', type: 'on-premise', jurisdiction: 'NL', provider: null },
      { app: WW_PORTAAL, platform: 'SaaS in Microsoft Azure West-Europa (Wolkdiensten)', type: 'saas', jurisdiction: 'US', provider: 'Wolkdiensten' },
      { app: WW_ZAAK, platform: 'Eigen serverruimte Gemeente Westerwolde', type: 'on-premise', jurisdiction: 'NL', provider: null },
    ]);
    // Contracts by their number, with end date and cost a year (monthly × 12); the one without an end date is left out (warning above).
    expect(await read(driver, `MATCH (o:Organisation)-[:HOLDS]->(c:Contract)-[:WITH]->(s:Supplier), (c)-[:COVERS]->(a:Application)
      RETURN o.id AS organisation, c.id AS id, toString(c.end) AS end, c.annualValue AS annualValue, s.name AS supplier, a.name AS application, c.extra_contracttype AS type ORDER BY id`)).toEqual([
      { organisation: '1950', id: 'CON-58acf8', end: '2027-03-31', annualValue: 11400, supplier: 'Zaakwerk B.V.', application: 'Zaakwerk Zaken', type: 'Licentie' },
      { organisation: '1950', id: 'CON-5f3305', end: '2026-04-25', annualValue: 12000, supplier: 'Wolkdiensten', application: 'Wolkportaal', type: 'SLA' },
    ]);
    // The koppeling between two uses of one municipality, with its standard by name and version.
    expect(await read(driver, `MATCH (i:Interface)-[:FROM]->(f:Application), (i)-[:TO]->(t:Application) RETURN f.name AS from, t.name AS to, i.standard AS standard, i.openStandard AS open`)).toEqual([
      { from: 'Wolkportaal', to: 'Zaakwerk Zaken', standard: 'ZGW API 1.5', open: true },
    ]);
    expect(await rels(driver, 'IMPLEMENTS')).toEqual([
      `${GR_ZAAK} -IMPLEMENTS-> standard:stuf`, `${GR_ZAAK} -IMPLEMENTS-> standard:zgw-api`,
      `${WW_ZAAK} -IMPLEMENTS-> standard:stuf`, `${WW_ZAAK} -IMPLEMENTS-> standard:zgw-api`,
      `${WW_PORTAAL} -IMPLEMENTS-> standard:zgw-api`,
    ].sort());
    // Nothing with a place in the model is kept as an extra_* property, and no contact person is imported.
    const [props] = await read<{ keys: string[] }>(driver, 'MATCH (n) WHERE n:Application OR n:Organisation OR n:Contract UNWIND keys(n) AS key WITH key WHERE key STARTS WITH "extra_" RETURN collect(DISTINCT key) AS keys');
    expect(props.keys.sort()).toEqual(['extra_contractstatus', 'extra_contracttype', 'extra_documentreferentie', 'extra_gebruiksstatus', 'extra_kosten', 'extra_kostenperiode', 'extra_registerid']);
    const [people] = await read<{ n: number }>(driver, "MATCH (n) WHERE any(key IN keys(n) WHERE n[key] IS :: STRING AND n[key] CONTAINS 'Test Persoon') RETURN count(n) AS n");
    expect(people.n).toBe(0);

    // The same objects again: nothing changes.
    const again = await importSoftwarecatalogusObjects(driver, [FIXTURE]);
    expect(again.unchangedSince?.runId).toBe(report.runId);
  });

  it('when only an organisation is renamed in the register, then the re-import writes the new name instead of finding it unchanged', async () => {
    // One source for both: the copy's folder name would otherwise name a second source, which under the
    // first-source rule (docs/data-model.md) keeps its other name as a claim.
    const source = 'swc-register:westerwolde';
    const first = await importSoftwarecatalogusObjects(driver, [FIXTURE], { source });
    expect(first.issues).toEqual([]);
    const copy = mkdtempSync(join(tmpdir(), 'roer-register-'));
    try {
      for (const file of readdirSync(FIXTURE)) {
        const text = readFileSync(join(FIXTURE, file), 'utf8');
        writeFileSync(join(copy, file), file === 'organisatie.json' ? text.replace('"naam": "Westerwolde"', '"naam": "Westerwolde-Noord"') : text);
      }
      const again = await importSoftwarecatalogusObjects(driver, [copy], { source });
      expect(again.issues).toEqual([]);
      expect(again.unchangedSince).toBeNull();
      const names = await read<{ name: string }>(driver, "MATCH (o:Organisation) WHERE o.name CONTAINS 'Westerwolde' RETURN o.name AS name");
      expect(names.map(row => row.name)).toEqual(['Gemeente Westerwolde-Noord']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('when an imported use is opened in the API and its report, then BBN, IBP, BIV, version and period of use are named in words', async () => {
    await importSoftwarecatalogusObjects(driver, [FIXTURE]);
    const app = appFor(driver);
    const node = await request(app).get(`/api/nodes/${encodeURIComponent(WW_ZAAK)}`).expect(200);
    expect(node.body.properties).toMatchObject({ bbnScore: 2, ibpScore: 3, biv: '3-2-2', useStart: '2019-01-01', criticality: 'critical', personalData: true, version: 'v4.2.0' });
    const report = await request(app).get(`/api/reports/${encodeURIComponent(WW_ZAAK)}`).expect(200);
    expect(reportFacts(report.body, 'nl', iso => formatDate(iso, 'nl'))).toBe(
      'Pakket: Zaakwerk Zaken · Versie: v4.2.0 · Versiestatus: ondersteund tot 25-04-2027 · In gebruik sinds: 01-01-2019 · Hosting: on-premise · ' +
      'BBN (basisbeveiligingsniveau): 2 · IBP-score (informatiebeveiliging en privacy): 3 · BIV-classificatie: 3-2-2 · Persoonsgegevens: ja',
    );
    const organisation = await request(app).get('/api/nodes/org%3A1950').expect(200);
    expect(organisation.body.properties).toMatchObject({ name: 'Gemeente Westerwolde', cbsCode: '1950', oin: '00000001001589623000' });
  });

  it('when the objects come as a zip, or one object per file in a folder per schema, then they read the same as the lists', async () => {
    const lists = await readSoftwarecatalogusObjects(fixtureFiles());
    const zip = zipOf(fixtureFiles().map(file => deflated(`export/${file.name}`, file.bytes.toString('utf8'))));
    const zipped = await readSoftwarecatalogusObjects([{ name: 'softwarecatalogus.zip', bytes: zip }]);
    expect(zipped.issues).toEqual([]);
    expect(zipped.landscape).toEqual(lists.landscape);
    const folder = mkdtempSync(join(tmpdir(), 'roer-swc-'));
    try {
      for (const file of fixtureFiles()) {
        const schema = file.name.replace(/\.json$/, '');
        mkdirSync(join(folder, schema));
        // Without @self: the folder's name says the schema.
        for (const object of JSON.parse(file.bytes.toString('utf8')) as { id: string; '@self'?: unknown }[]) {
          delete object['@self'];
          writeFileSync(join(folder, schema, `${object.id}.json`), JSON.stringify(object, null, 2));
        }
      }
      const single = await readSoftwarecatalogusObjects([folder]);
      expect(single.issues).toEqual([]);
      expect(single.objects).toEqual(lists.objects);
      const sorted = (landscape: typeof lists.landscape) => JSON.stringify(Object.fromEntries(Object.entries(landscape).map(([table, rows]) => [table, [...(rows as { id: string }[])].sort((a, b) => a.id.localeCompare(b.id))])));
      expect(sorted(single.landscape)).toEqual(sorted(lists.landscape));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('when objects are broken, then every problem names its file, line and field, and nothing is written', async () => {
    const before = await snapshot(driver);
    const files = fixtureFiles().map(file => {
      if (file.name === 'voorzieninggebruik.json') {
        return { ...file, bytes: Buffer.from(file.bytes.toString('utf8').replace('"startDatum": "2019-01-01"', '"startDatum": "2019-02-30"').replace('"ibpScore": 4', '"ibpScore": 9')) };
      }
      if (file.name === 'standaard.json') return { ...file, bytes: Buffer.from(file.bytes.toString('utf8').replace('"naam": "StUF",', '"naam": "StUF"')) };
      return file;
    });
    files.push({ name: 'kwetsbaarheid.json', bytes: Buffer.from('[{"id": "x", "@self": {"schema": "onbekend"}}]') });
    files.push({ name: 'export.json', bytes: Buffer.from('[\n  {"id": "y"}\n]') });
    const report = await importSoftwarecatalogusObjects(driver, files, { source: 'swc-register:broken' });
    expect(report.ok).toBe(false);
    expect(report.issues.map(issue => issue.message)).toEqual([
      "standaard.json:5: column 5: not readable as JSON (Expected ',' or '}' after property value in JSON at position 79); expected well-formed JSON",
      expect.stringMatching(/^export\.json:2: @self\.schema: missing; expected the object's schema \(organisatie, voorziening, .*\) in @self\.schema, or a file or folder named after it/),
      'voorzieninggebruik.json:2: voorzieninggebruik.startDatum: "2019-02-30" is not valid; expected a date such as 2026-12-31 or 31-12-2026 that exists (February 2019 has 28 days, not 30)',
      'voorzieninggebruik.json:83: voorzieninggebruik.ibpScore: "9" is not valid; expected a whole number from 1 to 5',
    ]);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the CLI is given a folder of objects, then it imports them and prints the objects and warnings', async () => {
    const { code, stdout } = await runImportCli([FIXTURE, '--user', 'tester']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Source swc-register:register, run /m);
    expect(stdout).toContain('objects / objecten: contract 3, koppeling 2, organisatie 4, standaard 2, voorziening 3, voorzieningaanbod 2, voorzieninggebruik 3, voorzieningversie 2');
    expect(stdout).toMatch(/^warning \/ waarschuwing: contract\.json:90: contract\.eindDatum: /m);
    expect(await nodes(driver, 'Application')).toEqual([GR_ZAAK, WW_ZAAK, WW_PORTAAL].sort());
  });
});
