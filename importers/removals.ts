// What an import would remove, asked before it writes anything (and shown by every dry run): the nodes
// of its tables that the source asserts now, that no other source asserts, and that the import no
// longer contains. An import that would remove more than a share of any kind of them (maxRemovalShare,
// 20 % by default), or anything of a source it did not name, stops unless told it may (allowRemovals;
// the CLI's --allow-removals): sync tools refuse a mass delete nobody asked for, such as a header-only
// file uploaded under a source's name, or a second municipality's files under the default source.
import type { Driver } from 'neo4j-driver';
import { read } from '../server/neo4j.js';
import { query } from '../server/queries.js';
import { type CleanupScope, type NodeLabel, scopeLabels } from './load.js';
import { type Landscape, TABLES, type TableName, uid } from './model.js';

export const DEFAULT_MAX_REMOVAL_SHARE = 0.2;
const SAMPLE = 50;

/** The uid of a table row's own node. */
export const rowUid: Record<TableName, (row: never) => string> = {
  suppliers: (row: { id: string }) => uid.supplier(row.id),
  platforms: (row: { id: string }) => uid.platform(row.id),
  applications: (row: { organisation: string; id: string }) => uid.application(row.organisation, row.id),
  interfaces: (row: { organisation: string; id: string }) => uid.interface(row.organisation, row.id),
  contracts: (row: { organisation: string; id: string }) => uid.contract(row.organisation, row.id),
};

export type RemovalKind = { label: string; asserted: number; removing: number; relationships: number; sample: string[] };
export type RemovalPlan = {
  source: string;
  /** Whether the import named its source, rather than taking the default made from its file names. */
  named: boolean;
  kinds: RemovalKind[];
  removing: number;
  maxShare: number;
  /** Why the import may not remove these without being told (null: it may). */
  needsConfirmation: 'share' | 'unnamed-source' | null;
};

/** The labels whose nodes an import of `scope` can remove: its tables' own kinds (a whole landscape: every kind, model elements too). */
const plannedLabels = (scope: CleanupScope): NodeLabel[] => scopeLabels(scope) ?? [...(scopeLabels(TABLES) ?? []), 'Element'];

/** Every node uid the landscape writes for its tables' own rows and model elements. */
function landscapeUids(landscape: Landscape): string[] {
  const uids = TABLES.flatMap(table => (landscape[table] as never[]).map(row => rowUid[table](row)));
  for (const element of landscape.elements ?? []) uids.push(element.uid);
  return uids;
}

export async function planRemovals(
  driver: Driver,
  landscape: Landscape,
  options: { source: string; named: boolean; scope: CleanupScope; maxShare?: number },
): Promise<RemovalPlan> {
  const maxShare = options.maxShare ?? DEFAULT_MAX_REMOVAL_SHARE;
  const kinds = (await read<RemovalKind>(driver, query('import/removal-plan').text, {
    labels: plannedLabels(options.scope), sourcePrefix: `${options.source}#`, keep: landscapeUids(landscape), sample: SAMPLE,
  })).filter(kind => kind.asserted > 0);
  const removing = kinds.reduce((sum, kind) => sum + kind.removing, 0);
  const overShare = kinds.some(kind => kind.removing > maxShare * kind.asserted);
  const needsConfirmation = removing === 0 ? null : !options.named ? 'unnamed-source' : overShare ? 'share' : null;
  return { source: options.source, named: options.named, kinds, removing, maxShare, needsConfirmation };
}

const LABELS: Record<TableName, NodeLabel> = { suppliers: 'Supplier', platforms: 'Platform', applications: 'Application', interfaces: 'Interface', contracts: 'Contract' };

/**
 * The same plan for an import that is a diff (importers/diff.ts): the rows it removes are known, so
 * only those nodes are asked about (which only the source asserts, their relationships and names),
 * and the source asserts as many of each kind as its row state holds.
 */
export async function planRemovalsOfDiff(
  driver: Driver,
  removed: { table: TableName; uid: string }[],
  asserted: Map<TableName, number>,
  options: { source: string; named: boolean; maxShare?: number },
): Promise<RemovalPlan> {
  const maxShare = options.maxShare ?? DEFAULT_MAX_REMOVAL_SHARE;
  type Owned = { uid: string; relationships: number; sortName: string; name: string };
  const owned = new Map((await read<Owned>(driver, query('import/owned-only').text, { uids: removed.map(row => row.uid), sourcePrefix: `${options.source}#` })).map(row => [row.uid, row]));
  const kinds: RemovalKind[] = [...asserted].filter(([, count]) => count > 0).map(([table, count]) => {
    const going = removed.filter(row => row.table === table).flatMap(row => owned.get(row.uid) ?? []);
    const names = going.sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0)).map(node => node.name);
    return { label: LABELS[table], asserted: count, removing: going.length, relationships: going.reduce((sum, node) => sum + node.relationships, 0), sample: names.slice(0, SAMPLE) };
  });
  const removing = kinds.reduce((sum, kind) => sum + kind.removing, 0);
  const overShare = kinds.some(kind => kind.removing > maxShare * kind.asserted);
  const needsConfirmation = removing === 0 ? null : !options.named ? 'unnamed-source' : overShare ? 'share' : null;
  return { source: options.source, named: options.named, kinds, removing, maxShare, needsConfirmation };
}

/** One line per kind, for the CLI and error messages: "180 of 180 Application (Zaaksysteem, …)". */
export function describeRemovals(plan: RemovalPlan): string {
  const kinds = plan.kinds.filter(kind => kind.removing > 0).map(kind => {
    const shown = kind.sample.slice(0, 5).join(', ');
    return `${kind.removing} of ${kind.asserted} ${kind.label}${shown ? ` (${shown}${kind.removing > 5 ? ', …' : ''})` : ''}`;
  });
  return kinds.join('; ');
}
