// Analyses inside an organisation's boundary (issue 19, item 4). An organisation's exports hold its own
// facts and the shared catalogue, nothing another organisation alone asserted (server/exports/scope.ts,
// the one rule). The snapshot here is the organisations' landscape cut to that same scope: only the nodes
// the scope holds, and only the relationships it holds between them. So an analysis run on it (a report's
// impact, single points of failure, lock-in, exposure, sovereignty, ICT-foto, Common Ground) has no step,
// element or number that exists only because another organisation said so; for instance a platform that
// only another organisation's model puts under a shared server.
import type { Driver } from 'neo4j-driver';
import { edgeKey, organisationScope } from '../exports/scope.js';
import { approximateBytes, fetchLandscape, type Landscape } from './landscape.js';
import { booleanParam } from './params.js';
import { cached } from './snapshot-cache.js';

/** The analyses' `boundary` parameter: with organisations chosen, compute inside their boundary. */
export const Boundary = booleanParam.default(false).meta({
  description: 'With organisation: only the organisations\' own facts and the shared catalogue, nothing another organisation alone asserted (as their exports) / ' +
    'Met organisatie: alleen wat de organisatie zelf vastlegt en de gedeelde catalogus, niets wat alleen een andere organisatie vastlegt',
});

/**
 * The snapshot an analysis runs on: of `organisations` (null = every organisation), inside their
 * boundary when `boundary` is set. Cached like the whole snapshot, for as long as the database is unchanged.
 */
export function fetchSnapshot(driver: Driver, organisations: string[] | null, boundary = false): Promise<Landscape> {
  if (!boundary || organisations === null) return fetchLandscape(driver, organisations);
  const chosen = [...new Set(organisations)].sort();
  return cached(driver, `landscape-boundary:${JSON.stringify(chosen)}`, async () => {
    const [landscape, scope] = await Promise.all([fetchLandscape(driver, chosen), organisationScope(driver, chosen)]);
    return withinBoundary(landscape, scope);
  }, approximateBytes);
}

/** `landscape` with only the nodes of `scope` and the relationships among them that it holds. Pure. */
export function withinBoundary(landscape: Landscape, scope: { uids: Iterable<string>; edges: Iterable<string> }): Landscape {
  const inside = new Set(scope.uids);
  const edges = new Set(scope.edges);
  const along = (from: string, type: string, to: string) => inside.has(from) && inside.has(to) && edges.has(edgeKey(from, type, to));
  const insideOnly = <T extends { uid: string }>(map: Map<string, T>, cut: (item: T) => T) =>
    new Map([...map].filter(([uid]) => inside.has(uid)).map(([uid, item]) => [uid, cut(item)]));
  const end = (uid: string | null) => (uid !== null && inside.has(uid) ? uid : null);

  const applications = insideOnly(landscape.applications, a => ({
    ...a,
    suppliers: a.suppliers.filter(s => along(s, 'SUPPLIES', a.uid)),
    platforms: a.platforms.filter(p => along(a.uid, 'RUNS_ON', p)),
    functions: a.functions.filter(f => along(a.uid, 'SUPPORTS', f)),
    referenceComponents: a.referenceComponents.filter(r => along(a.uid, 'REALISES', r)),
    dependsOn: a.dependsOn.filter(b => along(a.uid, 'DEPENDS_ON', b)),
  }));
  const platforms = insideOnly(landscape.platforms, p => ({
    ...p, runsOn: p.runsOn.filter(q => along(p.uid, 'RUNS_ON', q)), providers: p.providers.filter(s => along(s, 'PROVIDES', p.uid)),
  }));
  // A group only along a PART_OF the scope holds; without it, no group and no group country.
  const suppliers = insideOnly(landscape.suppliers, s => (s.group && !along(s.uid, 'PART_OF', s.group) ? { ...s, group: null, groupName: null, groupCountry: null } : s));
  const groups = new Set([...suppliers.values()].map(s => s.group).filter((g): g is string => g !== null));
  return {
    organisations: landscape.organisations,
    applications,
    platforms,
    suppliers,
    interfaces: landscape.interfaces.filter(i => inside.has(i.uid)).map(i => ({ ...i, from: end(i.from), to: end(i.to), via: end(i.via) })),
    contracts: landscape.contracts.filter(c => inside.has(c.uid)).map(c => ({ ...c, supplier: end(c.supplier), covers: c.covers.filter(a => inside.has(a)) })),
    names: new Map([...landscape.names].filter(([uid]) => inside.has(uid))),
    groups: new Map([...landscape.groups].filter(([uid]) => groups.has(uid))),
    organisationNames: landscape.organisationNames,
    // No journal: a snapshot cut to a boundary is fetched again, never patched (snapshot-patch.ts).
  };
}

