// ArchiMate over HTTP: export an organisation for Archi, import the file back, refuse unsafe XML.
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import { fixture as archimateFixture } from '../archimate/support.js';
import { resetDatabase, snapshot, testDriver } from '../support/db.js';
import { appFor, loadFixture, request } from './support.js';

describe('ArchiMate API', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(() => {
    driver = testDriver();
    app = appFor(driver);
  });
  afterAll(() => driver.close());
  beforeEach(async () => {
    await resetDatabase(driver);
    await loadFixture(driver);
  });

  it('when an organisation is exported, then an AMEFF file naming its applications downloads', async () => {
    const response = await request(app).get('/api/exports/ameff?organisation=gm1');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/xml/);
    expect(response.headers['content-disposition']).toContain('roer-gm1.xml');
    expect(response.text).toContain('http://www.opengroup.org/xsd/archimate/3.0/');
    expect(response.text).toContain('Zaaksysteem Noord');
    expect(response.text).not.toContain('Zaakregie Zuid'); // gm2's application
  });

  it('when no organisation is named, then the export is refused with 400', async () => {
    expect((await request(app).get('/api/exports/ameff')).status).toBe(400);
  });

  it('when the exported file is imported for another organisation, then its applications appear there', async () => {
    const xml = (await request(app).get('/api/exports/ameff?organisation=gm1')).text;
    const response = await request(app).post('/api/imports/archimate').field('organisation', 'gm9').attach('file', Buffer.from(xml), 'gm1.xml');
    expect(response.status).toBe(200);
    const names = await read<{ name: string }>(driver, "MATCH (a:Application {organisation: 'gm9'}) RETURN a.name AS name ORDER BY name");
    expect(names.map(row => row.name)).toEqual(expect.arrayContaining(['Zaaksysteem Noord', 'Makelaar', 'Basisregistratie Personen']));
  });

  it('when an XXE file is uploaded, then it is refused and nothing changes', async () => {
    const before = await snapshot(driver);
    const response = await request(app).post('/api/imports/archimate').field('organisation', 'gm9').attach('file', readFileSync(archimateFixture('xxe.xml')), 'xxe.xml');
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/DTD|entity/i);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when a model with generic elements is imported, then the explorer graph leaves them out unless asked for', async () => {
    const upload = await request(app).post('/api/imports/archimate').field('organisation', 'gm9').attach('file', readFileSync(archimateFixture('landscape.xml')), 'landscape.xml');
    expect(upload.status).toBe(200);
    const kinds = (response: request.Response) => new Set((response.body.nodes as { kind: string }[]).map(node => node.kind));
    const standard = await request(app).get('/api/graph?organisation=gm9&aggregate=none');
    expect(kinds(standard).has('Element')).toBe(false);
    expect(kinds(standard).has('Application')).toBe(true);
    const asked = await request(app).get('/api/graph?organisation=gm9&aggregate=none&kinds=Element');
    expect(kinds(asked)).toEqual(new Set(['Element']));
  });

  it('when the organisation field is missing, then the upload is refused with 400', async () => {
    const response = await request(app).post('/api/imports/archimate').attach('file', readFileSync(archimateFixture('landscape.xml')), 'landscape.xml');
    expect(response.status).toBe(400);
  });
});
