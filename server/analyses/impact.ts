// Impact ("what if X goes down / goes bankrupt"): everything that transitively depends on a node,
// with hop distance and one shortest dependency path, and what that means for the organisations:
// the business functions they lose or keep with less support, the critical applications down, the
// contracts involved with their notice deadlines and the interfaces that break. Definitions: README.md here.
//
// Breadth-first on the cached snapshot of the chosen organisations (landscape.ts `dependants`, the
// dependency semantics of docs/data-model.md reversed), like what-if, and the functions and contracts touched from
// the same snapshot: no query at all once the snapshot is cached. Per-hop Cypher took 112 ms for one
// application of one municipality and 6 s for the country's largest supplier.
// Ties between equally short paths go to the smaller uid at each hop, as the per-hop query's
// ORDER BY did.
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { Cut, type AnalysisDefinition } from './types.js';
import { brokenInterfaces, dependants, failing, failingDirectly, fetchLandscape, functionSupport, isCritical, kindOf, type Landscape, nameOf, organisationNameOf } from './landscape.js';
import { pathTo } from './graph-algorithms.js';
import { OptionalInteger, Organisations, today, Uid } from './params.js';
import { currentTerm } from './contract-term.js';
import { RunningAlgorithmSchema } from '../algorithms.js';
import { algorithmsStopping } from './algorithms-stopping.js';
import { Boundary, fetchSnapshot } from './boundary.js';

const text = (description: string) => z.string().meta({ description });
const count = (description: string) => z.number().int().meta({ description });

export const ImpactRow = z.object({
  uid: z.string(),
  kind: z.enum(['Application', 'Platform']),
  name: z.string(),
  organisation: z.string().nullable(),
  organisationName: z.string().nullable(),
  criticality: z.string().nullable(),
  critical: z.boolean().meta({ description: 'criticality high or critical' }),
  hops: count('Dependency steps from the failing node'),
  direct: z.boolean().meta({ description: 'true: it runs on, is supplied or hosted by the failing node (through platforms and supplier groups); false: it fails only because it gets data through an interface from, or via, an application that fails' }),
  directBecause: z.object({ relation: z.enum(['suppliedBy', 'runsOn', 'providedBy']), uid: z.string(), name: z.string() }).nullable()
    .meta({ description: 'Of a direct row, why: supplied by the failing supplier (or a supplier of the failing group), runs on a platform that is down, or (a platform) provided by the failing supplier; null for the rest' }),
  path: z.array(z.string()).meta({ description: 'One shortest dependency path: this node first, the failing node last (uids)' }),
  pathNames: z.array(z.string()),
});
export type ImpactRow = z.infer<typeof ImpactRow>;

/** A koppeling the failure touches: its ends by uid and name, and which of them are down. */
const InterfaceHitSchema = z.object({
  uid: z.string(), organisation: z.string(), standard: z.string().nullable(),
  from: z.string().nullable(), to: z.string().nullable(), via: z.string().nullable(),
  fromName: z.string().nullable(), toName: z.string().nullable(), viaName: z.string().nullable(),
  failedEnds: z.array(z.enum(['from', 'to', 'via'])),
});

export const ImpactSummary = z.object({
  node: z.object({ uid: z.string(), kind: z.string(), name: z.string() }),
  maxHops: z.number().int().nullable().meta({ description: 'The maxHops asked for; null = dependencies followed to the end' }),
  cut: Cut.nullable(),
  totals: z.object({
    applications: count('Applications down, the failing node itself included when it is one'),
    applicationsDirect: count('Of those, down directly (row.direct), the failing node itself included when it is an application'),
    applicationsThroughInterfaces: count('Of those, down only because an interface brings them data from (or via) an application that is down: applications − applicationsDirect'),
    criticalApplicationsDirect: count('Of the applications down directly, criticality high or critical'),
    criticalApplications: count('Of those, criticality high or critical'),
    platforms: count('Platforms down'),
    organisations: count('Organisations with an application down'),
    businessFunctionsLost: count('(organisation, function) pairs whose every supporting application is down'),
    businessFunctionsWeakened: count('(organisation, function) pairs with some but not all supporting applications down'),
    businessFunctionsStopping: count('(organisation, function) pairs whose every supporting application is down directly: effect stops'),
    businessFunctionsWeakenedDirectly: count('(organisation, function) pairs with some, not all, supporting applications down directly: effect weakened'),
    businessFunctionsMissingData: count('(organisation, function) pairs whose supporting applications down only miss data: effect missesData'),
    contracts: count('Contracts covering an application that is down'),
    contractsDirect: count('Of those, with the failing supplier or covering an application down directly (hit own or direct)'),
    interfacesBroken: count('Interfaces whose from, to or via application is down directly (interfacesBroken)'),
    interfacesWithoutData: count('Interfaces not broken whose from or via application only misses data (interfacesWithoutData)'),
  }),
  organisations: z.array(z.object({
    organisation: z.string(), name: text('The organisation as people know it'),
    applications: z.number().int(), criticalApplications: z.number().int(), businessFunctionsLost: z.number().int(), businessFunctionsWeakened: z.number().int(),
    applicationsDirect: z.number().int(), businessFunctionsStopping: z.number().int(), businessFunctionsWeakenedDirectly: z.number().int(), businessFunctionsMissingData: z.number().int(),
  })),
  businessFunctions: z.array(z.object({
    organisation: z.string(), organisationName: z.string(), uid: z.string(), name: z.string(),
    affectedApplications: count('Supporting applications of this organisation that are down'),
    supportingApplications: count('All applications of this organisation supporting the function'),
    lostAllSupport: z.boolean().meta({ description: 'true: every supporting application is down (directly or missing data); false: some keep running' }),
    directApplications: count('Of the supporting applications down, those down directly'),
    effect: z.enum(['stops', 'weakened', 'missesData']).meta({ description: 'stops: every supporting application is down directly; weakened: some are; missesData: none is, those down only miss data' }),
  })).meta({ description: 'Stopping ones first, then weakened, then missing data; per organisation' }),
  contracts: z.array(z.object({
    uid: z.string(), name: z.string(), organisation: z.string(), organisationName: z.string(),
    supplier: z.string().nullable(), supplierName: z.string().nullable(),
    end: text('YYYY-MM-DD'), noticeDeadline: text('End date minus the notice period in calendar months, YYYY-MM-DD; null for a contract that does not renew automatically (it ends on its end date)').nullable(), noticeMonths: z.number(), autoRenew: z.boolean(), annualValue: z.number(),
    affectedApplications: z.array(z.string()), affectedApplicationNames: z.array(z.string()),
    hit: z.enum(['own', 'direct', 'missesData']).meta({ description: 'own: with the failing supplier (or a supplier of the failing group), or covering the failing application; direct: covering an application down directly; missesData: only applications that miss data' }),
  })).meta({ description: 'Contracts covering an application that is down: own first, then direct, then missing data; within each the earliest notice deadline first' }),
  interfacesBroken: z.array(InterfaceHitSchema).meta({ description: 'Broken: the from, to or via application is down directly (or is the failing application)' }),
  interfacesWithoutData: z.array(InterfaceHitSchema).meta({ description: 'Not broken, but their from or via application only misses data: they pass on no (fresh) data' }),
  algorithmsStopping: z.array(RunningAlgorithmSchema).optional().meta({ description: 'Algorithms (Algoritmeregister) on applications that are down directly: confirmed links, and likely ones (matched by name, not reviewed) marked link: likely' }),
  algorithmsMissingData: z.array(RunningAlgorithmSchema).optional().meta({ description: 'Algorithms on applications that only miss data (and on none down directly)' }),
});
export type ImpactSummary = z.infer<typeof ImpactSummary>;

export const ImpactResult = z.object({ rows: z.array(ImpactRow).meta({ description: 'Every application and platform that fails with the node, nearest first' }), summary: ImpactSummary });

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Everything that fails with `uid`, hop by hop, and what that means for the organisations. Hops count
 * dependency steps: what a supplier supplies or hosts is hop 1; a group's suppliers stand for the group
 * (hop 0). Without `maxHops` dependencies are followed to the end; with it, `cut` says how much more fails.
 */
export async function impact(driver: Driver, uid: string, maxHops: number | undefined, organisations: string[] | null, boundary = false): Promise<{ rows: ImpactRow[]; summary: ImpactSummary }> {
  const landscape = await fetchSnapshot(driver, organisations, boundary);
  const kind = kindOf(landscape, uid);
  if (!kind) throw new NotFoundError(`No application, platform, supplier or supplier group '${uid}' in the chosen organisations / Onbekend knooppunt '${uid}' (alleen een applicatie, platform, leverancier of leveranciersgroep kan uitvallen)`);
  const edges = dependants(landscape);
  const reached = failing(landscape, edges, uid, maxHops);
  // Whether a row is hit directly does not depend on maxHops: to the end, as the totals' "direct" count.
  const directly = failingDirectly(landscape, edges, uid);
  const rows = impactRows(landscape, uid, reached, directly);
  const total = maxHops === undefined ? rows.length : countRows(landscape, uid, failing(landscape, edges, uid));
  const cut: Cut | null = total > rows.length ? { reason: 'maxHops', maxHops, shown: rows.length, total } : null;
  return { rows, summary: { node: { uid, kind, name: nameOf(landscape, uid) }, maxHops: maxHops ?? null, cut, ...consequences(landscape, uid, rows, directly) } };
}

const affectedIn = (landscape: Landscape, uid: string, id: string) => id !== uid && (landscape.applications.has(id) || landscape.platforms.has(id));
const countRows = (landscape: Landscape, uid: string, reached: Map<string, unknown>) => [...reached.keys()].filter(id => affectedIn(landscape, uid, id)).length;

function impactRows(landscape: Landscape, uid: string, reached: ReturnType<typeof failing>, direct: Set<string>): ImpactRow[] {
  const rows: ImpactRow[] = [];
  for (const [id, { hops }] of reached) {
    if (!affectedIn(landscape, uid, id)) continue;
    const application = landscape.applications.get(id);
    // Dependency direction: the affected node first, then what it depends on, down to the failing node.
    const path = pathTo(reached, id).reverse();
    rows.push({
      uid: id, kind: application ? 'Application' : 'Platform', name: nameOf(landscape, id),
      organisation: application?.organisation ?? null, organisationName: application ? organisationNameOf(landscape, application.organisation) : null,
      criticality: application?.criticality ?? null, critical: application ? isCritical(application) : false,
      hops, direct: direct.has(id), directBecause: direct.has(id) ? directBecause(landscape, id, direct) : null, path, pathNames: path.map(step => nameOf(landscape, step)),
    });
  }
  return rows.sort((a, b) => a.hops - b.hops || byText(a.uid, b.uid));
}

/**
 * Why a node is down directly, in one step: its supplier fails (or belongs to the failing group), it
 * runs on a platform that is down, or (a platform) its provider fails. A user read "direct, 2 steps,
 * via Grutto Software Cloud" as a contradiction; "runs on Grutto Software Cloud" says it.
 */
function directBecause(landscape: Landscape, id: string, direct: Set<string>): ImpactRow['directBecause'] {
  const application = landscape.applications.get(id);
  const platform = landscape.platforms.get(id);
  const suppliers = application?.suppliers ?? platform?.providers ?? [];
  const supplier = suppliers.find(uid => direct.has(uid));
  if (supplier) return { relation: application ? 'suppliedBy' : 'providedBy', uid: supplier, name: nameOf(landscape, supplier) };
  const host = (application?.platforms ?? platform?.runsOn ?? []).find(uid => direct.has(uid));
  return host ? { relation: 'runsOn', uid: host, name: nameOf(landscape, host) } : null;
}

const EFFECT_ORDER = { stops: 0, weakened: 1, missesData: 2 } as const;
const HIT_ORDER = { own: 0, direct: 1, missesData: 2 } as const;

/** What the failure of `uid` (and `rows` with it) means per organisation: functions, contracts, interfaces. */
function consequences(landscape: Landscape, uid: string, rows: ImpactRow[], directly: Set<string>): Omit<ImpactSummary, 'node' | 'maxHops' | 'cut'> {
  // The failing application itself is down too: its own functions, contracts and interfaces count.
  const down = new Set(rows.filter(row => row.kind === 'Application').map(row => row.uid));
  if (landscape.applications.has(uid)) down.add(uid);
  // Down directly: the rows so marked, and the failing application itself. What only misses data is
  // said apart everywhere: a user read "1.159 koppelingen verbroken" for one small application.
  const direct = new Set(rows.filter(row => row.kind === 'Application' && row.direct).map(row => row.uid));
  if (landscape.applications.has(uid)) direct.add(uid);
  const organisationName = (id: string) => organisationNameOf(landscape, id);

  const directSupport = new Map(functionSupport(landscape, id => direct.has(id)).map(entry => [`${entry.organisation}\u0000${entry.function}`, entry.failed]));
  const businessFunctions = functionSupport(landscape, id => down.has(id))
    .filter(entry => entry.failed > 0)
    .map(entry => {
      const directApplications = directSupport.get(`${entry.organisation}\u0000${entry.function}`) ?? 0;
      const effect: 'stops' | 'weakened' | 'missesData' = directApplications === entry.supporting ? 'stops' : directApplications > 0 ? 'weakened' : 'missesData';
      return {
        organisation: entry.organisation, organisationName: organisationName(entry.organisation), uid: entry.function, name: nameOf(landscape, entry.function),
        affectedApplications: entry.failed, supportingApplications: entry.supporting, lostAllSupport: entry.failed === entry.supporting, directApplications, effect,
      };
    })
    .sort((a, b) => EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect] || Number(b.lostAllSupport) - Number(a.lostAllSupport) || byText(a.organisation, b.organisation) || a.name.localeCompare(b.name, 'nl') || byText(a.uid, b.uid));

  const byOrganisation = new Map<string, ImpactSummary['organisations'][number]>();
  const entryOf = (organisation: string) => {
    let entry = byOrganisation.get(organisation);
    if (!entry) {
      byOrganisation.set(organisation, (entry = {
        organisation, name: organisationName(organisation), applications: 0, criticalApplications: 0, businessFunctionsLost: 0, businessFunctionsWeakened: 0,
        applicationsDirect: 0, businessFunctionsStopping: 0, businessFunctionsWeakenedDirectly: 0, businessFunctionsMissingData: 0,
      }));
    }
    return entry;
  };
  let criticalApplications = 0;
  let criticalApplicationsDirect = 0;
  for (const id of down) {
    const application = landscape.applications.get(id)!;
    const entry = entryOf(application.organisation);
    entry.applications++;
    if (direct.has(id)) entry.applicationsDirect++;
    if (isCritical(application)) {
      entry.criticalApplications++;
      criticalApplications++;
      if (direct.has(id)) criticalApplicationsDirect++;
    }
  }
  for (const fn of businessFunctions) {
    if (fn.lostAllSupport) entryOf(fn.organisation).businessFunctionsLost++;
    else entryOf(fn.organisation).businessFunctionsWeakened++;
    const entry = entryOf(fn.organisation);
    if (fn.effect === 'stops') entry.businessFunctionsStopping++;
    else if (fn.effect === 'weakened') entry.businessFunctionsWeakenedDirectly++;
    else entry.businessFunctionsMissingData++;
  }

  const asOf = today();
  /** The dates of the contract's current term (renewed automatically when its end date passed), and whether it renewed. */
  const termOf = (contract: Landscape['contracts'][number]) => {
    const term = currentTerm(contract, asOf);
    // Without an end date, or without automatic renewal, there is no notice deadline.
    return { end: term?.end ?? contract.end, noticeDeadline: term?.noticeDeadline ?? null, renewed: term?.renewed ?? false };
  };
  const contracts = landscape.contracts
    .filter(contract => contract.covers.some(id => down.has(id)))
    .map(contract => {
      const affectedApplications = contract.covers.filter(id => down.has(id)).sort(byText);
      return {
        uid: contract.uid, name: contract.name, organisation: contract.organisation, organisationName: organisationName(contract.organisation),
        supplier: contract.supplier, supplierName: contract.supplier ? nameOf(landscape, contract.supplier) : null,
        ...termOf(contract), noticeMonths: contract.noticeMonths, autoRenew: contract.autoRenew, annualValue: contract.annualValue,
        affectedApplications, affectedApplicationNames: affectedApplications.map(id => nameOf(landscape, id)),
        // The failing subject's own contracts first, then those of what fails directly, then of what only misses data.
        hit: (contract.supplier !== null && directly.has(contract.supplier)) || contract.covers.includes(uid) ? 'own' as const
          : affectedApplications.some(id => direct.has(id)) ? 'direct' as const : 'missesData' as const,
      };
    })
    .sort((a, b) => HIT_ORDER[a.hit] - HIT_ORDER[b.hit] || byText(a.noticeDeadline ?? '', b.noticeDeadline ?? '') || byText(a.uid, b.uid));
  // Broken: an end or the intermediary is down directly. An interface whose source or intermediary only
  // misses data still works; it passes on no fresh data. One whose receiver only misses data is not hit.
  const interfacesBroken = brokenInterfaces(landscape, id => direct.has(id));
  const broken = new Set(interfacesBroken.map(i => i.uid));
  const interfacesWithoutData = brokenInterfaces(landscape, id => down.has(id))
    .filter(i => !broken.has(i.uid) && (i.failedEnds.includes('from') || i.failedEnds.includes('via')));
  const lost = businessFunctions.filter(fn => fn.lostAllSupport).length;
  const effects = (effect: 'stops' | 'weakened' | 'missesData') => businessFunctions.filter(fn => fn.effect === effect).length;
  return {
    totals: {
      applications: down.size,
      applicationsDirect: direct.size,
      applicationsThroughInterfaces: down.size - direct.size,
      criticalApplications,
      criticalApplicationsDirect,
      platforms: rows.length - rows.filter(row => row.kind === 'Application').length,
      organisations: byOrganisation.size,
      businessFunctionsLost: lost,
      businessFunctionsWeakened: businessFunctions.length - lost,
      businessFunctionsStopping: effects('stops'),
      businessFunctionsWeakenedDirectly: effects('weakened'),
      businessFunctionsMissingData: effects('missesData'),
      contracts: contracts.length,
      contractsDirect: contracts.filter(c => c.hit !== 'missesData').length,
      interfacesBroken: interfacesBroken.length,
      interfacesWithoutData: interfacesWithoutData.length,
    },
    organisations: [...byOrganisation.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl') || byText(a.organisation, b.organisation)),
    businessFunctions,
    contracts,
    interfacesBroken,
    interfacesWithoutData,
  };
}

export const ImpactParams = z.object({
  node: Uid('uid of an application, platform, supplier or supplier group, e.g. supplier:acme / uid van het knooppunt'),
  maxHops: OptionalInteger(1, 1000, 'Follow dependencies at most this many steps (default: to the end); a cut answer says so in summary.cut / Maximaal aantal stappen (standaard: tot het eind)'),
  organisation: Organisations,
  boundary: Boundary,
});

export const impactAnalysis: AnalysisDefinition<typeof ImpactParams> = {
  name: 'impact',
  title: 'Impact / Impactanalyse',
  description:
    'Everything that transitively depends on an application, platform, supplier or supplier group (what it supplies or hosts, then everything depending or running on that), followed to the end unless maxHops is given, ' +
    'each with its hop distance and one shortest dependency path; plus what that means: the business functions each organisation loses (or keeps with less support), the critical applications down, ' +
    'the affected organisations, the contracts involved with their notice deadlines and the interfaces that break. summary.cut says when maxHops left something out.',
  params: ImpactParams,
  result: ImpactResult,
  async run(driver, params) {
    const result = await impact(driver, params.node, params.maxHops, params.organisation, params.boundary);
    // Stopping: on an application down directly; the others only miss data, said apart.
    const applications = result.rows.filter(row => row.kind === 'Application');
    const direct = applications.filter(row => row.direct).map(row => row.uid);
    if (result.summary.node.kind === 'Application') direct.push(result.summary.node.uid);
    const stopping = await algorithmsStopping(driver, direct);
    const stops = new Set(stopping.map(algorithm => algorithm.uid));
    const missingData = (await algorithmsStopping(driver, applications.filter(row => !row.direct).map(row => row.uid))).filter(algorithm => !stops.has(algorithm.uid));
    return { ...result, summary: { ...result.summary, algorithmsStopping: stopping, algorithmsMissingData: missingData } };
  },
};
