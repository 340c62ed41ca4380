// Demo algorithms on the demo municipality: every entry finds its organisation, the register's text
// names applications (exact, normalised, by supplier), and impact names the algorithms that stop.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadDemoAlgorithms } from '../../importers/demo/algorithms.js';
import { importFiles } from '../../importers/import.js';
import { algorithmsOn, listAlgorithms } from '../../server/algorithms.js';
import { resetDatabase, testDriver } from '../support/db.js';

describe('demo algorithms', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const folder = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');
    expect((await importFiles(driver, readdirSync(folder).filter(name => name.endsWith('.csv')).map(name => join(folder, name)), { source: 'demo:gemeente-roerdam', user: 'test' })).ok).toBe(true);
  }, 300_000);
  afterAll(() => driver.close());

  it('when the demo algorithms load, then each finds Gemeente Roerdam and the pages have links to review and algorithms that stop', async () => {
    const report = await loadDemoAlgorithms(driver, 'test');
    expect(report.ok).toBe(true);
    expect(report.organisations).toEqual({ matched: [{ name: 'Gemeente Roerdam', organisation: 'gemeente-roerdam', algorithms: 4 }], unmatched: [] });
    expect(report.matches.exact).toBeGreaterThanOrEqual(1);
    expect(report.matches.supplier).toBeGreaterThanOrEqual(1);
    const { algorithms } = await listAlgorithms(driver, { organisation: ['gemeente-roerdam'] });
    expect(algorithms.filter(a => a.highRisk).map(a => a.name)).toEqual(['Risicogericht toetsen bijstandsaanvragen']);
    const likely = algorithms.flatMap(a => a.matches.filter(m => m.kind === 'Application' && m.confidence === 'exact').map(m => m.target));
    const stopping = await algorithmsOn(driver, likely);
    expect(stopping.length).toBeGreaterThanOrEqual(1);
    expect(stopping.every(a => a.link === 'likely')).toBe(true);
  });
});
