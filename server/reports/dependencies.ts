// What a node depends on (the other side of impact) and what each dependency step is, on the cached
// snapshot: the dependency semantics of docs/data-model.md read forwards, so a report can draw the node between
// what it needs and what needs it, with every line named.
import { dependants, kindOf, nameOf, type Landscape } from '../analyses/landscape.js';
import { breadthFirst, pathTo } from '../analyses/graph-algorithms.js';

export type DependencyRow = {
  uid: string; kind: string; name: string; organisation: string | null; criticality: string | null;
  hops: number; path: string[]; pathNames: string[];
  /** What fails with the subject (impact's rows): hit directly, or only through interfaces. Absent on what the subject depends on. */
  direct?: boolean;
  /** Of a direct row, why: "draait op X" (impact's directBecause). */
  directBecause?: { relation: 'suppliedBy' | 'runsOn' | 'providedBy'; uid: string; name: string } | null;
};

/** One dependency step: `from` depends on `to`, through a relationship `type` (and a DEPENDS_ON's `kind`). */
export type Relation = { from: string; to: string; type: string; kind?: 'flow' | 'via' };

// The reversed dependants map ("what do I depend on"), kept with the snapshot it was made from.
const forwards = new WeakMap<Landscape, Map<string, string[]>>();

function dependencyMap(landscape: Landscape): Map<string, string[]> {
  let map = forwards.get(landscape);
  if (map) return map;
  map = new Map();
  for (const [dependency, list] of dependants(landscape)) {
    for (const dependant of list) {
      let targets = map.get(dependant);
      if (!targets) map.set(dependant, (targets = []));
      targets.push(dependency);
    }
  }
  for (const list of map.values()) list.sort();
  forwards.set(landscape, map);
  return map;
}

/**
 * Everything `uid` depends on, nearest first: its suppliers, platforms and the applications whose
 * data it needs, then theirs, to the end (or up to `maxHops` steps); each with one shortest path (`uid` first).
 * Like impact, a report never stops part-way without saying so: the default follows every step.
 */
export function dependencies(landscape: Landscape, uid: string, maxHops = Number.POSITIVE_INFINITY): DependencyRow[] {
  const map = dependencyMap(landscape);
  const reached = breadthFirst([uid], id => map.get(id), maxHops);
  const rows: DependencyRow[] = [];
  for (const [id, { hops }] of reached) {
    if (id === uid) continue;
    const application = landscape.applications.get(id);
    const path = pathTo(reached, id);
    rows.push({
      uid: id, kind: kindOf(landscape, id) ?? 'Application', name: nameOf(landscape, id), organisation: application?.organisation ?? null,
      criticality: application?.criticality ?? null, hops, path, pathNames: path.map(step => nameOf(landscape, step)),
    });
  }
  return rows.sort((a, b) => a.hops - b.hops || a.name.localeCompare(b.name, 'nl') || a.uid.localeCompare(b.uid));
}

/** Every dependency step between two of `uids` (each `[dependant, dependency]`): the subgraph a report exports. */
export function stepsAmong(landscape: Landscape, uids: Iterable<string>): [string, string][] {
  const map = dependencyMap(landscape);
  const set = new Set(uids);
  return [...set].flatMap(uid => (map.get(uid) ?? []).filter(other => set.has(other)).map(other => [uid, other] as [string, string]));
}

/**
 * The relationship behind each step `[dependant, dependency]`: what a supplier supplies or hosts,
 * what runs on a platform, a group's suppliers, and between applications the interface's data flow
 * (or the intermediary it passes).
 */
export function relations(landscape: Landscape, steps: Iterable<[string, string]>): Relation[] {
  const wanted = new Map<string, [string, string]>();
  for (const [from, to] of steps) if (from !== to) wanted.set(`${from}>${to}`, [from, to]);
  const flows = new Set<string>();
  const vias = new Set<string>();
  for (const i of landscape.interfaces) {
    if (i.from && i.to) flows.add(`${i.to}>${i.from}`);
    if (i.via) for (const end of [i.from, i.to]) if (end) vias.add(`${end}>${i.via}`);
  }
  const result: Relation[] = [];
  for (const [key, [from, to]] of wanted) {
    const dependency = kindOf(landscape, to);
    if (dependency === 'SupplierGroup') result.push({ from, to, type: 'PART_OF' });
    else if (dependency === 'Supplier') result.push({ from, to, type: landscape.platforms.has(from) ? 'PROVIDES' : 'SUPPLIES' });
    else if (dependency === 'Platform') result.push({ from, to, type: 'RUNS_ON' });
    else result.push({ from, to, type: 'DEPENDS_ON', kind: flows.has(key) || !vias.has(key) ? 'flow' : 'via' });
  }
  return result;
}
