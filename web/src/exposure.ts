// Supplier exposure dashboard: HHI with its band, CR1/CR3, a sortable table and a bar chart of shares,
// by contract value or by application count, per organisation and per business function.
import { csvFor, download, runAnalysis } from './api.js';
import type { Context } from './context.js';
import { dependencyHash } from './dependency-view.js';
import { errorText } from './errors.js';
import { orgName } from './organisations.js';
import { clear, fill, h, message, sortableTable, svg } from './dom.js';
import { formatMoney, formatNumber, formatPercent, language, t, tn, type MessageKey } from './i18n.js';
import { num, str } from './rows.js';
import { trendPanel } from './trend.js';
import type { Row } from './types.js';

type Concentration = { total: number; entities: number; hhi: number | null; cr1: number | null; cr3: number | null; band: string | null; largest: string | null };
type Measure = 'contractValue' | 'applications';

let measure: Measure = 'contractValue';
let level: 'supplier' | 'group' = 'supplier';

export async function renderExposure(root: HTMLElement, ctx: Context): Promise<void> {
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  const radio = <T extends string>(name: string, value: T, current: T, label: string, set: (v: T) => void) =>
    h('label', { class: 'check' }, h('input', { type: 'radio', name, value, checked: value === current, onchange: () => { set(value); void load(); } }), ' ', label);
  root.append(
    h('h1', {}, t('exposure.heading')),
    h('form', { class: 'toolbar', onsubmit: (e: Event) => e.preventDefault() },
      h('fieldset', {}, h('legend', {}, t('exposure.by')),
        radio('measure', 'contractValue', measure, t('exposure.byValue'), v => (measure = v)),
        radio('measure', 'applications', measure, t('exposure.byCount'), v => (measure = v))),
      h('fieldset', {}, h('legend', {}, t('exposure.level')),
        radio('level', 'supplier', level, t('exposure.level.supplier'), v => (level = v)),
        radio('level', 'group', level, t('exposure.level.group'), v => (level = v))),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', id: 'exposure-csv', onclick: () => void download(`/api/analyses/supplier-exposure`, { organisation: ctx.organisations(), level, ...csvFor(language()) }, 'leveranciers.csv') }, t('calendar.csv')),
        h('button', { type: 'button', id: 'exposure-xlsx', onclick: () => void download(`/api/analyses/supplier-exposure`, { organisation: ctx.organisations(), level, format: 'xlsx', lang: language() }, 'leveranciers.xlsx') }, t('calendar.xlsx')))),
    body);

  // The organisation's HHI and CR3 over its imports, by both measures: the one shown first.
  const trend = trendPanel(ctx, measure === 'contractValue' ? ['hhiValue', 'cr3Value', 'hhi', 'cr3'] : ['hhi', 'cr3', 'hhiValue', 'cr3Value'], 'exposure-trend');
  async function load(): Promise<void> {
    let result;
    try {
      result = await runAnalysis('supplier-exposure', { organisation: ctx.organisations(), level });
    } catch (error) {
      fill(body, message(errorText(error), 'error'));
      return;
    }
    const summary = (result.summary ?? {}) as { byOrganisation?: Row[]; byBusinessFunction?: Row[]; overall?: Row };
    const byOrganisation = summary.byOrganisation ?? [];
    // Several organisations: the '*' rows and the overall figures; one: that organisation's.
    const several = byOrganisation.length > 1;
    const scope = several ? { organisation: '*', ...(summary.overall ?? {}) } : (byOrganisation[0] ?? summary.overall ?? {});
    const rows = result.rows.filter(row => (several ? row.organisation === '*' : true));
    const main = scope[measure] as Concentration | undefined;
    const shareKey = `${measure}Share`;

    fill(body,
      answer(rows, main, measure),
      h('div', { class: 'cards' },
        hhiCard(main, measure, 'hhi-main'),
        hhiCard(scope[measure === 'contractValue' ? 'applications' : 'contractValue'] as Concentration | undefined, measure === 'contractValue' ? 'applications' : 'contractValue', 'hhi-other'),
        several ? h('div', { class: 'card' }, h('h2', {}, t('org.label')), h('ul', {}, byOrganisation.map(o => h('li', {}, `${orgName(o.organisation)}: ${hhiText(o[measure] as Concentration | undefined, measure)}`)))) : null),
      await trend,
      explanation(),
      h('div', { class: 'split exposure-split' },
        h('section', { 'aria-labelledby': 'chart-heading' }, h('h2', { id: 'chart-heading' }, chartTitle()), barChart(rows, shareKey)),
        functionTable(summary.byBusinessFunction ?? [], several, measure)),
      h('section', {}, h('h2', {}, t('exposure.tableHeading')), h('p', { class: 'hint' }, t('exposure.sortHint')), sortableTable<Row>({
          id: 'exposure-table',
          caption: t('exposure.heading'),
          captionHidden: true,
          rows,
          sortKey: measure,
          columns: [
            { key: 'name', label: t('exposure.col.name'), value: r => str(r.name), render: r => h('a', { href: dependencyHash(str(r.uid)) }, str(r.name)) },
            { key: 'applications', label: t('exposure.col.applications'), value: r => num(r.applications), numeric: true },
            { key: 'criticalApplications', label: t('exposure.col.critical'), value: r => num(r.criticalApplications), numeric: true },
            { key: 'businessFunctions', label: t('exposure.col.functions'), value: r => num(r.businessFunctions), numeric: true },
            { key: 'platforms', label: t('exposure.col.platforms'), value: r => num(r.platforms), numeric: true },
            { key: 'contractValue', label: t('exposure.col.value'), value: r => num(r.contractValue), render: r => formatMoney(r.contractValue), numeric: true },
            { key: shareKey, label: `${t('exposure.col.share')} (${t(measure === 'contractValue' ? 'exposure.byValue' : 'exposure.byCount')})`, value: r => num(r[shareKey]), render: r => formatPercent(r[shareKey]), numeric: true },
          ],
        })),
    );
  }
  await load();
}

/**
 * The answer before the figures: the largest supplier (or group) by the measure shown, with its share
 * and amount, the three largest together, and the HHI's band in words.
 */
function answer(rows: Row[], c: Concentration | undefined, which: Measure): HTMLElement {
  const shareKey = `${which}Share`;
  const [largest] = [...rows].sort((a, b) => (num(b[shareKey]) ?? 0) - (num(a[shareKey]) ?? 0));
  const sentence = (...parts: string[]) => h('p', { class: 'sentence', id: 'exposure-answer' }, parts.join(' '));
  if (!largest || !num(largest[shareKey])) return sentence(t('exposure.answer.none'));
  const amount = which === 'contractValue' ? formatMoney(largest.contractValue) : tn('whatIf.applicationCount', num(largest.applications) ?? 0);
  return sentence(
    t(`exposure.answer.${which}`, { who: t(`exposure.who.${level}`), name: str(largest.name), share: formatPercent(largest[shareKey]), amount, cr3: formatPercent(c?.cr3) }),
    ...(hasHhi(c) ? [t('exposure.answer.band', { whom: t(`exposure.whom.${level}`), band: bandLabel(c?.band), hhi: formatNumber(c?.hhi ?? null) })] : []),
  );
}

function hhiCard(c: Concentration | undefined, which: Measure, id: string): HTMLElement {
  const by = t(which === 'contractValue' ? 'exposure.byValue' : 'exposure.byCount');
  return h('div', { class: `card band-${c?.band ?? 'none'}`, id },
    h('h2', {}, t('exposure.hhiValue', { by, value: '' }).replace(/:\s*$/, '')),
    h('p', { class: 'big', 'data-hhi': c?.hhi ?? '' }, c?.hhi === null || c?.hhi === undefined ? '—' : formatNumber(c.hhi, 0)),
    h('p', { class: 'band' }, hasHhi(c) ? bandLabel(c?.band) : t(`exposure.noHhi.${which}`)),
    h('p', { class: 'hint' }, `${t('exposure.cr1')} ${formatPercent(c?.cr1)} · ${t('exposure.cr3')} ${formatPercent(c?.cr3)}`));
}

const hasHhi = (c: Concentration | undefined) => c?.hhi !== null && c?.hhi !== undefined;
/** "HHI 2.345 (matig geconcentreerd)", or why there is none ("geen HHI: geen contractwaarde bekend"). */
const hhiText = (c: Concentration | undefined, which: Measure) =>
  (hasHhi(c) ? `HHI ${formatNumber(c?.hhi ?? null)} (${bandLabel(c?.band)})` : t(`exposure.noHhi.${which}`));
const chartTitle = () => t(level === 'group' ? 'exposure.chart.group' : 'exposure.chart');

const bandLabel = (band: unknown) => (band ? t(`exposure.band.${band}` as MessageKey) : '—');

/** Horizontal bars of the top shares, drawn as SVG with a text alternative in each bar's title. */
function barChart(rows: Row[], shareKey: string): SVGElement | HTMLElement {
  const top = [...rows].filter(r => (num(r[shareKey]) ?? 0) > 0).sort((a, b) => (num(b[shareKey]) ?? 0) - (num(a[shareKey]) ?? 0)).slice(0, 15);
  if (top.length === 0) return h('p', { class: 'hint' }, t('common.none'));
  const rowHeight = 22, labelWidth = 190, width = 560;
  const max = Math.max(...top.map(r => num(r[shareKey]) ?? 0));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${top.length * rowHeight + 10}`, width: '100%', role: 'img', 'aria-label': chartTitle(), class: 'bars' });
  top.forEach((row, index) => {
    const share = num(row[shareKey]) ?? 0;
    const y = index * rowHeight + 4;
    const barWidth = ((width - labelWidth - 60) * share) / max;
    chart.append(
      svg('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end', 'font-size': 12 }, str(row.name).slice(0, 28)),
      svg('rect', { x: labelWidth, y, width: Math.max(1, barWidth), height: rowHeight - 6, fill: '#0072B2' }, svg('title', {}, `${str(row.name)}: ${formatPercent(share)}`)),
      svg('text', { x: labelWidth + barWidth + 6, y: y + 14, 'font-size': 12 }, formatPercent(share)),
    );
  });
  return chart;
}

/**
 * HHI and band per business function, by contract value and by application count: each band sits
 * next to the HHI it belongs to (a function can be concentrated by value and not by count). The
 * measure chosen on the page comes first and sorts the table.
 */
function functionTable(rows: Row[], several: boolean, first: Measure): HTMLElement | null {
  if (rows.length === 0) return null;
  const measures: Measure[] = first === 'contractValue' ? ['contractValue', 'applications'] : ['applications', 'contractValue'];
  const of = (r: Row, m: Measure) => r[m] as Concentration | undefined;
  return h('section', {}, h('h2', {}, t('exposure.perScope')), h('div', { class: 'table-box' }, sortableTable<Row>({
    id: 'function-table',
    caption: t('exposure.perScope'),
    captionHidden: true,
    rows,
    sortKey: `hhi-${first}`,
    columns: [
      ...(several ? [{ key: 'organisation', label: t('org.label'), value: (r: Row) => orgName(r.organisation) }] : []),
      { key: 'name', label: t('explorer.function'), value: r => str(r.name) },
      ...measures.flatMap(m => {
        const by = t(m === 'contractValue' ? 'exposure.byValue' : 'exposure.byCount');
        return [
          { key: `hhi-${m}`, label: `${t('exposure.hhi')} (${by})`, value: (r: Row) => of(r, m)?.hhi ?? undefined, render: (r: Row) => formatNumber(of(r, m)?.hhi ?? null), numeric: true },
          { key: `band-${m}`, label: `${t('exposure.bandLabel')} (${by})`, value: (r: Row) => bandLabel(of(r, m)?.band), render: (r: Row) => h('span', { class: `band band-${of(r, m)?.band ?? 'none'}` }, bandLabel(of(r, m)?.band)) },
        ];
      }),
    ],
  })));
}

/** What HHI, CR1, CR3 and the bands mean, with the thresholds the analysis uses (supplier-exposure.ts `band`). */
function explanation(): HTMLElement {
  return h('details', { class: 'explain', id: 'hhi-explained' },
    h('summary', {}, t('exposure.explain.title')),
    h('p', {}, t('exposure.explain.hhi')),
    h('p', {}, t('exposure.explain.bands')),
    h('p', {}, t('exposure.explain.cr')));
}
