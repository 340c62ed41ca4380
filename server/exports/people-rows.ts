// An analysis's rows as people read them in CSV and XLSX (the JSON keeps the plain values): a
// data-quality finding's detail in one language, a contract named as the calendar names it; and a
// summary's keys where the API's name means something else in a column (the calendar's window).
import type { Row } from '../analyses/types.js';
import { dataQualityDetail } from '../analyses/data-quality-words.js';
import type { Language } from '../labels.js';
import { calendarContractTitle } from '../reports/contract-name.js';

export function peopleRows(analysis: string, rows: Row[], language: Language): Row[] {
  if (analysis === 'data-quality') return rows.map(row => ({ ...row, detail: dataQualityDetail(row, language) }));
  // "Berichtenbus en Zaaksysteem (c-0018)", not the id alone; the supplier has its own column.
  if (analysis === 'contract-calendar') {
    return rows.map(row => ({ ...row, name: calendarContractTitle(row as Parameters<typeof calendarContractTitle>[0], language, typeof row.supplierName === 'string' ? row.supplierName : undefined) }));
  }
  return rows;
}

/** The calendar's window read as one: "Van"/"Naar" are an interface's ends elsewhere, and "Opzegdatum verstreken" a yes/no. */
const CALENDAR_SUMMARY_KEYS: Record<string, string> = { from: 'windowFrom', to: 'windowTo', overdue: 'overdueContracts' };

export function peopleSummary(analysis: string, summary: Record<string, unknown>): Record<string, unknown> {
  if (analysis !== 'contract-calendar') return summary;
  return Object.fromEntries(Object.entries(summary).map(([key, value]) => [CALENDAR_SUMMARY_KEYS[key] ?? key, value]));
}
