// `npm run bench -- faults [--runs 20]`: kill -9 of Neo4j or of the importing process at a random
// moment of staged and one-transaction imports of the demo municipality, on a Neo4j of its own. After
// each kill, what readers see (every query's view: nodes with their label, no `Staged` node) must be
// the graph before the import (old) or after it (new), both before and after recovery (what a process
// start does: rollBackUnfinishedImports). Anything else is a half-written import: must be 0.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importFiles, rollBackUnfinishedImports } from '../importers/import.js';
import { type LocalNeo4jOptions, defaultCacheDir, startLocalNeo4j, stopLocalNeo4j } from '../server/local-neo4j.js';
import { createDriver, read } from '../server/neo4j.js';
import { fromRoot } from '../server/paths.js';
import { applySchema } from '../server/schema.js';

export type FaultMode = 'staged' | 'one-transaction';
export type FaultTarget = 'importer' | 'neo4j';
export type Outcome = 'old' | 'new' | 'other';
export type FaultRun = { mode: FaultMode; target: FaultTarget; killAfterMs: number; exitCode: number | null; seen: Outcome; recovered: Outcome; rolledBack: number };

/** Starts the import CLI as a child process (compiled for the benchmark, through tsx for a test). */
export type StartCli = (args: string[], env: Record<string, string>) => { kill: (signal: NodeJS.Signals) => void; exited: Promise<{ code: number | null }> };

const SOURCE = 'csv:fault-lab';
/** Batches small enough that the municipality's staged import commits many times. */
const STAGED_ROWS = '500';

/**
 * What readers see, as a digest: every node but a staged import's unlabelled ones, with its labels
 * and properties, and every relationship between such nodes, without the stamps (`runs`: which run
 * wrote a fact is not what a reader sees) and the times claims were made.
 */
export async function visibleGraph(driver: Driver): Promise<string> {
  const rows = await read<{ line: string }>(driver, `
    CALL () {
      MATCH (n:Entity) WHERE NOT n:Staged
      RETURN n.uid + ' ' + reduce(text = '', label IN labels(n) | text + ':' + label) AS line
      UNION ALL
      MATCH (a:Entity)-[r]->(b:Entity) WHERE NOT a:Staged AND NOT b:Staged
      RETURN a.uid + ' -' + type(r) + '-> ' + b.uid + ' ' + coalesce(r.key, '') AS line
    }
    RETURN line ORDER BY line`);
  const properties = await read<{ uid: string; props: Record<string, unknown> }>(driver, `
    CALL () {
      MATCH (n:Entity) WHERE NOT n:Staged RETURN n.uid AS uid, properties(n) AS props
      UNION ALL
      MATCH (a:Entity)-[r]->(b:Entity) WHERE NOT a:Staged AND NOT b:Staged RETURN a.uid + type(r) + b.uid + coalesce(r.key, '') AS uid, properties(r) AS props
      UNION ALL
      MATCH (c:Claim) RETURN c.claimKey AS uid, properties(c) AS props
    }
    RETURN uid, props ORDER BY uid`);
  const digest = createHash('sha256');
  for (const row of rows) digest.update(`${row.line}\n`);
  for (const { uid, props } of properties) {
    const { runs: _runs, claimAt: _claimAt, ...rest } = props;
    digest.update(`${uid} ${JSON.stringify(Object.keys(rest).sort().map(key => [key, rest[key]]))}\n`);
  }
  return digest.digest('hex');
}

/**
 * The demo municipality, and a new delivery of it that changes what every kind of write touches: 40
 * applications renamed, 1,500 new ones with interfaces, a tenth of the contracts gone.
 */
function deliveries(): { old: string; changed: string } {
  const demo = fromRoot('importers', 'demo', 'data', 'gemeente-roerdam');
  const old = mkdtempSync(join(tmpdir(), 'roer-faults-old-'));
  cpSync(demo, old, { recursive: true });
  const changed = mkdtempSync(join(tmpdir(), 'roer-faults-new-'));
  cpSync(demo, changed, { recursive: true });
  const text = (name: string) => readFileSync(join(demo, name), 'utf8');
  let renamed = 0;
  const applications = text('applications.csv').split('\n').map((line, i) => (i > 0 && line && renamed++ < 40 ? line.replace(/^([^,]*,[^,]*,)([^,]*)/, '$1$2 (vernieuwd)') : line)).join('\n');
  const extra = Array.from({ length: 1500 }, (_, i) => `lab-${i},gemeente-roerdam,Labapplicatie ${i},s-0001,Zaaksysteem,Dienstverlening,medium,no,,`).join('\n');
  writeFileSync(join(changed, 'applications.csv'), `${applications.trimEnd()}\n${extra}\n`);
  const links = Array.from({ length: 1500 }, (_, i) => `lab-if-${i},gemeente-roerdam,lab-${i},lab-${(i + 1) % 1500},REST,`).join('\n');
  writeFileSync(join(changed, 'interfaces.csv'), `${text('interfaces.csv').trimEnd()}\n${links}\n`);
  writeFileSync(join(changed, 'contracts.csv'), text('contracts.csv').split('\n').filter((_, i) => i === 0 || i % 10 !== 3).join('\n'));
  return { old, changed };
}

/** Until a staged import has committed some of its (still unlabelled) nodes. */
async function stagedNodesCommitted(driver: Driver): Promise<void> {
  for (let attempt = 0; attempt < 2400; attempt++) {
    const [{ staged }] = await read<{ staged: number }>(driver, 'MATCH (n:Staged) RETURN count(n) AS staged');
    if (staged > 0) return;
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  throw new Error('the staged import never committed a batch');
}

/**
 * Waits until Neo4j has no transaction of an import left: the killed importer's last batch may still
 * be committing. A query that reads while a commit is applied to the store can see part of it (Neo4j
 * reads committed data without locks, and applies a transaction's relationships before its nodes): a
 * staged batch's new relationships came back from a node whose `Staged` label was not there yet, once
 * in about 15 kills. The next query sees the batch whole (staged, so hidden), which is what is measured.
 */
async function killedImportSettled(driver: Driver): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const [{ open }] = await read<{ open: number }>(driver, "SHOW TRANSACTIONS YIELD metaData WHERE metaData.app = 'roer-import' RETURN count(*) AS open");
    if (open === 0) return;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  throw new Error('the killed import still has transactions in Neo4j after 60 s');
}

export type FaultLab = {
  driver: Driver;
  uri: string;
  /** What readers see of the old graph and of the new one (unless the lab was made without it). */
  digests: { old: string; new?: string };
  /**
   * One import of the new delivery, killed `when` ms after it starts, or once a staged import has
   * committed some of its nodes ('loading'); the graph is the old one again afterwards.
   */
  run: (mode: FaultMode, target: FaultTarget, when: number | 'loading') => Promise<FaultRun>;
  /** How long an uninterrupted import of the new delivery takes, end to end. */
  duration: (mode: FaultMode) => Promise<number>;
  close: () => Promise<void>;
};

/**
 * `knowNew: false` leaves out the uninterrupted import that gives the new graph's digest (and the
 * re-import of the old delivery after it): a test that only accepts the old graph needs none of it,
 * and a graph that is not the old one is then reported as 'other', whether it is the new one or not.
 */
export async function faultLab(neo4j: LocalNeo4jOptions, startCli: StartCli, log: (message: string) => void = () => {}, { knowNew = true }: { knowNew?: boolean } = {}): Promise<FaultLab> {
  await stopLocalNeo4j(neo4j.instanceDir);
  rmSync(join(neo4j.instanceDir, 'data'), { recursive: true, force: true });
  let db = await startLocalNeo4j(neo4j);
  let driver = createDriver({ uri: db.uri });
  await applySchema(driver);
  const files = deliveries();
  const restore = async () => {
    const report = await importFiles(driver, [files.old], { source: SOURCE, allowRemovals: true });
    if (!report.ok) throw new Error(`the old delivery did not import: ${JSON.stringify(report.issues.slice(0, 3))}`);
  };
  /** The digest of the new delivery imported without interruption; the old graph is back afterwards. */
  async function newGraph(): Promise<string> {
    const direct = await importFiles(driver, [files.changed], { source: SOURCE, allowRemovals: true });
    if (!direct.ok) throw new Error(`the new delivery did not import: ${JSON.stringify(direct.issues.slice(0, 3))}`);
    const digest = await visibleGraph(driver);
    await restore();
    if ((await visibleGraph(driver)) !== old) throw new Error('re-importing the old delivery did not give the old graph back');
    return digest;
  }
  await restore();
  const old = await visibleGraph(driver);
  const digests = { old, new: knowNew ? await newGraph() : undefined };
  const outcome = async (): Promise<Outcome> => {
    const seen = await visibleGraph(driver);
    return seen === digests.old ? 'old' : seen === digests.new ? 'new' : 'other';
  };
  const cli = (mode: FaultMode) =>
    startCli([files.changed, '--source', SOURCE, '--allow-removals'], { NEO4J_URI: db.uri, ROER_IMPORT_TRANSACTION_ROWS: mode === 'staged' ? STAGED_ROWS : '1000000' });

  return {
    get driver() {
      return driver;
    },
    get uri() {
      return db.uri;
    },
    digests,
    async duration(mode) {
      const started = performance.now();
      const { code } = await cli(mode).exited;
      if (code !== 0) throw new Error(`an uninterrupted ${mode} import exited with ${code}`);
      const ms = performance.now() - started;
      await restore();
      return ms;
    },
    async run(mode, target, when) {
      const started = performance.now();
      const child = cli(mode);
      if (when === 'loading') await stagedNodesCommitted(driver);
      else await new Promise(resolve => setTimeout(resolve, when));
      const killAfterMs = performance.now() - started;
      if (target === 'importer') child.kill('SIGKILL');
      else process.kill(db.pid, 'SIGKILL');
      const { code } = await child.exited;
      if (target === 'importer') await killedImportSettled(driver);
      if (target === 'neo4j') {
        await driver.close();
        db = await startLocalNeo4j(neo4j);
        driver = createDriver({ uri: db.uri });
      }
      const seen = await outcome();
      const rolledBack = (await rollBackUnfinishedImports(driver)).length;
      const recovered = await outcome();
      log(`${mode}, kill ${target} after ${Math.round(killAfterMs)} ms: exit ${code}, readers saw ${seen}, after recovery ${recovered} (${rolledBack} rolled back)`);
      await restore();
      return { mode, target, killAfterMs, exitCode: code, seen, recovered, rolledBack };
    },
    async close() {
      await driver.close();
      await stopLocalNeo4j(neo4j.instanceDir);
      rmSync(files.old, { recursive: true, force: true });
      rmSync(files.changed, { recursive: true, force: true });
    },
  };
}

/** The compiled CLI, as `npm run import` runs it. */
const compiledCli: StartCli = (args, env) => {
  const child = spawn(process.execPath, ['--max-semi-space-size=8', fromRoot('.build', 'importers', 'cli.js'), ...args], {
    env: { ...process.env, ...env }, stdio: 'ignore', detached: true,
  });
  const exited = new Promise<{ code: number | null }>(done => child.on('close', code => done({ code })));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // it finished before the kill
    }
  };
  return { kill, exited };
};

/** Runs × outcome for `runs` kills, alternating mode and target; the kill moment is uniform over an uninterrupted import's duration. */
export async function runFaults(runs: number, log: (message: string) => void): Promise<{ runs: FaultRun[]; durations: Record<FaultMode, number>; table: Record<string, string | number>[] }> {
  const instanceDir = join(defaultCacheDir(), 'faults');
  const lab = await faultLab({ instanceDir, boltPort: Number(process.env.ROER_FAULTS_BOLT_PORT ?? 17740), heap: '1g', pageCache: '256m', log: message => log(`[neo4j] ${message}`) }, compiledCli, log);
  try {
    const durations = { staged: await lab.duration('staged'), 'one-transaction': await lab.duration('one-transaction') };
    log(`uninterrupted: staged ${Math.round(durations.staged)} ms, one transaction ${Math.round(durations['one-transaction'])} ms`);
    const results: FaultRun[] = [];
    for (let i = 0; i < runs; i++) {
      const mode: FaultMode = i % 2 === 0 ? 'staged' : 'one-transaction';
      const target: FaultTarget = Math.floor(i / 2) % 2 === 0 ? 'importer' : 'neo4j';
      results.push(await lab.run(mode, target, Math.random() * durations[mode]));
    }
    const table = (['staged', 'one-transaction'] as const).flatMap(mode => (['importer', 'neo4j'] as const).map(target => {
      const these = results.filter(run => run.mode === mode && run.target === target);
      const count = (key: 'seen' | 'recovered', outcome: Outcome) => these.filter(run => run[key] === outcome).length;
      return {
        mode, 'kill -9': target, runs: these.length,
        'seen old': count('seen', 'old'), 'seen new': count('seen', 'new'), 'seen other': count('seen', 'other'),
        'recovered old': count('recovered', 'old'), 'recovered new': count('recovered', 'new'), 'recovered other': count('recovered', 'other'),
        'rolled back': these.reduce((sum, run) => sum + run.rolledBack, 0),
      };
    }));
    return { runs: results, durations, table };
  } finally {
    await lab.close();
  }
}
