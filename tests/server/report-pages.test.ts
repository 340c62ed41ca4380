// An organisation's PDF report read back as an information manager reads it (pdftotext; every page as
// PNG in tests/artifacts/): the first page's numbers agree with the sections they summarise, no table
// leaves a lone row or a heading without rows on a page, table headers wrap at spaces only, and the
// Verloop names its sources, not their keys. Against the real test Neo4j.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { addMonths, today } from '../../server/analyses/params.js';
import { formatMoney } from '../../server/format.js';
import { reportPdf } from '../../server/reports/pdf.js';
import type { ReportData } from '../../server/reports/report-data.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { readPdf } from '../support/pdf.js';
import { appFor, request } from './support.js';

const ORG = 'gemeente-noord';
const UID = `org:${ORG}`;
const CONTRACTS = 40;

/**
 * Ten suppliers of applications, and Hostco, which hosts the platform they run on and supplies no
 * application (the demo's Cumulus, Nimbus, Polderdata and Veenhoven); forty contracts whose notice
 * deadlines are all still to come.
 */
const fixture = () => Landscape.parse({
  suppliers: [...Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, name: `Leverancier ${i} B.V.` })), { id: 'host', name: 'Hostco' }],
  platforms: [{ id: 'p1', name: 'Rekencentrum Noord', type: 'data-centre', supplier: 'host', jurisdiction: 'NL' }],
  applications: Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, organisation: ORG, name: `Applicatie ${i}`, supplier: `s${i}`, platform: 'p1', criticality: i < 3 ? 'critical' : 'medium', businessFunctions: 'Burgerzaken' })),
  contracts: Array.from({ length: CONTRACTS }, (_, i) => ({
    id: `c${String(i + 1).padStart(2, '0')}`, organisation: ORG, supplier: `s${i % 10}`, applications: `a${i % 10}`, start: '2024-01-01', end: addMonths(today(), 3 + i), noticeMonths: '1', annualValue: String(1000 * (i + 1)), exitPlan: i % 4 === 0 ? 'ja' : 'nee',
  })),
});

const binary = (test: request.Test) => test.buffer(true).parse((res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
});

/** The text of each page of a PDF, as pdftotext lays it out (without writing PNGs). */
function pages(bytes: Buffer): string[] {
  const file = join(mkdtempSync(join(tmpdir(), 'roer-pages-')), 'report.pdf');
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter(page => page.trim());
}

const number = (text: string) => Number(text.replace(/\./g, ''));
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('an organisation report as people read it', () => {
  let driver: Driver;
  let data: ReportData;
  const app = () => appFor(driver);
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const report = await importLandscape(driver, fixture(), { source: `csv:${ORG}`, user: 'test' });
    expect(report.issues).toEqual([]);
    const response = await request(app()).get(`/api/reports/${encodeURIComponent(UID)}`);
    expect(response.status).toBe(200);
    data = response.body as ReportData;
  });
  afterAll(() => driver.close());

  it('when the first page counts suppliers, contracts and euros, then the sections it sums up hold as many', async () => {
    const response = await binary(request(app()).get(`/api/reports/${encodeURIComponent(UID)}.pdf`));
    const read = readPdf(response.body as Buffer, 'report-pages-numbers');
    const first = read[0];
    const all = read.join('\n');
    const section = (title: string) => Number(new RegExp(`^${title} \\((\\d+)\\)`, 'm').exec(all)?.[1]);
    // The figures: applications, suppliers, contract value on one line, big.
    const figures = /^\s*(\d[\d.]*)\s+(\d[\d.]*)\s+(€ [\d.]+)/m.exec(first);
    expect(figures).not.toBeNull();
    const [, applications, suppliers, value] = figures!;
    expect(section('Leveranciers')).toBe(11);
    expect(number(suppliers)).toBe(section('Leveranciers'));
    // The sentence says which of them supply applications, and what the others are.
    expect(flat(first)).toContain(`gebruikt ${number(applications)} applicaties van 10 leveranciers`);
    expect(flat(first)).toContain('Nog 1 leverancier levert alleen platforms of een contract, geen applicatie: 11 leveranciers in totaal.');
    // The figure's label wraps in its box: its words come in pdftotext's columns.
    expect(flat(first)).toMatch(/leveranciers,.*waarvan 1 zonder .*applicatie/);
    expect(number(applications)).toBe(10);
    // Contracts: "x van de 40 contracten" and the Contracten table; the value is the sum of that table.
    expect(section('Contracten')).toBe(CONTRACTS);
    expect(flat(first)).toContain(`30 van de ${CONTRACTS} lopende contracten hebben geen exitplan`);
    expect(value).toBe(formatMoney(data.contracts.reduce((sum, c) => sum + (c.annualValue ?? 0), 0), 'nl').replace('\u00a0', ' '));
    // Hostco is in the Leveranciers table with the platform that explains why.
    expect(all).toMatch(/Hostco\s+0\s+0\s+1\s/);
  });

  it('when a table meets a page break, then no page holds a single row of it and no heading stands without rows', async () => {
    // The first page grows a line at a time (a longer subtitle), and the sections before the contracts a row at a time.
    const lonely: string[] = [];
    for (let k = 0; k < 16; k++) {
      const variant: ReportData = {
        ...data,
        subject: { ...data.subject, facts: k === 0 ? [] : [{ key: 'product', value: Array.from({ length: k * 14 }, (_, i) => `woord${i}`).join(' ') }] },
        exposure: [...data.exposure, ...Array.from({ length: k }, (_, i) => ({ ...data.exposure[0], uid: `supplier:extra${i}`, name: `Extra leverancier ${i}` }))],
      };
      pages(await reportPdf(variant, 'nl')).forEach((page, p) => {
        const lines = page.split('\n');
        const rows = lines.filter(line => /\(c\d\d\)/.test(line)).length;
        if (rows === 1) lonely.push(`variant ${k}, page ${p + 1}: one contract row`);
        for (const heading of ['Contracten om op te handelen', `Contracten (${CONTRACTS})`]) {
          const at = lines.findIndex(line => line.trim().startsWith(heading));
          if (at >= 0 && lines.slice(at).filter(line => /\(c\d\d\)/.test(line)).length < 2) lonely.push(`variant ${k}, page ${p + 1}: "${heading}" without two rows`);
        }
      });
    }
    expect(lonely).toEqual([]);
  });

  it('when page 1 names the kwetsbaarste punt, then its Grootste risico\'s start with it and follow the kwetsbaarste punten table', async () => {
    for (const [language, worstWords, risksHeading, next, table] of [
      ['nl', /Het kwetsbaarste punt is (.+?): als dat uitvalt/, 'Grootste risico’s', 'Contracten om op te handelen', 'Wat het meest uitvalt: de kwetsbaarste punten'],
      ['en', /The most vulnerable point is (.+?): if it fails/, 'Largest risks', 'Contracts to act on', 'What takes most down: the single points of failure'],
    ] as const) {
      const read = readPdf(await reportPdf(data, language), `report-pages-risks-${language}`);
      const first = flat(read[0]);
      const worst = worstWords.exec(first)?.[1];
      const names = data.spofs.slice(0, 3).map(row => String(row.name));
      expect(names.length).toBeGreaterThan(1);
      expect(worst).toBe(names[0]);
      const risks = first.slice(first.indexOf(risksHeading), first.indexOf(next));
      const inRisks = names.map(name => risks.indexOf(`${name} (`));
      expect(inRisks.every(at => at >= 0)).toBe(true);
      expect(inRisks).toEqual([...inRisks].sort((a, b) => a - b));
      const all = flat(read.join('\n'));
      const spofTable = all.slice(all.indexOf(table));
      const inTable = names.map(name => spofTable.indexOf(name));
      expect(inTable.every(at => at >= 0)).toBe(true);
      expect(inTable).toEqual([...inTable].sort((a, b) => a - b));
    }
  });

  it('when a table\'s note (rows left out, rows not printed) meets a page break, then it stays under the table\'s last rows, never at the top of a page', async () => {
    // 40 suppliers (30 printed: "De eerste 30 van 40"), 2 contracts left out; the first page grows a line at a time.
    const notes: string[] = [];
    let seen = 0;
    for (let k = 0; k < 24; k++) {
      const variant: ReportData = {
        ...data,
        subject: { ...data.subject, facts: k === 0 ? [] : [{ key: 'product', value: Array.from({ length: k * 14 }, (_, i) => `woord${i}`).join(' ') }] },
        exposure: [...data.exposure, ...Array.from({ length: 29 }, (_, i) => ({ ...data.exposure[0], uid: `supplier:extra${i}`, name: `Extra leverancier ${i}` }))],
        omitted: { ...data.omitted, contracts: 2 },
      };
      pages(await reportPdf(variant, 'nl')).forEach((page, p) => {
        const lines = page.split('\n').filter(line => line.trim());
        seen += lines.filter(line => /^\s*(De eerste 30 van 40;|2 weggelaten:)/.test(line)).length;
        if (/^\s*(De eerste \d+ van|\d+ weggelaten:)/.test(lines[0] ?? '')) notes.push(`variant ${k}, page ${p + 1} starts with "${lines[0].trim()}"`);
      });
    }
    expect(seen).toBe(2 * 24);
    expect(notes).toEqual([]);
  });

  it('when a header has to go small in a narrow column (ICT-foto), then it wraps between words, never inside one', async () => {
    const functions = ['Afval', 'Archief', 'Bestuursondersteuning', 'Burgerzaken', 'Dienstverlening', 'Financiën', 'HR', 'Informatievoorziening', 'Onderwijs', 'Openbare ruimte', 'Sociaal domein', 'Vergunningverlening'];
    const row = (name: string, product: string, version: string, eol: string, dependants: number) => ({
      uid: `platform:${name}`, kind: 'Platform', name, product, version, supportStatus: 'unsupported', eol, criticality: 'critical', personalData: true, dependants, businessFunctions: functions,
    });
    const variant: ReportData = {
      ...data,
      ictFoto: {
        overall: null,
        rows: [row('Rekencentrum Polderdata Roerdal', 'VMware ESXi', '7.0.3', '2025-10-02', 328), row('Serverruimte Gemeente Roerdam', 'Microsoft Windows Server', '2016', '2027-01-12', 391)],
      },
    };
    const text = readPdf(await reportPdf(variant, 'nl'), 'report-pages-ict-foto').join('\n');
    const table = text.slice(text.indexOf('ICT-foto: versies zonder ondersteuning'), text.indexOf('Leveranciers ('));
    for (const word of ['Ondersteuning', 'Kritikaliteit', 'Persoonsgegevens', 'Aantal', 'afhankelijke', 'applicaties', 'Bedrijfsfuncties', 'Bestuursondersteuning,', 'Informatievoorziening,']) {
      expect(table).toContain(word);
    }
  });

  it('when the Verloop lists the imports, then each source is named (organisation and kind), not its key, on paper and in the workbook', async () => {
    const text = readPdf((await binary(request(app()).get(`/api/reports/${encodeURIComponent(UID)}.pdf`))).body as Buffer, 'report-pages-trend').join('\n');
    // The cell may wrap: the organisation on one line, the kind on the next.
    const trend = text.slice(text.indexOf('Verloop over'), text.indexOf('Afhankelijk van recht'));
    expect(trend).toContain('Gemeente Noord');
    expect(trend).toMatch(/\(CSV-\s*bestanden\)/);
    expect(text).not.toContain(`csv:${ORG}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await binary(request(app()).get(`/api/reports/${encodeURIComponent(UID)}.xlsx`))).body as never);
    const sheet = book.getWorksheet('Verloop')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    expect(sheet.getRow(2).getCell(header.indexOf('Bron')).value).toBe('Gemeente Noord (CSV-bestanden)');
    const csv = await request(app()).get(`/api/reports/${encodeURIComponent(UID)}.csv`).query({ section: 'trend', delimiter: 'semicolon' });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Gemeente Noord (CSV-bestanden)');
    expect(csv.text).not.toContain(`csv:${ORG}`);
  });

  /** The report with `passed` running contracts past their notice deadline and the last contract ended `ago` days before today. */
  const withOverdue = (passed: number): ReportData => {
    const day = (days: number) => new Date(Date.parse(data.today) + days * 86_400_000).toISOString().slice(0, 10);
    return {
      ...data,
      contracts: data.contracts.map((c, i) => (i < passed ? { ...c, noticeDeadline: day(-10 - i) }
        : i === data.contracts.length - 1 ? { ...c, end: day(-30), noticeDeadline: day(-60) } : c)),
    };
  };

  it('when the Verloop counts contracts in or past their notice window, then it says they are page 1\'s two numbers added up', async () => {
    const read = readPdf(await reportPdf(withOverdue(3), 'nl'), 'report-pages-notice');
    const first = flat(read[0]);
    // The figures' row: applications, suppliers, contract value, HHI, deadlines in the next 6 months.
    const soon = Number(/^\s*\d[\d.]*\s+\d[\d.]*\s+€ [\d.]+\s+[\d.]+\s+(\d+)\s*$/m.exec(read[0])?.[1]);
    expect(first).toContain('Bij 3 lopende contracten is de uiterste opzegdatum verstreken');
    const all = flat(read.join('\n'));
    const split = /Contracten in of voorbij hun opzegtermijn, nu (\d+) \((\d+) \+ (\d+)\): \d+ met de uiterste opzegdatum in de komende 6 maanden en \d+ lopende contracten waarvan die al verstreken is\./.exec(all);
    expect(split).not.toBeNull();
    const [, total, upcoming, passed] = split!.map(Number);
    expect([total, passed]).toEqual([upcoming + passed, 3]);
    expect(soon).toBe(upcoming);
    expect(all).not.toMatch(/Contracten in opzegtermijn/);
  });

  it('when the report names an HHI, then it says what it is computed over and explains it once', async () => {
    const text = flat(readPdf(await reportPdf(data, 'nl'), 'report-pages-hhi').join('\n'));
    expect(text).toMatch(/\(HHI op contractwaarde [\d.]+; /);
    expect(text.match(/de HHI loopt van 0 tot 10\.000, hoe hoger hoe geconcentreerder, boven 2\.500 sterk geconcentreerd\)/g)).toHaveLength(1);
    expect(text).not.toMatch(/HHI \(applicaties\)|\(HHI [\d.]+\)/);
  });

  it('when the Verloop counts scharnierpunten, then they have their own word and a sentence sets them apart from the kwetsbaarste punten', async () => {
    const text = flat(readPdf(await reportPdf(data, 'nl'), 'report-pages-articulation').join('\n'));
    expect(text).not.toMatch(/Kwetsbare punten \(scharnierpunten\)/);
    expect(text).toContain('Een scharnierpunt is een applicatie zonder welke het netwerk van koppelingen in losse delen uiteenvalt. Dat is iets anders dan de kwetsbaarste punten verderop');
    expect(text).toContain('Wat het meest uitvalt: de kwetsbaarste punten');
  });

  it('when a contract has ended, then the Contracten table marks it and lists it after the running ones; contracts are named by supplier and what they cover', async () => {
    const variant = withOverdue(0);
    const ended = variant.contracts.at(-1)!;
    const text = readPdf(await reportPdf(variant, 'nl'), 'report-pages-contracts').join('\n');
    const table = text.slice(text.indexOf(`Contracten (${CONTRACTS})`));
    const ids = [...table.matchAll(/\((c\d\d)\)/g)].map(m => m[1]);
    expect(ids).toHaveLength(CONTRACTS);
    expect(ids.at(-1)).toBe(ended.id);
    const [y, m, d] = ended.end!.split('-');
    expect(flat(table)).toMatch(new RegExp(`\\(${ended.id}\\), beëindigd\\s+op\\s+${d}-${m}-${y}`));
    expect(flat(table).match(/beëindigd op/g)).toHaveLength(1);
    // No contract by its code alone: "Leverancier 0 B.V. – Applicatie 0 (c01)", on page 1 too.
    expect(flat(text)).toContain('Leverancier 0 B.V. – Applicatie 0 (c01)');
    expect(text).not.toMatch(/^\s*c\d\d\s/m);
  });

  it('when the lock-in ranking lists an application\'s largest factors, then only the first is capitalised', async () => {
    const lockInRanking = data.lockInRanking.map(row => ({ ...row, topFactors: ['fewSubstitutes', 'noExitPlan', 'noDataPortability'] }));
    const text = flat(readPdf(await reportPdf({ ...data, lockInRanking }, 'nl'), 'report-pages-factors').join('\n'));
    const table = text.slice(text.indexOf('Applicaties met de meeste lock-in'), text.indexOf(`Contracten (${CONTRACTS})`));
    expect(table).toContain('Weinig alternatieven, geen exitplan, geen afspraak');
    expect(table).not.toMatch(/, (Geen|Weinig) /);
  });

  it('when the organisation report is asked in English, then its numbers and sources are in English words', async () => {
    const read = readPdf((await binary(request(app()).get(`/api/reports/${encodeURIComponent(UID)}.pdf`).query({ lang: 'en' }))).body as Buffer, 'report-pages-english');
    const text = flat(read.join('\n'));
    expect(text).toContain('1 more supplier provides only platforms or a contract, no application: 11 suppliers in all.');
    expect(text).toContain('Suppliers (11)');
    expect(text).toMatch(/Gemeente Noord .*\(CSV (\S+ )*files\)/);
    expect(text).not.toMatch(/leveranciers|Verloop|Pagina|Bron\b/);
  });

  it('when a supplier takes hundreds of applications down, then the PDF prints the nearest and most critical and says the Excel file holds the rest', async () => {
    // The largest supplier of the demo took 353 rows, nine of thirteen pages; here Hostco's 10 rows stand for 120.
    const host = (await request(app()).get(`/api/reports/${encodeURIComponent('supplier:host')}`)).body as ReportData;
    expect(host.dependants.length).toBeGreaterThan(0);
    const many = Array.from({ length: 120 }, (_, i) => ({ ...host.dependants[i % host.dependants.length], uid: `app:${ORG}/x${i}`, name: `Applicatie x${String(i).padStart(3, '0')}` }));
    const read = readPdf(await reportPdf({ ...host, dependants: many }, 'nl'), 'report-pages-long-chain');
    const all = flat(read.join(' '));
    expect(all).toContain('De eerste 40 van 120; het Excel-bestand bevat ze allemaal.');
    expect(all).toContain('Applicatie x000');
    expect(all).not.toContain('Applicatie x119');
    expect(read.length).toBeLessThanOrEqual(4);
  });
});
