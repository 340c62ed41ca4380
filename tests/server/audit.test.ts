// The audit log: one entry per write with actor, action, object, result, time and origin, refused and
// failed writes too, from HTTP and the CLI; and its hash chain, which concurrent writers keep whole and
// `npm run audit -- verify` checks.
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { appendAudit, listAudit, verifyAudit, type AuditEntry } from '../../server/audit.js';
import { seedAdminToken } from '../../server/auth.js';
import { read, write } from '../../server/neo4j.js';
import { fixture as archimateFixture } from '../archimate/support.js';
import { fixtureDir } from '../importers/support.js';
import { runImportCli, runScript } from '../support/cli.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, loadFixture } from './support.js';

const ADMIN = 'audit-admin-token-0123456789';
const ADMIN_NAME = 'admin (ROER_ADMIN_TOKEN)';
const entries = (driver: Driver) => read<{ seq: number; action: string; object: string; result: string }>(driver, 'MATCH (e:AuditEntry) RETURN e.seq AS seq, e.action AS action, e.object AS object, e.result AS result ORDER BY seq');
const latest = async (driver: Driver): Promise<AuditEntry> => (await listAudit(driver, 1))[0];
const verifyCli = () => runScript('scripts/audit.ts', ['verify']);

describe('audit log', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(async () => {
    await resetDatabase(driver);
    await loadFixture(driver);
  });

  describe('over HTTP with tokens', () => {
    let app: ReturnType<typeof appFor>;
    const admin = { authorization: `Bearer ${ADMIN}`, 'x-roer-request': '1', 'user-agent': 'audit-test/1.0' };
    beforeAll(() => (app = appFor(driver, { ROER_AUTH: 'token' })));
    beforeEach(() => seedAdminToken(driver, ADMIN));

    it('when each kind of write succeeds, then each adds exactly one entry naming the token, the action, its object, ok, the time and the client', async () => {
      const writes: [string, () => request.Test, string][] = [
        ['token-create', () => request(app).post('/api/tokens').set(admin).send({ name: 'reader', role: 'viewer' }), 'reader'],
        ['token-delete', () => request(app).delete('/api/tokens/reader').set(admin), 'reader'],
        ['settings-change', () => request(app).put('/api/settings/lock-in-weights').set(admin).send({ weights: { outsideEu: 30 } }), 'lock-in-weights'],
        ['settings-change', () => request(app).delete('/api/settings/lock-in-weights').set(admin), 'lock-in-weights'],
        ['import', () => request(app).post('/api/imports').set(admin).field('source', 'csv:gm7').attach('files', Buffer.from('id,name\ns9,Nieuw B.V.\n'), 'suppliers.csv'), 'csv:gm7'],
        ['delete-source', () => request(app).delete('/api/imports/csv%3Agm7').set(admin), 'csv:gm7'],
      ];
      for (const [action, send, object] of writes) {
        const before = (await entries(driver)).length;
        const started = Date.now();
        const response = await send();
        expect([action, response.status < 300]).toEqual([action, true]);
        expect((await entries(driver)).length).toBe(before + 1);
        const entry = await latest(driver);
        expect(entry).toEqual(expect.objectContaining({ seq: before + 1, actor: ADMIN_NAME, action, object, result: 'ok' }));
        expect(entry.origin).toMatch(/^(::ffff:)?127\.0\.0\.1 audit-test\/1\.0$/);
        expect(Math.abs(Date.parse(entry.at) - started)).toBeLessThan(60_000);
      }
      expect((await latest(driver)).details).toEqual(expect.objectContaining({ Supplier: 1 }));
      expect((await verifyAudit(driver)).intact).toBe(true);
    });

    it('when a write is refused, then it is recorded as rejected with the reason, and nothing else changes', async () => {
      await request(app).post('/api/tokens').set(admin).send({ name: 'twice', role: 'viewer' });
      expect((await request(app).post('/api/tokens').set(admin).send({ name: 'twice', role: 'viewer' })).status).toBe(400);
      expect(await latest(driver)).toEqual(expect.objectContaining({ action: 'token-create', object: 'twice', result: expect.stringMatching(/^rejected: InputError: A token named 'twice' already exists/) }));
      expect((await request(app).delete('/api/tokens/nobody').set(admin)).status).toBe(404);
      expect(await latest(driver)).toEqual(expect.objectContaining({ action: 'token-delete', object: 'nobody', result: expect.stringMatching(/^rejected: NotFoundError: No token named 'nobody'/) }));
      expect((await request(app).delete('/api/imports/csv%3Anever').set(admin)).status).toBe(404);
      expect(await latest(driver)).toEqual(expect.objectContaining({ action: 'delete-source', object: 'csv:never', result: expect.stringMatching(/^rejected: NotFoundError/) }));
      expect((await entries(driver)).map(entry => entry.result.split(':')[0])).toEqual(['ok', 'rejected', 'rejected', 'rejected']);
    });

    it('when a caller without the role tries a write, then no entry is added: the request never reaches the write, and anyone could fill the chain', async () => {
      const viewer = (await request(app).post('/api/tokens').set(admin).send({ name: 'viewer', role: 'viewer' })).body.token as string;
      const before = (await entries(driver)).length;
      expect((await request(app).delete('/api/tokens/viewer').set({ authorization: `Bearer ${viewer}`, 'x-roer-request': '1' })).status).toBe(403);
      expect((await entries(driver)).length).toBe(before);
    });
  });

  describe('imports over HTTP', () => {
    it('when an import throws, then it is recorded as failed with a one-line reason, and the client gets no stack trace', async () => {
      const app = appFor(driver, {}, { importFiles: async () => { throw new Error('disk full\n    at importFiles (import.ts:1:1)'); } });
      const response = await request(app).post('/api/imports').set('x-roer-request', '1').field('source', 'csv:gm8').attach('files', Buffer.from('id,name\n'), 'suppliers.csv');
      expect(response.status).toBe(500);
      expect(JSON.stringify(response.body)).not.toContain('disk full');
      expect(await latest(driver)).toEqual(expect.objectContaining({ actor: 'local', action: 'import', object: 'csv:gm8', result: 'failed: Error: disk full', details: {} }));
    });

    it('when an unreadable workbook is uploaded, then the import throws and is recorded as rejected; a dry run is not recorded', async () => {
      const app = appFor(driver);
      const upload = (dryRun: string) => request(app).post('/api/imports').set('x-roer-request', '1').field('dryRun', dryRun).attach('files', Buffer.from('not a zip file'), 'landschap.xlsx');
      expect((await upload('false')).status).toBe(400);
      expect(await latest(driver)).toEqual(expect.objectContaining({ action: 'import', object: 'landschap.xlsx', result: expect.stringMatching(/^rejected: InputError: /) }));
      const before = (await entries(driver)).length;
      expect((await upload('true')).status).toBe(400);
      expect((await entries(driver)).length).toBe(before);
    });

    it('when an ArchiMate model is uploaded, then its import is recorded under its source with the counts', async () => {
      const app = appFor(driver);
      const { readFileSync } = await import('node:fs');
      const response = await request(app).post('/api/imports/archimate').set('x-roer-request', '1').field('organisation', 'gm9').attach('file', readFileSync(archimateFixture('landscape.xml')), 'landscape.xml');
      expect(response.status).toBe(200);
      const entry = await latest(driver);
      expect(entry).toEqual(expect.objectContaining({ action: 'import', object: 'archimate:gm9', result: 'ok' }));
      expect(entry.details).toEqual(expect.objectContaining({ files: ['landscape.xml'], nodes: expect.objectContaining({ Application: expect.objectContaining({ created: 3 }) }) }));
    });
  });

  describe('imports by the CLI', () => {
    it('when files are imported with --user, then the entry names that user, the OS user and host as origin, the source and the counts', async () => {
      expect((await runImportCli([fixtureDir('nl'), '--user', 'tester'])).code).toBe(0);
      const entry = await latest(driver);
      expect(entry).toEqual(expect.objectContaining({ seq: 1, actor: 'tester', action: 'import', object: 'csv:nl', result: 'ok' }));
      expect(entry.origin).toMatch(/^cli \S+@\S+$/);
      expect(entry.details).toEqual(expect.objectContaining({ files: expect.arrayContaining(['gemeente-a-applicaties.csv', 'gemeente-a-leveranciers.csv']), tables: expect.objectContaining({ applications: expect.objectContaining({ created: 4 }) }) }));
    });

    it('when an ArchiMate model is refused or imported, then each attempt is recorded; a dry run is not', async () => {
      expect((await runImportCli([archimateFixture('xxe.xml'), '--organisation', 'gm9999', '--user', 'tester'])).code).toBe(1);
      expect((await runImportCli([archimateFixture('landscape.xml'), '--organisation', 'gm9999', '--user', 'tester', '--dry-run'])).code).toBe(0);
      expect((await runImportCli([archimateFixture('landscape.xml'), '--organisation', 'gm9999', '--user', 'tester'])).code).toBe(0);
      expect(await entries(driver)).toEqual([
        { seq: 1, action: 'import', object: 'xxe.xml', result: expect.stringMatching(/^rejected: InputError: .*DTD/) },
        { seq: 2, action: 'import', object: 'archimate:gm9999', result: 'ok' },
      ]);
    });
  });

  describe('the hash chain', () => {
    const append = (d: Driver, n: number) => appendAudit(d, { actor: `writer-${n}`, origin: 'test', action: 'test', object: `object-${n}`, result: 'ok', details: { n } });

    it('when two servers append 20 entries at once, then the entries are numbered 1 to 20 without gaps, each linked to the one before', async () => {
      const other = testDriver();
      try {
        await Promise.all(Array.from({ length: 20 }, (_, n) => append(n % 2 ? driver : other, n)));
      } finally {
        await other.close();
      }
      expect((await entries(driver)).map(entry => entry.seq)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
      expect(new Set((await entries(driver)).map(entry => entry.object)).size).toBe(20);
      expect(await verifyAudit(driver)).toEqual(expect.objectContaining({ entries: 20, intact: true, problems: [] }));
    });

    it('when the database holds entries from before the chain, then the first new entry takes them in, oldest first', async () => {
      await write(driver, `CREATE (:AuditEntry {at: datetime('2025-01-02T10:00:00Z'), actor: 'old', action: 'import-rejected', target: 'csv:b', counts: '{"issues":2}'}),
                                 (:AuditEntry {at: datetime('2025-01-01T10:00:00Z'), actor: 'old', action: 'import', target: 'csv:a', counts: '{}'})`);
      await append(driver, 1);
      expect(await entries(driver)).toEqual([
        { seq: 1, action: 'import', object: 'csv:a', result: 'ok' },
        { seq: 2, action: 'import-rejected', object: 'csv:b', result: 'rejected' },
        { seq: 3, action: 'test', object: 'object-1', result: 'ok' },
      ]);
      expect((await verifyAudit(driver)).intact).toBe(true);
    });

    it('when an entry is changed or removed with raw Cypher, then npm run audit -- verify exits 1 naming it, and 0 while the chain is intact', async () => {
      for (let n = 1; n <= 5; n++) await append(driver, n);
      const intact = await verifyCli();
      expect([intact.code, intact.stdout.trim()]).toEqual([0, expect.stringMatching(/^5 entries, chain intact \(head: entry 5, hash [0-9a-f]{64}\)$/)]);

      await write(driver, "MATCH (e:AuditEntry {seq: 3}) SET e.actor = 'someone else'");
      const changed = await verifyCli();
      expect(changed.code).toBe(1);
      expect(changed.stderr).toContain('entry 3: its hash does not match its fields');
      await write(driver, "MATCH (e:AuditEntry {seq: 3}) SET e.actor = 'writer-3'");
      expect((await verifyCli()).code).toBe(0);

      await write(driver, 'MATCH (e:AuditEntry {seq: 2}) DELETE e');
      const removed = await verifyCli();
      expect(removed.code).toBe(1);
      expect(removed.stderr).toContain('entry 2 is missing before entry 3 (removed)');
    });

    it('when the last entry is removed, rewritten with a fresh hash, or an entry is slipped in, then verify says so', async () => {
      for (let n = 1; n <= 3; n++) await append(driver, n);
      const { entryHash } = await import('../../server/audit.js');
      const [last] = await read<Parameters<typeof entryHash>[0]>(driver, 'MATCH (e:AuditEntry {seq: 3}) RETURN e.seq AS seq, toString(e.at) AS at, e.actor AS actor, e.action AS action, e.object AS object, e.result AS result, e.origin AS origin, e.details AS details, e.prevHash AS prevHash');
      await write(driver, 'MATCH (e:AuditEntry {seq: 3}) SET e.result = $result, e.hash = $hash', { result: 'rejected', hash: entryHash({ ...last, result: 'rejected' }) });
      expect((await verifyAudit(driver)).problems).toEqual(['entry 3: its hash is not the one the head recorded (rewritten)']);

      await write(driver, 'MATCH (e:AuditEntry {seq: 3}) DELETE e');
      expect((await verifyAudit(driver)).problems).toEqual(['entry 3 is missing at the end (removed; the head says the chain ends at entry 3)']);

      await write(driver, "CREATE (:AuditEntry {at: datetime(), actor: 'x', action: 'import', object: 'csv:fake', result: 'ok'})");
      expect((await verifyAudit(driver)).problems).toEqual(expect.arrayContaining([expect.stringMatching(/^an entry without seq \(import at .*\) is not in the chain/)]));
      const answer = await request(appFor(driver)).get('/api/audit/verify');
      expect(answer.body).toEqual(expect.objectContaining({ entries: 2, intact: false }));
    });
  });
});
