// Starts the test Neo4j once per `npm test` (jest loads this file natively, so TypeScript comes in via tsx).
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { startTestNeo4j } = await tsImport('./start-test-neo4j.ts', import.meta.url);
  globalThis.__roerNeo4jStop = await startTestNeo4j();
}
