// kill -9 during imports, on a Neo4j of the test's own (bench/faults.ts does the same at random
// moments, many times): what readers see is the old graph or the new one, before and after recovery.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaultLab, faultLab } from '../../bench/faults.js';
import { listImportRuns } from '../../importers/import.js';
import { startImportCli } from '../support/cli.js';
import { freePort } from '../support/ports.js';
import { SHORT_LIVED_JVM } from '../support/short-lived-neo4j.js';

describe('imports killed half-way', () => {
  let instanceDir: string;
  let lab: FaultLab;
  beforeAll(async () => {
    instanceDir = mkdtempSync(join(tmpdir(), 'roer-faults-'));
    // Both tests accept only the old graph: the lab need not import the new delivery to know its digest.
    lab = await faultLab({ instanceDir, boltPort: await freePort(), heap: '512m', pageCache: '64m', jvmOptions: SHORT_LIVED_JVM }, startImportCli, () => {}, { knowNew: false });
  }, 300_000);
  afterAll(async () => {
    await lab?.close();
    rmSync(instanceDir, { recursive: true, force: true });
  }, 120_000);

  it('when Neo4j is killed while a staged import loads, then readers see the old graph after its restart, and after recovery too', async () => {
    const run = await lab.run('staged', 'neo4j', 'loading');
    expect(run).toMatchObject({ exitCode: 2, seen: 'old', recovered: 'old', rolledBack: 1 });
    expect((await listImportRuns(lab.driver, { source: 'csv:fault-lab' })).map(r => r.status)).toContain('rolled back');
  }, 300_000);

  it('when the importing process is killed while a staged import loads, then readers see the old graph, and after recovery too', async () => {
    const run = await lab.run('staged', 'importer', 'loading');
    expect(run).toMatchObject({ seen: 'old', recovered: 'old', rolledBack: 1 });
  }, 300_000);
});
