// XLSX via exceljs: one sheet of rows, plus a sheet with the summary when the analysis has one.
// Written with exceljs' streaming writer, row by row: the in-memory workbook of a country-wide
// lock-in (150,000 rows of 40 columns) took the server to 2.9 GB.
import type { Writable } from 'node:stream';
import { type Table, flattenRow, neutralise, toTable } from './flatten.js';
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

/** Writes the workbook to `stream` as its rows are made, waiting while the stream reads slower. */
export async function writeXlsx(sheets: { name: string; table: Table }[], stream: Writable): Promise<void> {
  // Loaded on first use, not at start-up: exceljs is about 27 MB of memory.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Roer';
  const used = new Set<string>();
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(sheetName(name, used), { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = sheet.addRow(table.columns.map(column => neutralise(column)));
    header.font = { bold: true };
    header.commit();
    let written = 0;
    for (const row of table.rows) {
      sheet.addRow(row.map(neutralise)).commit();
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

/**
 * A summary as sheets: its lists of records each on a sheet of their own, named by their path
 * (`interfacesBroken`, `hhi.byOrganisation`), and everything else as key/value pairs on "Summary".
 * As one JSON cell, what-if's 225,000 broken interfaces went far past Excel's 32,767 characters a cell.
 */
export function summarySheets(summary: Record<string, unknown>): { name: string; table: Table }[] {
  const lists: { name: string; table: Table }[] = [];
  const rest = (value: Record<string, unknown>, path: string): Record<string, unknown> => {
    const kept: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const name = path ? `${path}.${key}` : key;
      if (Array.isArray(item) && item.length > 0 && item.every(isRecord)) lists.push({ name, table: toTable(item) });
      else kept[key] = isRecord(item) ? rest(item, name) : item;
    }
    return kept;
  };
  const pairs = Object.entries(flattenRow(rest(summary, '')));
  return [{ name: 'Summary', table: { columns: ['key', 'value'], rows: pairs } }, ...lists];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
