// The headline numbers of an organisation, recorded after every run that touched it (importers/import.ts):
// supplier concentration (HHI and CR3, by application count and by contract value), its single points
// of failure (articulation points of its application graph), mean lock-in, and the contracts in their
// notice window, with the lists behind the counts, and the share of applications exposed to non-EU
// jurisdiction (sovereignty.ts). Reconstructing past analyses from diffs would cost
// a whole landscape per run; recorded as they are computed, before/after and trends are lookups
// (GET /api/changes, GET /api/trends).
import type { Driver } from 'neo4j-driver';
import { int, read, write } from '../neo4j.js';
import { query } from '../queries.js';
import { biconnectivity } from './graph-algorithms.js';
import { fetchLandscape, type Landscape, nameOf, round } from './landscape.js';
import { loadLockInWeights, type LockInWeights, lockInScoreValues } from './lock-in.js';
import { addMonths, today } from './params.js';
import { applicationGraph } from './single-points-of-failure.js';
import { exposureOf } from './sovereignty.js';
import { concentrations } from './supplier-exposure.js';
import { commonGroundScores } from './common-ground.js';
import { withinBoundary } from './boundary.js';
import { organisationScope } from '../exports/scope.js';
import { currentTerm } from './contract-term.js';

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
export function headlinesOf(landscape: Landscape, weights: LockInWeights, asOf: string, organisations: string[]): Headline[] {
  const wanted = new Set(organisations);
  const own = ownParts(landscape, organisations);
  const concentration = new Map(concentrations(landscape, 'supplier').byOrganisation.map(entry => [entry.organisation, entry]));
  const scores = lockInScoreValues(landscape, weights, asOf, [...landscape.applications.values()].filter(a => wanted.has(a.organisation)).map(a => a.uid));
  const windowEnd = addMonths(asOf, NOTICE_WINDOW_MONTHS);
  const commonGround = commonGroundScores({ ...landscape, interfaces: landscape.interfaces.filter(i => wanted.has(i.organisation)) }, organisations);
  return organisations.map(organisation => {
    const mine = own.get(organisation)!;
    const graph = applicationGraph(mine, organisation);
    const spofs = biconnectivity(graph.vertices.length, graph.edges).articulationPoints
      .map(i => ({ uid: graph.vertices[i], name: nameOf(mine, graph.vertices[i]) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid));
    // By the current term, as the calendar and the report count: a contract that renewed by itself runs on.
    const notice = mine.contracts
      .map(c => ({ uid: c.uid, name: c.name, ...(currentTerm(c, asOf) ?? { end: c.end, noticeDeadline: c.noticeDeadline }) }))
      .filter(c => c.noticeDeadline <= windowEnd && c.end >= asOf)
      .map(c => ({ uid: c.uid, name: c.name, noticeDeadline: c.noticeDeadline, end: c.end }))
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
      meanLockIn: lockIns.length > 0 ? round(lockIns.reduce((sum, score) => sum + score, 0) / lockIns.length, 1) : null,
      noticeCount: notice.length,
      notice,
      sovereigntyShare: mine.applications.size > 0 ? round((100 * exposed) / mine.applications.size) : null,
      commonGroundScore: commonGround.get(organisation) ?? null,
    };
  });
}

/**
 * Computes and keeps the headline numbers of `organisations` as they are now, as those after run
 * `runId` (recorded right after it committed). Returns how many were recorded.
 */
export async function recordHeadlines(driver: Driver, runId: string, organisations: string[], at = new Date().toISOString()): Promise<number> {
  if (organisations.length === 0) return 0;
  const asOf = at.slice(0, 10);
  // Many organisations (a region, the country): the snapshot of all of them, which a server keeps (and
  // brings up to date from the run) for its other requests. Not kept from here: the numbers are about
  // to be written, and a snapshot kept now would be of the version before that write.
  const landscape = await fetchLandscape(driver, organisations.length > MANY ? null : organisations, { keep: false });
  const headlines = await headlinesWithin(driver, landscape, await loadLockInWeights(driver), asOf, organisations);
  for (let i = 0; i < headlines.length; i += 500) {
    await write(driver, query('history/write-headlines').text, {
      runId, at, headlines: headlines.slice(i, i + 500).map(h => ({ ...h, key: `${runId}|${h.organisation}`, applications: int(h.applications), spofCount: int(h.spofCount), noticeCount: int(h.noticeCount), spofs: JSON.stringify(h.spofs), notice: JSON.stringify(h.notice) })),
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
 * An organisation no other organisation's source speaks for alone (no foreign source: one source for
 * the whole country, or only its own) has its own part as its boundary, without the scope's two
 * queries per organisation; `everyScope` fetches the scope anyway (the test that both agree).
 */
export async function headlinesWithin(driver: Driver, landscape: Landscape, weights: LockInWeights, asOf: string, organisations: string[], options: { everyScope?: boolean } = {}): Promise<Headline[]> {
  const own = ownParts(landscape, organisations);
  const alone = options.everyScope ? new Set<string>() : new Set(await withoutForeignSources(driver, organisations));
  const headlines: Headline[] = [];
  for (const organisation of organisations) {
    const part = own.get(organisation)!;
    // The scope is not kept: the numbers are about to be written, and the database with them.
    const mine = alone.has(organisation) ? part : withinBoundary(part, await organisationScope(driver, [organisation], { keep: false }));
    headlines.push(...headlinesOf(mine, weights, asOf, [organisation]));
  }
  return headlines;
}

/** Of `organisations`, those for which no source is foreign (cypher/history/organisations-without-foreign-sources). */
export async function withoutForeignSources(driver: Driver, organisations: string[]): Promise<string[]> {
  const [row] = await read<{ organisations: string[] }>(driver, query('history/organisations-without-foreign-sources').text, { organisations });
  return row?.organisations ?? [];
}

export type RecordedHeadline = Headline & { runId: string; source: string | null; at: string };

type HeadlineRow = Omit<RecordedHeadline, 'spofs' | 'notice'> & { spofs: string; notice: string };
const parsed = (row: HeadlineRow): RecordedHeadline => ({ ...row, spofs: JSON.parse(row.spofs), notice: JSON.parse(row.notice) });

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
