// POST /api/imports takes every format the CLI does, told apart by importers/formats.ts: a coArchi
// folder as a zip, an AMEFF file, a Softwarecatalogus portfolio CSV (by name or by its columns), the
// GEMMA model; with the same dry run, removal guard, progress lines, audit and refusals.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importSoftwarecatalogusObjects } from '../../importers/softwarecatalogus-objects.js';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { seedAdminToken } from '../../server/auth.js';
import { read } from '../../server/neo4j.js';
import { fixture, reference } from '../archimate/support.js';
import { nodes, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { zipFolder } from '../support/zip.js';
import { appFor, request } from './support.js';

const SWC_MODEL = reference('softwarecatalogus-archi-coarchi');
const PORTFOLIO = fixture('Gemeenten_applicatieportfolio_2025-01-01.csv');
const ADMIN = 'test-admin-token-0123456789';

/** The graph without what differs between two runs of one import (run ids, stamps, audit). */
const graphText = (lines: string[]) =>
  lines
    // The run's own records (history's headline numbers and diff carry run ids, times and the user) aside.
    .filter(line => !/"labels":\["(ImportRun|Headline|RunDiff|AuditEntry|AuditHead)"\]/.test(line) && !line.includes('"ImportRun"'))
    .map(line => line.replace(/"runs":\[[^\]]*\]/g, '').replace(/"(createdRun|runId)":"[^"]*"/g, ''))
    .sort();

describe('every format through POST /api/imports', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  let swcZip: Buffer;
  beforeAll(() => {
    driver = testDriver();
    app = appFor(driver);
    swcZip = zipFolder(SWC_MODEL);
  });
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  const upload = (files: Record<string, Buffer | string>, fields: Record<string, string> = {}) => {
    let test = request(app).post('/api/imports');
    for (const [name, value] of Object.entries(fields)) test = test.field(name, value);
    for (const [name, content] of Object.entries(files)) test = test.attach('files', Buffer.from(content), name);
    return test;
  };

  it('when the Softwarecatalogus objects are uploaded as JSON files, then the register importer takes them as the CLI does', async () => {
    const folder = join(process.cwd(), 'tests', 'fixtures', 'softwarecatalogus', 'register');
    const files = Object.fromEntries(readdirSync(folder).map(name => [name, readFileSync(join(folder, name))]));
    const response = await upload(files, { source: 'swc-register:test' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ detectedFormat: 'softwarecatalogus-objects', source: 'swc-register:test', ok: true }));
    const overHttp = graphText(await snapshot(driver));
    await resetDatabase(driver);
    await importSoftwarecatalogusObjects(driver, [folder], { source: 'swc-register:test' });
    expect(overHttp).toEqual(graphText(await snapshot(driver)));
    expect((await read<{ n: number }>(driver, 'MATCH (a:Application) RETURN count(a) AS n'))[0].n).toBeGreaterThan(0);
  });

  it('when the Softwarecatalogus coArchi folder is uploaded as a zip, then it is the same graph as the CLI makes of the folder: 901 elements, 1,593 relationships', async () => {
    const response = await upload({ 'Softwarecatalogus-Archi-repository.zip': swcZip }, { organisation: 'gm0001', source: 'archimate:test' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ detectedFormat: 'coarchi', source: 'archimate:test', elements: 901, relationships: 1593, model: 'Softwarecatalogus' }));
    expect(response.body.skipped).toHaveLength(36);
    // The import is audited like a table import.
    const audit = await request(app).get('/api/audit');
    expect(audit.body[0]).toEqual(expect.objectContaining({ action: 'import', object: 'archimate:test', result: 'ok' }));
    const overHttp = graphText(await snapshot(driver));
    await resetDatabase(driver);
    await importArchimate(driver, SWC_MODEL, { organisation: 'gm0001', source: 'archimate:test' });
    expect(overHttp).toEqual(graphText(await snapshot(driver)));
  }, 300_000); // two imports of the model: over two minutes on a busy 2-core machine

  it('when a coArchi zip is checked (dry run), then the report counts the model and nothing is written', async () => {
    const before = await snapshot(driver);
    const response = await upload({ 'model.zip': swcZip }, { organisation: 'gm0001', dryRun: 'true' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ detectedFormat: 'coarchi', dryRun: true, runId: null, elements: 901, source: 'archimate:gm0001' }));
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when an ArchiMate model comes without an organisation, then 400 says to name one, and nothing is written', async () => {
    const before = await snapshot(driver);
    const response = await upload({ 'model.zip': swcZip });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/model\.zip: the ArchiMate model "Softwarecatalogus" describes one organisation's landscape: fill in which organisation/);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the model re-imported has lost most of its elements, then 409 lists the removals and nothing changes until they are confirmed', async () => {
    const ameff = readFileSync(reference('ameff-opengroup-xmlexchange/testdata/archisurance.xml'));
    expect((await upload({ 'archisurance.xml': ameff }, { organisation: 'gm0001' })).status).toBe(200);
    const before = await snapshot(driver);
    const sample = readFileSync(reference('ameff-opengroup-xmlexchange/testdata/sample1.xml'));
    const refused = await upload({ 'archisurance.xml': sample }, { organisation: 'gm0001', source: 'archimate:gm0001' });
    expect(refused.status).toBe(409);
    expect(refused.body).toEqual(expect.objectContaining({ detectedFormat: 'archimate', confirmationNeeded: true }));
    expect(refused.body.removals.removing).toBeGreaterThan(100);
    expect(await snapshot(driver)).toEqual(before);
    const confirmed = await upload({ 'archisurance.xml': sample }, { organisation: 'gm0001', source: 'archimate:gm0001', allowRemovals: 'true' });
    expect(confirmed.status).toBe(200);
    const [{ elements }] = await read<{ elements: number }>(driver, 'MATCH (n:Entity) WHERE n.archimateId IS NOT NULL RETURN count(n) AS elements');
    expect(elements).toBe(2);
  });

  it.each([
    ['by its file name', 'Gemeenten_applicatieportfolio_2025-01-01.csv'],
    ['by its columns, whatever the file is called', 'export.csv'],
  ])('when a Softwarecatalogus portfolio CSV is uploaded (%s), then its package versions become applications (was 400 "cannot tell which table")', async (_how, name) => {
    const response = await upload({ [name]: readFileSync(PORTFOLIO) }, { source: 'swc:portfolio' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ detectedFormat: 'softwarecatalogus-portfolio', ok: true, source: 'swc:portfolio' }));
    expect(response.body.tables.applications).toEqual(expect.objectContaining({ read: 4, created: 4 }));
    expect(await nodes(driver, 'Application')).toEqual(['app:gm0363/pv-1', 'app:gm0363/pv-2', 'app:gm0599/pv-1', 'app:gm0599/pv-3']);
  });

  it('when a portfolio row lacks a value, then 422 with file, line and field, and nothing is written', async () => {
    const before = await snapshot(driver);
    const response = await upload({ 'portfolio.csv': 'Gemeente id;Pakketversie ID;Pakketversie Naam\ngm1;pv-1;Zaak\ngm1;;Geen id\n' });
    expect(response.status).toBe(422);
    expect(response.body.issues.map((issue: { file: string; line: number; field: string }) => [issue.file, issue.line, issue.field])).toEqual([['portfolio.csv', 3, 'id']]);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the client accepts NDJSON, then a model import sends progress lines and the report last', async () => {
    const response = await upload({ 'model.zip': swcZip }, { organisation: 'gm0001' }).set('Accept', 'application/x-ndjson').buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => done(null, text.trim().split('\n').map(line => JSON.parse(line))));
    });
    const lines = response.body as { progress?: { phase: string }; status?: number; report?: { detectedFormat: string } }[];
    expect(lines.filter(line => line.progress).map(line => line.progress!.phase)).toEqual(['validate', 'load', 'cleanup', 'done']);
    expect(lines.at(-1)).toEqual(expect.objectContaining({ status: 200, report: expect.objectContaining({ detectedFormat: 'coarchi' }) }));
  });

  it('when an XML upload declares an external entity, then it is refused (400, file and line) and nothing changes', async () => {
    const before = await snapshot(driver);
    const response = await upload({ 'xxe.xml': readFileSync(fixture('xxe.xml')) }, { organisation: 'gm0001' });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/xxe\.xml:\d+:\d+/);
    expect(response.body.errors[0]).toEqual(expect.objectContaining({ file: 'xxe.xml', line: expect.any(Number) }));
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when a zip climbs out of its folder or is a bomb, then 400 names the zip', async () => {
    const work = mkdtempSync(join(tmpdir(), 'roer-zip-'));
    try {
      execFileSync('sh', ['-c', 'mkdir -p a && echo x > evil.xml && cd a && zip -q ../climb.zip ../evil.xml && cd .. && head -c 50000000 /dev/zero > zeros.xml && zip -q bomb.zip zeros.xml'], { cwd: work });
      const climb = await upload({ 'climb.zip': readFileSync(join(work, 'climb.zip')) }, { organisation: 'gm0001' });
      expect(climb.status).toBe(400);
      expect(climb.body.detail).toMatch(/^climb\.zip: the archive holds a path outside its folder/);
      const bomb = await upload({ 'bomb.zip': readFileSync(join(work, 'bomb.zip')) }, { organisation: 'gm0001' });
      expect(bomb.status).toBe(400);
      expect(bomb.body.detail).toMatch(/^bomb\.zip: part zeros\.xml would unpack \d+ times its size/);
      unlinkSync(join(work, 'zeros.xml'));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('when files of different kinds come together, or a kind Roer does not read, then 400 says what each looks like and what is accepted', async () => {
    const response = await upload({ 'model.xml': readFileSync(reference('ameff-opengroup-xmlexchange/testdata/sample1.xml')), 'applications.csv': 'id;naam\na;A\n' });
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/^Cannot tell what to import from model\.xml \(\.xml\), applications\.csv \(\.csv\)\. Upload CSV or XLSX tables/);
    const pdf = await upload({ 'landscape.pdf': '%PDF-1.4' });
    expect(pdf.status).toBe(400);
  });

  it('when the GEMMA model is uploaded by someone who is not an admin, then 403: the catalogue is everyone\'s', async () => {
    // GEMMA's own model file without its 9,475 concepts: the model's name is what makes it the catalogue.
    const release = mkdtempSync(join(tmpdir(), 'roer-gemma-'));
    cpSync(join(reference('gemma-archi-coarchi'), 'model', 'folder.xml'), join(release, 'model', 'folder.xml'), { recursive: true });
    const gemma = zipFolder(release, 'GEMMA-Archi-repository');
    rmSync(release, { recursive: true, force: true });
    const tokenApp = appFor(driver, { ROER_AUTH: 'token' });
    await seedAdminToken(driver, ADMIN);
    const editor = await request(tokenApp).post('/api/tokens').set('authorization', `Bearer ${ADMIN}`).send({ name: 'editor-token', role: 'editor' });
    const refused = await request(tokenApp).post('/api/imports').set('authorization', `Bearer ${editor.body.token}`).field('dryRun', 'true').attach('files', gemma, 'gemma.zip');
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/GEMMA catalogue/);
    const checked = await upload({ 'gemma.zip': gemma }, { dryRun: 'true' });
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual(expect.objectContaining({ detectedFormat: 'coarchi', source: 'gemma', dryRun: true, model: 'GEMMA' }));
  });
});
