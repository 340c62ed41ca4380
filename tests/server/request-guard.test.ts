// Requests from elsewhere are refused (server/request-guard.ts): a change without `X-Roer-Request: 1`,
// with another Origin or a cross-site Sec-Fetch-Site, and any request for a host name that is not the
// server's. Over real HTTP (the server listens, so Origin can name its real port) against the real Neo4j.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import supertest from 'supertest';
import { resetDatabase, snapshot, testDriver } from '../support/db.js';
import { appFor, loadFixture, request, sourceNodes } from './support.js';

/** What the security review sent: a valid import under the fixture's source, which would replace all it asserted. */
const ATTACK = { source: 'csv:fixture', file: 'suppliers.csv', content: 'id,name\ns9,Evil B.V.\n' };

const listen = (app: ReturnType<typeof appFor>) =>
  new Promise<Server>(resolve => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
  });
const close = (server: Server) => new Promise(resolve => server.close(resolve));

describe('requests from elsewhere (auth off)', () => {
  let driver: Driver;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    driver = testDriver();
    server = await listen(appFor(driver));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await close(server);
    await driver.close();
  });
  beforeEach(async () => {
    await resetDatabase(driver);
    await loadFixture(driver);
  });

  const attack = (headers: Record<string, string>, allowRemovals = false) =>
    supertest(base).post('/api/imports').set(headers).field('source', ATTACK.source).field('allowRemovals', String(allowRemovals)).attach('files', Buffer.from(ATTACK.content), ATTACK.file);

  it('when an import comes from a page elsewhere, then 403 problem+json and the source keeps every node', async () => {
    const before = await snapshot(driver);
    const nodes = await sourceNodes(driver);
    expect(nodes.length).toBeGreaterThan(10);
    const refusals: [string, Record<string, string>, RegExp][] = [
      ['no header (a form, a no-cors fetch)', {}, /X-Roer-Request: 1/],
      ['Origin elsewhere', { Origin: 'http://evil.example', 'X-Roer-Request': '1' }, /another origin/],
      ['Origin on another port', { Origin: 'http://127.0.0.1:1', 'X-Roer-Request': '1' }, /another origin/],
      ['Origin null (a sandboxed frame)', { Origin: 'null', 'X-Roer-Request': '1' }, /another origin/],
      ['Sec-Fetch-Site cross-site', { 'Sec-Fetch-Site': 'cross-site', 'X-Roer-Request': '1' }, /another site/],
      ['Sec-Fetch-Site same-site', { 'Sec-Fetch-Site': 'same-site', 'X-Roer-Request': '1' }, /another site/],
      ['header with another value', { 'X-Roer-Request': 'yes' }, /X-Roer-Request: 1/],
    ];
    for (const [name, headers, detail] of refusals) {
      const response = await attack(headers);
      expect([name, response.status, response.headers['content-type']]).toEqual([name, 403, expect.stringMatching(/problem\+json/)]);
      expect(response.body).toEqual(expect.objectContaining({ status: 403, type: expect.stringMatching(/#problem-cross-site$/), detail: expect.stringMatching(detail) }));
      expect(response.body.detail).toMatch(/Geweigerd|moeten/);
    }
    expect(await sourceNodes(driver)).toEqual(nodes);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the same import comes from the page itself, or from a script that sends the header, then it runs (and, confirmed, replaces the source\'s suppliers)', async () => {
    const nodes = await sourceNodes(driver);
    const suppliersOf = async () => (await sourceNodes(driver)).filter(uid => uid.startsWith('supplier:'));
    const ways: Record<string, string>[] = [{ Origin: base, 'Sec-Fetch-Site': 'same-origin', 'X-Roer-Request': '1' }, { 'X-Roer-Request': '1' }];
    for (const headers of ways) {
      // Through the cross-site check; then the import would remove every supplier of the source, so it asks first.
      const unconfirmed = await attack(headers);
      expect(unconfirmed.status).toBe(409);
      expect(await sourceNodes(driver)).toEqual(nodes);
      const confirmed = await attack(headers, true);
      expect(confirmed.status).toBe(200);
      expect(await suppliersOf()).toEqual(['supplier:s9']);
      await resetDatabase(driver);
      await loadFixture(driver);
    }
  });

  it('when PUT, DELETE and token creation come without the header or from elsewhere, then 403 and nothing changes', async () => {
    const before = await snapshot(driver);
    const weights = (await supertest(base).get('/api/settings/lock-in-weights')).body;
    const changes: Record<string, () => supertest.Test> = {
      'PUT weights': () => supertest(base).put('/api/settings/lock-in-weights').send({ weights: { [Object.keys(weights.weights)[0]]: 99 } }),
      'DELETE source': () => supertest(base).delete('/api/imports/csv%3Afixture'),
      'POST token': () => supertest(base).post('/api/tokens').send({ name: 'planted', role: 'admin' }),
      'DELETE token': () => supertest(base).delete('/api/tokens/anything'),
    };
    for (const [name, change] of Object.entries(changes)) {
      for (const headers of [{}, { Origin: 'http://evil.example', 'X-Roer-Request': '1' }, { 'Sec-Fetch-Site': 'cross-site', 'X-Roer-Request': '1' }]) {
        expect([name, headers, (await change().set(headers)).status]).toEqual([name, headers, 403]);
      }
    }
    expect((await supertest(base).get('/api/settings/lock-in-weights')).body).toEqual(weights);
    expect(await snapshot(driver)).toEqual(before);
    // The same delete from the page itself goes through.
    expect((await supertest(base).delete('/api/imports/csv%3Afixture').set({ Origin: base, 'X-Roer-Request': '1' })).status).toBe(200);
    expect(await sourceNodes(driver)).toEqual([]);
  });

  it('when the Host header is not one of the server names (DNS rebinding), then 421 for reads and writes alike, and nothing changes', async () => {
    const before = await snapshot(driver);
    for (const path of ['/api/health', '/api/organisations', '/api/tokens', '/']) {
      const response = await supertest(base).get(path).set('Host', `attacker.example:${new URL(base).port}`);
      expect([path, response.status]).toEqual([path, 421]);
      expect(response.body).toEqual(expect.objectContaining({ type: expect.stringMatching(/#problem-unknown-host$/), detail: expect.stringContaining('ROER_ALLOWED_HOSTS') }));
    }
    expect((await attack({ Host: 'attacker.example', 'X-Roer-Request': '1' })).status).toBe(421);
    for (const host of ['', 'localhost:3000@attacker.example', 'attacker.example/localhost']) {
      expect([host, (await supertest(base).get('/api/health').set('Host', host)).status]).toEqual([host, 421]);
    }
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the Host is loopback by any name, on any port, then it answers', async () => {
    for (const host of ['localhost', 'localhost:3000', 'LOCALHOST:8080', '127.0.0.1', '[::1]:3000']) {
      expect([host, (await supertest(base).get('/api/organisations').set('Host', host)).status]).toEqual([host, 200]);
    }
  });

  it('when a multipart body is malformed, then 400 problem+json (not 500) and nothing changes', async () => {
    const before = await snapshot(driver);
    const part = (boundary: string) => `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="suppliers.csv"\r\nContent-Type: text/csv\r\n\r\nid,name\ns9,Evil\r\n`;
    const bodies: [string, string][] = [
      ['multipart/form-data; boundary=xyz', `${part('xyz')}`], // never closed
      ['multipart/form-data; boundary=xyz', '--xyz\r\nno headers here\r\n\r\n--xyz--\r\n'],
      ['multipart/form-data', `${part('xyz')}--xyz--\r\n`], // no boundary
    ];
    for (const [type, body] of bodies) {
      const response = await request(base).post('/api/imports').set('Content-Type', type).send(body);
      expect([type, response.status, response.headers['content-type']]).toEqual([type, 400, expect.stringMatching(/problem\+json/)]);
      expect(response.body.detail).toMatch(/not a readable multipart form/);
    }
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when a route is described in the OpenAPI document, then every change requires the X-Roer-Request header and no read does', async () => {
    const { paths } = (await supertest(base).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { parameters: { name: string; in: string; required: boolean }[]; responses: Record<string, unknown> }>> };
    const operations = Object.entries(paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ method, path, operation })));
    const changes = operations.filter(({ method }) => method !== 'get');
    expect(changes.map(({ method, path }) => `${method} ${path}`)).toEqual(expect.arrayContaining(['post /api/imports', 'delete /api/imports/{source}', 'post /api/tokens', 'put /api/settings/lock-in-weights']));
    for (const { method, path, operation } of operations) {
      const header = operation.parameters.find(parameter => parameter.in === 'header' && parameter.name === 'X-Roer-Request');
      expect([method, path, header?.required ?? false]).toEqual([method, path, method !== 'get']);
      expect(Object.keys(operation.responses)).toContain('421');
      if (method !== 'get') expect(Object.keys(operation.responses)).toContain('403');
    }
  });
});

describe('allowed host names', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());

  const status = async (env: Record<string, string>, host: string) => (await supertest(appFor(driver, env)).get('/api/health').set('Host', host)).status;

  it('when ROER_ALLOWED_HOSTS or a specific HOST names the server, then those names are answered and others are not', async () => {
    const names = { ROER_ALLOWED_HOSTS: 'roer.gemeente.nl, 10.0.0.5' };
    expect(await status(names, 'roer.gemeente.nl')).toBe(200);
    expect(await status(names, 'ROER.gemeente.nl:8443')).toBe(200);
    expect(await status(names, '10.0.0.5:3000')).toBe(200);
    expect(await status(names, 'gemeente.nl')).toBe(421);
    expect(await status(names, 'evil.roer.gemeente.nl')).toBe(421);
    expect(await status({ HOST: '10.1.2.3', ROER_AUTH: 'token' }, '10.1.2.3:3000')).toBe(200);
    expect(await status({ HOST: 'roer-server', ROER_AUTH: 'token' }, 'roer-server')).toBe(200);
    // Every interface is not a name: who binds 0.0.0.0 lists the names people use.
    expect(await status({ HOST: '0.0.0.0', ROER_AUTH: 'token' }, '0.0.0.0:3000')).toBe(421);
    expect(await status({ HOST: '0.0.0.0', ROER_AUTH: 'token' }, 'roer.gemeente.nl')).toBe(421);
  });
});
