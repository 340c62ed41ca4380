// Shared facts: a node that several sources assert keeps what each asserted (its claims). The node
// shows its owner's values (the source that asserted it first; GEMMA on what it asserts:
// tests/archimate/gemma-authority.test.ts), and when the owner stops asserting it, or is deleted, the
// next-earliest source's, and nothing of the source that went.
import type { Driver } from 'neo4j-driver';
import { readFileSync } from 'node:fs';
import { importFiles } from '../../importers/import.js';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { read } from '../../server/neo4j.js';
import { deleteSource } from '../../server/routes/imports.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { csv } from './support.js';

const suppliers = csv('suppliers.csv', 'id,name\nacme,Acme B.V.\n');
const application = (name: string, criticality: string, extra = '') =>
  csv('applications.csv', `id,organisation,name,supplier,criticality${extra ? ',Beheerder' : ''}\nzaak,gm-a,${name},acme,${criticality}${extra ? `,${extra}` : ''}\n`);

const zaak = async (driver: Driver) =>
  (await read<{ props: Record<string, unknown> }>(driver, "MATCH (a:Application {uid: 'app:gm-a/zaak'}) RETURN properties(a) AS props"))[0]?.props;
const claims = async (driver: Driver) =>
  (await read<{ source: string }>(driver, "MATCH (c:Claim {claimUid: 'app:gm-a/zaak'}) RETURN c.claimSource AS source ORDER BY source")).map(row => row.source);

describe('claims on shared facts', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when a later source asserts a shared node differently, then the node keeps the first source\'s values until that source is deleted', async () => {
    await importFiles(driver, [suppliers, application('Zaaksysteem', 'low')], { source: 'csv:ho' });
    expect(await claims(driver)).toEqual([]);
    const big = await importFiles(driver, [suppliers, application('Zaaksysteem (regio)', 'critical', 'Team Regio')], { source: 'csv:big' });
    expect(big.tables.applications).toMatchObject({ created: 0, updated: 1 });
    // csv:ho asserted it first: its values stay; what only csv:big says (the Beheerder) fills the gap.
    expect(await zaak(driver)).toMatchObject({ name: 'Zaaksysteem', criticality: 'low', extra_beheerder: 'Team Regio' });
    expect(await claims(driver)).toEqual(['csv:big', 'csv:ho']);
    // Re-importing either changes nothing.
    expect((await importFiles(driver, [suppliers, application('Zaaksysteem (regio)', 'critical', 'Team Regio')], { source: 'csv:big' })).tables.applications).toMatchObject({ updated: 0 });
    expect((await importFiles(driver, [suppliers, application('Zaaksysteem', 'low')], { source: 'csv:ho' })).tables.applications).toMatchObject({ updated: 0 });
    expect(await zaak(driver)).toMatchObject({ name: 'Zaaksysteem', criticality: 'low' });

    await deleteSource(driver, 'csv:ho');
    const props = await zaak(driver);
    expect(props).toMatchObject({ name: 'Zaaksysteem (regio)', criticality: 'critical', extra_beheerder: 'Team Regio' });
    expect(Object.keys(props!).filter(key => key.startsWith('claim'))).toEqual([]);
    expect((props!.runs as string[]).map(stamp => stamp.split('#')[0])).toEqual(['csv:big']);
    // One source left: its claim is the node itself.
    expect(await claims(driver)).toEqual([]);
    // And the node is as if csv:ho had never been there: re-importing csv:big changes nothing.
    const again = await importFiles(driver, [suppliers, application('Zaaksysteem (regio)', 'critical', 'Team Regio')], { source: 'csv:big' });
    expect(again.tables.applications).toMatchObject({ unchanged: 1, updated: 0 });
  });

  it('when a source no longer asserts a shared node, then the next-earliest source owns it', async () => {
    await importFiles(driver, [suppliers, application('Zaaksysteem', 'low')], { source: 'csv:a' });
    await importFiles(driver, [suppliers, application('Zaaksysteem B', 'high', 'Team B')], { source: 'csv:b' });
    await importFiles(driver, [suppliers, application('Zaaksysteem C', 'medium')], { source: 'csv:c' });
    expect(await zaak(driver)).toMatchObject({ name: 'Zaaksysteem', criticality: 'low', extra_beheerder: 'Team B' });
    // csv:a drops the application: csv:b asserted it before csv:c did.
    const report = await importFiles(driver, [suppliers, csv('applications.csv', 'id,organisation,name,supplier\nander,gm-a,Ander,acme\n')], { source: 'csv:a', allowRemovals: true });
    expect(report.ok).toBe(true);
    expect(await zaak(driver)).toMatchObject({ name: 'Zaaksysteem B', criticality: 'high', extra_beheerder: 'Team B' });
    expect(await claims(driver)).toEqual(['csv:b', 'csv:c']);
    // csv:a asserts it again: it comes after the others now.
    await importFiles(driver, [suppliers, application('Zaaksysteem', 'low')], { source: 'csv:a' });
    expect(await zaak(driver)).toMatchObject({ name: 'Zaaksysteem B', criticality: 'high' });
    await deleteSource(driver, 'csv:b');
    const props = await zaak(driver);
    expect(props).toMatchObject({ name: 'Zaaksysteem C', criticality: 'medium' });
    expect(props).not.toHaveProperty('extra_beheerder');
  });

  it('when an ArchiMate model that matched a spreadsheet\'s supplier is deleted, then the supplier keeps nothing of the model', async () => {
    await importFiles(driver, [csv('suppliers.csv', 'id,name\nlev-9,ACME software\n')], { source: 'csv:leveranciers' });
    const before = (await read<{ props: Record<string, unknown> }>(driver, "MATCH (s:Supplier {uid: 'supplier:lev-9'}) RETURN properties(s) AS props"))[0].props;
    const model = readFileSync(new URL('../fixtures/archimate/landscape.xml', import.meta.url));
    await importArchimate(driver, model, { organisation: 'gm9999', source: 'archimate:gm9999', fileName: 'landscape.xml' });
    const merged = (await read<{ props: Record<string, unknown> }>(driver, "MATCH (s:Supplier {uid: 'supplier:lev-9'}) RETURN properties(s) AS props"))[0].props;
    // The spreadsheet asserted the supplier first: its name stays; the model fills in what it alone says.
    expect(merged).toMatchObject({ archimateId: 'id-acme', name: 'ACME software' });

    await deleteSource(driver, 'archimate:gm9999');
    const after = (await read<{ props: Record<string, unknown> }>(driver, "MATCH (s:Supplier {uid: 'supplier:lev-9'}) RETURN properties(s) AS props"))[0].props;
    expect(Object.keys(after).filter(key => key.startsWith('archimate') || key.startsWith('gemma'))).toEqual([]);
    expect(after).toEqual(before);
  });

  it('when the staged path writes a shared node, then it keeps the same claims as one transaction', async () => {
    await importFiles(driver, [suppliers, application('Zaaksysteem', 'low')], { source: 'csv:ho' });
    await importFiles(driver, [suppliers, application('Zaaksysteem (regio)', 'critical')], { source: 'csv:big', transactionRows: 2 });
    expect(await zaak(driver)).toMatchObject({ name: 'Zaaksysteem', criticality: 'low' });
    expect(await claims(driver)).toEqual(['csv:big', 'csv:ho']);
    await importFiles(driver, [suppliers, application('Zaaksysteem', 'high')], { source: 'csv:ho', transactionRows: 2 });
    expect(await zaak(driver)).toMatchObject({ name: 'Zaaksysteem', criticality: 'high' });
    await deleteSource(driver, 'csv:ho');
    expect(await zaak(driver)).toMatchObject({ name: 'Zaaksysteem (regio)', criticality: 'critical' });
  });
});
