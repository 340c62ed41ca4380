// POST /api/imports through the real pipeline, the upload limit, deleting a source, and the audit log.
import type { Driver } from 'neo4j-driver';
import { nodes, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { appFor, loadFixture, request } from './support.js';

/** The landscape without the audit log (a rejected import is audited, but changes no landscape data). */
const landscape = async (driver: Driver) => (await snapshot(driver)).filter(line => !line.includes('"labels":["AuditEntry"]'));

const suppliers = 'id,naam,land\ns1,Acme B.V.,NL\ns7,Zeta Systemen,NL\n';
const applications = 'id;organisatie;naam;leverancier;kritikaliteit\nx1;gm3;Belastingen;s7;hoog\nx2;gm3;GIS;s1;laag\n';

describe('imports over HTTP', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(() => {
    driver = testDriver();
    app = appFor(driver, { ROER_UPLOAD_LIMIT_MB: '0.01' });
  });
  afterAll(() => driver.close());
  beforeEach(async () => {
    await resetDatabase(driver);
    await loadFixture(driver);
  });

  const upload = (files: Record<string, string | Buffer>, fields: Record<string, string> = {}) => {
    let test = request(app).post('/api/imports');
    for (const [name, value] of Object.entries(fields)) test = test.field(name, value);
    for (const [name, content] of Object.entries(files)) test = test.attach('files', Buffer.from(content), name);
    return test;
  };

  it('when Dutch CSV files are uploaded, then they are imported under the source and the import is audited', async () => {
    const response = await upload({ 'suppliers.csv': suppliers, 'applications.csv': applications }, { source: 'csv:gm3' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ ok: true, source: 'csv:gm3', issues: [] }));
    expect((await nodes(driver, 'Application')).filter(uid => uid.startsWith('app:gm3/'))).toEqual(['app:gm3/x1', 'app:gm3/x2']);
    const audit = await request(app).get('/api/audit');
    expect(audit.body[0]).toEqual(expect.objectContaining({ actor: 'local', action: 'import', object: 'csv:gm3', result: 'ok' }));
    expect(audit.body[0].details.files).toEqual(['suppliers.csv', 'applications.csv']);
  });

  it('when dryRun is set, then the files are validated and nothing is written', async () => {
    const before = await snapshot(driver);
    const response = await upload({ 'suppliers.csv': suppliers, 'applications.csv': applications }, { source: 'csv:gm3', dryRun: 'ja' });
    expect(response.status).toBe(200);
    expect(response.body.dryRun).toBe(true);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the files have errors, then 422 with every issue (file, line, field) and nothing is written', async () => {
    const before = await landscape(driver);
    const response = await upload({ 'applications.csv': 'id,organisation,name,supplier,criticality\nx1,gm3,Belastingen,s1,extreem\nx2,gm3,GIS,nobody,laag\n' }, { source: 'csv:gm3' });
    expect(response.status).toBe(422);
    expect(response.body.ok).toBe(false);
    expect(response.body.issues.map((issue: { file: string; line: number }) => [issue.file, issue.line])).toEqual([
      ['applications.csv', 2],
      ['applications.csv', 3],
    ]);
    expect(await landscape(driver)).toEqual(before);
    const audit = await request(app).get('/api/audit');
    expect(audit.body[0]).toEqual(expect.objectContaining({ action: 'import', object: 'csv:gm3', result: 'rejected: 2 problem(s), nothing written', details: expect.objectContaining({ issues: 2 }) }));
  });

  it('when a file is over the upload limit, then 413 problem+json and nothing is written', async () => {
    const before = await snapshot(driver);
    const big = `id,name\n${Array.from({ length: 2000 }, (_, i) => `s${i},Supplier ${i}`).join('\n')}\n`;
    const response = await upload({ 'suppliers.csv': big });
    expect(response.status).toBe(413);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    expect(await snapshot(driver)).toEqual(before);
  });

  /** The answer's NDJSON lines, parsed. */
  const lines = (test: request.Test) =>
    test.set('Accept', 'application/x-ndjson').buffer(true).parse((res, done) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => done(null, text.trim().split('\n').map(line => JSON.parse(line))));
    });
  type Line = { progress?: { phase: string; done: number; total: number }; status?: number; report?: { ok: boolean; issues: unknown[] }; problem?: { status: number } };

  it('when the client accepts NDJSON, then progress lines come as the import moves, and the report last', async () => {
    const response = await lines(upload({ 'suppliers.csv': suppliers, 'applications.csv': applications }, { source: 'csv:gm3' }));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/x-ndjson/);
    const body = response.body as Line[];
    const progress = body.slice(0, -1).map(line => line.progress!);
    expect(progress.map(step => step.phase).filter((phase, i, all) => phase !== all[i - 1])).toEqual(['validate', 'load', 'cleanup', 'done']);
    expect(progress.some(step => step.phase === 'load' && step.done > 0 && step.done < step.total)).toBe(true);
    expect(progress.slice(1).every(step => step.total === 4 && step.done <= step.total)).toBe(true);
    expect(progress.map(step => step.done)).toEqual([...progress.map(step => step.done)].sort((a, b) => a - b));
    expect(body.at(-1)).toEqual({ status: 200, report: expect.objectContaining({ ok: true, source: 'csv:gm3' }) });
    expect((await nodes(driver, 'Application')).filter(uid => uid.startsWith('app:gm3/'))).toEqual(['app:gm3/x1', 'app:gm3/x2']);
  });

  it('when the client accepts NDJSON and the files have errors, then the last line is the 422 report; an upload over the limit is still a 413 problem', async () => {
    const before = await landscape(driver);
    const rejected = (await lines(upload({ 'applications.csv': 'id,organisation,name,supplier,criticality\nx2,gm3,GIS,nobody,laag\n' }, { source: 'csv:gm3' }))).body as Line[];
    expect(rejected.at(-1)).toEqual({ status: 422, report: expect.objectContaining({ ok: false, issues: [expect.objectContaining({ file: 'applications.csv', line: 2 })] }) });
    expect(await landscape(driver)).toEqual(before);
    const big = `id,name\n${Array.from({ length: 2000 }, (_, i) => `s${i},Supplier ${i}`).join('\n')}\n`;
    const tooLarge = await upload({ 'suppliers.csv': big }).set('Accept', 'application/x-ndjson');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.headers['content-type']).toMatch(/problem\+json/);
  });

  it('when no files are sent or the source name is invalid, then 400', async () => {
    expect((await upload({}, { source: 'csv:gm3' })).status).toBe(400);
    expect((await upload({ 'suppliers.csv': suppliers }, { source: 'has spaces#1' })).status).toBe(400);
  });

  it('when a source is deleted, then its nodes go, nodes another source also asserts stay, and the deletion is audited', async () => {
    await upload({ 'suppliers.csv': suppliers, 'applications.csv': applications }, { source: 'csv:gm3' });
    const response = await request(app).delete(`/api/imports/${encodeURIComponent('csv:gm3')}`);
    expect(response.status).toBe(200);
    expect(response.body.removed.Application).toBe(2);
    const suppliersLeft = await nodes(driver, 'Supplier');
    expect(suppliersLeft).toContain('supplier:s1'); // the fixture asserts it too
    expect(suppliersLeft).not.toContain('supplier:s7');
    expect((await nodes(driver, 'Application')).some(uid => uid.startsWith('app:gm3/'))).toBe(false);
    const audit = await request(app).get('/api/audit');
    expect(audit.body[0]).toEqual(expect.objectContaining({ action: 'delete-source', object: 'csv:gm3', result: 'ok', details: expect.objectContaining({ Application: 2 }) }));
    expect((await request(app).delete('/api/imports/csv%3Anever-imported')).status).toBe(404);
  });
});
