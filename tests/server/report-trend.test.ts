// An organisation report's "Verloop" (server/reports/trend.ts) over HTTP against the test Neo4j: after
// one import the report says there is no trend yet; after a second with known changes (the English set,
// then the same set changed in every table: tests/importers/support.ts) the PDF says how each headline
// number moved and draws it, and the workbook has the sentences and a typed sheet of the numbers.
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { readPdf } from '../support/pdf.js';
import { dutchClock } from '../../server/format.js';
import { changedFixture, fixture } from '../importers/support.js';
import { appFor, request } from './support.js';

const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});
const report = async (driver: Driver, format: 'pdf' | 'xlsx', lang = 'nl') => (await binary(request(appFor(driver)).get(`/api/reports/org%3Agm-a.${format}`).query({ lang }))).body as Buffer;
const day = (at: string, locale: string) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(at));
/**
 * Where the trend starts in a sentence: its first import's day; with both imports on one day (as here, unless the test
 * runs over midnight) its time too, as the clock in the Netherlands showed it: "5 december 2026 10:14".
 */
const sinceOf = (series: { at: string }[], locale: string) => {
  const [first, last] = [dutchClock(series[0].at)!.toISOString(), dutchClock(series.at(-1)!.at)!.toISOString()];
  return first.slice(0, 10) === last.slice(0, 10) ? `${day(first, locale)} ${first.slice(11, 16)}` : day(series[0].at, locale);
};
/** The pages' text with the layout's runs of spaces made one. */
const words = (pages: string[]) => pages.join('\n').replace(/[ \t]+/g, ' ');

describe('the Verloop section of an organisation report', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await importFiles(driver, fixture('en'), { source: 'csv:en', user: 'tester' });
  });
  afterAll(() => driver.close());

  it('when there has been one import, then the PDF says plainly that there is no trend yet', async () => {
    const text = words(readPdf(await report(driver, 'pdf'), 'report-trend-one'));
    // The heading says what its number counts.
    expect(text).toContain('Verloop over 1 import');
    expect(text).toMatch(/Nog geen verloop: één import \(\d{1,2} [a-z]+ 20\d\d\)\./);
  });

  describe('after a second import that changed gm-a', () => {
    let since: string;
    let at: string;
    let trend: { at: string }[];
    beforeAll(async () => {
      const second = await importFiles(driver, changedFixture(), { source: 'csv:en', user: 'editor', allowRemovals: true });
      expect(second.written).toBe('diff');
      const series = (await request(appFor(driver)).get('/api/trends?organisation=gm-a')).body.series as { at: string }[];
      expect(series).toHaveLength(2);
      at = series[0].at;
      trend = series;
      since = sinceOf(series, 'nl-NL');
    });

    it('then the PDF has a Verloop section with a sentence per headline number and the numbers per import', async () => {
      const pages = readPdf(await report(driver, 'pdf'), 'report-trend', 80);
      const text = words(pages);
      expect(text).toContain('Verloop over 2 imports');
      // Applications per supplier: acme 2, regio 1, cloudy 1, then acme 2, newco 2 (tests/server/changes.test.ts); the
      // broker is no longer a single point of failure. The PDF's fonts have no →: it is drawn (look at
      // tests/artifacts/report-trend-2.png) where the text leaves room, which pdftotext reads as a space.
      expect(text).toContain(`HHI op aantal applicaties 3.750 5.000 sinds ${since}`);
      expect(text).toContain(`Scharnierpunten 2 1 sinds ${since}`);
      expect(text).toMatch(new RegExp(`Aandeel onder niet-EU-recht [\\d,]+% ([\\d,]+% sinds|, gelijk sinds) ${since}`));
      // Not the "›" that stood in for it and read as a misprint.
      expect(text).not.toContain('›');
      // Every chart's title whole, none cut off ("Contracten in of voorbij hun…").
      expect(text).not.toContain('…');
      // The table under the charts: a row per headline number, a column per import, so all nine fit across
      // (a row per import took eleven columns and left two out). Dates whole with their time, two imports on one
      // day told apart (within one minute by their seconds); their one source named under it by name and kind, not its key csv:en.
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toMatch(/Kengetal \d{2}-\d{2}-\d{4} \d{2}:\d{2}(:\d{2})? \d{2}-\d{2}-\d{4} \d{2}:\d{2}(:\d{2})? HHI op aantal applicaties 3\.750 5\.000 CR3 op/);
      for (const name of ['HHI op contractwaarde', 'CR3 op contractwaarde', 'Common Ground-score']) expect(flat).toMatch(new RegExp(`${name} [\\d.,%—]+ [\\d.,%—]+`));
      expect(flat).toMatch(/Alle imports van en \(CSV- ?bestanden\)\./);
      expect(text).not.toContain('csv:en');
    });

    it('then the English PDF says it in English', async () => {
      const text = words(readPdf(await report(driver, 'pdf', 'en'), 'report-trend-en'));
      expect(text).toContain('Trend over 2 imports');
      expect(text).toContain(`HHI by number of applications 3,750 5,000 since ${sinceOf(trend, 'en-GB')}`);
      expect(text).not.toContain('›');
      expect(text).not.toContain('…');
    });

    it('then the workbook has the sentences on its first sheet and the numbers per import as typed cells', async () => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await report(driver, 'xlsx')) as never);
      const first = book.worksheets[0].getColumn(1).values.map(String);
      expect(first).toContain('Verloop');
      expect(first).toContain(`HHI op aantal applicaties 3.750 → 5.000 sinds ${since}`);
      // What the notice count is made of, as in the PDF and on the report page.
      expect(first.some(line => /^Contracten in of voorbij hun opzegtermijn, nu (\d+) \(\d+ \+ \d+\)/.test(line))).toBe(true);
      const sheet = book.getWorksheet('Verloop')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Import van', 'Bron', 'HHI op aantal applicaties', 'CR3 op aantal applicaties', 'HHI op contractwaarde', 'CR3 op contractwaarde', 'Scharnierpunten', 'Gemiddelde lock-in', 'Contracten in of voorbij hun opzegtermijn', 'Aandeel onder niet-EU-recht', 'Common Ground-score']);
      expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.Date);
      expect(sheet.getCell('A2').numFmt).toBe('dd-mm-yyyy hh:mm');
      // The HHI by contract value as recorded (the PDF above rounds it: 9.756 → 6.824).
      expect(['C2', 'C3', 'E2', 'E3', 'G2', 'G3'].map(cell => sheet.getCell(cell).value)).toEqual([3750, 5000, 9756.14, 6823.85, 2, 1]);
    });
  });
});
