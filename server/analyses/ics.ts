// The contract calendar as an iCalendar file (RFC 5545): one all-day event per notice deadline.
import { formatDate, formatMoney } from '../format.js';
import { CRITICALITY_NAMES, type Language, YES_NO, organisationName, valueName } from '../labels.js';
import type { Row } from './types.js';

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export const escapeText = (text: string) => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + space, never inside a UTF-8 character. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const compact = (iso: string) => iso.replace(/-/g, '');
const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

type IcsRow = Row & {
  uid: string; name?: string; organisation?: string; supplierName?: string | null; end: string; noticeDeadline: string; autoRenew?: boolean;
  annualValue?: number; applications?: { name: string; criticality?: string }[];
};

const WORDS = {
  nl: { calendar: 'Roer: uiterste opzegdata', summary: 'Uiterste opzegdatum', supplier: 'Leverancier', applications: 'Applicaties', end: 'Einddatum', autoRenew: 'Stilzwijgend verlengd', value: 'Jaarwaarde', organisation: 'Organisatie' },
  en: { calendar: 'Roer: notice deadlines', summary: 'Notice deadline', supplier: 'Supplier', applications: 'Applications', end: 'End date', autoRenew: 'Renews automatically', value: 'Annual value', organisation: 'Organisation' },
};

export type IcsOptions = { language?: Language; organisationName?: (id: string) => string };

/**
 * Rows of contract-calendar → an .ics text in one language (Dutch unless asked otherwise), amounts
 * and dates as people write them. UID is stable per contract, so re-importing updates events.
 */
export function toIcs(rows: Row[], now: Date = new Date(), { language = 'nl', organisationName: organisation = organisationName }: IcsOptions = {}): string {
  const words = WORDS[language];
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Roer//Contract calendar//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(words.calendar)}`];
  for (const row of rows as IcsRow[]) {
    if (!row.noticeDeadline) continue;
    const applications = (row.applications ?? []).map(a => (a.criticality ? `${a.name} (${valueName(CRITICALITY_NAMES, a.criticality, language)})` : a.name)).join(', ');
    const description = [
      `${words.supplier}: ${row.supplierName ?? '-'}`,
      `${words.applications}: ${applications || '-'}`,
      `${words.end}: ${formatDate(row.end, language)}`,
      `${words.autoRenew}: ${YES_NO[row.autoRenew ? 'yes' : 'no'][language]}`,
      ...(row.annualValue !== undefined ? [`${words.value}: ${formatMoney(row.annualValue, language)}`] : []),
      ...(row.organisation ? [`${words.organisation}: ${organisation(row.organisation)}`] : []),
    ].join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${row.uid.replace(/[^A-Za-z0-9._:/-]/g, '_')}-notice@roer`,
      `DTSTAMP:${stamp(now)}`,
      `DTSTART;VALUE=DATE:${compact(row.noticeDeadline)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(row.noticeDeadline))}`,
      `SUMMARY:${escapeText(`${words.summary}: ${row.name ?? row.uid} (${row.supplierName ?? '-'})`)}`,
      `DESCRIPTION:${escapeText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
