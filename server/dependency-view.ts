// The dependency view of one node: the node in the middle, what it depends on to one side and what
// depends on it to the other, in columns by number of steps (hops), one step more on request. The
// steps follow the README's dependency semantics (the impact analysis' edges, read both ways).
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { Integer, Organisations } from './analyses/params.js';
import { cached } from './analyses/snapshot-cache.js';
import { NotFoundError } from './errors.js';
import { read } from './neo4j.js';
import { query } from './queries.js';

export const DependencyQuery = z.object({
  organisation: Organisations,
  before: Integer(0, 8, 1, 'Steps towards what the node depends on / Stappen naar waar het van afhangt'),
  after: Integer(0, 8, 1, 'Steps towards what depends on the node / Stappen naar wat ervan afhangt'),
  limit: Integer(1, 2_000, 500, 'Nodes per column at most (the column says how many there are) / Knopen per kolom'),
});
export type DependencyQuery = z.infer<typeof DependencyQuery>;

export type DependencyNode = { uid: string; kind: string; name: string; organisation: string | null; criticality: string | null };
/** One relationship kind between two nodes, read from the node nearer the middle (`from`). */
export type Relation = { type: string; direction: 'in' | 'out'; dependencyKind: string | null; count: number };
/** Parallel relationships folded into one edge: its relation kinds, and how many relationships in all. */
export type DependencyEdge = { from: string; to: string; side: Side; relations: Relation[]; count: number };
export type DependencyColumn = { hop: number; total: number; nodes: DependencyNode[] };
export type Side = 'before' | 'after';
/** A contract in the middle: what the view names it by (it has no name of its own). */
export type CentreContract = { id: string; suppliers: string[]; applications: string[] };
export type DependencyView = {
  centre: DependencyNode & { contract: CentreContract | null };
  before: DependencyColumn[];
  after: DependencyColumn[];
  edges: DependencyEdge[];
  /** How many nodes one step further would add on each side (0: the side ends here). */
  next: Record<Side, number>;
};

type StepRow = DependencyNode & { from: string; to: string; type: string; direction: 'in' | 'out'; dependencyKind: string | null; count: number };

/** The view of `uid`, kept while the database is unchanged. Shared between callers: never mutate it. */
export function dependencyView(driver: Driver, uid: string, params: DependencyQuery): Promise<DependencyView> {
  const organisations = params.organisation ? [...new Set(params.organisation)].sort() : null;
  const key = `dependencies:${JSON.stringify([uid, organisations, params.before, params.after, params.limit])}`;
  return cached(driver, key, () => buildView(driver, uid, organisations, params), view => 1_000 + 300 * (view.edges.length + [...view.before, ...view.after].reduce((sum, column) => sum + column.nodes.length, 0)));
}

async function buildView(driver: Driver, uid: string, organisations: string[] | null, params: DependencyQuery): Promise<DependencyView> {
  const [centre] = await read<DependencyView['centre']>(driver, query('views/dependency-centre').text, { uid });
  if (!centre) throw new NotFoundError(`No node with uid '${uid}' / Geen knoop '${uid}'`);
  const [before, after] = await Promise.all([
    side(driver, centre, 'before', params.before, organisations, params.limit),
    side(driver, centre, 'after', params.after, organisations, params.limit),
  ]);
  return { centre, before: before.columns, after: after.columns, edges: [...before.edges, ...after.edges], next: { before: before.next, after: after.next } };
}

/**
 * Breadth-first, one query per step: each column holds the nodes first reached at that step (a node
 * shows once per side), and the edges from the column before. A column shows at most `limit` nodes,
 * but the next step starts from all of them. One step past the last column is counted, not shown.
 */
async function side(driver: Driver, centre: DependencyNode, which: Side, hops: number, organisations: string[] | null, limit: number) {
  const text = query(which === 'before' ? 'views/dependencies-before' : 'views/dependencies-after').text;
  const seen = new Set([centre.uid]);
  let frontier = [centre.uid];
  const columns: DependencyColumn[] = [];
  const edges: DependencyEdge[] = [];
  for (let hop = 1; ; hop++) {
    const rows = await read<StepRow>(driver, text, { uids: frontier, organisations });
    const reached = new Map<string, DependencyNode>();
    for (const row of rows) if (!seen.has(row.to)) reached.set(row.to, { uid: row.to, kind: row.kind, name: row.name, organisation: row.organisation, criticality: row.criticality });
    if (hop > hops || reached.size === 0) return { columns, edges, next: hop > hops ? reached.size : 0 };
    const nodes = [...reached.values()].sort(byImportance);
    const shown = new Set(nodes.slice(0, limit).map(node => node.uid));
    columns.push({ hop, total: nodes.length, nodes: nodes.filter(node => shown.has(node.uid)) });
    edges.push(...fold(rows.filter(row => shown.has(row.to) && !seen.has(row.to)), which));
    for (const node of nodes) seen.add(node.uid);
    frontier = nodes.map(node => node.uid);
  }
}

const CRITICALITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/** Critical applications first (they are what a reader looks for), then by name. */
const byImportance = (a: DependencyNode, b: DependencyNode) =>
  (CRITICALITY_RANK[a.criticality ?? ''] ?? 4) - (CRITICALITY_RANK[b.criticality ?? ''] ?? 4) || a.name.localeCompare(b.name, 'nl') || a.uid.localeCompare(b.uid);

/** One edge per pair of nodes: two interfaces give one edge with count 2, a flow and a via one edge with both relations. */
function fold(rows: StepRow[], which: Side): DependencyEdge[] {
  const edges = new Map<string, DependencyEdge>();
  for (const row of rows) {
    const key = `${row.from}\u0000${row.to}`;
    const edge = edges.get(key) ?? { from: row.from, to: row.to, side: which, relations: [], count: 0 };
    edge.relations.push({ type: row.type, direction: row.direction, dependencyKind: row.dependencyKind, count: row.count });
    edge.count += row.count;
    edges.set(key, edge);
  }
  return [...edges.values()];
}
