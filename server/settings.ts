// Settings changed at run time (the lock-in weights) live in Neo4j as (:Setting {name}) with JSON text,
// so every server process on the database reads the same value and a restart keeps it.
import type { Driver } from 'neo4j-driver';
import { database, read } from './neo4j.js';
import { query } from './queries.js';

export type StoredSetting = { value: unknown; updatedBy: string; updatedAt: string };

export async function readSetting(driver: Driver, name: string): Promise<StoredSetting | null> {
  const [row] = await read<{ value: string; updatedBy: string; updatedAt: string }>(driver, query('api/setting-read').text, { name });
  return row ? { ...row, value: JSON.parse(row.value) as unknown } : null;
}

/**
 * Replaces the setting with `change(current)` (`null`: forget it, the defaults apply again). The
 * setting is locked before it is read, so concurrent changes from several servers apply one after
 * the other instead of one overwriting the other. `change` may run again when Neo4j retries.
 */
export async function updateSetting(driver: Driver, name: string, by: string, change: (current: unknown) => unknown): Promise<void> {
  const session = driver.session({ database: database() });
  try {
    await session.executeWrite(async tx => {
      const [record] = (await tx.run(query('api/setting-lock').text, { name })).records;
      const stored = record.get('value') as string | null;
      const next = change(stored === null ? null : JSON.parse(stored));
      if (next === null) await tx.run(query('api/setting-delete').text, { name });
      else await tx.run(query('api/setting-write').text, { name, value: JSON.stringify(next), by });
    });
  } finally {
    await session.close();
  }
}
