// Search as a person uses it, over HTTP against a real Neo4j: a supplier's exact name finds the supplier
// first even when dozens of its applications and a platform share its words; then names that start
// with the text, then names that contain it; case, accents and a legal form without dots do not
// matter; and every kind is found (contract, business function, supplier group, platform…).
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { compact, rankHits, type SearchHit } from '../../server/search.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, request } from './support.js';

const ORG = 'gemeente-zoekdam';
const APPS = 40; // twice the default number of results: the supplier must not be cut off behind them

const landscape = () => Landscape.parse({
  suppliers: [
    { id: 'grutto', name: 'Grutto Software B.V.', group: 'Weidevogel Groep' },
    { id: 'fryslan', name: 'Súdwest-Fryslân ICT' },
  ],
  platforms: [{ id: 'grutto-cloud', name: 'Grutto Software Cloud', supplier: 'grutto' }],
  applications: [
    ...Array.from({ length: APPS }, (_, i) => ({ id: `a${i}`, organisation: ORG, name: `Grutto Software Module ${i}`, supplier: 'grutto', platform: 'grutto-cloud', businessFunctions: 'Burgerzaken' })),
    { id: 'fr', organisation: ORG, name: 'Zaken Súdwest', supplier: 'fryslan' },
    { id: 'oud', organisation: ORG, name: 'Oude Grutto Software B.V. koppeling', supplier: 'fryslan' },
  ],
  interfaces: [],
  contracts: [{ id: 'c-grutto-raam', organisation: ORG, supplier: 'grutto', applications: 'a0|a1', end: '2028-01-31', noticeMonths: '6', annualValue: '1000' }],
});

let driver: Driver;
let app: ReturnType<typeof appFor>;
const search = async (q: string) => {
  const response = await request(app).get('/api/search').query({ q });
  expect(response.status).toBe(200);
  return response.body.results as { uid: string; kind: string; name: string; context: string | null }[];
};

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  expect((await importLandscape(driver, landscape(), { source: 'test:search', user: 'test' })).issues).toEqual([]);
  app = appFor(driver);
});
afterAll(async () => { await driver.close(); });

describe('search ranking', () => {
  it.each(['Grutto Software B.V.', 'grutto software b.v.', 'GRUTTO SOFTWARE BV', 'grutto software bv'])('when a supplier\'s exact name is typed as "%s", then the supplier comes first', async q => {
    const results = await search(q);
    expect(results[0]).toMatchObject({ uid: 'supplier:grutto', kind: 'Supplier', name: 'Grutto Software B.V.' });
  });

  it('when a name is typed, then names that start with it come before names that merely contain it', async () => {
    const results = await search('Grutto Software');
    const names = results.map(result => result.name);
    // The platform and the supplier (shortest first) and the applications start with it; "Oude Grutto…" only contains it.
    expect(names.slice(0, 2)).toEqual(['Grutto Software B.V.', 'Grutto Software Cloud']);
    expect(results).toHaveLength(20);
    const all = await request(app).get('/api/search').query({ q: 'Grutto Software', limit: 100 });
    const allNames: string[] = all.body.results.map((result: { name: string }) => result.name);
    expect(allNames.at(-1)).toBe('Oude Grutto Software B.V. koppeling');
    expect(allNames.slice(2, -1).every(name => name.startsWith('Grutto Software Module'))).toBe(true);
  });

  it('when accents are left out, then the accented name is found and ranked as exact', async () => {
    expect((await search('sudwest-fryslan ict'))[0]).toMatchObject({ uid: 'supplier:fryslan', name: 'Súdwest-Fryslân ICT' });
    expect((await search('Zaken Sudwest'))[0]).toMatchObject({ name: 'Zaken Súdwest' });
  });

  it('when any kind is searched by its name or id, then it is found, a contract with its supplier', async () => {
    expect((await search('c-grutto-raam'))[0]).toMatchObject({ kind: 'Contract', name: 'c-grutto-raam', context: 'Grutto Software B.V.' });
    expect((await search('Burgerzaken'))[0]).toMatchObject({ kind: 'BusinessFunction', name: 'Burgerzaken' });
    expect((await search('Weidevogel Groep'))[0]).toMatchObject({ kind: 'SupplierGroup' });
    expect((await search('Grutto Software Cloud'))[0]).toMatchObject({ kind: 'Platform' });
    expect((await search('gemeente zoekdam'))[0]).toMatchObject({ kind: 'Organisation' });
  });
});

describe('rankHits', () => {
  const hit = (name: string, score: number, id: string | null = null): SearchHit => ({ uid: name, kind: 'Application', name, id, organisation: null, context: null, score });
  it('when hits come in the index\'s order, then exact, starts-with and contains go first whatever their score', () => {
    const ranked = rankHits('Kievit', [hit('Kievit Software Mail', 9), hit('Oud Kievit', 8), hit('Kievitt Web', 1), hit('Kievit', 2), hit('Kiewit', 7)], 10);
    expect(ranked.map(h => h.name)).toEqual(['Kievit', 'Kievitt Web', 'Kievit Software Mail', 'Oud Kievit', 'Kiewit']);
    expect(rankHits('c-0001', [hit('Plevier', 50, 's-0001'), hit('c-0001', 1, 'c-0001')], 1).map(h => h.name)).toEqual(['c-0001']);
    expect(compact('Súdwest-Fryslân B.V.')).toBe('sudwestfryslanbv');
  });
});
