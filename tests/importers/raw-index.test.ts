// A re-import carries the rows whose text is as the source delivered it last time past reading and
// validation (importers/raw-index.ts). What it writes must be what reading every row writes; and
// whenever a carried row could be read otherwise now, the import reads everything, as before.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Driver } from 'neo4j-driver';
import { writeGeneratedCsv } from '../../importers/demo/write-csv.js';
import { type ImportReport, importFiles } from '../../importers/import.js';
import type { FileInput } from '../../importers/mapping.js';
import { TABLES, type TableName } from '../../importers/model.js';
import { readAllRows } from '../../importers/row-state.js';
import { read } from '../../server/neo4j.js';
import { splitRecords } from '../../importers/sources/csv.js';
import type { Merge } from '../../importers/validate.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { csv, graphOf } from './support.js';

describe('splitRecords', () => {
  it('splits on line ends outside quotes, leaves out empty lines and says where each record starts', () => {
    expect(splitRecords('a,b\r\n"x\ny",2\n\n3,"4 ""q"""')).toEqual({ texts: ['a,b', '"x\ny",2', '3,"4 ""q"""'], lines: [1, 2, 5] });
  });
  it('gives up on a carriage return that ends no line (csv-parse would end a record there)', () => {
    expect(splitRecords('a,b\rc,d\n')).toBeNull();
  });
});

/** A municipality's files as the demo generator writes them, by table. */
let base: Record<TableName, string>;
const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;

/** The files with `edit` applied to some rows (cells by column name; a row edited to null is left out); other lines keep their text. */
function files(edits: Partial<Record<TableName, (cells: Record<string, string>, row: number) => Record<string, string> | null | undefined>>, extra: Partial<Record<TableName, string[]>> = {}): FileInput[] {
  return TABLES.map(table => {
    const lines = base[table].replace(/\n$/, '').split('\n');
    const header = (parse(lines[0]) as string[][])[0];
    const out = [lines[0]];
    lines.slice(1).forEach((line, row) => {
      const cells = Object.fromEntries(header.map((name, i) => [name, (parse(line) as string[][])[0][i]]));
      const edited = edits[table]?.(cells, row);
      if (edited === undefined) out.push(line);
      else if (edited !== null) out.push(header.map(name => quote(edited[name] ?? '')).join(','));
    });
    return csv(`${table}.csv`, [...out, ...(extra[table] ?? [])].join('\n') + '\n');
  });
}

/** What the source's row state holds, table by table: the rows as JSON by uid. */
const rowState = async (driver: Driver, source: string) =>
  Object.fromEntries(await Promise.all(TABLES.map(async table => [table, Object.fromEntries([...(await readAllRows(driver, source, table))].sort())] as const)));

describe('rows carried past reading and validation', () => {
  let driver: Driver;
  let dir: string;
  beforeAll(async () => {
    driver = testDriver();
    dir = mkdtempSync(join(tmpdir(), 'roer-raw-index-'));
    await writeGeneratedCsv({ size: 'municipality' }, dir, { dialect: 'en' });
    base = Object.fromEntries(readdirSync(dir).map(name => [name.replace(/\.csv$/, ''), readFileSync(join(dir, name), 'utf8')])) as Record<TableName, string>;
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await driver.close();
  });
  beforeEach(() => resetDatabase(driver));

  let first: ImportReport;
  /** Imports the generated files and then `after` as one source; returns the second report. */
  const reimport = async (after: FileInput[]) => {
    first = await importFiles(driver, files({}), { source: 'csv:gen' });
    expect(first).toMatchObject({ ok: true, written: 'initial' });
    expect(first.carried).toBeUndefined();
    return importFiles(driver, after, { source: 'csv:gen', allowRemovals: true });
  };

  it('when some rows of every table change, then the others are carried and the graph and row state are what reading everything makes', async () => {
    const changed = () => files({
      applications: (cells, row) => (row % 20 === 3 ? { ...cells, name: `${cells.name} (nieuw)`, criticality: cells.criticality === 'high' ? 'low' : 'high' } : undefined),
      interfaces: (cells, row) => (row === 5 ? null : row % 25 === 7 ? { ...cells, standard: cells.standard === 'REST' ? 'StUF' : 'REST' } : undefined),
      contracts: (cells, row) => (row % 10 === 1 ? { ...cells, end: `${Number(cells.end.slice(0, 4)) + 1}${cells.end.slice(4)}`.replace(/-02-29$/, '-02-28') } : undefined),
    });
    const report = await reimport(changed());
    expect(report).toMatchObject({ ok: true, written: 'diff' });
    const rows = (table: TableName) => base[table].trim().split('\n').length - 1;
    // Carried: every row not edited (one interface removed).
    expect(report.carried).toEqual({
      applications: rows('applications') - Math.ceil((rows('applications') - 3) / 20),
      interfaces: rows('interfaces') - 1 - Math.ceil((rows('interfaces') - 7) / 25),
      contracts: rows('contracts') - Math.ceil((rows('contracts') - 1) / 10),
    });
    expect(report.tables.applications).toMatchObject({ read: rows('applications'), updated: Math.ceil((rows('applications') - 3) / 20), unchanged: report.carried!.applications });
    expect(report.tables.interfaces).toMatchObject({ read: rows('interfaces') - 1, removed: 1 });
    const graph = await graphOf(driver);
    const state = await rowState(driver, 'csv:gen');

    // The same files read whole, into an empty database.
    await resetDatabase(driver);
    const whole = await importFiles(driver, changed(), { source: 'csv:gen' });
    expect(whole).toMatchObject({ ok: true, written: 'initial' });
    expect(await graphOf(driver)).toEqual(graph);
    expect(await rowState(driver, 'csv:gen')).toEqual(state);
  });

  it('when a source re-delivers month after month, then only a delta is written until it comes to a quarter of the index, and nothing is lost', async () => {
    const stored = async () => Object.fromEntries((await read<{ table: string; index: string; delta: string | null }>(driver,
      'MATCH (t:SourceTable {source: $source}) WHERE t.rawIndex IS NOT NULL RETURN t.table AS table, t.rawIndex AS index, t.rawDelta AS delta', { source: 'csv:gen' }))
      .map(({ table, ...index }) => [table, index]));
    const rows = base.applications.trim().split('\n').length - 1;
    // Month by month a few more applications renamed: those renamed before stay renamed.
    const month = (renamed: (row: number) => boolean) => files({ applications: (cells, row) => (renamed(row) ? { ...cells, name: `${cells.name} (hernoemd)` } : undefined) });
    const first = await importFiles(driver, files({}), { source: 'csv:gen' });
    expect(first.written).toBe('initial');
    const initial = await stored();
    expect(initial.applications.delta).toBeNull();

    const one = await importFiles(driver, month(row => row % 40 === 1), { source: 'csv:gen' });
    expect(one).toMatchObject({ ok: true, written: 'diff' });
    const renamedOnce = Math.ceil((rows - 1) / 40);
    expect(one.carried?.applications).toBe(rows - renamedOnce);
    const afterOne = await stored();
    expect(afterOne.applications).toEqual({ index: initial.applications.index, delta: expect.any(String) });

    // The rows renamed last month are carried from the delta; the base is still the first one.
    const two = await importFiles(driver, month(row => row % 40 === 1 || row % 40 === 2), { source: 'csv:gen' });
    expect(two).toMatchObject({ ok: true, written: 'diff' });
    expect(two.carried?.applications).toBe(rows - Math.ceil((rows - 2) / 40));
    expect(two.tables.applications).toMatchObject({ updated: Math.ceil((rows - 2) / 40) });
    const afterTwo = await stored();
    expect(afterTwo.applications.index).toBe(initial.applications.index);
    expect(afterTwo.applications.delta).not.toBe(afterOne.applications.delta);

    // A fifth of the rows changed: read and gone come to more than a quarter, so the index is written anew.
    const big = () => month(row => row % 40 === 1 || row % 40 === 2 || row % 5 === 0);
    const three = await importFiles(driver, big(), { source: 'csv:gen', allowRemovals: true });
    expect(three).toMatchObject({ ok: true, written: 'diff' });
    const afterThree = await stored();
    expect(afterThree.applications.index).not.toBe(initial.applications.index);
    expect(afterThree.applications.delta).toBeNull();
    // Delivered again unchanged: everything carried from the new base.
    expect((await importFiles(driver, big(), { source: 'csv:gen' })).carried?.applications).toBe(rows);
    const graph = await graphOf(driver);
    const state = await rowState(driver, 'csv:gen');

    await resetDatabase(driver);
    expect(await importFiles(driver, big(), { source: 'csv:gen' })).toMatchObject({ ok: true, written: 'initial' });
    expect(await graphOf(driver)).toEqual(graph);
    expect(await rowState(driver, 'csv:gen')).toEqual(state);
  });

  it('when the files are delivered again unchanged, then every row is carried and nothing is written but the run', async () => {
    const report = await reimport(files({}));
    expect(report).toMatchObject({ ok: true, written: 'unchanged' });
    expect(report.carried).toEqual({ applications: expect.any(Number), interfaces: expect.any(Number), contracts: expect.any(Number) });
    expect(Object.values(report.carried!).reduce((sum, n) => sum + n!, 0)).toBe(TABLES.slice(2).reduce((sum, table) => sum + base[table].trim().split('\n').length - 1, 0));
  });

  it('when a table of one row without references is delivered again, then it is carried and the second import works', async () => {
    // One application without supplier or platform: its one empty reference packed to the same text as no rows,
    // came back without it, and the unchanged re-import failed (a server error on the import page).
    const one = [csv('applications.csv', 'id,organisation,name\nzaak,gemeente-x,Zaaksysteem X\n')];
    expect(await importFiles(driver, one, { source: 'csv:one' })).toMatchObject({ ok: true, written: 'initial' });
    const again = await importFiles(driver, one, { source: 'csv:one', dryRun: true });
    expect(again).toMatchObject({ ok: true, carried: { applications: 1 } });
    expect(await importFiles(driver, one, { source: 'csv:one' })).toMatchObject({ ok: true, written: 'unchanged' });
    // And a changed name next to it is still read as a change.
    const renamed = [csv('applications.csv', 'id,organisation,name\nzaak,gemeente-x,Zaaksysteem X\nweb,gemeente-x,Website X\n')];
    expect(await importFiles(driver, renamed, { source: 'csv:one' })).toMatchObject({ ok: true, written: 'diff', carried: { applications: 1 } });
  });

  it('when a changed row has a bad value, then the issue names its line in the file, not in the rows read', async () => {
    const report = await reimport(files({ contracts: (cells, row) => (row === 30 ? { ...cells, end: '31-02-2027' } : undefined) }));
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ file: 'contracts.csv', line: 32, field: 'end', code: 'invalid' })]);
  });

  it('when an application is removed that unchanged interfaces still name, then everything is read and they are reported', async () => {
    const [named] = (parse(base.interfaces, { columns: true }) as Record<string, string>[]).slice(3, 4);
    const report = await reimport(files({ applications: cells => (cells.id === named.from && cells.organisation === named.organisation ? null : undefined) }));
    expect(report.ok).toBe(false);
    expect(report.carried).toBeUndefined();
    expect(report.issues.length).toBeGreaterThan(0);
    // Interfaces name it; contracts may cover it among others (the issue shows the whole cell).
    expect(report.issues.every(issue => issue.code === 'unknown-reference' && issue.value.split('|').includes(named.from))).toBe(true);
    expect(report.issues.some(issue => issue.file === 'interfaces.csv' && issue.line === 5)).toBe(true);
  });

  it('when a new row has the id of an unchanged one, then it is reported as a duplicate', async () => {
    const [first] = parse(base.applications, { columns: true }) as Record<string, string>[];
    const header = (parse(base.applications) as string[][])[0];
    const twin = header.map(name => quote(name === 'name' ? 'Tweelingapplicatie' : first[name])).join(',');
    const report = await reimport(files({}, { applications: [twin] }));
    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([expect.objectContaining({ file: 'applications.csv', code: 'duplicate-id', value: first.id })]);
  });

  it('when a supplier is renamed into another one\'s name, then unchanged rows naming it follow the merge', async () => {
    const suppliers = parse(base.suppliers, { columns: true }) as Record<string, string>[];
    const applications = parse(base.applications, { columns: true }) as Record<string, string>[];
    const used = suppliers.filter(supplier => applications.some(app => app.supplier === supplier.id));
    const [kept, dropped] = used;
    const report = await reimport(files({ suppliers: cells => (cells.id === dropped.id ? { ...cells, name: kept.name } : undefined) }));
    expect(report).toMatchObject({ ok: true, written: 'diff' });
    // Read again: the rows naming a supplier that is merged otherwise now; the others are carried.
    const into = (merges: Merge[]) => new Map(merges.filter(merge => merge.reason !== 'earlier import').map(merge => [merge.dropped, merge.kept]));
    const [before, after] = [into(first.merges), into(report.merges)];
    const moved = new Set([...before.keys(), ...after.keys()].filter(id => before.get(id) !== after.get(id)));
    expect(moved.has(dropped.id)).toBe(true);
    expect(report.carried?.applications).toBe(applications.filter(app => !moved.has(app.supplier)).length);
    expect(report.merges).toEqual(expect.arrayContaining([expect.objectContaining({ kept: kept.id, dropped: dropped.id, reason: 'same name' })]));
    const rows = [...(await readAllRows(driver, 'csv:gen', 'applications')).values()].map(json => JSON.parse(json) as { supplier: string });
    expect(rows.some(row => row.supplier === dropped.id)).toBe(false);
    expect(rows.filter(row => row.supplier === kept.id).length).toBe(applications.filter(app => app.supplier === kept.id || app.supplier === dropped.id).length);
  });

  it('when a table delivered in one file comes in two, then no row of it is lost', async () => {
    // The first file's rows changed (read), the second's not (they would be carried, but the index is of one file).
    const rows = base.applications.trim().split('\n').length - 1;
    const edited = files({ applications: (cells, row) => (row < rows - 50 ? { ...cells, name: `${cells.name} (nieuw)` } : undefined) });
    const lines = Buffer.from(edited.find(file => file.name === 'applications.csv')!.bytes).toString('utf8').trim().split('\n');
    const split = [
      ...edited.filter(file => file.name !== 'applications.csv'),
      csv('a-applications.csv', `${lines.slice(0, rows - 49).join('\n')}\n`),
      csv('b-applications.csv', `${[lines[0], ...lines.slice(rows - 49)].join('\n')}\n`),
    ];
    const again = await reimport(split);
    expect(again).toMatchObject({ ok: true, written: 'diff' });
    expect(again.carried?.applications).toBeUndefined();
    expect(again.tables.applications).toMatchObject({ read: rows, updated: rows - 50, unchanged: 50, removed: 0 });
    expect((await readAllRows(driver, 'csv:gen', 'applications')).size).toBe(rows);
  });

  it('when the columns come in another order, then nothing is carried and the import is still a diff of what changed', async () => {
    const reordered = files({}).map(file => {
      if (file.name !== 'applications.csv') return file;
      const records = parse(Buffer.from(file.bytes).toString('utf8')) as string[][];
      return csv(file.name, records.map(cells => [...cells.slice(1), cells[0]].map(quote).join(',')).join('\n') + '\n');
    });
    const report = await reimport(reordered);
    expect(report).toMatchObject({ ok: true, written: 'unchanged' });
    expect(report.carried?.applications).toBeUndefined();
    expect(report.carried?.interfaces).toBeGreaterThan(0);
    // The run kept the index of the rows as they are now: the next delivery carries them.
    const again = await importFiles(driver, reordered, { source: 'csv:gen' });
    expect(again.carried?.applications).toBe(base.applications.trim().split('\n').length - 1);
  });
});
