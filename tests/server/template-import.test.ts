// The blank template (GET /api/exports/template.xlsx) as a user sends it back: untouched, it is
// "nothing to import" with what to do, and nothing is written; filled in on some sheets and the
// others left as they came (not deleted), the filled sheets import and the empty ones keep what the
// source has.
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import { resetDatabase, snapshot, testDriver } from '../support/db.js';
import { appFor, request } from './support.js';

const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});

describe('the blank template imported as it comes', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  let template: Buffer;
  beforeAll(async () => {
    driver = testDriver();
    app = appFor(driver);
    template = (await binary(request(app).get('/api/exports/template.xlsx'))).body;
  });
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when the untouched template is imported, then it is nothing to import, says what to fill in, and writes nothing', async () => {
    const before = await snapshot(driver);
    for (const dryRun of ['true', 'false']) {
      const response = await request(app).post('/api/imports').field('source', 'xlsx:gm0363').field('dryRun', dryRun).attach('files', template, 'roer-invulsjabloon.xlsx');
      expect(response.status).toBe(400);
      expect(response.body.detail).toMatch(/^Nothing to import \/ niets te importeren: roer-invulsjabloon\.xlsx has no rows below the headers/);
      expect(response.body.detail).toContain('vul minstens één tabblad in');
      expect(response.body.detail).not.toMatch(/header but no rows|alleen een kopregel/);
    }
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when two sheets are filled in and the other three left empty, then the two import and the empty ones are not problems', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template as never);
    workbook.getWorksheet('leveranciers')!.addRow(['lev-1', 'Acme Software B.V.', '', 'NL']);
    workbook.getWorksheet('applicaties')!.addRow(['app-1', 'gm0363', 'Zaaksysteem', 'lev-1', '', '', 'hoog', 'ja']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const response = await request(app).post('/api/imports').field('source', 'xlsx:gm0363').attach('files', filled, 'roer-invulsjabloon.xlsx');
    expect(response.status).toBe(200);
    expect(response.body.issues).toEqual([]);
    expect(response.body.tables.applications).toEqual(expect.objectContaining({ read: 1, created: 1 }));
    expect(response.body.tables.suppliers).toEqual(expect.objectContaining({ read: 1, created: 1 }));
    expect(response.body.tables.contracts).toEqual(expect.objectContaining({ read: 0, created: 0 }));
    expect(await read(driver, 'MATCH (s:Supplier)-[:SUPPLIES]->(a:Application) RETURN s.name AS supplier, a.name AS application')).toEqual([{ supplier: 'Acme Software B.V.', application: 'Zaaksysteem' }]);
  });
});
