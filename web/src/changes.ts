// What changed since a date or an import (GET /api/changes): first the sentence and the numbers a
// person acts on (new single points of failure, contracts that entered their notice window, HHI before
// → after, what moved in the Kwetsbare punten top 10), then a small trend chart of the organisation's
// headline numbers over the runs (GET /api/trends), then per table what was added, changed (field by
// field) and removed.
import { getJson } from './api.js';
import type { Context } from './context.js';
import { fill, h, message, sortableTable, svg } from './dom.js';
import { sourceName } from './data-quality-words.js';
import { dependencyHash } from './dependency-view.js';
import { orgName } from './organisations.js';
import { type TrendKey, TREND_METRICS, trendMetric, trendValue } from '../../server/reports/trend.js';
import { formatDate, formatDateTime, formatNumber, language, t, tn, type MessageKey } from './i18n.js';
import { kindNoun } from '../../server/labels.js';
import { CHANGE_TABLES as TABLES, fieldLine, supplierMoveText, wroteTableRows } from '../../server/reports/change-words.js';
import { listWords } from '../../server/reports/words.js';
import { trendFigures } from './trend.js';
import { errorText } from './errors.js';
import { contractName } from '../../server/reports/contract-name.js';
import type { NamedContract } from '../../server/analyses/changes-names.js';
import type { FieldChange, RankingMove, RankingMoves, SupplierMove } from '../../server/analyses/changes.js';
import type { RankedPoint } from '../../server/analyses/single-points-of-failure.js';
import { type ChangesRun, baselineLine, lockInDateLine, noticeExtra, runChangedSomething, runKind, runLine, untrackedRuns } from './changes-words.js';
import { dutchDay } from '../../server/format.js';
import { todayAsDate } from './calendar.js';

type Item = { uid: string; name: string; organisation?: string | null; noticeDeadline?: string; end?: string; contract?: NamedContract; fields?: FieldChange[]; move?: SupplierMove; point?: RankedPoint; rankMove?: RankingMove };
type Headline = { runId: string; source: string | null; at: string; applications: number; hhi: number | null; cr3: number | null; hhiValue: number | null; cr3Value: number | null; spofCount: number; meanLockIn: number | null; noticeCount: number; sovereigntyShare?: number | null; commonGroundScore?: number | null; spofs?: Item[]; notice?: Item[] };
type HeadlineChange = { organisation: string; before: Headline | null; baseline?: 'since' | 'first' | null; after: Headline | null; entered: { spofs: Item[]; notice: Item[] }; left: { spofs: Item[]; notice: Item[] }; ended?: Item[]; suppliers?: SupplierMove[]; ranking?: RankingMoves | null };
type TableChanges = { added: number; changed: number; removed: number; items: { added: Item[]; changed: Item[]; removed: Item[] } };
/** A bound of the period: when, the run it is, or the day asked (a day in the Netherlands). */
type Moment = { at: string; runId: string | null; day?: string };
type Changes = { since: Moment; until?: Moment | null; runs: ChangesRun[]; complete: boolean; tables: Record<string, TableChanges>; headlines: HeadlineChange[] };
type Run = { runId: string; source: string; startedAt?: string; finishedAt: string | null; status: string; unchangedSince?: string | null };

/** The default: the last quarter ("has our exposure grown since last quarter?"). */
const quarterAgo = () => {
  const date = todayAsDate();
  date.setUTCMonth(date.getUTCMonth() - 3);
  return date.toISOString().slice(0, 10);
};
let since = '';
let until = '';

export async function renderChanges(root: HTMLElement, ctx: Context): Promise<void> {
  since = ctx.params().get('since') ?? (since || quarterAgo());
  until = ctx.params().get('until') ?? (ctx.params().has('since') ? '' : until);
  const chosen = ctx.organisations();
  const organisation = chosen.length === 1 ? chosen[0] : undefined;
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  const runs = await getJson<Run[]>('/api/imports', { limit: 30 }).catch(() => [] as Run[]);
  const dateInput = h('input', { type: 'date', id: 'changes-since', value: /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : '' });
  // Two readings of "since an import": what it changed (from its start up to and including it), or what came after it.
  const usable = runs.filter(runChangedSomething);
  // Each option stands alone once chosen (the select no longer shows its group): "Wat de import van … veranderde · Gemeente Roerdam (demo)".
  const runLabel = (run: Run) => ({ when: formatDateTime(run.finishedAt), source: sourceName(run.source) });
  const runSelect = h('select', { id: 'changes-run', 'aria-label': t('changes.sinceRun') },
    h('option', { value: '' }, t('changes.sinceRun')),
    h('optgroup', { label: t('changes.withRun') }, usable.filter(run => run.startedAt).map(run =>
      h('option', { value: `${run.startedAt} ${run.runId}`, selected: run.startedAt === since && run.runId === until }, t('changes.withRunOption', runLabel(run))))),
    // Not after the newest import that changed something: nothing has changed since (the runs come newest first).
    h('optgroup', { label: t('changes.afterRun') }, usable.slice(1).map(run =>
      h('option', { value: run.runId, selected: run.runId === since && !until }, t('changes.afterRunOption', runLabel(run))))));
  // Whichever the user changed last wins: a date typed clears the import chosen, an import chosen clears the date.
  for (const type of ['input', 'change']) dateInput.addEventListener(type, () => { runSelect.value = ''; });
  runSelect.addEventListener('change', () => { dateInput.value = ''; });
  root.append(
    h('h1', {}, t('changes.heading')),
    h('form', { class: 'toolbar', id: 'changes-form', onsubmit: (e: Event) => {
      e.preventDefault();
      // "What import X changed": from its start up to and including it (value "<start> <run id>").
      [since, until = ''] = (runSelect.value || dateInput.value || quarterAgo()).split(' ');
      ctx.navigate('changes', until ? { since, until } : { since });
    } },
      h('div', {}, h('label', { for: 'changes-since' }, t('changes.sinceDate')), ' ', dateInput),
      h('div', {}, h('label', { for: 'changes-run' }, t('changes.or')), ' ', runSelect),
      h('div', { class: 'buttons' }, h('button', { type: 'submit' }, t('common.apply')))),
    body);

  let changes: Changes;
  try {
    changes = await getJson<Changes>('/api/changes', { since, until: until || undefined, organisation, lang: language() });
  } catch (error) {
    fill(body, message(errorText(error), 'error'));
    return;
  }
  // No organisation chosen, and the period concerns one: its cards and lists, not a table of one row
  // that hides which contract, supplier or single point of failure it counts.
  const shown = organisation ?? (changes.headlines.length === 1 ? changes.headlines[0].organisation : undefined);
  const trend = shown ? await getJson<{ series: Headline[] }>('/api/trends', { organisation: shown }).catch(() => null) : null;
  fill(body,
    lead(changes, shown, runs),
    shown ? headlineCards(changes.headlines[0]) : headlineTable(changes.headlines),
    shown ? trendSection(trend?.series ?? []) : h('p', { class: 'hint' }, t('changes.trendChooseOne')),
    h('section', { id: 'changes-tables' }, h('h2', {}, t('changes.rows')), untrackedRuns(changes.runs), TABLES.map(table => tableSection(table, changes.tables[table]))),
    h('section', {}, h('h2', {}, t('changes.runs', { n: changes.runs.length })), runList(changes)));
}

/** "de import van 06-12-2026 04:23 (Algoritmeregister)": several imports can finish in the same minute. */
const whenText = (moment: Moment, runs: Run[]) => {
  if (!moment.runId) return moment.day ? formatDate(moment.day) : formatDateTime(moment.at);
  const run = runs.find(one => one.runId === moment.runId);
  return `${t('changes.sinceRunText', { when: formatDateTime(moment.at) })}${run ? ` (${sourceName(run.source)})` : ''}`;
};

/** The run whose changes alone were asked (since its start, until it), if that was the choice. */
const oneRun = (changes: Changes, runs: Run[]) => runs.find(run => run.runId === changes.until?.runId && run.startedAt && Date.parse(run.startedAt) === Date.parse(changes.since.at));

/** The answer first: one sentence with what a person acts on. */
function lead(changes: Changes, organisation: string | undefined, runs: Run[]): HTMLElement {
  const run = oneRun(changes, runs);
  const entered = (kind: 'spofs' | 'notice') => changes.headlines.reduce((n, change) => n + change.entered[kind].length, 0);
  const left = changes.headlines.reduce((n, change) => n + change.left.spofs.length, 0);
  const rows = TABLES.reduce((n, table) => n + changes.tables[table].added + changes.tables[table].changed + changes.tables[table].removed, 0);
  const ended = changes.headlines.reduce((n, change) => n + (change.ended?.length ?? 0), 0);
  // The Kwetsbare punten top 10: said only when something in it moved (recordings before it kept none).
  const ranked = (kind: 'entered' | 'rose') => changes.headlines.reduce((n, change) =>
    n + (kind === 'entered' ? change.ranking?.entered.length ?? 0 : change.ranking?.moved.filter(move => move.after > move.before).length ?? 0), 0);
  const count = (key: 'spofs' | 'spofsGone' | 'notice' | 'ended' | 'rows' | 'rankingEntered' | 'rankingRose', n: number) => t(`changes.lead.${key}${n === 1 ? '.one' : ''}` as MessageKey, { n });
  const one = organisation ? changes.headlines[0] : undefined;
  // The window holds the organisation's first measurement only: "0 nieuwe kwetsbare punten" compared it with itself.
  const firstOnly = one !== undefined && isFirstOnly(one);
  // Imports that kept only their counts: their rows are not in the row count (said per import below).
  // Only those that wrote table rows: the Algoritmeregister's run keeps counts of algorithms, no row is missing here.
  const untracked = changes.runs.filter(entry => !entry.rows && wroteTableRows(entry)).length;
  // Imports of other data (endoflife.date, the Algoritmeregister): "0 regels" above "endoflife.date ingelezen: 16 releasecycli" read as a contradiction.
  const otherData = [...new Set(changes.runs.filter(entry => !entry.rows && entry.counts && !wroteTableRows(entry)).map(runKind))];
  const parts = firstOnly
    // A period that ends in the past: its numbers were those after that measurement, not those of now.
    ? [t(changes.until ? 'changes.lead.firstOnlyThen' : 'changes.lead.firstOnly', { spofs: tn('changes.now.spofs', one!.after!.spofCount), notice: tn('changes.now.notice', one!.after!.noticeCount) })]
    // "0 regels toegevoegd" right after a model import that kept only its counts read as "nothing happened".
    : [count('spofs', entered('spofs')), count('spofsGone', left),
      ...(ranked('entered') > 0 ? [count('rankingEntered', ranked('entered'))] : []), ...(ranked('rose') > 0 ? [count('rankingRose', ranked('rose'))] : []),
      count('notice', entered('notice')), ...(ended > 0 ? [count('ended', ended)] : []),
      ...(rows > 0 || (untracked === 0 && otherData.length === 0) ? [count('rows', rows)] : rows === 0 && untracked === 0 ? [t('changes.lead.otherData', { what: listWords(otherData, language()) })] : [])];
  if (untracked > 0 && !firstOnly) parts.push(t(untracked === 1 ? 'changes.lead.untracked.one' : 'changes.lead.untracked', { n: untracked }));
  if (!firstOnly && typeof one?.before?.hhi === 'number' && typeof one?.after?.hhi === 'number') {
    const [before, after] = [formatNumber(one.before.hhi), formatNumber(one.after.hhi)];
    parts.push(before === after ? t('changes.lead.hhiSame', { value: after }) : t('changes.lead.hhi', { before, after }));
  }
  const when = run ? t('changes.lead.oneRun', { when: formatDateTime(changes.until!.at) })
    : changes.until ? t('changes.lead.between', { from: whenText(changes.since, runs), to: whenText(changes.until, runs) })
      : t('changes.lead.since', { when: whenText(changes.since, runs) });
  return h('p', { class: 'lead', id: 'changes-lead', style: 'font-size: 1.15rem; max-width: 60rem;' }, `${when} ${parts.join(', ')}.`);
}

/** "before → after (▲ +n)", the change as the numbers are shown (a change that rounds away is none). */
const delta = (before: number | null | undefined, after: number | null | undefined, key: TrendKey) => {
  const metric = trendMetric(key);
  const digits = metric.digits;
  const show = (value: number) => trendValue(metric, value, language());
  if (typeof after !== 'number') return '—';
  if (typeof before !== 'number') return show(after);
  const round = (value: number) => Math.round(value * 10 ** digits) / 10 ** digits;
  const change = round(round(after) - round(before));
  const sign = change > 0 ? '▲ +' : change < 0 ? '▼ −' : '= ';
  return `${show(before)} → ${show(after)} (${sign}${show(Math.abs(change))})`;
};

/** The window holds an organisation's first measurement only: compared with itself, every number would say "0 nieuw". */
const isFirstOnly = (change: HeadlineChange) => change.baseline === 'first' && change.after !== null && change.before?.runId === change.after.runId;

function headlineCards(change: HeadlineChange | undefined): HTMLElement {
  if (!change) return message(t('changes.noHeadlines'), 'info');
  // Only the first measurement in the window: the numbers as they are, no comparison of them with themselves.
  const firstOnly = isFirstOnly(change);
  const { after } = change;
  const before = firstOnly ? null : change.before;
  return h('div', {},
    firstOnly ? null : baselineLine(change),
    lockInDateLine(change),
    h('div', { class: 'cards', id: 'changes-cards' }, TREND_METRICS.map(metric => h('div', { class: 'card', 'data-metric': metric.key },
      h('h2', {}, metric.title[language()]),
      h('p', { class: 'big' }, typeof after?.[metric.key] === 'number' ? trendValue(metric, after![metric.key] as number, language()) : '—'),
      h('p', { class: 'hint' }, before ? delta(before[metric.key], after?.[metric.key], metric.key) : t('changes.noBefore'))))),
    // "Nieuwe scharnierpunten" read as the menu's Kwetsbare punten, a ranking by what fails: say which is which.
    firstOnly ? null : h('p', { class: 'hint', id: 'changes-spofs-hint' }, t('spof.articulationHint'), ' ', t('changes.spofsElsewhere'), ' ', h('a', { href: '#/spof' }, t('nav.spof')), '.'),
    firstOnly ? null : h('div', { class: 'split' },
      itemList('changes-spofs-entered', t('changes.spofsEntered'), change.entered.spofs),
      itemList('changes-spofs-left', t('changes.spofsLeft'), change.left.spofs),
      itemList('changes-notice-entered', t('changes.noticeEntered'), change.entered.notice, noticeExtra, contractText),
      itemList('changes-notice-left', t('changes.noticeLeft'), change.left.notice, () => '', contractText),
      // Named with the day it ended (contractName): "…, beëindigd op 30-11-2026".
      itemList('changes-ended', t('changes.ended'), change.ended ?? [], () => '', contractText),
      // "Has our dependence on supplier X grown?": the largest moves, by the supplier page's two shares.
      itemList('changes-suppliers', t('changes.suppliers'), (change.suppliers ?? []).map(move => ({ uid: move.uid, name: move.name, move })), item => `: ${supplierMoveText(item.move!, language())}`)),
    firstOnly ? null : rankingSection(change.ranking ?? null));
}

/** After a place's name, its kind in words: "Grutto Software B.V." + " (leverancier): ". */
const kindOf = (item: Item) => ` (${kindNoun((item.point ?? item.rankMove)!.kind, language())}): `;

/**
 * The Kwetsbare punten top 10 against the measurement before: what is new in it (with its place and the
 * business-critical applications it hits), what left it, and where that number moved ("112 → 113").
 */
function rankingSection(ranking: RankingMoves | null): HTMLElement {
  const critical = (n: number) => tn('changes.rankingCritical', n);
  return h('section', { id: 'changes-ranking' }, h('h3', {}, t('changes.ranking')),
    h('p', { class: 'hint' }, ranking ? [t('changes.rankingHint'), ' ', h('a', { href: '#/spof' }, t('nav.spof')), t('changes.rankingHintEnd')] : t('changes.rankingUnknown')),
    ranking ? h('div', { class: 'split' },
      itemList('changes-ranking-entered', t('changes.rankingEntered'), ranking.entered.map(point => ({ uid: point.uid, name: point.name, point })),
        item => `${kindOf(item)}${t('changes.rankingPlace', { rank: item.point!.rank })}, ${critical(item.point!.failedCriticalApplications)}`),
      itemList('changes-ranking-left', t('changes.rankingLeft'), ranking.left.map(point => ({ uid: point.uid, name: point.name, point })),
        item => `${kindOf(item)}${t('changes.rankingWas', { rank: item.point!.rank })}`),
      itemList('changes-ranking-moved', t('changes.rankingMoved'), ranking.moved.map(rankMove => ({ uid: rankMove.uid, name: rankMove.name, rankMove })),
        item => `${kindOf(item)}${t('changes.rankingFromTo', { before: formatNumber(item.rankMove!.before), after: formatNumber(item.rankMove!.after) })}`)) : null);
}

/** A contract as the reports name it ("Leverancier – applicaties (c-0001)"); without its details, its id. */
const contractText = (item: Item) => (item.contract ? contractName(item.contract, language(), dutchDay()) : item.name);

function itemList(id: string, title: string, items: Item[], extra: (item: Item) => string = () => '', name: (item: Item) => string = item => item.name): HTMLElement {
  return h('section', { id }, h('h3', {}, `${title} (${items.length})`),
    items.length === 0 ? h('p', { class: 'hint' }, t('common.none')) : h('ul', {}, items.map(item => h('li', {}, h('a', { href: dependencyHash(item.uid) }, name(item)), extra(item)))));
}

function headlineTable(changes: HeadlineChange[]): HTMLElement {
  if (changes.length === 0) return message(t('changes.noHeadlines'), 'info');
  return h('section', {}, h('h2', {}, t('changes.perOrganisation')), sortableTable<HeadlineChange>({
    id: 'changes-organisations',
    caption: t('changes.perOrganisation'),
    captionHidden: true,
    rows: changes,
    sortKey: 'spofs',
    columns: [
      { key: 'organisation', label: t('changes.organisation'), value: c => orgName(c.organisation) },
      // An organisation measured for the first time: its numbers, not "35,7 → 35,7 (= 0,0)" and "0 nieuw".
      { key: 'hhi', label: t('changes.metric.hhi'), value: c => c.after?.hhi ?? undefined, render: c => delta(isFirstOnly(c) ? null : c.before?.hhi, c.after?.hhi, 'hhi') },
      { key: 'spofs', label: t('changes.spofsEntered'), value: c => (isFirstOnly(c) ? -1 : c.entered.spofs.length), render: c => (isFirstOnly(c) ? t('changes.firstMeasurement') : formatNumber(c.entered.spofs.length)), numeric: true },
      { key: 'notice', label: t('changes.noticeEntered'), value: c => (isFirstOnly(c) ? -1 : c.entered.notice.length), render: c => (isFirstOnly(c) ? t('changes.firstMeasurement') : formatNumber(c.entered.notice.length)), numeric: true },
      { key: 'lockIn', label: t('changes.metric.lockIn'), value: c => c.after?.meanLockIn ?? undefined, render: c => delta(isFirstOnly(c) ? null : c.before?.meanLockIn, c.after?.meanLockIn, 'meanLockIn') },
      // Unknown (—) where the measurement before kept no top 10.
      { key: 'ranking', label: t('changes.rankingEnteredShort'), value: c => (isFirstOnly(c) ? -1 : c.ranking?.entered.length ?? -2),
        render: c => (isFirstOnly(c) ? t('changes.firstMeasurement') : c.ranking ? formatNumber(c.ranking.entered.length) : '—'), numeric: true },
    ],
  }));
}

/** A small line chart per headline number, one point per run: the trend (web/src/trend.ts). */
function trendSection(series: Headline[]): HTMLElement {
  if (series.length === 0) return h('p', { class: 'hint' }, t('changes.noTrend'));
  return h('section', { id: 'changes-trend' }, h('h2', {}, t('changes.trend')), h('div', { class: 'cards' }, trendFigures(series)));
}

function tableSection(table: string, changes: TableChanges | undefined): HTMLElement | null {
  if (!changes || changes.added + changes.changed + changes.removed === 0) return null;
  const kinds = ['added', 'changed', 'removed'] as const;
  return h('details', { class: 'keep', id: `changes-${table}`, open: true, style: 'margin: .4rem 0;' },
    h('summary', {}, h('strong', {}, t(`changes.table.${table}` as MessageKey)), ' — ',
      kinds.map(kind => t(`changes.${kind}` as MessageKey, { n: changes[kind] })).join(', ')),
    kinds.map(kind => changes.items[kind].length === 0 ? null : h('div', {},
      h('h3', {}, t(`changes.${kind}` as MessageKey, { n: changes[kind] })),
      h('ul', { class: `changes-${kind}` }, changes.items[kind].map(item => h('li', {},
        kind === 'removed' ? item.name : h('a', { href: dependencyHash(item.uid) }, item.name),
        item.organisation ? h('small', { class: 'hint' }, ` · ${orgName(item.organisation)}`) : null,
        item.fields?.length ? h('ul', {}, item.fields.map(field => h('li', {}, fieldLine(field, language())))) : null))),
      changes.items[kind].length < changes[kind] ? h('p', { class: 'hint' }, t('changes.more', { n: changes[kind] - changes.items[kind].length })) : null)));
}

function runList(changes: Changes): HTMLElement {
  if (changes.runs.length === 0) return h('p', { class: 'hint' }, t('common.none'));
  // Newest first, as the import choice above and the import page's Eerdere imports list them.
  return h('ul', { id: 'changes-runs' }, [...changes.runs].reverse().map(run => h('li', {}, runLine(run))));
}
