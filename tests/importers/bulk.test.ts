// The bulk load (importers/bulk.ts): the first import into an empty local Neo4j through Neo4j's
// offline importer. It must give the graph an import through Cypher gives, stamps and hashes
// included, and refuse or undo rather than leave anything half-written.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { type BulkTarget, bulkLoad, undoInterruptedBulkLoads } from '../../importers/bulk.js';
import { generateLandscape } from '../../importers/demo/generate.js';
import { transform } from '../../importers/load.js';
import { importFiles, listImportRuns } from '../../importers/import.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../server/local-neo4j.js';
import { createDriver, read, write } from '../../server/neo4j.js';
import { applySchema } from '../../server/schema.js';
import { runImportCli, startImportCli } from '../support/cli.js';
import { freePort } from '../support/ports.js';
import { SHORT_LIVED_JVM } from '../support/short-lived-neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { edited, enText, graphOf, stampCounts } from './support.js';

// Texts the importer's CSV must carry unchanged: quotes, a comma, a semicolon, a line break, two spaces.
const awkward = () => edited({
  'applications.csv': enText('applications.csv').replace('medium,no,saas1,,\n', 'medium,no,saas1,,"Team ""Keten"", regio; 2e lijn\nen  nacht "\n'),
});

describe('bulk load into an empty local Neo4j', () => {
  let instanceDir: string;
  let target: BulkTarget;
  let bulkDriver: Driver;
  let online: Driver;

  beforeAll(async () => {
    instanceDir = mkdtempSync(join(tmpdir(), 'roer-bulk-'));
    target = { instanceDir, boltPort: await freePort(), heap: '512m', pageCache: '64m', jvmOptions: SHORT_LIVED_JVM };
    const db = await startLocalNeo4j(target);
    bulkDriver = createDriver({ uri: db.uri });
    await applySchema(bulkDriver);
    online = testDriver();
  }, 180_000);
  afterAll(async () => {
    await bulkDriver?.close();
    await online?.close();
    await stopLocalNeo4j(instanceDir);
    rmSync(instanceDir, { recursive: true, force: true });
  }, 120_000);

  it('when a table has a problem, then nothing is written and Neo4j keeps running with the empty database', async () => {
    const report = await importFiles(bulkDriver, edited({ 'applications.csv': `${enText('applications.csv')}broken,gm-a,Kapot,nobody,,,,,dc1,,\n` }), { source: 'csv:en', bulk: target });
    expect(report.ok).toBe(false);
    expect(report.issues[0]).toMatchObject({ file: 'applications.csv', line: 6, field: 'supplier', value: 'nobody' });
    expect(await read(bulkDriver, 'MATCH (n) RETURN count(n) AS nodes')).toEqual([{ nodes: 0 }]);
  }, 120_000);

  it('when anything fails after the importer has run, then the database is empty again and Neo4j runs', async () => {
    const rows = transform(generateLandscape({ size: 'municipality' }));
    const failing = bulkLoad(bulkDriver, [rows], target, { source: 'csv:x', runId: 'failing' }, () => {}, async () => {
      expect(await read(bulkDriver, 'MATCH (n:Application) RETURN count(n) AS applications')).toEqual([{ applications: 400 }]);
      throw new Error('the run record could not be written');
    });
    await expect(failing).rejects.toThrow('the run record could not be written');
    expect(await read(bulkDriver, 'MATCH (n) RETURN count(n) AS nodes')).toEqual([{ nodes: 0 }]);
    await applySchema(bulkDriver);
  }, 180_000);

  it('when the bulk load is killed while it replaces the database, then the next start empties the database again', async () => {
    await stopLocalNeo4j(instanceDir); // the CLI needs the instance to itself
    const cli = startImportCli(['tests/fixtures/import/en', '--bulk'], {
      NEO4J_URI: '', ROER_DATA_DIR: instanceDir, NEO4J_BOLT_PORT: String(target.boltPort), NEO4J_HEAP: target.heap!, NEO4J_PAGECACHE: target.pageCache!,
    });
    const state = () => {
      const runs = existsSync(join(instanceDir, 'bulk')) ? readdirSync(join(instanceDir, 'bulk')) : [];
      try {
        return runs.length ? (JSON.parse(readFileSync(join(instanceDir, 'bulk', runs[0], 'state.json'), 'utf8')) as { stage: string }) : null;
      } catch {
        return null; // being written
      }
    };
    while (state()?.stage !== 'replacing the database') await new Promise(done => setTimeout(done, 20));
    await new Promise(done => setTimeout(done, 1500)); // into the importer's run
    expect(await undoInterruptedBulkLoads(instanceDir)).toEqual([]); // a load that runs is left alone
    expect(state()?.stage).toBe('replacing the database');
    cli.kill('SIGKILL');
    expect((await cli.exited).code).toBeNull();

    const undone = await undoInterruptedBulkLoads(instanceDir);
    expect(undone).toHaveLength(1);
    expect(existsSync(join(instanceDir, 'bulk', undone[0]))).toBe(false);
    await startLocalNeo4j(target);
    await bulkDriver.close();
    bulkDriver = createDriver({ uri: `bolt://127.0.0.1:${target.boltPort}` });
    expect(await read(bulkDriver, 'MATCH (n) RETURN count(n) AS nodes')).toEqual([{ nodes: 0 }]);
    await applySchema(bulkDriver);
    expect(await undoInterruptedBulkLoads(instanceDir)).toEqual([]);
  }, 180_000);

  it('when the database is empty, then the bulk load gives the graph an import through Cypher gives, with its stamps, hashes and run record', async () => {
    const bulk = await importFiles(bulkDriver, awkward(), { source: 'csv:en', user: 'tester', bulk: target });
    expect(bulk.issues).toEqual([]);
    expect(bulk.ok).toBe(true);

    await resetDatabase(online);
    const throughCypher = await importFiles(online, awkward(), { source: 'csv:en', user: 'tester' });
    expect(bulk.tables).toEqual(throughCypher.tables);
    expect(bulk.graph.nodes).toEqual(throughCypher.graph.nodes);
    const graph = await graphOf(bulkDriver);
    expect(graph).toEqual(await graphOf(online));
    expect(graph.filter(line => line.includes('"extra_beheerder":"Team \\"Keten\\", regio; 2e lijn\\nen  nacht"'))).toHaveLength(1);

    // Every node and relationship carries this run's stamp, and only that.
    expect(await stampCounts(bulkDriver)).toEqual([{ runs: [`csv:en#${bulk.runId}`], count: expect.any(Number) }]);
    const [run] = await listImportRuns(bulkDriver);
    expect(run).toMatchObject({ runId: bulk.runId, source: 'csv:en', user: 'tester', status: 'ok' });
    const [onlineRun] = await listImportRuns(online);
    expect(run.counts).toEqual(onlineRun.counts);
    // Roer's schema is back: the uid constraint holds and the search index answers.
    await expect(write(bulkDriver, 'CREATE (:Entity {uid: "app:gm-a/zaak"})')).rejects.toThrow(/already exists/);
    expect(await read(bulkDriver, 'CALL db.index.fulltext.queryNodes("entity_search", "Zaaksysteem") YIELD node RETURN node.uid AS uid ORDER BY uid')).toEqual([{ uid: 'app:gm-a/zaak' }, { uid: 'refcomp:zaaksysteem' }]);

    // A re-import of the same files finds them unchanged since the bulk load and writes nothing.
    const again = await importFiles(bulkDriver, awkward(), { source: 'csv:en' });
    expect(again.unchangedSince?.runId).toBe(bulk.runId);
    expect(Object.values(again.tables).every(table => table.created === 0 && table.updated === 0 && table.removed === 0)).toBe(true);
    expect(await graphOf(bulkDriver)).toEqual(graph);
    expect(await read(bulkDriver, 'MATCH (n:Entity) WHERE NOT $stamp IN n.runs RETURN count(n) AS count', { stamp: `csv:en#${bulk.runId}` })).toEqual([{ count: 0 }]);
  }, 300_000);

  it('when the database holds anything, then a bulk load is refused and the graph stays as it was', async () => {
    const before = await graphOf(bulkDriver);
    await expect(importFiles(bulkDriver, awkward(), { source: 'csv:other', bulk: target })).rejects.toThrow(/bulk load replaces the whole database, and this one holds \d+ nodes/);
    expect(await graphOf(bulkDriver)).toEqual(before);
  }, 120_000);

  it('when NEO4J_URI names a server, then the CLI refuses --bulk', async () => {
    const run = await runImportCli(['tests/fixtures/import/en', '--bulk']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--bulk loads Roer's own local Neo4j, and NEO4J_URI names another/);
  }, 120_000);
});
