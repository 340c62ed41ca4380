// Documents people open, over HTTP against the real test Neo4j: reports as PDF (read back with
// pdftotext, every page rendered to tests/artifacts/ to look at), workbooks (read back with exceljs),
// CSV for Dutch Excel, the calendar's filters in every format, a report's own subgraph as GraphML.
import ExcelJS from 'exceljs';
import { XMLParser } from 'fast-xml-parser';
import type { Driver } from 'neo4j-driver';
import PDFDocument from 'pdfkit';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { analyses } from '../../server/analyses/index.js';
import { dutchClock, formatDate, formatMoney, formatNumber, formatPercent } from '../../server/format.js';
import { ARROW_SLOT, columnWidths, pdfText } from '../../server/reports/pdf.js';
import { pictureLayout, wrap } from '../../server/reports/picture.js';
import type { ReportData } from '../../server/reports/report-data.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { readPdf } from '../support/pdf.js';
import { appFor, request } from './support.js';

const ORG = 'gemeente-noord';

/**
 * One municipality with a slug for an id, a second one, and a business function (Afval) that seven
 * suppliers share equally by count (HHI 1,429: unconcentrated) while one holds 94% of its contract
 * value (HHI 8,900: highly concentrated).
 */
const fixture = () => {
  const afval = Array.from({ length: 7 }, (_, i) => ({ id: `afval${i}`, organisation: ORG, name: `Afvalregistratie ${i}`, supplier: i === 0 ? 's1' : `s${i + 3}`, businessFunctions: 'Afval', criticality: 'low' }));
  return Landscape.parse({
    suppliers: [
      { id: 's1', name: 'Acme B.V.', group: 'Acme Holding' }, { id: 's2', name: 'Hostco' }, { id: 's3', name: 'Beta Software' },
      ...afval.slice(1).map((_, i) => ({ id: `s${i + 4}`, name: `Afvalleverancier ${i + 4}` })),
    ],
    platforms: [{ id: 'p1', name: 'Rekencentrum Noord', type: 'data-centre', supplier: 's2', jurisdiction: 'NL' }],
    applications: [
      { id: 'zaak', organisation: ORG, name: 'Zaaksysteem', supplier: 's1', platform: 'p1', criticality: 'critical', businessFunctions: 'Vergunningen' },
      { id: 'bus', organisation: ORG, name: 'Berichtenbus', supplier: 's1', platform: 'p1', criticality: 'high' },
      { id: 'brp', organisation: ORG, name: 'Basisregistratie Personen', supplier: 's3', platform: 'p1', businessFunctions: 'Burgerzaken' },
      { id: 'web', organisation: ORG, name: 'Website', supplier: 's3', criticality: 'low', businessFunctions: 'Dienstverlening' },
      ...afval,
      { id: 'b1', organisation: 'gm2', name: 'Zaakregie Zuid', supplier: 's1' },
    ],
    interfaces: [
      { id: 'i1', organisation: ORG, from: 'brp', to: 'zaak', via: 'bus', standard: 'StUF-BG' },
      { id: 'i2', organisation: ORG, from: 'zaak', to: 'web' },
    ],
    contracts: [
      { id: 'c1', organisation: ORG, supplier: 's1', applications: 'zaak|bus', start: '2024-01-01', end: '2031-03-31', noticeMonths: '3', autoRenew: 'ja', annualValue: '€ 1.503.889,77' },
      { id: 'c2', organisation: ORG, supplier: 's3', applications: 'brp', start: '2024-01-01', end: '2030-12-31', noticeMonths: '6', annualValue: '25000', exitPlan: 'ja' },
      { id: 'c3', organisation: ORG, supplier: 's3', applications: 'web', start: '2024-01-01', end: '2030-06-30', noticeMonths: '1', annualValue: '1200' },
      ...afval.map((a, i) => ({ id: `ca${i}`, organisation: ORG, supplier: a.supplier, applications: a.id, end: '2032-01-31', annualValue: i === 0 ? '100000' : '1000' })),
      { id: 'd1', organisation: 'gm2', supplier: 's1', applications: 'b1', end: '2031-01-31', annualValue: '5000' },
    ],
  });
};

const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as never);
  return book;
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1).map(String);
/** A header that is a key, not words: camelCase, dotted or snake_case. */
// StUF (StUF-BG, StUF-ZKN) is how the standard is written, not a key.
// A key ("noticeDeadline", "lock.in", "auto_renew"), not StUF nor an abbreviation of single letters ("n.v.t.").
const keyLike = (text: string) => !/^\(?StUF/.test(text) && !/^([a-z]\.)+$/.test(text) && /[a-z][A-Z]|^[a-z]+\.[a-z]|_/.test(text);

describe('documents', () => {
  let driver: Driver;
  const app = () => appFor(driver);
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const report = await importLandscape(driver, fixture(), { source: 'csv:noord', user: 'test' });
    expect(report.issues).toEqual([]);
  });
  afterAll(() => driver.close());

  describe('reports as PDF', () => {
    const pdf = async (uid: string, query: Record<string, string> = {}) => {
      const response = await binary(request(app()).get(`/api/reports/${encodeURIComponent(uid)}.pdf`).query(query));
      expect(response.status).toBe(200);
      return response.body as Buffer;
    };

    it.each([
      ['application', `app:${ORG}/zaak`],
      ['supplier', 'supplier:s1'],
      ['organisation', `org:${ORG}`],
      ['platform', 'platform:p1'],
    ])('when the %s report is made, then it reads in Dutch with euros, dates and page numbers, and no keys', async (kind, uid) => {
      // The day as the clock in the Netherlands shows it, before and after (a run may pass its midnight).
      const days = [formatDate(dutchClock(new Date()), 'nl')];
      const pages = readPdf(await pdf(uid), `report-${kind}`);
      days.push(formatDate(dutchClock(new Date()), 'nl'));
      const text = pages.join('\n');
      expect(text).toContain('Afhankelijkheidsrapport');
      expect(pages[0]).toContain('Samenvatting');
      expect(pages[0]).toContain('Grootste risico’s');
      expect(pages[0]).toContain('Contracten om op te handelen');
      expect(text).toContain('Gemeente Noord'); // the organisation by name, not its slug
      expect(text).not.toMatch(/gemeente-noord/);
      pages.forEach((page, i) => {
        expect(page).toContain(`Pagina ${i + 1} van ${pages.length}`);
        // With the time, as the imports the report compares are named by theirs.
        expect(page).toMatch(new RegExp(`Gemaakt op (${days.join('|')}) \\d{2}:\\d{2}`));
      });
      for (const word of text.split(/\s+/)) expect(keyLike(word) ? word : '').toBe('');
      expect(text).not.toMatch(/\b(true|false|null|undefined|NaN)\b/);
      if (kind !== 'platform') {
        expect(text).toContain(formatMoney(1503889.77, 'nl').replace('\u00a0', ' ')); // € 1.503.890
        expect(text).toContain('31-12-2030'); // an end date
        expect(text).toMatch(/Uiterste\s+opzegdatum/);
        expect(text).toContain('Jaarwaarde');
      }
    });

    it('when the application report is made, then its first page gives the answer and its picture names what it depends on', async () => {
      const [first, second] = readPdf(await pdf(`app:${ORG}/zaak`), 'report-answer');
      // Zaaksysteem's own function stops with it; the website's, that it feeds, only misses data.
      expect(first.replace(/\s+/g, ' ')).toContain('Als Zaaksysteem uitvalt, mist 1 andere applicatie gegevens die ze via koppelingen van of via Zaaksysteem krijgt. Dan stopt de bedrijfsfunctie Vergunningen. '
        + 'Bij 1 bedrijfsfunctie missen ondersteunende applicaties alleen gegevens; die stopt daardoor niet.');
      expect(first).toContain('lock-in-score');
      expect(second).toContain('Afhankelijkheidsplaat');
      for (const name of ['Hangt af van', 'Mist gegevens', 'Acme B.V.', 'Rekencentrum Noord', 'Basisregistratie', 'Berichtenbus', 'Website']) expect(second).toContain(name);
      for (const words of ['levert gegevens aan', 'huisvest', 'levert', 'tussenstation voor']) expect(second).toContain(words);
    });

    it('when a host\'s report is made, then it says what fails directly apart from what only misses data through interfaces', async () => {
      // Hostco hosts Rekencentrum Noord: Zaaksysteem (critical), Berichtenbus (high) and the BRP run on it and
      // fail directly; the website runs elsewhere and only misses the data Zaaksysteem sends it.
      const [first] = readPdf(await pdf('supplier:s2'), 'report-host');
      expect(first.replace(/\s+/g, ' ')).toContain('Als Hostco wegvalt, vallen 3 applicaties en 1 platform direct uit (zij komen van of draaien bij Hostco), waarvan 2 bedrijfskritisch. '
        + 'Daarnaast mist 1 applicatie gegevens die via koppelingen van die applicaties komen. Dan stoppen 2 bedrijfsfuncties: Burgerzaken en Vergunningen. '
        + 'Bij 1 bedrijfsfunctie missen ondersteunende applicaties alleen gegevens; die stopt daardoor niet.');
      const book = await workbook((await binary(request(app()).get('/api/reports/supplier%3As2.xlsx').query({ lang: 'en' }))).body);
      const sheet = book.worksheets[1];
      const how = headers(sheet).indexOf('How hit') + 1;
      const name = headers(sheet).indexOf('Name') + 1;
      expect(how).toBeGreaterThan(0);
      const rows = (sheet.getColumn(name).values as unknown[]).slice(2).map((value, i) => [String(value), String(sheet.getRow(i + 2).getCell(how).value)]);
      expect(rows.sort()).toEqual([
        // A direct row says why, in one step.
        ['Basisregistratie Personen', 'directly: runs on Rekencentrum Noord'], ['Berichtenbus', 'directly: runs on Rekencentrum Noord'], ['Rekencentrum Noord', 'directly: provided by Hostco'],
        ['Website', 'misses data through an interface'], ['Zaaksysteem', 'directly: runs on Rekencentrum Noord'],
      ]);
    });

    it('when a supplier report shows lock-in and contracts, then values are over its applications, a note says what the columns mean, and contracts are named without it', async () => {
      const detail = (await request(app()).get('/api/nodes/supplier%3As1')).body as { lockIn: { applications: number; score: number; factors: { factor: string; raw: number }[] } };
      expect(detail.lockIn.applications).toBeGreaterThan(1);
      const text = readPdf(await pdf('supplier:s1'), 'report-supplier-lock-in').join('\n').replace(/\s+/g, ' ');
      expect(text).toContain(`Over de ${detail.lockIn.applications} applicaties van deze leverancier, in alle organisaties`);
      expect(text).toContain(`de bijdragen tellen op tot de score ${formatNumber(detail.lockIn.score, 'nl', 1)}`);
      // A yes/no factor is the share of the applications, not a 0 or 1 taken for a count.
      const exit = detail.lockIn.factors.find(f => f.factor === 'noExitPlan')!;
      expect(text).toContain(`Geen exitplan bij ${formatPercent(exit.raw * 100, 'nl', 0)} van de applicaties`);
      const dependants = detail.lockIn.factors.find(f => f.factor === 'dependants')!;
      expect(text).toContain(`Aantal afhankelijke applicaties gemiddeld ${formatNumber(dependants.raw, 'nl', 1)} applicaties`);
      // Its contracts are named by what they cover: the supplier's own name in every row said nothing.
      expect(text).toContain('Berichtenbus en Zaaksysteem (c1)');
      expect(text).not.toContain('Acme B.V. – ');
      const application = readPdf(await pdf(`app:${ORG}/zaak`), 'report-application-lock-in').join('\n').replace(/\s+/g, ' ');
      expect(application).toContain('Waarde: wat Roer bij deze applicatie vond.');
      expect(application).not.toContain('van deze leverancier');
      expect(application).toContain('Acme B.V. – Berichtenbus en Zaaksysteem (c1)');
    });

    it('when the organisation report is made, then its lock-in and impact sections are filled', async () => {
      const text = readPdf(await pdf(`org:${ORG}`), 'report-organisation-sections').join('\n');
      expect(text).toMatch(/Applicaties met de meeste lock-in \((top )?\d+\)/);
      expect(text).not.toMatch(/Applicaties met de meeste lock-in \(0\)/);
      // The fifteen worst of a longer ranking say so: "(top 15)".
      expect(text).toMatch(/Wat het meest uitvalt: de kwetsbaarste punten \((top )?[1-9]\d*\)/);
      expect(text).toContain('Grootste lock-in-factoren');
      expect(text).toContain('Weinig alternatieven');
      expect(text).toContain('Rekencentrum Noord');
    });

    it('when the report is asked in English, then it is English throughout', async () => {
      const pages = readPdf(await pdf('supplier:s1', { lang: 'en' }), 'report-english');
      const text = pages.join('\n');
      expect(pages[0]).toContain('Summary');
      expect(text).toContain('Contracts to act on');
      expect(text).toContain(`Page 1 of ${pages.length}`);
      expect(text).toContain('€1,503,890');
      expect(text).not.toMatch(/Samenvatting|Pagina|Leverancier\b/);
      const accepted = readPdf((await binary(request(app()).get('/api/reports/supplier%3As1.pdf').set('Accept-Language', 'en-GB,en;q=0.9'))).body, 'report-accept-language');
      expect(accepted[0]).toContain('Summary');
    });

    it('when a table is wider than the page, then the text columns give way and the figures keep their width', () => {
      const doc = new PDFDocument({ size: 'A4' });
      const columns = [
        { key: 'name', header: 'Naam', type: 'text' as const, value: () => null },
        { key: 'annualValue', header: 'Jaarwaarde', type: 'money' as const, value: () => null },
        { key: 'applications', header: 'Applicaties', type: 'list' as const, value: () => null },
      ];
      const cells = [['Grutto Software Persoonsregistratie', '€ 1.503.890', Array.from({ length: 30 }, (_, i) => `Applicatie ${i}`).join(', ')]];
      const widths = columnWidths(doc, columns, cells, 495);
      expect(widths.reduce((sum, w) => sum + w, 0)).toBeLessThanOrEqual(495 + 0.01);
      expect(widths[1]).toBeGreaterThanOrEqual(doc.font('Helvetica').fontSize(8).widthOfString('€ 1.503.890'));
      expect(widths[0]).toBeGreaterThanOrEqual(doc.font('Helvetica-Bold').fontSize(8).widthOfString('Naam'));
    });

    it('when even narrowed text columns do not fit (many columns, long header words), then the table still ends at the page edge', () => {
      const doc = new PDFDocument({ size: 'A4' });
      const headers = ['Ondersteuning', 'Naam', 'Versie', 'Einde ondersteuning', 'Kritikaliteit', 'Persoonsgegevens', 'Aantal afhankelijke applicaties', 'Bedrijfsfuncties'];
      const columns = headers.map((header, i) => ({ key: `c${i}`, header, type: (i === 3 ? 'date' : i === 6 ? 'integer' : 'text') as 'date' | 'integer' | 'text', value: () => null }));
      const cells = [['zonder ondersteuning', 'Rekencentrum Polderdata Roerdal', 'VMware ESXi 7.0.3', '02-10-2025', 'kritiek', 'ja', '328', 'Afval, Archief, Bedrijfsvoering, Burgerzaken, Dienstverlening, Financiën']];
      const widths = columnWidths(doc, columns, cells, 495);
      expect(widths.reduce((sum, w) => sum + w, 0)).toBeLessThanOrEqual(495 + 0.01);
      expect(Math.min(...widths)).toBeGreaterThan(20);
      // Header words break first: the date and the count keep the width of their cells.
      expect(widths[3]).toBeGreaterThanOrEqual(doc.font('Helvetica').fontSize(8).widthOfString('02-10-2025'));
      expect(widths[6]).toBeGreaterThanOrEqual(doc.font('Helvetica').fontSize(8).widthOfString('328'));
    });

    it('when text holds characters the PDF fonts lack, then they are written as the nearest letter or sign, and an arrow gets room to be drawn', () => {
      expect(pdfText('A → B · Łódź ≥ 3 € 5')).toBe(`A ${ARROW_SLOT} B · Lódz >= 3 € 5`);
      // A minus sign (48 → 47, −1) as the dash the font has, not a question mark.
      expect(pdfText('(48 → 47, −1)')).toBe(`(48 ${ARROW_SLOT} 47, –1)`);
    });
  });

  describe('the dependency picture', () => {
    const row = (uid: string, name: string, path: string[], criticality: string | null = 'low') =>
      ({ uid, kind: uid.startsWith('platform:') ? 'Platform' : uid.startsWith('supplier:') ? 'Supplier' : 'Application', name, organisation: 'x', criticality, hops: path.length - 1, path, pathNames: path.map(p => p) });
    const data = (dependants: number): ReportData => ({
      subject: { uid: 'app:x/s', kind: 'Application', name: 'Onderwerp', organisation: 'x' }, generatedAt: '2026-01-01T00:00:00Z', today: '2026-01-01', organisations: { x: 'X' },
      dependencies: [row('supplier:a', 'Acme', ['app:x/s', 'supplier:a']), row('platform:p', 'Rekencentrum', ['app:x/s', 'platform:p'])],
      // They get data from the subject through interfaces: they only miss data.
      dependants: Array.from({ length: dependants }, (_, i) => ({ ...row(`app:x/d${i}`, `Afhankelijke applicatie met een lange naam ${i}`, [`app:x/d${i}`, 'app:x/s'], i % 2 ? 'high' : 'low'), direct: false })),
      relations: [
        { from: 'app:x/s', to: 'supplier:a', type: 'SUPPLIES' }, { from: 'app:x/s', to: 'platform:p', type: 'RUNS_ON' },
        ...Array.from({ length: dependants }, (_, i) => ({ from: `app:x/d${i}`, to: 'app:x/s', type: 'DEPENDS_ON', kind: 'flow' as const })),
      ],
      functions: [], contracts: [], lockIn: null, lockInRanking: [], spofs: [], exposure: [], concentration: null,
    });

    it('when a node has dependencies and dependants, then it stands between them in step columns with every line named', () => {
      const picture = pictureLayout(data(3), 'nl');
      const subject = picture.boxes.find(box => box.subject)!;
      const left = picture.boxes.filter(box => box.uid === 'supplier:a' || box.uid === 'platform:p');
      const right = picture.boxes.filter(box => box.uid.startsWith('app:x/d'));
      expect(left.every(box => box.x + box.width < subject.x)).toBe(true);
      expect(right.every(box => box.x > subject.x + subject.width)).toBe(true);
      // The column says what happens to them, as the summary does: they miss data, they do not fail.
      expect(picture.heads.map(head => head.title)).toEqual(['Hangt af van', 'Applicatie', 'Mist gegevens']);
      expect(picture.lines.every(line => line.x1 < line.x2)).toBe(true);
      expect(new Set(picture.lines.map(line => line.words))).toEqual(new Set(['levert', 'huisvest', 'levert gegevens aan']));
      // Words beside a line where they fit in the gap, all of them in the legend, none on top of another.
      expect(picture.lines.filter(line => line.label).map(line => line.words).sort()).toEqual(['huisvest', 'levert']);
      expect(picture.legend.map(item => item.words).sort()).toEqual(['huisvest', 'levert', 'levert gegevens aan']);
      expect(pictureLayout(data(3), 'nl', { width: 900 }).lines.filter(line => line.label)).toHaveLength(5);
      const labels = pictureLayout(data(3), 'nl', { width: 900 }).lines.map(line => line.label!);
      for (const a of labels) for (const b of labels) if (a !== b) expect(a.x + a.width < b.x || b.x + b.width < a.x || a.y + picture.labelSize < b.y || b.y + picture.labelSize < a.y).toBe(true);
      // Boxes never overlap in a column.
      for (const a of picture.boxes) for (const b of picture.boxes) if (a !== b && a.x === b.x) expect(a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true);
    });

    it('when more nodes share a step than fit, then the critical ones are shown and a box says how many more', () => {
      const picture = pictureLayout(data(40), 'nl', { perColumn: 10 });
      const right = picture.boxes.filter(box => box.uid.startsWith('app:x/d'));
      expect(right).toHaveLength(9);
      expect(right.every(box => box.critical)).toBe(true);
      expect(picture.boxes.find(box => box.more)?.lines).toEqual(['+ 31 meer (zie tabel)']);
      expect(picture.lines.filter(line => line.label)).toHaveLength(2); // 9 lines in one gap: the legend names them
    });

    it('when a name is longer than its box, then it takes two lines and ends in an ellipsis', () => {
      const fits = (line: string) => line.length <= 12;
      expect(wrap('Grutto Software Persoonsregistratie', fits)).toEqual(['Grutto', 'Software Pe…']);
      expect(wrap('Kort', fits)).toEqual(['Kort']);
    });
  });

  describe('workbooks and CSV', () => {
    const get = (path: string, query: Record<string, string | number | boolean>) => binary(request(app()).get(path).query(query));
    const calendar = { organisation: ORG, from: '2026-01-01', to: '2032-12-31', today: '2026-01-01' };

    it('when the contract calendar is exported as XLSX, then headers are Dutch, dates and euros are typed cells, and the header is frozen with a filter', async () => {
      const book = await workbook((await get('/api/analyses/contract-calendar', { ...calendar, format: 'xlsx' })).body);
      expect(book.worksheets.map(sheet => sheet.name)).toEqual(['Contractkalender', 'Samenvatting']);
      const sheet = book.worksheets[0];
      const header = headers(sheet);
      expect(header).toEqual(expect.arrayContaining(['Naam', 'Organisatie', 'Leverancier', 'Einddatum', 'Uiterste opzegdatum', 'Jaarwaarde', 'Verlengt stilzwijgend tenzij opgezegd', 'Applicaties']));
      // two end dates and two renewal columns, each named by how it differs from the other
      expect(header).toEqual(expect.arrayContaining(['Einddatum volgens contract', 'Einddatum verschoven door verlenging']));
      expect(header).not.toContain('Einddatum in het contract');
      expect(header.filter(keyLike)).toEqual([]);
      expect(header).not.toContain('Sleutel'); // the uid next to the name is left out
      const column = (name: string) => header.indexOf(name) + 1;
      // Named as the calendar names it (the supplier has its own column), not by its id alone.
      const c1 = sheet.getRows(2, sheet.rowCount - 1)!.find(r => r.getCell(column('Naam')).value === 'Berichtenbus en Zaaksysteem (c1)')!;
      expect(c1).toBeDefined();
      expect(c1.getCell(column('Organisatie')).value).toBe('Gemeente Noord');
      expect(c1.getCell(column('Leverancier')).value).toBe('Acme B.V.');
      expect(c1.getCell(column('Einddatum')).type).toBe(ExcelJS.ValueType.Date);
      expect((c1.getCell(column('Einddatum')).value as Date).toISOString()).toBe('2031-03-31T00:00:00.000Z');
      expect(c1.getCell(column('Einddatum')).numFmt).toBe('dd-mm-yyyy');
      expect(c1.getCell(column('Jaarwaarde')).value).toBe(1503889.77);
      expect(c1.getCell(column('Jaarwaarde')).numFmt).toBe('€ #,##0');
      expect(c1.getCell(column('Verlengt stilzwijgend tenzij opgezegd')).value).toBe('ja');
      expect(c1.getCell(column('Applicaties')).value).toBe('Berichtenbus (hoog), Zaaksysteem (kritiek)');
      expect(sheet.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 1 }));
      expect(sheet.autoFilter).toEqual(`A1:${sheet.getColumn(header.length).letter}1`);
      expect(sheet.getColumn(column('Applicaties')).width).toBeGreaterThan(sheet.getColumn(column('Verlengt stilzwijgend tenzij opgezegd')).width! - 1);
      // The summary names the window as one ("Van" and "Naar" are an interface's ends) and counts the overdue.
      const summary: unknown[][] = [];
      book.getWorksheet('Samenvatting')!.eachRow(row => summary.push((row.values as unknown[]).slice(1)));
      const pairs = new Map(summary.slice(1).map(([subject, value]) => [String(subject), value instanceof Date ? value.toISOString().slice(0, 10) : value]));
      expect([...pairs.keys()]).toEqual(['Venster vanaf', 'Venster tot en met', 'Peildatum', 'Contracten', 'Contracten met verstreken opzegdatum']);
      expect([pairs.get('Venster vanaf'), pairs.get('Venster tot en met')]).toEqual(['01-01-2026', '31-12-2032']);
    });

    it('when supplier exposure is exported as XLSX, then shares are percentages and the summary is in words', async () => {
      const book = await workbook((await get('/api/analyses/supplier-exposure', { organisation: ORG, format: 'xlsx' })).body);
      const sheet = book.getWorksheet('Leveranciers')!;
      const header = headers(sheet);
      const share = sheet.getRow(2).getCell(header.indexOf('Aandeel contractwaarde in %') + 1);
      expect(share.numFmt).toBe('0.0%');
      expect(share.value).toBeGreaterThan(0);
      expect(share.value).toBeLessThanOrEqual(1);
      expect(book.worksheets.map(s => s.name)).toEqual(expect.arrayContaining(['Samenvatting', 'Per bedrijfsfunctie']));
      const functions = book.getWorksheet('Per bedrijfsfunctie')!;
      expect(headers(functions)).toEqual(expect.arrayContaining(['Bedrijfsfunctie', 'HHI (contractwaarde per jaar)', 'Concentratie (contractwaarde per jaar)', 'Concentratie (applicaties)']));
    });

    it('when any analysis is exported as XLSX, then every header is in words, in Dutch and in English', async () => {
      const params: Record<string, Record<string, string>> = { impact: { node: 'supplier:s1' }, 'what-if': { remove: 'supplier:s1' }, advisory: { product: 'PostgreSQL', range: '<14' } };
      for (const analysis of analyses) {
        for (const lang of ['nl', 'en']) {
          const book = await workbook((await get(`/api/analyses/${analysis.name}`, { ...params[analysis.name], format: 'xlsx', lang })).body);
          for (const sheet of book.worksheets) expect([analysis.name, lang, sheet.name, headers(sheet).filter(keyLike)]).toEqual([analysis.name, lang, sheet.name, []]);
          // The summary's subjects too.
          const summary = book.worksheets.find(sheet => sheet.name === (lang === 'nl' ? 'Samenvatting' : 'Summary'));
          const subjects = summary ? (summary.getColumn(1).values as unknown[]).slice(2).map(String) : [];
          expect([analysis.name, subjects.filter(keyLike)]).toEqual([analysis.name, []]);
        }
      }
    });

    it('when CSV is asked for Dutch Excel, then it has ;, Dutch headers, decimal commas and Dutch dates; plain CSV keeps the keys', async () => {
      const dutch = (await get('/api/analyses/contract-calendar', { ...calendar, format: 'csv', delimiter: 'semicolon' })).body.toString('utf8');
      expect(dutch.startsWith('\uFEFF')).toBe(true);
      const [header, ...lines] = dutch.slice(1).trim().split('\r\n');
      expect(header.split(';')).toEqual(expect.arrayContaining(['Naam', 'Einddatum', 'Jaarwaarde']));
      const c1 = lines.find((line: string) => line.startsWith('Berichtenbus en Zaaksysteem (c1);'))!;
      expect(c1).toContain(';1503889,77;');
      expect(c1).toContain(';31-03-2031;');
      expect(c1).toContain(';Gemeente Noord;');
      const plain = (await get('/api/analyses/contract-calendar', { ...calendar, format: 'csv' })).body.toString('utf8');
      expect(plain.slice(1).split('\r\n')[0].split(',')).toEqual(expect.arrayContaining(['uid', 'name', 'annualValue', 'end']));
      expect(plain).toContain(',1503889.77,');
    });

    it('when the calendar is filtered, then JSON, ICS, CSV and XLSX hold the same contracts', async () => {
      for (const filter of [{ critical: true }, { minLockIn: 50 }, {}] as Record<string, boolean | number>[]) {
        const json = (await request(app()).get('/api/analyses/contract-calendar').query({ ...calendar, ...filter })).body as { rows: { uid: string; name: string; criticalApplications: number; autoRenew: boolean; daysToNoticeDeadline: number }[] };
        const names = json.rows.map(row => row.name).sort();
        if ('critical' in filter) expect(json.rows.every(row => row.criticalApplications > 0) && json.rows.length > 0 && json.rows.length < 10).toBe(true);
        const ics = (await get('/api/analyses/contract-calendar', { ...calendar, ...filter, format: 'ics' })).body.toString('utf8');
        expect([...ics.matchAll(/^UID:(.*)-end@roer\r$/gm)].map(m => m[1]).sort()).toEqual(json.rows.map(row => row.uid).sort());
        // A notice event only where there is notice to give: the contract renews automatically and its deadline is ahead.
        const toCancel = json.rows.filter(row => row.autoRenew && row.daysToNoticeDeadline >= 0).map(row => row.uid).sort();
        expect(toCancel.length).toBeGreaterThan(0);
        expect([...ics.matchAll(/^UID:(.*)-notice@roer\r$/gm)].map(m => m[1]).sort()).toEqual(toCancel);
        const csv = (await get('/api/analyses/contract-calendar', { ...calendar, ...filter, format: 'csv', delimiter: 'semicolon' })).body.toString('utf8');
        // People's files name a contract by what it covers, its id in brackets at the end.
        const idOf = (name: string) => /\(([^()]+)\)$/.exec(name)?.[1] ?? name;
        expect(csv.slice(1).trim().split('\r\n').slice(1).map((line: string) => idOf(line.split(';')[0])).sort()).toEqual(names);
        const sheet = (await workbook((await get('/api/analyses/contract-calendar', { ...calendar, ...filter, format: 'xlsx' })).body)).worksheets[0];
        expect((sheet.getColumn(1).values as unknown[]).slice(2).map(value => idOf(String(value))).sort()).toEqual(names);
      }
    });

    it('when the report is asked as a workbook, then the answer comes first and each section is a typed sheet', async () => {
      const response = await get(`/api/reports/${encodeURIComponent(`app:${ORG}/zaak`)}.xlsx`, {});
      // Saved under what it is about, in the reader's words, not under its key.
      expect(response.headers['content-disposition']).toMatch(/filename="?roer-rapport-applicatie-zaaksysteem\.xlsx"?$/);
      const book = await workbook(response.body);
      expect(book.worksheets.map(sheet => sheet.name)).toEqual(['Samenvatting', 'Valt mee uit', 'Bedrijfsfuncties', 'Hangt af van', 'Contracten', 'Lock-in', 'Kwetsbare punten']);
      const summary = book.worksheets[0];
      expect(summary.getCell('A2').value).toBe('Afhankelijkheidsrapport: Zaaksysteem');
      expect(String(summary.getCell('A3').value)).toMatch(/^Als Zaaksysteem uitvalt/);
      // The key figures are numbers Excel can count with, formatted as what they are (they were text: "€ 1.503.890").
      const figure = (label: string | RegExp) => summary.getRows(1, summary.rowCount)!.find(row => (typeof label === 'string' ? row.getCell(1).value === label : label.test(String(row.getCell(1).value))))!.getCell(2);
      const missing = /^applicaties? (mist|missen) gegevens via koppelingen$/;
      expect(typeof figure(missing).value).toBe('number');
      expect(figure(missing).numFmt).toBe('#,##0');
      expect(figure('contractwaarde per jaar').value).toBe(1503889.77);
      expect(figure('contractwaarde per jaar').numFmt).toBe('€ #,##0');
      expect(figure('lock-in-score (van 100)').numFmt).toBe('#,##0.0');
      const contracts = book.getWorksheet('Contracten')!;
      const header = headers(contracts);
      // The model has no contract name: the supplier and what it covers name it, the id after them.
      expect(header).toEqual(['Contract', 'Uiterste opzegdatum', 'Einddatum', 'Verlengt stilzwijgend tenzij opgezegd', 'Exitplan', 'Jaarwaarde']);
      expect(contracts.getCell('A2').value).toBe('Acme B.V. – Berichtenbus en Zaaksysteem (c1)');
      expect(contracts.getCell('B2').type).toBe(ExcelJS.ValueType.Date);
      expect(contracts.getCell('F2').value).toBe(1503889.77);
      expect(contracts.getCell('F2').numFmt).toBe('€ #,##0');
      expect(contracts.autoFilter).toBe('A1:F1');
    });

    it('when one section of an organisation report is asked as CSV, then it arrives (it was a 404)', async () => {
      for (const section of ['exposure', 'spofs', 'lockInRanking', 'contracts']) {
        const response = await get(`/api/reports/${encodeURIComponent(`org:${ORG}`)}.csv`, { section });
        expect([section, response.status]).toEqual([section, 200]);
        expect(response.body.toString('utf8').split('\r\n').length).toBeGreaterThan(2);
      }
      const exposure = (await get(`/api/reports/${encodeURIComponent(`org:${ORG}`)}.csv`, { section: 'exposure' })).body.toString('utf8');
      expect(exposure.slice(1).split('\r\n')[0]).toBe('Naam;Applicaties;Bedrijfskritische applicaties;Platforms;Contractwaarde per jaar;Aandeel contractwaarde;Aandeel applicaties');
      expect(exposure).toContain('Acme B.V.;');
      expect((await get(`/api/reports/${encodeURIComponent(`org:${ORG}`)}.csv`, { section: 'dependants' })).status).toBe(404);
    });
  });

  describe('the report subgraph as GraphML', () => {
    it('when an application report is exported as GraphML, then it holds the application, what fails with it and what it depends on, and nothing else', async () => {
      const uid = `app:${ORG}/zaak`;
      const report = (await request(app()).get(`/api/reports/${encodeURIComponent(uid)}`)).body as ReportData;
      const xml = (await request(app()).get(`/api/reports/${encodeURIComponent(uid)}.graphml`)).text;
      const graph = new XMLParser({ ignoreAttributes: false }).parse(xml).graphml.graph;
      const ids = [graph.node].flat().map((node: Record<string, string>) => node['@_id']).sort();
      expect(ids).toEqual([uid, ...report.dependants.map(r => r.uid), ...report.dependencies.map(r => r.uid)].sort());
      expect(ids).toEqual(['app:gemeente-noord/brp', 'app:gemeente-noord/bus', 'app:gemeente-noord/web', uid, 'group:acme-holding', 'platform:p1', 'supplier:s1', 'supplier:s2', 'supplier:s3'].sort());
      const edges = [graph.edge].flat().map((edge: Record<string, unknown>) => [edge['@_source'], ([edge.data].flat() as Record<string, string>[]).find(d => d['@_key'] === 'e_type')?.['#text'], edge['@_target']]);
      expect(edges).toEqual(expect.arrayContaining([['supplier:s1', 'SUPPLIES', uid], [uid, 'RUNS_ON', 'platform:p1'], ['app:gemeente-noord/web', 'DEPENDS_ON', uid], [uid, 'DEPENDS_ON', 'app:gemeente-noord/brp']]));
      const landscape = (await request(app()).get('/api/graph').query({ format: 'graphml' })).text;
      expect(landscape.match(/<node /g)!.length).toBeGreaterThan(ids.length);
    });
  });

  it('when a report is read as JSON, then it says what the subject depends on, step by step, with the relationship', async () => {
    const report = (await request(app()).get(`/api/reports/${encodeURIComponent(`app:${ORG}/zaak`)}`)).body as ReportData;
    expect(report.dependencies.map(r => [r.uid, r.hops]).sort()).toEqual([
      ['app:gemeente-noord/brp', 1], ['app:gemeente-noord/bus', 1], ['group:acme-holding', 2], ['platform:p1', 1], ['supplier:s1', 1], ['supplier:s2', 2], ['supplier:s3', 2],
    ]);
    expect(report.relations).toEqual(expect.arrayContaining([
      { from: `app:${ORG}/zaak`, to: `app:${ORG}/brp`, type: 'DEPENDS_ON', kind: 'flow' },
      { from: `app:${ORG}/zaak`, to: `app:${ORG}/bus`, type: 'DEPENDS_ON', kind: 'via' },
      { from: 'platform:p1', to: 'supplier:s2', type: 'PROVIDES' },
      { from: 'supplier:s1', to: 'group:acme-holding', type: 'PART_OF' },
    ]));
    expect(report.organisations).toEqual({ [ORG]: 'Gemeente Noord' });
  });

  it('when an Afval-like function is concentrated by value but not by count, then each band belongs to its own HHI', async () => {
    const summary = (await request(app()).get('/api/analyses/supplier-exposure').query({ organisation: ORG })).body.summary;
    const afval = summary.byBusinessFunction.find((row: { name: string }) => row.name === 'Afval');
    expect([afval.contractValue.band, afval.applications.band]).toEqual(['high', 'unconcentrated']);
    expect(formatPercent(afval.contractValue.cr1, 'nl')).toBe('94,3%');
  });
});
