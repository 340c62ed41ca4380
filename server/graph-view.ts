// The landscape as drawable nodes and edges for the UI, and server-side aggregation: a browser can lay
// out a few thousand elements, not a region's worth, so applications are folded into one summary node
// per supplier or reference component (pitfalls.md: layout is the bottleneck).
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { NODE_LABELS } from '../importers/load.js';
import { NotFoundError } from './errors.js';
import { read } from './neo4j.js';
import { cached } from './analyses/snapshot-cache.js';
import { query } from './queries.js';
import { organisationScope } from './exports/scope.js';

export type GraphNode = { id: string; kind: string; label: string; organisation?: string | null; count?: number; [property: string]: unknown };
export type GraphEdge = { id: string; source: string; target: string; type: string; count?: number };
export type GraphView = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** How applications were folded, or null when every node is shown. */
  aggregate: AggregateBy | null;
  aggregated: boolean;
  totals: { nodes: number; edges: number };
};
export type AggregateBy = 'supplier' | 'referenceComponent';

// Generic ArchiMate elements (thousands from the GEMMA model) are asked for explicitly, not drawn by default.
export const DEFAULT_KINDS = NODE_LABELS.filter(kind => kind !== 'Interface' && kind !== 'Standard' && kind !== 'Element' && kind !== 'ReleaseCycle' && kind !== 'Component');
export const DEFAULT_MAX_ELEMENTS = 2_000;

type Ref = { uid: string; name: string | null };
type NodeRecord = { id: string; kind: string; label: string; organisation: string | null; suppliers: Ref[]; referenceComponents: Ref[]; props: Record<string, unknown> };
/** A fetched node keeps what it would be grouped by. */
type FullNode = GraphNode & { groups: Record<AggregateBy, Ref | null> };

// Bookkeeping that says nothing to a user.
const HIDDEN_PROPS = new Set(['hash', 'uid']);

/**
 * A node's or relationship's properties as readers see them: no bookkeeping, and instead of its
 * stamps (`runs`: which run of which source wrote it, which a staged import adds to while it loads)
 * the sources that assert it.
 */
export function readerProps(props: Record<string, unknown>, keep: string[] = []): Record<string, unknown> {
  const { runs, ...rest } = props;
  const shown = Object.fromEntries(Object.entries(rest).filter(([key]) => keep.includes(key) || !HIDDEN_PROPS.has(key)));
  return Array.isArray(runs) ? { ...shown, sources: [...new Set(runs.map(stamp => String(stamp).split('#')[0]))].sort() } : shown;
}

/**
 * The nodes and edges of the chosen organisations and kinds, from the in-process cache while the
 * database has not changed (analyses/snapshot-cache.ts). Shared between callers: never mutate it.
 */
export function fetchGraph(driver: Driver, options: { organisations?: string[]; kinds?: string[] }): Promise<{ nodes: FullNode[]; edges: GraphEdge[] }> {
  const kinds = [...new Set(options.kinds?.length ? options.kinds : DEFAULT_KINDS)].sort();
  const organisations = options.organisations?.length ? [...new Set(options.organisations)].sort() : null;
  const key = `graph:${JSON.stringify([organisations, kinds])}`;
  return cached(driver, key, () => loadGraph(driver, organisations, kinds), graph => graph.nodes.length * 700 + graph.edges.length * 250);
}

async function loadGraph(driver: Driver, organisations: string[] | null, kinds: string[]): Promise<{ nodes: FullNode[]; edges: GraphEdge[] }> {
  const options = { organisations: organisations ?? undefined };
  // From the organisations' own nodes outwards when some are chosen; every node only for "all".
  const chosen = options.organisations?.length ? options.organisations : null;
  // Chosen organisations: only what lies within their scope (exports/scope.ts), nodes and relationships.
  const scope = chosen ? await organisationScope(driver, chosen) : null;
  const inScope = scope ? new Set(scope.uids) : null;
  const records = (await read<NodeRecord>(driver, query(chosen ? 'views/graph-nodes-of-organisations' : 'views/graph-nodes').text, { kinds, organisations: chosen }))
    .filter(record => !inScope || inScope.has(record.id));
  const first = (refs: Ref[]) => [...refs].sort((a, b) => a.uid.localeCompare(b.uid))[0] ?? null;
  const nodes: FullNode[] = records.map(record => ({
    ...readerProps(record.props),
    id: record.id,
    kind: record.kind,
    label: record.label,
    organisation: record.organisation,
    groups: { supplier: first(record.suppliers), referenceComponent: first(record.referenceComponents) },
  }));
  const rows = await read<{ source: string; type: string; target: string; count: number }>(driver, query('views/graph-edges').text, { ids: nodes.map(node => node.id), relationships: scope?.relationships ?? null });
  const edges = rows.map(row => ({ id: edgeId(row.source, row.type, row.target), ...row }));
  return { nodes, edges };
}

const edgeId = (source: string, type: string, target: string) => `${source}|${type}|${target}`;
const NO_GROUP: Record<AggregateBy, string> = { supplier: 'No supplier / Geen leverancier', referenceComponent: 'No reference component / Geen referentiecomponent' };

/**
 * Which aggregate a node folds into: applications per supplier or reference component; contracts (a
 * region has thousands) per supplier whatever `by` is; other kinds stay themselves.
 */
function aggregateOf(node: FullNode, by: AggregateBy): { id: string; label: string; memberKind: string } | undefined {
  if (node.kind === 'Contract') {
    const supplier = node.groups.supplier;
    return supplier
      ? { id: `aggregate:contracts:${supplier.uid}`, label: `Contracts / Contracten: ${supplier.name ?? supplier.uid}`, memberKind: 'Contract' }
      : { id: 'aggregate:contracts:none', label: 'Contracts without supplier / Contracten zonder leverancier', memberKind: 'Contract' };
  }
  if (node.kind !== 'Application') return undefined;
  const group = node.groups[by];
  return group
    ? { id: `aggregate:${by}:${group.uid}`, label: group.name ?? group.uid, memberKind: 'Application' }
    : { id: `aggregate:${by}:none`, label: NO_GROUP[by], memberKind: 'Application' };
}

const strip = ({ groups: _groups, ...node }: FullNode): GraphNode => node;

/** Applications and contracts folded into one node per group; edges re-pointed to the aggregates and merged, with counts. */
export function aggregateGraph(graph: { nodes: FullNode[]; edges: GraphEdge[] }, by: AggregateBy): GraphView {
  const memberOf = new Map<string, string>();
  const aggregates = new Map<string, GraphNode>();
  const nodes: GraphNode[] = [];
  for (const node of graph.nodes) {
    const aggregate = aggregateOf(node, by);
    if (!aggregate) {
      nodes.push(strip(node));
      continue;
    }
    memberOf.set(node.id, aggregate.id);
    const existing = aggregates.get(aggregate.id);
    if (existing) existing.count = (existing.count ?? 0) + 1;
    else aggregates.set(aggregate.id, { id: aggregate.id, kind: 'Aggregate', label: aggregate.label, aggregateBy: aggregate.memberKind === 'Contract' ? 'supplier' : by, memberKind: aggregate.memberKind, count: 1, organisation: null });
  }
  const edges = mergeEdges(graph.edges, id => memberOf.get(id) ?? id);
  return { nodes: [...nodes, ...aggregates.values()], edges, aggregate: by, aggregated: true, totals: { nodes: graph.nodes.length, edges: graph.edges.length } };
}

/** One aggregate's members, with their edges; the far ends are shown as the view shows them (possibly aggregates). */
export function expandAggregate(graph: { nodes: FullNode[]; edges: GraphEdge[] }, by: AggregateBy, aggregateId: string): GraphView {
  const memberOf = new Map<string, string>();
  for (const node of graph.nodes) {
    const aggregate = aggregateOf(node, by);
    if (aggregate) memberOf.set(node.id, aggregate.id);
  }
  const members = graph.nodes.filter(node => memberOf.get(node.id) === aggregateId);
  if (members.length === 0) throw new NotFoundError(`No aggregate '${aggregateId}' in this view / Geen groep '${aggregateId}' in deze weergave`);
  const isMember = new Set(members.map(node => node.id));
  const touching = graph.edges.filter(edge => isMember.has(edge.source) || isMember.has(edge.target));
  const edges = mergeEdges(touching, id => (isMember.has(id) ? id : (memberOf.get(id) ?? id)));
  // `parent` lets the UI draw the members inside the aggregate as a compound node.
  return { nodes: members.map(node => ({ ...strip(node), parent: aggregateId })), edges, aggregate: by, aggregated: true, totals: { nodes: graph.nodes.length, edges: graph.edges.length } };
}

function mergeEdges(edges: GraphEdge[], endpoint: (id: string) => string): GraphEdge[] {
  const merged = new Map<string, GraphEdge>();
  for (const edge of edges) {
    const source = endpoint(edge.source);
    const target = endpoint(edge.target);
    if (source === target && (source !== edge.source || target !== edge.target)) continue; // inside one aggregate
    const id = edgeId(source, edge.type, target);
    const existing = merged.get(id);
    if (existing) existing.count = (existing.count ?? 1) + (edge.count ?? 1);
    else merged.set(id, { id, source, target, type: edge.type, count: edge.count ?? 1 });
  }
  return [...merged.values()];
}

const listParam = z.preprocess(
  value => (value === undefined || value === '' ? undefined : (Array.isArray(value) ? value : [value]).flatMap(item => String(item).split(',')).map(item => item.trim()).filter(Boolean)),
  z.array(z.string().min(1)).optional(),
);

export const GraphQuery = z.object({
  organisation: listParam.describe('Organisation id(s); several as a comma-separated list or repeated parameter. Default: all.'),
  kinds: z
    .preprocess(value => (typeof value === 'string' ? value.split(',').map(item => item.trim()).filter(Boolean) : value), z.array(z.enum(NODE_LABELS)).optional())
    .describe(`Node kinds to include (comma-separated). Default: ${DEFAULT_KINDS.join(', ')}.`),
  aggregate: z.enum(['auto', 'none', 'supplier', 'referenceComponent']).default('auto').describe('Fold applications per supplier or reference component; auto does so above maxElements.'),
  maxElements: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_MAX_ELEMENTS).describe('Above this many nodes + edges, aggregate=auto folds by supplier.'),
  expand: z.string().min(1).optional().describe('An aggregate id: return only its members and their edges.'),
  format: z.enum(['json', 'graphml']).default('json'),
});
export type GraphQuery = z.infer<typeof GraphQuery>;

/**
 * The use case behind GET /api/graph, kept per parameters while the database is unchanged: the
 * explorer asks for the same view again and again, and a kept view is serialised once (shared-json.ts).
 * Shared between callers: never mutate it.
 */
export function graphView(driver: Driver, params: GraphQuery): Promise<GraphView> {
  const key = `view:${JSON.stringify([params.organisation ? [...new Set(params.organisation)].sort() : null, params.kinds ?? null, params.aggregate, params.maxElements, params.expand ?? null])}`;
  // The estimate counts the view and its JSON text (kept with it by shared-json.ts): about 250 bytes per element each.
  return cached(driver, key, () => buildGraphView(driver, params), view => 1_000 + 550 * view.nodes.length + 400 * view.edges.length);
}

async function buildGraphView(driver: Driver, params: GraphQuery): Promise<GraphView> {
  const graph = await fetchGraph(driver, { organisations: params.organisation, kinds: params.kinds });
  if (params.expand) {
    const by = params.aggregate === 'supplier' || params.aggregate === 'referenceComponent' ? params.aggregate : params.expand.startsWith('aggregate:referenceComponent:') ? 'referenceComponent' : 'supplier';
    return expandAggregate(graph, by, params.expand);
  }
  const size = graph.nodes.length + graph.edges.length;
  const by: AggregateBy | null = params.aggregate === 'none' ? null : params.aggregate === 'auto' ? (size > params.maxElements ? 'supplier' : null) : params.aggregate;
  if (!by) return { nodes: graph.nodes.map(strip), edges: [...graph.edges], aggregate: null, aggregated: false, totals: { nodes: graph.nodes.length, edges: graph.edges.length } };
  return aggregateGraph(graph, by);
}
