import iconv from 'iconv-lite';
import { readTables, tableFor } from '../../importers/read.js';
import { decode, readCsv, sniffDelimiter } from '../../importers/sources/csv.js';
import { validate } from '../../importers/validate.js';
import { csv } from './support.js';

describe('reading files into raw tables', () => {
  it('when a file name ends in a table name (English or Dutch, any prefix or case), then that is its table', () => {
    expect(['suppliers.csv', 'Leveranciers.CSV', 'gemeente-x-applications.csv', 'gm_0363 Applicaties.csv', 'koppelingen.xlsx', 'export-contracten.txt', 'platformen.csv'].map(tableFor))
      .toEqual(['suppliers', 'suppliers', 'applications', 'applications', 'interfaces', 'contracts', 'platforms']);
    expect(['inventaris.csv', 'myapplications.csv', 'applications-2024.csv'].map(tableFor)).toEqual([undefined, undefined, undefined]);
  });

  it('when bytes are UTF-8 with a BOM, Windows-1252 or UTF-16 with a BOM, then they decode to the same text', () => {
    const text = 'naam;jaarwaarde\nCafé Gemeente;€ 1.234,56\n';
    expect(decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toEqual({ text, encoding: 'utf-8' });
    expect(decode(iconv.encode(text, 'win1252'))).toEqual({ text, encoding: 'windows-1252' });
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toEqual({ text, encoding: 'utf-16le' });
  });

  it('when the header line has delimiters inside quotes, then only those outside quotes count', () => {
    expect(sniffDelimiter('"a;b;c",d,e\n1;2;3;4')).toBe(',');
    expect(sniffDelimiter('id;"naam, voluit";land\n')).toBe(';');
    expect(sniffDelimiter('\n\nid\tnaam\n')).toBe('\t');
    expect(sniffDelimiter('id\n1\n')).toBe(',');
  });

  it('when a quoted cell spans lines and blank lines occur, then every record keeps its own line number', () => {
    const grid = readCsv(csv('suppliers.csv', 'id,name\r\n\r\nacme,"Acme\r\nB.V."\r\n,\r\nhostco,Hostco\r\n'));
    expect(grid.records.map(record => [record.line, record.cells])).toEqual([[3, ['acme', 'Acme\r\nB.V.']], [6, ['hostco', 'Hostco']]]);
    expect(grid).toMatchObject({ headerLine: 1, delimiter: ',', encoding: 'utf-8' });
  });

  it('when headers differ in case, spaces, - and _ or are unknown, then they still match or are kept as extra', async () => {
    const [table] = await readTables([csv('platformen.csv', 'ID;Naam;TYPE;Leverancier;jurisdictie;Draait op;Beheer-team\np1;Rekencentrum;rekencentrum;;NL;;Team ICT\n')]);
    expect(table.columns).toEqual({ id: 'ID', name: 'Naam', type: 'TYPE', supplier: 'Leverancier', jurisdiction: 'jurisdictie', runsOn: 'Draait op' });
    expect(table.extraColumns).toEqual(['Beheer-team']);
    expect(table.rows[0]).toEqual({ line: 2, values: { id: 'p1', name: 'Rekencentrum', type: 'rekencentrum', supplier: '', jurisdiction: 'NL', runsOn: '' }, extra: { 'Beheer-team': 'Team ICT' } });
  });

  it('when rows repeat a list or have no extra columns, then the validated landscape keeps one list and one empty extra for them', async () => {
    const header = 'id,organisation,name,supplier,referenceComponents,businessFunctions,openStandards,personalData,criticality,platform\n';
    const { landscape, issues } = await validate(await readTables([csv('applications.csv', `${header}a1,gm1,Zaak,,Zaaksysteem|DMS,Zaken,,,,\na2,gm1,Zaak,,Zaaksysteem|DMS,Zaken,,,,\na3,gm1,BRP,,BRP,Zaken,,,,\n`)]));
    expect(issues).toEqual([]);
    const [a1, a2, a3] = landscape.applications;
    expect(a1.referenceComponents).toEqual(['Zaaksysteem', 'DMS']);
    expect(a2.referenceComponents).toBe(a1.referenceComponents);
    expect(a3.businessFunctions).toBe(a1.businessFunctions);
    expect(a3.referenceComponents).toEqual(['BRP']);
    expect(a2.extra).toBe(a1.extra);
    expect(Object.isFrozen(a1.extra)).toBe(true);
  });

  it('when a column appears twice, a row is short or a value sits under no header, then each is an issue with its line', async () => {
    const tables = await readTables([csv('suppliers.csv', 'id,name,naam,\nacme,Acme,Acme BV,\nhostco\ncloudy,Cloudy,,US\n')]);
    const { issues } = await validate(tables);
    expect(issues.map(issue => [issue.line, issue.column, issue.expected])).toEqual([
      [1, 'naam', 'each column once'],
      [3, 'name', '4 cells separated by ","'],
      [3, 'name', 'a name'],
      [4, '', 'at most 4 cells, each under a named column'],
    ]);
  });
});
