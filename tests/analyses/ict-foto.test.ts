// The ICT-foto against real Neo4j: endoflife.date and SBOM imports as sources, out-of-support and
// advisory answers on the hand-worked landscape of ict-foto-fixture.ts.
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { importUploads } from '../../importers/formats.js';
import type { FileInput } from '../../importers/mapping.js';
import { analyses, getAnalysis } from '../../server/analyses/index.js';
import { reportAnswer } from '../../server/reports/answer.js';
import { reportData } from '../../server/reports/report-data.js';
import { reportSections } from '../../server/reports/sections.js';
import type { AnalysisResult, Row } from '../../server/analyses/types.js';
import { read } from '../../server/neo4j.js';
import { nodes, rels, resetDatabase, testDriver } from '../support/db.js';
import { reference } from '../archimate/support.js';
import { loadLandscape } from './fixture.js';
import { ICT_FOTO_DATE, ictFotoFixture } from './ict-foto-fixture.js';

const fixtureFile = (name: string): FileInput => ({ name, bytes: readFileSync(new URL(`../fixtures/ict-foto/${name}`, import.meta.url)) });
const json = (name: string, value: unknown): FileInput => ({ name, bytes: Buffer.from(JSON.stringify(value)) });

const run = async (driver: Driver, name: string, query: Record<string, unknown>): Promise<AnalysisResult> => {
  const analysis = getAnalysis(name)!;
  return analysis.run(driver, analysis.params.parse(query));
};
const pick = (rows: Record<string, unknown>[], keys: string[]) => rows.map(row => keys.map(key => row[key]));

describe('ICT-foto on a hand-worked landscape', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await loadLandscape(driver, ictFotoFixture());
    const report = await importUploads(driver, [fixtureFile('postgresql.json'), fixtureFile('producten.json')], { user: 'test' }) as Record<string, unknown>;
    expect(report).toMatchObject({ detectedFormat: 'endoflife', source: 'endoflife', products: 4, releaseCycles: 9, issues: [] });
  });
  afterAll(() => driver.close());

  it('when platforms carry a product and version column, then the graph keeps them', async () => {
    const rows = await read<{ uid: string; product: string; version: string }>(driver, 'MATCH (p:Platform) RETURN p.uid AS uid, p.product AS product, p.version AS version ORDER BY uid');
    expect(rows.map(r => [r.uid, r.product, r.version])).toEqual([
      ['platform:p-db', 'PostgreSQL', '11.22'], ['platform:p-host', 'VMware ESXi', '8.0'], ['platform:p-web', 'Apache Tomcat', '9.0.85'],
    ]);
  });

  it('when an endoflife.date file is imported, then its release cycles are nodes stamped with the run', async () => {
    expect(await nodes(driver, 'ReleaseCycle')).toEqual([
      'cycle:drupal/10', 'cycle:drupal/7', 'cycle:postgresql/11', 'cycle:postgresql/17', 'cycle:tomcat/10.0', 'cycle:tomcat/10.1', 'cycle:tomcat/9.0',
      'cycle:vmware-esxi/7.0', 'cycle:vmware-esxi/8.0',
    ]);
    const [esxi7] = await read<{ eol: string | null; eolReached: boolean; runs: string[] }>(driver, "MATCH (c:ReleaseCycle {uid: 'cycle:vmware-esxi/7.0'}) RETURN c.eol AS eol, c.eolReached AS eolReached, c.runs AS runs");
    expect(esxi7.eol).toBeNull();
    expect(esxi7.eolReached).toBe(true);
    expect(esxi7.runs).toHaveLength(1);
    expect(esxi7.runs[0]).toMatch(/^endoflife#/);
  });

  it('when a release cycle has a bad eol, then the import names file and field and writes nothing', async () => {
    const before = await nodes(driver, 'ReleaseCycle');
    const report = await importUploads(driver, [json('nginx.json', [{ cycle: '1.24', eol: 'soon' }, { cycle: '1.26', eol: '2026-02-31' }])], { user: 'test' }) as { issues: { message: string }[]; runId: unknown };
    expect(report.runId).toBeNull();
    expect(report.issues.map(issue => issue.message)).toEqual([
      'nginx.json: [0].eol: expected a date (2027-03-31) or true/false',
      'nginx.json: [1].eol: expected a date (2027-03-31) or true/false',
    ]);
    expect(await nodes(driver, 'ReleaseCycle')).toEqual(before);
  });

  it('when versions are judged on 2026-12-01 with six months ahead, then ended and ending cycles are listed per organisation with their dependants', async () => {
    const { rows, summary } = await run(driver, 'out-of-support', { date: ICT_FOTO_DATE, months: '6' });
    expect(pick(rows, ['supportStatus', 'organisation', 'name', 'product', 'version', 'cycle', 'eol', 'criticality', 'personalData', 'dependants', 'businessFunctions'])).toEqual([
      ['unsupported', 'gm1', 'Databaseserver', 'PostgreSQL', '11.22', '11', '2023-11-09', 'high', true, 2, ['Belastingen', 'Parkeren']],
      ['unsupported', 'gm1', 'Website', 'Drupal', '7.98', '7', '2025-01-05', 'low', false, 0, ['Dienstverlening']],
      ['unsupported', 'gm2', 'Databaseserver', 'PostgreSQL', '11.22', '11', '2023-11-09', 'high', false, 1, ['Zaakafhandeling']],
      ['ending', 'gm1', 'Webserver', 'Apache Tomcat', '9.0.85', '9.0', '2027-03-31', 'critical', true, 1, ['Zaakafhandeling']],
      ['ending', 'gm2', 'Vergunningen', 'Apache Tomcat', '9.0.9', '9.0', '2027-03-31', 'medium', false, 0, ['Vergunningen']],
    ]);
    expect(summary!.overall).toEqual({
      applicationsUnsupported: 3, applicationsEnding: 2, criticalApplicationsUnsupported: 2, personalDataApplicationsUnsupported: 1,
      criticalFunctionsUnsupported: 2, criticalFunctionsEnding: 1, versionsKnown: 6, versionsWithoutCycle: 0, releaseCycles: 9,
    });
    expect(summary!.byOrganisation).toEqual([
      { organisation: 'gm1', name: 'gm1', applications: 5, unsupported: 2, ending: 1, critical: 1, personalData: 1, criticalFunctions: ['Belastingen'] },
      { organisation: 'gm2', name: 'gm2', applications: 3, unsupported: 1, ending: 1, critical: 1, personalData: 0, criticalFunctions: ['Zaakafhandeling'] },
    ]);
  });

  it("when an organisation's report is made, then it says how many applications run a version out of support and lists them", async () => {
    const data = await reportData(driver, analyses, 'org:gm1');
    const { sentences } = reportAnswer(data, 'nl');
    // Judged today: PostgreSQL 11 and Drupal 7 ended years ago; whether Tomcat 9.0 (31-03-2027) counts as ending depends on the day.
    expect(sentences.find(sentence => sentence.includes('zonder ondersteuning'))).toMatch(/^2 applicaties draaien op een versie zonder ondersteuning \(bedrijfskritische functies geraakt: 1\); bij nog \d stopt de ondersteuning binnen 6 maanden\.$/);
    const section = reportSections(data, 'nl').find(s => s.id === 'ictFoto')!;
    expect(section.title).toBe('ICT-foto: versies zonder ondersteuning');
    expect(section.rows.slice(0, 2).map(row => section.columns.map(column => column.value(row)))).toEqual([
      ['unsupported', 'Databaseserver', 'PostgreSQL 11.22', '2023-11-09', 'high', true, 2, ['Belastingen', 'Parkeren']],
      ['unsupported', 'Website', 'Drupal 7.98', '2025-01-05', 'low', false, 0, ['Dienstverlening']],
    ]);
  });

  it('when no months ahead are asked, then only what has ended is listed', async () => {
    const { rows } = await run(driver, 'out-of-support', { date: ICT_FOTO_DATE, months: '0', organisation: 'gm1' });
    expect(pick(rows, ['supportStatus', 'name'])).toEqual([['unsupported', 'Databaseserver'], ['unsupported', 'Website']]);
  });

  it('when an advisory names a product and a range, then versions compare as dotted numbers and the impact is set out', async () => {
    const { rows, summary } = await run(driver, 'advisory', { product: 'Tomcat', range: '>=9.0.10 <10.1.21' });
    // 9.0.85 and 10.1.20 are in the range; 9.0.9 is not (9 < 10 as numbers); Meldingen has no version.
    expect(pick(rows, ['organisation', 'kind', 'name', 'version', 'dependants', 'dependantNames', 'criticality'])).toEqual([
      ['gm1', 'Application', 'Archief', '10.1.20', 0, [], 'medium'],
      ['gm1', 'Platform', 'Webserver', '9.0.85', 1, ['Zaaksysteem'], 'critical'],
    ]);
    expect(summary!.totals).toEqual({
      matches: 2, applications: 1, platforms: 1, applicationsDown: 2, criticalApplicationsDown: 1, organisations: 1,
      businessFunctionsLost: 2, businessFunctionsWeakened: 0, unknownVersion: 1,
    });
    expect(summary!.organisations).toEqual([
      { organisation: 'gm1', name: 'gm1', affected: 1, down: 2, critical: 1, personalData: 1, functionsLost: ['Archivering', 'Zaakafhandeling'], functionsWeakened: [], platforms: 1 },
    ]);
    expect(summary!.unknownVersion).toEqual([{ uid: 'app:gm2/b3', name: 'Meldingen', product: 'Apache Tomcat', organisation: 'gm2' }]);
  });

  it('when an advisory hits a platform, then the applications that stop with it are named with organisation, criticality and functions, the critical first', async () => {
    const { summary } = await run(driver, 'advisory', { product: 'Tomcat', range: '>=9.0.10 <10.1.21' });
    expect(pick(summary!.applicationsDown as Row[], ['name', 'organisationName', 'criticality', 'runsAffectedVersion', 'businessFunctions'])).toEqual([
      ['Zaaksysteem', 'gm1', 'critical', false, ['Zaakafhandeling']],
      ['Archief', 'gm1', 'medium', true, ['Archivering']],
    ]);
    const listed = await run(driver, 'advisory', { product: 'Tomcat', range: '>=9.0.10 <10.1.21', list: 'applications' });
    expect(listed.rows.map(row => row.name)).toEqual(['Zaaksysteem', 'Archief']);
    expect(listed.summary!.totals).toEqual(summary!.totals);
  });

  it('when the range is "<= 9.0.9", then only the older Tomcat matches', async () => {
    const { rows } = await run(driver, 'advisory', { product: 'apache tomcat', range: '<= 9.0.9' });
    expect(pick(rows, ['organisation', 'name', 'version'])).toEqual([['gm2', 'Vergunningen', '9.0.9']]);
  });

  it('when a range cannot be read, then the parameters say what is expected', () => {
    const parsed = getAnalysis('advisory')!.params.safeParse({ product: 'Tomcat', range: 'from 2 to 3' });
    expect(parsed.success).toBe(false);
  });

  describe('a CycloneDX SBOM', () => {
    it('when its metadata.component names an application, then its components belong to that application and an advisory finds them', async () => {
      const report = await importUploads(driver, [fixtureFile('zaaksysteem.cdx.json')], { user: 'test' }) as Record<string, unknown>;
      expect(report).toMatchObject({ detectedFormat: 'cyclonedx', source: 'sbom:app:gm1/a1', components: 3, target: { uid: 'app:gm1/a1', kind: 'Application' } });
      expect(await rels(driver, 'CONTAINS')).toEqual([
        'app:gm1/a1 -CONTAINS-> component:app:gm1/a1/pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1',
        'app:gm1/a1 -CONTAINS-> component:app:gm1/a1/pkg:maven/org.springframework/spring-core@5.3.9',
        'app:gm1/a1 -CONTAINS-> component:app:gm1/a1/spring-jcl@5.3.9',
      ]);
      const { rows, summary } = await run(driver, 'advisory', { product: 'log4j', range: '>=2.0 <2.15.0' });
      expect(pick(rows, ['organisation', 'name', 'versionFrom', 'component', 'version', 'criticality'])).toEqual([['gm1', 'Zaaksysteem', 'sbom', 'log4j-core', '2.14.1', 'critical']]);
      expect(summary!.totals).toMatchObject({ applications: 1, applicationsDown: 1, businessFunctionsLost: 1 });
    });

    it('when a new SBOM of the application leaves a component out, then that component is gone', async () => {
      const bom = JSON.parse(readFileSync(new URL('../fixtures/ict-foto/zaaksysteem.cdx.json', import.meta.url), 'utf8'));
      bom.components = bom.components.slice(1);
      await importUploads(driver, [json('zaaksysteem.cdx.json', bom)], { user: 'test' });
      expect(await nodes(driver, 'Component')).toEqual([
        'component:app:gm1/a1/pkg:maven/org.springframework/spring-core@5.3.9',
        'component:app:gm1/a1/spring-jcl@5.3.9',
      ]);
      expect((await run(driver, 'advisory', { product: 'log4j', range: '<2.15.0' })).rows).toEqual([]);
    });

    it('when an SBOM names no application, then the one given as target takes its components (the Keycloak example)', async () => {
      const path = reference('cyclonedx-sbom-examples/keycloak-10.0.2/bom.json');
      const bytes = readFileSync(path);
      const components = (JSON.parse(bytes.toString('utf8')).components as { purl?: string }[]);
      const distinct = new Set(components.map(c => c.purl)).size;
      await expect(importUploads(driver, [{ name: 'bom.json', bytes }], { user: 'test' })).rejects.toThrow('bom.json: metadata.component.name: "keycloak-parent" is no application or platform in Roer');
      const report = await importUploads(driver, [{ name: 'bom.json', bytes }], { user: 'test', target: 'Belastingen', organisation: 'gm1' }) as Record<string, unknown>;
      expect(report).toMatchObject({ detectedFormat: 'cyclonedx', target: { uid: 'app:gm1/a2' }, components: distinct });
      const [{ count }] = await read<{ count: number }>(driver, "MATCH (:Application {uid: 'app:gm1/a2'})-[:CONTAINS]->(c:Component) RETURN count(c) AS count");
      expect(count).toBe(distinct);
    });

    it('when the target names no application or platform, then the error says which field and value', async () => {
      await expect(importUploads(driver, [fixtureFile('zaaksysteem.cdx.json')], { user: 'test', target: 'Onbekend' }))
        .rejects.toThrow('zaaksysteem.cdx.json: target: "Onbekend" is no application or platform in Roer');
    });
  });
});
