// The contract calendar as an iCalendar file (RFC 5545): all-day events on each contract's notice
// deadline (only when it renews automatically and the deadline is still ahead) and end date, each
// with a reminder a month before.
import { dutchDay, formatDate, formatMoney } from '../format.js';
import { CRITICALITY_NAMES, type Language, organisationName, valueName } from '../labels.js';
import { calendarContractTitle } from '../reports/contract-name.js';
import { addDays } from './params.js';
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
const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

type IcsRow = Row & {
  uid: string; name?: string; organisation?: string; supplierName?: string | null; end: string; noticeDeadline: string; autoRenew?: boolean;
  renewed?: boolean; contractEnd?: string; annualValue?: number; applications?: { name: string; criticality?: string }[]; daysToNoticeDeadline?: number;
};

const WORDS = {
  nl: {
    calendar: 'Roer: contractkalender', notice: 'Opzeggen uiterlijk', ends: 'Contract loopt af, regel vervolg', renews: 'Contract verlengt stilzwijgend',
    supplier: 'Leverancier', applications: 'Applicaties', noticeDeadline: 'Uiterste opzegdatum', end: 'Einddatum', renewal: 'Verlenging', value: 'Jaarwaarde', organisation: 'Organisatie',
    autoRenew: 'verlengt stilzwijgend als niet op tijd wordt opgezegd', noAutoRenew: 'geen stilzwijgende verlenging: loopt af op de einddatum', renewed: 'al stilzwijgend verlengd; de einddatum volgens het contract was {date}',
  },
  en: {
    calendar: 'Roer: contract calendar', notice: 'Give notice by', ends: 'Contract ends, arrange what follows', renews: 'Contract renews automatically',
    supplier: 'Supplier', applications: 'Applications', noticeDeadline: 'Notice deadline', end: 'End date', renewal: 'Renewal', value: 'Annual value', organisation: 'Organisation',
    autoRenew: 'renews automatically unless notice is given in time', noAutoRenew: 'no automatic renewal: ends on the end date', renewed: 'already renewed automatically; the end date in the contract was {date}',
  },
};

export type IcsOptions = { language?: Language; organisationName?: (id: string) => string };

/** Days before an event that the calendar reminds: a month leaves time to act. */
const REMINDER = '-P30D';

/**
 * Rows of contract-calendar → an .ics text in one language (Dutch unless asked otherwise), amounts
 * and dates as people write them: per contract an all-day event on its end date and, when it renews
 * automatically, one on its notice deadline, each titled by what happens that day. A contract without
 * automatic renewal has nothing to cancel, and a notice deadline already passed can no longer be
 * met: neither gets a notice event. UIDs are stable per contract and kind of date, so re-importing
 * updates the events.
 */
export function toIcs(rows: Row[], now: Date = new Date(), { language = 'nl', organisationName: organisation = organisationName }: IcsOptions = {}): string {
  const words = WORDS[language];
  const today = dutchDay(now);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Roer//Contract calendar//NL', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `X-WR-CALNAME:${escapeText(words.calendar)}`];
  const event = (uid: string, date: string, summary: string, description: string) => lines.push(
    'BEGIN:VEVENT',
    `UID:${uid}@roer`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART;VALUE=DATE:${compact(date)}`,
    `DTEND;VALUE=DATE:${compact(addDays(date, 1))}`,
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `TRIGGER;RELATED=START:${REMINDER}`,
    `DESCRIPTION:${escapeText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
  );
  for (const row of rows as IcsRow[]) {
    const applications = (row.applications ?? []).map(a => (a.criticality ? `${a.name} (${valueName(CRITICALITY_NAMES, a.criticality, language)})` : a.name)).join(', ');
    const renewal = row.renewed && row.contractEnd ? words.renewed.replace('{date}', formatDate(row.contractEnd, language)) : row.autoRenew ? words.autoRenew : words.noAutoRenew;
    const description = [
      `${words.supplier}: ${row.supplierName ?? '-'}`,
      `${words.applications}: ${applications || '-'}`,
      ...(row.noticeDeadline ? [`${words.noticeDeadline}: ${formatDate(row.noticeDeadline, language)}`] : []),
      ...(row.end ? [`${words.end}: ${formatDate(row.end, language)}`] : []),
      `${words.renewal}: ${renewal}`,
      ...(row.annualValue !== undefined ? [`${words.value}: ${formatMoney(row.annualValue, language)}`] : []),
      ...(row.organisation ? [`${words.organisation}: ${organisation(row.organisation)}`] : []),
    ].join('\n');
    const uid = row.uid.replace(/[^A-Za-z0-9._:/-]/g, '_');
    const title = calendarContractTitle(row, language);
    // Past by the analysis's reference date when it gives one, else by the file's own date.
    const noticePassed = row.daysToNoticeDeadline !== undefined ? row.daysToNoticeDeadline < 0 : row.noticeDeadline < today;
    if (row.autoRenew && row.noticeDeadline && !noticePassed) event(`${uid}-notice`, row.noticeDeadline, `${words.notice}: ${title}`, description);
    if (row.end) event(`${uid}-end`, row.end, `${row.autoRenew ? words.renews : words.ends}: ${title}`, description);
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
