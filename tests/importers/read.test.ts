import iconv from 'iconv-lite';
import { problemInLanguage } from '../../importers/file-problem.js';
import { SHOWN_CHARACTERS, readTables, tableFor } from '../../importers/read.js';
import { InputError } from '../../server/errors.js';
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

  it('when rows repeat a list (in any order) or have no extra columns, then the validated landscape keeps one sorted list and one empty extra for them', async () => {
    const header = 'id,organisation,name,supplier,referenceComponents,businessFunctions,openStandards,personalData,criticality,platform\n';
    const { landscape, issues } = await validate(await readTables([csv('applications.csv', `${header}a1,gm1,Zaak,,Zaaksysteem|DMS,Zaken,,,,\na2,gm1,Zaak,,DMS|Zaaksysteem,Zaken,,,,\na3,gm1,BRP,,BRP,Zaken,,,,\n`)]));
    expect(issues).toEqual([]);
    const [a1, a2, a3] = landscape.applications;
    // A row's lists are sets: sorted, so the row state hashes them without re-sorting (importers/row-state.ts rowJson).
    expect(a1.referenceComponents).toEqual(['DMS', 'Zaaksysteem']);
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

  it('when two unknown columns would be kept under one property, then that is an issue rather than one overwriting the other', async () => {
    const [table] = await readTables([csv('suppliers.csv', 'id,name,Beheer-team,beheer team,Notes,Notes\ns1,Acme,A,B,x,y\n')]);
    expect(table.issues.map(issue => [issue.column, issue.expected, issue.message])).toEqual([
      ['beheer team', 'columns with names of their own', 'suppliers.csv:1: columns "Beheer-team" and "beheer team" would both be kept as extra_beheer_team; rename one'],
      ['Notes', 'each column once', 'suppliers.csv:1: column "Notes" appears twice'],
    ]);
  });

  it('when a UTF-8 file holds a few Windows-1252 bytes, then each is an issue at its line and column, and the UTF-8 text is not turned into mojibake', async () => {
    const bytes = Buffer.concat([Buffer.from('id,name\ns1,Société Générale\ns2,Caf', 'utf8'), Buffer.from([0xe9]), Buffer.from(' Noord\n', 'utf8')]);
    const [table] = await readTables([{ name: 'suppliers.csv', bytes }]);
    expect(table.rows.map(row => row.values.name)).toEqual(['Société Générale', 'Caf\uFFFD Noord']);
    expect(table.issues).toEqual([{
      file: 'suppliers.csv', line: 3, column: 'name', field: 'name', value: 'Caf\uFFFD Noord', expected: 'UTF-8 text throughout: save the file as UTF-8 (CSV UTF-8 in Excel)',
      message: 'suppliers.csv:3: byte 0xE9 (é in Windows-1252) is not UTF-8, while the rest of the file is; shown as \uFFFD',
      code: 'not-utf8', params: { bytes: '0xE9 (é in Windows-1252)' },
    }]);
    expect(decode(iconv.encode('id;naam\ns1;Société\n', 'win1252'))).toEqual({ text: 'id;naam\ns1;Société\n', encoding: 'windows-1252' });
  });

  it('when a quote is never closed, then the error names the line and column where it opens, not the last line', async () => {
    const text = 'id,name\ns1,Acme\ns2,"Beta\ns3,Gamma\ns4,Delta\n';
    await expect(readTables([csv('suppliers.csv', text)])).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/^suppliers\.csv:3, column 2 \(name\): not readable as CSV: the quote opens a cell that is never closed.* \/ suppliers\.csv, regel 3, kolom 2 \(name\): niet te lezen als CSV: het aanhalingsteken opent een cel die nergens gesloten wordt/),
    });
    await expect(readTables([csv('suppliers.csv', 'id,name\ns1,"Acme\ns2,Beta\ns3,"Gamma"\n')])).rejects.toThrow(/^suppliers\.csv:4, column 2 \(name\): .*the row began at line 2: is a quote there left open\?.*de rij begon op regel 2/);
  });

  it('when a quote stands in the middle of a cell, then the error says file, line, column with its header and how to fix it, in Dutch and English', async () => {
    const error = await readTables([csv('leveranciers.csv', 'id;naam;land\nacme;=HYPERLINK("x";"y");NL\n')]).catch((e: Error) => e);
    expect((error as Error).message.split(' / ')).toEqual([
      'leveranciers.csv:2, column 2 (naam): not readable as CSV: a " in the middle of the cell (after "=HYPERLINK("); put the whole value between double quotes and double every quote inside it (a " inside the value is written "")',
      'leveranciers.csv, regel 2, kolom 2 (naam): niet te lezen als CSV: een " midden in de cel (na "=HYPERLINK("); zet de hele waarde tussen dubbele aanhalingstekens en verdubbel aanhalingstekens erin (een " binnen de waarde schrijf je als "")',
    ]);
    expect((error as Error).message).not.toMatch(/Invalid Opening Quote/);
    await expect(readTables([csv('leveranciers.csv', 'id;naam\nacme;"Acme"x\n')])).rejects.toThrow(/^leveranciers\.csv:2, column 2 \(naam\): not readable as CSV: after the closing " of the cell comes "x" instead of the delimiter.* \/ leveranciers\.csv, regel 2, kolom 2 \(naam\): .*na het sluitende " van de cel volgt "x"/);
  });

  it('when two files cannot be read, then one error names both, each with its file, line and column, in Dutch and English', async () => {
    const binary = { name: 'contracten.csv', bytes: Buffer.from([0x50, 0x4b, 0x00, 0x00, 0x01, 0x02, 0x00]) };
    const error = await readTables([csv('applicaties.csv', 'id;organisatie;naam\nzaak;gm0363;"Zaaksysteem\nbrp;gm0363;BRP\n'), binary, csv('leveranciers.csv', 'id;naam\nacme;Acme\n')]).catch((e: Error) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).details).toEqual([
      { file: 'applicaties.csv', line: 2, column: '3 (naam)', message: expect.stringMatching(/^applicaties\.csv:2, column 3 \(naam\): .* \/ applicaties\.csv, regel 2, kolom 3 \(naam\): niet te lezen als CSV: het aanhalingsteken opent een cel die nergens gesloten wordt \(verwacht: een sluitend " vóór het einde van het bestand\)/) },
      { file: 'contracten.csv', message: expect.stringContaining('contracten.csv: geen CSV-bestand (het bevat binaire gegevens); verwacht: tekst, in Excel opgeslagen als "CSV UTF-8"') },
    ]);
    expect(problemInLanguage(error as InputError, 'nl')).toMatch(/^2 bestanden zijn niet te lezen: applicaties\.csv, regel 2, kolom 3 \(naam\): niet te lezen als CSV: .*; contracten\.csv: geen CSV-bestand/);
    expect(problemInLanguage(error as InputError, 'en')).toMatch(/^2 files could not be read: applicaties\.csv:2, column 3 \(naam\): not readable as CSV: .*; contracten\.csv: not a CSV file/);
  });

  it('when a cell or a header is 100,000 characters long, then an issue shows it cut to 200 characters, once', async () => {
    const long = 'x'.repeat(100_000);
    const { issues } = await validate(await readTables([csv('suppliers.csv', `id,name,${'k'.repeat(300)}\ns1,${long},\n`)]));
    expect(issues.map(issue => [issue.line, issue.field, issue.value.length, issue.expected])).toEqual([
      [1, '', SHOWN_CHARACTERS + 1, 'a column name of at most 200 characters'],
      [2, 'name', SHOWN_CHARACTERS + 1, 'a name of at most 500 characters'],
    ]);
    expect(issues[1].value).toBe(`${'x'.repeat(SHOWN_CHARACTERS)}…`);
    expect(issues.every(issue => JSON.stringify(issue).length < 1000)).toBe(true);
  });
});
