import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { type ImportReport, databaseLookup, defaultSource, importFiles, importLandscape, listImportRuns } from '../../importers/import.js';
import { readTables } from '../../importers/read.js';
import { validate } from '../../importers/validate.js';
import { Landscape, TABLES } from '../../importers/model.js';
import { InputError } from '../../server/errors.js';
import { read } from '../../server/neo4j.js';
import { nodes, rels, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { csv, edited, enText, fixture, fixtureDir, graphOf } from './support.js';

const issueAt = (report: ImportReport, file: string, line: number, field: string) => report.issues.find(issue => issue.file === file && issue.line === line && issue.field === field);

describe('importFiles', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  describe('row kinds in English and Dutch form', () => {
    it('when the English CSV set is imported, then every row kind is in the graph with its values', async () => {
      const report = await importFiles(driver, fixture('en'), { source: 'csv:en', user: 'tester' });
      expect(report.issues).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.tables.applications).toEqual({ read: 4, created: 4, updated: 0, unchanged: 0, removed: 0, errors: 0 });
      expect(await nodes(driver, 'Supplier')).toEqual(['supplier:acme', 'supplier:cloudy', 'supplier:hostco', 'supplier:regio']);
      expect(await nodes(driver, 'Platform')).toEqual(['platform:dc1', 'platform:iaas1', 'platform:saas1']);
      expect(await rels(driver, 'RUNS_ON')).toContain('platform:saas1 -RUNS_ON-> platform:iaas1');
      expect(await rels(driver, 'DEPENDS_ON')).toEqual([
        'app:gm-a/brp -DEPENDS_ON-> app:gm-a/esb',
        'app:gm-a/web -DEPENDS_ON-> app:gm-a/zaak',
        'app:gm-a/zaak -DEPENDS_ON-> app:gm-a/brp',
        'app:gm-a/zaak -DEPENDS_ON-> app:gm-a/esb',
      ]);
      expect(await rels(driver, 'COVERS')).toEqual(['contract:gm-a/c1 -COVERS-> app:gm-a/esb', 'contract:gm-a/c1 -COVERS-> app:gm-a/zaak', 'contract:gm-a/c2 -COVERS-> app:gm-a/brp']);
      const [web] = await read(driver, "MATCH (a:Application {id: 'web'}) RETURN a.name AS name, a.criticality AS criticality, a.extra_beheerder AS beheerder");
      expect(web).toEqual({ name: 'Website; portaal, publiek', criticality: 'low', beheerder: 'Team Communicatie' });
      const [regio] = await read(driver, "MATCH (s:Supplier {id: 'regio'})-[:PART_OF]->(g) RETURN s.name AS name, g.name AS group");
      expect(regio).toEqual({ name: 'Régio ICT B.V.', group: 'Acme Holding' });
      expect(report.extraColumns).toEqual([{ file: 'applications.csv', table: 'applications', columns: ['Beheerder'] }]);
    });

    it('when the Dutch set (Windows-1252, ;, dd-mm-jjjj, € 1.234,56, ja/nee) is imported, then the graph equals the English one', async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:en' });
      const english = await graphOf(driver);
      await resetDatabase(driver);
      const report = await importFiles(driver, fixture('nl'), { source: 'csv:nl' });
      expect(report.issues).toEqual([]);
      expect(await graphOf(driver)).toEqual(english);
      const contracts = await read(driver, 'MATCH (c:Contract) RETURN c.id AS id, c.start AS start, c.end AS end, c.annualValue AS value, c.autoRenew AS autoRenew, c.noticeMonths AS months ORDER BY id');
      expect(contracts).toEqual([
        { id: 'c1', start: '2022-01-01', end: '2026-12-31', value: 1234.56, autoRenew: true, months: 6 },
        { id: 'c2', start: '2020-03-01', end: '2027-02-28', value: 98765, autoRenew: false, months: 3 },
      ]);
      const platforms = await read(driver, 'MATCH (p:Platform) RETURN p.id AS id, p.type AS type, p.jurisdiction AS jurisdiction ORDER BY id');
      expect(platforms).toEqual([
        { id: 'dc1', type: 'data-centre', jurisdiction: 'NL' },
        { id: 'iaas1', type: 'iaas', jurisdiction: 'US' },
        { id: 'saas1', type: 'saas', jurisdiction: 'US' },
      ]);
    });

    it('when the same landscape comes as an XLSX workbook with typed cells and a formula, then the graph equals the CSV one', async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:en' });
      const fromCsv = await graphOf(driver);
      await resetDatabase(driver);
      const workbook = new ExcelJS.Workbook();
      for (const table of TABLES) {
        const sheet = workbook.addWorksheet(table === 'applications' ? 'Applicaties' : table);
        const [header, ...lines] = enText(`${table}.csv`).trim().split('\n');
        sheet.addRow(header.split(','));
        for (const line of lines) {
          const cells: unknown[] = line.startsWith('web,') ? ['web', 'gm-a', 'Website; portaal, publiek', 'cloudy', '', 'Dienstverlening', 'low', 'no', 'saas1', '', 'Team Communicatie'] : line.split(',');
          if (table === 'contracts') {
            cells[4] = new Date(`${cells[4]}T00:00:00Z`);
            cells[5] = new Date(`${cells[5]}T00:00:00Z`);
            cells[6] = Number(cells[6]);
            cells[7] = cells[7] === 'yes' || cells[7] === 'true';
            cells[8] = cells[0] === 'c1' ? { formula: '1000+234.56', result: 1234.56 } : Number(cells[8]);
          }
          sheet.addRow(cells.map(cell => (cell === '' ? null : cell)));
        }
      }
      workbook.addWorksheet('Toelichting').addRow(['This sheet is not a table and is ignored']);
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const report = await importFiles(driver, [{ name: 'gemeente-a.xlsx', bytes }], {});
      expect(report.issues).toEqual([]);
      expect(report.source).toBe('xlsx:gemeente-a');
      expect(report.tables.contracts.created).toBe(2);
      expect(await graphOf(driver)).toEqual(fromCsv);
    });

    it('when a folder path is given, then its files are read and the source is named after the folder', async () => {
      const report = await importFiles(driver, [fixtureDir('nl')], {});
      expect(report.ok).toBe(true);
      expect(report.source).toBe('csv:nl');
      expect(report.files).toHaveLength(5);
    });

    it('when a mapping file names other headers, then those columns are read as the mapped fields', async () => {
      const files = edited({ 'applications.csv': enText('applications.csv').replace('id,organisation,name,', 'Code,organisation,Pakket,') });
      const unmapped = await importFiles(driver, files, { source: 'csv:en', dryRun: true });
      expect(unmapped.issues.map(issue => issue.field)).toEqual(['id', 'name']);
      const mapping = csv('roer-mapping.json', JSON.stringify({ applications: { Pakket: 'name', code: 'id' } }));
      const report = await importFiles(driver, files, { source: 'csv:en', mappingFile: mapping });
      expect(report.issues).toEqual([]);
      expect(await nodes(driver, 'Application')).toEqual(['app:gm-a/brp', 'app:gm-a/esb', 'app:gm-a/web', 'app:gm-a/zaak']);
    });
  });

  describe('re-imports and provenance', () => {
    it('when the same files are imported again, then the second report is all unchanged and the graph is the same', async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:en' });
      const before = await graphOf(driver);
      const second = await importFiles(driver, fixture('nl'), { source: 'csv:en' });
      expect(second.ok).toBe(true);
      for (const table of TABLES) {
        const { read: count, unchanged, created, updated, removed } = second.tables[table];
        expect({ table, created, updated, removed, unchanged }).toEqual({ table, created: 0, updated: 0, removed: 0, unchanged: count });
      }
      expect(second.graph.removed).toEqual({});
      expect(await graphOf(driver)).toEqual(before);
      const runs = await listImportRuns(driver);
      expect(runs.map(run => [run.source, run.status, run.files.length])).toEqual([['csv:en', 'ok', 5], ['csv:en', 'ok', 5]]);
      expect(runs[0].runId).toBe(second.runId);
      expect(runs[0].counts).toMatchObject({ tables: { applications: { read: 4, unchanged: 4 } } });
    });

    it('when a source drops rows, then its facts go but a supplier another source shares survives', async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:gm-a' });
      const other = [
        csv('suppliers.csv', 'id,name\nacme,Acme B.V.\n'),
        csv('applications.csv', 'id,organisation,name,supplier\nx1,gm-b,Financiën,acme\n'),
      ];
      await importFiles(driver, other, { source: 'csv:gm-b' });
      const smaller = edited({
        'suppliers.csv': enText('suppliers.csv').replace(/^acme,.*\n/m, ''),
        'applications.csv': enText('applications.csv').replace(/,acme,/g, ',regio,'),
        'contracts.csv': enText('contracts.csv').replace(/^c1,.*\n/m, ''),
        'interfaces.csv': enText('interfaces.csv').replace(/^i2,.*\n/m, ''),
      });
      const report = await importFiles(driver, smaller, { source: 'csv:gm-a', allowRemovals: true });
      expect(report.issues).toEqual([]);
      expect(report.tables.contracts.removed).toBe(1);
      expect(report.tables.interfaces.removed).toBe(1);
      // The source no longer asserts the supplier's row; the node stays, asserted by gm-b alone.
      expect(report.tables.suppliers.removed).toBe(1);
      expect(report.graph.removed).not.toHaveProperty('Supplier');
      expect(report.removals?.kinds.find(kind => kind.label === 'Supplier')).toMatchObject({ removing: 0 });
      expect(await nodes(driver, 'Supplier')).toEqual(['supplier:acme', 'supplier:cloudy', 'supplier:hostco', 'supplier:regio']);
      expect((await rels(driver, 'SUPPLIES')).filter(rel => rel.startsWith('supplier:acme'))).toEqual(['supplier:acme -SUPPLIES-> app:gm-b/x1']);
      expect(await nodes(driver, 'Contract')).toEqual(['contract:gm-a/c2']);
      const [acme] = await read<{ runs: string[] }>(driver, "MATCH (s:Supplier {id: 'acme'}) RETURN s.runs AS runs");
      expect(acme.runs.map(stamp => stamp.split('#')[0])).toEqual(['csv:gm-b']);
    });

    it('when a reference points at a node another source asserted, then it is accepted; when only this source had it, then it is unknown', async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:gm-a' });
      const onlyApps = [csv('applications.csv', 'id,organisation,name,supplier,platform\nx1,gm-b,Financiën,acme,saas1\n')];
      const report = await importFiles(driver, onlyApps, { source: 'csv:gm-b' });
      expect(report.issues).toEqual([]);
      expect(await rels(driver, 'RUNS_ON')).toContain('app:gm-b/x1 -RUNS_ON-> platform:saas1');
      // The same source with a suppliers file that no longer has acme: its earlier acme would be cleaned up, so it does not count.
      const before = await snapshot(driver);
      const withoutAcme = edited({ 'suppliers.csv': enText('suppliers.csv').replace(/^acme,.*\n/m, '') });
      const again = await importFiles(driver, withoutAcme, { source: 'csv:gm-a' });
      expect(again.ok).toBe(false);
      expect(issueAt(again, 'applications.csv', 2, 'supplier')).toMatchObject({ value: 'acme', column: 'supplier' });
      expect(await snapshot(driver)).toEqual(before);
      // Without a suppliers file, the source's suppliers are not the import's to clean up: they stay, and count.
      const withoutSuppliers = await importFiles(driver, edited({ 'suppliers.csv': null }), { source: 'csv:gm-a' });
      expect(withoutSuppliers.issues).toEqual([]);
    });

    it('when an error is thrown half-way through the load, then the previous graph is intact and no run is recorded', async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:en' });
      const before = await snapshot(driver);
      const changed = edited({
        'applications.csv': enText('applications.csv').replace('Zaaksysteem,acme', 'Zaaksysteem 2,acme'),
        'contracts.csv': enText('contracts.csv').replace(/^c2,.*\n/m, ''),
      });
      let calls = 0;
      const aborted = importFiles(driver, changed, {
        source: 'csv:en',
        allowRemovals: true,
        onProgress: progress => {
          // A diff: one renamed application is one batch, after which the removals and records are still to come.
          if (progress.phase === 'load' && progress.done > 0 && ++calls === 1) throw new Error('connection lost (simulated)');
        },
      });
      await expect(aborted).rejects.toThrow('connection lost (simulated)');
      expect(calls).toBe(1);
      expect(await snapshot(driver)).toEqual(before);
      expect(await listImportRuns(driver)).toHaveLength(1);
    });

    it('when the server terminates the import transaction mid-load, then nothing of it is visible', async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:en' });
      const before = await snapshot(driver);
      // Enough rows that the load is still running when the server kills it.
      const many = Array.from({ length: 20_000 }, (_, i) => `bulk${i},gm-a,Bulk ${i},acme,Component ${i % 50},Functie ${i % 70},,,dc1,,`).join('\n');
      const files = edited({ 'applications.csv': `${enText('applications.csv')}${many}\n` });
      const killer = testDriver();
      let killed = 0;
      let killing: Promise<void> | undefined;
      const terminate = async () => {
        for (let attempt = 0; attempt < 200 && killed === 0; attempt++) {
          const { records } = await killer.executeQuery(
            "SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.app = 'roer-import' TERMINATE TRANSACTIONS transactionId YIELD message RETURN count(*) AS killed",
            {}, { database: 'neo4j' });
          killed = Number(records[0].get('killed'));
        }
      };
      const aborted = importFiles(driver, files, {
        source: 'csv:en',
        onProgress: progress => {
          if (progress.phase === 'load' && progress.done > 0) killing ??= terminate();
        },
      });
      await expect(aborted).rejects.toThrow(/terminated/i);
      await killing;
      await killer.close();
      expect(killed).toBe(1);
      expect(await snapshot(driver)).toEqual(before);
    });
  });

  describe('every error class leaves the database unchanged', () => {
    let before: string[];
    beforeEach(async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:en' });
      before = await snapshot(driver);
    });
    afterEach(async () => expect(await snapshot(driver)).toEqual(before));

    it('when cells hold bad values in several files, then every problem is reported at once with file, line, column, value and expected', async () => {
      const nl = fixture('nl');
      const apps = Buffer.from(nl.find(file => file.name === 'gemeente-a-applicaties.csv')!.bytes).toString('latin1')
        .replace(';hoog;ja;', ';zeer hoog;misschien;');
      const contracts = Buffer.from(nl.find(file => file.name === 'gemeente-a-contracten.csv')!.bytes).toString('latin1')
        .replace('31-12-2026', '31-13-2026').replace('\u0080 98.765,00', 'veel geld').replace(';6;', ';zes;');
      const files = nl.map(file =>
        file.name === 'gemeente-a-applicaties.csv' ? { name: file.name, bytes: Buffer.from(apps, 'latin1') }
        : file.name === 'gemeente-a-contracten.csv' ? { name: file.name, bytes: Buffer.from(contracts, 'latin1') } : file);
      const report = await importFiles(driver, files, { source: 'csv:en' });
      expect(report.ok).toBe(false);
      expect(report.runId).toBeNull();
      expect(report.issues.map(issue => [issue.file, issue.line, issue.column, issue.field, issue.value])).toEqual([
        ['gemeente-a-applicaties.csv', 2, 'kritikaliteit', 'criticality', 'zeer hoog'],
        ['gemeente-a-applicaties.csv', 2, 'persoonsgegevens', 'personalData', 'misschien'],
        ['gemeente-a-contracten.csv', 2, 'einddatum', 'end', '31-13-2026'],
        ['gemeente-a-contracten.csv', 2, 'opzegtermijnMaanden', 'noticeMonths', 'zes'],
        ['gemeente-a-contracten.csv', 3, 'jaarwaarde', 'annualValue', 'veel geld'],
      ]);
      expect(issueAt(report, 'gemeente-a-applicaties.csv', 2, 'criticality')!.expected).toMatch(/laag, midden, hoog, kritiek/);
      expect(issueAt(report, 'gemeente-a-contracten.csv', 2, 'end')!.expected).toMatch(/31-12-2026/);
      expect(issueAt(report, 'gemeente-a-contracten.csv', 3, 'annualValue')!.message).toMatch(/^gemeente-a-contracten\.csv:3: jaarwaarde \(annualValue\)/);
      expect(report.tables.applications.errors).toBe(2);
      expect(report.tables.contracts.errors).toBe(3);
    });

    it('when a required column is missing, then one issue per file names the column and its aliases', async () => {
      const files = edited({ 'interfaces.csv': 'id,organisation,from,standard\ni1,gm-a,brp,StUF-BG\ni2,gm-a,zaak,REST\n' });
      const report = await importFiles(driver, files, { source: 'csv:en' });
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0]).toMatchObject({ file: 'interfaces.csv', line: 1, field: 'to', expected: 'a column "to" or "naar"' });
    });

    it('when an id is duplicated within an organisation, then it is an issue; the same id in another organisation is not', async () => {
      const files = edited({ 'applications.csv': `${enText('applications.csv')}zaak,gm-a,Zaaksysteem kopie,acme,,,,,,,\nzaak,gm-b,Zaaksysteem B,acme,,,,,,,\n` });
      const report = await importFiles(driver, files, { source: 'csv:en' });
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0]).toMatchObject({ file: 'applications.csv', line: 6, field: 'id', value: 'zaak' });
      expect(report.issues[0].message).toMatch(/first in applications\.csv:2/);
    });

    it('when references are unknown (supplier, platform, runsOn, from, to, via, contract application), then each is reported', async () => {
      const files = edited({
        'platforms.csv': enText('platforms.csv').replace('saas1,Cloudy SaaS,saas,cloudy,US,iaas1', 'saas1,Cloudy SaaS,saas,nobody,US,iaas9'),
        'applications.csv': enText('applications.csv').replace('Berichtenmakelaar,acme', 'Berichtenmakelaar,acne').replace(',low,no,saas1,', ',low,no,saas2,'),
        'interfaces.csv': 'id,organisation,from,to,standard,via\ni1,gm-a,brp,zak,StUF-BG,ebs\ni2,gm-a,zaak2,web,REST,\n',
        'contracts.csv': enText('contracts.csv').replace('zaak|esb', 'zaak|esb|ghost'),
      });
      const report = await importFiles(driver, files, { source: 'csv:en' });
      expect(report.issues.map(issue => `${issue.file}:${issue.line} ${issue.field}=${issue.value}`)).toEqual([
        'applications.csv:4 supplier=acne',
        'applications.csv:5 platform=saas2',
        'contracts.csv:2 applications=zaak|esb|ghost',
        'interfaces.csv:2 to=zak',
        'interfaces.csv:2 via=ebs',
        'interfaces.csv:3 from=zaak2',
        'platforms.csv:4 supplier=nobody',
        'platforms.csv:4 runsOn=iaas9',
      ]);
      expect(issueAt(report, 'contracts.csv', 2, 'applications')!.message).toMatch(/unknown application "ghost" in organisation gm-a/);
    });

    it('when a contract ends before it starts, then the end date is reported', async () => {
      const report = await importFiles(driver, edited({ 'contracts.csv': enText('contracts.csv').replace('2020-03-01,2027-02-28', '2027-03-01,2027-02-28') }), { source: 'csv:en' });
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0]).toMatchObject({ line: 3, field: 'end', column: 'end', value: '2027-02-28' });
      expect(report.issues[0].expected).toMatch(/2027-03-01/);
    });

    it('when platforms run on each other in a loop, then the loop is reported', async () => {
      const report = await importFiles(driver, edited({ 'platforms.csv': enText('platforms.csv').replace('iaas1,Cloudy Cloud,iaas,cloudy,US,', 'iaas1,Cloudy Cloud,iaas,cloudy,US,saas1') }), { source: 'csv:en' });
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0]).toMatchObject({ field: 'runsOn' });
      expect(report.issues[0].message).toMatch(/iaas1 → saas1 → iaas1|saas1 → iaas1 → saas1/);
    });

    it('when a contract covers an application of another organisation, then that is said', async () => {
      const files = edited({
        'applications.csv': `${enText('applications.csv')}fin,gm-b,Financiën,acme,,,,,,,\n`,
        'contracts.csv': enText('contracts.csv').replace('zaak|esb', 'zaak|fin'),
      });
      const report = await importFiles(driver, files, { source: 'csv:en' });
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0].message).toMatch(/application "fin" belongs to organisation gm-b, not to gm-a/);
    });

    it('when a file is not CSV/XLSX, empty, without a recognisable header or over the size limit, then one InputError names it', async () => {
      const cases: [Parameters<typeof importFiles>[1], RegExp, Parameters<typeof importFiles>[2]?][] = [
        [[{ name: 'applications.pdf', bytes: Buffer.from('%PDF-1.4') }], /applications\.pdf: not a CSV or XLSX file/],
        [[{ name: 'applications.csv', bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]) }], /applications\.csv: not a CSV file .*XLSX/],
        [[{ name: 'contracts.xlsx', bytes: Buffer.from('id,name\n') }], /contracts\.xlsx: not an XLSX workbook/],
        [[{ name: 'suppliers.csv', bytes: Buffer.alloc(0) }], /suppliers\.csv: the file is empty/],
        [[csv('suppliers.csv', '\n;;;\n')], /suppliers\.csv: the file is empty/],
        [[csv('suppliers.csv', 'foo,bar\n1,2\n')], /suppliers\.csv: no recognisable header in line 1 for suppliers/],
        [[csv('inventaris.csv', 'id,name\n1,2\n')], /inventaris\.csv: cannot tell which table/],
        [[csv('suppliers.csv', 'id,"name\nacme,Acme\n')], /suppliers\.csv:1, column 2: not readable as CSV: the quote opens a cell that is never closed/],
        [[csv('suppliers.csv', `id,name\n${'x,y\n'.repeat(100)}`)], /suppliers\.csv: the file is 0\.0 MB, more than the limit/, { sizeLimitBytes: 100 }],
        [fixture('en'), /Source name "csv#en"/, { source: 'csv#en' }],
      ];
      for (const [files, message, options] of cases) {
        const attempt = importFiles(driver, files, { source: 'csv:en', ...options });
        await expect(attempt).rejects.toThrow(InputError);
        await expect(importFiles(driver, files, { source: 'csv:en', ...options })).rejects.toThrow(message);
      }
    });

    it('when a CSV row has more cells than the header, then that is an issue rather than a silent fix', async () => {
      const report = await importFiles(driver, edited({ 'suppliers.csv': `${enText('suppliers.csv')}extra,Extra BV,,NL,oops\n` }), { source: 'csv:en' });
      expect(report.issues).toHaveLength(1);
      expect(report.issues[0]).toMatchObject({ file: 'suppliers.csv', line: 6, value: 'oops' });
    });

    it('when the import is a dry run, then it validates but writes nothing', async () => {
      const report = await importFiles(driver, fixture('nl'), { source: 'csv:other', dryRun: true });
      expect(report).toMatchObject({ ok: true, dryRun: true, runId: null });
      expect(report.tables.applications.read).toBe(4);
    });
  });

  describe('supplier names', () => {
    it('when two suppliers have the same normalized name, then they merge into the first and references follow', async () => {
      const files = edited({
        'suppliers.csv': `${enText('suppliers.csv')}acme2,ACME  bv,,NL\n`,
        'applications.csv': enText('applications.csv').replace('Berichtenmakelaar,acme', 'Berichtenmakelaar,acme2'),
      });
      const report = await importFiles(driver, files, { source: 'csv:en' });
      expect(report.issues).toEqual([]);
      expect(report.merges).toEqual([{ kept: 'acme', dropped: 'acme2', keptName: 'Acme B.V.', droppedName: 'ACME  bv', reason: 'same name', file: 'suppliers.csv', line: 6 }]);
      expect(await nodes(driver, 'Supplier')).toEqual(['supplier:acme', 'supplier:cloudy', 'supplier:hostco', 'supplier:regio']);
      expect(await rels(driver, 'SUPPLIES')).toContain('supplier:acme -SUPPLIES-> app:gm-a/esb');
      // Five rows read, four suppliers written: the counts say where the fifth went, in the report and the history.
      const { read: rows, created, updated, unchanged, merged } = report.tables.suppliers;
      expect([rows, merged, created + updated + unchanged + merged!]).toEqual([5, 1, 5]);
      expect(report.tables.applications).not.toHaveProperty('merged');
      const [run] = await listImportRuns(driver, { source: 'csv:en' });
      expect((run.counts.tables as Record<string, unknown>).suppliers).toMatchObject({ read: 5, merged: 1 });
    });

    it('when the applications are re-imported without the suppliers file, then a supplier id the first import merged still means the supplier it was merged into', async () => {
      const applications = enText('applications.csv').replace('Berichtenmakelaar,acme', 'Berichtenmakelaar,acme2');
      const first = await importFiles(driver, edited({ 'suppliers.csv': `${enText('suppliers.csv')}acme2,ACME  bv,,NL\n`, 'applications.csv': applications }), { source: 'csv:en' });
      expect(first.merges.map(merge => merge.dropped)).toEqual(['acme2']);
      const before = await graphOf(driver);
      // It said: unknown supplier "acme2", of a supplier Roer had merged itself.
      const again = await importFiles(driver, [csv('applications.csv', applications)], { source: 'csv:en' });
      expect(again.issues).toEqual([]);
      const line = applications.split('\n').findIndex(row => row.includes(',acme2')) + 1;
      expect(again.merges).toEqual([{ kept: 'acme', dropped: 'acme2', keptName: 'Acme B.V.', droppedName: 'acme2', reason: 'earlier import', file: 'applications.csv', line }]);
      // The rows mean what they meant at the first import: nothing changed.
      expect(again.written).toBe('unchanged');
      expect(await graphOf(driver)).toEqual(before);
      // A supplier id no import ever merged is still unknown.
      const unknown = await importFiles(driver, [csv('applications.csv', applications.replace(',acme2', ',acme3'))], { source: 'csv:en' });
      expect(unknown.issues.map(issue => [issue.file, issue.field, issue.code])).toEqual([['applications.csv', 'supplier', 'unknown-reference']]);
    });

    it('when an alias file keeps them apart or forces a merge, then that wins', async () => {
      const files = edited({ 'suppliers.csv': `${enText('suppliers.csv')}acme2,ACME  bv,,NL\n` });
      const aliasFile = csv('roer-aliases.json', JSON.stringify({ keepApart: [['acme2', 'acme']], merge: [['hostco', 'cloudy']] }));
      const report = await importFiles(driver, files, { source: 'csv:en', aliasFile });
      expect(report.issues).toEqual([]);
      expect(report.merges.map(merge => [merge.kept, merge.dropped, merge.reason])).toEqual([['hostco', 'cloudy', 'alias file']]);
      expect(await nodes(driver, 'Supplier')).toEqual(['supplier:acme', 'supplier:acme2', 'supplier:hostco', 'supplier:regio']);
      expect(await rels(driver, 'PROVIDES')).toEqual(['supplier:hostco -PROVIDES-> platform:dc1', 'supplier:hostco -PROVIDES-> platform:iaas1', 'supplier:hostco -PROVIDES-> platform:saas1']);
    });

    it('when another source already has the supplier under another id, then the import uses that id', async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:gm-a' });
      const files = [csv('suppliers.csv', 'id,name\nACME-NL,Acme BV\n'), csv('applications.csv', 'id,organisation,name,supplier\nx1,gm-b,Financiën,ACME-NL\n')];
      const report = await importFiles(driver, files, { source: 'csv:gm-b' });
      expect(report.issues).toEqual([]);
      expect(report.merges).toMatchObject([{ kept: 'acme', dropped: 'ACME-NL' }]);
      expect(await nodes(driver, 'Supplier')).toEqual(['supplier:acme', 'supplier:cloudy', 'supplier:hostco', 'supplier:regio']);
      expect(await rels(driver, 'SUPPLIES')).toContain('supplier:acme -SUPPLIES-> app:gm-b/x1');
      const [acme] = await read<{ runs: string[] }>(driver, "MATCH (s:Supplier {id: 'acme'}) RETURN s.runs AS runs");
      expect(acme.runs.map(stamp => stamp.split('#')[0]).sort()).toEqual(['csv:gm-a', 'csv:gm-b']);
    });

    it('when a bad alias file is given, then one InputError names it', async () => {
      await expect(importFiles(driver, fixture('en'), { source: 'csv:en', aliasFile: csv('roer-aliases.json', '{"merge": [["a"]]}') })).rejects.toThrow(/roer-aliases\.json: merge\.0/);
      await expect(importFiles(driver, fixture('en'), { source: 'csv:en', mappingFile: csv('roer-mapping.json', '{"applications": {"Pakket": "naam"}}') })).rejects.toThrow(/"naam" is not a column of applications/);
    });
  });

  describe('lookups and names', () => {
    it('when many rows refer to what the database holds, then there is one lookup per table, not one per row', async () => {
      await importFiles(driver, fixture('en'), { source: 'csv:gm-a' });
      const apps = Array.from({ length: 500 }, (_, i) => `x${i},gm-b,App ${i},${['acme', 'hostco', 'cloudy'][i % 3]},${['dc1', 'saas1'][i % 2]}`).join('\n');
      const contracts = Array.from({ length: 200 }, (_, i) => `k${i},gm-a,acme,zaak|web,,2030-01-01`).join('\n');
      const tables = await readTables([
        csv('applications.csv', `id,organisation,name,supplier,platform\n${apps}\n`),
        csv('contracts.csv', `id,organisation,supplier,applications,start,end\n${contracts}\n`),
      ]);
      const lookup = databaseLookup(driver, 'csv:gm-b');
      const calls: number[] = [];
      const counting = { ...lookup, existingUids: async (uids: string[]) => (calls.push(uids.length), lookup.existingUids(uids)) };
      const { issues } = await validate(tables, { lookup: counting });
      expect(issues).toEqual([]);
      expect(calls).toEqual([5, 3]); // applications: 3 suppliers + 2 platforms; contracts: acme, zaak, web
    });

    it('when no source is given, then it comes from the folder, the workbook or the common file-name prefix', () => {
      expect(defaultSource(['gemeente-a-applicaties.csv', 'gemeente-a-leveranciers.csv'])).toBe('csv:gemeente-a');
      expect(defaultSource(['Landschap Gemeente B.xlsx'])).toBe('xlsx:Landschap-Gemeente-B');
      expect(defaultSource(['applications.csv'], [fixtureDir('nl')])).toBe('csv:nl');
      // Files that do not say where they come from: named after the one organisation they hold, else not at all.
      expect(defaultSource(['applications.csv', 'suppliers.csv'], [], ['gm-a'])).toBe('csv:gm-a');
      expect(() => defaultSource(['applications.csv', 'suppliers.csv'])).toThrow('Name the source');
      expect(() => defaultSource(['applications.csv'], [], ['gm-a', 'gm-b'])).toThrow('they hold 2 organisations');
    });
  });

  describe('importLandscape', () => {
    it('when a parsed landscape is imported, then it passes the same checks and loads', async () => {
      const landscape = Landscape.parse({
        suppliers: [{ id: 's1', name: 'Acme B.V.' }],
        applications: [{ id: 'a1', organisation: 'gm1', name: 'Zaaksysteem', supplier: 's1' }, { id: 'a2', organisation: 'gm1', name: 'BRP', supplier: 's2' }],
      });
      const bad = await importLandscape(driver, landscape, { source: 'archimate:gm1', files: ['model.xml'] });
      expect(bad.issues.map(issue => [issue.file, issue.line, issue.field, issue.value])).toEqual([['model.xml[applications]', 2, 'supplier', 's2']]);
      landscape.applications[1].supplier = 's1';
      const good = await importLandscape(driver, landscape, { source: 'archimate:gm1' });
      expect(good.ok).toBe(true);
      expect(await rels(driver, 'SUPPLIES')).toContain('supplier:s1 -SUPPLIES-> app:gm1/a2');
    });

    it('when an import loads table by table, then its progress counts table rows, only goes forward and ends at the total', async () => {
      // The interfaces name 300 organisations the applications created (not written again), then come 20 contracts.
      const organisations = Array.from({ length: 300 }, (_, i) => `gm${i}`);
      const landscape = Landscape.parse({
        suppliers: [{ id: 's1', name: 'Acme' }],
        applications: organisations.flatMap(organisation => [{ id: 'a1', organisation, name: 'Zaak' }, { id: 'a2', organisation, name: 'BRP' }]),
        interfaces: organisations.map(organisation => ({ id: 'i1', organisation, from: 'a1', to: 'a2' })),
        contracts: organisations.slice(0, 20).map(organisation => ({ id: 'c1', organisation, supplier: 's1', applications: 'a1', end: '2030-01-01' })),
      });
      const progress: { phase: string; done: number; total: number }[] = [];
      const report = await importLandscape(driver, landscape, { source: 'csv:many', onProgress: step => progress.push(step) });
      expect(report.ok).toBe(true);
      const total = 1 + 600 + 300 + 20;
      expect(new Set(progress.map(step => step.total))).toEqual(new Set([total]));
      const done = progress.map(step => step.done);
      expect(done.every((value, i) => i === 0 || value >= done[i - 1])).toBe(true);
      expect(progress.at(-1)).toEqual({ phase: 'done', done: total, total });
    });
  });
});
