// A snapshot kept for an older version of the database, brought up to date from the runs that changed
// the landscape since, instead of fetched again (the country: 7–9 s after every import). A snapshot
// knows the landscape journal's number it was fetched at (importers/history.ts); when every number
// since is a run that wrote only its changed rows (a `diff` run, whose RunDiff lists them), only the
// applications, interfaces, contracts, suppliers, platforms and reference components those rows name,
// and what named something a run removed, are fetched again, by uid. Anything else (the journal
// unmoved while the database changed: a setting, a token, Cypher typed into Neo4j Browser; a run that
// wrote everything; node counts that disagree with what the runs say they created and removed) and
// the snapshot is fetched whole, as before.
import type { Driver } from 'neo4j-driver';
import { type JournalPosition, journalPosition, runDiffsAfterSeq, type StoredRunDiff } from '../../importers/history.js';
import { type TableName, uid as uidOf } from '../../importers/model.js';
import { read } from '../neo4j.js';
import { query } from '../queries.js';
import type { ApplicationFact, ContractFact, InterfaceFact, Landscape, Market, NameFact, PlatformFact, SupplierFact } from './landscape.js';
import { fetchOrganisationNames } from './landscape.js';

/** How often a snapshot or market was patched, and how often a patch had to give way to a fetch (tests, diagnostics). */
export const patchStats = { patched: 0, refused: 0 };

const COUNTED: Record<string, string> = { applications: 'Application', interfaces: 'Interface', contracts: 'Contract', suppliers: 'Supplier', platforms: 'Platform' };

/** The runs since `from`, if the snapshot can be patched with them: consecutive diffs whose counts add up. */
async function runsSince(driver: Driver, from: JournalPosition | undefined): Promise<{ now: JournalPosition; runs: StoredRunDiff[] } | null> {
  if (!from) return null;
  const now = await journalPosition(driver);
  if (now.seq <= from.seq) return null;
  const runs = await recentRuns(driver, from.seq, now.seq);
  if (runs.length !== now.seq - from.seq || runs.some(run => !run.patchable || run.changes === null)) return null;
  for (const [key, label] of Object.entries(COUNTED)) {
    const expected = runs.reduce((count, run) => count + (run.graph.created[label] ?? 0) - (run.graph.removed[label] ?? 0), from.counts[key]);
    if (now.counts[key] !== expected) return null;
  }
  return { now, runs };
}

// The market and every scope's snapshot patch from the same runs: read once.
let lastRuns: { key: string; runs: Promise<StoredRunDiff[]> } | null = null;
function recentRuns(driver: Driver, from: number, to: number): Promise<StoredRunDiff[]> {
  const key = `${from}-${to}`;
  if (lastRuns?.key !== key) lastRuns = { key, runs: runDiffsAfterSeq(driver, from).then(runs => runs.filter(run => run.seq !== null && run.seq <= to)) };
  return lastRuns.runs;
}

/** The uids the runs' rows name, per table, and the applications whose interfaces changed (their dependencies). */
function touched(runs: StoredRunDiff[]) {
  const uids: Record<TableName, Set<string>> = { suppliers: new Set(), platforms: new Set(), applications: new Set(), interfaces: new Set(), contracts: new Set() };
  const components = new Set<string>();
  const functions = new Set<string>();
  const removed = new Set<string>();
  for (const run of runs) {
    for (const change of run.changes ?? []) {
      uids[change.table].add(change.uid);
      if (change.kind === 'removed') removed.add(change.uid);
      for (const row of [change.before, change.after]) {
        if (!row) continue;
        if (change.table === 'interfaces') {
          for (const end of ['from', 'to', 'via']) if (typeof row[end] === 'string') uids.applications.add(uidOf.application(String(row.organisation), String(row[end])));
        }
        if (change.table === 'applications') {
          for (const name of (row.referenceComponents as string[] | undefined) ?? []) components.add(uidOf.referenceComponent(name));
          for (const name of (row.businessFunctions as string[] | undefined) ?? []) functions.add(uidOf.businessFunction(name));
        }
      }
    }
  }
  return { uids, components, functions, removed };
}

const fetched = <T>(driver: Driver, name: string, uids: Set<string>) =>
  uids.size === 0 ? Promise.resolve([] as T[]) : read<T>(driver, query(`analyses/${name}`).text, { uids: [...uids] });

/** The market patched: the components the runs' applications realise (before and after) and those a removed supplier offered. */
export async function patchMarket(driver: Driver, stale: Market): Promise<Market | null> {
  const since = await runsSince(driver, stale.journal);
  if (!since) return null;
  patchStats.patched++;
  const { components, removed } = touched(since.runs);
  for (const [uid, suppliers] of stale.suppliers) if (suppliers.some(supplier => removed.has(supplier))) components.add(uid);
  const suppliers = new Map(stale.suppliers);
  for (const uid of components) suppliers.delete(uid);
  for (const row of await fetched<{ uid: string; suppliers: string[] }>(driver, 'landscape-market-by-uid', components)) suppliers.set(row.uid, row.suppliers);
  return { suppliers: sortedByKey(suppliers), journal: since.now };
}

/**
 * The snapshot patched: what the runs' rows name is fetched again by uid (and left out where it is
 * gone or, for the organisations' own facts, outside the snapshot's organisations), and so is whatever
 * named something they removed (a node deleted with its relationships changes what pointed at it).
 */
export async function patchLandscape(driver: Driver, stale: Landscape, market: (driver: Driver) => Promise<Market>): Promise<Landscape | null> {
  const since = await runsSince(driver, stale.journal);
  if (!since) {
    patchStats.refused++;
    return null;
  }
  patchStats.patched++;
  const { uids, components, functions, removed } = touched(since.runs);
  if (removed.size > 0) {
    const names = (list: string[]) => list.some(uid => removed.has(uid));
    for (const a of stale.applications.values()) if (names(a.suppliers) || names(a.platforms) || names(a.dependsOn)) uids.applications.add(a.uid);
    for (const p of stale.platforms.values()) if (names(p.runsOn) || names(p.providers)) uids.platforms.add(p.uid);
    for (const i of stale.interfaces) if (names([i.from, i.to, i.via].filter((end): end is string => end !== null))) uids.interfaces.add(i.uid);
    for (const c of stale.contracts) if (names(c.covers) || (c.supplier !== null && removed.has(c.supplier))) uids.contracts.add(c.uid);
  }
  const inScope = (organisation: string) => stale.organisations === null || stale.organisations.includes(organisation);
  const [applications, interfaces, contracts, platforms, suppliers, currentMarket, organisationNames] = await Promise.all([
    fetched<ApplicationFact>(driver, 'landscape-applications-by-uid', uids.applications),
    fetched<InterfaceFact>(driver, 'landscape-interfaces-by-uid', uids.interfaces),
    fetched<ContractFact>(driver, 'landscape-contracts-by-uid', uids.contracts),
    fetched<PlatformFact>(driver, 'landscape-platforms-by-uid', uids.platforms),
    fetched<SupplierFact>(driver, 'landscape-suppliers-by-uid', uids.suppliers),
    market(driver),
    fetchOrganisationNames(driver),
  ]);
  const patched: Landscape = {
    organisations: stale.organisations,
    applications: replaced(stale.applications, uids.applications, applications.filter(a => inScope(a.organisation))),
    platforms: replaced(stale.platforms, uids.platforms, platforms),
    suppliers: replaced(stale.suppliers, uids.suppliers, suppliers),
    interfaces: replacedList(stale.interfaces, uids.interfaces, interfaces.filter(i => inScope(i.organisation))),
    contracts: replacedList(stale.contracts, uids.contracts, contracts.filter(c => inScope(c.organisation))),
    names: new Map(),
    groups: new Map(),
    organisationNames,
    journal: since.now,
  };
  for (const s of patched.suppliers.values()) if (s.group) patched.groups.set(s.group, s.groupName ?? s.group);
  patched.groups = sortedByKey(patched.groups);
  // Names: of every function and component the applications name now (all of them in a snapshot of
  // every organisation), with the market's suppliers. Only those the runs' rows named can have come or gone.
  const named = new Set<string>();
  if (stale.organisations === null) for (const uid of stale.names.keys()) named.add(uid);
  else {
    const seen = new Set<string[]>();
    for (const a of patched.applications.values()) {
      for (const list of [a.functions, a.referenceComponents]) {
        if (seen.has(list)) continue;
        seen.add(list);
        for (const uid of list) named.add(uid);
      }
    }
  }
  const asked = new Set([...components, ...functions, ...[...named].filter(uid => !stale.names.has(uid))]);
  const found = new Map((await fetched<Omit<NameFact, 'suppliers'>>(driver, 'landscape-names-by-uid', asked)).map(n => [n.uid, n]));
  if (stale.organisations === null) for (const uid of found.keys()) named.add(uid);
  for (const uid of [...named].sort()) {
    if (asked.has(uid) && !found.has(uid)) continue; // gone
    if (stale.organisations !== null && !found.has(uid) && !stale.names.has(uid)) continue;
    const offered = currentMarket.suppliers.get(uid) ?? [];
    const kept = stale.names.get(uid);
    if (kept && sameList(kept.suppliers, offered)) patched.names.set(uid, kept);
    else {
      const name = kept ?? found.get(uid);
      if (name) patched.names.set(uid, { uid, name: name.name, kind: name.kind, suppliers: offered });
    }
  }
  return patched;
}

/** `stale` without the uids fetched again, with those found; in uid order, as a fetch gives them. */
function replaced<T extends { uid: string }>(stale: Map<string, T>, refetched: Set<string>, found: T[]): Map<string, T> {
  const next = new Map(stale);
  for (const uid of refetched) next.delete(uid);
  for (const item of found) next.set(item.uid, item);
  return sortedByKey(next);
}

function replacedList<T extends { uid: string }>(stale: T[], refetched: Set<string>, found: T[]): T[] {
  return [...stale.filter(item => !refetched.has(item.uid)), ...found].sort((a, b) => (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

const sortedByKey = <V>(map: Map<string, V>) => new Map([...map].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((value, i) => value === b[i]);
