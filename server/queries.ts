// Named Cypher files, one query per file, loaded by name. Metadata lives in a comment header so
// the file still pastes into Neo4j Browser.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fromRoot } from './paths.js';

export type NamedQuery = { name: string; title: string; description: string; params: string[]; text: string; statements: string[] };

export const cypherDir = fromRoot('cypher');

const cache = new Map<string, NamedQuery>();

/** `query('load/applications')` → the parsed contents of cypher/load/applications.cypher. */
export function query(name: string): NamedQuery {
  let found = cache.get(name);
  if (!found) {
    const text = readFileSync(join(cypherDir, `${name}.cypher`), 'utf8');
    found = { name, ...readHeader(text), params: paramsOf(body(text)), text, statements: splitStatements(text) };
    cache.set(name, found);
  }
  return found;
}

/** All queries in a folder of cypher/, e.g. `queriesIn('analyses')`. */
export function queriesIn(folder: string): NamedQuery[] {
  const dir = join(cypherDir, folder);
  return readdirSync(dir)
    .filter(file => file.endsWith('.cypher') && statSync(join(dir, file)).isFile())
    .sort()
    .map(file => query(relative(cypherDir, join(dir, file)).replace(/\.cypher$/, '')));
}

function readHeader(text: string): { title: string; description: string } {
  const header: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\/\/\s*(\w+):\s*(.*)$/.exec(line.trim());
    if (match) header[match[1]] = match[2];
    else if (!line.trim().startsWith('//')) break;
  }
  return { title: header.title ?? '', description: header.description ?? '' };
}

const body = (text: string) => text.split('\n').filter(line => !line.trim().startsWith('//')).join('\n');
const paramsOf = (cypher: string) => [...new Set([...cypher.matchAll(/\$(\w+)/g)].map(match => match[1]))];

/** A multi-statement file is split on `;` at the end of a line (schema and cleanup files). */
function splitStatements(text: string): string[] {
  return body(text)
    .split(/;\s*$/m)
    .map(statement => statement.trim())
    .filter(Boolean);
}
