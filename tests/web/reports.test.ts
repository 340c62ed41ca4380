// The report routes over HTTP (supertest, in-process app, real Neo4j): the JSON the report page draws
// and the PDF download.
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { createApp } from '../../server/app.js';
import { Config } from '../../server/config.js';
import { reportPdf } from '../../server/reports/pdf.js';
import { resetDatabase, testDriver } from '../support/db.js';

const landscape = () =>
  Landscape.parse({
    suppliers: [{ id: 's1', name: 'Acme B.V.' }, { id: 's2', name: 'Hostco' }],
    platforms: [{ id: 'p1', name: 'Rekencentrum', type: 'rekencentrum', supplier: 's2', jurisdiction: 'NL' }],
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Zaaksysteem', supplier: 's1', platform: 'p1', criticality: 'hoog' },
      { id: 'a2', organisation: 'gm1', name: 'Makelaar', supplier: 's1', platform: 'p1', criticality: 'kritiek' },
      { id: 'a3', organisation: 'gm1', name: 'Website', supplier: 's2' },
    ],
    interfaces: [{ id: 'i1', organisation: 'gm1', from: 'a2', to: 'a1' }, { id: 'i2', organisation: 'gm1', from: 'a1', to: 'a3' }],
    contracts: [{ id: 'c1', organisation: 'gm1', supplier: 's1', applications: 'a1|a2', end: '31-12-2030', noticeMonths: '6', annualValue: '10000' }],
  });

describe('report routes', () => {
  let driver: Driver;
  const app = () => createApp({ driver, config: Config.parse({ ROER_DEMO: 'none', ROER_AUTH: 'off' }) });
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const report = await importLandscape(driver, landscape(), { source: 'csv:gm1', user: 'test' });
    expect(report.issues).toEqual([]);
  });
  afterAll(() => driver.close());

  it('when a platform report is asked for, then its dependants are the impact rows with their shortest paths', async () => {
    const impact = await request(app()).get('/api/analyses/impact').query({ node: 'platform:p1' });
    const response = await request(app()).get(`/api/reports/${encodeURIComponent('platform:p1')}`);
    expect(response.status).toBe(200);
    expect(response.body.subject).toMatchObject({ uid: 'platform:p1', kind: 'Platform', name: 'Rekencentrum' });
    expect(response.body.dependants.map((row: { uid: string }) => row.uid).sort()).toEqual(impact.body.rows.map((row: { uid: string }) => row.uid).sort());
    // a3 depends on a1 (flow a1 → a3), which runs on p1: two hops.
    expect(response.body.dependants.find((row: { uid: string }) => row.uid === 'app:gm1/a3')).toMatchObject({ hops: 2 });
    expect(response.body.relations).toEqual(expect.arrayContaining([
      { from: 'app:gm1/a3', to: 'app:gm1/a1', type: 'DEPENDS_ON', kind: 'flow' },
      { from: 'app:gm1/a1', to: 'platform:p1', type: 'RUNS_ON' },
    ]));
  });

  it('when a supplier report is asked for, then its contracts come with their end date, and a notice deadline only when they renew automatically', async () => {
    const response = await request(app()).get(`/api/reports/${encodeURIComponent('supplier:s1')}`);
    expect(response.status).toBe(200);
    // c1 has 6 months' notice but no automatic renewal: it ends on 31-12-2030 whatever notice is given.
    expect(response.body.contracts).toEqual([expect.objectContaining({ uid: 'contract:gm1/c1', end: '2030-12-31', autoRenew: false, noticeMonths: 6, noticeDeadline: null })]);
  });

  it('when the PDF is asked for, then a PDF document arrives as a download', async () => {
    const response = await request(app()).get(`/api/reports/${encodeURIComponent('supplier:s1')}.pdf`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it('when a report has more rows than fit on a page, then the PDF has several pages', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ uid: `app:x/${i}`, name: `App ${i}`, kind: 'Application', organisation: 'x', criticality: 'low', hops: 1, path: [`app:x/${i}`, 'supplier:big'], pathNames: [`App ${i}`, 'Big'] }));
    const pdf = await reportPdf({
      subject: { uid: 'supplier:big', kind: 'Supplier', name: 'Big', organisation: null }, generatedAt: '2026-01-01T00:00:00Z', today: '2026-01-01', organisations: { x: 'X' },
      dependants: many, dependencies: [], relations: [], functions: [], contracts: [], lockIn: null, lockInRanking: [], spofs: [], exposure: [], concentration: null,
    });
    expect((pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('when the subject does not exist, then 404 as problem+json', async () => {
    const response = await request(app()).get(`/api/reports/${encodeURIComponent('supplier:nope')}`);
    expect(response.status).toBe(404);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
  });
});
