import ExcelJS from 'exceljs';
import { deflated, xlsxBomb, xlsxLarge, zipOf, zipOfManyEntries } from '../../bench/bomb-files.js';
import { readTables } from '../../importers/read.js';
import { MAX_COLUMNS } from '../../importers/sources/xlsx.js';
import { XLSX_LIMITS, checkZip } from '../../importers/zip-guard.js';

const MB = 1024 * 1024;

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('leveranciers');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('XLSX archives are checked before exceljs inflates them', () => {
  it('when a workbook is ordinary, then it passes and reads as before', async () => {
    const bytes = await workbook([['id', 'naam'], ['s1', 'Acme B.V.'], ['s2', 'Hostco']]);
    await expect(checkZip('gemeente.xlsx', bytes)).resolves.toBeUndefined();
    const [table] = await readTables([{ name: 'gemeente.xlsx', bytes }]);
    expect(table.rows.map(row => row.values)).toEqual([{ id: 's1', name: 'Acme B.V.' }, { id: 's2', name: 'Hostco' }]);
  });

  it('when a zip bomb says how large it unpacks, then it is refused on that alone', async () => {
    const bomb = await xlsxBomb({ inflatedBytes: 200 * MB });
    expect(bomb.length).toBeLessThan(1 * MB);
    await expect(readTables([{ name: 'bom.xlsx', bytes: bomb }])).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^bom\.xlsx: the workbook unpacks to 19\d\.\d MB; a workbook may unpack to at most 32\.0 MB \(save large tables as CSV, which has no such limit\)$/),
    });
  });

  it('when a zip bomb declares a small size, then inflating stops there and it is refused', async () => {
    const bomb = await xlsxBomb({ inflatedBytes: 200 * MB, declaredBytes: 10_000 });
    await expect(checkZip('bom.xlsx', bomb)).rejects.toThrow('bom.xlsx: part xl/worksheets/sheet1.xml unpacks to more than the 10000 bytes it declares: the archive is damaged or forged');
  });

  it('when a part declares a size far beyond its compressed size, then it is refused as no spreadsheet program writes it', async () => {
    const bomb = await xlsxBomb({ inflatedBytes: 20 * MB });
    await expect(checkZip('bom.xlsx', bomb)).rejects.toThrow(/^bom\.xlsx: part xl\/worksheets\/sheet1\.xml would unpack \d+ times its size \(at most 100 times is accepted\)/);
  });

  it('when ordinary rows unpack to more than the limit, then the workbook is refused with the advice to use CSV', async () => {
    const large = await xlsxLarge(3 * MB);
    await expect(checkZip('groot.xlsx', large, { ...XLSX_LIMITS, inflatedBytes: 2 * MB })).rejects.toThrow(/^groot\.xlsx: the workbook unpacks to 3\.0 MB; a workbook may unpack to at most 2\.0 MB \(save large tables as CSV/);
    await expect(checkZip('groot.xlsx', large)).resolves.toBeUndefined();
  });

  it('when the archive has thousands of parts, is encrypted, uses another method or is cut off, then each says so', async () => {
    await expect(checkZip('veel.xlsx', zipOfManyEntries(5000))).rejects.toThrow('veel.xlsx: 5004 parts in the archive; a workbook has far fewer (at most 2000 are accepted)');
    const part = deflated('xl/workbook.xml', '<workbook/>');
    const encrypted = zipOf([part]);
    encrypted.writeUInt16LE(1, encrypted.length - 22 - 46 - part.name.length + 8);
    await expect(checkZip('geheim.xlsx', encrypted)).rejects.toThrow('geheim.xlsx: the workbook is encrypted (protected with a password); save it without a password');
    const bzip = zipOf([{ ...part, method: 12 as never }]);
    await expect(checkZip('bzip.xlsx', bzip)).rejects.toThrow('bzip.xlsx: not readable as an XLSX workbook (part xl/workbook.xml is compressed with method 12; workbooks use deflate)');
    const whole = await workbook([['id'], ['s1']]);
    await expect(readTables([{ name: 'half.xlsx', bytes: whole.subarray(0, whole.length / 2) }])).rejects.toThrow('half.xlsx: not readable as an XLSX workbook (no zip directory at its end; the file is cut off or not a workbook)');
    const garbled = Buffer.from(zipOf([part]));
    garbled.fill(0xff, 30 + part.name.length, 30 + part.name.length + part.data.length);
    await expect(checkZip('kapot.xlsx', garbled)).rejects.toThrow(/^kapot\.xlsx: not readable as an XLSX workbook \(part xl\/workbook\.xml: /);
  });

  it('when a sheet has a value far to the right, then it is refused with its row and column', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('leveranciers');
    sheet.addRow(['id', 'naam']);
    sheet.getCell(2, MAX_COLUMNS + 5).value = 'verdwaald';
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    await expect(readTables([{ name: 'breed.xlsx', bytes }])).rejects.toThrow('breed.xlsx[leveranciers]:2: a value in column ALQ (column 1005); a table has at most 1000 columns');
  });
});
