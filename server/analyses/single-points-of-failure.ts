// Single points of failure per organisation: articulation points and bridges of the undirected
// application graph, and a ranking of what takes the most critical applications and business
// functions down with it. Definitions: README.md here.
import { z } from 'zod';
import type { AnalysisDefinition, Row } from './types.js';
import { biconnectivity, type UndirectedEdge } from './graph-algorithms.js';
import { dependants, failing, fetchLandscape, isCritical, type Landscape, lostFunctions, nameOf, platformChain } from './landscape.js';
import { Integer, Organisations } from './params.js';

export type Bridge = { organisation: string; interface: string; from: string; to: string; fromName: string; toName: string };

/**
 * The undirected application graph of one organisation: an interface contributes from–to, or
 * from–via and via–to when it has an intermediary. Interfaces with a missing end are left out.
 */
export function applicationGraph(landscape: Landscape, organisation: string) {
  const vertices = [...landscape.applications.values()].filter(a => a.organisation === organisation).map(a => a.uid).sort();
  const index = new Map(vertices.map((uid, i) => [uid, i]));
  const edges: UndirectedEdge[] = [];
  const labels: { interface: string; from: string; to: string }[] = [];
  const add = (iface: string, from: string, to: string) => {
    const a = index.get(from);
    const b = index.get(to);
    if (a === undefined || b === undefined) return;
    edges.push([a, b]);
    labels.push({ interface: iface, from, to });
  };
  for (const i of landscape.interfaces) {
    if (i.organisation !== organisation || !i.from || !i.to) continue;
    if (i.via) {
      add(i.uid, i.from, i.via);
      add(i.uid, i.via, i.to);
    } else add(i.uid, i.from, i.to);
  }
  return { vertices, edges, labels };
}

/** A copy of the snapshot with only one organisation's applications. */
const only = (landscape: Landscape, organisation: string): Landscape => ({
  ...landscape,
  applications: new Map([...landscape.applications].filter(([, a]) => a.organisation === organisation)),
});

export function singlePointsOfFailure(landscape: Landscape, limit: number): { rows: Row[]; summary: { bridges: Bridge[]; articulationPoints: { organisation: string; uid: string; name: string }[] } } {
  const organisations = [...new Set([...landscape.applications.values()].map(a => a.organisation))].sort();
  const rows: Row[] = [];
  const allBridges: Bridge[] = [];
  const allPoints: { organisation: string; uid: string; name: string }[] = [];
  for (const organisation of organisations) {
    const own = only(landscape, organisation);
    const graph = applicationGraph(own, organisation);
    const { articulationPoints, bridges } = biconnectivity(graph.vertices.length, graph.edges);
    const points = new Set(articulationPoints.map(i => graph.vertices[i]));
    const bridgesAt = new Map<string, number>();
    for (const b of bridges) {
      const { interface: iface, from, to } = graph.labels[b];
      allBridges.push({ organisation, interface: iface, from, to, fromName: nameOf(own, from), toName: nameOf(own, to) });
      for (const end of [from, to]) bridgesAt.set(end, (bridgesAt.get(end) ?? 0) + 1);
    }
    for (const uid of points) allPoints.push({ organisation, uid, name: nameOf(own, uid) });

    const intermediaries = new Set(own.interfaces.filter(i => i.organisation === organisation && i.via).map(i => i.via!));
    const candidates = new Map<string, string>();
    for (const application of own.applications.values()) {
      candidates.set(application.uid, intermediaries.has(application.uid) ? 'intermediary' : 'application');
      for (const supplier of application.suppliers) candidates.set(supplier, 'supplier');
      for (const platform of platformChain(own, application)) {
        candidates.set(platform, 'platform');
        for (const provider of own.platforms.get(platform)?.providers ?? []) candidates.set(provider, 'supplier');
      }
    }
    const edges = dependants(own);
    const ranked: Row[] = [];
    for (const [uid, kind] of candidates) {
      const failed = failing(own, edges, uid);
      const failedApplications = [...failed.keys()].filter(id => own.applications.has(id));
      const lost = lostFunctions(own, id => failed.has(id));
      ranked.push({
        kind,
        uid,
        name: nameOf(own, uid),
        organisation,
        articulationPoint: points.has(uid),
        bridges: bridgesAt.get(uid) ?? 0,
        failedApplications: failedApplications.length,
        failedCriticalApplications: failedApplications.filter(id => isCritical(own.applications.get(id)!)).length,
        failedBusinessFunctions: lost.length,
        lostBusinessFunctions: lost.map(l => nameOf(own, l.function)).sort(),
      });
    }
    ranked.sort((a, b) =>
      (b.failedCriticalApplications as number) - (a.failedCriticalApplications as number) ||
      (b.failedBusinessFunctions as number) - (a.failedBusinessFunctions as number) ||
      (b.failedApplications as number) - (a.failedApplications as number) ||
      Number(b.articulationPoint) - Number(a.articulationPoint) ||
      String(a.uid).localeCompare(String(b.uid)));
    // Articulation points are always reported, whatever their rank.
    rows.push(...ranked.filter((row, i) => limit === 0 || i < limit || row.articulationPoint));
  }
  return { rows, summary: { bridges: allBridges, articulationPoints: allPoints } };
}

export const SinglePointsOfFailureParams = z.object({
  organisation: Organisations,
  limit: Integer(0, 1_000_000, 100, 'Ranked rows per organisation (0 = all); articulation points are always included / Aantal rijen per organisatie'),
});

export const singlePointsOfFailureAnalysis: AnalysisDefinition<typeof SinglePointsOfFailureParams> = {
  name: 'single-points-of-failure',
  title: 'Single points of failure / Kwetsbare schakels',
  description:
    'Per organisation: articulation points and bridges of the undirected application graph (an interface links from–to, or from–via and via–to through an intermediary), ' +
    'and applications, intermediaries, platforms and suppliers ranked by the business-critical applications and business functions (all supporting applications down) that fail with them.',
  params: SinglePointsOfFailureParams,
  async run(driver, params) {
    return singlePointsOfFailure(await fetchLandscape(driver, params.organisation), params.limit);
  },
};
