// The test suite's one driver per test file, on the Neo4j that global-setup started.
import type { Driver } from 'neo4j-driver';
import { query } from '../../server/queries.js';
import { applySchema } from '../../server/schema.js';
import { createDriver, read, write } from '../../server/neo4j.js';
import { testInstance } from './test-neo4j.js';

export function testDriver(): Driver {
  return createDriver({ uri: testInstance().uri });
}

/** Empty graph with the schema in place. */
export async function resetDatabase(driver: Driver): Promise<void> {
  await write(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS').catch(async () => {
    await write(driver, 'MATCH (n) DETACH DELETE n');
  });
  if (!(await schemaInPlace(driver))) await applySchema(driver);
}

/** The constraints and indexes cypher/schema.cypher names (its one data statement has nothing to do in an empty graph). */
const SCHEMA_NAMES = query('schema').statements.flatMap(statement => /^CREATE\b.*?\b(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS/s.exec(statement.trim())?.[1] ?? []);

/**
 * Whether every constraint and index of the schema exists and is online: then applying it again (43
 * statements, seconds under load, at each of the suite's few hundred resets) would change nothing.
 */
async function schemaInPlace(driver: Driver): Promise<boolean> {
  const indexes = await read<{ name: string; state: string }>(driver, 'SHOW INDEXES YIELD name, state');
  const constraints = await read<{ name: string }>(driver, 'SHOW CONSTRAINTS YIELD name');
  const online = new Set([...indexes.filter(index => index.state === 'ONLINE'), ...constraints].map(row => row.name));
  return SCHEMA_NAMES.every(name => online.has(name));
}

/** Sorted [label, uid] tuples, the easiest thing to compare. */
export async function nodes(driver: Driver, label: string): Promise<string[]> {
  const rows = await read<{ uid: string }>(driver, 'MATCH (n:Entity) WHERE $label IN labels(n) RETURN n.uid AS uid ORDER BY uid', { label });
  return rows.map(row => row.uid);
}

/** Sorted 'from -TYPE-> to' strings. */
export async function rels(driver: Driver, type: string): Promise<string[]> {
  const rows = await read<{ text: string }>(
    driver,
    'MATCH (a)-[r]->(b) WHERE type(r) = $type RETURN a.uid + " -" + type(r) + "-> " + b.uid AS text ORDER BY text',
    { type },
  );
  return rows.map(row => row.text);
}

/**
 * Everything in the graph (nodes, relationships, properties) as sorted text, to prove an import changed
 * nothing; but the audit log, which records a refused import too (tests/server/audit.test.ts).
 */
export async function snapshot(driver: Driver): Promise<string[]> {
  const rows = await read(
    driver,
    `CALL () {
       MATCH (n) WHERE NOT n:AuditEntry AND NOT n:AuditHead RETURN labels(n) AS labels, properties(n) AS props, null AS type, null AS start, null AS end
       UNION ALL
       MATCH (a)-[r]->(b) RETURN null AS labels, properties(r) AS props, type(r) AS type, coalesce(a.uid, a.runId) AS start, coalesce(b.uid, b.runId) AS end
     }
     RETURN labels, props, type, start, end`,
  );
  return rows.map(stableStringify).sort();
}

/** Labels of what Roer records about its runs (run records, row state, diffs, headline numbers, journal), not of the landscape. */
export const RECORD_LABELS = ['ImportRun', 'RunDiff', 'RowBucket', 'SourceTable', 'Headline', 'Journal'];

/** The snapshot without Roer's records of its runs: what the landscape holds (stamps included). */
export async function landscapeSnapshot(driver: Driver): Promise<string[]> {
  return (await snapshot(driver)).filter(line => !RECORD_LABELS.some(label => line.includes(`"labels":["${label}"]`)));
}

const stableStringify = (value: unknown): string =>
  JSON.stringify(value, (_key, inner) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.keys(inner).sort().map(key => [key, (inner as Record<string, unknown>)[key]]))
      : inner,
  );
