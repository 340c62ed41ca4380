// ROER_AUTH=token: every endpoint except health, readiness and the OpenAPI document needs a token,
// and every write needs its role. The list of endpoints comes from the OpenAPI document, so a new
// route is checked without anyone remembering to add it here.
import type { Driver } from 'neo4j-driver';
import { SEED_TOKEN_NAME, hashToken, seedAdminToken } from '../../server/auth.js';
import { read } from '../../server/neo4j.js';
import { query } from '../../server/queries.js';
import { applySchema } from '../../server/schema.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, loadFixture, request, sourceNodes } from './support.js';

const ADMIN = 'test-admin-token-0123456789';
const LOWER: Record<string, string | undefined> = { viewer: undefined, editor: 'viewer', admin: 'editor' };

type Operation = { method: string; path: string; role?: string };

describe('access control', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  const tokens: Record<string, string> = { admin: ADMIN };
  let operations: Operation[];

  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await loadFixture(driver);
    await seedAdminToken(driver, ADMIN);
    app = appFor(driver, { ROER_AUTH: 'token' });
    for (const role of ['viewer', 'editor']) {
      const created = await request(app).post('/api/tokens').set('authorization', `Bearer ${ADMIN}`).send({ name: `${role}-token`, role });
      expect(created.status).toBe(201);
      tokens[role] = created.body.token;
    }
    const spec = (await request(app).get('/api/openapi.json')).body as { paths: Record<string, Record<string, { 'x-roer-role'?: string }>> };
    operations = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ method, path: path.replace(/\{\w+\}/g, 'x'), role: operation['x-roer-role'] })),
    );
  });
  afterAll(() => driver.close());

  const call = (operation: Operation, token?: string) => {
    const test = (request(app) as unknown as Record<string, (path: string) => request.Test>)[operation.method](operation.path);
    return token ? test.set('authorization', `Bearer ${token}`) : test;
  };

  it('when tokens are stored, then only their sha256 hash is in the database, on :ApiToken nodes outside the landscape', async () => {
    const rows = await read<{ name: string; hash: string; entity: boolean }>(driver, 'MATCH (t:ApiToken) RETURN t.name AS name, t.hash AS hash, t:Entity AS entity ORDER BY name');
    expect(rows.map(row => row.name)).toEqual([SEED_TOKEN_NAME, 'editor-token', 'viewer-token']);
    expect(rows.find(row => row.name === SEED_TOKEN_NAME)?.hash).toBe(hashToken(ADMIN));
    expect(rows.every(row => !row.entity)).toBe(true);
    const text = JSON.stringify(rows);
    for (const token of Object.values(tokens)) expect(text).not.toContain(token);
  });

  it('when a protected endpoint is called without a token, then 401 — for every endpoint', async () => {
    const protectedOnes = operations.filter(operation => operation.role);
    expect(protectedOnes.length).toBeGreaterThan(15);
    for (const operation of protectedOnes) {
      const response = await call(operation);
      expect([operation.method, operation.path, response.status]).toEqual([operation.method, operation.path, 401]);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('when an unknown or malformed token is sent, then 401', async () => {
    expect((await request(app).get('/api/organisations').set('authorization', 'Bearer not-a-token')).status).toBe(401);
    expect((await request(app).get('/api/organisations').set('authorization', 'Basic abc')).status).toBe(401);
  });

  it('when an endpoint is called with a role one step too low, then 403 — for every editor and admin endpoint', async () => {
    const writes = operations.filter(operation => operation.role && LOWER[operation.role]);
    expect(writes.map(operation => `${operation.method} ${operation.path}`).sort()).toEqual(
      expect.arrayContaining(['post /api/imports', 'delete /api/imports/x', 'post /api/tokens', 'get /api/tokens', 'delete /api/tokens/x', 'get /api/audit', 'get /api/settings/lock-in-weights', 'put /api/settings/lock-in-weights']),
    );
    for (const operation of writes) {
      const response = await call(operation, tokens[LOWER[operation.role!]!]);
      expect([operation.method, operation.path, response.status]).toEqual([operation.method, operation.path, 403]);
    }
  });

  it('when the public endpoints are called without a token, then they answer', async () => {
    for (const path of ['/api/health', '/api/ready', '/api/openapi.json']) expect((await request(app).get(path)).status).toBe(200);
  });

  it('when a viewer reads, then the read endpoints answer 200', async () => {
    for (const path of ['/api/organisations', '/api/analyses', '/api/graph', '/api/search?q=acme', '/api/imports', '/api/nodes/app%3Agm1%2Fa1', '/api/analyses/data-quality']) {
      const response = await request(app).get(path).set('authorization', `Bearer ${tokens.viewer}`);
      expect([path, response.status]).toEqual([path, 200]);
    }
  });

  it('when an editor uploads, then the import runs (the role suffices)', async () => {
    const response = await request(app)
      .post('/api/imports')
      .set('authorization', `Bearer ${tokens.editor}`)
      .field('dryRun', 'true')
      .field('source', 'csv:leveranciers')
      .attach('files', Buffer.from('id,name\ns9,Nieuw B.V.\n'), 'suppliers.csv');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.objectContaining({ ok: true, dryRun: true }));
  });

  it('when an import would remove more than it may, then it needs confirming, and confirming needs the admin role as deleting does', async () => {
    const before = await sourceNodes(driver);
    const headerOnly = (token: string, allowRemovals?: string) => {
      const upload = request(app).post('/api/imports').set('authorization', `Bearer ${token}`).field('source', 'csv:fixture');
      return (allowRemovals ? upload.field('allowRemovals', allowRemovals) : upload).attach('files', Buffer.from('id,organisation,name,supplier\na1,gm1,Zaaksysteem Noord,s1\n'), 'applications.csv');
    };
    const refused = await headerOnly(tokens.editor);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ ok: false, confirmationNeeded: true, removals: { needsConfirmation: 'share', kinds: [{ label: 'Application', asserted: 5, removing: 4 }] } });
    const editor = await headerOnly(tokens.editor, 'true');
    expect(editor.status).toBe(403);
    expect(editor.body.detail).toContain("needs the role 'admin'");
    expect(await sourceNodes(driver)).toEqual(before);
    const admin = await headerOnly(ADMIN, 'ja');
    expect(admin.status).toBe(200);
    expect(admin.body.tables.applications.removed).toBe(4);
    expect((await sourceNodes(driver)).filter(uid => uid.startsWith('app:'))).toEqual(['app:gm1/a1']);
    await loadFixture(driver);
  });

  it('when an admin manages tokens, then create, list and revoke work and a revoked token is refused', async () => {
    const auth = { authorization: `Bearer ${ADMIN}` };
    const created = await request(app).post('/api/tokens').set(auth).send({ name: 'temporary', role: 'viewer' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^roer_/);
    expect((await request(app).post('/api/tokens').set(auth).send({ name: 'temporary', role: 'viewer' })).status).toBe(400);
    expect((await request(app).post('/api/tokens').set(auth).send({ name: 'bad', role: 'superuser' })).status).toBe(400);
    const list = await request(app).get('/api/tokens').set(auth);
    expect(list.body.map((token: { name: string }) => token.name)).toContain('temporary');
    expect(JSON.stringify(list.body)).not.toContain('hash');
    expect((await request(app).get('/api/organisations').set('authorization', `Bearer ${created.body.token}`)).status).toBe(200);
    expect((await request(app).delete('/api/tokens/temporary').set(auth)).status).toBe(204);
    expect((await request(app).delete('/api/tokens/temporary').set(auth)).status).toBe(404);
    expect((await request(app).get('/api/organisations').set('authorization', `Bearer ${created.body.token}`)).status).toBe(401);
  });

  it('when a token is revoked through another server process, then this one refuses it at once (its lookups are kept per database version)', async () => {
    const auth = { authorization: `Bearer ${ADMIN}` };
    const created = await request(app).post('/api/tokens').set(auth).send({ name: 'elsewhere', role: 'viewer' });
    const bearer = { authorization: `Bearer ${created.body.token}` };
    for (let i = 0; i < 3; i++) expect((await request(app).get('/api/organisations').set(bearer)).status).toBe(200);
    const otherDriver = testDriver();
    try {
      const other = appFor(otherDriver, { ROER_AUTH: 'token' });
      expect((await request(other).delete('/api/tokens/elsewhere').set(auth)).status).toBe(204);
    } finally {
      await otherDriver.close();
    }
    expect((await request(app).get('/api/organisations').set(bearer)).status).toBe(401);
  });

  it('when an admin reads and changes lock-in weights, then the new weights are in force and bad ones are refused', async () => {
    const auth = { authorization: `Bearer ${ADMIN}` };
    const before = await request(app).get('/api/settings/lock-in-weights').set(auth);
    expect(before.status).toBe(200);
    expect(before.body.weights).toEqual(expect.any(Object));
    const factor = Object.keys(before.body.weights)[0];
    const changed = await request(app).put('/api/settings/lock-in-weights').set(auth).send({ weights: { [factor]: 42 } });
    expect(changed.status).toBe(200);
    expect(changed.body.weights[factor]).toBe(42);
    expect((await request(app).put('/api/settings/lock-in-weights').set(auth).send({ weights: { noSuchFactor: 1 } })).status).toBe(400);
    await request(app).put('/api/settings/lock-in-weights').set(auth).send(before.body);
  });
});

describe('API tokens under load and after an upgrade', () => {
  const ADMIN = 'guard-test-admin-token-0123';
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await seedAdminToken(driver, ADMIN);
    app = appFor(driver, { ROER_AUTH: 'token' });
  });
  afterAll(() => driver.close());

  const names = async () => (await read<{ name: string }>(driver, 'MATCH (t:ApiToken) RETURN t.name AS name ORDER BY name')).map(row => row.name);

  it('when two requests create a token with one name at the same moment, then exactly one gets 201 and the other 400', async () => {
    const create = (name: string) => request(app).post('/api/tokens').set('authorization', `Bearer ${ADMIN}`).send({ name, role: 'viewer' });
    for (let round = 0; round < 8; round++) {
      const responses = await Promise.all([create(`twin-${round}`), create(`twin-${round}`)]);
      expect(responses.map(response => response.status).sort()).toEqual([201, 400]);
      expect(responses.find(response => response.status === 400)!.body.detail).toContain(`'twin-${round}' already exists`);
    }
    const all = await names();
    expect(all.filter(name => name.startsWith('twin-'))).toEqual(Array.from({ length: 8 }, (_, round) => `twin-${round}`));
  });

  it('when a token is looked up, then the plan is a seek on the unique hash index, not a scan of the tokens', async () => {
    const { summary } = await driver.executeQuery(`EXPLAIN ${query('api/token-find').text}`, { hash: 'x' });
    const operators: string[] = [];
    const walk = (plan: { operatorType: string; children: unknown[] }) => {
      operators.push(plan.operatorType);
      for (const child of plan.children) walk(child as typeof plan);
    };
    walk(summary.plan as unknown as { operatorType: string; children: unknown[] });
    expect(operators.some(operator => operator.startsWith('NodeUniqueIndexSeek'))).toBe(true);
    expect(operators.some(operator => /LabelScan|AllNodesScan/.test(operator))).toBe(false);
  });

  it('when tokens share a name from before the constraint, then the schema keeps both under distinct names and then holds', async () => {
    await driver.executeQuery('DROP CONSTRAINT api_token_name');
    await driver.executeQuery("UNWIND [1, 2, 3] AS i CREATE (:ApiToken {name: 'old twin', hash: 'old-hash-' + i, role: 'viewer'})");
    await applySchema(driver);
    expect((await names()).filter(name => name.startsWith('old twin'))).toEqual(['old twin', 'old twin (duplicate 1)', 'old twin (duplicate 2)']);
    await expect(driver.executeQuery("CREATE (:ApiToken {name: 'old twin', hash: 'old-hash-4'})")).rejects.toThrow(/already exists/);
  });
});
