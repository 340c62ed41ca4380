// XLSX via exceljs: one sheet of rows, plus a sheet with the summary when the analysis has one.
// Written with exceljs' streaming writer, row by row: the in-memory workbook of a country-wide
// lock-in (150,000 rows of 40 columns) took the server to 2.9 GB.
import type { Writable } from 'node:stream';
import { type Table, flattenRow, neutralise } from './flatten.js';
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

/** Writes the workbook to `stream` as its rows are made, waiting while the stream reads slower. */
export async function writeXlsx(sheets: { name: string; table: Table }[], stream: Writable): Promise<void> {
  // Loaded on first use, not at start-up: exceljs is about 27 MB of memory.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Roer';
  for (const { name, table } of sheets) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ]
    const sheet = workbook.addWorksheet(name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
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

/** A summary object → a two-column key/value table. */
export function summaryTable(summary: Record<string, unknown>): Table {
  const flat = flattenRow(summary);
  return { columns: ['key', 'value'], rows: Object.entries(flat).map(([key, value]) => [key, value]) };
}
