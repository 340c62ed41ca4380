import type { Driver } from 'neo4j-driver';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { exportAmeff } from '../../server/exports/ameff.js';
import { read } from '../../server/neo4j.js';
import { nodes, rels, resetDatabase, testDriver } from '../support/db.js';

/** A model as another tool writes it: contracts with Dutch property names, a flow without Roer's properties. */
const foreign = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">
  <name xml:lang="nl">Gemeente Elders</name>
  <elements>
    <element identifier="id-zaak" xsi:type="ApplicationComponent"><name>Zaaksysteem</name></element>
    <element identifier="id-dms" xsi:type="ApplicationComponent"><name>DMS</name></element>
    <element identifier="id-acme" xsi:type="BusinessActor">
      <name>Acme</name><properties><property propertyDefinitionRef="p-rol"><value>Leverancier</value></property></properties>
    </element>
    <element identifier="id-k1" xsi:type="Contract">
      <name>Raamovereenkomst zaaksysteem</name>
      <properties>
        <property propertyDefinitionRef="p-eind"><value>31-12-2027</value></property>
        <property propertyDefinitionRef="p-opzeg"><value>3</value></property>
        <property propertyDefinitionRef="p-waarde"><value>€ 1.234,50</value></property>
        <property propertyDefinitionRef="p-stil"><value>ja</value></property>
      </properties>
    </element>
    <element identifier="id-k2" xsi:type="Contract"><name>Contract zonder einddatum</name></element>
    <element identifier="id-k3" xsi:type="Contract">
      <name>Contract met onleesbare einddatum</name>
      <properties><property propertyDefinitionRef="p-eind"><value>binnenkort</value></property></properties>
    </element>
  </elements>
  <relationships>
    <relationship identifier="id-r1" source="id-k1" target="id-acme" xsi:type="Association"/>
    <relationship identifier="id-r2" source="id-k1" target="id-zaak" xsi:type="Association"/>
    <relationship identifier="id-r3" source="id-acme" target="id-k2" xsi:type="Association"/>
    <relationship identifier="id-r4" source="id-k3" target="id-acme" xsi:type="Association"/>
    <relationship identifier="id-r5" source="id-zaak" target="id-dms" xsi:type="Flow"/>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="p-rol" type="string"><name>Rol</name></propertyDefinition>
    <propertyDefinition identifier="p-eind" type="string"><name>Einddatum</name></propertyDefinition>
    <propertyDefinition identifier="p-opzeg" type="string"><name>Opzegtermijn</name></propertyDefinition>
    <propertyDefinition identifier="p-waarde" type="string"><name>Jaarwaarde</name></propertyDefinition>
    <propertyDefinition identifier="p-stil" type="string"><name>Stilzwijgend verlengd</name></propertyDefinition>
  </propertyDefinitions>
</model>`;

describe('ArchiMate contracts and interfaces from other tools', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when a Contract element has a supplier association and an end date, then it becomes a contract; otherwise it stays a generic element', async () => {
    const report = await importArchimate(driver, Buffer.from(foreign), { organisation: 'gm2', source: 'archimate:gm2', fileName: 'elders.xml' });
    expect(report.mapped.Contract).toBe(1);
    expect(report.unmapped).toEqual({ Contract: 2 });
    expect(report.warnings).toEqual([expect.stringMatching(/Contract id-k3 'Contract met onleesbare einddatum': property end: expected a date such as 2026-12-31/)]);
    expect(await nodes(driver, 'Contract')).toEqual(['contract:gm2/id-k1']);
    expect(await nodes(driver, 'Element')).toEqual(['element:gm2/id-k2', 'element:gm2/id-k3']);
    const [contract] = await read(
      driver,
      `MATCH (c:Contract) RETURN toString(c.end) AS end, c.noticeMonths AS noticeMonths, c.annualValue AS annualValue, c.autoRenew AS autoRenew,
              c.exitPlan AS exitPlan, c.archimateId AS archimateId, c.name AS name`,
    );
    expect(contract).toEqual({ end: '2027-12-31', noticeMonths: 3, annualValue: 1234.5, autoRenew: true, exitPlan: false, archimateId: 'id-k1', name: 'id-k1' });
    expect([...(await rels(driver, 'WITH')), ...(await rels(driver, 'COVERS')), ...(await rels(driver, 'HOLDS'))]).toEqual([
      'contract:gm2/id-k1 -WITH-> supplier:id-acme',
      'contract:gm2/id-k1 -COVERS-> app:gm2/id-zaak',
      'org:gm2 -HOLDS-> contract:gm2/id-k1',
    ]);
    // A foreign contract keeps its associations as model relationships, so its model round-trips.
    expect((await rels(driver, 'RELATES_TO')).filter(r => r.includes('contract:'))).toHaveLength(2);
  });

  it('when a Flow has no Roer interface id, then it stays a bare dependency and no interface is made', async () => {
    await importArchimate(driver, Buffer.from(foreign), { organisation: 'gm2', source: 'archimate:gm2', fileName: 'elders.xml' });
    expect(await nodes(driver, 'Interface')).toEqual([]);
    expect(await rels(driver, 'DEPENDS_ON')).toEqual(['app:gm2/id-dms -DEPENDS_ON-> app:gm2/id-zaak']);
  });

  it('when a foreign contract is exported and imported again, then it comes back with its model identity and no Roer marker', async () => {
    await importArchimate(driver, Buffer.from(foreign), { organisation: 'gm2', source: 'archimate:gm2', fileName: 'elders.xml' });
    const props = `MATCH (c:Contract) RETURN c {.*, runs: null, createdRun: null} AS props`;
    const [before] = await read(driver, props);
    const xml = await exportAmeff(driver, { organisations: ['gm2'] });
    expect(xml).not.toContain('Roer contract id');
    expect((xml.match(/xsi:type="Contract"/g) ?? []).length).toBe(3);
    await resetDatabase(driver);
    await importArchimate(driver, Buffer.from(xml), { organisation: 'gm2', source: 'archimate:gm2', fileName: 'export.xml' });
    expect(await read(driver, props)).toEqual([before]);
  });
});
