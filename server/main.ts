// `npm start`: config → Neo4j (the local one, started here, or NEO4J_URI) → schema → demo data when
// the database is empty → web UI build → HTTP. SIGINT/SIGTERM close everything this process opened.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createApp, defaultServices } from './app.js';
import { SEED_TOKEN_NAME, listTokens, seedAdminToken } from './auth.js';
import { type Config, ConfigError, isLoopback, loadConfig, localInstanceDir } from './config.js';
import { type LocalNeo4j, startLocalNeo4j } from './local-neo4j.js';
import { type ImportReport, importFiles, importLandscape, rollBackUnfinishedImports, sweepAbandonedImports } from '../importers/import.js';
import { undoInterruptedBulkLoads } from '../importers/bulk.js';
import { loadDemoAlgorithms } from '../importers/demo/algorithms.js';
import { generateLandscape } from '../importers/demo/generate.js';
import { limitHeapGrowth } from './heap.js';
import { createDriver, read } from './neo4j.js';
import { allowedHosts } from './request-guard.js';
import { applySchema } from './schema.js';
import { fromRoot } from './paths.js';
import { importEndOfLife } from '../importers/endoflife.js';

const DEMO_SOURCE = 'demo:gemeente-roerdam';
const log = (message: string): void => void process.stdout.write(`[roer] ${message}\n`);
/** The Neo4j this process started, so a failed start-up stops it again. */
let local: LocalNeo4j | undefined;

async function loadDemo(driver: Driver, config: Config): Promise<void> {
  if (config.ROER_DEMO === 'none') return;
  const [{ applications }] = await read<{ applications: number }>(driver, 'MATCH (a:Application) RETURN count(a) AS applications');
  if (applications > 0) return log(`Database holds ${applications} applications; no demo data loaded.`);
  let report: ImportReport;
  if (config.ROER_DEMO === 'region') {
    log('Empty database: generating and loading the demo region (several municipalities)…');
    report = await importLandscape(driver, generateLandscape({ size: 'region' }), { source: 'demo:region', user: 'roer-start' });
  } else {
    const folder = fromRoot('importers', 'demo', 'data', 'gemeente-roerdam');
    log(`Empty database: loading the demo municipality from ${folder}…`);
    const files = readdirSync(folder).filter(name => name.endsWith('.csv')).map(name => join(folder, name));
    report = await importFiles(driver, files, { source: DEMO_SOURCE, user: 'roer-start' });
  }
  if (!report.ok) throw new Error(`The demo landscape did not import (${report.issues.length} problems): ${JSON.stringify(report.issues.slice(0, 5))}`);
  log(`Demo loaded: ${Object.entries(report.tables).map(([table, counts]) => `${counts.read} ${table}`).join(', ')}.`);
  const algorithms = await loadDemoAlgorithms(driver);
  log(`Demo algorithms loaded: ${algorithms.tables.algorithms.read} (Algoritmeregister).`);
  // The release cycles of the products the demo's platforms run (ICT-foto).
  const endOfLife = fromRoot('importers', 'demo', 'data', 'endoflife.json');
  const cycles = await importEndOfLife(driver, [{ name: 'endoflife.json', bytes: readFileSync(endOfLife) }], { source: 'demo:endoflife', user: 'roer-start' });
  log(`Demo end-of-support dates loaded: ${cycles.releaseCycles} release cycles.`);
}

async function buildWebIfPresent(): Promise<string | undefined> {
  if (!existsSync(fromRoot('web', 'build.ts'))) return undefined;
  log('Building the web UI…');
  const specifier = '../web/build.js';
  const { buildWeb } = (await import(specifier)) as { buildWeb: () => Promise<string> };
  return buildWeb();
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  limitHeapGrowth(config.ROER_HEAP_GROWTH_PERCENT);
  if (config.ROER_AUTH === 'off' && !isLoopback(config.HOST)) warnUnauthenticatedNetwork(config);

  let uri = config.NEO4J_URI;
  if (!uri) {
    log(`NEO4J_URI is not set: starting the local Neo4j (data in ${localInstanceDir(config)})…`);
    await undoInterruptedBulkLoads(localInstanceDir(config), log);
    local = await startLocalNeo4j({ instanceDir: localInstanceDir(config), boltPort: config.NEO4J_BOLT_PORT, heap: config.NEO4J_HEAP, pageCache: config.NEO4J_PAGECACHE, log });
    uri = local.uri;
  } else log(`Using Neo4j at ${uri}`);

  const driver = createDriver({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE, queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS });
  let server: Server | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down…`);
    await new Promise<void>(done => (server ? server.close(() => done()) : done()));
    server?.closeAllConnections();
    await driver.close();
    if (local?.startedHere) await local.stop();
    log('Stopped.');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  log('Applying the schema…');
  await applySchema(driver);
  const rolledBack = await rollBackUnfinishedImports(driver);
  if (rolledBack.length) log(`Rolled back ${rolledBack.length} import(s) whose process had gone: ${rolledBack.join(', ')}.`);
  sweepAbandonedImports(driver, log);
  if (config.ROER_ADMIN_TOKEN) {
    await seedAdminToken(driver, config.ROER_ADMIN_TOKEN);
    log(`Admin token from ROER_ADMIN_TOKEN stored as '${SEED_TOKEN_NAME}'.`);
  } else if (config.ROER_AUTH === 'token' && (await listTokens(driver)).length === 0) {
    log('Warning: ROER_AUTH=token but there are no API tokens; set ROER_ADMIN_TOKEN to create the first (admin) token.');
  }
  await loadDemo(driver, config);
  const app = createApp({ driver, config, services: { ...defaultServices(), webDir: await buildWebIfPresent() } });
  server = app.listen(config.PORT, config.HOST);
  await new Promise<void>((done, fail) => server!.once('listening', done).once('error', fail));
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
  log(`Roer is running at http://${host}:${config.PORT} (API: /api, OpenAPI: /api/openapi.json; auth ${config.ROER_AUTH}). Ctrl+C stops it${local?.startedHere ? ' and Neo4j' : ''}.`);
  if (!isLoopback(config.HOST)) log(`Answering requests for the host names ${[...allowedHosts(config)].join(', ')} only; add the names people use to ROER_ALLOWED_HOSTS.`);
}

/** ROER_ALLOW_UNAUTHENTICATED_NETWORK=yes (config.ts refuses this combination without it): said loudly, every start. */
function warnUnauthenticatedNetwork(config: Config): void {
  const rule = '!'.repeat(100);
  process.stderr.write(
    `${rule}\n[roer] WARNING: HOST=${config.HOST} with ROER_AUTH=off (allowed by ROER_ALLOW_UNAUTHENTICATED_NETWORK=yes).\n` +
      `[roer] Anyone who can reach port ${config.PORT} of this machine can read, import, delete and manage API tokens as an admin.\n` +
      `[roer] Set ROER_AUTH=token and ROER_ADMIN_TOKEN, or HOST=127.0.0.1, unless this network is yours alone.\n${rule}\n`,
  );
}

main().catch(async error => {
  process.stderr.write(`[roer] Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  if (local?.startedHere) await local.stop().catch(() => undefined);
  process.exit(1);
});
