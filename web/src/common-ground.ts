// Common Ground maturity: the answer first (the score, the sentence, how the score is made up), then
// the interfaces that would raise it most, the applications receiving base registration data, GEMMA's
// layers, and — when several organisations are chosen — the ranking and the distribution of scores.
import { trendPanel } from './trend.js';
import type { ComponentScore, Move } from '../../server/analyses/common-ground.js';
import { csvFor, download, runAnalysis } from './api.js';
import { cg, code } from './common-ground-words.js';
import type { Context } from './context.js';
import { fill, h, message, sortableTable } from './dom.js';
import { formatNumber, formatPercent, language, t } from './i18n.js';
import { orgName } from './organisations.js';
import { decimalsToTellApart, partsAddingUp, roundedApart } from './rounding.js';
import { num, str } from './rows.js';
import type { Row } from './types.js';

type Overall = Record<string, number | null> & { organisations: number; interfaces: number; applications: number; applicationsPlaced: number };
type Summary = {
  overall?: Overall; moves?: Move[]; receivers?: Row[]; receiversCut?: { shown: number; total: number } | null;
  tiedMoves?: { organisation: string; gain: number; interfaces: number; shown: number }[];
  layers?: { layer: string; applications: number }[]; distribution?: { from: number; to: number; organisations: number }[];
  weights?: Record<string, number>; credit?: Record<string, number>;
};

const CATEGORY_ORDER = ['openApi', 'olderOpen', 'otherOpen', 'proprietary', 'unknown'] as const;
const points = (value: unknown) => formatNumber(num(value) ?? 0, 1);
/** Points with as many decimals as it has, at most two (3,5 and 637, not 637,0). */
const credits = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : Number.isInteger(value * 10) ? 1 : 2);
/** A gain in points at the precision that tells the gains shown apart (0,37 and 0,35, not twice 0,4). */
const gainDecimals = (moves: Move[]) => decimalsToTellApart(moves.map(m => m.gain), (value, decimals) => formatNumber(value, decimals));
/** The moves at the best gain: the shown ones, or all of them when more tie than are shown (tiedMoves). */
function bestShared(moves: Move[], tie?: { interfaces: number }): number {
  return tie?.interfaces ?? moves.filter(m => m.gain === moves[0]?.gain).length;
}

export async function renderCommonGround(root: HTMLElement, ctx: Context): Promise<void> {
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  const organisation = ctx.organisations();
  const file = (format: 'csv' | 'xlsx', list = 'organisations') => () => void download('/api/analyses/common-ground',
    format === 'csv' ? { organisation, list, ...csvFor(language()) } : { organisation, format, lang: language() }, `roer-common-ground${list === 'interfaces' ? '-koppelingen' : ''}.${format}`);
  root.append(h('h1', {}, cg('heading')),
    h('div', { class: 'toolbar' }, h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'cg-csv', onclick: file('csv') }, cg('csv')),
      h('button', { type: 'button', id: 'cg-interfaces-csv', onclick: file('csv', 'interfaces') }, cg('interfacesCsv')),
      h('button', { type: 'button', id: 'cg-xlsx', onclick: file('xlsx') }, cg('xlsx')))),
    body);
  let result;
  const trend = trendPanel(ctx, ['commonGroundScore'], 'cg-trend');
  try {
    result = await runAnalysis('common-ground', { organisation });
  } catch (error) {
    fill(body, message(t('common.error', { message: (error as Error).message }), 'error'));
    return;
  }
  const rows = result.rows;
  const summary = (result.summary ?? {}) as Summary;
  const scored = rows.filter(r => num(r.commonGroundScore) !== undefined);
  const several = rows.length > 1;
  const moves = summary.moves ?? [];

  fill(body,
    h('div', { class: 'cg-answer' },
      scoreCard(several ? summary.overall?.meanScore : rows[0]?.commonGroundScore),
      h('div', { class: 'cg-answer-text' }, h('p', { class: 'sentence', id: 'cg-answer' }, answer(rows, scored, summary, several)), componentsTable(rows, scored, summary, several))),
    await trend,
    sharesBar(summary.overall),
    movesSection(moves, several, several ? undefined : summary.tiedMoves?.[0]),
    receiversSection(summary, several),
    layersSection(summary),
    several ? rankingSection(rows) : null,
    several ? distributionSection(summary.distribution ?? []) : null,
    explanation(summary),
  );
}

function scoreCard(score: unknown): HTMLElement {
  const value = num(score);
  return h('div', { class: 'cg-score', id: 'cg-score' }, h('strong', {}, value === undefined ? '–' : formatNumber(value, 1)), h('span', {}, cg('scoreOf')));
}

/** The sentence: one organisation's score and what makes it; several organisations' mean, best and worst. */
function answer(rows: Row[], scored: Row[], summary: Summary, several: boolean): string {
  if (scored.length === 0) return cg('answer.noScore');
  const o = summary.overall!;
  const parts: string[] = [];
  if (several) {
    const [best, worst] = [scored[0], scored[scored.length - 1]];
    parts.push(cg('answer.several', { n: formatNumber(rows.length), mean: points(o.meanScore), median: points(o.medianScore), best: str(best.organisationName), bestScore: points(best.commonGroundScore), worst: str(worst.organisationName), worstScore: points(worst.commonGroundScore) }));
  } else {
    parts.push(cg('answer.one', { name: str(rows[0].organisationName), score: points(rows[0].commonGroundScore) }));
  }
  const total = num(o.interfaces) ?? 0;
  parts.push(total === 0 ? cg('answer.noInterfaces') : cg('answer.interfaces', {
    total: formatNumber(total), openApi: formatPercent(o.openApiShare), olderOpen: formatPercent(o.olderOpenShare),
    closed: formatPercent(Math.round(100 * ((num(o.proprietaryShare) ?? 0) + (num(o.unknownShare) ?? 0))) / 100),
  }));
  const receivers = num(o.baseRegistrationReceivers) ?? 0;
  parts.push(receivers === 0 ? cg('answer.baseNone') : cg('answer.base', { copies: formatNumber(o.receiversByCopy), receivers: formatNumber(receivers) }));
  const moves = summary.moves ?? [];
  const best = moves[0];
  if (best && !several) {
    const shared = bestShared(moves, summary.tiedMoves?.[0]);
    const words = { from: str(best.fromName), to: str(best.toName), standard: best.standard ?? cg('none'), gain: formatNumber(best.gain, gainDecimals(moves)), n: formatNumber(shared) };
    parts.push(cg(shared > 1 ? 'answer.bestShared' : 'answer.best', words));
  }
  return parts.join(' ');
}

/** Each component with its value, weight and contribution; for several organisations the mean contributions. */
function componentsTable(rows: Row[], scored: Row[], summary: Summary, several: boolean): HTMLElement | null {
  if (scored.length === 0) return null;
  const list = (r: Row) => (r.components ?? []) as ComponentScore[];
  const components = list(scored[0]).map((first, index) => {
    const of = scored.map(r => list(r)[index]);
    const mean = (pick: (c: ComponentScore) => number) => of.reduce((sum, c) => sum + pick(c), 0) / of.length;
    return { ...first, contribution: several ? mean(c => c.contribution) : first.contribution, mean: several ? mean(c => c.value ?? 0) : null };
  });
  const valueText = (c: (typeof components)[number]) => {
    if (several) return formatPercent(Math.round(10_000 * (c.mean ?? 0)) / 100);
    if (!c.applies) return cg('value.notApplicable');
    return cg(c.component === 'openInterfaces' ? 'value.openInterfaces' : 'value.dataAtSource', { raw: credits(c.raw), total: formatNumber(c.total), share: formatPercent(Math.round(10_000 * (c.value ?? 0)) / 100) });
  };
  // The total is the score on the card (several: their mean); the parts are rounded to add up to it.
  const total = (several ? num(summary.overall?.meanScore) : num(rows[0].commonGroundScore)) ?? components.reduce((sum, c) => sum + c.contribution, 0);
  const shown = partsAddingUp(components.map(c => c.contribution), total);
  const credit = summary.credit ?? {};
  // Said once, so a part that reads 26,1 here and 26,2 in Excel (each part rounded on its own) is no puzzle.
  const apart = roundedApart(components.map(c => c.contribution), shown, formatNumber);
  return h('div', {},
    h('table', { class: 'data cg-components', id: 'cg-components' },
      h('caption', {}, cg('components')),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, cg('col.component')), h('th', { scope: 'col' }, cg('col.value')), h('th', { scope: 'col', class: 'num' }, cg('col.weight')), h('th', { scope: 'col', class: 'num' }, cg('col.contribution')))),
      h('tbody', {}, components.map((c, index) => h('tr', { 'data-component': c.component },
        h('th', { scope: 'row' }, code(c.component)), h('td', {}, valueText(c)), h('td', { class: 'num' }, formatNumber(c.weight)), h('td', { class: 'num' }, points(shown[index]))))),
      h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 3 }, cg('components.total')), h('td', { class: 'num' }, h('strong', {}, points(total)))))),
    // What a point is: each interface can earn one.
    h('p', { class: 'hint', id: 'cg-points' }, cg('components.points', { openApi: credits(credit.openApi ?? 1), olderOpen: credits(credit.olderOpen ?? 0), otherOpen: credits(credit.otherOpen ?? 0) })),
    several ? h('p', { class: 'hint' }, cg('components.mean', { n: formatNumber(scored.length) })) : null,
    apart ? h('p', { class: 'hint', id: 'cg-rounded' }, cg('components.rounded', apart)) : null);
}

function sharesBar(overall: Overall | undefined): HTMLElement | null {
  if (!overall || !overall.interfaces) return null;
  return h('section', { id: 'cg-shares' }, h('h2', {}, cg('shares')),
    h('div', { class: 'cg-bar', role: 'img', 'aria-label': CATEGORY_ORDER.map(c => `${code(c)} ${formatPercent(overall[`${c}Share`])}`).join(', ') },
      CATEGORY_ORDER.filter(c => (overall[c] ?? 0) > 0).map(c => h('span', { class: `cg-${c}`, style: `flex-grow: ${overall[c]}`, title: `${code(c)}: ${formatNumber(overall[c])}` }))),
    h('ul', { class: 'cg-legend' }, CATEGORY_ORDER.map(c => h('li', {}, h('span', { class: `swatch cg-${c}` }), `${code(c)}: ${formatNumber(overall[c])} (${formatPercent(overall[`${c}Share`])})`))));
}

function movesSection(moves: Move[], several: boolean, tie?: { gain: number; interfaces: number; shown: number }): HTMLElement {
  const decimals = gainDecimals(moves);
  const gain = (value: number) => cg('gain', { gain: formatNumber(value, decimals) });
  const why: { key: string; label: string; value: (m: Move) => number; numeric: true }[] = [
    // The tie rule's numbers (README §9), so a reader sees why these come first among equal gains.
    { key: 'criticalApplications', label: cg('col.critical'), value: m => m.criticalApplications, numeric: true },
    { key: 'endInterfaces', label: cg('col.endInterfaces'), value: m => m.endInterfaces, numeric: true },
  ];
  const columns = [
    { key: 'interface', label: cg('col.interface'), value: (m: Move) => `${m.fromName ?? ''} → ${m.toName ?? ''}` },
    ...(several ? [{ key: 'organisation', label: cg('col.organisation'), value: (m: Move) => orgName(m.organisation) }] : []),
    { key: 'standard', label: cg('col.standard'), value: (m: Move) => m.standard ?? cg('none') },
    { key: 'category', label: cg('col.kind'), value: (m: Move) => code(m.category) },
    { key: 'registrations', label: cg('col.registrations'), value: (m: Move) => (m.registrations.length ? `${m.registrations.join(', ')} (${code(m.mode)})` : '') },
    ...why,
  ];
  const groups = groupsOf(moves);
  // One organisation: the moves grouped by their gain, the gain said once per group (or once above
  // the table when they all gain the same). Several: one sortable table with the gain per row.
  const sentence = several || moves.length < 2 ? null
    : tie ? cg('moves.ties', { n: formatNumber(tie.interfaces), gain: gain(tie.gain), shown: formatNumber(tie.shown) })
      : groups.length === 1 ? cg('moves.allEqual', { n: formatNumber(moves.length), gain: gain(moves[0].gain) }) : null;
  const table = several
    ? sortableTable<Move>({
      id: 'cg-moves-table', caption: cg('moves'), captionHidden: true, rows: moves, sortKey: 'gain', descending: true,
      columns: [...columns, { key: 'gain', label: cg('col.gain'), value: m => m.gain, render: m => h('strong', {}, gain(m.gain)), numeric: true }],
    })
    : h('table', { class: 'data', id: 'cg-moves-table' },
      h('caption', { class: 'sr-only' }, cg('moves')),
      h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col', class: 'numeric' in c ? 'num' : undefined }, c.label)))),
      h('tbody', {}, groups.flatMap(group => [
        groups.length > 1 || sentence === null ? h('tr', { class: 'cg-gain-group' }, h('th', { scope: 'rowgroup', colspan: columns.length },
          group.length === 1 ? gain(group[0].gain) : cg('moves.group', { gain: gain(group[0].gain), n: formatNumber(group.length) }))) : null,
        ...group.map(m => h('tr', {}, columns.map(c => h('td', { class: 'numeric' in c ? 'num' : undefined }, String('numeric' in c ? formatNumber(c.value(m)) : c.value(m)))))),
      ])));
  return h('section', { id: 'cg-moves' }, h('h2', {}, cg('moves')), h('p', { class: 'hint' }, cg('moves.hint')),
    sentence ? h('p', { id: 'cg-ties' }, sentence) : null,
    moves.length === 0 ? h('p', {}, cg('moves.none')) : h('div', { class: 'table-box' }, table));
}

/** Moves in runs of equal gain, in the order given (best first). */
function groupsOf(moves: Move[]): Move[][] {
  const groups: Move[][] = [];
  for (const m of moves) {
    const last = groups[groups.length - 1];
    if (last && last[0].gain === m.gain) last.push(m);
    else groups.push([m]);
  }
  return groups;
}

function receiversSection(summary: Summary, several: boolean): HTMLElement | null {
  const receivers = summary.receivers ?? [];
  if (receivers.length === 0) return null;
  const cut = summary.receiversCut;
  return h('section', { id: 'cg-receivers' }, h('h2', {}, cg('receivers')),
    cut ? h('p', { class: 'hint' }, cg('receivers.cut', { shown: formatNumber(cut.shown), total: formatNumber(cut.total) })) : null,
    h('div', { class: 'table-box' }, sortableTable<Row>({
      id: 'cg-receivers-table', caption: cg('receivers'), captionHidden: true, rows: receivers,
      columns: [
        { key: 'name', label: cg('col.application'), value: r => str(r.name) },
        ...(several ? [{ key: 'organisation', label: cg('col.organisation'), value: (r: Row) => orgName(r.organisation) }] : []),
        { key: 'registrations', label: cg('col.registrations'), value: r => (r.registrations as string[]).join(', ') },
        { key: 'mode', label: cg('col.how'), value: r => code(r.mode), render: r => h('span', { class: `cg-mode-${str(r.mode)}` }, code(r.mode)) },
      ],
    })));
}

function layersSection(summary: Summary): HTMLElement | null {
  const layers = summary.layers ?? [];
  const o = summary.overall;
  if (!o || layers.length === 0) return null;
  return h('section', { id: 'cg-layers' }, h('h2', {}, cg('layers')),
    h('p', { class: 'hint' }, cg('layers.hint', { placed: formatNumber(o.applicationsPlaced), total: formatNumber(o.applications) })),
    h('ol', { class: 'cg-layers' }, layers.filter(l => l.layer !== 'unplaced').map(l => h('li', {}, h('span', {}, code(l.layer)), h('strong', {}, formatNumber(l.applications))))));
}

function rankingSection(rows: Row[]): HTMLElement {
  return h('section', { id: 'cg-ranking' }, h('h2', {}, cg('ranking')), h('div', { class: 'table-box' }, sortableTable<Row>({
    id: 'cg-ranking-table', caption: cg('ranking'), captionHidden: true, rows,
    columns: [
      { key: 'rank', label: cg('col.rank'), value: r => num(r.rank) ?? Number.MAX_SAFE_INTEGER, render: r => (r.rank === null ? '–' : formatNumber(r.rank)), numeric: true },
      { key: 'organisation', label: cg('col.organisation'), value: r => str(r.organisationName) },
      { key: 'score', label: cg('col.score'), value: r => num(r.commonGroundScore) ?? -1, render: r => (r.commonGroundScore === null ? '–' : points(r.commonGroundScore)), numeric: true },
      { key: 'openApiShare', label: cg('col.openApiShare'), value: r => num(r.openApiShare), render: r => formatPercent(r.openApiShare), numeric: true },
      { key: 'receiversByCopy', label: cg('col.copies'), value: r => num(r.receiversByCopy), render: r => `${formatNumber(r.receiversByCopy)} / ${formatNumber(r.baseRegistrationReceivers)}`, numeric: true },
    ],
  })));
}

/** A small histogram: organisations per ten points. */
function distributionSection(bins: { from: number; to: number; organisations: number }[]): HTMLElement {
  const most = Math.max(1, ...bins.map(b => b.organisations));
  return h('section', { id: 'cg-distribution' }, h('h2', {}, cg('distribution')),
    h('figure', { class: 'cg-histogram' },
      h('div', { class: 'cg-bars', role: 'img', 'aria-label': bins.map(b => `${b.from}–${b.to}: ${b.organisations}`).join(', ') },
        bins.map(b => h('div', { class: 'cg-bin', 'data-from': b.from },
          h('span', { class: 'cg-count' }, b.organisations ? formatNumber(b.organisations) : ''),
          h('span', { class: 'cg-column', style: `height: ${Math.round((100 * b.organisations) / most)}%` }),
          h('span', { class: 'cg-label' }, `${b.from}–${b.to}`)))),
      h('figcaption', {}, cg('distribution.caption'))));
}

function explanation(summary: Summary): HTMLElement {
  const credit = summary.credit ?? {};
  const weights = summary.weights ?? {};
  const c = (k: string) => formatNumber(credit[k] ?? 0, 2);
  return h('details', { class: 'explain', id: 'cg-explained' },
    h('summary', {}, cg('explainTitle')),
    h('p', {}, cg('explainInterfaces', { openApi: c('openApi'), olderOpen: c('olderOpen'), otherOpen: c('otherOpen'), w1: formatNumber(weights.openInterfaces ?? 0) })),
    h('p', {}, cg('explainBase', { w2: formatNumber(weights.dataAtSource ?? 0) })),
    h('p', {}, cg('explainScore')),
    h('p', { id: 'cg-explain-ties' }, cg('explainTies')));
}
