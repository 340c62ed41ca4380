// Re-importing files that did not change writes nothing: every node and relationship would get the
// same properties, and re-stamping them all through Cypher took as long as the first import (the
// country: 100–107 s). An import whose validated landscape has the digest of the source's latest run
// is recorded as a run that found nothing changed, when nothing else can have changed the source's
// facts since (unchangedSince: every run records the other sources whose facts it gave other
// properties, `overwrote` in cypher/load/nodes.cypher and relationships.cypher).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ManagedTransaction } from 'neo4j-driver';
import { queriesIn, query } from '../server/queries.js';
import { type Landscape, TABLES, type TableName, uid } from './model.js';

/**
 * The landscape as the load would write it: its rows, and the code and queries that turn rows into
 * the graph (a Roer that writes more or other properties must not find an old import unchanged).
 */
export function landscapeDigest(landscape: Landscape): string {
  const digest = createHash('sha256').update(graphCode());
  for (const table of ['organisations', ...TABLES, 'elements', 'relations', 'links'] as const) {
    digest.update(`\u0000${table}\u0000`);
    for (const row of landscape[table] ?? []) digest.update(`${JSON.stringify(row)}\n`);
  }
  return digest.digest('base64');
}

let code: string | undefined;
/** The modules of the transform (load, model, open standards; .ts or compiled .js) and the load queries. */
function graphCode(): string {
  if (code === undefined) {
    const extension = /\.[cm]?[jt]s$/.exec(fileURLToPath(import.meta.url))?.[0] ?? '.js';
    const modules = ['load', 'model', 'open-standards'].map(name => readFileSync(fileURLToPath(new URL(`./${name}${extension}`, import.meta.url)), 'utf8'));
    code = createHash('sha256').update([...modules, ...queriesIn('load').map(named => named.text)].join('\u0000')).digest('base64');
  }
  return code;
}

/** The first and last row of every table, as node uids: where a deleted or rewritten source shows. */
export function sampleUids(landscape: Landscape): string[] {
  const uidOf: Record<TableName, (row: never) => string> = {
    suppliers: (row: { id: string }) => uid.supplier(row.id),
    platforms: (row: { id: string }) => uid.platform(row.id),
    applications: (row: { organisation: string; id: string }) => uid.application(row.organisation, row.id),
    interfaces: (row: { organisation: string; id: string }) => uid.interface(row.organisation, row.id),
    contracts: (row: { organisation: string; id: string }) => uid.contract(row.organisation, row.id),
  };
  return TABLES.flatMap(table => {
    const rows = landscape[table] as never[];
    return rows.length === 0 ? [] : [...new Set([uidOf[table](rows[0]), uidOf[table](rows[rows.length - 1])])];
  });
}

/** The latest run of a source that found its files unchanged: what it wrote then, and when. */
export type UnchangedSince = { runId: string; finishedAt: string; stamp: string; asserted: unknown; counts: string };

/**
 * The source's latest run, if it succeeded with this digest, no import since it started can have
 * changed the source's facts, and the sampled nodes still carry the stamp of the run that wrote them
 * (cypher/import/unchanged-since); else null, and the import writes as usual.
 */
export async function unchangedSince(tx: ManagedTransaction, source: string, digest: string, uids: string[]): Promise<UnchangedSince | null> {
  const [found] = (await tx.run(query('import/unchanged-since').text, { source, digest, uids })).records;
  return found ? (found.toObject() as UnchangedSince) : null;
}
