// One CSV file → a grid of text cells with the line number of every record. English (`,`, UTF-8)
// and Dutch (`;`, Windows-1252 from Excel) files are both common, so encoding and delimiter are
// detected here rather than guessed by csv-parse (see shared/notes/pitfalls.md).
import { CsvError, parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { InputError } from '../../server/errors.js';
import { cellAt, csvProblemMessage } from '../csv-problem.js';
import { stringInterner } from '../../server/once.js';
import type { FileInput } from '../mapping.js';
import { rowHash } from '../row-state.js';

export type Grid = {
  file: string;
  headerLine: number;
  headers: string[];
  records: { line: number; cells: string[] }[];
  encoding: string;
  delimiter: string;
  /**
   * The hash of each record's text, aligned with `records` (importers/raw-index.ts); absent where the
   * records could not be told apart before parsing (bytes that are not UTF-8, a bare carriage return).
   */
  hashes?: string[];
  /** Records left unparsed because `known` knew their hash (readCsv's `carry`): their hashes, in file order. */
  carried?: string[];
  /** Cells holding bytes that are not UTF-8 in a file that otherwise is: `index` is the cell's position in its record (the header line too). */
  badCells?: { line: number; index: number; value: string; expected: string; message: string; code: 'not-utf8'; params: { bytes: string } }[];
};

export const MAX_RECORD_SIZE = 1_000_000;

const cp1252 = (byte: number) => iconv.decode(Buffer.from([byte]), 'win1252');

/**
 * Strict UTF-8 (BOM stripped), UTF-16 with a BOM, else Windows-1252 (what Dutch Excel writes). A file
 * that is UTF-8 but for some bytes (a line pasted from a Windows-1252 file) is neither: decoding all of
 * it as Windows-1252 turns its UTF-8 into "SociÃ©tÃ©". Then every byte that is not UTF-8 becomes
 * U+FFFD and is listed in `invalid`, for readCsv to report where it is.
 */
export function decode(bytes: Uint8Array): { text: string; encoding: string; invalid?: number[] } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const { invalid, multibyte } = scanUtf8(body);
    // A Windows-1252 file next to never holds a valid UTF-8 sequence of two or more bytes (Ã followed by ©).
    if (multibyte === 0 && !bom) return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const parts: string[] = [];
    let start = 0;
    for (const offset of invalid) {
      parts.push(utf8.decode(body.subarray(start, offset)), '\uFFFD');
      start = offset + 1;
    }
    parts.push(utf8.decode(body.subarray(start)));
    return { text: parts.join(''), encoding: 'utf-8', invalid: invalid.map(offset => body[offset]) };
  }
}

/** Offsets of the bytes that start no valid UTF-8 sequence, and how many valid sequences of 2–4 bytes there are. */
function scanUtf8(bytes: Uint8Array): { invalid: number[]; multibyte: number } {
  const invalid: number[] = [];
  let multibyte = 0;
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i];
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    // The second byte's range excludes overlong forms, surrogates and code points above U+10FFFF.
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let valid = length > 0 && i + length <= bytes.length && bytes[i + 1] >= low && bytes[i + 1] <= high;
    for (let k = 2; valid && k < length; k++) valid = bytes[i + k] >= 0x80 && bytes[i + k] <= 0xbf;
    if (valid) {
      multibyte++;
      i += length;
    } else invalid.push(i++);
  }
  return { invalid, multibyte };
}

/** `;`, `,` or tab, whichever occurs most in the header line outside quotes (ties: `,`). */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text.replace(/^[\s\uFEFF]+/, '')) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char]++;
  }
  return [';', '\t'].reduce((best, candidate) => (counts[candidate] > counts[best] ? candidate : best), ',');
}

/**
 * The file's records as the text between record ends (a line break outside quotes), with the line
 * each starts on; empty lines left out, as csv-parse leaves them out. Null for a file with a carriage
 * return that ends no line (csv-parse would take it as the record end).
 */
export function splitRecords(text: string): { texts: string[]; lines: number[] } | null {
  const texts: string[] = [];
  const lines: number[] = [];
  let quoted = false;
  let line = 1;
  let start = 0;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a && !quoted) return null;
    else if (c === 0x0a) {
      line++;
      if (quoted) continue;
      const end = i > start && text.charCodeAt(i - 1) === 0x0d ? i - 1 : i;
      if (end > start) {
        texts.push(text.slice(start, end));
        lines.push(startLine);
      }
      start = i + 1;
      startLine = line;
    }
  }
  if (start < text.length && text.slice(start).replace(/\r$/, '') !== '') {
    texts.push(text.slice(start).replace(/\r$/, ''));
    lines.push(startLine);
  }
  return { texts, lines };
}

/** A record of nothing but delimiters, quotes and spaces: left out below the table. */
const blankRecord = (text: string) => !/[^\s,;\t"]/.test(text);

/**
 * One CSV file → its grid. With `carry`, records whose text `known` knows are left unparsed (their
 * hashes are the grid's `carried`): a re-import parses only the records that changed (raw-index.ts).
 */
export function readCsv(file: FileInput, carry?: { known: (hash: string) => boolean }): Grid {
  if (looksBinary(file.bytes)) {
    throw new InputError(`${file.name}: not a CSV file (it contains binary data${isZip(file.bytes) ? '; it looks like an XLSX workbook — save it as .xlsx' : ''}); expected text: in Excel, save it as "CSV UTF-8" / ` +
      `${file.name}: geen CSV-bestand (het bevat binaire gegevens${isZip(file.bytes) ? '; het lijkt een XLSX-werkmap: sla het op als .xlsx' : ''}); verwacht: tekst, in Excel opgeslagen als "CSV UTF-8"`);
  }
  const { text, encoding, invalid } = decode(file.bytes);
  const delimiter = sniffDelimiter(text);
  const split = invalid ? null : splitRecords(text);
  const hashes = split?.texts.map(rowHash);
  // Parsed: the header and every record before it, and each record not known or twice in the file.
  if (carry && split && hashes) {
    const header = split.texts.findIndex(record => !blankRecord(record));
    const count = new Map<string, number>();
    for (const hash of hashes) count.set(hash, (count.get(hash) ?? 0) + 1);
    const carried = hashes.map((hash, i) => i > header && count.get(hash) === 1 && carry.known(hash));
    const kept = split.texts.flatMap((_, i) => (carried[i] ? [] : [i]));
    if (header >= 0 && kept.length < split.texts.length) {
      const grid = readCsvRecords(file, kept.map(i => split.texts[i]).join('\n'), encoding, undefined, delimiter, { lines: kept.map(i => split.lines[i]), hashes: kept.map(i => hashes[i]) });
      // A record csv-parse reads otherwise than split (a quote inside an unquoted cell): the file is read whole.
      if (grid) return { ...grid, carried: hashes.filter((_, i) => carried[i]) };
    }
  }
  return readCsvRecords(file, text, encoding, invalid, delimiter, split && hashes ? { lines: null, hashes } : null)!;
}

/**
 * The records of `text` through csv-parse. `split`: the records as splitRecords made them, with their
 * hashes, and (for a text of some of a file's records) the line each starts on in the file; null when
 * csv-parse finds other records than split did.
 */
function readCsvRecords(file: FileInput, text: string, encoding: string, invalid: number[] | undefined, delimiter: string, split: { lines: number[] | null; hashes: string[] } | null): Grid | null {
  // Each record is kept as its cells and where it ends, with one string per distinct text: a column's
  // values repeat (organisation, supplier, product name), and the rows and the landscape made from
  // them keep these strings until the load. Measured on the country's CSV (live heap), against a
  // string per cell and csv-parse's `info` per record: the grid of the 21 MB applications file 78 →
  // 26 MB, the validated landscape 188 → 111 MB.
  const one = stringInterner();
  const ends: number[] = [];
  let records: { line: number; cells: string[] }[];
  let firstRecord: string[] | undefined;
  try {
    const kept = (record: string[], context: { bytes: number }) => {
      firstRecord ??= record;
      ends.push(context.bytes);
      return { line: 0, cells: record.map(one) };
    };
    // csv-parse's types expect on_record to return a string[] unless `columns` is set.
    records = parse(text, { delimiter, bom: true, max_record_size: MAX_RECORD_SIZE, skip_empty_lines: true, relax_column_count: true, on_record: kept as never }) as never;
  } catch (error) {
    if (split?.lines) return null;
    if (error instanceof CsvError) throw csvProblem(file.name, text, delimiter, error, ends.at(-1) ?? 0, firstRecord);
    throw error;
  }
  const aligned = split && split.hashes.length === records.length;
  if (split?.lines && !aligned) return null;
  const lines = split?.lines && aligned ? split.lines : startLines(text, ends);
  records.forEach((record, i) => (record.line = lines[i]));
  // Lines with only delimiters (`;;;;`, as Excel writes below a table) carry nothing.
  const filled = records.map(record => record.cells.some(cell => cell.trim() !== ''));
  records = records.filter((_, i) => filled[i]);
  const hashes = aligned ? split.hashes.filter((_, i) => filled[i]) : undefined;
  hashes?.shift();
  const badCells = invalid ? findBadCells(file.name, records, invalid) : undefined;
  const header = records.shift();
  if (!header) throw new InputError(`${file.name}: the file is empty (expected a header line and rows) / ${file.name}: het bestand is leeg (verwacht: een kopregel en rijen)`);
  return { file: file.name, headerLine: header.line, headers: header.cells.map(cell => cell.trim()), records, encoding, delimiter, ...(hashes ? { hashes } : {}), ...(badCells ? { badCells } : {}) };
}

/** Each cell with a U+FFFD that decode() put for a byte that is not UTF-8 (`invalid`: those bytes, in file order). */
function findBadCells(file: string, records: { line: number; cells: string[] }[], invalid: number[]): NonNullable<Grid['badCells']> {
  const bad: NonNullable<Grid['badCells']> = [];
  let next = 0;
  for (const record of records) {
    let line = record.line;
    record.cells.forEach((cell, index) => {
      const count = cell.split('\uFFFD').length - 1;
      if (count > 0) {
        const at = line + (cell.slice(0, cell.indexOf('\uFFFD')).match(/\n/g)?.length ?? 0);
        const bytes = invalid.slice(next, next + count).map(byte => `0x${byte.toString(16).toUpperCase()} (${cp1252(byte)} in Windows-1252)`);
        next += count;
        bad.push({
          line: at, index, value: cell,
          expected: 'UTF-8 text throughout: save the file as UTF-8 (CSV UTF-8 in Excel)',
          message: `${file}:${at}: byte ${bytes.join(', ')} is not UTF-8, while the rest of the file is; shown as �`,
          code: 'not-utf8', params: { bytes: bytes.join(', ') },
        });
      }
      line += cell.match(/\n/g)?.length ?? 0;
    });
  }
  return bad;
}

/**
 * csv-parse's error as an InputError with the line where the problem is. An unclosed quote runs to the
 * end of the file, where csv-parse reports it; the quote that opened it is found here, in the record
 * after the last complete one (which ended at byte `lastEnd`).
 */
function csvProblem(name: string, text: string, delimiter: string, error: CsvError, lastEnd: number, header: string[] | undefined): InputError {
  const bytes = Buffer.from(text, 'utf8');
  const start = recordStart(bytes, lastEnd);
  const header1 = (column: number | undefined) => (column !== undefined && header && header[column - 1]?.trim()) || undefined;
  if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
    const open = unclosedQuote(bytes, start, delimiter.charCodeAt(0));
    const { line } = lineAndColumn(bytes, open);
    const column = cellAt(bytes, start, open, delimiter.charCodeAt(0));
    return new InputError(csvProblemMessage({ file: name, line, column, header: header1(column), code: error.code }), { file: name, line, column, header: header1(column) });
  }
  const e = error as unknown as { lines?: number; column?: number | string; field?: string; record?: unknown[] };
  const line = e.lines;
  const column = typeof e.column === 'number' ? e.column + 1 : undefined;
  const got = /got "(.)"/.exec(error.message)?.[1];
  // A cell quoted over several lines fails where its quote ends, far from where it began.
  const began = lineAndColumn(bytes, start).line;
  const message = csvProblemMessage({
    file: name, line, column, header: header1(column), code: error.code, value: e.field, got, began,
    cells: Array.isArray(e.record) ? e.record.length : undefined, expectedCells: header?.length,
  });
  return new InputError(message, { file: name, line, column, header: header1(column), code: error.code });
}

/** Past the line ends between the end of the last complete record and the next. */
function recordStart(bytes: Uint8Array, end: number): number {
  while (bytes[end] === 0x0a || bytes[end] === 0x0d) end++;
  return end;
}

/** The byte offset of the quote that opens the cell left open, in the record from `start` on. */
function unclosedQuote(bytes: Uint8Array, start: number, delimiter: number): number {
  const QUOTE = 0x22;
  let i = start;
  while (i < bytes.length) {
    if (bytes[i] !== QUOTE) {
      while (i < bytes.length && bytes[i] !== delimiter && bytes[i] !== 0x0a) i++;
      i++;
      continue;
    }
    const open = i++;
    for (;;) {
      while (i < bytes.length && bytes[i] !== QUOTE) i++;
      if (i >= bytes.length) return open;
      if (bytes[i + 1] === QUOTE) i += 2;
      else break;
    }
    i++;
    while (i < bytes.length && bytes[i] !== delimiter && bytes[i] !== 0x0a) i++;
    i++;
  }
  return start;
}

/** 1-based line and character column of a byte offset in UTF-8 text. */
function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      column = 1;
    } else if ((bytes[i] & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A NUL byte in the first 8 KB (outside UTF-16) means this is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, 8192).includes(0);
}

/**
 * The line each record starts on. csv-parse's `info.lines` is where a record ends, and it miscounts
 * blank CRLF lines, so count newlines up to the byte where the record begins (after the previous one).
 */
function startLines(text: string, endBytes: number[]): number[] {
  const bytes = Buffer.from(text, 'utf8');
  const result: number[] = [];
  let line = 1;
  let position = 0;
  for (const end of endBytes) {
    while (position < bytes.length && (bytes[position] === 0x0a || bytes[position] === 0x0d)) {
      if (bytes[position] === 0x0a) line++;
      position++;
    }
    result.push(line);
    for (; position < end && position < bytes.length; position++) if (bytes[position] === 0x0a) line++;
  }
  return result;
}
