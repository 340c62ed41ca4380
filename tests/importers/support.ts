// Fixture files for the importer tests: the English and Dutch CSV sets, and small edits of them.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import type { FileInput } from '../../importers/mapping.js';
import { RECORD_LABELS, snapshot } from '../support/db.js';

export const fixtureDir = (set: 'en' | 'nl') => join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import', set);

export function fixture(set: 'en' | 'nl'): FileInput[] {
  return readdirSync(fixtureDir(set)).sort().map(name => ({ name, bytes: readFileSync(join(fixtureDir(set), name)) }));
}

export const csv = (name: string, text: string): FileInput => ({ name, bytes: Buffer.from(text, 'utf8') });

/** The English set with one file replaced (by name), or with a file left out (text null). */
export function edited(changes: Record<string, string | null>): FileInput[] {
  const files = fixture('en').filter(file => changes[file.name] !== null);
  return files.map(file => (typeof changes[file.name] === 'string' ? csv(file.name, changes[file.name] as string) : file))
    .concat(Object.entries(changes).filter(([name, text]) => text !== null && !files.some(file => file.name === name)).map(([name, text]) => csv(name, text!)));
}

export const text = (file: FileInput) => Buffer.from(file.bytes).toString('utf8').replace(/^\uFEFF/, '');
export const enText = (name: string) => text(fixture('en').find(file => file.name === name)!);

/** The landscape graph without provenance stamps, the times claims were made and Roer's records of its runs: what two imports should agree on. */
export async function graphOf(driver: Driver): Promise<string[]> {
  return (await snapshot(driver))
    .map(line => JSON.parse(line))
    .filter(entry => !(entry.labels ?? []).some((label: string) => RECORD_LABELS.includes(label)))
    .map(entry => {
      const { runs: _runs, claimAt: _claimAt, ...props } = entry.props;
      return JSON.stringify({ ...entry, props });
    })
    .sort();
}

/** Every node's and relationship's stamps (`runs`), counted: which runs the graph's facts carry. */
export const stampCounts = (driver: Driver) =>
  read<{ runs: string[]; count: number }>(driver, `
    CALL () { MATCH (n:Entity) RETURN n.runs AS runs UNION ALL MATCH ()-[r]->() RETURN r.runs AS runs }
    RETURN runs, count(*) AS count ORDER BY count DESC`);
