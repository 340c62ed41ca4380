// Numbers, money, percentages and dates as people read them: Dutch by default (`€ 1.503.890`,
// `12,2%`, `31-03-2027`), English on request. One module for the PDF, the spreadsheets and the web
// UI (which bundles it: no Node imports here), so a figure reads the same on paper and on screen.
import type { Language } from './labels.js';

const LOCALE: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(LOCALE[language], options)));
  return format;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** `1.234` / `1,234`; `digits` decimals at most (trailing zeros dropped), or exactly with `fixed` (`62,0`, for columns). */
export const formatNumber = (value: unknown, language: Language, digits = 0, fixed = false): string =>
  isNumber(value) ? numberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 }).format(value) : '';

/** Whole euros: `€ 1.503.890` (the space is a no-break space, so the amount never wraps from its sign). */
export const formatMoney = (value: unknown, language: Language): string =>
  isNumber(value) ? numberFormat(language, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(value) : '';

/** A share already on the 0–100 scale, with one decimal: `12,2%`, `3,0%`. */
export const formatPercent = (percent: unknown, language: Language, digits = 1): string =>
  isNumber(percent) ? numberFormat(language, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(percent / 100) : '';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `2027-03-31` (or a timestamp starting so) → `31-03-2027`; in English `31 Mar 2027`, which no
 * reader takes for the 3rd of some 31st month. Anything else comes back as it was.
 */
export function formatDate(value: unknown, language: Language): string {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return value === null || value === undefined ? '' : String(value);
  const [, year, month, day] = match;
  return language === 'nl' ? `${day}-${month}-${year}` : `${Number(day)} ${MONTHS_EN[Number(month) - 1]} ${year}`;
}

const clockParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * A moment as the clock in the Netherlands showed it, as a UTC Date with those figures (what a
 * spreadsheet cell shows as it is); null for anything that is no moment.
 */
export function dutchClock(value: unknown): Date | null {
  const time = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) return null;
  const part = Object.fromEntries(clockParts.formatToParts(new Date(time)).map(p => [p.type, Number(p.value)]));
  return new Date(Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute));
}

/** The day a moment falls on in the Netherlands, `YYYY-MM-DD`: 23:30 UTC on 5 December is 6 December there. */
export function dutchDay(moment: Date | string = new Date()): string {
  const clock = dutchClock(moment);
  if (!clock) throw new TypeError(`Not a moment: ${String(moment)}`);
  return clock.toISOString().slice(0, 10);
}

/** When a day (`YYYY-MM-DD`) begins in the Netherlands: 2026-12-06 → 2026-12-05T23:00:00.000Z (22:00 in summer time). */
export function dutchDayStart(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // The clock there runs one or two hours ahead, and changes at 01:00 UTC, after this midnight.
  return new Date(2 * utcMidnight - dutchClock(new Date(utcMidnight))!.getTime());
}

/** A moment with its time, as the clock in the Netherlands showed it: `05-12-2026 11:48` / `5 Dec 2026 11:48`. */
export function formatDateTime(value: unknown, language: Language): string {
  const clock = dutchClock(value);
  if (!clock) return value === null || value === undefined ? '' : String(value);
  return `${formatDate(clock, language)} ${clock.toISOString().slice(11, 16)}`;
}

/** Adds calendar months to an ISO date the way Neo4j does: the day is clamped to the month's last day. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const first = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(day, last));
  return first.toISOString().slice(0, 10);
}
