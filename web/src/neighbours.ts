// A node's neighbours as people read them: grouped per relationship in words (server/labels.ts, read
// from this node's end), each neighbour once, with how many interfaces (or relationships) join them.
// Pure: the side panel renders it, the tests check it.
import { kindName, relationName, type Language } from '../../server/labels.js';
import type { Row } from './types.js';

export type Neighbour = { uid: string; name: string; kind: string; type: string; direction: 'in' | 'out'; dependencyKind: string | null; interface: string | null };
export type NeighbourRow = { uid: string; name: string; kind: string; kindName: string; interfaces: number; relationships: number };
export type RelationGroup = { key: string; title: string; rows: NeighbourRow[] };

// Contracts have their own section in the panel, with notice deadlines; listing them again says nothing.
const SHOWN_ELSEWHERE = new Set(['Contract', 'Algorithm']);
// What people look for first: who delivers it, where it runs, what it is for, then the couplings.
const ORDER = ['<SUPPLIES', 'SUPPLIES>', 'PART_OF>', '<PART_OF', 'RUNS_ON>', '<RUNS_ON', 'PROVIDES>', '<PROVIDES', '<USES', 'USES>', 'SUPPORTS>', '<SUPPORTS', 'REALISES>', '<REALISES',
  'DEPENDS_ON>flow', '<DEPENDS_ON flow', 'DEPENDS_ON>via', '<DEPENDS_ON via', 'DEPENDS_ON>', '<DEPENDS_ON', '<FROM', '<TO', '<VIA', 'FROM>', 'TO>', 'VIA>'];

/** The API's neighbours ({ 'SUPPLIES>': […], '<USES': […] }) as a flat list. */
export function neighboursOf(detail: Row): Neighbour[] {
  const raw = detail.neighbours;
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, Row[]>).flatMap(([key, list]) => list.map(n => {
    const properties = (n.properties ?? {}) as Row;
    return {
      uid: String(n.uid), name: String(n.name ?? n.uid), kind: String(n.kind), type: key.replace(/[<>]/g, ''), direction: key.startsWith('<') ? 'in' as const : 'out' as const,
      dependencyKind: typeof properties.kind === 'string' ? properties.kind : null, interface: typeof properties.interface === 'string' ? properties.interface : null,
    };
  }));
}

/** Neighbours grouped per relationship and direction (a dependency also per kind), each neighbour once. */
export function relationGroups(detail: Row, language: Language): RelationGroup[] {
  const groups = new Map<string, { title: string; rows: Map<string, NeighbourRow & { interfaceIds: Set<string> }> }>();
  for (const n of neighboursOf(detail)) {
    if (SHOWN_ELSEWHERE.has(n.kind)) continue;
    const key = n.direction === 'out' ? `${n.type}>${n.dependencyKind ?? ''}` : `<${n.type}${n.dependencyKind ? ` ${n.dependencyKind}` : ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { title: relationName(n.type, n.direction, language, n.dependencyKind), rows: new Map() }));
    let row = group.rows.get(n.uid);
    if (!row) group.rows.set(n.uid, (row = { uid: n.uid, name: n.name, kind: n.kind, kindName: kindName(n.kind, language), interfaces: 0, relationships: 0, interfaceIds: new Set() }));
    row.relationships++;
    if (n.interface) row.interfaceIds.add(n.interface);
  }
  const rank = (key: string) => { const i = ORDER.indexOf(key); return i === -1 ? ORDER.length : i; };
  return [...groups].sort((a, b) => rank(a[0]) - rank(b[0]) || a[0].localeCompare(b[0])).map(([key, group]) => ({
    key,
    title: group.title.charAt(0).toUpperCase() + group.title.slice(1),
    rows: [...group.rows.values()].map(({ interfaceIds, ...row }) => ({ ...row, interfaces: interfaceIds.size }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.uid.localeCompare(b.uid)),
  }));
}
