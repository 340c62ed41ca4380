// Files → raw tables. Which table a CSV holds comes from its file name, an XLSX sheet from its sheet
// name; columns are matched to fields by COLUMNS (English/Dutch) and the user's mapping. Cells stay
// raw text here: validate.ts turns them into rows or issues.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { InputError } from '../server/errors.js';
import { fileProblems } from './file-problem.js';
import { COLUMNS, TABLES, type TableName, extraProperty } from './model.js';
import { type FileInput, type Mapping, headerIndex, normalizeHeader } from './mapping.js';
import { type Grid, readCsv } from './sources/csv.js';
import { readXlsx } from './sources/xlsx.js';
import type { IssueCode, IssueParams } from './issue-words.js';

/**
 * One problem, always with where it is and what was expected. `column` is the header as written in the file.
 * `message` and `expected` are English (the CLI prints them); `code` and `params` are the same as data,
 * which importers/issue-words.ts puts in Dutch or English.
 */
export type Issue = { file: string; line: number; column: string; field: string; value: string; expected: string; message: string; code?: IssueCode; params?: IssueParams };

/** Values echoed in an issue are cut to this many characters: a 100,000-character cell is not shown back whole (twice). */
export const SHOWN_CHARACTERS = 200;
export function shorten(text: string): string {
  if (text.length <= SHOWN_CHARACTERS) return text;
  const end = /[\uD800-\uDBFF]/.test(text[SHOWN_CHARACTERS - 1]) ? SHOWN_CHARACTERS - 1 : SHOWN_CHARACTERS; // not half a surrogate pair
  return `${text.slice(0, end)}…`;
}

/** A column name longer than this is not a header (and could not become a property name). */
export const MAX_HEADER_CHARACTERS = 200;

export type RawRow = { line: number; values: Record<string, string>; extra: Record<string, string> };
export type RawTable = {
  table: TableName;
  file: string;
  headerLine: number;
  /** field → the header as written in the file */
  columns: Record<string, string>;
  /** headers that match no field; their values are kept as `extra` */
  extraColumns: string[];
  rows: RawRow[];
  /** problems found while reading (a row with more cells than headers, a column given twice) */
  issues: Issue[];
  /** The hash of each row's text in the file, aligned with `rows` (a CSV file's; importers/raw-index.ts). */
  rawHashes?: string[];
  /** The hashes of rows left unread because the source's index knew them (ReadOptions.carry), in file order. */
  carried?: string[];
};

/** `carry`: per table, the row hashes the source's raw-row index knows (importers/raw-index.ts): rows with those are not parsed. */
export type ReadOptions = { mapping?: Mapping; sizeLimitBytes?: number; carry?: (table: TableName) => ((hash: string) => boolean) | undefined };

export const DEFAULT_SIZE_LIMIT_BYTES = 50 * 1024 * 1024;

/** The file or sheet names of each table: English, then Dutch. */
export const TABLE_NAMES: Record<TableName, [string, string]> = {
  suppliers: ['suppliers', 'leveranciers'],
  platforms: ['platforms', 'platformen'],
  applications: ['applications', 'applicaties'],
  interfaces: ['interfaces', 'koppelingen'],
  contracts: ['contracts', 'contracten'],
};
const acceptedNames = TABLES.map(table => TABLE_NAMES[table].join('/')).join(', ');
const acceptedNamesNl = TABLES.map(table => [...TABLE_NAMES[table]].reverse().join('/')).join(', ');

/** `gemeente-x-Applicaties.csv` → 'applications'; the name must end in a table name (English or Dutch). */
export function tableFor(name: string): TableName | undefined {
  const stem = basename(name).replace(/\.[^.]*$/, '').toLowerCase().trim();
  for (const table of TABLES) {
    for (const word of TABLE_NAMES[table]) {
      if (stem === word || new RegExp(`(^|[^a-z])${word}$`).test(stem)) return table;
    }
  }
  return undefined;
}

const kindOf = (name: string) => {
  const ext = extname(name).toLowerCase();
  return ext === '.csv' || ext === '.txt' ? 'csv' : ext === '.xlsx' ? 'xlsx' : undefined;
};

/** Paths (files or folders) → files in memory; a folder contributes its .csv and .xlsx files. */
export function filesFromPaths(paths: string[], sizeLimitBytes = DEFAULT_SIZE_LIMIT_BYTES): FileInput[] {
  const files: FileInput[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new InputError(`${path}: no such file or folder`);
    }
    const entries = stat.isDirectory()
      ? readdirSync(path).sort().filter(name => kindOf(name) && !name.startsWith('~$') && !name.startsWith('.')).map(name => join(path, name))
      : [path];
    if (stat.isDirectory() && entries.length === 0) throw new InputError(`${path}: the folder holds no .csv or .xlsx files / ${path}: de map bevat geen .csv- of .xlsx-bestanden`);
    for (const entry of entries) {
      const size = statSync(entry).size;
      checkSize(basename(entry), size, sizeLimitBytes);
      files.push({ name: basename(entry), bytes: readFileSync(entry) });
    }
  }
  return files;
}

function checkSize(name: string, size: number, limit: number) {
  if (size > limit) throw new InputError(`${name}: the file is ${mb(size)}, more than the limit of ${mb(limit)} / ${name}: het bestand is ${mb(size).replace('.', ',')}, meer dan de grens van ${mb(limit).replace('.', ',')}`);
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Workbooks whose every table sheet has only its header (the untouched template): nothing to import, nothing written. */
export class NothingToImportError extends InputError {
  constructor(readonly files: string[]) {
    super(
      `Nothing to import / niets te importeren: ${files.join(', ')} ${files.length === 1 ? 'has' : 'have'} no rows below the headers of the sheets leveranciers, platformen, applicaties, koppelingen and contracten. ` +
        'Fill in at least one sheet (one row per supplier, platform, application, interface or contract) and import it again; sheets left empty keep what Roer has. ' +
        '/ Het sjabloon is nog leeg: vul minstens één tabblad in en importeer opnieuw; lege tabbladen laten staan wat Roer al heeft.',
    );
  }
}

/**
 * Files → raw tables. Files that cannot be tables at all throw one InputError naming each
 * (fileProblems). Each file is taken out of `files` as it is read: a caller that hands over its only
 * list lets go of each file's bytes once it is read (the country's CSV files are 40 MB).
 */
export async function readTables(files: FileInput[], options: ReadOptions = {}): Promise<RawTable[]> {
  const limit = options.sizeLimitBytes ?? DEFAULT_SIZE_LIMIT_BYTES;
  if (files.length === 0) throw new InputError('No files to import (expected CSV files or an XLSX workbook) / Geen bestanden om te importeren (verwacht: CSV-bestanden of een XLSX-werkmap)');
  const tables: RawTable[] = [];
  const headerOnly: string[] = [];
  // Each file is read even when one before it could not be: the user sees every file's problem at once.
  const problems: { file: string; error: InputError }[] = [];
  for (let file = files.shift(); file; file = files.shift()) {
    try {
      const read = await readFile(file, options, limit);
      if (read.length === 0) headerOnly.push(file.name);
      tables.push(...read);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push({ file: file.name, error });
    }
  }
  if (problems.length > 0) throw problems.length === 1 ? problems[0].error : fileProblems(problems);
  if (tables.length === 0) throw new NothingToImportError(headerOnly);
  return tables;
}

/** One file → its tables; a file that cannot be a table throws an InputError naming it. */
async function readFile(file: FileInput, options: ReadOptions, limit: number): Promise<RawTable[]> {
  const tables: RawTable[] = [];
  checkSize(file.name, file.bytes.byteLength, limit);
  if (file.bytes.byteLength === 0) throw new InputError(`${file.name}: the file is empty / ${file.name}: het bestand is leeg`);
  const kind = kindOf(file.name);
  if (kind === 'csv') {
    const table = tableFor(file.name);
    if (!table) throw new InputError(`${file.name}: cannot tell which table this is; name the file after one of ${acceptedNames} (e.g. gemeente-x-applications.csv) / ${file.name}: onbekend welke tabel dit is; laat de bestandsnaam eindigen op een van ${acceptedNamesNl} (bijvoorbeeld gemeente-x-applicaties.csv)`);
    const known = options.carry?.(table);
    tables.push(toTable(table, readCsv(file, known ? { known } : undefined), options.mapping));
  } else if (kind === 'xlsx') {
    const sheets = await readXlsx(file);
    const known = sheets.filter(sheet => tableFor(sheet.sheet));
    if (known.length === 0) {
      const found = sheets.map(sheet => sheet.sheet).join(', ');
      throw new InputError(`${file.name}: no sheet named after a table (found: ${found || 'none'}; expected ${acceptedNames}) / ${file.name}: geen tabblad met de naam van een tabel (gevonden: ${found || 'geen'}; verwacht: ${acceptedNamesNl})`);
    }
    for (const sheet of known) {
      if (sheet.headers.length === 0) throw new InputError(`${sheet.file}: the sheet is empty (expected a header row and rows) / ${sheet.file}: het tabblad is leeg (verwacht: een kopregel en rijen)`);
      // A sheet with its header and nothing below is one the user left as the template has it (a
      // workbook always holds all five): left out, so what the source has of that table stays. A
      // header-only CSV file is still an issue: a file is sent on purpose, a sheet comes along.
      if (sheet.records.length === 0) continue;
      tables.push(toTable(tableFor(sheet.sheet)!, sheet, options.mapping));
    }
  } else {
    throw new InputError(`${file.name}: not a CSV or XLSX file (expected .csv or .xlsx) / ${file.name}: geen CSV- of XLSX-bestand (verwacht: .csv of .xlsx)`);
  }
  return tables;
}

function toTable(table: TableName, grid: Grid, mapping?: Mapping): RawTable {
  const index = headerIndex(table, mapping);
  const fieldAt: (string | undefined)[] = [];
  const columns: Record<string, string> = {};
  const extraColumns: string[] = [];
  const extraAt: (string | undefined)[] = [];
  const issues: Issue[] = [];
  grid.headers.forEach((header, i) => {
    if (header === '') {
      // A nameless column is only a problem if it holds something (reported per row below).
      extraAt[i] = undefined;
      return;
    }
    if (header.length > MAX_HEADER_CHARACTERS) {
      issues.push({
        file: grid.file, line: grid.headerLine, column: shorten(header), field: '', value: shorten(header), expected: `a column name of at most ${MAX_HEADER_CHARACTERS} characters`,
        code: 'header-too-long', params: { number: i + 1, length: header.length, max: MAX_HEADER_CHARACTERS },
        message: `${grid.file}:${grid.headerLine}: column ${i + 1} has a name of ${header.length} characters (a row of data in the header line?)`,
      });
      return;
    }
    const field = index.get(normalizeHeader(header));
    if (!field) {
      // Two columns kept under one property would leave only the last one's values.
      const twin = extraColumns.find(other => extraProperty(other) === extraProperty(header));
      if (twin !== undefined) {
        issues.push({
          file: grid.file, line: grid.headerLine, column: header, field: '', value: header, expected: twin === header ? 'each column once' : 'columns with names of their own',
          ...(twin === header ? { code: 'column-twice' as const } : { code: 'columns-same-property' as const, params: { twin, property: extraProperty(header) } }),
          message: twin === header ? `${grid.file}:${grid.headerLine}: column "${header}" appears twice` : `${grid.file}:${grid.headerLine}: columns "${twin}" and "${header}" would both be kept as ${extraProperty(header)}; rename one`,
        });
      } else {
        extraColumns.push(header);
        extraAt[i] = header;
      }
      return;
    }
    if (columns[field] !== undefined) {
      issues.push({
        file: grid.file, line: grid.headerLine, column: header, field, value: header, expected: 'each column once',
        code: 'columns-same-field', params: { first: columns[field] },
        message: `${grid.file}:${grid.headerLine}: columns "${columns[field]}" and "${header}" are both ${field}; keep one`,
      });
      return;
    }
    columns[field] = header;
    fieldAt[i] = field;
  });
  if (Object.keys(columns).length === 0) {
    const expected = Object.entries(COLUMNS[table]).map(([field, aliases]) => [field, ...aliases].join('/')).join(', ');
    const found = grid.headers.filter(Boolean).join(', ');
    throw new InputError(`${grid.file}: no recognisable header in line ${grid.headerLine} for ${table} (found: ${found || 'nothing'}; expected columns such as ${expected}) / ` +
      `${grid.file}, regel ${grid.headerLine}: geen herkenbare kopregel voor ${TABLE_NAMES[table][1]} (gevonden: ${found || 'niets'}; verwacht: kolommen zoals ${expected})`);
  }
  for (const bad of grid.badCells ?? []) {
    issues.push({ file: grid.file, line: bad.line, column: grid.headers[bad.index] ?? '', field: fieldAt[bad.index] ?? '', value: shorten(bad.value), expected: bad.expected, message: bad.message, code: bad.code, params: bad.params });
  }
  const width = grid.headers.length;
  const rows: RawRow[] = [];
  for (const record of grid.records) {
    const values: Record<string, string> = {};
    const extra: Record<string, string> = {};
    record.cells.forEach((cell, i) => {
      if (fieldAt[i]) values[fieldAt[i]!] = cell;
      else if (extraAt[i] && cell.trim() !== '') extra[extraAt[i]!] = cell.trim();
    });
    const surplus = record.cells.slice(width).concat(record.cells.slice(0, width).filter((_, i) => grid.headers[i] === ''));
    if (surplus.some(cell => cell.trim() !== '')) {
      issues.push({
        file: grid.file, line: record.line, column: '', field: '', value: shorten(surplus.filter(cell => cell.trim() !== '').join(' | ')),
        expected: `at most ${width} cells, each under a named column`,
        code: 'cell-without-header', params: { cells: record.cells.length, named: grid.headers.filter(Boolean).length, width },
        message: `${grid.file}:${record.line}: a value in a column without a header (${record.cells.length} cells, ${grid.headers.filter(Boolean).length} named columns)`,
      });
    }
    if (record.cells.length < width && grid.delimiter) {
      issues.push({
        file: grid.file, line: record.line, column: grid.headers[record.cells.length] ?? '', field: '', value: String(record.cells.length),
        expected: `${width} cells separated by "${grid.delimiter}"`,
        code: 'too-few-cells', params: { cells: record.cells.length, width, delimiter: grid.delimiter },
        message: `${grid.file}:${record.line}: ${record.cells.length} cells where the header has ${width} (a missing "${grid.delimiter}" or an unclosed quote?)`,
      });
    }
    rows.push({ line: record.line, values, extra });
  }
  return { table, file: grid.file, headerLine: grid.headerLine, columns, extraColumns, rows, issues, ...(grid.hashes ? { rawHashes: grid.hashes } : {}), ...(grid.carried?.length ? { carried: grid.carried } : {}) };
}
