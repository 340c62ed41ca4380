// CSV for Excel: UTF-8 with BOM (or Excel guesses Windows-1252), RFC 4180 quoting, formulas neutralised.
// With `;` it is for Excel with Dutch regional settings, which reads `1234,5` as a number and
// `31-03-2027` as a date; with `,` numbers keep their point and dates stay `2027-03-31`.
import { formatDate } from '../format.js';
import { type Cell, type Table, neutralise } from './flatten.js';

export type CsvDelimiter = ',' | ';';

/** Lines per piece of csvPieces. */
const LINES = 500;

/** The CSV text of `table` in pieces of LINES lines, for a response that is written as it is made. */
export function* csvPieces(table: Table, delimiter: CsvDelimiter = ','): Generator<string> {
  const quote = (value: string) => (value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const dutch = delimiter === ';';
  const cell = (value: Cell) => {
    if (value instanceof Date) {
      // A moment (people.ts dutchClock) keeps its time; a day is midnight.
      const time = value.toISOString().slice(11, 16);
      return `${dutch ? formatDate(value, 'nl') : value.toISOString().slice(0, 10)}${time === '00:00' ? '' : ` ${time}`}`;
    }
    if (typeof value === 'number' && dutch) return String(value).replace('.', ',');
    const safe = neutralise(value);
    return safe === null ? '' : quote(String(safe));
  };
  yield `\uFEFF${table.columns.map(column => quote(String(neutralise(column)))).join(delimiter)}\r\n`;
  let lines: string[] = [];
  for (const row of table.rows) {
    lines.push(row.map(cell).join(delimiter));
    if (lines.length === LINES) {
      yield `${lines.join('\r\n')}\r\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\r\n')}\r\n`;
}
