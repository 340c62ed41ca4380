// Imports larger than one transaction (transactionRows): committed as they go, all or nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importFiles, listImportRuns, rollBackUnfinishedImports } from '../../importers/import.js';
import { database, read, write } from '../../server/neo4j.js';
import { startImportCli } from '../support/cli.js';
import { landscapeSnapshot, resetDatabase, testDriver } from '../support/db.js';
import { edited, enText, fixture, graphOf } from './support.js';

/** Everything but the run records, stamps included: what a rollback must give back exactly. */
const landscape = landscapeSnapshot;

// The fixture set changed in every way a re-import can: a renamed application, a dropped contract,
// a new application with a new supplier, and an interface that moves.
const changed = () => edited({
  'applications.csv': `${enText('applications.csv').replace('Zaaksysteem,acme', 'Zaaksysteem 2,acme')}nieuw,gm-a,Nieuw,newco,,,,,dc1,,\n`,
  'suppliers.csv': `${enText('suppliers.csv')}newco,Newco B.V.,,NL\n`,
  'contracts.csv': enText('contracts.csv').replace(/^c2,.*\n/m, ''),
});

describe('imports committed in several transactions', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when an import is larger than one transaction, then it ends with the same graph as one transaction, first import and re-import', async () => {
    const single = await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const oneTransaction = await graphOf(driver);
    await resetDatabase(driver);
    const staged = await importFiles(driver, fixture('en'), { source: 'csv:en', transactionRows: 5 });
    expect(staged.ok).toBe(true);
    expect(staged.tables).toEqual(single.tables);
    expect(await graphOf(driver)).toEqual(oneTransaction);
    expect((await listImportRuns(driver)).map(run => run.status)).toEqual(['ok']);
    expect(await read(driver, 'MATCH (n:Staged) RETURN count(n) AS staged')).toEqual([{ staged: 0 }]);

    const again = await importFiles(driver, changed(), { source: 'csv:en', transactionRows: 5, allowRemovals: true });
    const direct = testDriver();
    await resetDatabase(direct);
    await importFiles(direct, fixture('en'), { source: 'csv:en' });
    await importFiles(direct, changed(), { source: 'csv:en', allowRemovals: true });
    const expected = await graphOf(direct);
    await direct.close();
    expect(again.tables.contracts).toMatchObject({ removed: 1 });
    expect(again.tables.applications).toMatchObject({ created: 1, updated: 1 });
    expect(await graphOf(driver)).toEqual(expected);
  });

  it('when a node exists without a hash (made by another tool), then a staged import writes and stamps it as one transaction does', async () => {
    const foreign = "CREATE (:Entity:Application {uid: 'app:gm-a/zaak', name: 'Oud zaaksysteem', organisation: 'gm-a', id: 'zaak'})";
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const uid = (await read<{ uid: string }>(driver, "MATCH (n:Application {name: 'Zaaksysteem'}) RETURN n.uid AS uid"))[0].uid;
    await resetDatabase(driver);
    await driver.executeQuery(foreign.replace('app:gm-a/zaak', uid));
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const oneTransaction = await graphOf(driver);
    await resetDatabase(driver);
    await driver.executeQuery(foreign.replace('app:gm-a/zaak', uid));
    expect((await importFiles(driver, fixture('en'), { source: 'csv:en', transactionRows: 5 })).ok).toBe(true);
    expect(await read(driver, 'MATCH (n:Application {uid: $uid}) RETURN n.name AS name, size(n.runs) AS stamps', { uid })).toEqual([{ name: 'Zaaksysteem', stamps: 1 }]);
    expect(await graphOf(driver)).toEqual(oneTransaction);
  });

  it('when a large re-import fails half-way, then what it committed is rolled back: properties, stamps, new and removed facts', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    await importFiles(driver, fixture('en'), { source: 'csv:other' });
    const before = await landscape(driver);
    let calls = 0;
    const failing = importFiles(driver, changed(), {
      source: 'csv:en',
      transactionRows: 5,
      allowRemovals: true,
      // Once its first batch has committed (new nodes Staged, existing ones stamped), before the last transaction.
      onProgress: progress => {
        if (progress.phase === 'load' && progress.done > 0 && ++calls === 1) throw new Error('disk full (simulated)');
      },
    });
    await expect(failing).rejects.toThrow('disk full (simulated)');
    expect(calls).toBe(1);
    expect(await landscape(driver)).toEqual(before);
    expect(await read(driver, 'MATCH (n:Staged) RETURN count(n) AS staged')).toEqual([{ staged: 0 }]);
    expect((await listImportRuns(driver, { source: 'csv:en' })).map(run => run.status)).toEqual(['rolled back', 'ok']);
  });

  it('when a gone importer still has a batch open in Neo4j, then the rollback ends it first, so none of it lands after the rollback', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const before = await landscape(driver);
    // A run whose owner ran on this machine and no longer answers, with one batch still open in Neo4j.
    await write(driver, "CREATE (:ImportRun {runId: 'gone', source: 'csv:en', status: 'loading', ownerId: 'gone-owner', ownerHost: $host, ownerPid: 1, heartbeatAt: datetime(), startedAt: datetime()})", { host: hostname() });
    const session = driver.session({ database: database() });
    const batch = await session.beginTransaction({ metadata: { app: 'roer-import', runId: 'gone', source: 'csv:en' } });
    await batch.run("MATCH (o:Entity {uid: 'org:gm-a'}) CREATE (o)-[:USES {runs: ['csv:en#gone']}]->(:Entity:Staged {uid: 'app:gm-a/late', runs: ['csv:en#gone']})");

    const rollingBack = rollBackUnfinishedImports(driver);
    // The batch is terminated; its client, alive here, learns so when it commits (a gone one's connection is closed).
    const statusOfBatch = () => read<{ status: string }>(driver, "SHOW TRANSACTIONS YIELD metaData, status WHERE metaData.runId = 'gone' RETURN status");
    while (!(await statusOfBatch())[0]?.status.startsWith('Terminated')) await new Promise(done => setTimeout(done, 50));
    await expect(batch.commit()).rejects.toThrow(/terminated/i);
    await session.close();
    expect(await rollingBack).toEqual(['gone']);
    expect(await landscape(driver)).toEqual(before);
    expect(await read(driver, "MATCH (n {uid: 'app:gm-a/late'}) RETURN count(n) AS late")).toEqual([{ late: 0 }]);
    expect((await listImportRuns(driver, { source: 'csv:en' })).map(run => run.status)).toEqual(['rolled back', 'ok']);
  });

  it('when the importing process is killed mid-load, then the next start rolls the unfinished run back', async () => {
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
    const before = await landscape(driver);
    // Enough rows that the CLI is still loading when it is killed.
    const many = Array.from({ length: 20_000 }, (_, i) => `bulk${i},gm-a,Bulk ${i},acme,Component ${i % 50},Functie ${i % 70},,,dc1,,`).join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'roer-staged-'));
    for (const file of edited({ 'applications.csv': `${enText('applications.csv')}${many}\n` })) writeFileSync(join(dir, file.name), file.bytes);
    const cli = startImportCli([dir, '--source', 'csv:en'], { ROER_IMPORT_TRANSACTION_ROWS: '2000' });
    // Killed (SIGKILL: no chance to roll back) once it has committed part of the run.
    let committed = 0;
    for (let attempt = 0; attempt < 600 && committed === 0; attempt++) {
      await new Promise(resolve => setTimeout(resolve, 50));
      [{ committed }] = await read<{ committed: number }>(driver, "MATCH (r:ImportRun {status: 'loading'}) RETURN COUNT { MATCH (a:Staged) WHERE a.id STARTS WITH 'bulk' } AS committed UNION ALL RETURN 0 AS committed LIMIT 1");
    }
    cli.kill('SIGKILL');
    await cli.exited;
    rmSync(dir, { recursive: true, force: true });
    expect(committed).toBeGreaterThan(0);
    expect((await listImportRuns(driver, { source: 'csv:en' })).map(run => run.status)).toEqual(['loading', 'ok']);

    const rolledBack = await rollBackUnfinishedImports(driver);
    expect(rolledBack).toHaveLength(1);
    expect(await landscape(driver)).toEqual(before);
    expect((await listImportRuns(driver, { source: 'csv:en' })).map(run => run.status)).toEqual(['rolled back', 'ok']);
  });
});
