// The security "ICT-foto": which product versions the organisations run, and what that means when one
// goes out of support or turns out vulnerable. Two analyses on the cached snapshot (landscape.ts) plus
// the versions and release cycles (cypher/ict-foto/):
//  - out-of-support: versions whose release cycle (endoflife.date) has ended, or ends within $months,
//    per organisation, with criticality, personal data and what fails with it (impact's dependants);
//  - advisory: a product and a version range in, every affected organisation, application, platform
//    and business function out, with the impact set out.
// Definitions: README.md here.
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { slug } from '../../importers/model.js';
import { read } from '../neo4j.js';
import { once } from '../once.js';
import { query } from '../queries.js';
import { dependants, failing, functionSupport, isCritical, type Landscape, nameOf, organisationNameOf, platformChain } from './landscape.js';
import { addMonths, Integer, OptionalDate, Organisations, today } from './params.js';
import type { AnalysisDefinition, Row } from './types.js';
import { cycleOf, isProduct, parseRange, RANGE_EXPECTED, satisfies, type VersionRange } from './versions.js';
import { Boundary, fetchSnapshot } from './boundary.js';

export type VersionFact = { uid: string; product: string; version: string | null; via: 'version' | 'sbom'; component: string | null };
export type CycleFact = {
  product: string; productNames: string[]; cycle: string; releaseDate: string | null;
  eol: string | null; eolReached: boolean | null; support: string | null; latest: string | null; lts: boolean;
};
export type SupportStatus = 'unsupported' | 'ending' | 'supported';

async function fetchVersions(driver: Driver, organisations: string[] | null): Promise<{ versions: VersionFact[]; cycles: CycleFact[] }> {
  const [versions, cycles] = await Promise.all([
    read<VersionFact>(driver, query('ict-foto/versions').text, { organisations }),
    read<CycleFact>(driver, query('ict-foto/release-cycles').text, {}),
  ]);
  return { versions, cycles };
}

/** The release cycles per product name as compared (slug of the id, the title and each alias). */
export function cycleIndex(cycles: CycleFact[]): Map<string, CycleFact[]> {
  const index = new Map<string, CycleFact[]>();
  for (const cycle of cycles) for (const name of new Set(cycle.productNames.map(slug))) once(index, name, () => []).push(cycle);
  return index;
}

/** Whether a cycle's support has ended on `date`, ends by `horizon`, or goes on. */
export function supportStatus(cycle: CycleFact, date: string, horizon: string): SupportStatus {
  if (cycle.eol) return cycle.eol <= date ? 'unsupported' : cycle.eol <= horizon ? 'ending' : 'supported';
  return cycle.eolReached ? 'unsupported' : 'supported';
}

type Finding = VersionFact & { version: string; cycle: CycleFact; status: SupportStatus };

/** What fails with a node (impact's dependants): the applications and platforms, itself left out. */
function failingWith(landscape: Landscape, uid: string): string[] {
  return [...failing(landscape, dependants(landscape), uid).keys()].filter(id => id !== uid && (landscape.applications.has(id) || landscape.platforms.has(id)));
}

const componentName = (fact: VersionFact) => (fact.via === 'sbom' ? fact.product : null);
const RANK: Record<string, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/**
 * The rows of one finding: an application's own row, or per organisation whose applications run on
 * (or depend on what runs on) a platform, one row with that organisation's share of it.
 */
function rowsOf(landscape: Landscape, fact: VersionFact, extra: Record<string, unknown>): Row[] {
  const down = failingWith(landscape, fact.uid);
  const application = landscape.applications.get(fact.uid);
  const base = { uid: fact.uid, kind: application ? 'Application' : 'Platform', name: nameOf(landscape, fact.uid), product: fact.product, version: fact.version, versionFrom: fact.via, component: componentName(fact), ...extra };
  const byOrganisation = new Map<string, string[]>();
  for (const id of down) {
    const app = landscape.applications.get(id);
    if (app) once(byOrganisation, app.organisation, () => []).push(id);
  }
  const describe = (organisation: string, apps: string[], own: typeof application) => {
    const all = [...(own ? [own] : []), ...apps.map(id => landscape.applications.get(id)!)];
    const functions = [...new Set(all.flatMap(app => app.functions))].map(fn => nameOf(landscape, fn)).sort((a, b) => a.localeCompare(b, 'nl'));
    const criticality = own ? own.criticality : all.reduce<string | null>((worst, app) => (worst === null || RANK[app.criticality] > RANK[worst] ? app.criticality : worst), null);
    return {
      ...base, organisation, organisationName: organisationNameOf(landscape, organisation),
      criticality, critical: own ? isCritical(own) : all.some(isCritical), personalData: all.some(app => app.personalData),
      dependants: apps.length, criticalDependants: apps.filter(id => isCritical(landscape.applications.get(id)!)).length,
      dependantNames: apps.map(id => nameOf(landscape, id)).sort((a, b) => a.localeCompare(b, 'nl')),
      businessFunctions: functions,
    };
  };
  if (application) return [describe(application.organisation, byOrganisation.get(application.organisation) ?? [], application)];
  return [...byOrganisation].map(([organisation, apps]) => describe(organisation, apps, undefined));
}

const byRow = (a: Row, b: Row) =>
  String(a.organisationName).localeCompare(String(b.organisationName), 'nl') || String(a.eol ?? '').localeCompare(String(b.eol ?? '')) || String(a.name).localeCompare(String(b.name), 'nl') || String(a.product).localeCompare(String(b.product));

/**
 * Versions out of support on `date` or within `months` after it. An application runs an
 * out-of-support version when its own version is, an SBOM component of it is, or a platform it runs
 * on (directly or further down) is.
 */
export function outOfSupport(landscape: Landscape, versions: VersionFact[], cycles: CycleFact[], date: string, months: number): { rows: Row[]; summary: Record<string, unknown> } {
  const horizon = addMonths(date, months);
  const index = cycleIndex(cycles);
  const findings: Finding[] = [];
  let withoutCycle = 0;
  let known = 0;
  for (const fact of versions) {
    if (!fact.version || !(landscape.applications.has(fact.uid) || landscape.platforms.has(fact.uid))) continue;
    const candidates = index.get(slug(fact.product));
    if (!candidates) continue;
    known++;
    const cycle = cycleOf(fact.version, candidates);
    if (!cycle) {
      withoutCycle++;
      continue;
    }
    const status = supportStatus(cycle, date, horizon);
    if (status !== 'supported') findings.push({ ...fact, version: fact.version, cycle, status });
  }
  const rows = findings.flatMap(f => rowsOf(landscape, f, {
    supportStatus: f.status, cycle: f.cycle.cycle, eol: f.cycle.eol, latest: f.cycle.latest, releaseProduct: f.cycle.productNames[1] ?? f.cycle.product,
  })).sort((a, b) => Number(a.supportStatus === 'ending') - Number(b.supportStatus === 'ending') || byRow(a, b));

  // Per application the worst status of what it runs: its own version, its components, its platforms.
  const worstOf = new Map<string, SupportStatus>();
  for (const f of findings) if (worstOf.get(f.uid) !== 'unsupported') worstOf.set(f.uid, f.status);
  const statusOf = (uid: string): 'unsupported' | 'ending' | undefined => {
    const application = landscape.applications.get(uid)!;
    const statuses = [uid, ...platformChain(landscape, application)].map(id => worstOf.get(id)).filter(Boolean);
    return statuses.includes('unsupported') ? 'unsupported' : statuses.includes('ending') ? 'ending' : undefined;
  };
  type Tally = { organisation: string; name: string; applications: number; unsupported: number; ending: number; critical: number; personalData: number; criticalFunctions: Set<string> };
  const byOrganisation = new Map<string, Tally>();
  const overall = { unsupported: 0, ending: 0, critical: 0, personalData: 0, criticalFunctions: new Set<string>(), endingCriticalFunctions: new Set<string>() };
  for (const application of landscape.applications.values()) {
    const tally = once(byOrganisation, application.organisation, () => ({
      organisation: application.organisation, name: organisationNameOf(landscape, application.organisation), applications: 0, unsupported: 0, ending: 0, critical: 0, personalData: 0, criticalFunctions: new Set<string>(),
    }));
    tally.applications++;
    const status = statusOf(application.uid);
    if (!status) continue;
    tally[status]++;
    overall[status]++;
    if (status !== 'unsupported') {
      if (isCritical(application)) for (const fn of application.functions) overall.endingCriticalFunctions.add(`${application.organisation}\u0000${fn}`);
      continue;
    }
    if (application.personalData) {
      tally.personalData++;
      overall.personalData++;
    }
    if (!isCritical(application)) continue;
    tally.critical++;
    overall.critical++;
    for (const fn of application.functions) {
      tally.criticalFunctions.add(fn);
      overall.criticalFunctions.add(`${application.organisation}\u0000${fn}`);
    }
  }
  const products = new Map<string, { product: string; cycle: string; eol: string | null; supportStatus: SupportStatus; latest: string | null; items: number }>();
  for (const f of findings) {
    const entry = once(products, `${f.cycle.product}\u0000${f.cycle.cycle}`, () => ({ product: f.cycle.productNames[1] ?? f.cycle.product, cycle: f.cycle.cycle, eol: f.cycle.eol, supportStatus: f.status, latest: f.cycle.latest, items: 0 }));
    entry.items++;
  }
  return {
    rows,
    summary: {
      date, months, horizon,
      overall: {
        applicationsUnsupported: overall.unsupported, applicationsEnding: overall.ending,
        criticalApplicationsUnsupported: overall.critical, personalDataApplicationsUnsupported: overall.personalData,
        criticalFunctionsUnsupported: overall.criticalFunctions.size, criticalFunctionsEnding: overall.endingCriticalFunctions.size,
        versionsKnown: known, versionsWithoutCycle: withoutCycle, releaseCycles: cycles.length,
      },
      byOrganisation: [...byOrganisation.values()].filter(t => t.unsupported + t.ending > 0)
        .map(({ criticalFunctions, ...t }) => ({ ...t, criticalFunctions: [...criticalFunctions].map(fn => nameOf(landscape, fn)).sort((a, b) => a.localeCompare(b, 'nl')) }))
        .sort((a, b) => b.unsupported - a.unsupported || b.ending - a.ending || a.name.localeCompare(b.name, 'nl')),
      products: [...products.values()].sort((a, b) => Number(a.supportStatus === 'ending') - Number(b.supportStatus === 'ending') || String(a.eol ?? '').localeCompare(String(b.eol ?? '')) || a.product.localeCompare(b.product)),
    },
  };
}

/** Every application, platform and SBOM component of `product` in `range`, and what fails with them. */
export function advisory(landscape: Landscape, versions: VersionFact[], product: string, range: VersionRange, rangeText: string, list: 'versions' | 'applications' = 'versions'): { rows: Row[]; summary: Record<string, unknown> } {
  const everyVersion = range.length === 1 && range[0].length === 0;
  const matched: (VersionFact & { versionKnown: boolean })[] = [];
  const seen = new Set<string>();
  for (const fact of versions) {
    if (!(landscape.applications.has(fact.uid) || landscape.platforms.has(fact.uid)) || !isProduct(fact.product, product)) continue;
    const versionKnown = Boolean(fact.version);
    if (versionKnown && !everyVersion && !satisfies(fact.version!, range)) continue;
    const key = `${fact.uid}\u0000${fact.product}\u0000${fact.version}`;
    if (seen.has(key)) continue;
    seen.add(key);
    matched.push({ ...fact, versionKnown });
  }
  const affected = matched.filter(m => m.versionKnown || everyVersion);
  const rows = affected.flatMap(m => rowsOf(landscape, m, {})).sort(byRow);
  const unknownVersion = matched.filter(m => !m.versionKnown && !everyVersion).map(m => ({ uid: m.uid, name: nameOf(landscape, m.uid), product: m.product, organisation: landscape.applications.get(m.uid)?.organisation ?? null }));

  // Down: the affected applications themselves and everything that fails with what is affected.
  const down = new Set<string>();
  for (const m of affected) {
    if (landscape.applications.has(m.uid)) down.add(m.uid);
    for (const id of failingWith(landscape, m.uid)) if (landscape.applications.has(id)) down.add(id);
  }
  const direct = new Set(affected.filter(m => landscape.applications.has(m.uid)).map(m => m.uid));
  const functions = functionSupport(landscape, id => down.has(id)).filter(entry => entry.failed > 0)
    .map(entry => ({
      organisation: entry.organisation, organisationName: organisationNameOf(landscape, entry.organisation), uid: entry.function, name: nameOf(landscape, entry.function),
      affectedApplications: entry.failed, supportingApplications: entry.supporting, lostAllSupport: entry.failed === entry.supporting,
    }))
    .sort((a, b) => Number(b.lostAllSupport) - Number(a.lostAllSupport) || a.organisationName.localeCompare(b.organisationName, 'nl') || a.name.localeCompare(b.name, 'nl'));
  // affected: the applications that run the version themselves; platforms: the platforms running it that this organisation's applications use.
  type Tally = { organisation: string; name: string; affected: number; platforms: number; down: number; critical: number; personalData: number; functionsLost: string[]; functionsWeakened: string[] };
  const byOrganisation = new Map<string, Tally>();
  const tallyOf = (organisation: string) => once(byOrganisation, organisation, () => ({ organisation, name: organisationNameOf(landscape, organisation), affected: 0, platforms: 0, down: 0, critical: 0, personalData: 0, functionsLost: [], functionsWeakened: [] }));
  for (const id of down) {
    const application = landscape.applications.get(id)!;
    const tally = tallyOf(application.organisation);
    tally.down++;
    if (direct.has(id)) tally.affected++;
    if (isCritical(application)) tally.critical++;
    if (application.personalData) tally.personalData++;
  }
  const platformsOf = new Map<string, Set<string>>();
  for (const row of rows) if (row.kind === 'Platform' && row.organisation) once(platformsOf, String(row.organisation), () => new Set<string>()).add(String(row.uid));
  for (const [organisation, platforms] of platformsOf) tallyOf(organisation).platforms = platforms.size;
  for (const fn of functions) (fn.lostAllSupport ? tallyOf(fn.organisation).functionsLost : tallyOf(fn.organisation).functionsWeakened).push(fn.name);
  const organisations = [...byOrganisation.values()].sort((a, b) => b.down - a.down || a.name.localeCompare(b.name, 'nl'));
  // The applications that stop, named: the critical first, then by organisation and name.
  const applicationsDown: Row[] = [...down].map(id => {
    const application = landscape.applications.get(id)!;
    return {
      uid: id, name: application.name, organisation: application.organisation, organisationName: organisationNameOf(landscape, application.organisation),
      criticality: application.criticality, personalData: application.personalData, runsAffectedVersion: direct.has(id),
      businessFunctions: application.functions.map(fn => nameOf(landscape, fn)).sort((a, b) => a.localeCompare(b, 'nl')),
    };
  }).sort((a, b) => (CRITICALITY_ORDER[String(b.criticality)] ?? 0) - (CRITICALITY_ORDER[String(a.criticality)] ?? 0)
    || String(a.organisationName).localeCompare(String(b.organisationName), 'nl') || String(a.name).localeCompare(String(b.name), 'nl') || String(a.uid).localeCompare(String(b.uid)));
  return {
    rows: list === 'applications' ? applicationsDown : rows,
    summary: {
      product, range: rangeText,
      totals: {
        matches: affected.length,
        applications: direct.size,
        platforms: new Set(affected.filter(m => landscape.platforms.has(m.uid)).map(m => m.uid)).size,
        applicationsDown: down.size,
        criticalApplicationsDown: [...down].filter(id => isCritical(landscape.applications.get(id)!)).length,
        organisations: organisations.length,
        businessFunctionsLost: functions.filter(fn => fn.lostAllSupport).length,
        businessFunctionsWeakened: functions.filter(fn => !fn.lostAllSupport).length,
        unknownVersion: unknownVersion.length,
      },
      organisations,
      applicationsDown: applicationsDown.slice(0, APPLICATIONS_DOWN_SHOWN),
      ...(applicationsDown.length > APPLICATIONS_DOWN_SHOWN ? { applicationsDownCut: { reason: 'limit', limit: APPLICATIONS_DOWN_SHOWN, shown: APPLICATIONS_DOWN_SHOWN, total: applicationsDown.length } } : {}),
      businessFunctions: functions,
      unknownVersion,
    },
  };
}

export const OutOfSupportParams = z.object({
  organisation: Organisations,
  boundary: Boundary,
  months: Integer(0, 120, 6, 'Also list versions whose support ends within this many months (default 6) / Ook versies waarvan de ondersteuning binnen zoveel maanden stopt'),
  date: OptionalDate('The day to judge on (default today), YYYY-MM-DD / Peildatum'),
});

export const outOfSupportAnalysis: AnalysisDefinition<typeof OutOfSupportParams> = {
  name: 'out-of-support',
  title: 'Out of support / Versies zonder ondersteuning',
  description:
    'Product versions of applications and platforms (from the tables, the Softwarecatalogus and SBOM components) whose release cycle, per the imported endoflife.date data, is out of support or ends within `months` months, ' +
    'per organisation, with criticality, personal data and what fails with it (the dependants of impact); summary: how many applications run an out-of-support version (their own, a component or a platform under them) and in how many critical business functions.',
  params: OutOfSupportParams,
  async run(driver, params) {
    const [landscape, { versions, cycles }] = await Promise.all([fetchSnapshot(driver, params.organisation, params.boundary), fetchVersions(driver, params.organisation)]);
    return outOfSupport(landscape, versions, cycles, params.date ?? today(), params.months);
  },
};

/** Applications that stop listed in an advisory's summary (all of them: `list=applications`). */
const APPLICATIONS_DOWN_SHOWN = 1000;
const CRITICALITY_ORDER: Record<string, number> = { critical: 3, high: 2, medium: 1, low: 0 };

export const AdvisoryParams = z.object({
  product: z.preprocess(value => (typeof value === 'string' ? value.trim() : value), z.string().min(1, 'a product name such as Tomcat').max(200))
    .meta({ description: 'The product the advisory is about, e.g. "Apache Tomcat" (every word must be in the product name) / Product uit het advies' }),
  range: z.preprocess(value => (value === undefined || value === null ? '' : typeof value === 'string' ? value.trim() : value), z.string().max(200).refine(text => parseRange(text) !== undefined, RANGE_EXPECTED))
    .meta({ description: `Affected versions: ${RANGE_EXPECTED}; blank = every version / Getroffen versies` }),
  organisation: Organisations,
  boundary: Boundary,
  list: z.enum(['versions', 'applications']).default('versions')
    .meta({ description: 'Rows: the affected applications, platforms and components with their versions (default), or every application that stops with them / Rijen: getroffen versies, of elke applicatie die uitvalt' }),
});

export const advisoryAnalysis: AnalysisDefinition<typeof AdvisoryParams> = {
  name: 'advisory',
  title: 'Security advisory / Beveiligingsadvies',
  description:
    'A product and a version range in (">=2.0 <2.4.1", "<= 10.3"): every application, platform and SBOM component of that product in the range, per organisation with criticality, personal data and dependants, ' +
    'and the impact set out: applications down with what fails with them (summary.applicationsDown, the first 1,000, critical first: name, organisation, criticality, business functions; all of them as rows with list=applications), business functions lost or weakened per organisation; versions not known are listed apart (summary.unknownVersion).',
  params: AdvisoryParams,
  async run(driver, params) {
    const [landscape, { versions }] = await Promise.all([fetchSnapshot(driver, params.organisation, params.boundary), fetchVersions(driver, params.organisation)]);
    return advisory(landscape, versions, params.product, parseRange(params.range)!, params.range, params.list);
  },
};
