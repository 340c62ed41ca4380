// Supplier exposure and concentration (HHI, CR1, CR3). Definitions: server/analyses/README.md.
import { z } from 'zod';
import type { AnalysisDefinition, Row } from './types.js';
import { fetchLandscape, isCritical, type Landscape, platformChain, round, runningOn } from './landscape.js';
import { Organisations, today } from './params.js';
import { once } from '../once.js';
import { Boundary, fetchSnapshot } from './boundary.js';

export type Level = 'supplier' | 'group';
export type Band = 'unconcentrated' | 'moderate' | 'high';
export type Concentration = { total: number; entities: number; hhi: number | null; cr1: number | null; cr3: number | null; band: Band | null; largest: string | null };

/** HHI = Σ (share in %)² over entities, with shares of the sum of the measure over those entities. */
export function concentration(measures: Map<string, number>): Concentration {
  const positive = [...measures].filter(([, value]) => value > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = positive.reduce((sum, [, value]) => sum + value, 0);
  if (total === 0) return { total: 0, entities: 0, hhi: null, cr1: null, cr3: null, band: null, largest: null };
  const shares = positive.map(([, value]) => (value / total) * 100);
  const hhi = shares.reduce((sum, share) => sum + share * share, 0);
  return {
    total: round(total),
    entities: positive.length,
    hhi: round(hhi),
    cr1: round(shares[0]),
    cr3: round(shares.slice(0, 3).reduce((sum, share) => sum + share, 0)),
    band: band(hhi),
    largest: positive[0][0],
  };
}

export const band = (hhi: number): Band => (hhi < 1500 ? 'unconcentrated' : hhi <= 2500 ? 'moderate' : 'high');

type Entity = { uid: string; name: string; kind: 'Supplier' | 'SupplierGroup' };

/** The entity a supplier counts for at this level; a supplier without a group stands for itself. */
export function entityOf(landscape: Landscape, supplierUid: string, level: Level): Entity {
  const supplier = landscape.suppliers.get(supplierUid);
  if (level === 'group' && supplier?.group) return { uid: supplier.group, name: supplier.groupName ?? supplier.group, kind: 'SupplierGroup' };
  return { uid: supplierUid, name: supplier?.name ?? supplierUid, kind: 'Supplier' };
}

// Counts where an application can only be counted once (one scope visits each application once,
// and its entities are distinct); sets only for what several applications can share. The country
// has 342 × ~150 organisation–supplier tallies: a set per counter was most of this analysis' memory.
type Tally = { applications: number; critical: number; functions: Set<string>; platforms: Set<string>; contractValue: number };
const emptyTally = (): Tally => ({ applications: 0, critical: 0, functions: new Set(), platforms: new Set(), contractValue: 0 });

type Scope = { organisation: string; totals: Tally; entities: Map<string, Tally>; functions: Map<string, { applications: Map<string, number>; contractValue: Map<string, number> }> };

/**
 * Tallies per scope (each organisation, and '*' for all chosen organisations together). Without
 * `detail` only what the concentration needs (application counts and contract values per entity):
 * what-if asks for that of a whole rewritten country.
 */
function tally(landscape: Landscape, level: Level, detail: boolean): Scope[] {
  const scopes = new Map<string, Scope>();
  const scope = (organisation: string) => once(scopes, organisation, () => ({ organisation, totals: emptyTally(), entities: new Map(), functions: new Map() }));
  const entityTally = (s: Scope, uid: string) => once(s.entities, uid, emptyTally);
  const functionTally = (s: Scope, fn: string) => once(s.functions, fn, () => ({ applications: new Map(), contractValue: new Map() }));
  // Applications of one product share their supplier list (landscape.ts), so their entities are looked up once.
  const entityLists = new Map<string[], string[]>();
  const entitiesOf = (suppliers: string[]) => once(entityLists, suppliers, () => [...new Set(suppliers.map(uid => entityOf(landscape, uid, level).uid))]);

  for (const application of landscape.applications.values()) {
    const chain = detail ? platformChain(landscape, application) : [];
    const critical = isCritical(application);
    for (const s of [scope(application.organisation), scope('*')]) {
      s.totals.applications++;
      if (critical) s.totals.critical++;
      for (const entity of entitiesOf(application.suppliers)) {
        const t = entityTally(s, entity);
        t.applications++;
        if (critical) t.critical++;
        if (!detail) continue;
        for (const fn of application.functions) {
          t.functions.add(fn);
          const f = functionTally(s, fn);
          f.applications.set(entity, (f.applications.get(entity) ?? 0) + 1);
        }
      }
      if (!detail) continue;
      for (const fn of application.functions) s.totals.functions.add(fn);
      for (const platform of chain) {
        s.totals.platforms.add(platform);
        for (const entity of entitiesOf(landscape.platforms.get(platform)?.providers ?? [])) entityTally(s, entity).platforms.add(platform);
      }
    }
  }
  for (const contract of landscape.contracts) {
    const functions = detail ? new Set(contract.covers.flatMap(uid => landscape.applications.get(uid)?.functions ?? [])) : [];
    for (const s of [scope(contract.organisation), scope('*')]) {
      s.totals.contractValue += contract.annualValue;
      if (!contract.supplier) continue;
      const entity = entityOf(landscape, contract.supplier, level).uid;
      entityTally(s, entity).contractValue += contract.annualValue;
      for (const fn of functions) {
        const f = functionTally(s, fn);
        f.contractValue.set(entity, (f.contractValue.get(entity) ?? 0) + contract.annualValue);
      }
    }
  }
  return [...scopes.values()].sort((a, b) => a.organisation.localeCompare(b.organisation));
}

const share = (part: number, whole: number) => (whole > 0 ? round((part / whole) * 100) : 0);

export type ExposureSummary = {
  level: Level;
  byOrganisation: { organisation: string; applications: Concentration; contractValue: Concentration }[];
  byBusinessFunction: { organisation: string; function: string; name: string; applications: Concentration; contractValue: Concentration }[];
  overall: { organisations: string[]; applications: Concentration; contractValue: Concentration };
};

type Concentrations = Pick<ExposureSummary, 'byOrganisation' | 'overall'>;

/** HHI, CR1 and CR3 per organisation and across them, by application count and contract value: what what-if compares before and after. */
export function concentrations(landscape: Landscape, level: Level): Concentrations {
  return concentrationsOf(tally(landscape, level, false));
}

function concentrationsOf(scopes: Scope[]): Concentrations {
  const organisations = scopes.filter(s => s.organisation !== '*').map(s => s.organisation);
  const byOrganisation: ExposureSummary['byOrganisation'] = [];
  let overall: ExposureSummary['overall'] = { organisations, applications: concentration(new Map()), contractValue: concentration(new Map()) };
  for (const s of scopes) {
    const applications = concentration(new Map([...s.entities].map(([uid, t]) => [uid, t.applications])));
    const contractValue = concentration(new Map([...s.entities].map(([uid, t]) => [uid, t.contractValue])));
    if (s.organisation === '*') overall = { organisations, applications, contractValue };
    else byOrganisation.push({ organisation: s.organisation, applications, contractValue });
  }
  return { byOrganisation, overall };
}

/** Rows per organisation × supplier (or group), plus '*' rows across the chosen organisations when there are several. */
export function exposure(landscape: Landscape, level: Level): { rows: Row[]; summary: ExposureSummary } {
  const scopes = tally(landscape, level, true);
  const { byOrganisation, overall } = concentrationsOf(scopes);
  const organisations = overall.organisations;
  const rows: Row[] = [];
  const byBusinessFunction: ExposureSummary['byBusinessFunction'] = [];
  for (const s of scopes) {
    const all = s.organisation === '*';
    if (!all) {
      for (const [fn, f] of [...s.functions].sort((a, b) => a[0].localeCompare(b[0]))) {
        byBusinessFunction.push({ organisation: s.organisation, function: fn, name: landscape.names.get(fn)?.name ?? fn, applications: concentration(f.applications), contractValue: concentration(f.contractValue) });
      }
    }
    if (all && organisations.length < 2) continue;
    const { supplied, valued } = heldTogether(s);
    for (const [uid, t] of s.entities) {
      const supplier = level === 'supplier' ? landscape.suppliers.get(uid) : undefined;
      const entityName = level === 'group' && landscape.groups.has(uid) ? landscape.groups.get(uid)! : landscape.suppliers.get(uid)?.name ?? uid;
      rows.push({
        organisation: s.organisation,
        level,
        uid,
        name: entityName,
        group: level === 'supplier' ? supplier?.group ?? null : null,
        applications: t.applications,
        applicationsShare: share(t.applications, supplied),
        criticalApplications: t.critical,
        criticalApplicationsShare: share(t.critical, s.totals.critical),
        businessFunctions: t.functions.size,
        businessFunctionsShare: share(t.functions.size, s.totals.functions.size),
        platforms: t.platforms.size,
        platformsShare: share(t.platforms.size, s.totals.platforms.size),
        contractValue: round(t.contractValue),
        contractValueShare: share(t.contractValue, valued),
      });
    }
  }
  rows.sort((a, b) => String(a.organisation).localeCompare(String(b.organisation)) || (b.applications as number) - (a.applications as number) || (b.contractValue as number) - (a.contractValue as number) || String(a.uid).localeCompare(String(b.uid)));
  return { rows, summary: { level, byOrganisation, byBusinessFunction, overall } };
}

/**
 * What the suppliers of a scope hold together, the base of their shares: as HHI and CR1 count them
 * (concentration()), so the largest supplier's share is CR1 and the shares add up to 100 %. An
 * application without a supplier, or a contract without one, is in neither.
 */
function heldTogether(s: Scope): { supplied: number; valued: number } {
  let supplied = 0, valued = 0;
  for (const t of s.entities.values()) { supplied += t.applications; valued += t.contractValue; }
  return { supplied, valued };
}

/**
 * A supplier's shares of an organisation's applications and contract value, as the supplier page shows them (percent, one
 * decimal), and the amounts behind them: its applications and its contract value per year (absent in headlines recorded before).
 */
export type SupplierShare = { uid: string; name: string; applicationsShare: number; contractValueShare: number; applications?: number; contractValue?: number };

/** Per organisation, every supplier's shares (those with a share of either), the largest by contract value first. */
export function supplierShares(landscape: Landscape): Map<string, SupplierShare[]> {
  const byOrganisation = new Map<string, SupplierShare[]>();
  for (const s of tally(landscape, 'supplier', false)) {
    if (s.organisation === '*') continue;
    const { supplied, valued } = heldTogether(s);
    const shares = [...s.entities].map(([uid, t]): SupplierShare => ({
      uid, name: landscape.suppliers.get(uid)?.name ?? uid, applicationsShare: share(t.applications, supplied), contractValueShare: share(t.contractValue, valued),
      applications: t.applications, contractValue: round(t.contractValue),
    }));
    byOrganisation.set(s.organisation, shares
      .filter(entry => entry.applicationsShare > 0 || entry.contractValueShare > 0)
      .sort((a, b) => b.contractValueShare - a.contractValueShare || b.applicationsShare - a.applicationsShare || a.uid.localeCompare(b.uid)));
  }
  return byOrganisation;
}

export const SupplierExposureParams = z.object({
  organisation: Organisations,
  boundary: Boundary,
  level: z.preprocess(value => (value === undefined || value === '' ? undefined : value), z.enum(['supplier', 'group']).default('supplier'))
    .meta({ description: 'supplier or group (parent company) / leverancier of concern' }),
});

export const supplierExposure: AnalysisDefinition<typeof SupplierExposureParams> = {
  name: 'supplier-exposure',
  title: 'Supplier exposure and concentration / Leveranciersafhankelijkheid en concentratie',
  description:
    'Per supplier (or supplier group): applications, business-critical applications, business functions, hosted platforms and annual contract value, each with its share of the organisation total; ' +
    'HHI (sum of squared percentage shares, 0–10,000), CR1 and CR3 by contract value and by application count per organisation, per business function and across the chosen organisations.',
  params: SupplierExposureParams,
  async run(driver, params) {
    // Contract value of the contracts that run today: an ended one is no longer spent.
    return exposure(runningOn(await fetchSnapshot(driver, params.organisation, params.boundary), today()), params.level);
  },
};
