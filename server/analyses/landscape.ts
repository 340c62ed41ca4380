// A snapshot of the landscape of the chosen organisations, fetched with a handful of queries from
// cypher/analyses/landscape-*.cypher, plus the dependency semantics of docs/data-model.md as plain maps.
// Exposure, lock-in, single points of failure, impact and what-if all compute on it in TypeScript:
// what-if must recompute HHI and lock-in on a changed graph, which Cypher cannot do without
// writing, and one snapshot keeps every number of one answer consistent.
import type { Driver } from 'neo4j-driver';
import { read } from '../neo4j.js';
import { query } from '../queries.js';
import { breadthFirst, type Reached } from './graph-algorithms.js';
import { cached } from './snapshot-cache.js';
import { once, stringInterner } from '../once.js';
import { organisationName } from '../labels.js';
import { type JournalPosition, journalPosition } from '../../importers/history.js';
import { patchLandscape, patchMarket } from './snapshot-patch.js';

export type Criticality = 'low' | 'medium' | 'high' | 'critical';
export type ApplicationFact = {
  uid: string; name: string; organisation: string; criticality: Criticality; personalData: boolean;
  suppliers: string[]; platforms: string[]; functions: string[]; referenceComponents: string[]; dependsOn: string[];
};
export type PlatformFact = { uid: string; name: string; jurisdiction: string; runsOn: string[]; providers: string[] };
export type SupplierFact = {
  uid: string; name: string; normalizedName: string | null; group: string | null; groupName: string | null;
  /** As imported (a code or a name); the group's jurisdiction as imported, and the group node's country if a source gave one. */
  country: string | null; groupJurisdiction: string | null; groupCountry: string | null;
};
export type InterfaceFact = { uid: string; organisation: string; standard: string | null; openStandard: boolean; from: string | null; to: string | null; via: string | null };
export type ContractFact = {
  uid: string; name: string; organisation: string; supplier: string | null; end: string; noticeDeadline: string; noticeMonths: number;
  autoRenew: boolean; annualValue: number; exitPlan: boolean; dataPortability: boolean; covers: string[];
};
export type NameFact = { uid: string; name: string; kind: 'BusinessFunction' | 'ReferenceComponent'; suppliers: string[] };

export type Landscape = {
  organisations: string[] | null;
  applications: Map<string, ApplicationFact>;
  platforms: Map<string, PlatformFact>;
  suppliers: Map<string, SupplierFact>;
  interfaces: InterfaceFact[];
  contracts: ContractFact[];
  names: Map<string, NameFact>;
  /** Supplier group uid → name. */
  groups: Map<string, string>;
  /** Organisation id → its name for people (labels.ts `organisationName`). */
  organisationNames: Map<string, string>;
  /** The landscape journal's number and node counts when this was fetched: what a patch starts from (snapshot-patch.ts). */
  journal?: JournalPosition;
};

/** The suppliers per reference component (landscape-market), with the journal position it was fetched at. */
export type Market = { suppliers: Map<string, string[]>; journal?: JournalPosition };

export const isCritical = (application: ApplicationFact) => application.criticality === 'high' || application.criticality === 'critical';

/** Whether a contract runs on `asOf`: not past its end date, or renewing by itself (its current term runs on, contract-term.ts). */
export const isRunning = (contract: Pick<ContractFact, 'end' | 'autoRenew'>, asOf: string): boolean => contract.autoRenew || !contract.end || contract.end >= asOf;

const runningMemo = new WeakMap<Landscape, { asOf: string; landscape: Landscape }>();

/**
 * The snapshot with only the contracts that run on `asOf`: what a supplier's share of contract value and
 * sovereignty's exposed value count. A report said "4 lopende contracten, samen € 371.495" where the supplier page
 * counted an ended contract too (€ 374.125). The same object while no contract has ended, so what is derived from
 * it and kept (lock-in's tallies, what-if's "before") is kept once.
 */
export function runningOn(landscape: Landscape, asOf: string): Landscape {
  const memo = runningMemo.get(landscape);
  if (memo?.asOf === asOf) return memo.landscape;
  const contracts = landscape.contracts.filter(contract => isRunning(contract, asOf));
  const running = contracts.length === landscape.contracts.length ? landscape : { ...landscape, contracts };
  runningMemo.set(landscape, { asOf, landscape: running });
  return running;
}

/**
 * The snapshot of `organisations` (null = every organisation), from the in-process cache while
 * the database has not changed (snapshot-cache.ts). Shared between callers: never mutate it.
 */
export function fetchLandscape(driver: Driver, organisations: string[] | null, options: { keep?: boolean } = {}): Promise<Landscape> {
  const chosen = organisations === null ? null : [...new Set(organisations)].sort();
  const key = `landscape:${chosen === null ? '*' : JSON.stringify(chosen)}`;
  // A snapshot of an older version is brought up to date from the runs since, when only runs changed it.
  return cached(driver, key, () => loadLandscape(driver, chosen), approximateBytes, { update: stale => patchLandscape(driver, stale, fetchMarket), keep: options.keep });
}

/**
 * A rough size in memory, for the cache's memory bound: objects and their own strings, 8 bytes per
 * reference; lists shared between applications (interner) are not counted per application.
 * Calibrated on the country (measured heap growth 100 MB), plus 360 bytes per application for what
 * the analyses derive from a snapshot and keep with it (lock-in's tallies, the reversed dependency
 * edges, platform chains: 54 MB more on the country once every analysis has run).
 */
export function approximateBytes(landscape: Landscape): number {
  const ids = (lists: string[][]) => lists.reduce((sum, list) => sum + list.length, 0);
  let bytes = 0;
  for (const a of landscape.applications.values()) bytes += 660 + 8 * a.dependsOn.length;
  for (const p of landscape.platforms.values()) bytes += 300 + 8 * ids([p.runsOn, p.providers]);
  for (const n of landscape.names.values()) bytes += 250 + 8 * n.suppliers.length;
  bytes += 300 * landscape.suppliers.size + 150 * landscape.interfaces.length;
  for (const c of landscape.contracts) bytes += 350 + 8 * c.covers.length;
  return bytes;
}

/**
 * Per reference component, the suppliers supplying an application that realises it anywhere in the
 * landscape. The same for every choice of organisations and counted over the whole country (0.8 s
 * there), so it is fetched once per database version and shared by the snapshots of all scopes.
 */
function fetchMarket(driver: Driver): Promise<Market> {
  return cached<Market>(driver, 'market', async () => {
    const journal = await journalPosition(driver);
    const rows = await read<{ uid: string; suppliers: string[] }>(driver, query('analyses/landscape-market').text, {});
    return { suppliers: new Map(rows.map(row => [row.uid, row.suppliers])), journal };
  }, market => [...market.suppliers.values()].reduce((bytes, suppliers) => bytes + 200 + 60 * suppliers.length, 0), { update: stale => patchMarket(driver, stale) });
}

/** Organisation id → its name for people, every organisation (few: read whole, also when a snapshot is patched). */
export async function fetchOrganisationNames(driver: Driver): Promise<Map<string, string>> {
  const rows = await read<{ id: string; name: string | null }>(driver, query('analyses/landscape-organisations').text, {});
  return new Map(rows.map(o => [o.id, organisationName(o.id, o.name)]));
}

/** Fetches the snapshot from Neo4j, uncached; `organisations` null = every organisation. */
export async function loadLandscape(driver: Driver, organisations: string[] | null): Promise<Landscape> {
  const params = { organisations };
  // Read before the data: a run that commits while the snapshot is fetched is one a later patch applies again.
  const journal = await journalPosition(driver);
  const shared = interner();
  const [applications, platforms, suppliers, interfaces, contracts, names, market, organisationNames] = await Promise.all([
    read<ApplicationFact>(driver, query('analyses/landscape-applications').text, params, shared.application),
    read<PlatformFact>(driver, query('analyses/landscape-platforms').text, {}, shared.platform),
    read<SupplierFact>(driver, query('analyses/landscape-suppliers').text, {}, shared.supplier),
    read<InterfaceFact>(driver, query('analyses/landscape-interfaces').text, params, shared.interface),
    read<ContractFact>(driver, query('analyses/landscape-contracts').text, params, shared.contract),
    read<Omit<NameFact, 'suppliers'>>(driver, query('analyses/landscape-names').text, params),
    fetchMarket(driver),
    fetchOrganisationNames(driver),
  ]);
  return {
    organisations,
    applications: byUid(applications),
    platforms: byUid(platforms),
    suppliers: byUid(suppliers),
    interfaces,
    contracts,
    names: byUid(names.map(n => shared.name({ ...n, suppliers: market.suppliers.get(n.uid) ?? [] }))),
    groups: new Map(suppliers.filter(s => s.group).map(s => [s.group!, s.groupName ?? s.group!])),
    organisationNames,
    journal,
  };
}

/**
 * One string object per uid, organisation and standard, shared as the rows arrive: the driver makes
 * a new string for every value it decodes, and the country's 150,000 applications name each other,
 * their suppliers, platforms and functions about two million times. Shared, the snapshot is a
 * fraction of the size (and fits the cache), and the copies die young.
 */
export function interner() {
  const one = stringInterner();
  const maybe = (value: string | null) => (value === null ? null : one(value));
  // Lists too: applications of one product share their name, supplier, functions and reference components.
  const lists = new Map<string, string[]>();
  const all = (values: string[]): string[] => once(lists, values.join('\u0000'), () => values.map(one));
  return {
    application: (a: ApplicationFact): ApplicationFact => ({
      ...a, uid: one(a.uid), name: one(a.name), organisation: one(a.organisation), criticality: one(a.criticality) as Criticality, suppliers: all(a.suppliers), platforms: all(a.platforms),
      functions: all(a.functions), referenceComponents: all(a.referenceComponents), dependsOn: all(a.dependsOn),
    }),
    platform: (p: PlatformFact): PlatformFact => ({ ...p, uid: one(p.uid), jurisdiction: one(p.jurisdiction), runsOn: all(p.runsOn), providers: all(p.providers) }),
    name: (n: NameFact): NameFact => ({ ...n, uid: one(n.uid), suppliers: all(n.suppliers) }),
    supplier: (s: SupplierFact): SupplierFact => ({ ...s, uid: one(s.uid), group: maybe(s.group), country: maybe(s.country ?? null), groupJurisdiction: maybe(s.groupJurisdiction ?? null), groupCountry: maybe(s.groupCountry ?? null) }),
    interface: (i: InterfaceFact): InterfaceFact => ({ ...i, organisation: one(i.organisation), standard: maybe(i.standard), from: maybe(i.from), to: maybe(i.to), via: maybe(i.via) }),
    contract: (c: ContractFact): ContractFact => ({ ...c, organisation: one(c.organisation), supplier: maybe(c.supplier), covers: all(c.covers) }),
  };
}

export const byUid = <T extends { uid: string }>(items: T[]) => new Map(items.map(item => [item.uid, item]));

export const nameOf = (landscape: Landscape, uid: string): string =>
  landscape.applications.get(uid)?.name ?? landscape.platforms.get(uid)?.name ?? landscape.suppliers.get(uid)?.name ??
  landscape.names.get(uid)?.name ?? groupName(landscape, uid) ?? uid;

const groupName = (landscape: Landscape, uid: string) => landscape.groups.get(uid);

/** An organisation by its name: the one it was imported with, else its id made readable. */
export const organisationNameOf = (landscape: Landscape, id: string): string => landscape.organisationNames.get(id) ?? organisationName(id);

/** The kinds whose failure impact and what-if follow; node details offer "what if" only for these. */
export const FAILING_KINDS = ['Application', 'Platform', 'Supplier', 'SupplierGroup'] as const;
export type NodeKind = (typeof FAILING_KINDS)[number];
export const kindOf = (landscape: Landscape, uid: string): NodeKind | null => {
  if (landscape.applications.has(uid)) return 'Application';
  if (landscape.platforms.has(uid)) return 'Platform';
  if (landscape.suppliers.has(uid)) return 'Supplier';
  if (groupName(landscape, uid) !== undefined) return 'SupplierGroup';
  return null;
};

/**
 * "Who fails when I fail", the dependency semantics of docs/data-model.md reversed: an application's dependants
 * (DEPENDS_ON), what runs on a platform (RUNS_ON), what a supplier supplies or hosts, and a group's
 * suppliers. Only applications of the snapshot are included.
 */
export function dependants(landscape: Landscape): Map<string, string[]> {
  return once(dependantsMemo, landscape, computeDependants);
}

// Snapshots are shared and never mutated, so what is derived from one can be kept with it.
const dependantsMemo = new WeakMap<Landscape, Map<string, string[]>>();

function computeDependants(landscape: Landscape): Map<string, string[]> {
  const edges = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    let set = edges.get(from);
    if (!set) edges.set(from, (set = new Set()));
    set.add(to);
  };
  for (const application of landscape.applications.values()) {
    for (const other of application.dependsOn) add(other, application.uid);
    for (const platform of application.platforms) add(platform, application.uid);
    for (const supplier of application.suppliers) add(supplier, application.uid);
  }
  for (const platform of landscape.platforms.values()) {
    for (const host of platform.runsOn) add(host, platform.uid);
    for (const supplier of platform.providers) add(supplier, platform.uid);
  }
  for (const supplier of landscape.suppliers.values()) if (supplier.group) add(supplier.group, supplier.uid);
  // In uid order: impact's shortest paths break ties by the smaller uid at each hop.
  return new Map([...edges].map(([key, set]) => [key, [...set].sort()]));
}

/**
 * Everything that fails when `uid` fails: BFS over `dependants`. Hops count dependency steps, so a
 * group's suppliers are hop 0 (they are the group) and what they supply or host is hop 1.
 */
export function failing(landscape: Landscape, edges: Pick<Map<string, string[]>, 'get'>, uid: string, maxHops = Number.POSITIVE_INFINITY): Map<string, Reached> {
  const kind = kindOf(landscape, uid);
  if (kind !== 'SupplierGroup') return breadthFirst([uid], id => edges.get(id), maxHops);
  const suppliers = edges.get(uid) ?? [];
  const reached = breadthFirst(suppliers, id => edges.get(id), maxHops);
  for (const supplier of suppliers) reached.set(supplier, { hops: 0, previous: uid });
  reached.set(uid, { hops: 0, previous: null });
  return reached;
}

/**
 * What fails with `uid` directly: it is `uid`, or it runs on, is supplied or hosted by, or belongs to a
 * group with, something that does. The same walk as `failing` without the step from an application to
 * those that get data from it through an interface, so always a part of what `failing` reaches.
 */
export function failingDirectly(landscape: Landscape, edges: Map<string, string[]>, uid: string): Set<string> {
  return new Set(failing(landscape, { get: id => (landscape.applications.has(id) ? undefined : edges.get(id)) }, uid).keys());
}

// Chains per platform map and list: applications of one product share their platform list, and
// what-if's rewritten landscape has a platform map of its own.
const chains = new WeakMap<Landscape['platforms'], WeakMap<string[], string[]>>();

/** The platforms an application runs on, directly or through platforms they run on. Shared: never mutate it. */
export function platformChain(landscape: Landscape, application: ApplicationFact): string[] {
  const byList = once(chains, landscape.platforms, () => new WeakMap<string[], string[]>());
  return once(byList, application.platforms, () => {
    const seen = new Set<string>();
    const queue = [...application.platforms];
    while (queue.length > 0) {
      const uid = queue.pop()!;
      if (seen.has(uid)) continue;
      seen.add(uid);
      queue.push(...(landscape.platforms.get(uid)?.runsOn ?? []));
    }
    return [...seen];
  });
}

/**
 * Per organisation and business function: how many of its applications support the function, and
 * how many of those have failed. Only functions with a supporting application.
 */
export function functionSupport(landscape: Landscape, failed: (uid: string) => boolean): { organisation: string; function: string; supporting: number; failed: number }[] {
  type Support = { organisation: string; function: string; supporting: number; failed: number };
  // Per organisation, then per function: no key string per application and function.
  const support = new Map<string, Map<string, Support>>();
  for (const application of landscape.applications.values()) {
    const { organisation } = application;
    const ofOrganisation = once(support, organisation, () => new Map<string, Support>());
    const down = application.functions.length > 0 && failed(application.uid);
    for (const fn of application.functions) {
      const entry = once(ofOrganisation, fn, () => ({ organisation, function: fn, supporting: 0, failed: 0 }));
      entry.supporting++;
      if (down) entry.failed++;
    }
  }
  return [...support.values()].flatMap(ofOrganisation => [...ofOrganisation.values()]);
}

/**
 * Business functions an organisation loses: functions supported by at least one of its
 * applications where every supporting application of that organisation has failed.
 */
export function lostFunctions(landscape: Landscape, failed: (uid: string) => boolean): { organisation: string; function: string; supporting: number }[] {
  return functionSupport(landscape, failed).filter(entry => entry.failed === entry.supporting).map(({ organisation, function: fn, supporting }) => ({ organisation, function: fn, supporting }));
}

export type BrokenInterface = {
  uid: string; organisation: string; standard: string | null;
  from: string | null; to: string | null; via: string | null;
  fromName: string | null; toName: string | null; viaName: string | null;
  failedEnds: ('from' | 'to' | 'via')[];
};

const END_NAMES = ['from', 'to', 'via'] as const;

/**
 * Interfaces with an end or the intermediary among the failed applications, with the names of their
 * ends. A loop with one `failedEnds` list per combination, not flatMap: a supplier of the country
 * breaks 200,000 interfaces, and the names are the snapshot's own strings.
 */
export function brokenInterfaces(landscape: Landscape, failed: (uid: string) => boolean): BrokenInterface[] {
  const endLists = new Map<string, ('from' | 'to' | 'via')[]>();
  const name = (uid: string | null) => (uid === null ? null : nameOf(landscape, uid));
  const broken: BrokenInterface[] = [];
  for (const i of landscape.interfaces) {
    const ends = END_NAMES.filter(end => i[end] && failed(i[end]!));
    if (ends.length === 0) continue;
    broken.push({
      uid: i.uid, organisation: i.organisation, standard: i.standard, from: i.from, to: i.to, via: i.via,
      fromName: name(i.from), toName: name(i.to), viaName: name(i.via), failedEnds: once(endLists, ends.join(), () => ends),
    });
  }
  return broken;
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
