// The facts of a dependency report per application, platform, supplier (group) or organisation,
// gathered from the node's details and the registered analyses (impact, lock-in, single points of
// failure, supplier exposure) plus what the node itself depends on. The PDF, the report page and the
// report's spreadsheets all show these same facts.
import type { Driver } from 'neo4j-driver';
import { isCritical, nameOf } from '../analyses/landscape.js';
import { fetchSnapshot } from '../analyses/boundary.js';
import type { Concentration } from '../analyses/supplier-exposure.js';
import type { AnalysisDefinition, Row } from '../analyses/types.js';
import { today as analysesToday } from '../analyses/params.js';
import type { Language } from '../labels.js';
import { wroteTableRows } from './change-words.js';
import { organisationNames } from '../names.js';
import { nodeDetail } from '../routes/graph.js';
import { dependencies, relations, type DependencyRow, type Relation } from './dependencies.js';
import { headlineSeries, trendNumbers } from '../analyses/headlines.js';
import { type Changes, type HeadlineChange, changesSince } from '../analyses/changes.js';
import type { TrendPoint } from './trend.js';
import { organisationScope } from '../exports/scope.js';
import { withinScope } from './boundary.js';
import { RANKING_ROWS } from './sections.js';

export type ReportContract = {
  uid: string; id: string; organisation: string; start: string | null; end: string | null; noticeMonths: number | null; autoRenew: boolean | null;
  annualValue: number | null; exitPlan: boolean | null; dataPortability: boolean | null; noticeDeadline: string | null; suppliers: string[]; applications: string[];
  /** The current term (server/analyses/contract-term.ts): `end` is its end; renewed automatically already, from `contractEnd` as written. */
  renewed?: boolean; contractEnd?: string;
  /** It covers a business-critical application (absent in a report made before this was kept). */
  critical?: boolean;
};
export type LockInFactor = { factor: string; value: number; raw: unknown; weight: number; contribution: number };

export type ReportData = {
  /** `facts`: what the subject's own properties say that a reader weighs it by (version, hosting, BBN/IBP, BIV, period of use). */
  subject: { uid: string; kind: string; name: string; organisation: string | null; facts?: { key: string; value: string | number | boolean }[] };
  generatedAt: string;
  /** The date the report counts from (notice deadlines, remaining years). */
  today: string;
  /** Names of the organisations the report mentions, by id. */
  organisations: Record<string, string>;
  /** What fails when the subject fails, nearest first (the impact analysis' rows). */
  dependants: DependencyRow[];
  /** What the subject depends on, nearest first. */
  dependencies: DependencyRow[];
  /** Every step on the shortest paths of both lists, with its relationship. */
  relations: Relation[];
  /** Business functions touched by the failure (impact summary), those that stop first. */
  functions: { organisation: string; uid: string; name: string; affectedApplications: number; supportingApplications: number; lostAllSupport: boolean; effect?: 'stops' | 'weakened' | 'missesData' }[];
  contracts: ReportContract[];
  /** The subject's own lock-in (applications and suppliers). */
  /** `applications`: of a supplier, the applications its factors are averaged over. */
  lockIn: { score: number; factors: LockInFactor[]; applications?: number } | null;
  /** An organisation's applications with the highest lock-in. */
  lockInRanking: Row[];
  /** Single points of failure: an organisation's worst, else those around the subject. */
  spofs: Row[];
  /** An organisation's suppliers (supplier exposure rows) and concentration. */
  exposure: Row[];
  concentration: { applications: Concentration; contractValue: Concentration } | null;
  /** Sovereignty: an organisation's applications under non-EU law (worst first), or the subject's own row; with the organisation's figures. */
  sovereignty?: { rows: Row[]; overall: Record<string, number> | null; functionsLost: string[] };
  /** An organisation's headline numbers after each import that changed them, oldest first (its "Verloop"). */
  trend?: TrendPoint[];
  /**
   * An organisation's changes since the import before its last (its previous recorded headline numbers):
   * the rows added, changed and removed, and what entered or left its lists; null with one import only.
   */
  changes?: ReportChanges | null;
  /** ICT-foto: an organisation's versions out of support or ending within six months, with its figures. */
  ictFoto?: { rows: Row[]; overall: Record<string, number> | null };
  /** Common Ground: an organisation's score row and the interfaces that would raise it most. */
  commonGround?: { row: Row | null; moves: Row[] };
  /** Rows left out per section because they are outside the organisation's boundary (server/reports/boundary.ts). */
  omitted?: Partial<Record<string, number>>;
};

/** `source`: the key of the import compared with. `complete`: false when an import of the period wrote table rows but kept only their counts. */
export type ReportChanges = { since: string; source: string | null; complete: boolean; tables: Changes['tables']; headline: HeadlineChange | null };

/** Rows of what changed a report lists at most per table and kind (the counts are complete). */
const CHANGES_LISTED = 1000;

/** What changed for `organisation` since the import before its last one (`series`: its recorded headline numbers, oldest first). */
async function changesOf(driver: Driver, organisation: string, series: { runId: string; at: string; source: string | null }[], language: Language): Promise<ReportChanges | null> {
  const previous = series.at(-2);
  if (!previous) return null;
  const changes = await changesSince(driver, { since: previous.runId, organisation, limit: CHANGES_LISTED }, language);
  // The Algoritmeregister's or endoflife.date's runs keep only counts too, but of no table row: nothing is missing.
  return { since: previous.at, source: previous.source, complete: !changes.runs.some(run => !run.rows && wroteTableRows(run)), tables: changes.tables, headline: changes.headlines[0] ?? null };
}

/** The subject's properties a report names under its title, in this order. */
const SUBJECT_FACTS = ['product', 'version', 'versionStatus', 'useStart', 'useEnd', 'hosting', 'bbnScore', 'ibpScore', 'biv', 'personalData', 'cbsCode', 'oin'];


async function run(analyses: AnalysisDefinition[], driver: Driver, name: string, params: Record<string, unknown>) {
  const analysis = analyses.find(a => a.name === name);
  if (!analysis) return { rows: [] as Row[], summary: undefined as Record<string, unknown> | undefined };
  return analysis.run(driver, analysis.params.parse(params));
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** Each consecutive pair of a path (the dependant first): the steps the picture draws. */
function steps(rows: DependencyRow[]): [string, string][] {
  return rows.flatMap(row => row.path.slice(0, -1).map((uid, i) => [uid, row.path[i + 1]] as [string, string]));
}

/** Gathers the report on `uid`; `organisations` scopes a supplier's report (an application's or organisation's is its own). */
export async function reportData(driver: Driver, analyses: AnalysisDefinition[], uid: string, organisations?: string[], language: Language = 'nl'): Promise<ReportData> {
  const detail = await nodeDetail(driver, analyses, uid);
  const properties = detail.properties as Record<string, unknown>;
  const kind = detail.kind;
  const own = kind === 'Organisation' ? [text(properties.id)] : typeof properties.organisation === 'string' ? [properties.organisation] : organisations;
  const scope = own?.length ? own : null;
  const organisation = scope ? scope.join(',') : undefined;
  // The analyses run inside the organisations' boundary (analyses/boundary.ts): no step exists only because another organisation said so.
  const boundary = !!scope;
  const [names, landscape] = await Promise.all([organisationNames(driver), fetchSnapshot(driver, scope, boundary)]);
  const today = analysesToday();

  let dependants: DependencyRow[] = [];
  let upstream: DependencyRow[] = [];
  let functions: ReportData['functions'] = [];
  let stepRelations: Relation[] = [];
  if (kind !== 'Organisation') {
    const impact = await run(analyses, driver, 'impact', { node: uid, organisation, boundary });
    dependants = impact.rows.map(row => ({
      uid: text(row.uid), kind: text(row.kind), name: text(row.name), organisation: (row.organisation as string | null) ?? null, criticality: (row.criticality as string | null) ?? null,
      hops: Number(row.hops), path: (row.path as string[]) ?? [], pathNames: (row.pathNames as string[]) ?? [], direct: row.direct === true,
      directBecause: (row.directBecause as DependencyRow['directBecause']) ?? null,
    }));
    functions = ((impact.summary?.businessFunctions as ReportData['functions']) ?? []).map(f => ({ ...f }));
    upstream = dependencies(landscape, uid);
    stepRelations = relations(landscape, [...steps(dependants), ...steps(upstream)]);
  }

  type OwnLockIn = { score: number; factors: LockInFactor[]; applications?: number };
  const ownLockIn = kind === 'Application' && boundary
    ? (await run(analyses, driver, 'lock-in', { organisation, boundary })).rows.find(row => row.uid === uid) as OwnLockIn | undefined
    : (detail as { lockIn?: OwnLockIn | null }).lockIn;
  const lockIn = ownLockIn && Array.isArray(ownLockIn.factors)
    ? { score: ownLockIn.score, factors: ownLockIn.factors.map(f => ({ ...f })), ...(typeof ownLockIn.applications === 'number' ? { applications: ownLockIn.applications } : {}) }
    : null;
  const lockInRanking = kind === 'Organisation'
    ? (await run(analyses, driver, 'lock-in', { organisation, boundary })).rows.sort((a, b) => Number(b.score) - Number(a.score)).slice(0, RANKING_ROWS)
      .map(row => ({ uid: row.uid, name: row.name, criticality: row.criticality, suppliers: ((row.suppliers as string[]) ?? []).map(s => nameOf(landscape, s)), score: row.score, topFactors: topFactors(row) }))
    : [];

  const spofRows = (await run(analyses, driver, 'single-points-of-failure', { organisation, boundary, limit: kind === 'Organisation' ? RANKING_ROWS : 0 })).rows;
  const around = new Set([uid, ...upstream.map(row => row.uid), ...dependants.map(row => row.uid)]);
  // Each row keeps its place in the whole ranking (as the Kwetsbare punten page numbers it), not in the subject's neighbourhood.
  const ranked = spofRows.map((row, index): Row => ({ ...row, rank: index + 1 }));
  const spofs = (kind === 'Organisation' ? ranked : ranked.filter(row => around.has(text(row.uid)))).slice(0, RANKING_ROWS)
    .map(row => ({ uid: row.uid, name: row.name, kind: row.kind, rank: row.rank, organisation: row.organisation, articulationPoint: row.articulationPoint, failedApplications: row.failedApplications, failedCriticalApplications: row.failedCriticalApplications, failedBusinessFunctions: row.failedBusinessFunctions, lostBusinessFunctions: row.lostBusinessFunctions, directlyFailedApplications: row.directlyFailedApplications, stoppingBusinessFunctions: row.stoppingBusinessFunctions }));

  let exposure: Row[] = [];
  let concentration: ReportData['concentration'] = null;
  if (kind === 'Organisation') {
    const result = await run(analyses, driver, 'supplier-exposure', { organisation, boundary });
    exposure = [...result.rows].sort((a, b) => Number(b.contractValue) - Number(a.contractValue) || Number(b.applications) - Number(a.applications));
    const summary = result.summary as { byOrganisation?: { applications: Concentration; contractValue: Concentration }[] } | undefined;
    concentration = summary?.byOrganisation?.[0] ? { applications: summary.byOrganisation[0].applications, contractValue: summary.byOrganisation[0].contractValue } : null;
  }

  const sovereignty = await sovereigntyOf(analyses, driver, uid, kind, organisation);
  const series = kind === 'Organisation' ? await headlineSeries(driver, text(properties.id)) : undefined;
  const trend = series?.map(trendNumbers);
  const changes = series ? await changesOf(driver, text(properties.id), series, language) : undefined;
  const ictFoto = kind === 'Organisation' ? await ictFotoOf(analyses, driver, organisation) : undefined;
  const commonGround = kind === 'Organisation' ? await commonGroundOf(analyses, driver, organisation) : undefined;

  // Which contracts cover a business-critical application: the report puts them first among those to act on, as the calendar does.
  const critical = new Set(landscape.contracts.filter(c => c.covers.some(app => landscape.applications.has(app) && isCritical(landscape.applications.get(app)!))).map(c => c.uid));
  const contracts = (detail.contracts as ReportContract[]).map(c => ({ ...c, critical: critical.has(c.uid) }));
  const mentioned = new Set<string>([...(scope ?? []), ...dependants.map(r => r.organisation), ...upstream.map(r => r.organisation), ...contracts.map(c => c.organisation)].filter((id): id is string => !!id));
  const data: ReportData = {
    subject: {
      uid, kind, name: kind === 'Organisation' ? names(text(properties.id)) : text(properties.name ?? uid), organisation: typeof properties.organisation === 'string' ? properties.organisation : null,
      facts: SUBJECT_FACTS.filter(key => properties[key] !== null && properties[key] !== undefined && properties[key] !== '').map(key => ({ key, value: properties[key] as string | number | boolean })),
    },
    generatedAt: new Date().toISOString(),
    today,
    organisations: Object.fromEntries([...mentioned].sort().map(id => [id, names(id)])),
    dependants,
    dependencies: upstream,
    relations: stepRelations,
    functions,
    contracts,
    lockIn,
    lockInRanking,
    spofs,
    exposure,
    concentration,
    sovereignty,
    trend,
    changes,
    ictFoto,
    commonGround,
  };
  if (!scope) return data;
  // Every name in the organisations' report comes from their boundary (boundary.ts).
  const inside = new Set((await organisationScope(driver, scope)).uids);
  return withinScope(data, uid => inside.has(uid), scope);
}

async function ictFotoOf(analyses: AnalysisDefinition[], driver: Driver, organisation: string | undefined): Promise<ReportData['ictFoto']> {
  const result = await run(analyses, driver, 'out-of-support', { organisation, boundary: organisation !== undefined });
  return { rows: result.rows, overall: ((result.summary as { overall?: Record<string, number> } | undefined)?.overall) ?? null };
}

async function commonGroundOf(analyses: AnalysisDefinition[], driver: Driver, organisation: string | undefined): Promise<ReportData['commonGround']> {
  const result = await run(analyses, driver, 'common-ground', { organisation, boundary: organisation !== undefined });
  return { row: result.rows[0] ?? null, moves: ((result.summary as { moves?: Row[] } | undefined)?.moves ?? []) };
}

/** An organisation's exposed applications and figures; an application's own row when it is exposed. */
async function sovereigntyOf(analyses: AnalysisDefinition[], driver: Driver, uid: string, kind: string, organisation: string | undefined): Promise<ReportData['sovereignty']> {
  if (kind !== 'Organisation' && kind !== 'Application') return { rows: [], overall: null, functionsLost: [] };
  const result = await run(analyses, driver, 'sovereignty', { organisation, boundary: organisation !== undefined });
  const summary = result.summary as { overall?: Record<string, number>; applicationsFailed?: number; businessFunctionsLost?: { name: string }[] } | undefined;
  if (kind === 'Application') return { rows: result.rows.filter(row => row.uid === uid), overall: null, functionsLost: [] };
  const overall = summary?.overall ? { ...summary.overall, applicationsFailed: summary.applicationsFailed ?? 0 } : null;
  return { rows: result.rows, overall, functionsLost: (summary?.businessFunctionsLost ?? []).map(f => f.name) };
}

/** The three factors that add most to a lock-in row's score, largest first. */
function topFactors(row: Row): string[] {
  const factors = Array.isArray(row.factors) ? (row.factors as LockInFactor[]) : [];
  return [...factors].filter(f => f.contribution > 0).sort((a, b) => b.contribution - a.contribution).slice(0, 3).map(f => f.factor);
}
