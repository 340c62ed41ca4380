// Contract calendar: notice deadlines and end dates in a window of 6/12/24 months, overdue flagged,
// filters on business-critical or locked-in, ICS/CSV/XLSX downloads through the API.
import { csvFor, download, runAnalysis } from './api.js';
import type { Context } from './context.js';
import { dependencyHash } from './dependency-view.js';
import { errorText } from './errors.js';
import { clear, fill, h, keepTogether, message, sortableTable, svg } from './dom.js';
import { CODE_NAMES, valueName } from '../../server/labels.js';
import { URGENCY_RANKS } from '../../server/analyses/contract-term.js';
import { calendarContractTitle } from '../../server/reports/contract-name.js';
import { critLabel, formatDate, formatMonth, formatMoney, formatNumber, language, type MessageKey, t, tn } from './i18n.js';
import { names, num, pick, rowUid, str } from './rows.js';
import { trendPanel } from './trend.js';
import type { Row } from './types.js';
import { dutchDay } from '../../server/format.js';

let months: number | 'quarter' = 12;
let onlyCritical = false;
let onlyLocked = false;
const LOCKED_IN = 50;

export const addMonths = (date: Date, n: number) => {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(date.getUTCDate(), last));
  return d;
};
const iso = (date: Date) => date.toISOString().slice(0, 10);
/** The last day of `date`'s quarter (31-03, 30-06, 30-09 or 31-12). */
export const quarterEnd = (date: Date) => new Date(Date.UTC(date.getUTCFullYear(), Math.floor(date.getUTCMonth() / 3) * 3 + 3, 0));

const applicationsOf = (row: Row): Row[] => {
  const list = pick(row, 'applications', 'covers', 'coveredApplications');
  return Array.isArray(list) ? list.map(item => (item && typeof item === 'object' ? (item as Row) : { name: item })) : [];
};
const noticeOf = (row: Row) => str(pick(row, 'noticeDeadline', 'notice', 'noticeDate'));
/** Past its notice deadline as the server says (only a contract that renews automatically can be). */
const isOverdue = (row: Row) => row.overdue === true || row.noticeDeadlinePassed === true;
/** Without automatic renewal there is nothing to cancel: the end date is the one to act on. */
const renews = (row: Row) => row.autoRenew === true;
const daysToNotice = (row: Row) => num(pick(row, 'daysToNoticeDeadline', 'daysLeft', 'daysToNotice'));
/** The date a buyer acts on: the notice deadline of a contract that renews, the end date of one that ends. */
/** "Grutto Software B.V. – Persoonsregistratie (c-0001)", as the reports name it; without `supplier` where a column gives it. */
const contractLabel = (row: Row, supplier?: string) =>
  calendarContractTitle({ uid: rowUid(row), name: str(pick(row, 'name', 'id', 'contract')) || undefined, supplierName: str(row.supplierName) || null, applications: applicationsOf(row).map(a => ({ name: str(pick(a, 'name', 'uid')) })) }, language(), supplier);

/** Rows to act on now: they cover business-critical applications and their date to act by has passed or is within a quarter. */
const NOW = new Set<string>(URGENCY_RANKS[0]);
const actsNow = (row: Row) => NOW.has(str(row.urgency));

/** A counted phrase that has its own words for none. */
const counted = (base: 'calendar.answer.overdue' | 'calendar.answer.actNow', n: number) => (n === 0 ? t(`${base}.zero` as MessageKey) : tn(base, n));

/**
 * The answer above the table: how many contracts can still be cancelled (they renew automatically) and
 * how many end and need what follows arranged, how many renewing ones are past their notice deadline
 * already (too late to cancel: counted apart, not among those to cancel), and how many of all cover
 * business-critical applications (act now).
 */
function answer(rows: Row[], to: string): string {
  const when = months === 'quarter' ? t('calendar.answer.quarter', { to: formatDate(to) }) : t('calendar.answer.months', { n: months, to: formatDate(to) });
  const running = rows.filter(row => row.urgency !== 'ended');
  const overdue = running.filter(row => row.urgency === 'actNow' || row.urgency === 'noticePassed').length;
  const notice = running.filter(renews).length - overdue, ending = running.filter(row => !renews(row)).length;
  const what = [notice ? tn('calendar.answer.notice', notice) : '', ending ? tn('calendar.answer.ending', ending) : ''].filter(Boolean).join(t('calendar.answer.and'));
  const actNow = rows.filter(actsNow).length;
  return (what ? t('calendar.answer.lead', { when, what }) : t('calendar.answer.none', { when }))
    + (running.some(renews) ? counted('calendar.answer.overdue', overdue) : '') + counted('calendar.answer.actNow', actNow);
}

/**
 * Days to the date that counts, in words: to the notice deadline of a contract that renews
 * ("Nog 23 dagen om op te zeggen", "Opzegdatum verstreken: 13 dagen geleden"), to the end of one that
 * does not ("Loopt af over 4 dagen").
 */
function daysInWords(row: Row): string {
  if (!renews(row)) {
    const days = num(row.daysToEnd);
    if (days === undefined) return '';
    if (days < 0) return tn('calendar.days.ended', -days);
    return days === 0 ? t('calendar.days.endsToday') : tn('calendar.days.ends', days);
  }
  const days = daysToNotice(row);
  if (days === undefined) return '';
  if (days < 0) return tn('calendar.days.passed', -days);
  return days === 0 ? t('calendar.days.today') : tn('calendar.days.left', days);
}

/** The renewal clause, or the renewal that already happened: "stilzwijgend verlengd" said either. */
function renewalInWords(row: Row): string {
  if (row.renewed === true && row.contractEnd) return t('calendar.renewal.renewed', { date: formatDate(row.contractEnd) });
  return row.autoRenew ? t('calendar.renewal.auto') : t('calendar.renewal.none');
}

/**
 * The row's status in words (the server's urgency, labels.ts) and what happens next: a contract that
 * ends needs its follow-up arranged before its end date; one past its notice deadline renews.
 */
function statusCell(row: Row): HTMLElement {
  const urgency = str(row.urgency);
  const next = urgency === 'ended' ? '' : !renews(row) ? t('calendar.then.ends', { date: formatDate(row.end) }) : urgency === 'actNow' || urgency === 'noticePassed' ? t('calendar.then.renews', { date: formatDate(row.end) }) : '';
  const now = actsNow(row);
  return h('span', { class: `status status-${urgency}` }, h('strong', {}, now ? '⚠ ' : '', valueName(CODE_NAMES, urgency, language())), next ? h('span', { class: 'status-next' }, keepTogether(next)) : '');
}

/** Today in the Netherlands, as a date at midnight UTC for the month arithmetic above. */
export const todayAsDate = () => new Date(`${dutchDay()}T00:00:00Z`);

/** "roer-contracten-kwartaal.ics", "roer-contracten-12-maanden.xlsx": the window in the name, so two downloads do not overwrite each other (download() adds the day). */
const fileName = (extension: string) => `${t('calendar.file')}-${months === 'quarter' ? t('calendar.file.quarter') : t('calendar.file.months', { n: months })}.${extension}`;

export async function renderCalendar(root: HTMLElement, ctx: Context): Promise<void> {
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  const today = todayAsDate();
  const window = () => ({ from: iso(today), to: iso(months === 'quarter' ? quarterEnd(today) : addMonths(today, months)) });
  // The filters go to the server, so the page and its downloads hold the same contracts.
  const params = () => ({ organisation: ctx.organisations(), ...window(), critical: onlyCritical || undefined, minLockIn: onlyLocked ? LOCKED_IN : undefined });
  root.append(
    h('h1', {}, t('calendar.heading')),
    h('form', { class: 'toolbar', onsubmit: (e: Event) => e.preventDefault() },
      h('fieldset', {}, h('legend', {}, t('calendar.window')),
        (['quarter', 6, 12, 24] as const).map(n => h('label', { class: 'check' }, h('input', { type: 'radio', name: 'window', value: n, checked: n === months, onchange: () => { months = n; void load(); } }), ' ', n === 'quarter' ? t('calendar.quarter') : t('calendar.months', { n })))),
      h('fieldset', {}, h('legend', {}, t('explorer.filters')),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'only-critical', checked: onlyCritical, onchange: (e: Event) => { onlyCritical = (e.target as HTMLInputElement).checked; void load(); } }), ' ', t('calendar.onlyCritical')),
        h('label', { class: 'check' }, h('input', { type: 'checkbox', id: 'only-locked', checked: onlyLocked, onchange: (e: Event) => { onlyLocked = (e.target as HTMLInputElement).checked; void load(); } }), ' ', t('calendar.onlyLocked'))),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', id: 'download-ics', onclick: () => void download('/api/analyses/contract-calendar', { ...params(), format: 'ics', lang: language() }, fileName('ics')) }, t('calendar.ics')),
        h('button', { type: 'button', id: 'download-csv', onclick: () => void download('/api/analyses/contract-calendar', { ...params(), ...csvFor(language()) }, fileName('csv')) }, t('calendar.csv')),
        h('button', { type: 'button', id: 'download-xlsx', onclick: () => void download('/api/analyses/contract-calendar', { ...params(), format: 'xlsx', lang: language() }, fileName('xlsx')) }, t('calendar.xlsx')))),
    body);

  const trend = trendPanel(ctx, ['noticeCount'], 'calendar-trend');
  async function load(): Promise<void> {
    let rows: Row[];
    try {
      rows = (await runAnalysis('contract-calendar', params())).rows;
    } catch (error) {
      fill(body, message(errorText(error), 'error'));
      return;
    }
    // The server orders the rows most urgent first; the status column sorts by that order.
    const rank = new Map(rows.map((row, index) => [row, index]));
    fill(body,
      h('p', { id: 'calendar-answer', class: 'answer' }, answer(rows, window().to)),
      h('p', { id: 'calendar-count', role: 'status' }, t('calendar.count', { n: formatNumber(rows.length), from: formatDate(window().from), to: formatDate(window().to) })),
      h('p', { class: 'hint', id: 'calendar-count-definition' }, t('calendar.countDefinition')),
      timeline(rows, window(), iso(today)),
      await trend,
      sortableTable<Row>({
        id: 'calendar-table',
        caption: t('calendar.heading'),
        rows,
        sortKey: 'status',
        descending: false,
        rowAttrs: row => ({ class: [isOverdue(row) ? 'overdue' : '', actsNow(row) ? 'act-now' : ''].join(' ').trim() || undefined, 'data-uid': rowUid(row), 'data-urgency': str(row.urgency) || undefined }),
        columns: [
          { key: 'status', label: t('calendar.col.status'), value: r => rank.get(r) ?? 0, render: statusCell },
          // A link to the contract's dependency view: what it covers and what depends on that.
          { key: 'contract', label: t('calendar.col.contract'), value: r => contractLabel(r, str(r.supplierName) || undefined), render: r => h('a', { href: dependencyHash(rowUid(r)) }, keepTogether(contractLabel(r, str(r.supplierName) || undefined))) },
          { key: 'supplier', label: t('calendar.col.supplier'), value: r => names(pick(r, 'supplierName', 'supplier', 'suppliers')).join(', ') },
          { key: 'notice', label: t('calendar.col.notice'), value: r => (renews(r) ? noticeOf(r) : ''), render: r => (renews(r) ? formatDate(noticeOf(r)) : h('span', { class: 'hint' }, t('calendar.notice.none'))) },
          { key: 'end', label: t('calendar.col.end'), value: r => str(r.end), render: r => formatDate(r.end) },
          { key: 'days', label: t('calendar.col.days'), value: r => num(renews(r) ? daysToNotice(r) : r.daysToEnd), render: daysInWords },
          { key: 'autoRenew', label: t('calendar.col.autoRenew'), value: r => renewalInWords(r) },
          { key: 'applications', label: t('calendar.col.applications'), value: r => applicationsOf(r).map(a => str(pick(a, 'name', 'uid'))).join(', '),
            render: r => h('span', {}, applicationsOf(r).map((a, i) => h('span', {}, i ? ', ' : '', a.uid ? h('a', { href: dependencyHash(str(a.uid)) }, str(pick(a, 'name', 'uid'))) : str(pick(a, 'name')), a.criticality ? h('span', { class: `crit crit-${str(a.criticality)}` }, ` (${critLabel(a.criticality)})`) : ''))) },
          { key: 'value', label: t('calendar.col.value'), value: r => num(r.annualValue), render: r => formatMoney(r.annualValue), numeric: true },
        ],
      }),
    );
  }
  await load();
}

/** Shortened to `max` characters, the "(c-0001)" at the end kept: the id is what a buyer looks up. */
function shorten(label: string, max: number): string {
  if (label.length <= max) return label;
  const id = / \([^()]*\)$/.exec(label)?.[0] ?? '';
  return `${label.slice(0, max - id.length - 1).trimEnd()}…${id}`;
}

/** Lines the timeline draws at most; the table lists every contract. */
const TIMELINE_ROWS = 60;

/**
 * One line per contract, in the table's order: ● notice deadline (red when passed) of a contract that renews
 * automatically, ■ end date, and a "today" marker. A contract without automatic renewal has no notice deadline to show.
 */
function timeline(rows: Row[], window: { from: string; to: string }, today: string): SVGElement | HTMLElement {
  if (rows.length === 0) return h('p', { class: 'hint' }, t('common.none'));
  // In the table's order (most urgent first, server/analyses/contract-term.ts): ordered by date, the chart put an
  // overdue renewal months away above a business-critical deadline in 23 days, and its cut kept the wrong ones.
  const sorted = rows.slice(0, TIMELINE_ROWS);
  const dates = sorted.flatMap(r => [renews(r) ? noticeOf(r) : '', str(r.end)]).filter(Boolean);
  const start = [window.from, ...dates].sort()[0];
  const end = [window.to, ...dates].sort().at(-1)!;
  const t0 = Date.parse(start), t1 = Math.max(Date.parse(end), t0 + 86_400_000);
  const left = 330, width = 1000, rowHeight = 18, top = 24;
  const x = (date: string) => left + ((Date.parse(date) - t0) / (t1 - t0)) * (width - left - 20);
  const chart = svg('svg', { viewBox: `0 0 ${width} ${top + sorted.length * rowHeight + 10}`, width: '100%', role: 'img', 'aria-label': t('calendar.timeline'), class: 'timeline', id: 'calendar-timeline' });
  // Month ticks; labels thinned so they never overlap.
  const monthsShown = Math.ceil((t1 - t0) / (30 * 86_400_000));
  const every = Math.max(1, Math.ceil(monthsShown / 12));
  let tick = 0;
  for (let d = new Date(`${start.slice(0, 7)}-01T00:00:00Z`); d.getTime() <= t1; d = addMonths(d, 1)) {
    const text = iso(d);
    if (Date.parse(text) < t0 || tick++ % every !== 0) continue;
    chart.append(svg('line', { x1: x(text), x2: x(text), y1: top - 6, y2: top + sorted.length * rowHeight, stroke: '#e3e6ea' }),
      svg('text', { x: x(text) + 2, y: top - 10, 'font-size': 10, fill: '#555' }, formatMonth(text)));
  }
  chart.append(svg('line', { x1: x(today), x2: x(today), y1: top - 6, y2: top + sorted.length * rowHeight, stroke: '#000', 'stroke-dasharray': '3 2' }),
    svg('text', { x: x(today) + 3, y: top + sorted.length * rowHeight + 9, 'font-size': 10 }, t('calendar.today')));
  sorted.forEach((row, index) => {
    const y = top + index * rowHeight + rowHeight / 2;
    const notice = renews(row) ? noticeOf(row) : '';
    const overdue = isOverdue(row);
    // What it covers and its id, as the reports name it, shortened; the supplier too on hover.
    const label = contractLabel(row);
    // The ones to act on now marked ⚠ and bold, as in the table; bold letters are wider, so the name is shorter.
    const now = actsNow(row);
    const name = now ? `⚠ ${shorten(contractLabel(row, str(row.supplierName) || undefined), 44)}` : shorten(contractLabel(row, str(row.supplierName) || undefined), 52);
    chart.append(svg('g', {}, svg('title', {}, label), svg('text', { x: left - 8, y: y + 4, 'text-anchor': 'end', 'font-size': 11, ...(now ? { 'font-weight': 'bold' } : {}) }, name)));
    if (notice && row.end) chart.append(svg('line', { x1: x(notice), x2: x(str(row.end)), y1: y, y2: y, stroke: '#9aa3ad', 'stroke-width': 2 }));
    if (notice) chart.append(svg('circle', { cx: x(notice), cy: y, r: 5, fill: overdue ? '#c00000' : '#E69F00', stroke: '#000', 'stroke-width': 0.5 }, svg('title', {}, `${label}: ${t('calendar.legend.notice')} ${formatDate(notice)}${overdue ? ` (${t('calendar.overdue')})` : ''}`)));
    if (row.end) chart.append(svg('rect', { x: x(str(row.end)) - 4, y: y - 4, width: 8, height: 8, fill: '#0072B2' }, svg('title', {}, `${label}: ${t('calendar.legend.end')} ${formatDate(row.end)}`)));
  });
  return h('figure', { class: 'timeline-box' }, chart,
    h('figcaption', {}, h('span', { class: 'dot notice' }), ` ${t('calendar.legend.notice')} `, h('span', { class: 'dot overdue' }), ` ${t('calendar.overdue')} `, h('span', { class: 'dot end' }), ` ${t('calendar.legend.end')}`,
      sorted.some(actsNow) ? h('span', { class: 'legend-now' }, ` ${t('calendar.legend.now')}`) : '',
      // Said, not left to be noticed: the table holds them all.
      rows.length > sorted.length ? h('span', { id: 'calendar-timeline-cut', class: 'hint' }, ` · ${t('calendar.timelineCut', { shown: formatNumber(sorted.length), total: formatNumber(rows.length) })}`) : ''));
}
