// The export writers and pure helpers, on hand-made inputs.
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { type CsvDelimiter, csvPieces } from '../../server/exports/csv.js';
import { type Table, flattenRow, neutralise, toTable } from '../../server/exports/flatten.js';
import { toGraphml } from '../../server/exports/graphml.js';
import { PassThrough, Writable } from 'node:stream';
import { unzipped, writeXlsx } from '../../server/exports/xlsx.js';
import { peopleSummarySheets } from '../../server/exports/people.js';
import { luceneQuery } from '../../server/routes/graph.js';
import { toProblem } from '../../server/routes/problem.js';
import { InputError } from '../../server/errors.js';

const toCsv = (table: Table, delimiter?: CsvDelimiter) => [...csvPieces(table, delimiter)].join('');

/** The workbook writeXlsx writes, in one buffer. */
async function toXlsx(sheets: { name: string; table: Table }[]): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise(resolve => sink.on('end', resolve));
  await writeXlsx(sheets, sink);
  await ended;
  return Buffer.concat(chunks);
}

describe('exports', () => {
  it('when a cell starts with = + - @ tab or CR, then it is prefixed with a quote; numbers and other text stay', () => {
    for (const text of ['=1+1', '+31 6', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) expect(neutralise(text)).toBe(`'${text}`);
    expect(neutralise(-2)).toBe(-2);
    expect(neutralise('Zaaksysteem')).toBe('Zaaksysteem');
    expect(neutralise(null)).toBeNull();
  });

  it('when rows hold nested values, then objects become dotted columns and lists are joined', () => {
    expect(flattenRow({ a: 1, b: { c: 'x', d: { e: true } }, list: ['p', 'q'], objects: [{ k: 1 }], none: null })).toEqual({
      a: 1,
      'b.c': 'x',
      'b.d.e': true,
      list: 'p; q',
      objects: '[{"k":1}]',
      none: null,
    });
    const table = toTable([{ a: 1 }, { b: 2, a: 3 }]);
    expect(table.columns).toEqual(['a', 'b']);
    expect([...table.rows]).toEqual([[1, null], [3, 2]]);
    expect([...table.rows]).toEqual([[1, null], [3, 2]]); // made again on every read, not used up
  });

  it('when a table has more lines than one piece, then the CSV pieces join to the whole text', () => {
    const rows = Array.from({ length: 1_234 }, (_, i) => ({ i, name: i % 3 ? `n${i}` : '=x', nested: { deep: i % 2 === 0 } }));
    const pieces = [...csvPieces(toTable(rows), ';')];
    expect(pieces.length).toBe(4); // the header, then 500 + 500 + 234 lines
    const lines = pieces.join('').split('\r\n');
    expect(lines[0]).toBe('\uFEFFi;name;nested.deep');
    expect(lines[1]).toBe("0;'=x;true");
    expect(lines[1234]).toBe("1233;'=x;false");
    expect(lines[1233]).toBe('1232;n1232;true');
    expect(lines.length).toBe(1 + 1_234 + 1);
  });

  it('when a table is written as CSV, then it has a BOM, CRLF lines, RFC 4180 quoting and neutralised formulas', () => {
    const csv = toCsv({ columns: ['name', 'value'], rows: [['=cmd|"/c calc"!A1', 1.5], ['a,b', null], ['line\nbreak', -3]] });
    expect(csv).toBe('\uFEFFname,value\r\n"\'=cmd|""/c calc""!A1",1.5\r\n"a,b",\r\n"line\nbreak",-3\r\n');
    expect(toCsv({ columns: ['a'], rows: [['x;y']] }, ';')).toBe('\uFEFFa\r\n"x;y"\r\n');
  });

  it('when a table is written as XLSX, then cells are text or numbers, never formulas, and text keeps no CSV apostrophe', async () => {
    const buffer = await toXlsx([{ name: 'Rows', table: { columns: ['name', 'n'], rows: [['=1+1', 2], ['@x', null], ['+31 Software B.V.', 3]] } }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as never);
    const sheet = workbook.getWorksheet('Rows')!;
    // Typed string cells, which Excel shows as text and never evaluates.
    expect(['A2', 'A3', 'A4'].map(at => [sheet.getCell(at).value, sheet.getCell(at).type])).toEqual([
      ['=1+1', ExcelJS.ValueType.String], ['@x', ExcelJS.ValueType.String], ['+31 Software B.V.', ExcelJS.ValueType.String],
    ]);
    expect(sheet.getCell('B2').value).toBe(2);
    sheet.eachRow(row => row.eachCell(cell => expect(cell.formula).toBeUndefined()));
  });

  it('when exceljs streams a sheet faster than it compresses, then the writer sees the XML still queued (what it waits on)', async () => {
    const out = new PassThrough();
    out.resume(); // a client that reads everything at once
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet('Rows');
    sheet.addRow(['first']).commit();
    const stream = (sheet as unknown as { stream: { pipes: unknown[] } }).stream;
    for (let i = 0; i < 100 && stream.pipes.length === 0; i++) await new Promise(resolve => setTimeout(resolve, 10));
    expect(stream.pipes.length).toBe(1); // the zip reads the sheet now
    // 20,000 rows without a turn of the event loop: the deflater has had no time, so nearly all of it is queued.
    for (let i = 0; i < 20_000; i++) sheet.addRow([`row ${i}`, i, 'x'.repeat(40)]).commit();
    expect(unzipped(sheet)).toBeGreaterThan(20_000 * 40);
    sheet.commit();
    await workbook.commit();
    expect(unzipped(sheet)).toBe(0);
  });

  it('when a client reads an XLSX slowly, then every row still arrives in order', async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => [`application ${i}`, i, i % 2 === 0]);
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        setTimeout(done, 1);
      },
    });
    const finished = new Promise(resolve => slow.on('finish', resolve));
    await writeXlsx([{ name: 'Rows', table: { columns: ['name', 'n', 'even'], rows } }], slow);
    await finished;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as never);
    const sheet = workbook.getWorksheet('Rows')!;
    expect(sheet.rowCount).toBe(6_001);
    expect(sheet.getCell('A6001').value).toBe('application 5999');
    expect(sheet.getCell('B3001').value).toBe(2_999);
  });

  it('when a summary holds lists of records, then each gets a sheet of its own named in words and the rest stays subject/value', () => {
    const broken = Array.from({ length: 3_000 }, (_, i) => ({ uid: `interface:gm1/i${i}`, failedEnds: ['from', 'to'] }));
    const sheets = peopleSummarySheets({
      remove: { uid: 'supplier:s1', kind: 'Supplier' },
      replaceWith: null,
      interfacesBroken: broken,
      hhi: { byOrganisation: [{ organisation: 'gm1', before: { hhi: 5000 } }], overall: { before: { hhi: 4200 } } },
      empty: [],
      names: ['a', 'b'],
    }, { language: 'nl' }, 'Samenvatting');
    expect(sheets.map(sheet => sheet.name)).toEqual(['Samenvatting', 'Verbroken koppelingen', 'Per organisatie · HHI']);
    const pairs = [...sheets[0].table.rows];
    expect(pairs).toEqual([
      ['Sleutel (weggehaald)', 's1'], ['Soort (weggehaald)', 'Leverancier'], ['Vervangen door', null], ['HHI (HHI · alle organisaties samen · voor)', 4200], ['empty', null], ['names', 'a, b'],
    ]);
    expect(Math.max(...pairs.map(([, value]) => String(value).length))).toBeLessThan(32_767); // Excel's limit per cell
    expect(sheets[1].table.columns).toEqual(['Sleutel', 'Uitgevallen kant']);
    expect([...sheets[1].table.rows].length).toBe(3_000);
    expect([...sheets[2].table.rows]).toEqual([['gm1', 5000]]);
  });

  it('when two sheet names are the same once cut to 31 characters, then the workbook still opens with both', async () => {
    const long = 'a'.repeat(40);
    const table = { columns: ['n'], rows: [[1]] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await toXlsx([{ name: `${long}x`, table }, { name: `${long}y`, table }, { name: 'Rows/[1]', table }])) as never);
    expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['a'.repeat(31), `${'a'.repeat(27)} (2)`, 'Rows--1-']);
  });

  it('when names hold XML special characters, then GraphML is still well-formed and the text round-trips', () => {
    const xml = toGraphml({
      nodes: [{ id: 'a<1>&"', kind: 'Application', label: 'R&D <"test"> \u0001' }],
      edges: [{ id: 'e', source: 'a<1>&"', target: 'a<1>&"', type: 'DEPENDS_ON', count: 2 }],
      aggregate: null,
      aggregated: false,
      totals: { nodes: 1, edges: 1 },
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true }).parse(xml);
    expect(parsed.graphml.graph.node['@_id']).toBe('a<1>&"');
  });

  it('when search text has Lucene operators, then they are dropped and the words kept', () => {
    expect(luceneQuery('Zaak')).toBe('(zaak^5 OR zaak*^3 OR zaak~1^0.5)');
    expect(luceneQuery('ab:cd AND (ef)')).toBe('(ab^5 OR ab*^3) AND (cd^5 OR cd*^3) AND (and^5 OR and*^3) AND (ef^5 OR ef*^3)');
    // Initials ("B.V.") are one word in the index: single letters are left out beside longer words.
    expect(luceneQuery('Acme B.V.')).toBe('(acme^5 OR acme*^3 OR acme~1^0.5)');
    expect(luceneQuery('a:b')).toBe('(a^5 OR a*^3) AND (b^5 OR b*^3)');
    expect(luceneQuery('*?~"\\')).toBe('');
    expect(luceneQuery('Gemeente Roerdam')).toBe('(gemeente^5 OR gemeente*^3 OR gemeente~2^0.5) AND (roerdam^5 OR roerdam*^3 OR roerdam~1^0.5)');
  });

  it('when an unexpected error is mapped, then the client gets a generic 500 without its message', () => {
    const problem = toProblem(new Error('secret at /srv/roer/server.ts:12:3'), '/api/x');
    expect(problem).toEqual(expect.objectContaining({ status: 500, instance: '/api/x' }));
    expect(JSON.stringify(problem)).not.toContain('secret');
    expect(toProblem(new InputError('bad', [{ field: 'f' }]), '/api/x')).toEqual(expect.objectContaining({ status: 400, detail: 'bad', errors: [{ field: 'f' }] }));
  });
});
