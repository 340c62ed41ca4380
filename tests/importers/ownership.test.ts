// A staged import (larger than one transaction) belongs to its process: readers never see it before it
// finishes, another process's start-up does not roll it back while its owner is at work, and a run
// whose owner has gone is rolled back by whoever finds it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import request from 'supertest';
import { importFiles, listImportRuns, rollBackUnfinishedImports, sweepAbandonedImports } from '../../importers/import.js';
import { read, write } from '../../server/neo4j.js';
import { appFor } from '../server/support.js';
import { startImportCli } from '../support/cli.js';
import { landscapeSnapshot, resetDatabase, testDriver } from '../support/db.js';
import { edited, enText, fixture } from './support.js';

const landscape = landscapeSnapshot;

/** The fixture with Zaaksysteem renamed and 20,000 new applications: a staged import that takes a while. */
function largeImportDir(): string {
  const many = Array.from({ length: 20_000 }, (_, i) => `bulk${i},gm-a,Bulk ${i},acme,Component ${i % 50},Functie ${i % 70},,,dc1,,`).join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'roer-owner-'));
  const renamed = enText('applications.csv').replace('Zaaksysteem,acme', 'Zaaksysteem 2,acme');
  for (const file of edited({ 'applications.csv': `${renamed}${many}\n` })) writeFileSync(join(dir, file.name), file.bytes);
  return dir;
}

/** Waits until the run of `source` is loading and has committed some of its new nodes. */
async function whenLoading(driver: Driver): Promise<number> {
  for (let attempt = 0; attempt < 1200; attempt++) {
    const [{ staged }] = await read<{ staged: number }>(driver, "OPTIONAL MATCH (r:ImportRun {status: 'loading'}) RETURN CASE WHEN r IS NULL THEN 0 ELSE COUNT { MATCH (n:Staged) } END AS staged");
    if (staged > 0) return staged;
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  throw new Error('the import never started loading');
}

describe('staged imports and their owner', () => {
  let driver: Driver;
  let dir: string;
  let running: ReturnType<typeof startImportCli> | undefined;
  const importCli = () => (running = startImportCli([dir, '--source', 'csv:en'], { ROER_IMPORT_TRANSACTION_ROWS: '2000' }));
  beforeAll(() => {
    driver = testDriver();
    dir = largeImportDir();
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await driver.close();
  });
  afterEach(async () => {
    // A test that failed half-way must not leave its import writing into the next test's database.
    running?.kill('SIGKILL');
    await running?.exited;
    running = undefined;
  });
  beforeEach(async () => {
    await resetDatabase(driver);
    await importFiles(driver, fixture('en'), { source: 'csv:en' });
  });

  it('when a staged import is loading, then readers see the graph as it was; when it finishes, all of it at once', async () => {
    const app = appFor(driver);
    const reads = async () => Promise.all(['/api/organisations', '/api/search?q=Bulk', '/api/search?q=Zaaksysteem', '/api/nodes/app%3Agm-a%2Fzaak', '/api/graph?organisation=gm-a', '/api/analyses/supplier-exposure?organisation=gm-a']
      .map(async path => {
        const response = await request(app).get(path);
        expect(response.status).toBe(200);
        // A search's scores are Lucene's statistics of the whole index, which the staged nodes are in already.
        return JSON.stringify(response.body, (key, value) => (key === 'score' ? undefined : value));
      }));
    const before = await reads();
    const cli = importCli();
    expect(await whenLoading(driver)).toBeGreaterThan(0);
    expect(await reads()).toEqual(before);
    const { code, stdout, stderr } = await cli.exited;
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    expect(stdout).toContain('Imported');
    const after = await reads();
    expect(JSON.parse(after[0])).toEqual([expect.objectContaining({ id: 'gm-a', applications: 20_004 })]);
    expect(JSON.parse(after[3]).properties.name).toBe('Zaaksysteem 2');
    expect(await read(driver, 'MATCH (n:Staged) RETURN count(n) AS staged')).toEqual([{ staged: 0 }]);
  });

  it('when another process starts while a staged import is at work, then it leaves the import alone', async () => {
    const cli = importCli();
    await whenLoading(driver);
    // What a server's start-up does (main.ts): roll back what earlier processes left unfinished.
    expect(await rollBackUnfinishedImports(driver)).toEqual([]);
    const { code } = await cli.exited;
    expect(code).toBe(0);
    expect((await listImportRuns(driver, { source: 'csv:en' })).map(run => run.status)).toEqual(['ok', 'ok']);
    expect(await read(driver, "MATCH (a:Application) WHERE a.id STARTS WITH 'bulk' RETURN count(a) AS bulk")).toEqual([{ bulk: 20_000 }]);
  });

  it('when another process takes a staged run over to roll it back, then its owner fails without writing anything', async () => {
    const before = await landscape(driver);
    let taken: Promise<unknown> | undefined;
    // A renamed application and twenty new ones: a diff larger than one transaction of 5, so staged.
    const more = Array.from({ length: 20 }, (_, i) => `new${i},gm-a,Nieuw ${i},acme,,,,,dc1,,`).join('\n');
    const importing = importFiles(driver, edited({ 'applications.csv': `${enText('applications.csv').replace('Zaaksysteem,acme', 'Zaaksysteem 2,acme')}${more}\n` }), {
      source: 'csv:en',
      transactionRows: 5,
      onProgress: progress => {
        // What import/claim-rollback does for a process that found the owner silent.
        if (progress.phase === 'load' && progress.done > 0) taken ??= write(driver, "MATCH (r:ImportRun {status: 'loading'}) SET r.status = 'rolling back', r.ownerId = 'another process'");
      },
    });
    await expect(importing).rejects.toThrow('rolled back by another process');
    await taken;
    expect(await landscape(driver)).toEqual(before);
    expect(await read(driver, 'MATCH (n:Staged) RETURN count(n) AS staged')).toEqual([{ staged: 0 }]);
  });

  it('when a running server finds a run whose owner has gone, then its sweep rolls it back without a restart', async () => {
    await write(driver, `CREATE (:ImportRun {runId: 'gone', source: 'csv:gone', status: 'loading', startedAt: datetime(), ownerId: 'other', ownerHost: 'elsewhere', ownerPid: 1, heartbeatAt: datetime() - duration({minutes: 5})})`);
    const logged: string[] = [];
    const stop = sweepAbandonedImports(driver, message => logged.push(message), 100);
    try {
      for (let attempt = 0; attempt < 100 && logged.length === 0; attempt++) await new Promise(resolve => setTimeout(resolve, 50));
    } finally {
      stop();
    }
    expect(logged).toEqual(['Rolled back 1 import(s) whose process had gone: gone.']);
    expect((await listImportRuns(driver, { source: 'csv:gone' })).map(run => run.status)).toEqual(['rolled back']);
  });

  it('when an owner elsewhere is silent for less than a minute, then its run is left alone', async () => {
    await write(driver, `CREATE (:ImportRun {runId: 'remote', source: 'csv:remote', status: 'loading', startedAt: datetime(), ownerId: 'other', ownerHost: 'elsewhere', ownerPid: 1, heartbeatAt: datetime() - duration({seconds: 20})})`);
    expect(await rollBackUnfinishedImports(driver)).toEqual([]);
    await write(driver, "MATCH (r:ImportRun {runId: 'remote'}) SET r.heartbeatAt = datetime() - duration({seconds: 90})");
    expect(await rollBackUnfinishedImports(driver)).toEqual(['remote']);
    expect((await listImportRuns(driver, { source: 'csv:remote' })).map(run => run.status)).toEqual(['rolled back']);
  });
});
