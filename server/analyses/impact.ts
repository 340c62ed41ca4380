// Impact ("what if X goes down / goes bankrupt"): everything that transitively depends on a node,
// with hop distance and one shortest dependency path. Definitions: README.md here.
//
// Breadth-first, one Cypher query per hop (cypher/analyses/impact-step.cypher): the work grows
// with what actually fails, not with the landscape, so one node's impact stays fast at country
// scale, and there is no unbounded variable-length expansion.
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { read } from '../neo4j.js';
import { query } from '../queries.js';
import type { AnalysisDefinition, Row } from './types.js';
import { isCritical, type Criticality } from './landscape.js';
import { pathTo, type Reached } from './graph-algorithms.js';
import { Integer, Organisations, Uid } from './params.js';

type Found = { uid: string; kind: 'Application' | 'Platform' | 'Supplier' | 'SupplierGroup'; name: string; organisation: string | null; criticality?: Criticality | null };
type Step = Found & { from: string };

export type ImpactSummary = {
  node: { uid: string; kind: string; name: string };
  maxHops: number;
  organisations: { organisation: string; applications: number; criticalApplications: number }[];
  businessFunctions: { organisation: string; uid: string; name: string; affectedApplications: number; supportingApplications: number; lostAllSupport: boolean }[];
  contracts: { uid: string; name: string; organisation: string; supplier: string | null; end: string; annualValue: number; affectedApplications: string[] }[];
};

/**
 * Everything that fails with `uid`, hop by hop. Hops count dependency steps: what a supplier
 * supplies or hosts is hop 1; a group's suppliers stand for the group (hop 0).
 */
export async function impact(driver: Driver, uid: string, maxHops: number, organisations: string[] | null): Promise<{ rows: Row[]; summary: ImpactSummary }> {
  const [node] = await read<Found>(driver, query('analyses/impact-node').text, { node: uid });
  if (!node || (node.kind === 'Application' && organisations && !organisations.includes(node.organisation ?? ''))) {
    throw new NotFoundError(`No application, platform, supplier or supplier group '${uid}' in the chosen organisations / Onbekend knooppunt '${uid}'`);
  }
  const reached = new Map<string, Reached>([[uid, { hops: 0, previous: null }]]);
  const found = new Map<string, Found>([[uid, node]]);
  const step = (frontier: string[]) => read<Step>(driver, query('analyses/impact-step').text, { frontier, organisations });
  let frontier = [uid];
  if (node.kind === 'SupplierGroup') {
    // A group's suppliers stand for the group: hop 0, so what they supply or host is hop 1.
    frontier = [];
    for (const supplier of await step([uid])) {
      reached.set(supplier.uid, { hops: 0, previous: uid });
      found.set(supplier.uid, supplier);
      frontier.push(supplier.uid);
    }
  }
  for (let hops = 1; frontier.length > 0 && hops <= maxHops; hops++) {
    const next: string[] = [];
    for (const hit of await step(frontier)) {
      if (reached.has(hit.uid)) continue;
      reached.set(hit.uid, { hops, previous: hit.from });
      found.set(hit.uid, hit);
      next.push(hit.uid);
    }
    frontier = next;
  }

  const nameOf = (id: string) => found.get(id)?.name ?? id;
  const rows: Row[] = [];
  for (const [id, { hops }] of reached) {
    const entry = found.get(id)!;
    if (id === uid || (entry.kind !== 'Application' && entry.kind !== 'Platform')) continue;
    // Dependency direction: the affected node first, then what it depends on, down to the failing node.
    const path = pathTo(reached, id).reverse();
    rows.push({
      uid: id, kind: entry.kind, name: entry.name, organisation: entry.organisation ?? null, criticality: entry.criticality ?? null,
      hops, path, pathNames: path.map(nameOf),
    });
  }
  rows.sort((a, b) => (a.hops as number) - (b.hops as number) || String(a.uid).localeCompare(String(b.uid)));

  const applications = rows.filter(row => row.kind === 'Application');
  const byOrganisation = new Map<string, ImpactSummary['organisations'][number]>();
  for (const row of applications) {
    const organisation = row.organisation as string;
    const entry = byOrganisation.get(organisation) ?? { organisation, applications: 0, criticalApplications: 0 };
    entry.applications++;
    if (isCritical({ criticality: row.criticality } as never)) entry.criticalApplications++;
    byOrganisation.set(organisation, entry);
  }
  const affected = applications.map(row => row.uid as string);
  const [businessFunctions, contracts] = await Promise.all([
    read<ImpactSummary['businessFunctions'][number]>(driver, query('analyses/impact-functions').text, { applications: affected }),
    read<ImpactSummary['contracts'][number]>(driver, query('analyses/impact-contracts').text, { applications: affected }),
  ]);
  return {
    rows,
    summary: {
      node: { uid: node.uid, kind: node.kind, name: node.name },
      maxHops,
      organisations: [...byOrganisation.values()].sort((a, b) => a.organisation.localeCompare(b.organisation)),
      businessFunctions,
      contracts,
    },
  };
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
    return impact(driver, params.node, params.maxHops, params.organisation);
  },
};
