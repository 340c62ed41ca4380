// `npm run audit -- verify|list [--limit N]`: checks the audit log's hash chain, or prints its latest
// entries. Connects like `npm run import`: NEO4J_URI, else the local Neo4j (started for the check when
// it is not running, and stopped again). Exit code of verify: 0 intact, 1 broken, 2 anything else.
import { parseArgs } from 'node:util';
import { listAudit, verifyAudit } from '../server/audit.js';
import { loadConfig, localInstanceDir } from '../server/config.js';
import { startLocalNeo4j } from '../server/local-neo4j.js';
import { createDriver } from '../server/neo4j.js';

const usage = 'Usage: npm run audit -- verify | list [--limit 50]';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { limit: { type: 'string', default: '50' } } });
  const [command] = positionals;
  if (command !== 'verify' && command !== 'list') {
    console.error(usage);
    return 2;
  }
  const config = loadConfig();
  let stopNeo4j = async () => {};
  let uri = config.NEO4J_URI;
  if (!uri) {
    const db = await startLocalNeo4j({ instanceDir: localInstanceDir(config), boltPort: config.NEO4J_BOLT_PORT, heap: config.NEO4J_HEAP, pageCache: config.NEO4J_PAGECACHE, log: message => console.error(message) });
    if (db.startedHere) stopNeo4j = db.stop;
    uri = db.uri;
  }
  const driver = createDriver({ uri, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE, queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS });
  try {
    if (command === 'list') {
      for (const entry of (await listAudit(driver, Number(values.limit) || 50)).reverse()) {
        console.log([entry.seq ?? '-', entry.at, entry.actor, entry.action, entry.object, entry.result, entry.origin, JSON.stringify(entry.details)].join('\t'));
      }
      return 0;
    }
    const { entries, intact, problems, head } = await verifyAudit(driver);
    if (intact) {
      // The head hash, noted elsewhere (a ticket, a mail), also shows a chain rewritten from the start.
      console.log(`${entries} entries, chain intact${head ? ` (head: entry ${head.seq}, hash ${head.hash})` : ''}`);
      return 0;
    }
    console.error(`Audit chain broken / auditlog aangetast: ${problems[0]}`);
    for (const problem of problems.slice(1)) console.error(`  also: ${problem}`);
    console.error(`${entries} entries read.`);
    return 1;
  } finally {
    await driver.close();
    await stopNeo4j();
  }
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
