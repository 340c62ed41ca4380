// The trend of an organisation's headline numbers (GET /api/trends) as the dashboards and the changes
// page show it: per number a sentence ("HHI 353 → 512 sinds 1 september 2026") and a small line
// chart, one point per import. The words and the scale come from server/reports/trend.ts, which the
// PDF draws from too.
import { type TrendKey, type TrendPoint, TREND_METRICS, trendChartPoints, trendMetric, trendSentence, trendSpan, trendText, trendValue } from '../../server/reports/trend.js';
import { getJson } from './api.js';
import type { Context } from './context.js';
import { h, svg } from './dom.js';
import { formatDate, formatDateTime, language, t } from './i18n.js';
import { knownOrganisations, orgName } from './organisations.js';

export type { TrendPoint } from '../../server/reports/trend.js';

const BOX = { width: 230, height: 70, pad: 8 };

/** One headline number over the runs: its name and latest value, the line, and the period it spans. */
export function trendFigure(series: TrendPoint[], key: TrendKey): HTMLElement {
  const metric = trendMetric(key);
  const lang = language();
  const points = trendChartPoints(series, key, BOX);
  const value = (v: number) => trendValue(metric, v, lang);
  const picture = svg('svg', { viewBox: `0 0 ${BOX.width} ${BOX.height}`, width: BOX.width, height: BOX.height, role: 'img', class: 'trend', 'aria-label': `${metric.title[lang]}: ${points.map(p => value(p.value)).join(', ')}` },
    svg('polyline', { points: points.map(p => `${p.x},${p.y}`).join(' '), fill: 'none', stroke: '#0072B2', 'stroke-width': 2 }),
    ...points.map(p => svg('circle', { cx: p.x, cy: p.y, r: 3.5, fill: '#0072B2' }, svg('title', {}, `${formatDateTime(p.at)}: ${value(p.value)}`))));
  const last = points.at(-1);
  return h('figure', { class: 'card', 'data-trend': key, style: 'margin: 0;' },
    h('figcaption', {}, h('strong', {}, metric.title[lang]), ' ', last ? value(last.value) : '—'),
    picture,
    h('small', { class: 'hint' }, trendSpan(series, lang, formatDate)));
}

/** Every headline number's chart (the changes page). */
export const trendFigures = (series: TrendPoint[]) => TREND_METRICS.map(metric => trendFigure(series, metric.key));

/** The organisation a dashboard's trend is about: the one chosen, or the only one there is. */
export function trendOrganisation(ctx: Context): string | null {
  const chosen = ctx.organisations();
  if (chosen.length === 1) return chosen[0];
  const known = knownOrganisations();
  return chosen.length === 0 && known.length === 1 ? known[0] : null;
}

/**
 * A dashboard's "Verloop": for the numbers `keys` the sentence and the chart of the organisation shown;
 * with one import, that there is no trend yet (no chart of one dot). Several organisations: a line saying to choose one.
 */
export async function trendPanel(ctx: Context, keys: TrendKey[], id: string): Promise<HTMLElement | null> {
  const organisation = trendOrganisation(ctx);
  const lang = language();
  const section = (...children: (HTMLElement | string | null)[]) =>
    h('section', { class: 'trend-panel', id, 'aria-labelledby': `${id}-heading` }, h('h2', { id: `${id}-heading` }, trendText(lang, 'heading'), organisation ? ` · ${orgName(organisation)}` : ''), ...children);
  // Several organisations: one quiet line, not a titled box above the page's answer.
  if (!organisation) return h('p', { class: 'hint trend-sentence', id }, t('changes.trendChooseOne'));
  const series = (await getJson<{ series: TrendPoint[] }>('/api/trends', { organisation }).catch(() => null))?.series;
  if (!series) return null;
  // Nothing to draw yet: one quiet line, not a box above the page's answer.
  if (series.length < 2) return h('p', { class: 'hint trend-sentence', id }, trendSentence(series, keys[0], lang));
  return section(
    h('ul', { class: 'trend-sentences' }, keys.map(key => h('li', { class: 'trend-sentence', 'data-trend-sentence': key }, trendSentence(series, key, lang)))),
    h('div', { class: 'cards' }, keys.map(key => trendFigure(series, key))));
}
