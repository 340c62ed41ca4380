// Hostile and broken uploads over HTTP: each answered with 400/413/422 naming the file and where, never
// a 500, and nothing written.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { ameffNested, ameffWithAttribute, xlsxBomb } from '../../bench/bomb-files.js';
import { postMultipart } from '../../bench/bombs.js';
import { resetDatabase, snapshot, testDriver } from '../support/db.js';
import { appFor, loadFixture } from './support.js';

const KB = 1024;
/** The landscape without the audit log (a rejected import is audited, but changes no landscape data). */
const landscape = async (driver: Driver) => (await snapshot(driver)).filter(line => !line.includes('"labels":["AuditEntry"]'));
const rows = (bytes: number) => `id,name\n${'s1,Acme B.V.\n'.repeat(Math.ceil(bytes / 12))}`;

describe('upload limits and broken files over HTTP', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  let small: ReturnType<typeof appFor>;
  let server: Server;
  let base: string;
  let before: string[];
  beforeAll(async () => {
    driver = testDriver();
    app = appFor(driver);
    small = appFor(driver, { ROER_UPLOAD_LIMIT_MB: String((40 * KB) / (1024 * KB)), ROER_UPLOAD_TOTAL_LIMIT_MB: String((60 * KB) / (1024 * KB)) });
    server = small.listen(0, '127.0.0.1');
    await new Promise(done => server.once('listening', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await resetDatabase(driver);
    await loadFixture(driver);
    before = await landscape(driver);
  });
  afterAll(async () => {
    await new Promise(done => server.close(done));
    await driver.close();
  });
  afterEach(async () => expect(await landscape(driver)).toEqual(before));

  const upload = (files: Record<string, string | Buffer>, fields: Record<string, string> = {}, to = app) => {
    let test = request(to).post('/api/imports').set('X-Roer-Request', '1');
    for (const [name, value] of Object.entries(fields)) test = test.field(name, value);
    for (const [name, content] of Object.entries(files)) test = test.attach('files', Buffer.from(content), name);
    return test;
  };

  it('when the files of one upload are each within the limit but together over it, then 413 as they stream in', async () => {
    const parts = ['a', 'b'].map(prefix => ({ field: 'files', filename: `${prefix}-suppliers.csv`, bytes: Buffer.from(rows(35 * KB)) }));
    const answer = await postMultipart(base, '/api/imports', parts, true);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).detail).toBe('b-suppliers.csv: the files of this upload together are more than the 0.06 MB accepted per request / de upload is te groot');
  });

  it('when a request declares a body over the total limit, then 413 before it is read', async () => {
    const response = await upload({ 'a-suppliers.csv': rows(35 * KB), 'b-suppliers.csv': rows(35 * KB) }, {}, small);
    expect(response.status).toBe(413);
    expect(response.body.detail).toMatch(/^The upload is 0\.07 MB, more than the 0\.06 MB accepted per request/);
  });

  it('when one file is over the per-file limit or there are too many files, then 413 naming the file or the count', async () => {
    const big = await postMultipart(base, '/api/imports', [{ field: 'files', filename: 'leveranciers.csv', bytes: Buffer.from(rows(45 * KB)) }], true);
    expect([big.status, JSON.parse(big.body).detail]).toEqual([413, 'leveranciers.csv: larger than the 0.04 MB accepted per file / bestand te groot']);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`gm${i}-suppliers.csv`, 'id,name\n']));
    expect((await upload(many, {}, small)).body.detail).toBe('More than 20 files in one upload / te veel bestanden');
  });

  it('when the multipart form itself is cut off or has no boundary, then 400 (was 500)', async () => {
    const cut = (field: string) => `--xyz\r\nContent-Disposition: form-data; name="${field}"; filename="suppliers.csv"\r\n\r\nid,name\n`;
    for (const [path, field] of [['/api/imports', 'files'], ['/api/imports/archimate', 'file']]) {
      const response = await request(app).post(path).set('X-Roer-Request', '1').set('Content-Type', 'multipart/form-data; boundary=xyz').send(cut(field));
      expect([response.status, response.body.detail]).toEqual([400, 'The upload is not a readable multipart form (Unexpected end of form) / onleesbaar formulier']);
    }
    const unbounded = await request(app).post('/api/imports').set('X-Roer-Request', '1').set('Content-Type', 'multipart/form-data').send('garbage');
    expect(unbounded.status).toBe(400);
  });

  it('when an XLSX upload is a zip bomb, then 400 naming the file', async () => {
    const response = await upload({ 'leveranciers.xlsx': await xlsxBomb({ inflatedBytes: 100 * KB * KB, declaredBytes: 5000 }) });
    expect(response.status).toBe(400);
    expect(response.body.detail).toBe('leveranciers.xlsx: part xl/worksheets/sheet1.xml unpacks to more than the 5000 bytes it declares: the archive is damaged or forged');
  });

  it.each([
    ['an attribute of 2 MB', ameffWithAttribute(2 * KB * KB), 'model.xml:5:66: an attribute value of more than 100000 bytes'],
    ['10,000 levels of nesting', ameffNested(10_000), 'model.xml:6:604: elements nested more than 100 deep'],
  ])('when an AMEFF upload holds %s, then 400 with its line and column (was 500 for the nesting)', async (_what, file, message) => {
    const response = await request(app).post('/api/imports/archimate').set('X-Roer-Request', '1').field('organisation', 'gm1').attach('file', file, 'model.xml');
    expect(response.status).toBe(400);
    expect(response.body.detail).toContain(message);
  });

  it.each(['2026-02-31', '2026-13-45'])('when a contract ends on %s, then the dry run and the import both answer 422 with file, line and field', async end => {
    const files = { 'suppliers.csv': 'id,name\ns9,Negen\n', 'contracts.csv': `id,organisation,supplier,applications,end\nc9,gm1,s9,,${end}\n` };
    for (const dryRun of ['true', 'false']) {
      const response = await upload(files, { source: 'csv:dates', dryRun });
      expect(response.status).toBe(422);
      expect(response.body.issues).toEqual([expect.objectContaining({ file: 'contracts.csv', line: 2, column: 'end', field: 'end', value: end, expected: expect.stringMatching(/^a date such as 2026-12-31 or 31-12-2026 that exists \(/) })]);
    }
  });

  it('when a CSV upload has an unclosed quote or stray Windows-1252 bytes, then 400 or 422 says where', async () => {
    const quote = await upload({ 'suppliers.csv': 'id,name\ns1,"Acme\ns2,Beta\n' });
    expect([quote.status, quote.body.detail]).toEqual([400, expect.stringMatching(/^suppliers\.csv:2, column 2 \(name\): not readable as CSV: the quote opens a cell that is never closed/)]);
    const mixed = await upload({ 'suppliers.csv': Buffer.concat([Buffer.from('id,name\ns1,Société\ns2,Caf'), Buffer.from([0xe9]), Buffer.from('\n')]) }, { source: 'csv:mixed' });
    expect(mixed.status).toBe(422);
    expect(mixed.body.issues).toEqual([expect.objectContaining({ file: 'suppliers.csv', line: 3, column: 'name', message: expect.stringContaining('byte 0xE9') })]);
  });
});
