// One owner per shared fact, for every source: two municipalities' spreadsheets name the same
// supplier differently. The one that named it first owns it, whatever the order of later imports (full
// or diff), the other's values are its claim and reported by data quality, and when the owner is
// deleted the other's values show (docs/data-model.md "One owner per shared fact").
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { dataQuality } from '../../server/analyses/data-quality.js';
import { read } from '../../server/neo4j.js';
import { deleteSource } from '../../server/routes/imports.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { csv } from './support.js';

const suppliers = (rows: string) => [csv('suppliers.csv', `id,name,country\n${rows}`)];
const a1 = suppliers('acme,Acme B.V.,NL\nbeta,Beta B.V.,NL\n');
const b1 = suppliers('acme,ACME Software Inc.,US\ngamma,Gamma B.V.,NL\n');
const acme = async (driver: Driver) =>
  (await read<{ name: string; country: string }>(driver, "MATCH (s:Supplier {uid: 'supplier:acme'}) RETURN s.name AS name, s.country AS country"))[0];

describe('one owner per shared fact: the first source', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when two sources are imported A, B, A, B (full and diff), then the node keeps A\'s values, the conflict names both with A kept as first source, and deleting A shows B\'s', async () => {
    await importFiles(driver, a1, { source: 'csv:gm-a' });
    await importFiles(driver, b1, { source: 'csv:gm-b' });
    expect(await acme(driver)).toEqual({ name: 'Acme B.V.', country: 'NL' });
    // The same files again, in the same order: nothing moves.
    await importFiles(driver, a1, { source: 'csv:gm-a' });
    await importFiles(driver, b1, { source: 'csv:gm-b' });
    expect(await acme(driver)).toEqual({ name: 'Acme B.V.', country: 'NL' });

    // Changed rows go through the diff path: the owner's change shows, the other's stays its claim.
    const a2 = await importFiles(driver, suppliers('acme,Acme B.V.,BE\nbeta,Beta B.V.,NL\n'), { source: 'csv:gm-a' });
    expect(a2.written).toBe('diff');
    expect(await acme(driver)).toEqual({ name: 'Acme B.V.', country: 'BE' });
    const b2 = await importFiles(driver, suppliers('acme,ACME Software Incorporated,US\ngamma,Gamma B.V.,NL\n'), { source: 'csv:gm-b' });
    expect(b2.written).toBe('diff');
    expect(b2.tables.suppliers).toMatchObject({ created: 0 });
    expect(await acme(driver)).toEqual({ name: 'Acme B.V.', country: 'BE' });

    const { rows } = await dataQuality.run(driver, dataQuality.params.parse({}));
    const conflicts = rows.filter(row => row.check === 'conflicting-claim').map(row => ({ uid: row.uid, property: row.property, winner: row.winner, rule: row.rule, values: row.values }));
    expect(conflicts).toEqual([
      { uid: 'supplier:acme', property: 'country', winner: 'csv:gm-a', rule: 'first-source', values: [{ source: 'csv:gm-a', value: 'BE' }, { source: 'csv:gm-b', value: 'US' }] },
      { uid: 'supplier:acme', property: 'name', winner: 'csv:gm-a', rule: 'first-source', values: [{ source: 'csv:gm-a', value: 'Acme B.V.' }, { source: 'csv:gm-b', value: 'ACME Software Incorporated' }] },
    ]); // normalizedName follows from name: not a conflict of its own
    const detail = rows.find(row => row.check === 'conflicting-claim')!.detail as string;
    expect(detail).toMatch(/kept: csv:gm-a \(first source: the source that asserted it first\)/);
    expect(detail).toMatch(/csv:gm-a geldt \(eerste bron/);

    await deleteSource(driver, 'csv:gm-a');
    expect(await acme(driver)).toEqual({ name: 'ACME Software Incorporated', country: 'US' });
    const after = await dataQuality.run(driver, dataQuality.params.parse({}));
    expect(after.rows.filter(row => row.check === 'conflicting-claim')).toEqual([]);
  });

  it('when B is imported before A, then B owns the node: the first import decides, not the latest', async () => {
    await importFiles(driver, b1, { source: 'csv:gm-b' });
    await importFiles(driver, a1, { source: 'csv:gm-a' });
    await importFiles(driver, b1, { source: 'csv:gm-b' });
    await importFiles(driver, a1, { source: 'csv:gm-a' });
    expect(await acme(driver)).toEqual({ name: 'ACME Software Inc.', country: 'US' });
  });
});
