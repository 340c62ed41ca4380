// The landscape map (the explorer's default view): an organisation's applications placed in labelled
// areas per business function or reference component, as the GEMMA Softwarecatalogus draws an
// *applicatielandschap*, with every overlay's value per application computed here from the analyses'
// snapshot (lock-in scores, platform chains, contract notice deadlines), so the browser only draws.
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { type ApplicationFact, fetchLandscape, type Landscape, platformChain } from './analyses/landscape.js';
import { loadLockInWeights, lockInScores, weightsCacheKey } from './analyses/lock-in.js';
import { addMonths, Organisations, today } from './analyses/params.js';
import { currentTerm } from './analyses/contract-term.js';
import { cached } from './analyses/snapshot-cache.js';
import { organisationName } from './labels.js';
import { read } from './neo4j.js';
import { query } from './queries.js';

export const OVERLAYS = ['supplier', 'group', 'lockIn', 'criticality', 'jurisdiction', 'notice'] as const;
export type Overlay = (typeof OVERLAYS)[number];
export type AreasBy = 'businessFunction' | 'referenceComponent';

export const MapQuery = z.object({
  organisation: Organisations,
  areas: z.preprocess(value => (value === '' ? undefined : value), z.enum(['businessFunction', 'referenceComponent']).default('businessFunction'))
    .meta({ description: 'Areas per business function or per reference component / Vlakken per bedrijfsfunctie of referentiecomponent' }),
});
export type MapQuery = z.infer<typeof MapQuery>;

/** An overlay's value: a category key the legend lists (a supplier's uid, 'high', 'within6', 'other', 'none'…). */
export type MapTile = {
  uid: string; name: string; criticality: string; suppliers: { uid: string; name: string }[]; areas: string[];
  lockIn: number | null; jurisdiction: string | null; actBy: ActBy | null;
  overlay: Record<Overlay, string>;
};
/** The date a buyer acts by: a notice deadline of a contract that renews automatically, or the end of one that does not. */
export type ActBy = { date: string; kind: 'notice' | 'end' };
export type MapArea = { uid: string; name: string; applications: number; organisations: number };
export type LegendEntry = { key: string; name?: string; count: number };
export type LandscapeMap = {
  areasBy: AreasBy;
  /** `map`: one organisation, its applications as tiles; `choose`: several, counts per area and a choice. */
  mode: 'map' | 'choose';
  organisations: { id: string; name: string; applications: number }[];
  areas: MapArea[];
  applications: MapTile[];
  legends: Record<Overlay, LegendEntry[]>;
  today: string;
};

/** The area of applications that support no business function (realise no reference component). */
export const NO_AREA = 'none';
/** Suppliers (groups) beyond this many, by number of applications, share one colour: a legend of 120 colours says nothing. */
export const COLOURED_SUPPLIERS = 10;
// Order of the worst jurisdiction along an application's hosting chain: outside the EU is worse, and a
// jurisdiction nobody named ("other") worse than one whose law is known.
const JURISDICTION_RANK: Record<string, number> = { NL: 0, EU: 1, US: 2, other: 3 };
const LOCK_IN_BANDS = [{ key: 'b75', from: 75 }, { key: 'b50', from: 50 }, { key: 'b25', from: 25 }, { key: 'b0', from: 0 }];
const ORDERS: Partial<Record<Overlay, string[]>> = {
  lockIn: ['b75', 'b50', 'b25', 'b0', 'none'],
  criticality: ['critical', 'high', 'medium', 'low'],
  jurisdiction: ['other', 'US', 'EU', 'NL', 'none'],
  notice: ['passed', 'within6', 'within12', 'later', 'none'],
};

/**
 * The map of the chosen organisations (null = all), kept while the database, the day and the
 * lock-in weights are unchanged. Shared between callers: never mutate it.
 */
export function landscapeMap(driver: Driver, params: MapQuery): Promise<LandscapeMap> {
  const organisations = params.organisation ? [...new Set(params.organisation)].sort() : null;
  const key = `map:${JSON.stringify([organisations, params.areas, today(), weightsCacheKey()])}`;
  return cached(driver, key, () => buildMap(driver, organisations, params.areas), map => 2_000 + 600 * map.applications.length + 200 * map.areas.length);
}

async function buildMap(driver: Driver, chosen: string[] | null, areasBy: AreasBy): Promise<LandscapeMap> {
  const known = await read<{ id: string; name: string | null; applications: number }>(driver, query('views/organisations').text);
  const inScope = known.filter(o => chosen === null || chosen.includes(o.id)).map(o => ({ id: o.id, name: organisationName(o.id, o.name), applications: o.applications }));
  const landscape = await fetchLandscape(driver, chosen);
  const asOf = today();
  const ownAreas = (application: ApplicationFact) => {
    const uids = areasBy === 'businessFunction' ? application.functions : application.referenceComponents;
    return uids.length > 0 ? uids : [NO_AREA];
  };
  const areas = areaList(landscape, ownAreas);
  // A tile's areas in the map's order (the snapshot's lists have none).
  const place = new Map(areas.map((area, index) => [area.uid, index]));
  const areaOf = (application: ApplicationFact) => [...ownAreas(application)].sort((a, b) => place.get(a)! - place.get(b)!);
  if (inScope.length !== 1) {
    return { areasBy, mode: 'choose', organisations: inScope, areas, applications: [], legends: emptyLegends(), today: asOf };
  }
  const scores = lockInScores(landscape, await loadLockInWeights(driver), asOf);
  const supplierKey = prominent(landscape, application => application.suppliers);
  const groupKey = prominent(landscape, application => application.suppliers.map(uid => landscape.suppliers.get(uid)?.group ?? uid));
  const dates = actByDates(landscape, asOf);
  const applications = [...landscape.applications.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.uid.localeCompare(b.uid))
    .map((application): MapTile => {
      const lockIn = scores.get(application.uid)?.score ?? null;
      const jurisdiction = worstJurisdiction(landscape, application);
      const actBy = dates.get(application.uid) ?? null;
      return {
        uid: application.uid, name: application.name, criticality: application.criticality, areas: areaOf(application),
        suppliers: application.suppliers.map(uid => ({ uid, name: landscape.suppliers.get(uid)?.name ?? uid })),
        lockIn, jurisdiction, actBy,
        overlay: {
          supplier: supplierKey(application),
          group: groupKey(application),
          lockIn: lockIn === null ? 'none' : LOCK_IN_BANDS.find(band => lockIn >= band.from)!.key,
          criticality: application.criticality,
          jurisdiction: jurisdiction ?? 'none',
          notice: noticeBand(actBy?.date ?? null, asOf),
        },
      };
    });
  return { areasBy, mode: 'map', organisations: inScope, areas, applications, legends: legends(landscape, applications), today: asOf };
}

/** Areas with their numbers of applications and organisations, largest first, "none" last. */
function areaList(landscape: Landscape, areaOf: (application: ApplicationFact) => string[]): MapArea[] {
  const tally = new Map<string, { applications: number; organisations: Set<string> }>();
  for (const application of landscape.applications.values()) {
    for (const area of new Set(areaOf(application))) {
      const entry = tally.get(area) ?? { applications: 0, organisations: new Set<string>() };
      entry.applications++;
      entry.organisations.add(application.organisation);
      tally.set(area, entry);
    }
  }
  return [...tally]
    .map(([uid, entry]) => ({ uid, name: uid === NO_AREA ? '' : (landscape.names.get(uid)?.name ?? uid), applications: entry.applications, organisations: entry.organisations.size }))
    .sort((a, b) => Number(a.uid === NO_AREA) - Number(b.uid === NO_AREA) || b.applications - a.applications || a.name.localeCompare(b.name, 'nl'));
}

/**
 * The overlay key of a supplier-like attribute: the application's supplier (or group) that supplies
 * the most applications, when it is among the COLOURED_SUPPLIERS largest; else 'other', or 'none'.
 */
function prominent(landscape: Landscape, ownersOf: (application: ApplicationFact) => string[]): (application: ApplicationFact) => string {
  const counts = new Map<string, number>();
  for (const application of landscape.applications.values()) for (const owner of new Set(ownersOf(application))) counts.set(owner, (counts.get(owner) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([uid]) => uid);
  const coloured = new Set(ranked.slice(0, COLOURED_SUPPLIERS));
  const rank = new Map(ranked.map((uid, index) => [uid, index]));
  return application => {
    const owners = [...new Set(ownersOf(application))].sort((a, b) => rank.get(a)! - rank.get(b)!);
    if (owners.length === 0) return 'none';
    return coloured.has(owners[0]) ? owners[0] : 'other';
  };
}

/** The worst jurisdiction of the platforms an application runs on, directly or through platforms; null without hosting. */
function worstJurisdiction(landscape: Landscape, application: ApplicationFact): string | null {
  let worst: string | null = null;
  for (const uid of platformChain(landscape, application)) {
    const jurisdiction = landscape.platforms.get(uid)?.jurisdiction;
    if (jurisdiction && (worst === null || (JURISDICTION_RANK[jurisdiction] ?? 3) > (JURISDICTION_RANK[worst] ?? 3))) worst = jurisdiction;
  }
  return worst;
}

/**
 * Per application, the date to act by of the contracts covering it that still run (in their current
 * term: one that renewed by itself runs on): a notice deadline of one that renews automatically, the
 * end of one that does not (what follows it must be arranged by then). The earliest still ahead, else
 * the latest notice deadline already passed (too late to give notice: it renews).
 */
function actByDates(landscape: Landscape, asOf: string): Map<string, ActBy> {
  const ahead = new Map<string, ActBy>();
  const passed = new Map<string, ActBy>();
  for (const contract of landscape.contracts) {
    const term = currentTerm(contract, asOf);
    if (!term || term.end < asOf) continue;
    const date: ActBy = term.noticeDeadline ? { date: term.noticeDeadline, kind: 'notice' } : { date: term.end, kind: 'end' };
    for (const uid of contract.covers) {
      if (date.date >= asOf) { if (!ahead.has(uid) || date.date < ahead.get(uid)!.date) ahead.set(uid, date); }
      else if (!passed.has(uid) || date.date > passed.get(uid)!.date) passed.set(uid, date);
    }
  }
  return new Map([...passed, ...ahead]);
}

function noticeBand(deadline: string | null, asOf: string): string {
  if (deadline === null) return 'none';
  if (deadline < asOf) return 'passed';
  if (deadline <= addMonths(asOf, 6)) return 'within6';
  if (deadline <= addMonths(asOf, 12)) return 'within12';
  return 'later';
}

/** Per overlay, its categories with the number of applications in each: fixed order for scales, largest first for suppliers. */
function legends(landscape: Landscape, tiles: MapTile[]): Record<Overlay, LegendEntry[]> {
  const result = emptyLegends();
  for (const overlay of OVERLAYS) {
    const counts = new Map<string, number>();
    for (const tile of tiles) counts.set(tile.overlay[overlay], (counts.get(tile.overlay[overlay]) ?? 0) + 1);
    const order = ORDERS[overlay];
    const last = (key: string) => (key === 'other' ? 1 : key === 'none' ? 2 : 0);
    const keys = order ? order.filter(key => counts.has(key)) : [...counts.keys()].sort((a, b) => last(a) - last(b) || counts.get(b)! - counts.get(a)! || a.localeCompare(b));
    result[overlay] = keys.map(key => {
      const name = overlay === 'supplier' || overlay === 'group' ? ownerName(landscape, key) : undefined;
      return name === undefined ? { key, count: counts.get(key)! } : { key, name, count: counts.get(key)! };
    });
  }
  return result;
}

const ownerName = (landscape: Landscape, uid: string) =>
  uid === 'other' || uid === 'none' ? undefined : (landscape.suppliers.get(uid)?.name ?? landscape.groups.get(uid) ?? uid);

const emptyLegends = (): Record<Overlay, LegendEntry[]> => Object.fromEntries(OVERLAYS.map(overlay => [overlay, []])) as unknown as Record<Overlay, LegendEntry[]>;
