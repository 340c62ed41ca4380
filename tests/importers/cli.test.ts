import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import { runImportCli } from '../support/cli.js';
import { nodes, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { testInstance } from '../support/test-neo4j.js';
import { fixtureDir } from './support.js';


describe('npm run import (CLI)', () => {
  let driver: Driver;
  let work: string;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(async () => {
    await resetDatabase(driver);
    work = mkdtempSync(join(tmpdir(), 'roer-cli-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('when a valid folder is imported, then it exits 0 and prints the summary table', async () => {
    const { code, stdout } = await runImportCli([fixtureDir('nl'), '--user', 'tester']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^table\s+read\s+created\s+updated\s+unchanged\s+removed\s+errors$/m);
    expect(stdout).toMatch(/^applications\s+4\s+4\s+0\s+0\s+0\s+0$/m);
    expect(stdout).toMatch(/^Source csv:nl, run /m);
    expect(await nodes(driver, 'Application')).toEqual(['app:gm-a/brp', 'app:gm-a/esb', 'app:gm-a/web', 'app:gm-a/zaak']);
    const [run] = await read(driver, 'MATCH (r:ImportRun) RETURN r.user AS user, r.source AS source');
    expect(run).toEqual({ user: 'tester', source: 'csv:nl' });
  });

  it('when the files have problems, then it exits 1, prints every issue as file:line:column and writes nothing', async () => {
    cpSync(fixtureDir('en'), work, { recursive: true });
    const contracts = join(work, 'contracts.csv');
    writeFileSync(contracts, readFileSync(contracts, 'utf8').replace('2020-03-01,2027-02-28', '2027-03-01,2027-02-28').replace('zaak|esb', 'zaak|ghost'));
    const before = await snapshot(driver);
    const { code, stdout } = await runImportCli([work]);
    expect(code).toBe(1);
    expect(stdout).toContain('contracts.csv:2:applications  applications  zaak|ghost  → the id of an application of organisation gm-a');
    expect(stdout).toContain('contracts.csv:3:end  end  2027-02-28  → an end date on or after the start (2027-03-01)');
    expect(stdout).toMatch(/^contracts\s+2\s+0\s+0\s+0\s+0\s+2$/m);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when --dry-run is given, then it validates, exits 0 and writes nothing', async () => {
    const before = await snapshot(driver);
    const { code, stdout } = await runImportCli([fixtureDir('en'), '--dry-run']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/dry run/);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when a file is not CSV or XLSX, then it exits 1 naming the file', async () => {
    const file = join(work, 'applications.pdf');
    writeFileSync(file, '%PDF-1.4');
    const { code, stderr } = await runImportCli([file]);
    expect(code).toBe(1);
    // The web import's message (the CLI tells formats with its detectors, importers/formats.ts).
    expect(stderr).toContain('Cannot tell what to import from applications.pdf (.pdf). Upload CSV or XLSX tables');
  });

  it('when the folder holds roer-aliases.json, then it is used and the merge is printed', async () => {
    cpSync(fixtureDir('en'), work, { recursive: true });
    writeFileSync(join(work, 'roer-aliases.json'), JSON.stringify({ merge: [['hostco', 'cloudy']] }));
    const { code, stdout } = await runImportCli([work, '--source', 'csv:aliases']);
    expect(code).toBe(0);
    expect(stdout).toContain('cloudy "Cloudy Inc." → hostco "Hostco" (alias file');
    expect(await nodes(driver, 'Supplier')).toEqual(['supplier:acme', 'supplier:hostco', 'supplier:regio']);
  });

  it('when the import is large, then a progress bar goes to stderr', async () => {
    cpSync(fixtureDir('en'), work, { recursive: true });
    const apps = join(work, 'applications.csv');
    const many = Array.from({ length: 900 }, (_, i) => `bulk${i},gm-a,Bulk ${i},acme,,,,,dc1,,`).join('\n');
    writeFileSync(apps, `${readFileSync(apps, 'utf8')}${many}\n`);
    const { code, stderr, stdout } = await runImportCli([work]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^applications\s+904\s+904\s/m);
    expect(stderr).toMatch(/load\s+\[#+\s*\]\s+\d+% \d+\/\d+/);
    expect(stderr).toMatch(/done\s+\[#{30}\] 100%/);
  });

  it('when Neo4j cannot be reached, then it exits 2', async () => {
    const { code, stderr } = await runImportCli([fixtureDir('en')], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/nothing was written/);
  });

  it('when run as `npm run import` runs it (compiled to .build/), then it imports: a dry run exits 0 and says the files are valid', () => {
    const run = spawnSync('npm', ['run', '--silent', 'import', '--', fixtureDir('en'), '--dry-run'], {
      cwd: join(fixtureDir('en'), '..', '..', '..', '..'),
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: testInstance().uri },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Valid \/ geldig\./);
  }, 60_000);

  it('when no files are given, then it exits 1 with the usage', async () => {
    const { code, stderr } = await runImportCli([]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Usage: npm run import/);
  });
});
