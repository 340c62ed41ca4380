// XLSX via exceljs: one sheet of rows, plus a sheet with the summary when the analysis has one.
import { type Table, flattenRow, neutralise } from './flatten.js';

export async function toXlsx(sheets: { name: string; table: Table }[]): Promise<Buffer> {
  // Loaded on first use, not at start-up: exceljs is about 27 MB of memory.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Roer';
  for (const { name, table } of sheets) {
    // Sheet names: at most 31 characters, none of : \ / ? * [ ]
    const sheet = workbook.addWorksheet(name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31));
    sheet.addRow(table.columns.map(column => neutralise(column)));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map(neutralise));
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A summary object → a two-column key/value table. */
export function summaryTable(summary: Record<string, unknown>): Table {
  const flat = flattenRow(summary);
  return { columns: ['key', 'value'], rows: Object.entries(flat).map(([key, value]) => [key, value]) };
}
