// Per-organisation scope is a boundary: what every export of some organisations (AMEFF, GraphML, the
// graph, reports, workbooks) may hold. Their own facts and the shared catalogue they refer to, nothing
// that only another organisation asserted. The rule is one query (cypher/exports/organisation-scope.cypher);
// exports read their nodes and relationships through it.
import type { Driver } from 'neo4j-driver';
import { read } from '../neo4j.js';
import { query } from '../queries.js';
import { cached } from '../analyses/snapshot-cache.js';

export type OrganisationScope = {
  organisations: string[];
  /** The nodes an export of the organisations may hold. */
  uids: string[];
  /** The relationships among those it may hold (element ids, valid while the graph is unchanged). */
  relationships: string[];
  /** The same relationships as `from uid|TYPE|to uid` (edgeKey), valid for as long as the uids are. */
  edges: string[];
  /** Sources of other organisations only: what they alone assert stays out. */
  foreign: string[];
};

/**
 * The scope of `organisations` (at least one), kept while the database is unchanged (snapshot-cache.ts):
 * a report asks for it for its analyses' snapshot and again for its names, an export for its nodes. Shared: never mutate it.
 * `keep: false` for one that is about to be out of date (the headline numbers an import records).
 */
export function organisationScope(driver: Driver, organisations: string[], options: { keep?: boolean } = {}): Promise<OrganisationScope> {
  const chosen = [...new Set(organisations)].sort();
  const bytes = (scope: OrganisationScope) => 200 + 60 * scope.uids.length + 120 * scope.relationships.length;
  return cached(driver, `organisation-scope:${JSON.stringify(chosen)}`, () => loadScope(driver, chosen), bytes, { maxShare: 0.125, keep: options.keep });
}

async function loadScope(driver: Driver, chosen: string[]): Promise<OrganisationScope> {
  const [row] = await read<{ uids: string[]; foreign: string[] }>(driver, query('exports/organisation-scope').text, { organisations: chosen });
  const [uids, foreign] = [row?.uids ?? [], row?.foreign ?? []];
  // A second query, so that the uids are a parameter: Neo4j looks a parameter list up as a set, not item by item.
  const [rels] = await read<{ relationships: string[]; edges: string[] }>(driver, query('exports/organisation-scope-relationships').text, { organisations: chosen, uids, foreign });
  return { organisations: chosen, uids, relationships: rels?.relationships ?? [], edges: rels?.edges ?? [], foreign };
}

/** A relationship of a scope's `edges`. */
export const edgeKey = (from: string, type: string, to: string): string => `${from}|${type}|${to}`;
