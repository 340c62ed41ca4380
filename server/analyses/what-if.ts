// What-if: remove a supplier or platform (or replace it with another) and compare. Definitions:
// README.md here. The "after" landscape is the snapshot rewritten in memory; nothing is written.
import { z } from 'zod';
import { InputError, NotFoundError } from '../errors.js';
import type { AnalysisDefinition, Row } from './types.js';
import { brokenInterfaces, dependants, failing, failingDirectly, kindOf, type Landscape, lostFunctions, nameOf, organisationNameOf, runningOn } from './landscape.js';
import { type Concentration, concentrations } from './supplier-exposure.js';
import { loadLockInWeights, type LockInWeights, lockInScoreValues, merge, shareDependantCounts, WeightsParam } from './lock-in.js';
import { OptionalDate, OptionalUid, Organisations, today, Uid } from './params.js';
import { once } from '../once.js';
import { breadthFirst } from './graph-algorithms.js';
import { algorithmsStopping } from './algorithms-stopping.js';
import { Boundary, fetchSnapshot } from './boundary.js';

const swap = (list: string[], from: string, to: string | undefined) => [...new Set(list.flatMap(uid => (uid === from ? (to ? [to] : []) : [uid])))];

/** `swap` once per distinct list: the snapshot shares lists between applications (landscape.ts), so the rewrite can too. */
function swapper(from: string, to: string | undefined) {
  const done = new Map<string[], string[]>();
  return (list: string[]) => once(done, list, () => swap(list, from, to));
}

/** `map` with `change` applied to the entries `touched` selects; the others are the snapshot's own objects. */
function changed<T>(map: Map<string, T>, touched: (value: T) => boolean, change: (value: T, uid: string) => T): Map<string, T> {
  // A loop, not new Map([...map].map(…)): that made two arrays of 150,000 pairs for the country.
  const result = new Map<string, T>();
  for (const [uid, value] of map) result.set(uid, touched(value) ? change(value, uid) : value);
  return result;
}

/**
 * The landscape without `remove` (or with `replaceWith` in its place): a supplier's SUPPLIES,
 * PROVIDES, contracts and substitute entries move to the replacement or disappear; a platform's
 * RUNS_ON edges move to the replacement or disappear. Only what names `remove` is copied: the
 * country has 150,000 applications, and copying them all made what-if the largest peak in memory.
 */
export function rewrite(landscape: Landscape, remove: string, replaceWith?: string): Landscape {
  const kind = kindOf(landscape, remove);
  const swapped = swapper(remove, replaceWith);
  if (kind === 'Supplier') {
    const suppliers = new Map(landscape.suppliers);
    suppliers.delete(remove);
    return {
      ...landscape,
      suppliers,
      applications: changed(landscape.applications, a => a.suppliers.includes(remove), a => ({ ...a, suppliers: swapped(a.suppliers) })),
      platforms: changed(landscape.platforms, p => p.providers.includes(remove), p => ({ ...p, providers: swapped(p.providers) })),
      contracts: landscape.contracts.flatMap(c => (c.supplier !== remove ? [c] : replaceWith ? [{ ...c, supplier: replaceWith }] : [])),
      names: changed(landscape.names, n => n.suppliers.includes(remove), n => ({ ...n, suppliers: swapped(n.suppliers) })),
    };
  }
  const platforms = changed(landscape.platforms, p => p.runsOn.includes(remove), (p, uid) => ({ ...p, runsOn: swap(p.runsOn, remove, replaceWith).filter(id => id !== uid) }));
  platforms.delete(remove);
  return {
    ...landscape,
    platforms,
    applications: changed(landscape.applications, a => a.platforms.includes(remove), a => ({ ...a, platforms: swapped(a.platforms) })),
  };
}

// The concentration of a snapshot before any change: the same for every what-if asked of it.
const concentrationBefore = new WeakMap<Landscape, ReturnType<typeof concentrations>>();
const concentrationOf = (landscape: Landscape) => once(concentrationBefore, landscape, () => concentrations(landscape, 'supplier'));

const pick = (c: Concentration) => ({ hhi: c.hhi, cr1: c.cr1, cr3: c.cr3, band: c.band, largest: c.largest });

/**
 * Lock-in of the affected applications and the concentrations once `remove` is gone. The rewritten
 * landscape and what lock-in derives from it (40 MB for the country's largest supplier) live only in
 * here: gone before the answer's 108,000 rows and 200,000 broken interfaces are built.
 */
function afterTheChange(landscape: Landscape, change: { remove: string; replaceWith?: string; asOf: string; weights: LockInWeights }, affected: string[]) {
  const after = rewrite(landscape, change.remove, change.replaceWith);
  shareDependantCounts(after, landscape);
  return { later: lockInScoreValues(after, change.weights, change.asOf, affected), hhiAfter: concentrations(after, 'supplier') };
}

/** The business functions an organisation loses (every supporting application failed), by organisation and uid. */
export function functionsLost(landscape: Landscape, failed: (uid: string) => boolean) {
  return lostFunctions(landscape, failed)
    .map(l => ({ organisation: l.organisation, organisationName: organisationNameOf(landscape, l.organisation), uid: l.function, name: nameOf(landscape, l.function), supportingApplications: l.supporting }))
    .sort((a, b) => a.organisation.localeCompare(b.organisation) || a.uid.localeCompare(b.uid));
}

/**
 * What-if for many at once, without replacements: every supplier, platform and supplier group in
 * `removed` is gone. The applications that fail with them (as what-if counts them: through hosting,
 * supply, group and dependencies) and the business functions that lose all support.
 */
export function unavailable(landscape: Landscape, removed: Iterable<string>): { failed: Set<string>; businessFunctionsLost: ReturnType<typeof functionsLost> } {
  const edges = dependants(landscape);
  const reached = breadthFirst(removed, id => edges.get(id));
  const failed = new Set<string>();
  for (const uid of reached.keys()) if (landscape.applications.has(uid)) failed.add(uid);
  return { failed, businessFunctionsLost: functionsLost(landscape, uid => failed.has(uid)) };
}

export function whatIf(landscape: Landscape, params: { remove: string; replaceWith?: string; asOf: string; weights: LockInWeights }) {
  const { remove, replaceWith, asOf, weights } = params;
  const kind = kindOf(landscape, remove);
  if (kind !== 'Supplier' && kind !== 'Platform') throw new NotFoundError(`No supplier or platform '${remove}' in the chosen organisations / Onbekende leverancier of platform '${remove}'`);
  if (replaceWith !== undefined) {
    const other = kindOf(landscape, replaceWith);
    if (!other) throw new NotFoundError(`No supplier or platform '${replaceWith}' / Onbekende vervanger '${replaceWith}'`);
    if (other !== kind) throw new InputError(`replaceWith must be a ${kind} like '${remove}', not a ${other} / vervanger moet van hetzelfde soort zijn`);
    if (replaceWith === remove) throw new InputError('replaceWith must differ from remove / vervanger moet anders zijn');
  }
  const reached = failing(landscape, dependants(landscape), remove);
  // Hit directly (supplied, hosted, running on it) or only through interfaces: said apart, as impact does.
  const direct = failingDirectly(landscape, dependants(landscape), remove);
  // Without a replacement every affected application fails: the reached map answers that, no copy needed.
  const failedNow = { has: (uid: string) => replaceWith === undefined && reached.has(uid) && landscape.applications.has(uid) };

  // Uids only, not [uid, reached] pairs: the country's largest supplier reaches 108,000 applications.
  const affected: string[] = [];
  for (const uid of reached.keys()) if (landscape.applications.has(uid)) affected.push(uid);
  const before = lockInScoreValues(landscape, weights, asOf, affected);
  const { later, hhiAfter } = afterTheChange(landscape, { remove, replaceWith, asOf, weights }, affected);
  const rows: Row[] = affected
    .map(uid => {
      const application = landscape.applications.get(uid)!;
      const lockInBefore = before.get(uid)!;
      const lockInAfter = later.get(uid)!;
      return { uid, name: application.name, organisation: application.organisation, criticality: application.criticality, hops: reached.get(uid)!.hops, direct: direct.has(uid), failed: failedNow.has(uid), lockInBefore, lockInAfter, lockInChange: Math.round((lockInAfter - lockInBefore) * 10) / 10 };
    })
    .sort((a, b) => a.hops - b.hops || a.uid.localeCompare(b.uid));

  const businessFunctionsLost = functionsLost(landscape, uid => failedNow.has(uid));
  const interfacesBroken = brokenInterfaces(landscape, uid => failedNow.has(uid));

  const hhiBefore = concentrationOf(landscape);
  const afterByOrganisation = new Map(hhiAfter.byOrganisation.map(o => [o.organisation, o]));
  const hhi = {
    byOrganisation: hhiBefore.byOrganisation.map(o => {
      const a = afterByOrganisation.get(o.organisation);
      return {
        organisation: o.organisation,
        before: { applications: pick(o.applications), contractValue: pick(o.contractValue) },
        after: a ? { applications: pick(a.applications), contractValue: pick(a.contractValue) } : null,
      };
    }),
    overall: {
      before: { applications: pick(hhiBefore.overall.applications), contractValue: pick(hhiBefore.overall.contractValue) },
      after: { applications: pick(hhiAfter.overall.applications), contractValue: pick(hhiAfter.overall.contractValue) },
    },
  };
  return {
    rows,
    summary: {
      remove: { uid: remove, kind, name: nameOf(landscape, remove) },
      replaceWith: replaceWith ? { uid: replaceWith, kind, name: nameOf(landscape, replaceWith) } : null,
      today: asOf,
      businessFunctionsLost,
      interfacesBroken,
      hhi,
    },
  };
}

export const WhatIfParams = z.object({
  remove: Uid('uid of the supplier or platform to remove, e.g. supplier:acme / te verwijderen leverancier of platform'),
  replaceWith: OptionalUid('uid of the supplier or platform that takes over / vervanger'),
  organisation: Organisations,
  boundary: Boundary,
  weights: WeightsParam,
  today: OptionalDate('Reference date for lock-in (default today) / Peildatum'),
});

export const whatIfAnalysis: AnalysisDefinition<typeof WhatIfParams> = {
  name: 'what-if',
  title: 'What if a supplier or platform goes / Wat als een leverancier of platform wegvalt',
  description:
    'Removes (or replaces) a supplier or platform: the applications that fail, the business functions that lose all support, the interfaces that break (an end or the intermediary fails), ' +
    'HHI by application count and contract value before and after, and the lock-in score before and after for every affected application.',
  params: WhatIfParams,
  async run(driver, params) {
    const asOf = params.today ?? today();
    // The HHI by contract value before and after counts the contracts that run on that day, as the supplier page does.
    const landscape = runningOn(await fetchSnapshot(driver, params.organisation, params.boundary), asOf);
    const result = whatIf(landscape, { remove: params.remove, replaceWith: params.replaceWith, asOf, weights: merge(await loadLockInWeights(driver), params.weights) });
    const failed = result.rows.filter(row => row.failed).map(row => String(row.uid));
    return { ...result, summary: { ...result.summary, algorithmsStopping: await algorithmsStopping(driver, failed) } };
  },
};
