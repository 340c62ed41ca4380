// Shared helpers for the ArchiMate tests: the reference data lives beside the repository, never in it.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import { query } from '../../server/queries.js';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const reference = (path: string) => resolve(repoRoot, '..', 'shared', 'reference-data', path);
export const fixture = (path: string) => resolve(repoRoot, 'tests', 'fixtures', 'archimate', path);

export async function modelCounts(driver: Driver, source: string): Promise<{ elements: number; relationships: number }> {
  const [row] = await read<{ elements: number; relationships: number }>(driver, query('archimate/model-counts').text, { sourcePrefix: `${source}#` });
  return row;
}
