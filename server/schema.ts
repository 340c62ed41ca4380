import type { Driver } from 'neo4j-driver';
import { write } from './neo4j.js';
import { query } from './queries.js';

/** Constraints and indexes from cypher/schema.cypher; every statement is IF NOT EXISTS, so this is idempotent. */
export async function applySchema(driver: Driver): Promise<void> {
  for (const statement of query('schema').statements) await write(driver, statement);
  await write(driver, 'CALL db.awaitIndexes(300)');
}
