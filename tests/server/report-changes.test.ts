// An organisation report's section on what changed since the import before its last
// (server/reports/changes-section.ts) over HTTP against the test Neo4j: after one import it says there is
// nothing to compare with; after a second with known changes (the English set, then the same set changed in
// every table: tests/importers/support.ts, the changes of tests/server/changes.test.ts) the PDF, the report's
// data and the workbook say in words what changed, row by row, and what entered or left the lists.
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { readPdf } from '../support/pdf.js';
import { changedFixture, fixture } from '../importers/support.js';
import { appFor, request } from './support.js';

const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});
const report = async (driver: Driver, format: 'pdf' | 'xlsx', lang = 'nl') => (await binary(request(appFor(driver)).get(`/api/reports/org%3Agm-a.${format}`).query({ lang }))).body as Buffer;
/** The pages' text with the layout's runs of spaces and line breaks made one space. */
const words = (pages: string[]) => pages.join('\n').replace(/\s+/g, ' ');

describe('the report section on what changed since the previous import', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await importFiles(driver, fixture('en'), { source: 'csv:en', user: 'tester' });
  });
  afterAll(() => driver.close());

  it('when there has been one import, then it says there is nothing to compare with yet', async () => {
    const text = words(readPdf(await report(driver, 'pdf'), 'report-changes-one'));
    expect(text).toContain('Wat veranderde sinds de vorige import (0)');
    expect(text).toContain('Deze organisatie is nog maar één keer geïmporteerd: er is niets om mee te vergelijken.');
  });

  describe('after a second import that changed gm-a in every table', () => {
    beforeAll(async () => {
      const second = await importFiles(driver, changedFixture(), { source: 'csv:en', user: 'editor', allowRemovals: true });
      expect(second.written).toBe('diff');
    });

    it('then the PDF says first what changed per table and in the lists, then every row with its fields', async () => {
      const text = words(readPdf(await report(driver, 'pdf'), 'report-changes', 80));
      expect(text).toMatch(/Wat veranderde sinds de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} \(\d+\)/);
      // Per table, as tests/server/changes.test.ts counts them for gm-a.
      // Which import it compares with, by its time and source (three imports in one minute read alike by time alone).
      expect(text).toMatch(/\(\d+\) Vergeleken met de import van \d{2}-\d{2}-\d{4} \d{2}:\d{2} uit en \(CSV-bestanden\)\. Applicaties:/);
      // Every row is listed: no word of rows kept only as counts (the first import kept its counts, but it is the one compared with).
      expect(text).not.toContain('alleen de aantallen');
      expect(text).toContain('Applicaties: 1 toegevoegd, 2 gewijzigd, 1 verwijderd;');
      expect(text).toContain('contracten: 1 toegevoegd, 1 gewijzigd, 1 verwijderd.');
      expect(text).toContain('Niet langer een scharnierpunt: Berichtenmakelaar.');
      // What moved in the Kwetsbare punten top 10, by name and kind, one or many applications said right.
      // Several on lines of their own under the sentence.
      expect(text).toContain('Nieuw in de top 10 kwetsbare punten: – Newco B.V. (leverancier): nu #4, 3 bedrijfskritische applicaties geraakt – Documentbeheer (applicatie): nu #7, 1 bedrijfskritische applicatie geraakt –');
      expect(text).toMatch(/Kwetsbare punten die meer of minder bedrijfskritische applicaties raken: – .*– BRP-bevraging \(applicatie\): 2 3 –/);
      expect(text).toContain('Uit de top 10 kwetsbare punten: Cloudy Cloud (platform), Cloudy Inc. (leverancier) en Régio ICT B.V. (leverancier).');
      // The PDF's fonts have no →: it is drawn where the text leaves room, which pdftotext reads as a space
      // (look at tests/artifacts/report-changes-3.png).
      expect(text).toMatch(/Leveranciers waarvan het aandeel het meest verschoof: – .*– Newco B\.V\.: contractwaarde 0,0% 80,2% \(€ 0 € 5\.000, \+€ 5\.000 per jaar\), applicaties 0,0% 50,0% \(0 2, \+2\)/);
      // Row by row, in the Wijzigingen page's words: a supplier by its name, not its key.
      expect(text).toMatch(/Gewijzigd Applicatie BRP-bevraging leverancier: Régio ICT B\.V\. Newco B\.V\./);
      expect(text).toMatch(/Toegevoegd Contract Newco B\.V\. – BRP-bevraging en Documentbeheer \(c3\)/);
      expect(text).toMatch(/Verwijderd Applicatie Website; portaal, publiek/);
      expect(text).not.toMatch(/leverancier: regio/);
    });

    it('then the report page\'s data has the rows and the English PDF says it in English', async () => {
      const data = (await request(appFor(driver)).get('/api/reports/org%3Agm-a').query({ lang: 'en' })).body;
      // The Kwetsbare punten top 10 compared with the import before (Newco took Régio's place, Cloudy's hosting left).
      const { entered, left } = data.changes.headline.ranking as { entered: { name: string }[]; left: { name: string }[] };
      expect([entered.map(point => point.name), left.map(point => point.name)]).toEqual([['Newco B.V.', 'Documentbeheer', 'Rekencentrum Oost'], ['Cloudy Cloud', 'Cloudy Inc.', 'Régio ICT B.V.']]);
      expect(data.changes.tables.contracts.items.added).toEqual([{ uid: 'contract:gm-a/c3', name: 'Newco B.V. – BRP-bevraging and Documentbeheer (c3)', organisation: 'gm-a' }]);
      const text = words(readPdf(await report(driver, 'pdf', 'en'), 'report-changes-en'));
      expect(text).toMatch(/What changed since the import of \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}/);
      expect(text).toContain('Applications: 1 added, 2 changed, 1 removed;');
      // "supplier: …" is the changed field in words, not a uid whose key is to be cut off.
      expect(text).toMatch(/Changed Application BRP-bevraging supplier: Régio ICT B\.V\. Newco B\.V\./);
    });

    it('then the workbook has a sheet of the changed rows, the sentences under them', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await report(driver, 'xlsx')) as never);
      const sheet = book.getWorksheet('Wijzigingen')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Wijziging', 'Soort', 'Naam', 'Wat veranderde']);
      const rows = sheet.getSheetValues().slice(2).map(row => (row as unknown[]).slice(1).join(' | '));
      expect(rows).toContain('Gewijzigd | Applicatie | BRP-bevraging | leverancier: Régio ICT B.V. → Newco B.V.');
      expect(rows).toContain('Niet langer een scharnierpunt: Berichtenmakelaar.');
      const english = new ExcelJS.Workbook();
      await english.xlsx.load((await report(driver, 'xlsx', 'en')) as never);
      const changed = english.getWorksheet('Changes')!.getSheetValues().slice(2).map(row => (row as unknown[]).slice(1).join(' | '));
      expect(changed).toContain('Changed | Application | BRP-bevraging | supplier: Régio ICT B.V. → Newco B.V.');
    });
  });
});
