// An organisation's headline numbers over its imports (GET /api/trends, server/analyses/headlines.ts)
// in words and as the points of a small line chart: "HHI 353 → 512 sinds 1 september 2026". One
// module for the dashboards, the changes page, the PDF and the report's workbook, so the sentence and
// the scale of the chart are the same on screen and on paper. Pure (the web UI bundles it).
import type { Row } from '../analyses/types.js';
import type { ColumnType } from '../exports/columns.js';
import { dutchClock, formatDateTime, formatNumber, formatPercent } from '../format.js';
import type { Language } from '../labels.js';
import type { SectionColumn } from './sections.js';
import { sourceName } from './source-name.js';

/** One run's headline numbers, as /api/trends gives them (oldest first). */
export type TrendPoint = {
  runId: string; at: string; source?: string | null;
  hhi: number | null; cr3: number | null; spofCount: number | null; meanLockIn: number | null; noticeCount: number | null;
  /** Concentration by contract value, the measure the supplier page leads with. */
  hhiValue?: number | null; cr3Value?: number | null;
  /** Absent in numbers recorded before it was. */
  sovereigntyShare?: number | null;
  commonGroundScore?: number | null;
};
export type TrendKey = 'hhi' | 'cr3' | 'hhiValue' | 'cr3Value' | 'spofCount' | 'meanLockIn' | 'noticeCount' | 'sovereigntyShare' | 'commonGroundScore';
export type TrendMetric = { key: TrendKey; digits: number; percent: boolean; name: Record<Language, string>; title: Record<Language, string> };

/** The headline numbers with a trend, in the order the report shows them. */
export const TREND_METRICS: TrendMetric[] = [
  { key: 'hhi', digits: 0, percent: false, name: { nl: 'HHI op aantal applicaties', en: 'HHI by number of applications' }, title: { nl: 'Concentratie (HHI op aantal applicaties)', en: 'Concentration (HHI by number of applications)' } },
  { key: 'cr3', digits: 1, percent: true, name: { nl: 'CR3 op aantal applicaties', en: 'CR3 by number of applications' }, title: { nl: 'CR3 op aantal applicaties', en: 'CR3 by number of applications' } },
  // By contract value too: the supplier page leads with it ("met 15,0% van de contractwaarde"), and a user asking
  // whether dependence on a supplier grew found only the count by applications here.
  { key: 'hhiValue', digits: 0, percent: false, name: { nl: 'HHI op contractwaarde', en: 'HHI by contract value' }, title: { nl: 'Concentratie (HHI op contractwaarde)', en: 'Concentration (HHI by contract value)' } },
  { key: 'cr3Value', digits: 1, percent: true, name: { nl: 'CR3 op contractwaarde', en: 'CR3 by contract value' }, title: { nl: 'CR3 op contractwaarde', en: 'CR3 by contract value' } },
  // The articulation points of the application graph (headlines.ts), not the kwetsbaarste punten a report ranks by what fails with them.
  { key: 'spofCount', digits: 0, percent: false, name: { nl: 'Scharnierpunten', en: 'Articulation points' }, title: { nl: 'Scharnierpunten', en: 'Articulation points' } },
  { key: 'meanLockIn', digits: 1, percent: false, name: { nl: 'Gemiddelde lock-in', en: 'Mean lock-in' }, title: { nl: 'Gemiddelde lock-in', en: 'Mean lock-in' } },
  // From six months before the notice deadline until the contract ends (headlines.ts): the deadlines to come and those passed.
  { key: 'noticeCount', digits: 0, percent: false, name: { nl: 'Contracten in of voorbij hun opzegtermijn', en: 'Contracts in or past their notice window' }, title: { nl: 'Contracten in of voorbij hun opzegtermijn', en: 'Contracts in or past their notice window' } },
  { key: 'sovereigntyShare', digits: 1, percent: true, name: { nl: 'Aandeel onder niet-EU-recht', en: 'Share under non-EU law' }, title: { nl: 'Applicaties onder niet-EU-recht', en: 'Applications under non-EU law' } },
  { key: 'commonGroundScore', digits: 1, percent: false, name: { nl: 'Common Ground-score', en: 'Common Ground score' }, title: { nl: 'Common Ground-score (0–100)', en: 'Common Ground score (0–100)' } },
];
export const trendMetric = (key: TrendKey): TrendMetric => TREND_METRICS.find(metric => metric.key === key)!;

const WORDS = {
  nl: {
    heading: 'Verloop',
    headingRuns: 'Verloop over {n} imports',
    headingRun: 'Verloop over 1 import',
    changed: '{name} {before} → {after} sinds {date}',
    same: '{name} {value}, gelijk sinds {date}',
    noValue: '{name}: geen waarde sinds {date}',
    one: 'Nog geen verloop: één import ({date}).',
    none: 'Nog geen verloop: voor deze organisatie zijn geen kerncijfers vastgelegd.',
    runs: '{n} imports, {from} – {to}',
    runOne: '1 import, {date}',
    runsAt: '{n} imports, {date}',
    number: 'Kengetal',
    oneSource: 'Alle imports van {source}.',
    lastRuns: 'De laatste {shown} van {n} imports; de CSV en de werkmap hebben ze allemaal.',
  },
  en: {
    heading: 'Trend',
    headingRuns: 'Trend over {n} imports',
    headingRun: 'Trend over 1 import',
    changed: '{name} {before} → {after} since {date}',
    same: '{name} {value}, unchanged since {date}',
    noValue: '{name}: no value since {date}',
    one: 'No trend yet: one import ({date}).',
    none: 'No trend yet: no headline numbers were recorded for this organisation.',
    runs: '{n} imports, {from} – {to}',
    runOne: '1 import, {date}',
    runsAt: '{n} imports, {date}',
    number: 'Headline number',
    oneSource: 'Every import from {source}.',
    lastRuns: 'The last {shown} of {n} imports; the CSV and the workbook have them all.',
  },
} as const;
type Word = keyof (typeof WORDS)['nl'];

/** A text of the trend with its `{placeholders}` filled in. */
export function trendText(language: Language, key: Word, vars: Record<string, string | number> = {}): string {
  return WORDS[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** `2026-09-01…` → "1 september 2026" / "1 September 2026": the day a trend starts, as said in a sentence. */
export const longDate = (at: string, language: Language): string =>
  new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${at.slice(0, 10)}T00:00:00Z`));

/** A run's day and time as the clock in the Netherlands showed them: `2026-12-05T10:14`. */
const clockOf = (at: string) => dutchClock(at)?.toISOString().slice(0, 16) ?? at.slice(0, 16);

/** Whether every run of `series` was on one day: then a trend's start is said with its time, the day alone tells nothing. */
const oneDay = (series: TrendPoint[]) => series.length > 1 && clockOf(series[0].at).slice(0, 10) === clockOf(series.at(-1)!.at).slice(0, 10);

/** Where a trend starts: "1 september 2026", or with the time when all its runs were on one day ("5 december 2026 10:14"). */
const sinceText = (series: TrendPoint[], at: string, language: Language) =>
  `${longDate(clockOf(at), language)}${oneDay(series) ? ` ${clockOf(at).slice(11)}` : ''}`;

const valueOf = (point: TrendPoint, key: TrendKey): number | null => (typeof point[key] === 'number' ? (point[key] as number) : null);

/** A headline number as the trend shows it: `512`, `62,5%`, `3,4`. */
export const trendValue = (metric: TrendMetric, value: number | null, language: Language): string =>
  value === null ? '—' : metric.percent ? formatPercent(value, language, metric.digits) : formatNumber(value, language, metric.digits, true);

/**
 * The sentence of one headline number over `series` (oldest first): from the first run to the last,
 * "HHI 353 → 512 sinds 1 september 2026", or that it stayed the same; with one run, that there is no
 * trend yet.
 */
export function trendSentence(series: TrendPoint[], key: TrendKey, language: Language): string {
  if (series.length === 0) return trendText(language, 'none');
  if (series.length === 1) return trendText(language, 'one', { date: longDate(series[0].at, language) });
  const metric = trendMetric(key);
  const name = metric.name[language];
  // From the first run that has the number (numbers recorded before it was have none).
  const first = series.find(point => valueOf(point, key) !== null);
  if (!first) return trendText(language, 'noValue', { name, date: sinceText(series, series[0].at, language) });
  const date = sinceText(series, first.at, language);
  const [before, after] = [trendValue(metric, valueOf(first, key), language), trendValue(metric, valueOf(series.at(-1)!, key), language)];
  return before === after ? trendText(language, 'same', { name, value: after, date }) : trendText(language, 'changed', { name, before, after, date });
}

/**
 * "3 imports, 01-09-2026 – 03-12-2026": what a chart spans; all on one day, "3 imports, 05-12-2026 10:14 – 11:02"
 * (all in one minute, "2 imports, 05-12-2026 10:14").
 */
export function trendSpan(series: TrendPoint[], language: Language, date: (at: string) => string): string {
  if (series.length === 0) return '';
  if (series.length === 1) return trendText(language, 'runOne', { date: date(series[0].at) });
  if (!oneDay(series)) return trendText(language, 'runs', { n: series.length, from: date(series[0].at), to: date(series.at(-1)!.at) });
  const [first, last] = [clockOf(series[0].at), clockOf(series.at(-1)!.at)];
  const day = `${date(first)} ${first.slice(11)}`;
  return first === last ? trendText(language, 'runsAt', { n: series.length, date: day }) : trendText(language, 'runs', { n: series.length, from: day, to: last.slice(11) });
}

export type TrendChartPoint = { x: number; y: number; value: number; at: string };

/**
 * The points of one headline number in a `width` × `height` box (y grows downwards), `pad` inside its
 * edges; runs without the number are left out. The scale spans at least a fifth of the largest value
 * (or 1), so a change in the last decimal is not drawn as a cliff.
 */
export function trendChartPoints(series: TrendPoint[], key: TrendKey, box: { width: number; height: number; pad: number }): TrendChartPoint[] {
  const { width, height, pad } = box;
  const points = series.map((point, i) => ({ x: series.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (series.length - 1), value: valueOf(point, key), at: point.at }))
    .filter((p): p is { x: number; value: number; at: string } => p.value !== null);
  if (points.length === 0) return [];
  const low = Math.min(...points.map(p => p.value)), high = Math.max(...points.map(p => p.value));
  const span = Math.max(high - low, Math.abs(high) * 0.2, 1);
  const min = (low + high) / 2 - span / 2;
  return points.map(p => ({ ...p, y: height - pad - ((p.value - min) * (height - 2 * pad)) / span }));
}

const HEADERS = { nl: { at: 'Import van', source: 'Bron' }, en: { at: 'Imported', source: 'Source' } } as const;
const TYPES: Record<TrendKey, ColumnType> = { hhi: 'integer', cr3: 'percent', hhiValue: 'integer', cr3Value: 'percent', spofCount: 'integer', meanLockIn: 'decimal', noticeCount: 'integer', sovereigntyShare: 'percent', commonGroundScore: 'decimal' };

/** The report's "Verloop" as a table: one row per import, the headline numbers as columns (sections.ts); sources by name, organisations from `organisations`. */
export function trendSection(series: TrendPoint[], language: Language, organisations: Record<string, string> = {}): { title: string; columns: SectionColumn[]; rows: Row[] } {
  return {
    title: trendText(language, 'heading'),
    rows: series as unknown as Row[],
    columns: [
      // With its time: imports on one day would read as the same row.
      { key: 'at', header: HEADERS[language].at, type: 'dateTime', value: row => row.at },
      { key: 'source', header: HEADERS[language].source, type: 'text', value: row => (typeof row.source === 'string' ? sourceName(row.source, language, id => organisations[id]) : null) },
      ...TREND_METRICS.map(metric => ({ key: metric.key, header: metric.name[language], type: TYPES[metric.key], value: (row: Row) => row[metric.key] ?? null })),
    ],
  };
}

/** "Verloop over 3 imports": the section's heading says what its number counts. */
export const trendHeading = (runs: number, language: Language): string =>
  trendText(language, runs === 1 ? 'headingRun' : 'headingRuns', { n: runs });

/** The sentences of every headline number, or the one that says there is no trend yet. */
export const trendSentences = (series: TrendPoint[], language: Language): string[] =>
  series.length < 2 ? [trendSentence(series, 'hhi', language)] : TREND_METRICS.map(metric => trendSentence(series, metric.key, language));

/** Imports side by side in the report's Verloop table: as many as fit across a page beside the numbers' names. */
export const TREND_TABLE_RUNS = 6;

/**
 * The Verloop as the page and the PDF show it: a row per headline number, a column per import (the last
 * TREND_TABLE_RUNS, oldest first), so a number is read across and every one fits. A row per import took
 * eleven columns: the page scrolled sideways and the PDF left two out. With imports of more than one
 * source, the first row names each import's source; `notes` name the one source otherwise, and say when earlier
 * imports are left out (the CSV and the workbook keep a row per import: trendSection).
 */
export function trendTableByNumber(series: TrendPoint[], language: Language, organisations: Record<string, string> = {}): { columns: SectionColumn[]; rows: Row[]; notes: string[] } {
  const runs = series.slice(-TREND_TABLE_RUNS);
  const sources = runs.map(run => (typeof run.source === 'string' ? sourceName(run.source, language, id => organisations[id]) : ''));
  const metricOf = (row: Row) => (typeof row.metric === 'string' ? trendMetric(row.metric as TrendKey) : null);
  // Imports within one minute are told apart by their seconds (a user saw "06-12-2026 10:07" three times; the
  // seconds are the same on every clock), then by number.
  const minutes = runs.map(run => formatDateTime(run.at, language));
  const seconds = runs.map((run, index) => (minutes.filter(m => m === minutes[index]).length > 1 ? `${minutes[index]}:${String(new Date(run.at).getUTCSeconds()).padStart(2, '0')}` : minutes[index]));
  const headers = seconds.map((header, index) => (seconds.filter(h => h === header).length > 1 ? `${header} (${seconds.slice(0, index + 1).filter(h => h === header).length})` : header));
  const columns: SectionColumn[] = [
    { key: 'name', header: trendText(language, 'number'), type: 'text', value: row => row.name },
    ...runs.map((_, index): SectionColumn => ({
      key: `run${index}`, header: headers[index], type: 'decimal',
      value: row => row[`run${index}`] ?? null,
      text: row => { const metric = metricOf(row); return metric ? trendValue(metric, (row[`run${index}`] as number | null) ?? null, language) : String(row[`run${index}`] ?? ''); },
    })),
  ];
  const rows: Row[] = [
    ...(new Set(sources).size > 1 ? [{ name: HEADERS[language].source, ...Object.fromEntries(sources.map((source, index) => [`run${index}`, source])) }] : []),
    ...TREND_METRICS.map(metric => ({ metric: metric.key, name: metric.name[language], ...Object.fromEntries(runs.map((run, index) => [`run${index}`, valueOf(run, metric.key)])) })),
  ];
  const notes = [
    ...(new Set(sources).size === 1 && sources[0] ? [trendText(language, 'oneSource', { source: sources[0] })] : []),
    ...(series.length > runs.length ? [trendText(language, 'lastRuns', { shown: runs.length, n: series.length })] : []),
  ];
  return { columns, rows, notes };
}
