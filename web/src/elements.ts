// Pure mapping from the API's graph to Cytoscape element definitions, and the filter logic that decides
// which of them are visible. No DOM, no cy: unit-tested in tests/web/elements.test.ts.
import type { Graph, GraphNode } from './types.js';

export type ElementDefinition = {
  group: 'nodes' | 'edges';
  data: Record<string, unknown> & { id: string };
  position?: { x: number; y: number };
  classes?: string;
};

const CRITICALITY_RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };

export const edgeId = (edge: { id?: string; source: string; target: string; type: string }) =>
  edge.id ?? `${edge.source}-${edge.type}-${edge.target}`;

/** Nodes first (parents before children, as Cytoscape needs), then edges whose both ends exist. */
export function toElements(graph: Graph, positions: Record<string, { x: number; y: number }> = {}): ElementDefinition[] {
  const ids = new Set(graph.nodes.map(node => node.id));
  const parents = new Set(graph.nodes.map(node => node.parent).filter((parent): parent is string => !!parent && ids.has(parent)));
  const ordered = [...graph.nodes].sort((a, b) => Number(parents.has(b.id)) - Number(parents.has(a.id)));
  const nodes: ElementDefinition[] = ordered.map(node => {
    const { id, kind, label, parent, ...rest } = node;
    const data: ElementDefinition['data'] = { ...scalarProps(rest), id, kind, label: displayLabel(node) };
    if (parent && ids.has(parent)) data.parent = parent;
    if (node.criticality) data.criticalityRank = CRITICALITY_RANK[node.criticality] ?? 0;
    const element: ElementDefinition = { group: 'nodes', data };
    if (positions[id]) element.position = { ...positions[id] };
    if (parents.has(id)) element.classes = 'compound';
    return element;
  });
  const seen = new Set<string>();
  const edges: ElementDefinition[] = [];
  for (const edge of graph.edges) {
    if (!ids.has(edge.source) || !ids.has(edge.target)) continue;
    const id = edgeId(edge);
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ group: 'edges', data: { ...scalarProps(edge), id, source: edge.source, target: edge.target, type: edge.type } });
  }
  return [...nodes, ...edges];
}

function displayLabel(node: GraphNode): string {
  const label = node.label || node.id;
  return typeof node.count === 'number' && node.count > 1 ? `${label} (${node.count})` : label;
}

// Cytoscape data must stay flat for selectors; lists become '|'-joined text (readable in the panel too).
function scalarProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) out[key] = value.join('|');
    else if (typeof value !== 'object') out[key] = value;
  }
  return out;
}

export type Filters = {
  /** Node kinds to show; empty = all. */
  kinds: string[];
  /** Application criticalities to show; empty = all. */
  criticality: string[];
  /** Platform jurisdictions to show; empty = all. */
  jurisdiction: string[];
  /** uid of a supplier or supplier group: only its applications (and what they touch). */
  supplier?: string;
  /** uid of a reference component. */
  referenceComponent?: string;
  /** uid of a business function. */
  businessFunction?: string;
};

export const noFilters = (): Filters => ({ kinds: [], criticality: [], jurisdiction: [] });

/**
 * The ids of the nodes a filter keeps. Attribute filters drop nodes; a focus filter (supplier, group,
 * reference component, business function) keeps the applications linked to that node, plus the node
 * itself and whatever those applications touch directly.
 */
export function visibleNodeIds(graph: Graph, filters: Filters): Set<string> {
  const byId = new Map(graph.nodes.map(node => [node.id, node]));
  const neighbours = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!neighbours.has(a)) neighbours.set(a, new Set());
    neighbours.get(a)!.add(b);
  };
  for (const edge of graph.edges) {
    link(edge.source, edge.target);
    link(edge.target, edge.source);
  }
  const adjacent = (id: string) => neighbours.get(id) ?? new Set<string>();
  const passesAttributes = (node: GraphNode) =>
    (filters.kinds.length === 0 || filters.kinds.includes(node.kind)) &&
    (node.kind !== 'Application' || filters.criticality.length === 0 || filters.criticality.includes(String(node.criticality ?? ''))) &&
    (node.kind !== 'Platform' || filters.jurisdiction.length === 0 || filters.jurisdiction.includes(String(node.jurisdiction ?? '')));

  const focuses = [filters.supplier, filters.referenceComponent, filters.businessFunction].filter((id): id is string => !!id && byId.has(id));
  let applications: Set<string> | undefined;
  for (const focus of focuses) {
    const linked = new Set<string>();
    const anchors = new Set([focus]);
    // A supplier group reaches its applications through its suppliers.
    if (byId.get(focus)?.kind === 'SupplierGroup') for (const id of adjacent(focus)) if (byId.get(id)?.kind === 'Supplier') anchors.add(id);
    for (const anchor of anchors) for (const id of adjacent(anchor)) if (byId.get(id)?.kind === 'Application') linked.add(id);
    applications = applications ? new Set([...applications].filter(id => linked.has(id))) : linked;
  }

  const visible = new Set<string>();
  for (const node of graph.nodes) {
    if (!passesAttributes(node)) continue;
    if (!applications) { visible.add(node.id); continue; }
    if (node.kind === 'Application') { if (applications.has(node.id)) visible.add(node.id); continue; }
    if (focuses.includes(node.id) || [...adjacent(node.id)].some(id => applications!.has(id))) visible.add(node.id);
  }
  // Keep compound parents of anything visible, so children are not orphaned.
  for (const id of [...visible]) {
    const parent = byId.get(id)?.parent;
    if (parent && byId.has(parent)) visible.add(parent);
  }
  return visible;
}

/** The distinct values of a property over the nodes of one kind, for filter drop-downs. */
export function optionsOf(graph: Graph, kind: string): { id: string; label: string }[] {
  return graph.nodes.filter(node => node.kind === kind).map(node => ({ id: node.id, label: node.label || node.id }))
    .sort((a, b) => a.label.localeCompare(b.label, 'nl'));
}
