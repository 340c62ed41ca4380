// Data quality: findings as rows { check, severity, uid, name, detail }. Most checks are Cypher;
// "looks like a duplicate supplier" needs an edit distance, which plain Cypher lacks.
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { read } from '../neo4j.js';
import { query } from '../queries.js';
import type { AnalysisDefinition, Row } from './types.js';
import { OptionalDate, Organisations, today } from './params.js';
import { CATALOGUE_SOURCE } from '../../importers/load.js';
import { CLAIM_RULE_NAMES } from '../labels.js';

/** Levenshtein distance, giving up (returning max + 1) as soon as it must exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (current[j] < best) best = current[j];
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** Allowed edits for a name of this length: short names must match more closely. */
export const tolerance = (length: number) => (length < 5 ? 0 : length <= 10 ? 1 : 2);

type Supplier = { uid: string; name: string; normalizedName: string };

/** Pairs of suppliers with the same normalised name, or names within `tolerance` edits. */
export function duplicateSuppliers(suppliers: Supplier[]): { a: Supplier; b: Supplier; distance: number }[] {
  const sorted = [...suppliers].sort((x, y) => x.normalizedName.length - y.normalizedName.length || x.uid.localeCompare(y.uid));
  const pairs: { a: Supplier; b: Supplier; distance: number }[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    const allowed = tolerance(a.normalizedName.length);
    // Sorted by length: once the length gap exceeds the tolerance, no later name can match.
    for (let j = i + 1; j < sorted.length && sorted[j].normalizedName.length - a.normalizedName.length <= Math.max(allowed, 2); j++) {
      const b = sorted[j];
      const limit = Math.min(allowed, tolerance(b.normalizedName.length));
      // Names that differ only in their digits ("Regio 1", "Regio 2") are numbered siblings, not typos.
      if (a.normalizedName !== b.normalizedName && a.normalizedName.replace(/\d+/g, '#') === b.normalizedName.replace(/\d+/g, '#')) continue;
      const distance = editDistance(a.normalizedName, b.normalizedName, limit);
      if (distance <= limit) pairs.push(a.uid < b.uid ? { a, b, distance } : { a: b, b: a, distance });
    }
  }
  return pairs.sort((x, y) => x.a.uid.localeCompare(y.a.uid) || x.b.uid.localeCompare(y.b.uid));
}

/** A property of a shared node that sources assert differently (cypher/analyses/data-quality-claims.cypher). */
export type Conflict = { uid: string; name: string; label: string; property: string; winner: string; rule: 'catalogue' | 'first-source'; values: { source: string; value: string }[] };

/** The conflicts on the chosen organisations' shared nodes, or only on the nodes `uids` (a side panel); null: everything. */
export const conflicts = (driver: Driver, options: { organisations: string[] | null; uids?: string[] | null }) =>
  read<Conflict>(driver, query('analyses/data-quality-claims').text, { organisations: options.organisations, uids: options.uids ?? null, catalogue: CATALOGUE_SOURCE });

/** One conflict as a finding: both (all) values, and which is kept by which rule (server/analyses/README.md, data-quality). */
function conflictRow(conflict: Conflict): Row {
  const values = conflict.values.map(v => `${v.source} '${v.value}'`).join(' ≠ ');
  return {
    check: 'conflicting-claim', severity: 'warning', uid: conflict.uid, name: conflict.name, organisation: null,
    detail: `${conflict.label} ${conflict.property}: ${values}; kept: ${conflict.winner} (${CLAIM_RULE_NAMES[conflict.rule].en}) / Bronnen verschillen over ${conflict.property}; ${conflict.winner} geldt (${CLAIM_RULE_NAMES[conflict.rule].nl})`,
    other: null, label: conflict.label, property: conflict.property, values: conflict.values, winner: conflict.winner, rule: conflict.rule,
    // The values as a spreadsheet shows them (the people's XLSX/CSV leave `values` out for this).
    valuesNames: conflict.values.map(v => `${v.value} (${v.source})`),
  };
}

export const DataQualityParams = z.object({
  organisation: Organisations,
  today: OptionalDate('Reference date for which contracts have ended (default today) / Peildatum'),
});

export const dataQuality: AnalysisDefinition<typeof DataQualityParams> = {
  name: 'data-quality',
  title: 'Data quality / Datakwaliteit',
  description:
    'Applications without supplier or platform, contracts covering nothing, interfaces to unknown applications (a missing FROM or TO end), suppliers that look like duplicates ' +
    '(same normalised name or a small edit distance) and business-critical applications without a running contract (none covers it, or all that did have ended).',
  params: DataQualityParams,
  async run(driver, params) {
    const organisations = params.organisation;
    const [findings, suppliers, claims] = await Promise.all([
      read<Row>(driver, query('analyses/data-quality').text, { organisations, today: params.today ?? today() }),
      read<Supplier>(driver, query('analyses/data-quality-suppliers').text, { organisations }),
      conflicts(driver, { organisations }),
    ]);
    const duplicates: Row[] = duplicateSuppliers(suppliers).map(({ a, b, distance }) => ({
      check: 'duplicate-supplier',
      severity: distance === 0 ? 'warning' : 'info',
      uid: a.uid,
      name: a.name,
      organisation: null,
      detail: distance === 0
        ? `Same normalised name as ${b.uid} '${b.name}' / Zelfde genormaliseerde naam`
        : `Name within ${distance} edit(s) of ${b.uid} '${b.name}' / Lijkt op ${b.uid}`,
      other: b.uid,
      otherName: b.name,
    }));
    const rows: Row[] = [...findings.map(row => ({ ...row, other: null })), ...duplicates, ...claims.map(conflictRow)];
    const counts: Record<string, number> = {};
    for (const row of rows) counts[row.check as string] = (counts[row.check as string] ?? 0) + 1;
    return { rows, summary: { checks: counts, total: rows.length } };
  },
};
