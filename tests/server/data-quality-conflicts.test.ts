// GET /api/data-quality/conflicts over HTTP against the real test Neo4j: the facts two sources assert
// differently, for one node (a side panel) or one source (after its import); bad input is a 400.
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { csv } from '../importers/support.js';
import { appFor, request } from './support.js';

describe('GET /api/data-quality/conflicts', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await importFiles(driver, [csv('suppliers.csv', 'id,name,country,website\nacme,Acme B.V.,NL,https://acme.nl\nbeta,Beta B.V.,NL,\n')], { source: 'csv:a' });
    await importFiles(driver, [csv('suppliers.csv', 'id,name,country,website\nacme,Acme B.V.,DE,https://acme.de\n')], { source: 'csv:b' });
    await importFiles(driver, [csv('suppliers.csv', 'id,name,country\nbeta,Beta B.V.,BE\n')], { source: 'csv:c' });
    app = appFor(driver);
  });
  afterAll(() => driver.close());

  const get = async (query: string) => (await request(app).get(`/api/data-quality/conflicts${query}`).expect(200)).body.conflicts as { uid: string; property: string; winner: string; rule: string; values: { source: string; value: string }[] }[];

  // website has no place in the model: it is kept as extra_website ("Website" for people), a claim like any other.
  it('when asked for everything, then each differing property comes once with every value, the first source kept', async () => {
    expect((await get('')).map(c => [c.uid, c.property, c.winner, c.rule, c.values.map(v => `${v.source}=${v.value}`).join(' ')])).toEqual([
      ['supplier:acme', 'country', 'csv:a', 'first-source', 'csv:a=NL csv:b=DE'],
      ['supplier:acme', 'extra_website', 'csv:a', 'first-source', 'csv:a=https://acme.nl csv:b=https://acme.de'],
      ['supplier:beta', 'country', 'csv:a', 'first-source', 'csv:a=NL csv:c=BE'],
    ]);
  });

  it('when asked for one node or one source, then only its conflicts come', async () => {
    expect((await get('?uid=supplier:beta')).map(c => c.property)).toEqual(['country']);
    expect((await get('?source=csv:b')).map(c => `${c.uid} ${c.property}`)).toEqual(['supplier:acme country', 'supplier:acme extra_website']);
    expect(await get('?source=csv:nobody')).toEqual([]);
  });

  it('when the input is too long, then the answer is a 400 naming the field', async () => {
    const response = await request(app).get(`/api/data-quality/conflicts?source=${'x'.repeat(300)}`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).toMatch(/source/);
  });
});
