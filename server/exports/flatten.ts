// Analysis rows hold nested values (factor lists, paths); spreadsheets want one scalar per cell.
import type { ColumnType } from './columns.js';

export type Cell = string | number | boolean | Date | null;
/**
 * `rows` may be made as they are read (toTable): iterate it, do not index it. `types`, when given
 * (people.ts), say how each column is formatted: euros, percentages, dates. `cellTypes`, for a small
 * table whose rows hold different kinds of number (a report's key figures), format single cells:
 * `cellTypes.get(row)?.[column]`, rows counted from 0 below the header.
 */
export type Table = { columns: string[]; rows: Iterable<Cell[]>; types?: ColumnType[]; cellTypes?: Map<number, (ColumnType | undefined)[]> };

/** Objects become dotted columns (`factors.exitPlan.value`); lists of scalars are joined with '; '; lists of objects become JSON. */
export function flattenRow(row: Record<string, unknown>, prefix = '', into: Record<string, Cell> = {}): Record<string, Cell> {
  for (const [key, value] of Object.entries(row)) {
    const column = prefix ? `${prefix}.${key}` : key;
    if (value === null || value === undefined) into[column] = null;
    else if (Array.isArray(value)) {
      into[column] = value.every(item => item === null || typeof item !== 'object') ? value.map(item => (item === null ? '' : String(item))).join('; ') : JSON.stringify(value);
    } else if (value instanceof Date) into[column] = value.toISOString();
    else if (typeof value === 'object') flattenRow(value as Record<string, unknown>, column, into);
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') into[column] = value;
    else into[column] = String(value);
  }
  return into;
}

/**
 * Rows → a table whose columns are every key seen, in order of first appearance. The cells are made
 * row by row as the table is read, not kept: a country-wide lock-in is 150,000 rows of 40 columns,
 * and holding them flattened took the server past 2.5 GB for one CSV export.
 */
export function toTable(rows: Record<string, unknown>[]): Table {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(flattenRow(row))) if (!seen.has(key)) (seen.add(key), columns.push(key));
  return {
    columns,
    rows: {
      *[Symbol.iterator]() {
        for (const row of rows) {
          const flat = flattenRow(row);
          yield columns.map(column => flat[column] ?? null);
        }
      },
    },
  };
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or tab/CR, which some strip first) as a formula.
 * Prefixing a quote shows the text as typed (OWASP "CSV injection"). Numbers stay numbers.
 */
export function neutralise(value: Cell): Cell {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
