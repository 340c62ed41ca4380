// A contract as a report names it: the model has no contract name, so its supplier and what it covers,
// with the id after it ("Grutto Software B.V. – Zaaksysteem (c-0018)"), and whether it has ended.
// Pure (the web UI bundles it).
import { formatDate } from '../format.js';
import { type ToActOn, type Urgency, urgencyOf } from '../analyses/contract-term.js';
import type { Language } from '../labels.js';
import type { ReportContract } from './report-data.js';
import { listWords, reportText } from './words.js';

type Named = Pick<ReportContract, 'id' | 'suppliers' | 'applications' | 'end' | 'autoRenew'> & Pick<Partial<ReportContract>, 'renewed' | 'contractEnd'> & { noticeDeadline?: string | null };

/** A contract whose end date lies before `today`. */
export const hasEnded = (contract: Pick<ReportContract, 'end'>, today: string): boolean => !!contract.end && contract.end < today;

/**
 * "Grutto Software B.V. – Berichtenbus en Zaaksysteem (c-0018)"; an ended one adds ", beëindigd op 06-07-2026"
 * (one that renews automatically: that its end date has passed, since the renewal is not recorded); one
 * given with its current term that renewed already says so, its end date being that term's.
 * `ofSupplier`: the supplier a report is about, left out of its own contracts' names (every row would repeat it).
 * `noticePassed: false` leaves ", opzegdatum verstreken" out where a status beside the name says it already.
 */
export function contractName(contract: Named, language: Language, today: string, ofSupplier?: string, { noticePassed = true } = {}): string {
  const name = contractTitle(contract, language, ofSupplier);
  // Still running but too late to give notice: a buyer has to act on it first. Only a contract that renews
  // by itself has a notice deadline (server/analyses/contract-term.ts); one that does not just ends.
  if (!hasEnded(contract, today)) {
    const renewed = contract.renewed && contract.contractEnd ? `, ${reportText(language, 'contract.renewed', { date: formatDate(contract.contractEnd, language) })}` : '';
    return !noticePassed || !contract.noticeDeadline || contract.noticeDeadline >= today ? `${name}${renewed}` : `${name}${renewed}, ${reportText(language, 'contract.noticePassed')}`;
  }
  return `${name}, ${reportText(language, contract.autoRenew ? 'contract.endPassed' : 'contract.ended', { date: formatDate(contract.end, language) })}`;
}

/**
 * "Grutto Software B.V. – Berichtenbus en Zaaksysteem (c-0018)", without whether it has ended: the name
 * a file keeps whatever day it is read (the ArchiMate export, which gives the end date beside it).
 */
export function contractTitle(contract: Pick<Named, 'id' | 'suppliers' | 'applications'>, language: Language, ofSupplier?: string): string {
  // Sorted: the graph gives a contract's suppliers and applications in no fixed order.
  const sorted = (names: string[] | null | undefined) => [...(names ?? [])].sort((a, b) => a.localeCompare(b, 'nl'));
  const suppliers = (contract.suppliers ?? []).filter(name => name !== ofSupplier);
  const parts = [listWords(sorted(suppliers), language), listWords(sorted(contract.applications), language)].filter(Boolean);
  return parts.length ? `${parts.join(' – ')} (${contract.id})` : contract.id;
}

/** A row of the contract calendar (one supplier, applications as objects) named as a report names its contract. */
export const calendarContractTitle = (row: { uid: string; name?: string; supplierName?: string | null; applications?: { name: string }[] }, language: Language, ofSupplier?: string): string =>
  contractTitle({ id: row.name ?? row.uid, suppliers: row.supplierName ? [row.supplierName] : [], applications: (row.applications ?? []).map(a => a.name) }, language, ofSupplier);

type Dated = Pick<ReportContract, 'uid' | 'end' | 'noticeDeadline' | 'critical'>;

/** A contract of a report as the calendar's urgency reads it; null without an end date (nothing to act by). */
export const termToActOn = (contract: Dated): ToActOn | null =>
  (contract.end ? { uid: contract.uid, end: contract.end, noticeDeadline: contract.noticeDeadline, critical: contract.critical === true } : null);

/** How soon a buyer acts on a contract of a report, as the contract calendar says it; null without an end date. */
export const contractUrgency = (contract: Dated, today: string): Urgency | null => {
  const term = termToActOn(contract);
  return term ? urgencyOf(term, today) : null;
};

/** Running contracts first, ended ones after them, each in the order they came. */
export const runningFirst = <T extends Pick<ReportContract, 'end'>>(contracts: T[], today: string): T[] =>
  [...contracts.filter(c => !hasEnded(c, today)), ...contracts.filter(c => hasEnded(c, today))];
