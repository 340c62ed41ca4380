// A write's statements are planned by Neo4j while the write runs its first ones (importers/plan-ahead.ts):
// planning puts them in Neo4j's query cache, and never writes, fails or holds up an import.
import type { Driver } from 'neo4j-driver';
import { planAhead } from '../../importers/plan-ahead.js';
import { query } from '../../server/queries.js';
import { read } from '../../server/neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';

let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
});
afterAll(() => driver.close());

/** How many queries Neo4j's caches held, emptying them. */
async function cachedQueries(): Promise<number> {
  const { records } = await driver.executeQuery('CALL db.clearQueryCaches()');
  return Number(/of (\d+) quer/.exec(String(records[0].get(0)))?.[1] ?? 0);
}

const staleClaims = { text: query('cleanup/stale-claims').text, params: { sourcePrefix: 'csv:x#', source: 'csv:x', catalogueSource: 'gemma' } };
const nodes = async () => (await read<{ nodes: number }>(driver, 'MATCH (n) RETURN count(n) AS nodes'))[0].nodes;

describe('planning a write\'s statements ahead', () => {
  it('when a statement is planned ahead, then Neo4j\'s cache holds it and nothing is written', async () => {
    const before = await nodes();
    const plannedWith = async (statements: typeof staleClaims[]) => {
      await cachedQueries();
      const planner = planAhead(driver);
      planner.ahead(statements);
      await planner.planned();
      await planner.stop();
      return cachedQueries();
    };
    const without = await plannedWith([]);
    expect(await plannedWith([staleClaims])).toBeGreaterThan(without);
    expect(await nodes()).toBe(before);
  });

  it('when a statement cannot be planned, then planning stops quietly and the rest is left to the write', async () => {
    const planner = planAhead(driver);
    planner.ahead([staleClaims, { text: 'MATCH (n RETURN n', params: {} }]);
    await planner.planned();
    await expect(planner.stop()).resolves.toBeUndefined();
    // The write runs it anyway, planning it itself.
    await expect(driver.executeQuery(staleClaims.text, staleClaims.params)).resolves.toBeDefined();
  });

  it('when the write ends before planning does, then stopping drops what is left', async () => {
    await cachedQueries();
    const planner = planAhead(driver);
    // Fifty plans: each set of parameter names is a statement of its own to Neo4j.
    planner.ahead(Array.from({ length: 50 }, (_, i) => ({ ...staleClaims, params: { ...staleClaims.params, [`unused${i}`]: i } })));
    await planner.stop();
    expect(await cachedQueries()).toBeLessThan(10);
  });
});
