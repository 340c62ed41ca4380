// Re-importing unchanged files writes nothing but a run record: an import is a diff against what its
// source asserts (the row state, importers/row-state.ts), and a diff without changes writes nothing.
// The state is trusted only while it describes the graph: it was written by the same code that turns
// rows into the graph (graphCode: a Roer that writes more or other properties writes everything
// again), and the nodes it names still carry a stamp of the source (stillAsserted: a graph emptied by
// hand, or a source deleted around the state, is written again). Rows are hashed after their reference
// components are resolved through the GEMMA catalogue (importers/catalogue.ts). A GEMMA release that
// renames components re-resolves the stored rows that name them in its own run (catalogue-reresolve.ts),
// so unchanged files stay unchanged; where it could not (a state from an older Roer), the rows whose
// resolution changed are changed rows, recorded as such, never skipped (catalogue-changes.ts says why).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { read } from '../server/neo4j.js';
import { queriesIn, query } from '../server/queries.js';
import type { TableName } from './model.js';

let code: string | undefined;
/** The modules of the transform (load, model, open standards; .ts or compiled .js) and the load queries. */
export function graphCode(): string {
  if (code === undefined) {
    const extension = /\.[cm]?[jt]s$/.exec(fileURLToPath(import.meta.url))?.[0] ?? '.js';
    const modules = ['load', 'model', 'open-standards'].map(name => readFileSync(fileURLToPath(new URL(`./${name}${extension}`, import.meta.url)), 'utf8'));
    code = createHash('sha256').update([...modules, ...queriesIn('load').map(named => named.text)].join('\u0000')).digest('base64');
  }
  return code;
}

/** The digest of an import: the code and every table's rows (the run record's `digest`). */
export const importDigest = (tables: { table: TableName; digest: string }[]) =>
  createHash('sha256').update(graphCode()).update(tables.map(table => `${table.table}:${table.digest}`).join('\n')).digest('base64');

/** Whether rows the state holds (the first and last of every table: assertedSample) still have a node carrying a stamp of the source. */
export async function stillAsserted(driver: Driver, source: string, uids: string[]): Promise<boolean> {
  if (uids.length === 0) return true;
  const [{ found }] = await read<{ found: number }>(driver, query('history/asserted-sample').text, { uids, sourcePrefix: `${source}#` });
  return found === uids.length;
}
