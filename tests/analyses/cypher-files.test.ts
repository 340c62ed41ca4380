// BloodHound-style CI: every file in cypher/analyses/ belongs to a registered analysis and runs.
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import { queriesIn } from '../../server/queries.js';
import { analyses, analysisQueries } from '../../server/analyses/index.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { fixture, loadLandscape, TODAY } from './fixture.js';
import { Landscape } from '../../importers/model.js';

const values: Record<string, unknown> = {
  organisations: null, catalogue: 'gemma', from: TODAY, to: '2027-12-01', today: TODAY, node: 'supplier:s1', frontier: ['supplier:s1', 'platform:p2'], applications: ['app:gm1/a1', 'app:gm2/b1'],
  uids: ['app:gm1/a1', 'app:gm2/b1', 'interface:gm1/i1', 'contract:gm1/c1', 'platform:p1', 'supplier:s1', 'refcomp:zaaksysteem', 'function:dienstverlening'],
};

describe('cypher/analyses', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await loadLandscape(driver, fixture());
    // A second source that names supplier s1 otherwise: a shared fact two sources assert differently (data-quality-claims).
    await loadLandscape(driver, Landscape.parse({ suppliers: [{ id: 's1', name: 'Leverancier Een (andere bron)' }] }), 'test:other', 'run-2');
  });
  afterAll(() => driver.close());

  const files = queriesIn('analyses');

  it('when the folder is listed, then every file is used by a registered analysis and has a title and description', () => {
    const used = new Set(Object.values(analysisQueries).flat().map(name => `analyses/${name}`));
    expect(files.map(file => file.name).filter(name => !used.has(name))).toEqual([]);
    expect(Object.keys(analysisQueries).sort()).toEqual(analyses.map(a => a.name).sort());
    for (const file of files) {
      expect(file.title).not.toEqual('');
      expect(file.description).not.toEqual('');
      expect(file.params.filter(param => !(param in values))).toEqual([]);
    }
  });

  it.each(files.map(file => [file.name, file] as const))('when %s runs on the fixture, then it returns rows without error', async (_name, file) => {
    const rows = await read(driver, file.text, Object.fromEntries(file.params.map(param => [param, values[param]])));
    expect(rows.length).toBeGreaterThan(0);
    const some = await read(driver, file.text, Object.fromEntries(file.params.map(param => [param, param === 'organisations' ? ['gm2'] : values[param]])));
    expect(Array.isArray(some)).toBe(true);
  });
});
