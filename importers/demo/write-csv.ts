// Landscape → the five canonical CSV files, in English (`,`, ISO dates, 1234.56, yes/no) or Dutch
// (`;`, Dutch headers from COLUMNS, dd-mm-jjjj, € 1.234,56, ja/nee, with a BOM so Excel reads UTF-8).
// Files are streamed: a country (≈400k rows) never exists as one string.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { COLUMNS, type Landscape, TABLES, type TableName } from '../model.js';
import { createWorld, generateMunicipality, type GenerateOptions } from './generate.js';

export type Dialect = 'en' | 'nl';
export type CsvOptions = { dialect?: Dialect };
export type WrittenCounts = Record<TableName, number>;

type Row = Record<string, unknown>;

/** Writes `<table>.csv` for the five tables into `dir` (created if missing); returns rows per table. */
export async function writeLandscapeCsv(landscape: Landscape, dir: string, options: CsvOptions = {}): Promise<WrittenCounts> {
  const writers = openWriters(dir, options.dialect ?? 'en', landscape);
  for (const table of TABLES) for (const row of landscape[table]) await writers[table].write(row);
  return closeWriters(writers);
}

/**
 * Generates and writes in one pass, a municipality at a time, so memory stays bounded at country
 * size. The bytes equal `writeLandscapeCsv(generateLandscape(options), …)`.
 */
export async function writeGeneratedCsv(options: GenerateOptions, dir: string, csv: CsvOptions = {}): Promise<WrittenCounts> {
  const world = createWorld(options);
  const writers = openWriters(dir, csv.dialect ?? 'en');
  for (const row of world.suppliers) await writers.suppliers.write(row);
  for (const row of world.platforms) await writers.platforms.write(row);
  for (let m = 0; m < world.municipalities.length; m++) {
    const rows = generateMunicipality(world, m);
    for (const row of rows.applications) await writers.applications.write(row);
    for (const row of rows.interfaces) await writers.interfaces.write(row);
    for (const row of rows.contracts) await writers.contracts.write(row);
  }
  return closeWriters(writers);
}

/** The header a dialect uses for a canonical column: the first Dutch alias, or the canonical name. */
export function headerFor(table: TableName, column: string, dialect: Dialect): string {
  return dialect === 'nl' ? (COLUMNS[table][column][0] ?? column) : column;
}

type TableWriter = { write(row: Row): Promise<void>; close(): Promise<void>; count: number };

function openWriters(dir: string, dialect: Dialect, landscape?: Landscape): Record<TableName, TableWriter> {
  mkdirSync(dir, { recursive: true });
  return Object.fromEntries(
    TABLES.map(table => {
      // Extra columns only when the whole landscape is known up front (the generator makes none).
      const extras = landscape ? [...new Set(landscape[table].flatMap(row => Object.keys(row.extra ?? {})))].sort() : [];
      return [table, tableWriter(join(dir, `${table}.csv`), table, dialect, extras)];
    }),
  ) as Record<TableName, TableWriter>;
}

async function closeWriters(writers: Record<TableName, TableWriter>): Promise<WrittenCounts> {
  await Promise.all(TABLES.map(table => writers[table].close()));
  return Object.fromEntries(TABLES.map(table => [table, writers[table].count])) as WrittenCounts;
}

/**
 * Columns the generator never fills (what the Softwarecatalogus knows of an application: package, version,
 * period of use, hosting text, BBN/IBP/BIV), left out so the example files stay readable.
 */
const NOT_GENERATED = new Set(['product', 'version', 'versionStatus', 'useStart', 'useEnd', 'hosting', 'bbnScore', 'ibpScore', 'biv']);

function tableWriter(path: string, table: TableName, dialect: Dialect, extras: string[]): TableWriter {
  const stream: WriteStream = createWriteStream(path);
  const delimiter = dialect === 'nl' ? ';' : ',';
  // A platform's product and version are generated (product-versions.ts): what it runs, for the ICT-foto.
  const columns = Object.keys(COLUMNS[table]).filter(column => table === 'platforms' || !NOT_GENERATED.has(column));
  const line = (cells: string[]) => cells.map(cell => quote(cell, delimiter)).join(delimiter) + '\n';
  let buffer = (dialect === 'nl' ? '\uFEFF' : '') + line([...columns.map(column => headerFor(table, column, dialect)), ...extras]);
  const flush = async () => {
    if (!buffer) return;
    const ok = stream.write(buffer);
    buffer = '';
    if (!ok) await once(stream, 'drain');
  };
  const writer: TableWriter = {
    count: 0,
    async write(row) {
      const extra = (row.extra ?? {}) as Record<string, unknown>;
      buffer += line([...columns.map(column => format(column, row[column], dialect)), ...extras.map(name => format(name, extra[name], dialect))]);
      writer.count++;
      if (buffer.length > 1 << 16) await flush();
    },
    async close() {
      await flush();
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    },
  };
  return writer;
}

const DUTCH: Record<string, Record<string, string>> = {
  criticality: { low: 'laag', medium: 'midden', high: 'hoog', critical: 'kritiek' },
  type: { 'on-premise': 'eigen serverruimte', 'data-centre': 'rekencentrum', saas: 'saas', iaas: 'cloud' },
  jurisdiction: { NL: 'NL', EU: 'EU', US: 'VS', other: 'overig' },
};

/** One cell as text in the dialect; the column name says how dates, amounts and enums look. */
function format(column: string, value: unknown, dialect: Dialect): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('|');
  if (typeof value === 'boolean') return dialect === 'nl' ? (value ? 'ja' : 'nee') : value ? 'yes' : 'no';
  if (dialect === 'en') return String(value);
  if ((column === 'start' || column === 'end') && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [year, month, day] = value.split('-');
    return `${day}-${month}-${year}`;
  }
  if (column === 'annualValue' && typeof value === 'number') return euros(value);
  return DUTCH[column]?.[String(value)] ?? String(value);
}

/** 1234.5 → `€ 1.234,50` */
function euros(amount: number): string {
  const [whole, cents] = Math.abs(amount).toFixed(2).split('.');
  return `${amount < 0 ? '-' : ''}€ ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents}`;
}

/** A CSV cell as written: quoted when it holds the delimiter, a quote or a line break. */
export function quote(cell: string, delimiter: string): string {
  return cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r') ? `"${cell.replace(/"/g, '""')}"` : cell;
}
