// One XLSX workbook → a grid per sheet. Cells become the text a CSV export would hold: dates as
// YYYY-MM-DD, numbers as plain numbers, formulas as their cached result, so XLSX and CSV give
// the same landscape.
import type ExcelJS from 'exceljs';
import { InputError } from '../../server/errors.js';
import type { FileInput } from '../mapping.js';
import { checkZip } from '../zip-guard.js';
import type { Grid } from './csv.js';

export type SheetGrid = Grid & { sheet: string };

/** Columns read per sheet; a value further right (column ALM and beyond) is not part of a table. */
export const MAX_COLUMNS = 1000;

export async function readXlsx(file: FileInput): Promise<SheetGrid[]> {
  if (!(file.bytes[0] === 0x50 && file.bytes[1] === 0x4b)) throw new InputError(`${file.name}: not an XLSX workbook (expected a zip-based .xlsx file) / ${file.name}: geen XLSX-werkmap (verwacht: een .xlsx-bestand, zoals Excel het opslaat)`);
  await checkZip(file.name, file.bytes);
  // Loaded on first use, not at start-up: exceljs is about 27 MB of memory.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(file.bytes) as never);
  } catch (error) {
    throw new InputError(`${file.name}: not readable as an XLSX workbook (${(error as Error).message})`);
  }
  const sheets: SheetGrid[] = [];
  workbook.eachSheet(sheet => {
    const rows: { line: number; cells: string[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const text = cellText(cell.value);
        if (column > MAX_COLUMNS && text.trim() !== '') {
          throw new InputError(`${file.name}[${sheet.name}]:${rowNumber}: a value in column ${cell.address.replace(/\d+$/, '')} (column ${column}); a table has at most ${MAX_COLUMNS} columns`);
        }
        if (column <= MAX_COLUMNS) cells[column - 1] = text;
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      if (cells.some(cell => cell.trim() !== '')) rows.push({ line: rowNumber, cells });
    });
    const header = rows.shift();
    sheets.push({
      file: `${file.name}[${sheet.name}]`,
      sheet: sheet.name,
      headerLine: header?.line ?? 1,
      headers: (header?.cells ?? []).map(cell => cell.trim()),
      records: rows,
      encoding: 'xlsx',
      delimiter: '',
    });
  });
  return sheets;
}

/** The text of a cell as a CSV export would have it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
  // A quote before = + - @ is how Roer's own exports keep a text from being run as a formula
  // (server/exports/flatten.ts neutralise); Excel keeps a typed quote as a style, not in the text.
  if (typeof value === 'string') return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map(part => part.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}
