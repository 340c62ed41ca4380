// A running contract's dates in one line, the same in the side panel and in what-if, and with the
// contract calendar's rule: only a contract that renews automatically has a notice deadline, and
// one past it renews ("opzegdatum verstreken (15-08-2026) · verlengt stilzwijgend op 15-12-2026"),
// it does not end; one without automatic renewal ends on its end date.
import { h } from './dom.js';
import { formatDate, t } from './i18n.js';

export type ContractDates = { end?: string | null; noticeDeadline?: string | null; renewed?: boolean | null };

/** The current term's dates in words; `today` by the Dutch clock. */
export function contractDates(contract: ContractDates, today: string): (Node | string)[] {
  const end = contract.end ?? '';
  const deadline = contract.noticeDeadline ?? '';
  if (end && end < today) return [h('span', { class: 'nowrap' }, t('panel.ended', { date: formatDate(end) }))];
  const parts: (Node | string)[] = [];
  // Renewed automatically already: the current term's end first ("verlengd tot …, opzeggen vóór …").
  if (contract.renewed) parts.push(h('span', { class: 'nowrap renewed' }, t('panel.renewedTo', { date: formatDate(end) })), ', ');
  if (deadline) {
    const passed = deadline < today;
    parts.push(passed
      ? h('strong', { class: 'notice nowrap overdue-text' }, t('panel.noticePassed', { date: formatDate(deadline) }))
      : h('span', { class: 'notice nowrap' }, t('panel.notice', { date: formatDate(deadline) })));
    if (!contract.renewed && end) parts.push(' · ', h('span', { class: 'nowrap' }, t('panel.renews', { date: formatDate(end) })));
  } else if (end) {
    parts.push(h('span', { class: 'nowrap' }, t('panel.ends', { date: formatDate(end) })));
  }
  return parts;
}
