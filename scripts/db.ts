// `npm run db -- start|stop|status|reset`: manage the local Neo4j that `npm start` uses.
import { loadConfig, localInstanceDir } from '../server/config.js';
import { localNeo4jStatus, resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j, NEO4J_VERSION } from '../server/local-neo4j.js';

const usage = 'Usage: npm run db -- start|stop|status|reset';

async function main(command: string | undefined): Promise<number> {
  const config = loadConfig();
  const instanceDir = localInstanceDir(config);
  const log = (message: string) => console.log(message);
  switch (command) {
    case 'start': {
      const db = await startLocalNeo4j({ instanceDir, boltPort: config.NEO4J_BOLT_PORT, heap: config.NEO4J_HEAP, pageCache: config.NEO4J_PAGECACHE, log });
      console.log(`Neo4j ${NEO4J_VERSION} runs at ${db.uri} (pid ${db.pid}); stop it with: npm run db -- stop`);
      return 0;
    }
    case 'stop':
      console.log((await stopLocalNeo4j(instanceDir, log)) ? 'Stopped.' : 'Not running.');
      return 0;
    case 'status': {
      const status = localNeo4jStatus(instanceDir);
      console.log(status.running ? `Running (pid ${status.pid}), bolt://127.0.0.1:${config.NEO4J_BOLT_PORT}, data in ${instanceDir}/data` : `Not running (data in ${instanceDir}/data)`);
      return 0;
    }
    case 'reset':
      await resetLocalNeo4j(instanceDir, log);
      console.log('Local Neo4j stopped and its data deleted. `npm start` will load the demo landscape again.');
      return 0;
    default:
      console.error(usage);
      return 2;
  }
}

main(process.argv[2]).then(
  code => process.exit(code),
  error => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
