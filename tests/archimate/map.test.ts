import type { Driver } from 'neo4j-driver';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { read } from '../../server/neo4j.js';
import { nodes, rels, resetDatabase, testDriver } from '../support/db.js';
import { fixture } from './support.js';

describe('ArchiMate type table', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when a municipal model is imported, then elements become Roer kinds and unmapped ones are listed', async () => {
    const report = await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm9999', source: 'archimate:gm9999' });
    expect(report.mapped).toEqual({ Application: 3, ReferenceComponent: 1, BusinessFunction: 1, Supplier: 2, Platform: 2, Element: 2 });
    expect(report.unmapped).toEqual({ BusinessRole: 1, DataObject: 1 });
    expect(await nodes(driver, 'Application')).toEqual(['app:gm9999/id-brp', 'app:gm9999/id-makelaar', 'app:gm9999/id-zaak']);
    expect(await nodes(driver, 'Supplier')).toEqual(['supplier:id-acme', 'supplier:id-host']);
    expect(await nodes(driver, 'Platform')).toEqual(['platform:id-db', 'platform:id-rc']);
    expect(await nodes(driver, 'Element')).toEqual(['element:gm9999/id-data', 'element:gm9999/id-role']);
    const [zaak] = await read(driver, `MATCH (a:Application {uid: 'app:gm9999/id-zaak'}) RETURN a.criticality AS criticality, a.archimateType AS type`);
    expect(zaak).toEqual({ criticality: 'high', type: 'ApplicationComponent' });
  });

  it('when A serves B, then B depends on A; flows, hosting, suppliers and GEMMA mappings follow docs/importing.md', async () => {
    await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm9999', source: 'archimate:gm9999' });
    expect(await rels(driver, 'DEPENDS_ON')).toEqual([
      'app:gm9999/id-makelaar -DEPENDS_ON-> app:gm9999/id-zaak', // zaak flows to makelaar
      'app:gm9999/id-zaak -DEPENDS_ON-> app:gm9999/id-brp', // brp serves zaak
    ]);
    expect(await rels(driver, 'RUNS_ON')).toEqual([
      'app:gm9999/id-zaak -RUNS_ON-> platform:id-db', // PostgreSQL serves the zaaksysteem
      'platform:id-db -RUNS_ON-> platform:id-rc', // the node is assigned to the system software
    ]);
    expect(await rels(driver, 'SUPPLIES')).toEqual(['supplier:id-acme -SUPPLIES-> app:gm9999/id-zaak']);
    expect(await rels(driver, 'PROVIDES')).toEqual(['supplier:id-host -PROVIDES-> platform:id-rc']);
    expect(await rels(driver, 'REALISES')).toEqual(['app:gm9999/id-zaak -REALISES-> refcomp:zaakregistratiecomponent']);
    expect(await rels(driver, 'SUPPORTS')).toEqual(['app:gm9999/id-zaak -SUPPORTS-> function:zaakgericht-werken']);
    expect(await rels(driver, 'USES')).toHaveLength(3);
    expect(await rels(driver, 'RELATES_TO')).toHaveLength(10);
  });

  it('when the model is re-imported with a relationship and an element gone, then only those go and the report says so', async () => {
    const first = await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm9999', source: 'archimate:gm9999' });
    const { readFileSync } = await import('node:fs');
    const smaller = readFileSync(fixture('landscape.xml'), 'utf8')
      .replace(/<element identifier="id-data"[^\n]*\n/, '')
      .replace(/<relationship identifier="id-r10"[^\n]*\n/, '')
      .replace(/<relationship identifier="id-r1"[^\n]*\n/, '')
      .replace('Makelaar M', 'Makelaar M2');
    const second = await importArchimate(driver, Buffer.from(smaller), { organisation: 'gm9999', source: 'archimate:gm9999', fileName: 'landscape.xml', allowRemovals: true });
    expect(first.graph.nodes.Application).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(second.graph.nodes.Application).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(second.graph.removed).toMatchObject({ Element: 1, RELATES_TO: 2, DEPENDS_ON: 1 });
    expect(await rels(driver, 'DEPENDS_ON')).toEqual(['app:gm9999/id-makelaar -DEPENDS_ON-> app:gm9999/id-zaak']);
  });

  it('when properties refer to undefined property definitions, then they are kept under the reference and the report warns', async () => {
    const { reference } = await import('./support.js');
    const report = await importArchimate(driver, reference('softwarecatalogus-vng/examples/GEMMA_test.xml'), { organisation: 'gm9999', source: 'archimate:gm9999' });
    expect(report.warnings).toContain("property definition 'propid-1' is not defined; the property is kept under that id");
    expect(report.unmapped).toEqual({ Capability: 2 });
    const rows = await read<{ props: string }>(driver, 'MATCH (e:Element) RETURN e.archimateProperties AS props');
    expect(rows.map(row => JSON.parse(row.props).map((p: { key: string }) => p.key)).flat()).toContain('propid-1');
  });

  it('when another source already knows a supplier by the same normalised name, then the model uses that node', async () => {
    const { importMappedLandscape } = await import('../../importers/sources/archimate/import.js');
    const { Landscape } = await import('../../importers/model.js');
    await importMappedLandscape(driver, Landscape.parse({ suppliers: [{ id: 'lev-9', name: 'ACME software' }] }), {}, { source: 'csv:leveranciers', files: ['x.csv'] });
    const report = await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm9999', source: 'archimate:gm9999' });
    expect(report.merges).toEqual([{ archimateId: 'id-acme', name: 'Acme Software B.V.', into: 'lev-9', intoName: 'ACME software' }]);
    expect(await nodes(driver, 'Supplier')).toEqual(['supplier:id-host', 'supplier:lev-9']);
    expect(await rels(driver, 'SUPPLIES')).toEqual(['supplier:lev-9 -SUPPLIES-> app:gm9999/id-zaak']);
    const [acme] = await read(driver, `MATCH (s:Supplier {uid: 'supplier:lev-9'}) RETURN s.archimateId AS archimateId, s.runs AS runs`);
    expect(acme.archimateId).toBe('id-acme');
    expect((acme.runs as string[]).map(stamp => stamp.split('#')[0]).sort()).toEqual(['archimate:gm9999', 'csv:leveranciers']);
  });

  it('when another source asserts the same supplier, then re-importing the model without it leaves the supplier', async () => {
    await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm9999', source: 'archimate:gm9999' });
    const { importMappedLandscape } = await import('../../importers/sources/archimate/import.js');
    const { Landscape } = await import('../../importers/model.js');
    await importMappedLandscape(driver, Landscape.parse({ suppliers: [{ id: 'id-acme', name: 'Acme Software B.V.' }] }), {}, { source: 'csv:leveranciers', files: ['x.csv'] });
    const { readFileSync } = await import('node:fs');
    const withoutAcme = readFileSync(fixture('landscape.xml'), 'utf8').replace(/<relationship identifier="id-r5"[^\n]*\n/, '').replace(/<element identifier="id-acme"[\s\S]*?<\/element>\n/, '');
    await importArchimate(driver, Buffer.from(withoutAcme), { organisation: 'gm9999', source: 'archimate:gm9999', fileName: 'landscape.xml' });
    expect(await nodes(driver, 'Supplier')).toEqual(['supplier:id-acme', 'supplier:id-host']);
    expect(await rels(driver, 'SUPPLIES')).toEqual([]);
  });
});
