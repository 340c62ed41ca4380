// Single points of failure per organisation: articulation points and bridges of the undirected
// application graph, and a ranking of what takes the most critical applications and business
// functions down with it. Definitions: README.md here.
import { z } from 'zod';
import type { AnalysisDefinition, Cut, Row } from './types.js';
import { biconnectivity, type UndirectedEdge } from './graph-algorithms.js';
import { dependants, fetchLandscape, isCritical, type Landscape, nameOf, platformChain } from './landscape.js';
import { Integer, Organisations } from './params.js';
import { Boundary, fetchSnapshot } from './boundary.js';
import { byImpact } from './impact-order.js';

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

/**
 * What fails with each candidate, for one organisation's snapshot. The same breadth-first search
 * as impact (`failing`), on integer indexes with a generation stamp instead of a Map per search:
 * the ranking runs one search per application, platform and supplier, which at country scale
 * means hundreds of thousands of searches.
 */
function failureCounts(own: Landscape, candidates: string[]) {
  const edges = dependants(own);
  const index = new Map<string, number>();
  const id = (uid: string) => {
    let i = index.get(uid);
    if (i === undefined) index.set(uid, (i = index.size));
    return i;
  };
  for (const [from, targets] of edges) {
    id(from);
    for (const to of targets) id(to);
  }
  for (const uid of candidates) id(uid);
  for (const uid of own.applications.keys()) id(uid);
  const size = index.size;
  const start = new Int32Array(size + 1);
  for (const [from, targets] of edges) start[index.get(from)! + 1] = targets.length;
  for (let i = 0; i < size; i++) start[i + 1] += start[i];
  const target = new Int32Array(start[size]);
  for (const [from, targets] of edges) targets.forEach((to, k) => (target[start[index.get(from)!] + k] = index.get(to)!));
  const application = new Uint8Array(size);
  const critical = new Uint8Array(size);
  const supporters = new Map<string, number[]>();
  for (const app of own.applications.values()) {
    const i = id(app.uid);
    application[i] = 1;
    critical[i] = isCritical(app) ? 1 : 0;
    for (const fn of app.functions) {
      const list = supporters.get(fn);
      if (list) list.push(i);
      else supporters.set(fn, [i]);
    }
  }
  const seen = new Int32Array(index.size);
  const seenDirectly = new Int32Array(index.size);
  const queue = new Int32Array(index.size);
  let generation = 0;
  // What fails directly: as impact's failingDirectly, an application reached is down but its
  // dependants through interfaces only miss data, so the search does not go on from it.
  const failDirectly = (first: number) => {
    let head = 0;
    let tail = 0;
    let failedApplications = 0;
    seenDirectly[first] = generation;
    queue[tail++] = first;
    while (head < tail) {
      const v = queue[head++];
      failedApplications += application[v];
      if (application[v]) continue;
      for (let k = start[v]; k < start[v + 1]; k++) {
        const w = target[k];
        if (seenDirectly[w] !== generation) {
          seenDirectly[w] = generation;
          queue[tail++] = w;
        }
      }
    }
    return failedApplications;
  };
  return (uid: string) => {
    generation++;
    let head = 0;
    let tail = 0;
    const first = index.get(uid)!;
    seen[first] = generation;
    queue[tail++] = first;
    let failedApplications = 0;
    let failedCriticalApplications = 0;
    while (head < tail) {
      const v = queue[head++];
      failedApplications += application[v];
      failedCriticalApplications += critical[v];
      for (let k = start[v]; k < start[v + 1]; k++) {
        const w = target[k];
        if (seen[w] !== generation) {
          seen[w] = generation;
          queue[tail++] = w;
        }
      }
    }
    const lostFunctions = [...supporters].filter(([, list]) => list.every(i => seen[i] === generation)).map(([fn]) => fn);
    const directlyFailedApplications = failDirectly(first);
    const stoppingFunctions = lostFunctions.filter(fn => supporters.get(fn)!.every(i => seenDirectly[i] === generation));
    return { failedApplications, failedCriticalApplications, lostFunctions, directlyFailedApplications, stoppingFunctions };
  };
}

/** Copies of the snapshot with one organisation's applications and interfaces each. */
function perOrganisation(landscape: Landscape): Map<string, Landscape> {
  const result = new Map<string, Landscape>();
  const of = (organisation: string) => {
    let own = result.get(organisation);
    if (!own) result.set(organisation, (own = { ...landscape, applications: new Map(), interfaces: [] }));
    return own;
  };
  for (const application of landscape.applications.values()) of(application.organisation).applications.set(application.uid, application);
  for (const i of landscape.interfaces) if (result.has(i.organisation)) of(i.organisation).interfaces.push(i);
  return new Map([...result].sort((a, b) => a[0].localeCompare(b[0])));
}

export function singlePointsOfFailure(landscape: Landscape, limit: number): { rows: Row[]; summary: { bridges: Bridge[]; articulationPoints: { organisation: string; uid: string; name: string }[]; cut: Cut | null } } {
  const rows: Row[] = [];
  let ranked = 0;
  const allBridges: Bridge[] = [];
  const allPoints: { organisation: string; uid: string; name: string }[] = [];
  for (const [organisation, own] of perOrganisation(landscape)) {
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
    const failures = failureCounts(own, [...candidates.keys()]);
    const ranking: Row[] = [];
    for (const [uid, kind] of candidates) {
      const { failedApplications, failedCriticalApplications, lostFunctions, directlyFailedApplications, stoppingFunctions } = failures(uid);
      ranking.push({
        kind,
        uid,
        name: nameOf(own, uid),
        organisation,
        articulationPoint: points.has(uid),
        bridges: bridgesAt.get(uid) ?? 0,
        failedApplications,
        failedCriticalApplications,
        failedBusinessFunctions: lostFunctions.length,
        lostBusinessFunctions: lostFunctions.map(fn => nameOf(own, fn)).sort(),
        // Said apart as the what-if page says them: down directly, and the functions that stop because all their applications are.
        directlyFailedApplications,
        businessFunctionsStopping: stoppingFunctions.length,
        stoppingBusinessFunctions: stoppingFunctions.map(fn => nameOf(own, fn)).sort(),
      });
    }
    ranking.sort(byImpact);
    // Articulation points are always reported, whatever their rank.
    rows.push(...ranking.filter((row, i) => limit === 0 || i < limit || row.articulationPoint));
    ranked += ranking.length;
  }
  const cut: Cut | null = rows.length < ranked ? { reason: 'limit', limit, shown: rows.length, total: ranked } : null;
  return { rows, summary: { bridges: allBridges, articulationPoints: allPoints, cut } };
}

/** What a headline keeps of one place in the ranking (headlines.ts): the numbers the Kwetsbare punten page shows of it. */
export type RankedPoint = {
  uid: string; name: string; kind: string; rank: number; articulationPoint: boolean;
  failedApplications: number; directlyFailedApplications: number; failedCriticalApplications: number; businessFunctionsStopping: number;
};

/** How many places of the ranking a headline keeps: the first that "new since the last import" is about. */
export const RANKING_KEPT = 10;

/** The first RANKING_KEPT of the ranking's rows (`rows` of singlePointsOfFailure on one organisation), as a headline keeps them. */
export function rankedPoints(rows: Row[]): RankedPoint[] {
  // The rows hold the ranking in order; the articulation points after it are there whatever their rank.
  return rows.slice(0, RANKING_KEPT).map((row, index) => ({
    uid: String(row.uid), name: String(row.name), kind: String(row.kind), rank: index + 1, articulationPoint: Boolean(row.articulationPoint),
    failedApplications: Number(row.failedApplications), directlyFailedApplications: Number(row.directlyFailedApplications),
    failedCriticalApplications: Number(row.failedCriticalApplications), businessFunctionsStopping: Number(row.businessFunctionsStopping),
  }));
}

export const SinglePointsOfFailureParams = z.object({
  organisation: Organisations,
  boundary: Boundary,
  limit: Integer(0, 1_000_000, 100, 'Ranked rows per organisation (0 = all); articulation points are always included; summary.cut says how many were left out / Aantal rijen per organisatie'),
});

export const singlePointsOfFailureAnalysis: AnalysisDefinition<typeof SinglePointsOfFailureParams> = {
  name: 'single-points-of-failure',
  title: 'Single points of failure / Kwetsbare schakels',
  description:
    'Per organisation: articulation points and bridges of the undirected application graph (an interface links from–to, or from–via and via–to through an intermediary), ' +
    'and applications, intermediaries, platforms and suppliers ranked by the business-critical applications and business functions (all supporting applications down) that fail with them.',
  params: SinglePointsOfFailureParams,
  async run(driver, params) {
    return singlePointsOfFailure(await fetchSnapshot(driver, params.organisation, params.boundary), params.limit);
  },
};
