// Where the test Neo4j lives. NEO4J_TEST_URI points the tests at a server you run; otherwise the
// suite starts its own instance on a separate port and data folder, never the user's data.
import { join } from 'node:path';
import { defaultCacheDir } from '../../server/local-neo4j.js';

export const testInstance = () => {
  const name = process.env.ROER_TEST_INSTANCE ?? 'test';
  const port = Number(process.env.ROER_TEST_BOLT_PORT ?? 17687);
  return { instanceDir: join(defaultCacheDir(), name), boltPort: port, uri: process.env.NEO4J_TEST_URI ?? `bolt://127.0.0.1:${port}` };
};
