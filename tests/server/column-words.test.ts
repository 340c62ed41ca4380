// Every header people read in an analysis' CSV (lang or semicolon) and XLSX — the rows' columns, the
// summary's subjects and its list sheets — is in words, Dutch and English: never a raw key such as
// `critical` or `organisationName`. Walked over the answers of sovereignty, the ICT-foto analyses and
// Common Ground on their hand-worked fixtures (rows and summaries as the API returns them).
import { readFileSync } from 'node:fs';
import type { Driver } from 'neo4j-driver';
import { importUploads } from '../../importers/formats.js';
import { importFiles } from '../../importers/import.js';
import { peopleRows } from '../../server/exports/people-rows.js';
import { csv } from '../importers/support.js';
import type { FileInput } from '../../importers/mapping.js';
import { getAnalysis } from '../../server/analyses/index.js';
import type { AnalysisResult } from '../../server/analyses/types.js';
import { peopleSummarySheets, peopleTable } from '../../server/exports/people.js';
import { columnName, type Language } from '../../server/labels.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { commonGroundFixture } from '../analyses/common-ground-fixture.js';
import { loadLandscape } from '../analyses/fixture.js';
import { ICT_FOTO_DATE, ictFotoFixture } from '../analyses/ict-foto-fixture.js';
import { sovereigntyFixture } from '../analyses/sovereignty-fixture.js';

const run = async (driver: Driver, name: string, query: Record<string, unknown>): Promise<AnalysisResult> => {
  const analysis = getAnalysis(name)!;
  return analysis.run(driver, analysis.params.parse(query));
};

/** Every key anywhere in the answer (nested objects and records in lists). */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.add(key);
      keysOf(item, into);
    }
  }
  return into;
}

/** The headers people read: the rows' columns, the summary's subjects, its list sheets' names and columns. */
function headers(result: AnalysisResult, language: Language): string[] {
  const words = [...peopleTable(result.rows, { language }).columns.map(String)];
  if (result.summary) {
    for (const sheet of peopleSummarySheets(result.summary, { language }, 'Samenvatting')) {
      words.push(sheet.name, ...sheet.table.columns.map(String));
      if (sheet.name === 'Samenvatting') for (const row of sheet.table.rows) words.push(String(row[0]));
    }
  }
  return words;
}

/** Headers that show a key without words as it is ("critical", "Zaken (credit)"). */
function raw(result: AnalysisResult): string[] {
  const found = new Set<string>();
  for (const language of ['nl', 'en'] as const) {
    const keys = [...keysOf([result.rows, result.summary ?? {}])].filter(key => columnName(key, language) === key);
    for (const header of headers(result, language)) {
      for (const key of keys) {
        if (header === key || header.startsWith(`${key} (`) || header.includes(`(${key}`) || header.includes(`· ${key}`) || header.endsWith(` ${key})`)) found.add(`${language}: ${header}`);
      }
    }
  }
  return [...found].sort();
}

const endOfLife = (name: string): FileInput => ({ name, bytes: readFileSync(new URL(`../fixtures/ict-foto/${name}`, import.meta.url)) });

describe('the words of every export header', () => {
  let driver: Driver;
  beforeAll(() => { driver = testDriver(); });
  afterAll(() => driver.close());

  it('when sovereignty is exported, then no header is a raw key', async () => {
    await resetDatabase(driver);
    await loadLandscape(driver, sovereigntyFixture());
    const result = await run(driver, 'sovereignty', {});
    expect(result.rows.length).toBeGreaterThan(0);
    expect(raw(result)).toEqual([]);
  });

  it('when out-of-support and an advisory (both lists) are exported, then no header is a raw key', async () => {
    await resetDatabase(driver);
    await loadLandscape(driver, ictFotoFixture());
    await importUploads(driver, [endOfLife('postgresql.json'), endOfLife('producten.json')], { user: 'test' });
    const results = [
      await run(driver, 'out-of-support', { date: ICT_FOTO_DATE, months: '6' }),
      await run(driver, 'advisory', { product: 'Tomcat', range: '>=9.0.10 <10.1.21' }),
      await run(driver, 'advisory', { product: 'Tomcat', range: '>=9.0.10 <10.1.21', list: 'applications' }),
    ];
    for (const result of results) expect(result.rows.length).toBeGreaterThan(0);
    expect(results.flatMap(raw)).toEqual([]);
  });

  it('when Common Ground is exported (organisations and interfaces), then no header is a raw key', async () => {
    await resetDatabase(driver);
    await loadLandscape(driver, commonGroundFixture());
    const results = [await run(driver, 'common-ground', {}), await run(driver, 'common-ground', { list: 'interfaces' })];
    expect(results.flatMap(raw)).toEqual([]);
  });

  it('when data quality is exported (findings and conflicting sources), then no header is a raw key and each detail is in one language', async () => {
    await resetDatabase(driver);
    await importFiles(driver, [csv('suppliers.csv', 'id,name,country\nacme,Acme B.V.,NL\n'), csv('applications.csv', 'id,name,organisation\nzaak,Zaaksysteem,gm0363\n')], { source: 'csv:a' });
    await importFiles(driver, [csv('suppliers.csv', 'id,name,country\nacme,Acme B.V.,DE\n')], { source: 'csv:b' });
    const result = await run(driver, 'data-quality', {});
    expect(result.rows.map(row => row.check)).toEqual(expect.arrayContaining(['conflicting-claim', 'application-without-supplier']));
    expect(raw(result)).toEqual([]);
    for (const language of ['nl', 'en'] as const) {
      const table = peopleTable(peopleRows('data-quality', result.rows, language), { language });
      const detail = table.columns.indexOf(columnName('detail', language));
      const kind = table.columns.indexOf(columnName('label', language));
      const rows = [...table.rows];
      for (const row of rows) expect(String(row[detail])).not.toContain(' / ');
      expect(rows.map(row => row[kind]).filter(Boolean)).toEqual([language === 'nl' ? 'Leverancier' : 'Supplier']);
    }
  });
});

describe('a summary whose list was cut short', () => {
  it('when the ranking was cut at its limit of 100, then the summary sheet says so in one pair of words, not its keys', () => {
    const cut = { reason: 'limit', limit: 100, shown: 104, total: 522 };
    const [nl] = peopleSummarySheets({ cut }, { language: 'nl' }, 'Samenvatting');
    expect(nl.table.rows).toEqual([['Ingekort', '104 van 522 getoond (grens 100)']]);
    const [en] = peopleSummarySheets({ cut: { reason: 'maxHops', maxHops: 10, shown: 1000, total: 1234 } }, { language: 'en' }, 'Summary');
    expect(en.table.rows).toEqual([['Cut short', '1,000 of 1,234 shown (up to 10 steps away)']]);
  });
});
