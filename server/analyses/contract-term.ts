// The contract's current term: the one function every place (contract calendar, side panel, report,
// lock-in, impact) uses to say until when a contract runs and when notice must be given.
//
// A contract with stilzwijgende verlenging (autoRenew) whose end date passed without notice has
// renewed: its current term ends on the end date rolled forward by the renewal period, as often as
// needed to reach the reference date. The model has no renewal-period field yet, so the domain's
// default applies: one year. The notice deadline is the current term's end minus the notice
// period in calendar months (clamped to the month's last day, as Neo4j does). A contract without
// automatic renewal has none: it ends on its end date whatever notice is given, so there is no
// deadline to meet or to miss (DOMAIN.md: the notice deadline is there so buyers act before a
// contract rolls over).
import { addMonths } from '../format.js';

/** Dates this close count as "soon": a quarter, the buyer's planning horizon (calendar, report). */
export const SOON_MONTHS = 3;

/**
 * How soon a buyer must act on a contract (the calendar's `urgency`; labels.ts CODE_NAMES has the
 * words), in ranks, most urgent first: to act on now ("⚠ Nu regelen", business-critical), the rest of
 * the quarter and the overdue, time left, ended. Within a rank the date to act by orders the rows:
 * ranked by status, a notice deadline 11 days away stood below an end 90 days away, and below overdue
 * contracts renewing in four months, which can no longer be cancelled in time. Here, not in the
 * calendar, because the web page marks the first rank too.
 */
export const URGENCY_RANKS = [['actNow', 'noticeNow', 'followUpNow'], ['endsSoon', 'noticePassed', 'noticeSoon'], ['noticeLater', 'endsLater'], ['ended']] as const;
export type Urgency = (typeof URGENCY_RANKS)[number][number];

/** A contract's current term as a buyer acts on it: `critical` when it covers a business-critical application. */
export type ToActOn = { uid: string; end: string; noticeDeadline: string | null; critical: boolean };

/**
 * A contract that renews automatically is acted on by its notice deadline: passed while it runs on, or
 * within a quarter, act now when it covers a business-critical application (it renews without a
 * decision), else it is marked but can wait its turn. One without automatic renewal has nothing to
 * cancel: it ends on its end date, and what follows (extend, re-tender or exit) must be arranged
 * before then; that is soon within a quarter. (Its notice period is not a lead time: the calendar, its answer, the side panel
 * and Wijzigingen all say such a contract has no notice deadline, so none of them counts one.)
 */
export function urgencyOf(contract: ToActOn, asOf: string): Urgency {
  const { end, noticeDeadline, critical } = contract;
  if (end < asOf) return 'ended';
  if (noticeDeadline === null) return end <= addMonths(asOf, SOON_MONTHS) ? (critical ? 'followUpNow' : 'endsSoon') : 'endsLater';
  if (noticeDeadline < asOf) return critical ? 'actNow' : 'noticePassed';
  if (noticeDeadline > addMonths(asOf, SOON_MONTHS)) return 'noticeLater';
  return critical ? 'noticeNow' : 'noticeSoon';
}

/** 0 for what to act on now, up to 3 for ended: the place of an urgency in URGENCY_RANKS. */
export const urgencyRank = (urgency: Urgency): number => URGENCY_RANKS.findIndex(rank => (rank as readonly Urgency[]).includes(urgency));

/**
 * Most urgent first (calendar and report alike), and within a rank by the date still ahead: past its notice
 * deadline, or without a notice to give, what counts is when it ends or renews.
 */
export function byUrgency(asOf: string): (a: ToActOn, b: ToActOn) => number {
  const due = (c: ToActOn) => (c.noticeDeadline === null || c.noticeDeadline < asOf ? c.end : c.noticeDeadline);
  return (a, b) => urgencyRank(urgencyOf(a, asOf)) - urgencyRank(urgencyOf(b, asOf)) || due(a).localeCompare(due(b)) || a.uid.localeCompare(b.uid);
}

/** Renewal period when the contract does not name one (DOMAIN.md: one year). */
export const RENEWAL_MONTHS = 12;

export type ContractDates = { end: string | null; noticeMonths?: number | null; autoRenew?: boolean | null };
export type ContractTerm = {
  /** End of the current term (YYYY-MM-DD): the contract's end date, or the renewed end. */
  end: string;
  /** The current term's end minus the notice period; null when the contract does not renew automatically. */
  noticeDeadline: string | null;
  /** True when the end date in the contract has passed and the contract renewed automatically. */
  renewed: boolean;
  /** The end date as written in the contract. */
  contractEnd: string;
};

/** The current term of a contract on `asOf` (YYYY-MM-DD); null when the contract has no end date. */
export function currentTerm(contract: ContractDates, asOf: string): ContractTerm | null {
  const contractEnd = contract.end ? String(contract.end).slice(0, 10) : '';
  if (!contractEnd) return null;
  let end = contractEnd;
  // Counted from the written end date each time, so 29 February does not drift to the 28th for good.
  for (let periods = 1; contract.autoRenew && end < asOf; periods++) end = addMonths(contractEnd, periods * RENEWAL_MONTHS);
  return { end, noticeDeadline: contract.autoRenew ? addMonths(end, -(contract.noticeMonths ?? 0)) : null, renewed: end !== contractEnd, contractEnd };
}

/**
 * A contract row with the dates of its current term: `end`, `noticeDeadline` and
 * `noticeDeadlinePassed` replaced, `renewed` and `contractEnd` (the written end date) added. Rows
 * without an end date come back unchanged.
 */
export function withCurrentTerm<T extends ContractDates>(row: T, asOf: string): T & { noticeDeadline?: string | null; noticeDeadlinePassed?: boolean; renewed?: boolean; contractEnd?: string } {
  const term = currentTerm(row, asOf);
  return term ? { ...row, ...term, noticeDeadlinePassed: term.noticeDeadline !== null && term.noticeDeadline < asOf } : row;
}
