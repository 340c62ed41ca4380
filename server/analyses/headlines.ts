// The headline numbers of an organisation, recorded after every run that touched it (importers/import.ts):
// supplier concentration (HHI and CR3, by application count and by contract value), its single points
// of failure (articulation points of its application graph) and the first places of the Kwetsbare punten
// ranking, mean lock-in, and the contracts in their notice window, with the lists behind the counts, and
// the share of applications exposed to non-EU jurisdiction (sovereignty.ts). Reconstructing past analyses
// from diffs would cost a whole landscape per run; recorded as they are computed, before/after and trends
// are lookups (GET /api/changes, GET /api/trends).
import type { Driver } from 'neo4j-driver';
import { int, read, write } from '../neo4j.js';
import { query } from '../queries.js';
import { fetchLandscape, type Landscape, round, runningOn } from './landscape.js';
import { loadLockInWeights, type LockInWeights, lockInScoreValues } from './lock-in.js';
import { addMonths, today } from './params.js';
import { RANKING_KEPT, type RankedPoint, rankedPoints, singlePointsOfFailure } from './single-points-of-failure.js';
import { exposureOf } from './sovereignty.js';
import { concentrations, type SupplierShare, supplierShares } from './supplier-exposure.js';
import { commonGroundScores } from './common-ground.js';
import { withinBoundary } from './boundary.js';
import { edgeKey, organisationScope } from '../exports/scope.js';
import { currentTerm } from './contract-term.js';
import { dutchDay } from '../format.js';

/** Above this many organisations, headlines are computed on the snapshot of every organisation. */
const MANY = 20;

/** A contract is in its notice window from this many months before its notice deadline until it ends. */
export const NOTICE_WINDOW_MONTHS = 6;

export type HeadlineItem = { uid: string; name: string };
export type NoticeItem = HeadlineItem & { noticeDeadline: string; end: string };
export type Headline = {
  organisation: string;
  applications: number;
  /** HHI and CR3 of the suppliers by application count; null without applications with a supplier. */
  hhi: number | null;
  cr3: number | null;
  /** The same by annual contract value. */
  hhiValue: number | null;
  cr3Value: number | null;
  spofCount: number;
  spofs: HeadlineItem[];
  meanLockIn: number | null;
  noticeCount: number;
  notice: NoticeItem[];
  /** Percentage of the applications that answer to non-EU law through their hosting chain or supplier; null without applications (and in headlines recorded before it was). */
  sovereigntyShare: number | null;
  /** Common Ground maturity 0–100 (common-ground.ts); null without interfaces or base registration data received. */
  commonGroundScore: number | null;
  /** The first RANKING_KEPT places of the Kwetsbare punten ranking, with what fails with each; null in headlines recorded before it was. */
  spofRanking: RankedPoint[] | null;
  /** Every supplier's share of the applications and of the contract value, as the supplier page shows them; null in headlines recorded before it was. */
  suppliers: SupplierShare[] | null;
};

/** Per organisation, the snapshot with only its own applications, interfaces and contracts (the rest shared). */
function ownParts(landscape: Landscape, organisations: string[]): Map<string, Landscape> {
  const own = new Map<string, Landscape>(organisations.map(organisation => [organisation, { ...landscape, applications: new Map(), interfaces: [], contracts: [] }]));
  for (const application of landscape.applications.values()) own.get(application.organisation)?.applications.set(application.uid, application);
  for (const i of landscape.interfaces) own.get(i.organisation)?.interfaces.push(i);
  for (const c of landscape.contracts) own.get(c.organisation)?.contracts.push(c);
  return own;
}

/** The headline numbers of `organisations` on a snapshot that holds them (as of `asOf`). */
export function headlinesOf(snapshot: Landscape, weights: LockInWeights, asOf: string, organisations: string[]): Headline[] {
  // Contract value and exit readiness of the contracts that run on that day, as the analyses count them.
  const landscape = runningOn(snapshot, asOf);
  const wanted = new Set(organisations);
  const own = ownParts(landscape, organisations);
  const concentration = new Map(concentrations(landscape, 'supplier').byOrganisation.map(entry => [entry.organisation, entry]));
  const shares = supplierShares(landscape);
  const scores = lockInScoreValues(landscape, weights, asOf, [...landscape.applications.values()].filter(a => wanted.has(a.organisation)).map(a => a.uid));
  const windowEnd = addMonths(asOf, NOTICE_WINDOW_MONTHS);
  const commonGround = commonGroundScores({ ...landscape, interfaces: landscape.interfaces.filter(i => wanted.has(i.organisation)) }, organisations);
  return organisations.map(organisation => {
    const mine = own.get(organisation)!;
    // The Kwetsbare punten page's own ranking, whose articulation points are the headline's single points of failure.
    const ranking = singlePointsOfFailure(mine, RANKING_KEPT);
    const spofs = ranking.summary.articulationPoints
      .map(({ uid, name }) => ({ uid, name }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid));
    // By the current term, as the calendar and the report count: a contract that renewed by itself runs on,
    // and one that does not renew by itself has no notice deadline (it ends on its end date).
    const notice = mine.contracts
      .flatMap(c => {
        const term = currentTerm(c, asOf);
        return term?.noticeDeadline && term.noticeDeadline <= windowEnd && term.end >= asOf ? [{ uid: c.uid, name: c.name, noticeDeadline: term.noticeDeadline, end: term.end }] : [];
      })
      .sort((a, b) => a.noticeDeadline.localeCompare(b.noticeDeadline) || a.uid.localeCompare(b.uid));
    const lockIns = [...mine.applications.keys()].map(uid => scores.get(uid)).filter((score): score is number => score !== undefined);
    const c = concentration.get(organisation);
    const exposed = [...mine.applications.values()].filter(application => exposureOf(landscape, application).length > 0).length;
    return {
      organisation,
      applications: mine.applications.size,
      hhi: c?.applications.hhi ?? null,
      cr3: c?.applications.cr3 ?? null,
      hhiValue: c?.contractValue.hhi ?? null,
      cr3Value: c?.contractValue.cr3 ?? null,
      spofCount: spofs.length,
      spofs,
      spofRanking: rankedPoints(ranking.rows),
      meanLockIn: lockIns.length > 0 ? round(lockIns.reduce((sum, score) => sum + score, 0) / lockIns.length, 1) : null,
      noticeCount: notice.length,
      notice,
      sovereigntyShare: mine.applications.size > 0 ? round((100 * exposed) / mine.applications.size) : null,
      commonGroundScore: commonGround.get(organisation) ?? null,
      suppliers: shares.get(organisation) ?? [],
    };
  });
}

/**
 * Computes and keeps the headline numbers of `organisations` as they are now, as those after run
 * `runId` (recorded right after it committed). Returns how many were recorded.
 */
export async function recordHeadlines(driver: Driver, runId: string, organisations: string[], at = new Date().toISOString()): Promise<number> {
  if (organisations.length === 0) return 0;
  const asOf = dutchDay(at);
  // Many organisations (a region, the country): the snapshot of all of them, which a server keeps (and
  // brings up to date from the run) for its other requests. Not kept from here: the numbers are about
  // to be written, and a snapshot kept now would be of the version before that write.
  const landscape = await fetchLandscape(driver, organisations.length > MANY ? null : organisations, { keep: false });
  const headlines = await headlinesWithin(driver, landscape, await loadLockInWeights(driver), asOf, organisations);
  for (let i = 0; i < headlines.length; i += 500) {
    await write(driver, query('history/write-headlines').text, {
      runId, at, headlines: headlines.slice(i, i + 500).map(h => ({ ...h, key: `${runId}|${h.organisation}`, applications: int(h.applications), spofCount: int(h.spofCount), noticeCount: int(h.noticeCount), spofs: JSON.stringify(h.spofs), notice: JSON.stringify(h.notice), spofRanking: JSON.stringify(h.spofRanking), suppliers: JSON.stringify(h.suppliers) })),
    });
  }
  return headlines.length;
}

/**
 * The headline numbers of each of `organisations`, each inside its own boundary (boundary.ts, the scope
 * of its exports and report): an organisation's Verloop moves with what it and the shared catalogue say,
 * never because another organisation's model puts something under a server they share. The snapshot
 * is split per organisation first (its own applications, interfaces and contracts are all of its
 * boundary can hold of those), so each cut costs its own part and the shared nodes, not the country.
 * An organisation whose numbers reach nothing that only another organisation's sources assert has its
 * own part as its boundary, without the scope's two queries (0.6 s at country scale) per organisation
 * (withoutForeignFacts); `everyScope` fetches the scope anyway (the test that both agree).
 */
export async function headlinesWithin(driver: Driver, landscape: Landscape, weights: LockInWeights, asOf: string, organisations: string[], options: { everyScope?: boolean } = {}): Promise<Headline[]> {
  const own = ownParts(landscape, organisations);
  const alone = options.everyScope ? new Set<string>() : new Set(await withoutForeignFacts(driver, landscape, own));
  const headlines: Headline[] = [];
  for (const organisation of organisations) {
    const part = own.get(organisation)!;
    // The scope is not kept: the numbers are about to be written, and the database with them.
    const mine = alone.has(organisation) ? part : withinBoundary(part, await organisationScope(driver, [organisation], { keep: false }));
    headlines.push(...headlinesOf(mine, weights, asOf, [organisation]));
  }
  return headlines;
}

type Stamped = { key: string; sources: string[] };
type ForeignOnlyFacts = { organisations: { organisation: string; sources: string[] }[]; elements: { organisation: string; sources: string[] }[]; nodes: Stamped[]; relationships: Stamped[] };

/**
 * Of the organisations of `parts` (their own parts of `landscape`, ownParts), those whose part already
 * is their boundary: nothing their numbers reach is a fact that only foreign sources assert (sources
 * other organisations carry and they do not, as exports/organisation-scope counts them). Conservative:
 * an organisation whose part refers outside itself, or reaches any such fact, goes through its scope.
 */
export async function withoutForeignFacts(driver: Driver, landscape: Landscape, parts: Map<string, Landscape>): Promise<string[]> {
  const [row] = await read<ForeignOnlyFacts>(driver, query('history/foreign-only-facts').text);
  if (!row) return [];
  const holders = new Map<string, Set<string>>();
  for (const { organisation, sources } of [...row.organisations, ...row.elements]) {
    for (const source of sources) (holders.get(source) ?? holders.set(source, new Set()).get(source)!).add(organisation);
  }
  const stamps = new Map([...row.nodes, ...row.relationships].map(fact => [fact.key, fact.sources]));
  const members = groupMembers(landscape);
  return [...parts].filter(([organisation, part]) => {
    // Every source of these facts is carried by some organisation: foreign to this one unless it carries it too.
    const foreignOnly = (key: string) => stamps.get(key)?.every(source => !holders.get(source)?.has(organisation)) ?? false;
    const reach = sharedReach(landscape, part, members);
    return reach !== null && !reach.some(foreignOnly);
  }).map(([organisation]) => organisation);
}

/** Per supplier group, its suppliers: a group's jurisdiction is made from all of them (sovereignty.ts control). */
function groupMembers(landscape: Landscape): Map<string, string[]> {
  const members = new Map<string, string[]>();
  for (const supplier of landscape.suppliers.values()) if (supplier.group) (members.get(supplier.group) ?? members.set(supplier.group, []).get(supplier.group)!).push(supplier.uid);
  return members;
}

/**
 * The shared nodes and the relationships between them (as edgeKey) that an organisation's own part can
 * reach the way withinBoundary cuts it: its applications' and contracts' suppliers, platforms, functions
 * and reference components, the platforms below those and their providers, the suppliers' groups and
 * every supplier of those groups. Null when the part refers to a node outside itself (another
 * organisation's application), which the boundary would cut.
 */
function sharedReach(landscape: Landscape, part: Landscape, members: Map<string, string[]>): string[] | null {
  const reached = new Set<string>();
  const supplier = (uid: string): void => {
    if (reached.has(uid)) return;
    reached.add(uid);
    const group = landscape.suppliers.get(uid)?.group;
    if (!group) return;
    reached.add(edgeKey(uid, 'PART_OF', group));
    if (reached.has(group)) return;
    reached.add(group);
    for (const member of members.get(group) ?? []) {
      reached.add(edgeKey(member, 'PART_OF', group));
      supplier(member);
    }
  };
  const platform = (uid: string): void => {
    if (reached.has(uid)) return;
    reached.add(uid);
    const fact = landscape.platforms.get(uid);
    for (const below of fact?.runsOn ?? []) {
      reached.add(edgeKey(uid, 'RUNS_ON', below));
      platform(below);
    }
    for (const provider of fact?.providers ?? []) {
      reached.add(edgeKey(provider, 'PROVIDES', uid));
      supplier(provider);
    }
  };
  const own = (uid: string | null) => uid === null || part.applications.has(uid);
  for (const application of part.applications.values()) {
    if (!application.dependsOn.every(own)) return null;
    application.suppliers.forEach(supplier);
    application.platforms.forEach(platform);
    for (const uid of [...application.functions, ...application.referenceComponents]) reached.add(uid);
  }
  for (const i of part.interfaces) if (![i.from, i.to, i.via].every(own)) return null;
  for (const c of part.contracts) {
    if (!c.covers.every(own)) return null;
    if (c.supplier) supplier(c.supplier);
  }
  return [...reached];
}

export type RecordedHeadline = Headline & { runId: string; source: string | null; at: string };

type HeadlineRow = Omit<RecordedHeadline, 'spofs' | 'notice' | 'spofRanking' | 'suppliers'> & { spofs: string; notice: string; spofRanking: string | null; suppliers: string | null };
const parsed = (row: HeadlineRow): RecordedHeadline => ({
  ...row, spofs: JSON.parse(row.spofs), notice: JSON.parse(row.notice), spofRanking: row.spofRanking ? JSON.parse(row.spofRanking) : null, suppliers: row.suppliers ? JSON.parse(row.suppliers) : null,
});

/** A recorded headline's numbers without the lists behind them: a point of a trend (GET /api/trends, the report's Verloop). */
export const trendNumbers = ({ spofs: _spofs, notice: _notice, spofRanking: _spofRanking, suppliers: _suppliers, ...numbers }: RecordedHeadline) => numbers;

/** The organisation's headline numbers after each run that touched it, oldest first (its trend). */
export async function headlineSeries(driver: Driver, organisation: string, since: string | null = null, limit = 1000): Promise<RecordedHeadline[]> {
  return (await read<HeadlineRow>(driver, query('history/headline-series').text, { organisation, since, limit: int(limit) })).map(parsed);
}

/** The organisation's headline numbers as last recorded at or before `at` (null: none), and now. */
export async function headlineAt(driver: Driver, organisation: string, at: string | null): Promise<RecordedHeadline | null> {
  const [row] = await read<HeadlineRow>(driver, query('history/headline-at').text, { organisation, at });
  return row ? parsed(row) : null;
}

/** Today, for what is recorded without a run's own time. */
export const headlineDay = () => today();
