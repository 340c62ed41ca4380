// Lines on the changes page that say what a number is compared with and why it moved: the first measurement
// when none was recorded at the chosen moment, the date lock-in is counted on, and a notice deadline passed.
import { h } from './dom.js';
import { formatDate, formatDateTime, t } from './i18n.js';

type Measured = { at: string; meanLockIn: number | null };
type Change = { before: Measured | null; after: Measured | null; baseline?: 'since' | 'first' | null };

/** "Vergeleken met de eerste meting (03-12-2026 23:51): …" when nothing was recorded at the chosen moment. */
export function baselineLine(change: Change): HTMLElement | null {
  if (change.baseline !== 'first' || !change.before) return null;
  return h('p', { class: 'hint', id: 'changes-baseline' }, t('changes.baselineFirst', { when: formatDateTime(change.before.at) }));
}

/**
 * Lock-in counts the years a contract still runs, from the day it is measured: measured on another day,
 * the mean moves without any change in the data. Says so when the mean moved between two days.
 */
export function lockInDateLine(change: Change): HTMLElement | null {
  const { before, after } = change;
  if (!before || !after || typeof before.meanLockIn !== 'number' || typeof after.meanLockIn !== 'number') return null;
  const [from, to] = [before.at.slice(0, 10), after.at.slice(0, 10)];
  if (from === to || before.meanLockIn.toFixed(1) === after.meanLockIn.toFixed(1)) return null;
  return h('p', { class: 'hint', id: 'changes-lockin-date' }, t('changes.lockInDate', { before: formatDate(from), after: formatDate(to) }));
}

/** " — opzeggen vóór 26-07-2026", or " — opzegdatum verstreken (29-06-2026)" once that day has passed. */
export function noticeExtra(item: { noticeDeadline?: string }, today = new Date().toISOString().slice(0, 10)): string {
  if (!item.noticeDeadline) return '';
  const date = formatDate(item.noticeDeadline);
  return ` — ${item.noticeDeadline < today ? t('changes.noticePassed', { date }) : t('changes.noticeBy', { date })}`;
}
