// The Algoritmeregister as a source, against the real Neo4j: a fixture shaped exactly like the
// register's listing (tests/fixtures/algoritmeregister), a small landscape of "Gemeente Utrecht"; the
// organisation found by name, the applications and suppliers by the text with a confidence; a
// decision kept across a re-import; what-if and impact naming the algorithm that stops.
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { candidatesFor, organisationIndex, textOf } from '../../importers/algorithm-match.js';
import { importAlgoritmeregister, readAlgoritmeregister } from '../../importers/algoritmeregister.js';
import { isAlgoritmeregisterPath } from '../../importers/algoritmeregister-cli.js';
import { detectFormat } from '../../importers/formats.js';
import { importLandscape } from '../../importers/import.js';
import { decide, listAlgorithms, listMatches } from '../../server/algorithms.js';
import { impactAnalysis, ImpactParams } from '../../server/analyses/impact.js';
import { sovereigntyAnalysis } from '../../server/analyses/sovereignty.js';
import { whatIfAnalysis, WhatIfParams } from '../../server/analyses/what-if.js';
import { read } from '../../server/neo4j.js';
import { appFor, request } from '../server/support.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { reference } from '../archimate/support.js';
import { registerFile as file, utrecht } from './algoritmeregister-fixture.js';

const REFERENCE = reference('nl-algoritmeregister/algoritmes.json');

const matchRows = async (driver: Driver) =>
  (await listMatches(driver, { state: 'all' })).map(m => `${m.algorithm} → ${m.target} ${m.confidence} ${m.state}`).sort();

describe('Algoritmeregister', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    expect((await importLandscape(driver, utrecht(), { source: 'csv:utrecht', user: 'test' })).ok).toBe(true);
  });
  afterAll(() => driver.close());

  it('when the register file is uploaded, then it is recognised as the register, not as Softwarecatalogus objects', () => {
    expect(detectFormat([file('algoritmes.json')]).name).toBe('algoritmeregister');
    expect(isAlgoritmeregisterPath(REFERENCE)).toBe(true);
    expect(isAlgoritmeregisterPath('package.json')).toBe(false);
  });

  it('when entries are wrong, then every problem names file, line and field, and nothing is written', async () => {
    const report = await importAlgoritmeregister(driver, [file('invalid.json')], { user: 'test' });
    expect(report.ok).toBe(false);
    expect(report.issues.map(i => [i.file, i.line, i.field]).sort()).toEqual([
      ['invalid.json', 15, 'geregistreerd'], ['invalid.json', 15, 'impactassessment'], ['invalid.json', 15, 'status'], ['invalid.json', 15, 'title'],
    ]);
    expect(report.issues.find(i => i.field === 'status')!.message).toBe('invalid.json:15: status: not valid; expected in_gebruik, ontwikkeling or buiten_gebruik');
    expect(await read(driver, 'MATCH (n:Algorithm) RETURN n')).toEqual([]);
  });

  it('when the real register is read, then all 1,530 entries are valid', () => {
    const started = performance.now();
    const { entries, issues } = readAlgoritmeregister({ name: 'algoritmes.json', bytes: readFileSync(REFERENCE) });
    expect(issues).toEqual([]);
    expect(entries).toHaveLength(1530);
    expect(entries.filter(e => e.organisatie === 'Gemeente Utrecht')).toHaveLength(45);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('when names and codes differ in form, then the organisation is still found; a shared key finds none', () => {
    const find = organisationIndex([
      { uid: 'org:gm0344', id: 'gm0344', name: 'Gemeente Utrecht', cbsCode: '0344' },
      { uid: 'org:gemeente-roerdam', id: 'gemeente-roerdam', name: 'Gemeente Roerdam', cbsCode: null },
    ]);
    expect(find('Gemeente Utrecht')?.uid).toBe('org:gm0344');
    expect(find('gemeente  utrecht')?.uid).toBe('org:gm0344');
    expect(find('Utrecht, gemeente', 'GM0344')?.uid).toBe('org:gm0344');
    expect(find('Gemeente Roerdam')?.uid).toBe('org:gemeente-roerdam');
    expect(find('Gemeente Nergenshuizen')).toBeUndefined();
    const text = textOf('Zivver e-mailbeveiliging');
    expect(candidatesFor(text, [{ uid: 'app:x/z', organisation: 'org:x', name: 'Zivver', product: null, suppliers: [] }]).map(c => c.confidence)).toEqual(['exact']);
    expect(candidatesFor(textOf('Zivverig'), [{ uid: 'app:x/z', organisation: 'org:x', name: 'Zivver', product: null, suppliers: [] }])).toEqual([]);
  });

  it('when the register is imported, then algorithms, their organisation and the proposed links are in the graph', async () => {
    const report = await importAlgoritmeregister(driver, [file('algoritmes.json')], { user: 'test' });
    expect(report.ok).toBe(true);
    expect(report.tables.algorithms).toEqual({ read: 5, created: 5, updated: 0, unchanged: 0, removed: 0, errors: 0 });
    expect(report.organisations).toEqual({
      matched: [{ name: 'Gemeente Utrecht', organisation: 'gm0344', algorithms: 4 }],
      unmatched: [{ name: 'Gemeente Nergenshuizen', algorithms: 1 }],
    });
    expect(report.matches).toEqual({ exact: 2, normalised: 1, supplier: 4 });
    expect(await matchRows(driver)).toEqual([
      'algorithm:11111111 → app:gm0344/zivver exact open',
      'algorithm:11111111 → supplier:zivver supplier open',
      'algorithm:22222222 → app:gm0344/parkeren normalised open',
      'algorithm:33333333 → app:gm0344/parkeren supplier open',
      'algorithm:33333333 → supplier:kievit supplier open',
      'algorithm:55555555 → app:gm0344/zivver exact open',
      'algorithm:55555555 → supplier:zivver supplier open',
    ]);
    const [run] = await read<{ runs: string[]; props: Record<string, unknown> }>(driver, "MATCH (n:Algorithm {uid: 'algorithm:22222222'}) RETURN n.runs AS runs, properties(n) AS props");
    expect(run.runs).toEqual([`algoritmeregister#${report.runId}`]);
    expect(run.props).toMatchObject({ name: 'Parkeervergunning', organisationName: 'Gemeente Utrecht', status: 'in-use', impactAssessment: 'yes', impactful: true, highRisk: false, registered: '2025-10-31', url: 'https://algoritmes.overheid.nl/nl/algoritme/22222222' });
    expect(await read(driver, "MATCH (o:Organisation)-[:DEPLOYS]->(n:Algorithm) RETURN o.id AS o, n.id AS n ORDER BY n")).toEqual(['11111111', '22222222', '33333333', '55555555'].map(n => ({ o: 'gm0344', n })));
    expect(await read(driver, "MATCH (r:ImportRun {source: 'algoritmeregister'}) RETURN r.status AS status")).toEqual([{ status: 'ok' }]);
  });

  it('when a supplier-only match is confirmed and a name match rejected, then both decisions survive a re-import', async () => {
    await decide(driver, { algorithm: 'algorithm:33333333', target: 'app:gm0344/parkeren', decision: 'confirmed' }, 'anna');
    await decide(driver, { algorithm: 'algorithm:22222222', target: 'app:gm0344/parkeren', decision: 'rejected' }, 'anna');
    // The register again, one entry gone and one renamed: the decisions stay, the stale algorithm goes.
    const json = JSON.parse(file('algoritmes.json').bytes.toString('utf8'));
    json.algoritmes = json.algoritmes.filter((a: { id: string }) => a.id !== '44444444');
    json.algoritmes[2].title = 'Risicoscan bijstandsaanvragen';
    const again = await importAlgoritmeregister(driver, [{ name: 'algoritmes.json', bytes: Buffer.from(JSON.stringify(json, null, 2)) }], { user: 'test' });
    expect(again.tables.algorithms).toEqual({ read: 4, created: 0, updated: 1, unchanged: 3, removed: 1, errors: 0 });
    expect(await matchRows(driver)).toEqual([
      'algorithm:11111111 → app:gm0344/zivver exact open',
      'algorithm:11111111 → supplier:zivver supplier open',
      'algorithm:22222222 → app:gm0344/parkeren normalised rejected',
      'algorithm:33333333 → app:gm0344/parkeren supplier confirmed',
      'algorithm:33333333 → supplier:kievit supplier open',
      'algorithm:55555555 → app:gm0344/zivver exact open',
      'algorithm:55555555 → supplier:zivver supplier open',
    ]);
    const [entry] = (await listAlgorithms(driver, { application: 'app:gm0344/parkeren' })).algorithms.filter(a => a.uid === 'algorithm:33333333');
    expect(entry.matches).toEqual([expect.objectContaining({ target: 'app:gm0344/parkeren', state: 'confirmed', decidedBy: 'anna' })]);
  });

  it('when the supplier of the application goes, then what-if names the confirmed algorithm that stops and not the rejected one', async () => {
    const result = await whatIfAnalysis.run(driver, WhatIfParams.parse({ remove: 'supplier:kievit' }));
    expect((result.summary!.algorithmsStopping as { uid: string; name: string; link: string; applications: { name: string }[] }[]).map(a => [a.name, a.link, a.applications.map(x => x.name)]))
      .toEqual([['Risicoscan bijstandsaanvragen', 'confirmed', ['Parkeerbeheer Pro']]]);
  });

  it('when the cloud goes, then impact names the likely algorithm on Zivver and leaves out the retired one; sovereignty lists only impactful ones', async () => {
    const impact = await impactAnalysis.run(driver, ImpactParams.parse({ node: 'platform:cloud' }));
    expect((impact.summary!.algorithmsStopping as { name: string; link: string; impactful: boolean }[]).map(a => [a.name, a.link, a.impactful])).toEqual([['Zivver e-mailbeveiliging', 'likely', false]]);
    const sovereignty = await sovereigntyAnalysis.run(driver, { organisation: null, boundary: false });
    expect(sovereignty.summary!.algorithmsOnExposed).toEqual([]);
    await decide(driver, { algorithm: 'algorithm:33333333', target: 'app:gm0344/zivver', decision: 'confirmed' }, 'anna');
    const after = await sovereigntyAnalysis.run(driver, { organisation: null, boundary: false });
    expect((after.summary!.algorithmsOnExposed as { name: string; impactful: boolean }[]).map(a => [a.name, a.impactful])).toEqual([['Risicoscan bijstandsaanvragen', true]]);
    await decide(driver, { algorithm: 'algorithm:33333333', target: 'app:gm0344/zivver', decision: 'open' }, 'anna');
  });

  it('when a decision comes over HTTP, then it needs the request header, a valid body and an existing link', async () => {
    const app = appFor(driver);
    const plain = await (await import('supertest')).default(app).post('/api/algorithm-matches').send({ algorithm: 'algorithm:11111111', target: 'app:gm0344/zivver', decision: 'confirmed' });
    expect(plain.status).toBe(403);
    expect((await request(app).post('/api/algorithm-matches').send({ algorithm: 'algorithm:11111111', target: 'app:gm0344/zivver', decision: 'maybe' })).status).toBe(400);
    expect((await request(app).post('/api/algorithm-matches').send({ algorithm: 'algorithm:99', target: 'app:gm0344/zivver', decision: 'confirmed' })).status).toBe(404);
    const ok = await request(app).post('/api/algorithm-matches').send({ algorithm: 'algorithm:11111111', target: 'app:gm0344/zivver', decision: 'confirmed' });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ algorithm: 'algorithm:11111111', target: 'app:gm0344/zivver', state: 'confirmed' });
    const list = await request(app).get('/api/algorithm-matches?organisation=gm0344&state=confirmed');
    expect(list.body.map((m: { algorithmName: string; name: string; confidence: string }) => [m.algorithmName, m.name, m.confidence]).sort()).toEqual([
      ['Risicoscan bijstandsaanvragen', 'Parkeerbeheer Pro', 'supplier'], ['Zivver e-mailbeveiliging', 'Zivver', 'exact'],
    ]);
    const audit = await read<{ action: string }>(driver, "MATCH (e:AuditEntry {action: 'algorithm-review'}) RETURN e.action AS action");
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });
});
