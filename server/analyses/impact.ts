// Impact ("what if X goes down / goes bankrupt"): everything that transitively depends on a node,
// with hop distance and one shortest dependency path. Definitions: README.md here.
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import type { AnalysisDefinition, Row } from './types.js';
import { dependants, failing, fetchLandscape, isCritical, kindOf, type Landscape, lostFunctions, nameOf } from './landscape.js';
import { pathTo, type Reached } from './graph-algorithms.js';
import { Integer, Organisations, Uid } from './params.js';

export type ImpactSummary = {
  node: { uid: string; kind: string; name: string };
  maxHops: number;
  organisations: { organisation: string; applications: number; criticalApplications: number }[];
  businessFunctions: { organisation: string; uid: string; name: string; affectedApplications: number; supportingApplications: number; lostAllSupport: boolean }[];
  contracts: { uid: string; name: string; organisation: string; supplier: string | null; end: string; annualValue: number; affectedApplications: string[] }[];
};

/** Throws NotFoundError when `uid` is not an application, platform, supplier or group of the snapshot. */
export function impact(landscape: Landscape, uid: string, maxHops: number): { rows: Row[]; summary: ImpactSummary } {
  const kind = kindOf(landscape, uid);
  if (!kind) throw new NotFoundError(`No application, platform, supplier or supplier group '${uid}' in the chosen organisations / Onbekend knooppunt '${uid}'`);
  const reached = failing(landscape, dependants(landscape), uid, maxHops);
  const rows = affectedRows(landscape, reached, uid);
  const affected = new Set(rows.filter(row => row.kind === 'Application').map(row => row.uid as string));
  return { rows, summary: summarise(landscape, { uid, kind, name: nameOf(landscape, uid) }, maxHops, affected) };
}

/** Reached applications and platforms (not the failing node, not a group's own suppliers), nearest first. */
export function affectedRows(landscape: Landscape, reached: Map<string, Reached>, start: string): Row[] {
  const rows: Row[] = [];
  for (const [uid, { hops }] of reached) {
    const kind = kindOf(landscape, uid);
    if (uid === start || (kind !== 'Application' && kind !== 'Platform')) continue;
    // Dependency direction: the affected node first, then what it depends on, down to the failing node.
    const path = pathTo(reached, uid).reverse();
    const application = landscape.applications.get(uid);
    rows.push({
      uid, kind, name: nameOf(landscape, uid), organisation: application?.organisation ?? null, criticality: application?.criticality ?? null,
      hops, path, pathNames: path.map(id => nameOf(landscape, id)),
    });
  }
  return rows.sort((a, b) => (a.hops as number) - (b.hops as number) || String(a.uid).localeCompare(String(b.uid)));
}

function summarise(landscape: Landscape, node: ImpactSummary['node'], maxHops: number, affected: Set<string>): ImpactSummary {
  const organisations = new Map<string, { organisation: string; applications: number; criticalApplications: number }>();
  for (const uid of affected) {
    const application = landscape.applications.get(uid)!;
    const entry = organisations.get(application.organisation) ?? { organisation: application.organisation, applications: 0, criticalApplications: 0 };
    entry.applications++;
    if (isCritical(application)) entry.criticalApplications++;
    organisations.set(application.organisation, entry);
  }
  const functions = new Map<string, ImpactSummary['businessFunctions'][number]>();
  for (const application of landscape.applications.values()) {
    for (const fn of application.functions) {
      const key = `${application.organisation}\u0000${fn}`;
      const entry = functions.get(key) ?? { organisation: application.organisation, uid: fn, name: nameOf(landscape, fn), affectedApplications: 0, supportingApplications: 0, lostAllSupport: false };
      entry.supportingApplications++;
      if (affected.has(application.uid)) entry.affectedApplications++;
      functions.set(key, entry);
    }
  }
  const lost = new Set(lostFunctions(landscape, uid => affected.has(uid)).map(l => `${l.organisation}\u0000${l.function}`));
  const businessFunctions = [...functions].filter(([, f]) => f.affectedApplications > 0)
    .map(([key, f]) => ({ ...f, lostAllSupport: lost.has(key) }))
    .sort((a, b) => Number(b.lostAllSupport) - Number(a.lostAllSupport) || a.organisation.localeCompare(b.organisation) || a.uid.localeCompare(b.uid));
  const contracts = landscape.contracts
    .map(c => ({ c, hit: c.covers.filter(uid => affected.has(uid)).sort() }))
    .filter(({ hit }) => hit.length > 0)
    .map(({ c, hit }) => ({ uid: c.uid, name: c.name, organisation: c.organisation, supplier: c.supplier, end: c.end, annualValue: c.annualValue, affectedApplications: hit }));
  return { node, maxHops, organisations: [...organisations.values()].sort((a, b) => a.organisation.localeCompare(b.organisation)), businessFunctions, contracts };
}

export const ImpactParams = z.object({
  node: Uid('uid of an application, platform, supplier or supplier group, e.g. supplier:acme / uid van het knooppunt'),
  maxHops: Integer(1, 1000, 10, 'Maximum dependency steps to follow (default 10) / Maximaal aantal stappen'),
  organisation: Organisations,
});

export const impactAnalysis: AnalysisDefinition<typeof ImpactParams> = {
  name: 'impact',
  title: 'Impact / Impactanalyse',
  description:
    'Everything that transitively depends on an application, platform, supplier or supplier group (what it supplies or hosts, then everything depending or running on that), ' +
    'each with its hop distance and one shortest dependency path; plus the affected organisations, business functions (marked when they lose all support) and contracts.',
  params: ImpactParams,
  async run(driver, params) {
    return impact(await fetchLandscape(driver, params.organisation), params.node, params.maxHops);
  },
};
