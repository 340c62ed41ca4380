// Analysis rows as a table people open in Excel: headers in words, one row per item, numbers and
// dates as typed cells, lists as "A, B, C", uids and organisation ids as names, and the columns
// that only repeat another in machine form (a `uid` next to its `name`, `supplier` next to
// `supplierName`, `path` next to `pathNames`) left out. flatten.ts keeps the machine form for `format=csv`.
import type { Language } from '../labels.js';
import { columnName, cutWords } from '../labels.js';
import { type ColumnType, type Names, NUMERIC_TYPES, columnType, formatValue, noNames } from './columns.js';
import { dutchClock } from '../format.js';
import type { Cell, Table } from './flatten.js';

export type PeopleOptions = { language: Language; names?: Names };

/** Nested objects become dotted keys; lists stay lists (they are written as "A, B, C"). */
function flatten(row: Record<string, unknown>, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    const column = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) flatten(value as Record<string, unknown>, column, into);
    else into[column] = value;
  }
  return into;
}

/** Keys that only repeat another column in machine form. */
function repeated(keys: string[]): Set<string> {
  const present = new Set(keys);
  const dropped = new Set<string>();
  for (const key of keys) {
    const [prefix, last] = key.includes('.') ? [key.slice(0, key.lastIndexOf('.') + 1), key.slice(key.lastIndexOf('.') + 1)] : ['', key];
    if (last === 'uid' && present.has(`${prefix}name`)) dropped.add(key);
    if (last === 'level') dropped.add(key);
    if (present.has(`${key}Name`) || present.has(`${key}Names`)) dropped.add(key);
    // lock-in: every factor is a `<factor>Contribution` column as well
    if (last === 'factors' && keys.some(other => other.endsWith('Contribution'))) dropped.add(key);
    // sovereignty: every exit factor is a column of its own as well, and the chain is `chainNames`
    if (last === 'factors' && present.has('exitReadiness')) dropped.add(key);
    // common ground: every score component is a `<component>Contribution` column as well
    if (last === 'components' && keys.some(other => other.endsWith('Contribution'))) dropped.add(key);
  }
  return dropped;
}

/** A cell for people: a number for numeric types, a Date for dates, else the value in words. */
export function peopleCell(type: ColumnType, value: unknown, language: Language, names: Names): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (NUMERIC_TYPES.has(type) && typeof value === 'number') return value;
  if (type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return new Date(`${value.slice(0, 10)}T00:00:00Z`);
  // Several imports on one day told apart by their time, as the clock here showed it.
  if (type === 'dateTime') return dutchClock(value) ?? formatValue(type, value, language, names);
  return formatValue(type, value, language, names);
}

/**
 * Rows → a people's table. Columns are every key seen, in order of first appearance, typed by the
 * first value that is not empty. Cells are made as the table is read (a country-wide lock-in is
 * 150,000 rows: see flatten.ts `toTable`).
 */
export function peopleTable(rows: Record<string, unknown>[], { language, names = noNames }: PeopleOptions): Table {
  const keys: string[] = [];
  const samples = new Map<string, unknown>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(flatten(row))) {
      if (!samples.has(key)) keys.push(key), samples.set(key, undefined);
      if (samples.get(key) === undefined && value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0)) samples.set(key, value);
    }
  }
  const dropped = repeated(keys);
  const kept = keys.filter(key => !dropped.has(key));
  const types = kept.map(key => columnType(key, samples.get(key)));
  return {
    // A share's header says it is a percentage: the CSV writes the bare number (11,43).
    columns: kept.map((key, index) => (types[index] === 'percent' ? `${columnName(key, language)} in %` : columnName(key, language))),
    types,
    rows: {
      *[Symbol.iterator]() {
        for (const row of rows) {
          const flat = flatten(row);
          yield kept.map((key, index) => peopleCell(types[index], flat[key], language, names));
        }
      },
    },
  };
}

/**
 * A summary for people: its lists of records each a sheet of their own named in words, everything
 * else as "Onderwerp / Waarde" pairs on the first sheet.
 */
export function peopleSummarySheets(summary: Record<string, unknown>, { language, names = noNames }: PeopleOptions, title: string): { name: string; table: Table }[] {
  const lists: { name: string; table: Table }[] = [];
  const pairs: Cell[][] = [];
  const visit = (value: unknown, path: string) => {
    if (Array.isArray(value) && value.length > 0 && value.every(item => item !== null && typeof item === 'object' && !Array.isArray(item))) {
      lists.push({ name: columnName(path, language).replace(/ \((.*)\)$/, ' · $1'), table: peopleTable(value as Record<string, unknown>[], { language, names }) });
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && 'reason' in value && 'shown' in value && 'total' in value) {
      // A list cut short: one pair in words, not "reason (cut): limit".
      pairs.push([columnName(path, language), cutWords(value as Parameters<typeof cutWords>[0], language)]);
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const entries = Object.entries(value as Record<string, unknown>);
      const keys = entries.map(([key]) => key);
      for (const [key, item] of entries) if (!repeated(keys).has(key)) visit(item, path ? `${path}.${key}` : key);
    } else {
      // One value per row, of any type: numbers stay numbers, the rest is written in words.
      const type = columnType(path, value);
      const plain = (type === 'integer' || type === 'decimal') && typeof value === 'number';
      pairs.push([columnName(path, language), plain ? value : formatValue(type, value, language, names) || null]);
    }
  };
  visit(summary, '');
  const first = pairs.length ? [{ name: title, table: { columns: [columnName('subject', language), columnName('value', language)], types: ['text', 'text'] as ColumnType[], rows: pairs } }] : [];
  return [...first, ...lists];
}
