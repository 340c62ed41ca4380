// CSV for Excel: UTF-8 with BOM (or Excel guesses Windows-1252), RFC 4180 quoting, formulas neutralised.
import { type Table, neutralise } from './flatten.js';

export type CsvDelimiter = ',' | ';';

export function toCsv(table: Table, delimiter: CsvDelimiter = ','): string {
  const quote = (value: string) => (value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const cell = (value: Table['rows'][number][number]) => {
    const safe = neutralise(value);
    return safe === null ? '' : quote(String(safe));
  };
  const lines = [table.columns.map(column => quote(String(neutralise(column)))), ...table.rows.map(row => row.map(cell))];
  return `\uFEFF${lines.map(line => line.join(delimiter)).join('\r\n')}\r\n`;
}
