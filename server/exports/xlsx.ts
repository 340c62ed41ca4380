// XLSX via exceljs: one sheet of rows, plus a sheet with the summary when the analysis has one.
// Written with exceljs' streaming writer, row by row: the in-memory workbook of a country-wide
// lock-in (150,000 rows of 40 columns) took the server to 2.9 GB.
import type { Writable } from 'node:stream';
import type { ColumnType } from './columns.js';
import type { Cell, Table } from './flatten.js';
import { drainedOrClosed } from '../stream-response.js';

/** Rows written between two checks whether `stream` wants more. */
const ROWS = 500;
/** Bytes of sheet XML that may wait for the zip: the writer pauses above this. */
const ZIP_BACKLOG = 2 * 1024 * 1024;

/**
 * Bytes of the sheet's XML that the zip has not compressed yet. exceljs' sheet stream (StreamBuf,
 * 4.4) never pushes back, and archiver's PassThrough behind it (readable-stream 2, whose queues are
 * `_writableState.length` and `_readableState.length`) takes everything: the whole sheet of a
 * country-wide lock-in, 250 MB, waited there for the deflater. Read from those queues; 0 if the
 * libraries change them, and the writer then only waits for the client.
 */
type Queued = { length?: number };
type Piped = { writableLength?: number; _writableState?: Queued; _readableState?: Queued };
export function unzipped(sheet: unknown): number {
  const stream = (sheet as { stream?: { buffers?: Queued[]; pipes?: Piped[] } }).stream;
  let bytes = 0;
  for (const buffer of stream?.buffers ?? []) bytes += buffer.length ?? 0;
  for (const pipe of stream?.pipes ?? []) bytes += (pipe.writableLength ?? pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
  return bytes;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], and unique in the workbook (case does not count). */
function sheetName(wanted: string, used: Set<string>): string {
  const base = wanted.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - ` (${n})`.length)} (${n})`;
  used.add(name.toLowerCase());
  return name;
}

/** Excel number formats per column type (Excel shows them with the reader's own separators). */
const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  money: '€ #,##0',
  percent: '0.0%',
  integer: '#,##0',
  decimal: '#,##0.0',
  date: 'dd-mm-yyyy',
  dateTime: 'dd-mm-yyyy hh:mm',
};

/** Rows read to size the columns: enough to see the data, never the whole of a country-wide export. */
const WIDTH_SAMPLE = 1_000;

/** Column widths in characters from the header and the first rows' text, within 8–60. */
function columnWidths(table: Table): number[] {
  const widths = table.columns.map(column => Math.min(24, String(column).length + 2));
  let seen = 0;
  for (const row of table.rows) {
    row.forEach((cell, index) => {
      const text = cell instanceof Date ? NUMBER_FORMATS[table.types?.[index] ?? 'date'] ?? 'dd-mm-yyyy' : typeof cell === 'number' ? cell.toLocaleString('nl-NL', { maximumFractionDigits: 1 }) + (table.types?.[index] === 'money' ? '€ ' : '') : String(cell ?? '');
      widths[index] = Math.max(widths[index], text.length + 2);
    });
    if (++seen === WIDTH_SAMPLE) break;
  }
  return widths.map(width => Math.max(8, Math.min(60, width)));
}

/**
 * A cell as Excel keeps it: a percentage (0–100 in the rows) as the fraction Excel's % format expects.
 * Text is a typed string cell, which Excel never evaluates: written as it is, without the apostrophe
 * that protects a CSV cell (flatten.ts neutralise), which here would become part of the text.
 */
const excelCell = (cell: Cell, type: ColumnType | undefined): Cell => (type === 'percent' && typeof cell === 'number' ? cell / 100 : cell);

/**
 * Writes the workbook to `stream` as its rows are made, waiting while the stream reads slower. A
 * table with `types` (people.ts) gets number formats, column widths from its content and an
 * autofilter on its header row; every sheet's header row stays in view.
 */
export async function writeXlsx(sheets: { name: string; table: Table }[], stream: Writable): Promise<void> {
  // Loaded on first use, not at start-up: exceljs is about 27 MB of memory.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Roer';
  const used = new Set<string>();
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const types = table.types;
    if (types) {
      // Before the first row: the stream writer puts the column definitions out with it.
      sheet.columns = columnWidths(table).map((width, index) => ({ width, style: NUMBER_FORMATS[types[index]] ? { numFmt: NUMBER_FORMATS[types[index]] } : {} }));
      if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    }
    const header = sheet.addRow([...table.columns]);
    header.font = { bold: true };
    if (types) header.alignment = { wrapText: true, vertical: 'top' };
    header.commit();
    let written = 0;
    for (const row of table.rows) {
      // Cells take their number format from their column's style, or from their own (cellTypes).
      const own = table.cellTypes?.get(written);
      const added = sheet.addRow(row.map((cell, index) => excelCell(cell, own?.[index] ?? types?.[index])));
      own?.forEach((type, index) => {
        if (type && NUMBER_FORMATS[type]) added.getCell(index + 1).numFmt = NUMBER_FORMATS[type]!;
      });
      added.commit();
      if (++written % ROWS === 0) {
        if (stream.destroyed) return;
        await drainedOrClosed(stream);
        while (unzipped(sheet) > ZIP_BACKLOG && !stream.destroyed) await new Promise(resolve => setTimeout(resolve, 2));
      }
    }
    sheet.commit();
  }
  await workbook.commit();
}
