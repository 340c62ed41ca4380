// Lock-in score per application and per supplier: 0–100, a weighted mean of normalised factors,
// each reported with its value, raw input, weight and contribution. Definitions: README.md here.
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { InputError } from '../errors.js';
import type { AnalysisDefinition, Row } from './types.js';
import { type ApplicationFact, fetchLandscape, isRunning, type Landscape, platformChain, round } from './landscape.js';
import { once } from '../once.js';
import { daysBetween, OptionalDate, Organisations, today } from './params.js';
import { currentTerm } from './contract-term.js';
import { fromRoot } from '../paths.js';
import { readSetting, updateSetting } from '../settings.js';
import { Boundary, fetchSnapshot } from './boundary.js';

export const FACTORS = [
  'closedInterfaces', 'noExitPlan', 'noDataPortability', 'remainingContractYears', 'autoRenewed',
  'supplierHosts', 'dependants', 'fewSubstitutes', 'outsideEu',
] as const;
export type Factor = (typeof FACTORS)[number];

const Weight = z.number().min(0).max(1000);
export const LockInWeights = z.strictObject({
  $comment: z.string().optional(),
  weights: z.strictObject(Object.fromEntries(FACTORS.map(factor => [factor, Weight])) as Record<Factor, typeof Weight>)
    .refine(weights => Object.values(weights).some(weight => weight > 0), 'at least one weight above 0'),
  remainingYearsCap: z.number().positive().max(100),
  dependantsCap: z.number().int().positive().max(100_000),
});
export type LockInWeights = z.infer<typeof LockInWeights>;

/** A partial override: only the weights or caps it names change. */
export const LockInOverride = z.strictObject({
  weights: z.strictObject(Object.fromEntries(FACTORS.map(factor => [factor, Weight.optional()])) as Record<Factor, z.ZodOptional<typeof Weight>>).optional(),
  remainingYearsCap: z.number().positive().max(100).optional(),
  dependantsCap: z.number().int().positive().max(100_000).optional(),
});
export type LockInOverride = z.infer<typeof LockInOverride>;

const defaultsFile = fromRoot('server', 'analyses', 'lock-in-weights.json');
/** The (:Setting) the admin endpoint stores weights in. */
const LOCK_IN_SETTING = 'lock-in-weights';

function readWeightsFile(path: string | URL): LockInWeights {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`Lock-in weights file ${String(path)} is not readable JSON: ${(error as Error).message}`);
  }
  const parsed = LockInWeights.safeParse(json);
  if (!parsed.success) throw new InputError(`Lock-in weights file ${String(path)}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The defaults: lock-in-weights.json, or the file named in ROER_LOCKIN_WEIGHTS instead. */
export function defaultLockInWeights(env: NodeJS.ProcessEnv = process.env): LockInWeights {
  return env.ROER_LOCKIN_WEIGHTS ? readWeightsFile(env.ROER_LOCKIN_WEIGHTS) : readWeightsFile(defaultsFile);
}

/**
 * What cached answers depend on besides the database: the defaults (their file can change while the
 * server runs), or a marker when the file is broken (lock-in reports that itself). Weights stored in
 * the database need no place here: storing them commits, and every answer is cached per database version.
 */
export function weightsCacheKey(): unknown {
  try {
    return defaultLockInWeights();
  } catch {
    return 'unreadable';
  }
}

type WeightsInForce = { weights: LockInWeights; about: { $source: string; $updatedBy?: string; $updatedAt?: string } };

async function weightsInForce(driver: Driver, env: NodeJS.ProcessEnv): Promise<WeightsInForce> {
  const stored = await readSetting(driver, LOCK_IN_SETTING);
  if (!stored) return { weights: defaultLockInWeights(env), about: { $source: env.ROER_LOCKIN_WEIGHTS ? `file ${env.ROER_LOCKIN_WEIGHTS}` : 'defaults' } };
  const parsed = LockInWeights.safeParse(stored.value);
  if (!parsed.success) throw new InputError(`Lock-in weights stored in the database: ${z.prettifyError(parsed.error)}`);
  return { weights: parsed.data, about: { $source: 'database', $updatedBy: stored.updatedBy, $updatedAt: stored.updatedAt } };
}

/** The weights in force: those stored with setLockInWeights (shared by every server on the database), else the defaults. */
export async function loadLockInWeights(driver: Driver, env: NodeJS.ProcessEnv = process.env): Promise<LockInWeights> {
  return (await weightsInForce(driver, env)).weights;
}

/** The weights in force with where they come from, in keys starting with `$` (which PUT ignores): GET /api/settings/lock-in-weights. */
export async function lockInWeightsSetting(driver: Driver, env: NodeJS.ProcessEnv = process.env): Promise<Record<string, unknown>> {
  const { weights, about } = await weightsInForce(driver, env);
  return { ...about, ...weights };
}

/** A PUT body: what GET answers, or any part of it; keys starting with `$` (comments, where the weights come from) are ignored. */
export const LockInWeightsUpdate = z.preprocess(
  value => (value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith('$'))) : value),
  LockInOverride,
);

/**
 * Stores new weights in the database for every server (admin endpoint): the body's weights and caps
 * over those in force; `null` forgets them, so the defaults apply again. A body that is not valid
 * throws the ZodError naming the field.
 */
export async function setLockInWeights(driver: Driver, body: unknown, by: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const update = body === null ? null : LockInWeightsUpdate.parse(body);
  await updateSetting(driver, LOCK_IN_SETTING, by, current => {
    if (update === null) return null;
    // Stored weights that no longer parse (edited by hand) give way to the defaults: a whole new set repairs them.
    const { $comment: _comment, ...merged } = merge(LockInWeights.safeParse(current).data ?? defaultLockInWeights(env), update);
    return merged;
  });
}

export function merge(base: LockInWeights, override: LockInOverride | undefined): LockInWeights {
  if (!override) return base;
  const weights = { ...base.weights };
  for (const [factor, weight] of Object.entries(override.weights ?? {})) if (weight !== undefined) weights[factor as Factor] = weight;
  const merged = { ...base, weights, remainingYearsCap: override.remainingYearsCap ?? base.remainingYearsCap, dependantsCap: override.dependantsCap ?? base.dependantsCap };
  if (!Object.values(weights).some(weight => weight > 0)) throw new InputError('Lock-in weights: at least one weight must be above 0');
  return merged;
}

export type FactorScore = { factor: Factor; value: number; raw: number | boolean | null; weight: number; contribution: number };
/** `exact` is the unrounded score, so a supplier's mean is not a mean of rounded numbers. */
export type LockInScore = { uid: string; score: number; exact: number; factors: FactorScore[] };

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

// What every score needs from the whole snapshot, each part computed once per (shared, immutable)
// list it is derived from: what-if's rewritten landscape keeps the snapshot's interfaces, so their
// tally is shared between "before" and "after" instead of being built again.
const interfacesMemo = new WeakMap<Landscape['interfaces'], Map<string, { open: number; total: number }>>();
const contractsMemo = new WeakMap<Landscape['contracts'], Map<string, Landscape['contracts']>>();
const dependantsMemo = new WeakMap<Landscape['applications'], Map<string, number>>();

function inputsOf(landscape: Landscape) {
  return {
    interfacesOf: once(interfacesMemo, landscape.interfaces, interfaceTally),
    contractsOf: once(contractsMemo, landscape.contracts, contractsByCovered),
    dependantsOf: once(dependantsMemo, landscape.applications, dependantCounts),
  };
}

/**
 * Lets `after` use the dependant counts of `before`: what-if's rewrite changes suppliers and
 * platforms, never which applications exist or what they depend on.
 */
export function shareDependantCounts(after: Landscape, before: Landscape): void {
  dependantsMemo.set(after.applications, once(dependantsMemo, before.applications, dependantCounts));
}

/** Per application (or platform): interfaces it is an end or intermediary of, and how many use an open standard. */
function interfaceTally(interfaces: Landscape['interfaces']) {
  const interfacesOf = new Map<string, { open: number; total: number }>();
  for (const i of interfaces) {
    for (const end of new Set([i.from, i.to, i.via])) {
      if (!end) continue;
      const entry = interfacesOf.get(end) ?? { open: 0, total: 0 };
      entry.total++;
      if (i.openStandard) entry.open++;
      interfacesOf.set(end, entry);
    }
  }
  return interfacesOf;
}

function contractsByCovered(contracts: Landscape['contracts']) {
  const contractsOf = new Map<string, Landscape['contracts']>();
  for (const contract of contracts) {
    for (const uid of contract.covers) {
      const list = contractsOf.get(uid);
      if (list) list.push(contract);
      else contractsOf.set(uid, [contract]);
    }
  }
  return contractsOf;
}

/** Per application: how many other applications depend on it directly. */
function dependantCounts(applications: Landscape['applications']) {
  const counts = new Map<string, number>();
  for (const application of applications.values()) {
    for (const other of new Set(application.dependsOn)) {
      if (other !== application.uid) counts.set(other, (counts.get(other) ?? 0) + 1);
    }
  }
  return counts;
}

/** Scores every application of the snapshot (or only those in `only`). */
export function lockInScores(landscape: Landscape, config: LockInWeights, asOf: string, only?: Iterable<string>): Map<string, LockInScore> {
  const { uids, total, rawOf } = scoring(landscape, config, asOf, only);
  const scores = new Map<string, LockInScore>();
  // Most factors take a handful of values (yes/no, small counts), so thousands of applications share
  // each factor entry: one object per distinct entry instead of nine per application (the country's
  // 150,000 rows shrink by about 150 MB). Answers are shared and never mutated, so sharing is safe.
  const distinct = new Map<string, FactorScore>();
  for (const uid of uids) {
    const raw = rawOf(uid);
    const factors = FACTORS.map(factor => {
      const weight = config.weights[factor];
      const { value, raw: input } = raw[factor];
      return once(distinct, `${factor}\u0000${value}\u0000${input}`, () => ({ factor, value: round(value, 4), raw: input, weight, contribution: round((100 * weight * value) / total, 2) }));
    });
    const exact = exactScore(raw, config, total);
    scores.set(uid, { uid, score: round(exact, 1), exact, factors });
  }
  return scores;
}

/**
 * The scores alone (rounded like LockInScore.score), without the factor breakdown: what-if compares
 * the score of every affected application before and after, 100,000 of them for the largest supplier.
 */
export function lockInScoreValues(landscape: Landscape, config: LockInWeights, asOf: string, only?: Iterable<string>): Map<string, number> {
  const { uids, total, rawOf } = scoring(landscape, config, asOf, only);
  return new Map(uids.map(uid => [uid, round(exactScore(rawOf(uid), config, total), 1)]));
}

/** What both score functions need: the applications to score and each one's factor values. */
function scoring(landscape: Landscape, config: LockInWeights, asOf: string, only?: Iterable<string>) {
  const { interfacesOf, contractsOf, dependantsOf } = inputsOf(landscape);
  const total = FACTORS.reduce((sum, factor) => sum + config.weights[factor], 0);
  const uids = only ? [...only].filter(uid => landscape.applications.has(uid)) : [...landscape.applications.keys()];
  const rawOf = (uid: string) => factorsOf(landscape, landscape.applications.get(uid)!, config, asOf, interfacesOf.get(uid), contractsOf.get(uid) ?? [], dependantsOf.get(uid) ?? 0);
  return { uids, total, rawOf };
}

const exactScore = (raw: ReturnType<typeof factorsOf>, config: LockInWeights, total: number) =>
  FACTORS.reduce((sum, factor) => sum + (100 * config.weights[factor] * raw[factor].value) / total, 0);

function factorsOf(
  landscape: Landscape, application: ApplicationFact, config: LockInWeights, asOf: string,
  interfaces: { open: number; total: number } | undefined, contracts: Landscape['contracts'], dependants: number,
): Record<Factor, { value: number; raw: number | boolean | null }> {
  // Loops rather than map/filter/Set: this runs for every application, twice per what-if.
  let remainingYears: number | null = null;
  let renewed = false;
  let noExit = true;
  let noPortability = true;
  for (const c of contracts) {
    // An ended contract no longer binds, nor does its exit plan help (Alarmering's ended one read "exit plan: yes").
    if (!isRunning(c, asOf)) continue;
    // The current term's end: a contract that renewed automatically runs on (contract-term.ts).
    const end = c.autoRenew && c.end < asOf ? (currentTerm(c, asOf)?.end ?? c.end) : c.end;
    remainingYears = Math.max(remainingYears ?? 0, daysBetween(asOf, end) / 365.25);
    if (c.autoRenew && c.noticeDeadline < asOf) renewed = true;
    if (c.exitPlan) noExit = false;
    if (c.dataPortability) noPortability = false;
  }
  const offering = suppliersOffering(landscape, application.referenceComponents);
  let ownOffering = 0;
  application.suppliers.forEach((supplier, index) => {
    if (offering.has(supplier) && application.suppliers.indexOf(supplier) === index) ownOffering++;
  });
  const alternatives = offering.size - ownOffering;
  const closed = interfaces ? (interfaces.total - interfaces.open) / interfaces.total : 0;
  const { hosts, outside } = hostingOf(landscape, application);
  return {
    closedInterfaces: { value: closed, raw: interfaces ? interfaces.total - interfaces.open : 0 },
    noExitPlan: { value: noExit ? 1 : 0, raw: noExit },
    noDataPortability: { value: noPortability ? 1 : 0, raw: noPortability },
    remainingContractYears: { value: remainingYears === null ? 0 : clamp01(remainingYears / config.remainingYearsCap), raw: remainingYears === null ? null : round(remainingYears, 2) },
    autoRenewed: { value: renewed ? 1 : 0, raw: renewed },
    supplierHosts: { value: hosts ? 1 : 0, raw: hosts },
    dependants: { value: clamp01(dependants / config.dependantsCap), raw: dependants },
    fewSubstitutes: { value: 1 / (1 + alternatives), raw: alternatives },
    outsideEu: { value: outside ? 1 : 0, raw: outside },
  };
}

const OUTSIDE_EU = new Set(['US', 'other']);
type Hosting = { hosts: boolean; outside: boolean };
// Per platform map, chain and supplier list: applications of one product share all three.
const hostingMemo = new WeakMap<Landscape['platforms'], WeakMap<string[], Map<string[], Hosting>>>();

/** Whether a supplier of the application also provides a platform it runs on, and whether one of those platforms is outside the EU. */
function hostingOf(landscape: Landscape, application: ApplicationFact): Hosting {
  const chain = platformChain(landscape, application);
  const bySuppliers = once(once(hostingMemo, landscape.platforms, () => new WeakMap()), chain, () => new Map<string[], Hosting>());
  return once(bySuppliers, application.suppliers, () => ({
    hosts: chain.some(platform => landscape.platforms.get(platform)?.providers.some(provider => application.suppliers.includes(provider))),
    outside: chain.some(platform => OUTSIDE_EU.has(landscape.platforms.get(platform)?.jurisdiction ?? 'NL')),
  }));
}

// Suppliers offering any of a set of reference components, per snapshot and set: a country has
// 150,000 applications but a few thousand sets, and a component can have hundreds of suppliers.
const offeringMemo = new WeakMap<Landscape, Map<string, Set<string>>>();
function suppliersOffering(landscape: Landscape, referenceComponents: string[]): Set<string> {
  const bySet = once(offeringMemo, landscape, () => new Map<string, Set<string>>());
  return once(bySet, referenceComponents.join('\u0000'), () => new Set(referenceComponents.flatMap(rc => landscape.names.get(rc)?.suppliers ?? [])));
}

/** Supplier score = mean over the applications it supplies (each application weighs one). */
export function supplierScores(landscape: Landscape, scores: Map<string, LockInScore>): Map<string, LockInScore & { applications: number }> {
  const bySupplier = new Map<string, LockInScore[]>();
  for (const application of landscape.applications.values()) {
    const score = scores.get(application.uid);
    if (!score) continue;
    for (const supplier of application.suppliers) {
      const list = bySupplier.get(supplier);
      if (list) list.push(score);
      else bySupplier.set(supplier, [score]);
    }
  }
  const result = new Map<string, LockInScore & { applications: number }>();
  for (const [supplier, list] of bySupplier) {
    const mean = (pick: (s: LockInScore) => number) => list.reduce((sum, s) => sum + pick(s), 0) / list.length;
    const factors = FACTORS.map((factor, index) => {
      const raws = list.map(s => s.factors[index].raw);
      const numeric = raws.filter((r): r is number => typeof r === 'number');
      const booleans = raws.filter((r): r is boolean => typeof r === 'boolean');
      return {
        factor,
        value: round(mean(s => s.factors[index].value), 4),
        // raw: the mean of numbers, or the share of applications for which a yes/no factor holds.
        raw: numeric.length > 0 ? round(numeric.reduce((a, b) => a + b, 0) / numeric.length, 2) : booleans.length > 0 ? round(booleans.filter(Boolean).length / booleans.length, 4) : null,
        weight: list[0].factors[index].weight,
        contribution: round(mean(s => s.factors[index].contribution), 2),
      };
    });
    const exact = mean(s => s.exact);
    result.set(supplier, { uid: supplier, score: round(exact, 1), exact, factors, applications: list.length });
  }
  return result;
}

/** The `weights` parameter: JSON text (query string) or an object. */
export const WeightsParam = z
  .preprocess(value => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }, LockInOverride.optional())
  .meta({ description: 'JSON overriding lock-in weights, e.g. {"weights":{"outsideEu":30}} / JSON met andere gewichten' });

export const LockInParams = z.object({
  organisation: Organisations,
  boundary: Boundary,
  level: z.preprocess(value => (value === undefined || value === '' ? undefined : value), z.enum(['application', 'supplier']).default('application'))
    .meta({ description: 'application or supplier / applicatie of leverancier' }),
  weights: WeightsParam,
  today: OptionalDate('Reference date for contract years and notice deadlines (default today) / Peildatum'),
});

const factorColumns = (factors: FactorScore[]) => Object.fromEntries(factors.map(f => [`${f.factor}Contribution`, f.contribution]));

const applicationRow = (landscape: Landscape, score: LockInScore): Row => {
  const application = landscape.applications.get(score.uid)!;
  return {
    uid: score.uid, name: application.name, organisation: application.organisation, criticality: application.criticality,
    suppliers: application.suppliers, score: score.score, ...factorColumns(score.factors), factors: score.factors,
  };
};

const supplierRow = (landscape: Landscape, score: LockInScore & { applications: number }): Row => ({
  uid: score.uid, name: landscape.suppliers.get(score.uid)?.name ?? score.uid, applications: score.applications,
  score: score.score, ...factorColumns(score.factors), factors: score.factors,
});

/**
 * The lock-in analysis' row for one application (scored within its organisation) or one supplier
 * (over every organisation), with today's date and the weights in force; null when the node has no
 * score (an application outside the snapshot, a supplier supplying nothing). Scores only what the
 * answer needs, on the cached snapshot: the details panel calls this for every click.
 */
export async function lockInOfNode(driver: Driver, uid: string, organisation: string | null): Promise<Row | null> {
  const config = await loadLockInWeights(driver);
  const asOf = today();
  if (organisation !== null) {
    const landscape = await fetchLandscape(driver, [organisation]);
    const score = lockInScores(landscape, config, asOf, [uid]).get(uid);
    return score ? applicationRow(landscape, score) : null;
  }
  const landscape = await fetchLandscape(driver, null);
  const supplied = [...landscape.applications.values()].filter(application => application.suppliers.includes(uid)).map(application => application.uid);
  const score = supplierScores(landscape, lockInScores(landscape, config, asOf, supplied)).get(uid);
  return score ? supplierRow(landscape, score) : null;
}

export const lockIn: AnalysisDefinition<typeof LockInParams> = {
  name: 'lock-in',
  title: 'Lock-in score / Leveranciersafhankelijkheid (lock-in)',
  description:
    'A 0–100 lock-in score per application or supplier: the weighted mean of closed interfaces, missing exit plan, missing data-portability clause, remaining contract years, ' +
    'auto-renewed contracts past their notice deadline, supplier also hosting, dependants, few substitutes and hosting outside the EU; every factor with value, raw input, weight and contribution.',
  params: LockInParams,
  async run(driver, params) {
    const landscape = await fetchSnapshot(driver, params.organisation, params.boundary);
    const config = merge(await loadLockInWeights(driver), params.weights);
    const asOf = params.today ?? today();
    const scores = lockInScores(landscape, config, asOf);
    const rows: Row[] = params.level === 'application'
      ? [...scores.values()].map(score => applicationRow(landscape, score))
      : [...supplierScores(landscape, scores).values()].map(score => supplierRow(landscape, score));
    rows.sort((a, b) => (b.score as number) - (a.score as number) || String(a.uid).localeCompare(String(b.uid)));
    return { rows, summary: { level: params.level, today: asOf, weights: config.weights, remainingYearsCap: config.remainingYearsCap, dependantsCap: config.dependantsCap } };
  },
};
