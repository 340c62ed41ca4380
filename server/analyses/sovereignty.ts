// Digital sovereignty: which applications depend, through their hosting chain or their supplier, on
// a party under non-EU jurisdiction; what that touches (personal data, criticality, business
// functions, contract value); what stops when every non-EU party is unavailable; and how ready each
// exposed application is to leave. Definitions: README.md here. Computed on the cached snapshot.
import { jurisdictionOf, isNonEu, type JurisdictionCode } from '../../importers/jurisdiction.js';
import { once } from '../once.js';
import { z } from 'zod';
import { breadthFirst, pathTo } from './graph-algorithms.js';
import { type ApplicationFact, fetchLandscape, functionSupport, isCritical, type Landscape, nameOf, round, runningOn } from './landscape.js';
import { Organisations, today } from './params.js';
import type { AnalysisDefinition, Row } from './types.js';
import { functionsLost } from './what-if.js';
import { sensitiveAlgorithmsOn } from './algorithms-stopping.js';
import { Boundary, fetchSnapshot } from './boundary.js';

type StepKind = 'Application' | 'Platform' | 'Supplier' | 'SupplierGroup';
/** Why a party counts: a platform's own jurisdiction, a supplier's country, its group's jurisdiction (or country). */
export type Basis = 'jurisdiction' | 'country' | 'group' | 'groupCountry';
/** One step of a chain, read from the previous one: "draait op", "aangeboden door", "geleverd door", "hoort bij concern". */
export type ChainStep = {
  uid: string; kind: StepKind; name: string;
  relation: 'RUNS_ON' | 'PROVIDES' | 'SUPPLIES' | 'PART_OF' | null; direction: 'out' | 'in' | null;
  jurisdiction: JurisdictionCode | null; basis: Basis | null;
};
export type Party = { uid: string; kind: StepKind; name: string; jurisdiction: JurisdictionCode; basis: Basis };

export const EXIT_FACTORS = ['exitPlan', 'dataPortability', 'openInterfaces', 'substitutes'] as const;
export type ExitFactor = { factor: (typeof EXIT_FACTORS)[number]; value: number; met: boolean; raw: number | boolean | null; total?: number; examples?: string[] };

const worst = (a: JurisdictionCode | null, b: JurisdictionCode | null): JurisdictionCode | null => {
  const rank = (j: JurisdictionCode | null) => (j === 'US' ? 4 : j === 'other' ? 3 : j === 'EU' ? 2 : j === 'NL' ? 1 : 0);
  return rank(b) > rank(a) ? b : a;
};

/** Who controls what, per snapshot: each party's jurisdiction and where it comes from. */
type Control = Map<string, { jurisdiction: JurisdictionCode; basis: Basis }>;
const controlMemo = new WeakMap<Landscape, Control>();

/**
 * Platforms by their own jurisdiction; suppliers by their country; a group by the jurisdiction its
 * suppliers' rows give it (the non-EU one when they differ), else its country. A supplier with a group
 * jurisdiction but no group node carries that jurisdiction itself (basis `group`).
 */
export function control(landscape: Landscape): Control {
  return once(controlMemo, landscape, () => {
    const result: Control = new Map();
    for (const platform of landscape.platforms.values()) {
      const jurisdiction = jurisdictionOf(platform.jurisdiction);
      if (jurisdiction) result.set(platform.uid, { jurisdiction, basis: 'jurisdiction' });
    }
    const groups = new Map<string, { jurisdiction: JurisdictionCode; basis: Basis }>();
    for (const supplier of landscape.suppliers.values()) {
      const own = jurisdictionOf(supplier.country);
      const declared = jurisdictionOf(supplier.groupJurisdiction);
      if (!supplier.group) {
        if (declared && worst(own, declared) !== own) result.set(supplier.uid, { jurisdiction: declared, basis: 'group' });
        else if (own) result.set(supplier.uid, { jurisdiction: own, basis: 'country' });
        continue;
      }
      if (own) result.set(supplier.uid, { jurisdiction: own, basis: 'country' });
      const before = groups.get(supplier.group);
      const fallback = jurisdictionOf(supplier.groupCountry);
      if (declared && (!before || before.basis === 'groupCountry' || worst(before.jurisdiction, declared) !== before.jurisdiction)) groups.set(supplier.group, { jurisdiction: declared, basis: 'group' });
      else if (!before && fallback) groups.set(supplier.group, { jurisdiction: fallback, basis: 'groupCountry' });
    }
    for (const [group, c] of groups) result.set(group, c);
    return result;
  });
}

/** What a party answers to, one step up: a platform's host platforms and providers, a supplier's group. */
function upstream(landscape: Landscape, uid: string): string[] {
  const platform = landscape.platforms.get(uid);
  if (platform) return [...platform.runsOn, ...platform.providers];
  const group = landscape.suppliers.get(uid)?.group;
  return group ? [group] : [];
}

/** From one start (a platform or supplier): the shortest path to each non-EU party it answers to. */
const reachMemo = new WeakMap<Landscape, Map<string, Map<string, string[]>>>();
function nonEuPathsFrom(landscape: Landscape, start: string): Map<string, string[]> {
  const byStart = once(reachMemo, landscape, () => new Map<string, Map<string, string[]>>());
  return once(byStart, start, () => {
    const controlled = control(landscape);
    const reached = breadthFirst([start], id => upstream(landscape, id));
    const paths = new Map<string, string[]>();
    for (const uid of reached.keys()) if (isNonEu(controlled.get(uid)?.jurisdiction)) paths.set(uid, pathTo(reached, uid));
    return paths;
  });
}

const kindIn = (landscape: Landscape, uid: string): StepKind =>
  landscape.platforms.has(uid) ? 'Platform' : landscape.suppliers.has(uid) ? 'Supplier' : landscape.applications.has(uid) ? 'Application' : 'SupplierGroup';

function relationTo(landscape: Landscape, from: string, to: string): Pick<ChainStep, 'relation' | 'direction'> {
  if (landscape.platforms.has(to)) return { relation: 'RUNS_ON', direction: 'out' };
  if (landscape.suppliers.has(to)) return landscape.applications.has(from) ? { relation: 'SUPPLIES', direction: 'in' } : { relation: 'PROVIDES', direction: 'in' };
  return { relation: 'PART_OF', direction: 'out' };
}

// Per snapshot, platform list and supplier list: the snapshot shares lists between applications of
// one product (landscape.ts), so the country's 150,000 applications need a few thousand walks.
const exposureMemo = new WeakMap<Landscape, WeakMap<string[], Map<string[], { party: string; path: string[] }[]>>>();

/**
 * Every non-EU party an application answers to, each with its shortest chain from the application's
 * platforms and suppliers (the application not in it). One list per snapshot and pair of lists: the
 * applications of one product share it, and what is derived from it (chainOf) is made once per list.
 */
function tailsOf(landscape: Landscape, application: ApplicationFact): { party: string; path: string[] }[] {
  const byPlatforms = once(once(exposureMemo, landscape, () => new WeakMap()), application.platforms, () => new Map<string[], { party: string; path: string[] }[]>());
  return once(byPlatforms, application.suppliers, () => {
    const best = new Map<string, string[]>();
    for (const start of [...application.platforms, ...application.suppliers]) {
      for (const [party, path] of nonEuPathsFrom(landscape, start)) {
        const before = best.get(party);
        if (!before || path.length < before.length) best.set(party, path);
      }
    }
    return [...best].map(([party, path]) => ({ party, path })).sort((a, b) => a.path.length - b.path.length || a.party.localeCompare(b.party));
  });
}

/** Every non-EU party an application answers to, each with its shortest chain (the application first). */
export function exposureOf(landscape: Landscape, application: ApplicationFact): { party: string; path: string[] }[] {
  const tails = tailsOf(landscape, application);
  return tails.length === 0 ? tails : tails.map(({ party, path }) => ({ party, path: [application.uid, ...path] }));
}

/** What a row shows of an application's exposure, all but the application's own step (the same for every application with these tails). */
type Shown = { steps: ChainStep[]; names: string[]; parties: string[]; jurisdiction: 'US' | 'other' };
const shownMemo = new WeakMap<Landscape, WeakMap<{ party: string; path: string[] }[], Shown>>();

function shownFor(landscape: Landscape, application: ApplicationFact, tails: { party: string; path: string[] }[]): Shown {
  return once(once(shownMemo, landscape, () => new WeakMap()), tails, () => {
    const controlled = control(landscape);
    // The first tail's steps as read after an application (any: the first relation is read from the application).
    const steps = chainSteps(landscape, [application.uid, ...tails[0].path]).slice(1);
    const jurisdictions = new Set(tails.map(t => controlled.get(t.party)!.jurisdiction));
    return {
      steps,
      names: steps.map((step, index) => (index === steps.length - 1 ? `${step.name} (${step.jurisdiction})` : step.name)),
      parties: tails.map(t => nameOf(landscape, t.party)),
      jurisdiction: jurisdictions.has('US') ? 'US' : 'other',
    };
  });
}

export function chainSteps(landscape: Landscape, path: string[]): ChainStep[] {
  const controlled = control(landscape);
  return path.map((uid, index) => {
    const { jurisdiction = null, basis = null } = controlled.get(uid) ?? {};
    return {
      uid, kind: kindIn(landscape, uid), name: nameOf(landscape, uid),
      ...(index === 0 ? { relation: null, direction: null } : relationTo(landscape, path[index - 1], uid)),
      jurisdiction, basis,
    };
  });
}

/** Exit readiness 0–100: 25 per factor (open interfaces by their share). */
export function exitReadiness(landscape: Landscape, application: ApplicationFact, contracts: Landscape['contracts'], interfaces: { open: number; total: number }): { score: number; factors: ExitFactor[] } {
  const exitPlan = contracts.some(c => c.exitPlan);
  const dataPortability = contracts.some(c => c.dataPortability);
  const openShare = interfaces.total === 0 ? 1 : interfaces.open / interfaces.total;
  const { count, examples } = substitutesOf(landscape, application);
  const factors: ExitFactor[] = [
    { factor: 'exitPlan', value: exitPlan ? 1 : 0, met: exitPlan, raw: contracts.length === 0 ? null : exitPlan },
    { factor: 'dataPortability', value: dataPortability ? 1 : 0, met: dataPortability, raw: contracts.length === 0 ? null : dataPortability },
    { factor: 'openInterfaces', value: round(openShare, 4), met: openShare === 1, raw: interfaces.open, total: interfaces.total },
    { factor: 'substitutes', value: count > 0 ? 1 : 0, met: count > 0, raw: application.referenceComponents.length === 0 ? null : count, examples },
  ];
  return { score: round(25 * factors.reduce((sum, f) => sum + f.value, 0), 1), factors };
}

// Per snapshot, reference components and own suppliers: a component can have hundreds of suppliers,
// and the country's applications of one product share both lists.
const substitutesMemo = new WeakMap<Landscape, WeakMap<string[], WeakMap<string[], { count: number; examples: string[] }>>>();

/** Suppliers other than its own, not under non-EU law, offering one of its reference components; the first three by name. */
function substitutesOf(landscape: Landscape, application: ApplicationFact): { count: number; examples: string[] } {
  const byComponents = once(once(substitutesMemo, landscape, () => new WeakMap()), application.referenceComponents, () => new WeakMap<string[], { count: number; examples: string[] }>());
  return once(byComponents, application.suppliers, () => {
    const controlled = control(landscape);
    const own = new Set(application.suppliers);
    const substitutes = new Set<string>();
    for (const rc of application.referenceComponents) {
      for (const supplier of landscape.names.get(rc)?.suppliers ?? []) {
        if (!own.has(supplier) && !answersOutsideEu(landscape, controlled, supplier)) substitutes.add(supplier);
      }
    }
    const examples = [...substitutes].map(uid => nameOf(landscape, uid)).sort((a, b) => a.localeCompare(b, 'nl')).slice(0, 3);
    return { count: substitutes.size, examples };
  });
}

/** Whether a supplier answers to non-EU law itself or through its group. */
function answersOutsideEu(landscape: Landscape, controlled: Control, supplier: string): boolean {
  if (isNonEu(controlled.get(supplier)?.jurisdiction)) return true;
  const group = landscape.suppliers.get(supplier)?.group;
  return group ? isNonEu(controlled.get(group)?.jurisdiction) : false;
}

/** Every party under non-EU jurisdiction in the snapshot: the preset what-if makes them all unavailable. */
export function nonEuParties(landscape: Landscape): Party[] {
  return [...control(landscape)].filter(([, c]) => isNonEu(c.jurisdiction))
    .map(([uid, c]) => ({ uid, kind: kindIn(landscape, uid), name: nameOf(landscape, uid), jurisdiction: c.jurisdiction, basis: c.basis }))
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'nl') || a.uid.localeCompare(b.uid));
}

const CRITICALITY_RANK: Record<string, number> = { critical: 3, high: 2, medium: 1, low: 0 };

type Tally = { applications: number; exposed: number; exposedCritical: number; exposedPersonalData: number; contractValue: number; exposedContractValue: number };
const tally = (): Tally => ({ applications: 0, exposed: 0, exposedCritical: 0, exposedPersonalData: 0, contractValue: 0, exposedContractValue: 0 });
const withShares = (t: Tally) => ({
  ...t,
  exposedShare: t.applications ? round((100 * t.exposed) / t.applications) : 0,
  exposedContractValueShare: t.contractValue ? round((100 * t.exposedContractValue) / t.contractValue) : 0,
});

/**
 * The preset what-if "every non-EU party unavailable", from the exposure already found: an
 * application fails when it is exposed (its hosting or supplier chain reaches a non-EU party: the
 * same walk as what-if's down the dependants) or depends on one that fails. The same answer as
 * `unavailable(landscape, nonEuParties)` without reversing the whole graph.
 */
function nonEuUnavailable(landscape: Landscape, exposed: Map<string, unknown>): { failed: Set<string>; businessFunctionsLost: ReturnType<typeof functionsLost> } {
  const users = new Map<string, string[]>();
  for (const application of landscape.applications.values()) {
    for (const other of application.dependsOn) {
      const list = users.get(other);
      if (list) list.push(application.uid);
      else users.set(other, [application.uid]);
    }
  }
  const failed = new Set(exposed.keys());
  const frontier = [...failed];
  while (frontier.length > 0) {
    for (const user of users.get(frontier.pop()!) ?? []) {
      if (!failed.has(user)) {
        failed.add(user);
        frontier.push(user);
      }
    }
  }
  return { failed, businessFunctionsLost: functionsLost(landscape, uid => failed.has(uid)) };
}

type Readiness = ReturnType<typeof exitReadiness>;
type Facts = {
  exposed: Map<string, { party: string; path: string[] }[]>; byOrganisation: Map<string, Tally>; overall: Tally;
  /** The what-if's counts (its set of 114,000 failed uids at country scale is not kept: every exposed application is in it). */
  whatIf: { applicationsFailed: number; criticalApplicationsFailed: number; businessFunctionsLost: ReturnType<typeof functionsLost> };
  /** Per exposed application, in the order of `exposed`: its exit readiness (shared objects) and its contracts' annual value. */
  readiness: Readiness[]; contractValue: number[];
};
const factsMemo = new WeakMap<Landscape, Facts>();

/**
 * What the answer is made of, once per snapshot (every call on the same snapshot, whichever the
 * caller, shares it): the exposed applications with their chains, the tallies, the what-if's counts,
 * and each exposed application's exit readiness and contract value. Never mutated by sovereignty().
 */
function factsOf(landscape: Landscape): Facts {
  return once(factsMemo, landscape, () => {
    const controlled = control(landscape);
    const exposed = new Map<string, { party: string; path: string[] }[]>();
    const byOrganisation = new Map<string, Tally>();
    const overall = tally();
    for (const application of landscape.applications.values()) {
      const chains = tailsOf(landscape, application);
      const counts = [once(byOrganisation, application.organisation, tally), overall];
      for (const t of counts) t.applications++;
      if (chains.length === 0) continue;
      exposed.set(application.uid, chains);
      for (const t of counts) {
        t.exposed++;
        if (isCritical(application)) t.exposedCritical++;
        if (application.personalData) t.exposedPersonalData++;
      }
    }
    const { failed, businessFunctionsLost } = nonEuUnavailable(landscape, exposed);
    let criticalApplicationsFailed = 0;
    for (const uid of failed) if (isCritical(landscape.applications.get(uid)!)) criticalApplicationsFailed++;
    const whatIf = { applicationsFailed: failed.size, criticalApplicationsFailed, businessFunctionsLost };
    // A contract is exposed when it covers an exposed application or its supplier answers to non-EU law.
    for (const contract of landscape.contracts) {
      const counts = [once(byOrganisation, contract.organisation, tally), overall];
      const isExposed = contract.covers.some(uid => exposed.has(uid)) || (contract.supplier !== null && answersOutsideEu(landscape, controlled, contract.supplier));
      for (const t of counts) {
        t.contractValue += contract.annualValue;
        if (isExposed) t.exposedContractValue += contract.annualValue;
      }
    }

    // Contracts and interfaces of the exposed applications only (a third of the country's at most).
    const contractsOf = new Map<string, Landscape['contracts']>();
    for (const contract of landscape.contracts) for (const uid of contract.covers) if (exposed.has(uid)) once(contractsOf, uid, () => []).push(contract);
    const interfacesOf = new Map<string, { open: number; total: number }>();
    const count = (end: string | null, open: boolean) => {
      if (!end || !exposed.has(end)) return;
      let entry = interfacesOf.get(end);
      if (!entry) interfacesOf.set(end, (entry = { open: 0, total: 0 }));
      entry.total++;
      if (open) entry.open++;
    };
    for (const i of landscape.interfaces) {
      // Each distinct end once (an interface can run from and to the same application).
      count(i.from, i.openStandard);
      if (i.to !== i.from) count(i.to, i.openStandard);
      if (i.via !== i.from && i.via !== i.to) count(i.via, i.openStandard);
    }
    // Kept per exposed application: the readiness (one object per distinct answer) and the value.
    const readinessOf = readinessInterner(landscape);
    const readiness: Readiness[] = [];
    const contractValue: number[] = [];
    for (const uid of exposed.keys()) {
      const contracts = contractsOf.get(uid) ?? [];
      readiness.push(readinessOf(landscape.applications.get(uid)!, contracts, interfacesOf.get(uid) ?? { open: 0, total: 0 }));
      contractValue.push(contracts.reduce((sum, c) => sum + c.annualValue, 0));
    }
    return { exposed, byOrganisation, overall, whatIf, readiness, contractValue };
  });
}

/**
 * Exit readiness as exitReadiness() gives it, one object per distinct answer: the country's 52,000
 * exposed applications have a few thousand, and four factor objects per row were a third of the
 * answer's memory. The rows share them (never mutated, as the rows themselves are shared by the
 * answer cache).
 */
function readinessInterner(landscape: Landscape): (application: ApplicationFact, contracts: Landscape['contracts'], interfaces: { open: number; total: number }) => Readiness {
  const bySubstitutes = new Map<{ count: number; examples: string[] }, Map<string, Readiness>>();
  return (application, contracts, interfaces) => {
    const key = `${contracts.length === 0 ? '-' : `${Number(contracts.some(c => c.exitPlan))}${Number(contracts.some(c => c.dataPortability))}`}:${interfaces.open}/${interfaces.total}`;
    return once(once(bySubstitutes, substitutesOf(landscape, application), () => new Map()), key, () => exitReadiness(landscape, application, contracts, interfaces));
  };
}

export function sovereignty(landscape: Landscape): { rows: Row[]; summary: Record<string, unknown> } {
  const parties = nonEuParties(landscape);
  const { exposed, byOrganisation, overall, whatIf, readiness: readinessOf, contractValue } = factsOf(landscape);
  // Per list of business functions (applications of one product share it): their names, one array.
  const functionNames = new Map<string[], string[]>();
  const rows: Row[] = [];
  let index = 0;
  for (const [uid, chains] of exposed) {
    const application = landscape.applications.get(uid)!;
    const readiness = readinessOf[index];
    const shown = shownFor(landscape, application, chains);
    const step: ChainStep = { uid, kind: 'Application', name: application.name, relation: null, direction: null, jurisdiction: null, basis: null };
    rows.push({
      uid, name: application.name, organisation: application.organisation, criticality: application.criticality, personalData: application.personalData,
      jurisdiction: shown.jurisdiction,
      parties: shown.parties,
      // For people (spreadsheets, reports): the names, the party that decides with its jurisdiction.
      // concat, not a spread: an array of its own length (a spread's grows to 17 places).
      chainNames: [application.name].concat(shown.names),
      chain: [step].concat(shown.steps),
      chains: chains.length,
      businessFunctions: once(functionNames, application.functions, () => application.functions.map(fn => nameOf(landscape, fn))),
      contractValue: contractValue[index++],
      exitReadiness: readiness.score,
      exitPlan: readiness.factors[0].met,
      dataPortability: readiness.factors[1].met,
      interfaces: readiness.factors[2].total,
      openInterfacesShare: round(100 * readiness.factors[2].value),
      substitutes: readiness.factors[3].raw,
      substituteExamples: readiness.factors[3].examples,
      factors: readiness.factors,
      // The what-if starts from the exposed applications: each of them fails.
      failsWhenNonEuUnavailable: true,
    });
  }
  // The worst first: the most critical, with personal data, the least ready to leave. One number per
  // row for the three (readiness has one decimal), the uid for ties: a country's 50,000 rows sort fast.
  const rank = new Map(rows.map(row => [row, (3 - (CRITICALITY_RANK[row.criticality as string] ?? 0)) * 1e5 + Number(!row.personalData) * 1e4 + Math.round(10 * (row.exitReadiness as number))]));
  rows.sort((a, b) => rank.get(a)! - rank.get(b)! || String(a.uid).localeCompare(String(b.uid)));

  const lost = new Map<string, Set<string>>();
  for (const l of whatIf.businessFunctionsLost) once(lost, l.organisation, () => new Set()).add(l.uid);
  // functionSupport counts, per organisation and function, the supporting applications and those "failed": here, exposed.
  const functions = functionSupport(landscape, uid => exposed.has(uid))
    .map(f => ({ organisation: f.organisation, uid: f.function, supportingApplications: f.supporting, exposedApplications: f.failed, lost: lost.get(f.organisation)?.has(f.function) ?? false }))
    .filter(f => f.exposedApplications > 0 || f.lost)
    .map(f => ({ organisation: f.organisation, uid: f.uid, name: nameOf(landscape, f.uid), supportingApplications: f.supportingApplications, exposedApplications: f.exposedApplications, lost: f.lost }));
  const lostPerOrganisation = new Map<string, number>();
  for (const l of whatIf.businessFunctionsLost) lostPerOrganisation.set(l.organisation, (lostPerOrganisation.get(l.organisation) ?? 0) + 1);

  return {
    rows,
    summary: {
      overall: { ...withShares(overall), businessFunctionsLost: whatIf.businessFunctionsLost.length },
      byOrganisation: [...byOrganisation].sort(([a], [b]) => a.localeCompare(b))
        .map(([organisation, t]) => ({ organisation, ...withShares(t), businessFunctionsLost: lostPerOrganisation.get(organisation) ?? 0 })),
      byBusinessFunction: functions.sort((a, b) => Number(b.lost) - Number(a.lost) || b.exposedApplications - a.exposedApplications || a.organisation.localeCompare(b.organisation) || a.name.localeCompare(b.name, 'nl')),
      // The preset what-if: every party in nonEuParties unavailable at once.
      nonEuParties: parties,
      applicationsFailed: whatIf.applicationsFailed,
      criticalApplicationsFailed: whatIf.criticalApplicationsFailed,
      businessFunctionsLost: whatIf.businessFunctionsLost,
    },
  };
}

export const SovereigntyParams = z.object({ organisation: Organisations, boundary: Boundary });

export const sovereigntyAnalysis: AnalysisDefinition<typeof SovereigntyParams> = {
  name: 'sovereignty',
  title: 'Digital sovereignty / Digitale soevereiniteit',
  description:
    'Applications that depend, through their hosting chain or their supplier (and its group), on a party under non-EU jurisdiction, each with the shortest chain that makes it exposed, ' +
    'personal data, criticality, business functions, contract value and exit readiness (exit plan, data portability, open standards on its interfaces, EU substitutes); ' +
    'per organisation the share of applications and contract value exposed; and the preset what-if "every non-EU party unavailable": the applications that fail and the business functions lost.',
  params: SovereigntyParams,
  async run(driver, params) {
    // Contract value, exit plans and data portability of the contracts that run today.
    const result = sovereignty(runningOn(await fetchSnapshot(driver, params.organisation, params.boundary), today()));
    // Impactful or high-risk algorithms (Algoritmeregister) on the exposed applications.
    return { ...result, summary: { ...result.summary, algorithmsOnExposed: await sensitiveAlgorithmsOn(driver, result.rows.map(row => String(row.uid))) } };
  },
};
