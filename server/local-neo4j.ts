// A real Neo4j Community server, assembled from Maven Central and run as a plain java process.
// Used by `npm start` (when NEO4J_URI is unset), `npm run db` and the test suite.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import { projectRoot } from './paths.js';

export const NEO4J_VERSION = '5.26.25';

const pomFile = join(projectRoot, 'scripts', 'neo4j', 'pom.xml');

export type LocalNeo4jOptions = {
  /** Folder holding this instance's conf, data, logs and pid file. */
  instanceDir: string;
  boltPort: number;
  heap?: string;
  pageCache?: string;
  /** Extra neo4j.conf settings that override the defaults (the benchmark lifts the transaction timeout). */
  settings?: Record<string, string>;
  /**
   * Extra JVM options for the server (and for the offline importer a bulk load runs on it). The tests'
   * short-lived instances start on the C1 compiler only: about half the start time on a busy machine.
   */
  jvmOptions?: string[];
  /** Shared folder for the assembled jars (several instances use one copy). */
  libDir?: string;
  log?: (message: string) => void;
};

export type LocalNeo4j = { uri: string; pid: number; startedHere: boolean; stop: () => Promise<void> };

export const defaultCacheDir = () => process.env.ROER_NEO4J_HOME ?? join(projectRoot, '.neo4j');

/** Finds a JDK that runs Neo4j 5.26 (17 or 21), or explains exactly what to install. */
export function findJava(): string {
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(join(process.env.JAVA_HOME, 'bin', 'java'));
  candidates.push('java');
  for (const base of ['/usr/lib/jvm', '/usr/java', '/opt/java', '/Library/Java/JavaVirtualMachines']) {
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base).sort()) {
      candidates.push(join(base, entry, 'bin', 'java'), join(base, entry, 'Contents', 'Home', 'bin', 'java'));
    }
  }
  const seen: string[] = [];
  for (const java of candidates) {
    const major = javaMajorVersion(java);
    if (major === undefined) continue;
    seen.push(`${java} (Java ${major})`);
    if (major === 17 || major === 21) return java;
  }
  throw new Error(
    `Neo4j ${NEO4J_VERSION} needs Java 17 or 21, and none was found` +
      (seen.length ? ` (found: ${seen.join(', ')})` : '') +
      '. Install one, e.g. `apt-get install openjdk-17-jre-headless`, or set JAVA_HOME to a JDK 17/21.',
  );
}

function javaMajorVersion(java: string): number | undefined {
  const result = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

/** Downloads the Neo4j jars with Maven once; later calls are a file check. */
export function assembleNeo4j(libDir: string, log: (m: string) => void = () => {}): void {
  const marker = join(libDir, '.assembled');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === NEO4J_VERSION) return;
  if (spawnSync('mvn', ['-v'], { encoding: 'utf8' }).status !== 0) {
    throw new Error('Maven (`mvn`) is needed once to assemble Neo4j from Maven Central. Install it, e.g. `apt-get install maven`.');
  }
  log(`Assembling Neo4j Community ${NEO4J_VERSION} from Maven Central into ${libDir} (once; about a minute)…`);
  rmSync(libDir, { recursive: true, force: true });
  mkdirSync(libDir, { recursive: true });
  const result = spawnSync(
    'mvn',
    ['-B', '-q', '-f', pomFile, `-Dneo4j.version=${NEO4J_VERSION}`, 'dependency:copy-dependencies', `-DoutputDirectory=${libDir}`, '-DincludeScope=runtime'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    throw new Error(`Maven could not assemble Neo4j ${NEO4J_VERSION}:\n${(result.stdout + result.stderr).slice(-3000)}`);
  }
  writeFileSync(marker, NEO4J_VERSION + '\n');
}

function writeConfig(opts: Required<Pick<LocalNeo4jOptions, 'instanceDir' | 'boltPort' | 'pageCache'>> & Pick<LocalNeo4jOptions, 'settings'>): string {
  const dir = resolve(opts.instanceDir);
  for (const sub of ['conf', 'data', 'logs', 'run', 'import', 'plugins']) mkdirSync(join(dir, sub), { recursive: true });
  const conf = [
    '# Written by Roer (server/local-neo4j.ts) at every start; edit the code, not this file.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${opts.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${opts.boltPort}`,
    'server.http.enabled=false',
    'server.https.enabled=false',
    `server.directories.data=${join(dir, 'data')}`,
    `server.directories.logs=${join(dir, 'logs')}`,
    `server.directories.run=${join(dir, 'run')}`,
    `server.directories.import=${join(dir, 'import')}`,
    `server.directories.plugins=${join(dir, 'plugins')}`,
    `server.directories.transaction.logs.root=${join(dir, 'data', 'transactions')}`,
    'dbms.security.auth_enabled=false',
    `server.memory.pagecache.size=${opts.pageCache}`,
    'dbms.memory.transaction.total.max=2g',
    'db.transaction.timeout=600s',
    'db.logs.query.enabled=OFF',
    'dbms.usage_report.enabled=false',
    // Neo4j stops its databases first and then waits 5 s twice for the Bolt server's threads and
    // network (measured: a stop took 10.4 s, with these 0.8 s); a bulk load stops it mid-import.
    'internal.server.bolt.thread_pool_shutdown_wait_time=0s',
    'internal.dbms.bolt.netty_server_shutdown_timeout=0s',
  ]
    .filter(line => !(line.split('=')[0] in (opts.settings ?? {})))
    .concat(Object.entries(opts.settings ?? {}).map(([key, value]) => `${key}=${value}`), '')
    .join('\n');
  writeFileSync(join(dir, 'conf', 'neo4j.conf'), conf);
  return dir;
}

const pidFile = (instanceDir: string) => join(resolve(instanceDir), 'run', 'roer-neo4j.pid');

function readPid(instanceDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(pidFile(instanceDir), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** True once a query succeeds: an open port alone does not mean the database is online. */
export async function isReady(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, undefined, { connectionTimeout: 2000, maxConnectionPoolSize: 1 });
  try {
    await driver.executeQuery('RETURN 1', {}, { database: 'neo4j' });
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

/** Starts the instance (or reuses one that is already running there) and waits until it answers queries. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const log = options.log ?? (() => {});
  const uri = `bolt://127.0.0.1:${options.boltPort}`;
  const instanceDir = resolve(options.instanceDir);
  const running = readPid(instanceDir);
  if (running && (await isReady(uri))) {
    log(`Neo4j already running (pid ${running}) at ${uri}`);
    return { uri, pid: running, startedHere: false, stop: async () => {} };
  }
  if (running) await stopPid(running, log);

  const libDir = options.libDir ?? join(defaultCacheDir(), 'lib');
  assembleNeo4j(libDir, log);
  const java = findJava();
  writeConfig({ instanceDir, boltPort: options.boltPort, pageCache: options.pageCache ?? '256m', settings: options.settings });
  const heap = options.heap ?? '1g';
  const consoleLog = join(instanceDir, 'logs', 'console.log');
  const out = openSync(consoleLog, 'w');
  const child = spawn(
    java,
    [
      `-Xms${heap}`, `-Xmx${heap}`, '-XX:+UseG1GC', '-XX:-OmitStackTraceInFastThrow', '-XX:+UnlockExperimentalVMOptions',
      '-XX:+TrustFinalNonStaticFields', '-XX:+DisableExplicitGC', '-Djdk.nio.maxCachedBufferSize=1024', ...(options.jvmOptions ?? []),
      '-Dio.netty.tryReflectionSetAccessible=true', '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED', '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '--enable-native-access=ALL-UNNAMED', '-Dlog4j2.disable.jmx=true',
      '-cp', `${join(instanceDir, 'plugins')}/*:${libDir}/*`,
      'org.neo4j.server.CommunityEntryPoint', `--home-dir=${instanceDir}`, `--config-dir=${join(instanceDir, 'conf')}`, '--console-mode',
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  child.unref();
  const pid = child.pid!;
  writeFileSync(pidFile(instanceDir), `${pid}\n`);
  log(`Starting Neo4j ${NEO4J_VERSION} (pid ${pid}, ${uri}, data in ${join(instanceDir, 'data')})…`);

  let exited: number | null | undefined;
  child.once('exit', code => (exited = code));
  const deadline = Date.now() + 180_000;
  while (!(await isReady(uri))) {
    if (exited !== undefined) {
      throw new Error(`Neo4j exited with code ${exited} while starting. Last lines of ${consoleLog}:\n${tail(consoleLog, 30)}`);
    }
    if (Date.now() > deadline) {
      await stopPid(pid, log);
      throw new Error(`Neo4j did not answer within 180 s. Last lines of ${consoleLog}:\n${tail(consoleLog, 30)}`);
    }
    await sleep(400);
  }
  log(`Neo4j is ready at ${uri}`);
  return { uri, pid, startedHere: true, stop: async () => void (await stopLocalNeo4j(instanceDir, log)) };
}

export async function stopLocalNeo4j(instanceDir: string, log: (m: string) => void = () => {}): Promise<boolean> {
  const pid = readPid(instanceDir);
  if (!pid) return false;
  await stopPid(pid, log);
  rmSync(pidFile(instanceDir), { force: true });
  return true;
}

/** SIGTERM lets Neo4j checkpoint and shut down; SIGKILL after a timeout so nothing hangs. */
async function stopPid(pid: number, log: (m: string) => void, timeoutMs = 60_000): Promise<void> {
  log(`Stopping Neo4j (pid ${pid})…`);
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return;
    await sleep(200);
  }
  log(`Neo4j (pid ${pid}) did not stop within ${timeoutMs / 1000} s; killing it.`);
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/**
 * Runs Neo4j's offline importer (`neo4j-admin database import full`) on a stopped instance: the
 * database is replaced by the one built from `args` (--nodes, --relationships, …). Resolves with the
 * importer's output; rejects with its last lines if it fails.
 */
export async function neo4jAdminImport(options: { instanceDir: string; database: string; args: string[]; libDir?: string; heap?: string; jvmOptions?: string[]; log?: (m: string) => void }): Promise<string> {
  const instanceDir = resolve(options.instanceDir);
  if (readPid(instanceDir)) throw new Error(`Neo4j in ${instanceDir} is running; the offline importer needs it stopped`);
  const libDir = options.libDir ?? join(defaultCacheDir(), 'lib');
  assembleNeo4j(libDir, options.log);
  const child = spawn(
    findJava(),
    [`-Xmx${options.heap ?? '1g'}`, ...(options.jvmOptions ?? []), '-cp', `${libDir}/*`, 'org.neo4j.cli.AdminTool', 'database', 'import', 'full', options.database, '--overwrite-destination', ...options.args],
    { env: { ...process.env, NEO4J_HOME: instanceDir, NEO4J_CONF: join(instanceDir, 'conf') }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('exit', done);
  });
  if (code !== 0) throw new Error(`neo4j-admin database import exited with code ${code}:\n${output.trim().split('\n').slice(-15).join('\n')}`);
  return output;
}

export function localNeo4jStatus(instanceDir: string): { running: boolean; pid?: number } {
  const pid = readPid(instanceDir);
  return pid ? { running: true, pid } : { running: false };
}

/** Deletes the instance's data (the jars stay). The instance must be stopped first. */
export async function resetLocalNeo4j(instanceDir: string, log: (m: string) => void = () => {}): Promise<void> {
  await stopLocalNeo4j(instanceDir, log);
  rmSync(join(resolve(instanceDir), 'data'), { recursive: true, force: true });
}

/** Whether a process runs. A killed one nobody has reaped yet (a zombie) still answers kill(0), but is dead. */
function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return true; // no /proc: kill(0) has to do
  }
}

const sleep = (ms: number) => new Promise(done => setTimeout(done, ms));

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
