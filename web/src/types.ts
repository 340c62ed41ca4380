// Shapes the API returns (server/routes/*), as the browser sees them.
export type NodeKind =
  | 'Organisation' | 'Application' | 'Supplier' | 'SupplierGroup' | 'Platform' | 'Interface' | 'Contract'
  | 'ReferenceComponent' | 'BusinessFunction' | 'Standard' | 'Aggregate';

export type GraphNode = {
  id: string;
  kind: NodeKind | string;
  label: string;
  /** Compound parent (server-side aggregation) */
  parent?: string;
  /** Number of members when this node aggregates others. */
  count?: number;
  organisation?: string;
  criticality?: string;
  jurisdiction?: string;
  [key: string]: unknown;
};
export type GraphEdge = { id?: string; source: string; target: string; type: string; [key: string]: unknown };
export type Graph = { nodes: GraphNode[]; edges: GraphEdge[]; aggregated?: boolean; [key: string]: unknown };

export type Row = Record<string, unknown>;
export type AnalysisResult = { rows: Row[]; summary?: Record<string, unknown> };

export type ImportIssue = { file?: string; table?: string; line?: number; column?: string; field?: string; value?: unknown; expected?: string; message: string; code?: string; params?: Record<string, string | number | undefined> };
export type ImportReport = { ok: boolean; dryRun?: boolean; issues: ImportIssue[]; tables?: Record<string, unknown>; unchangedSince?: { runId: string; finishedAt: string } | null; [key: string]: unknown };
