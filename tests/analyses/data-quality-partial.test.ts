// A landscape with applications but no contracts or interfaces (a first import of two tables) still
// gets every data-quality check that applies: the checks on contracts and interfaces found nothing
// and used to drop the whole answer with them.
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { dataQuality } from '../../server/analyses/data-quality.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { csv } from '../importers/support.js';

describe('data quality on a partial landscape', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const report = await importFiles(driver, [
      csv('suppliers.csv', 'id,name\nacme,Acme B.V.\n'),
      csv('applications.csv', 'id,organisation,name,supplier,criticality\nzaak,gm1,Zaaksysteem,acme,high\nweb,gm1,Website,,low\n'),
    ], { source: 'csv:gm1' });
    expect(report.issues).toEqual([]);
  });
  afterAll(() => driver.close());

  it('when there are no contracts and no interfaces, then the application checks still report', async () => {
    const { rows, summary } = await dataQuality.run(driver, dataQuality.params.parse({}));
    expect(rows.map(row => [row.check, row.uid]).sort()).toEqual([
      ['application-without-platform', 'app:gm1/web'],
      ['application-without-platform', 'app:gm1/zaak'],
      ['application-without-supplier', 'app:gm1/web'],
      ['critical-application-without-contract', 'app:gm1/zaak'],
    ]);
    expect(summary).toEqual({ checks: { 'application-without-platform': 2, 'application-without-supplier': 1, 'critical-application-without-contract': 1 }, total: 4 });
    const one = await dataQuality.run(driver, dataQuality.params.parse({ organisation: 'gm1' }));
    expect(one.rows).toHaveLength(4);
  });
});
