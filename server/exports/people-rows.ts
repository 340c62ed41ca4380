// An analysis's rows as people read them in CSV and XLSX (the JSON keeps the plain values): a
// data-quality finding's detail in one language, a contract named as the calendar names it.
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
