import type { Driver } from 'neo4j-driver';
import { getAnalysis } from '../../server/analyses/index.js';
import type { AnalysisResult } from '../../server/analyses/types.js';
import { Landscape } from '../../importers/model.js';
import { supplierProps } from '../../importers/sources/archimate/map.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { loadLandscape } from './fixture.js';
import { sovereigntyFixture } from './sovereignty-fixture.js';

const run = async (driver: Driver, query: Record<string, unknown>): Promise<AnalysisResult> => {
  const analysis = getAnalysis('sovereignty')!;
  return analysis.run(driver, analysis.params.parse(query));
};
const steps = (row: Record<string, unknown>) => (row.chain as { name: string; relation: string | null; jurisdiction: string | null; basis: string | null }[])
  .map(step => [step.name, step.relation, step.jurisdiction, step.basis]);

describe('sovereignty on a hand-worked landscape', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await loadLandscape(driver, sovereigntyFixture());
  });
  afterAll(() => driver.close());

  it('when a Dutch subsidiary of a US group supplies an application, then the chain ends at the group under US law', async () => {
    const { rows } = await run(driver, { organisation: 'gm1' });
    expect(rows.map(row => row.uid)).toEqual(['app:gm1/a1', 'app:gm1/a2']);
    const [zaak] = rows;
    expect(zaak).toMatchObject({ name: 'Zaaksysteem', criticality: 'critical', personalData: true, jurisdiction: 'US', parties: ['Atlantic Software Holdings'], chains: 1, contractValue: 100000 });
    expect(steps(zaak)).toEqual([
      ['Zaaksysteem', null, null, null],
      ['Zaakwerk B.V.', 'SUPPLIES', 'NL', 'country'],
      ['Atlantic Software Holdings', 'PART_OF', 'US', 'group'],
    ]);
  });

  it('when an EU platform runs on a US hyperscaler\'s EU region, then the chain goes through both platforms to the US provider', async () => {
    const { rows } = await run(driver, { organisation: 'gm1' });
    const belasting = rows[1];
    expect(belasting).toMatchObject({ name: 'Belastingen', criticality: 'high', personalData: true, jurisdiction: 'US', parties: ['Nimbus Inc.'] });
    expect(steps(belasting)).toEqual([
      ['Belastingen', null, null, null],
      ['Polder Cloud', 'RUNS_ON', 'NL', 'jurisdiction'],
      ['Nimbus EU-West', 'RUNS_ON', 'EU', 'jurisdiction'],
      ['Nimbus Inc.', 'PROVIDES', 'US', 'country'],
    ]);
  });

  it('when exit readiness is scored, then each factor counts 25 and open interfaces by their share', async () => {
    const { rows } = await run(driver, { organisation: 'gm1' });
    const factors = (row: Record<string, unknown>) => Object.fromEntries((row.factors as { factor: string; value: number; raw: unknown }[]).map(f => [f.factor, [f.value, f.raw]]));
    // Zaaksysteem: exit plan yes, portability no, 1 of 2 interfaces open (ZGW API yes, Eigen API no), Kievit (DE) offers a Zaaksysteem.
    expect(rows[0].exitReadiness).toBe(62.5);
    expect(factors(rows[0])).toEqual({ exitPlan: [1, true], dataPortability: [0, false], openInterfaces: [0.5, 1], substitutes: [1, 1] });
    expect((rows[0].factors as { factor: string; examples?: string[] }[]).find(f => f.factor === 'substitutes')!.examples).toEqual(['Kievit Zaken B.V.']);
    // Belastingen: no exit plan, portability yes, its one interface (StUF-BG) open, nobody else offers a Belastingsysteem.
    expect(rows[1].exitReadiness).toBe(50);
    expect(factors(rows[1])).toEqual({ exitPlan: [0, false], dataPortability: [1, true], openInterfaces: [1, 1], substitutes: [0, 0] });
  });

  it('when counted per organisation, then exposed applications, personal data, criticality and contract value add up', async () => {
    const { summary } = await run(driver, {});
    const s = summary as any;
    expect(s.byOrganisation).toEqual([
      { organisation: 'gm1', applications: 5, exposed: 2, exposedCritical: 2, exposedPersonalData: 2, contractValue: 200000, exposedContractValue: 160000, exposedShare: 40, exposedContractValueShare: 80, businessFunctionsLost: 2 },
      { organisation: 'gm2', applications: 1, exposed: 0, exposedCritical: 0, exposedPersonalData: 0, contractValue: 30000, exposedContractValue: 0, exposedShare: 0, exposedContractValueShare: 0, businessFunctionsLost: 0 },
    ]);
    expect(s.overall).toMatchObject({ applications: 6, exposed: 2, contractValue: 230000, exposedContractValue: 160000, exposedContractValueShare: 69.57, businessFunctionsLost: 2 });
  });

  it('when every non-EU party is unavailable, then what depends on them fails, dependants included, and functions without support are lost', async () => {
    const { rows, summary } = await run(driver, { organisation: 'gm1' });
    const whatIf = summary as any;
    expect(whatIf.nonEuParties.map((p: any) => [p.kind, p.name, p.jurisdiction, p.basis])).toEqual([
      ['Supplier', 'Nimbus Inc.', 'US', 'country'],
      ['SupplierGroup', 'Atlantic Software Holdings', 'US', 'group'],
    ]);
    // Zaaksysteem, Belastingen and Portaal (which gets its data from Belastingen); Archief stays.
    expect(whatIf.applicationsFailed).toBe(3);
    expect(whatIf.criticalApplicationsFailed).toBe(2);
    expect(whatIf.businessFunctionsLost.map((f: any) => f.name)).toEqual(['Belastingen', 'Parkeren']);
    expect(rows.every(row => row.failsWhenNonEuUnavailable === true)).toBe(true);
    expect((summary as any).byBusinessFunction.map((f: any) => [f.name, f.supportingApplications, f.exposedApplications, f.lost])).toEqual([
      ['Belastingen', 1, 1, true], ['Parkeren', 1, 0, true], ['Zaakafhandeling', 2, 1, false],
    ]);
  });

  it('when the only clean organisation is asked, then nothing is exposed and nothing is lost', async () => {
    const { rows, summary } = await run(driver, { organisation: 'gm2' });
    expect(rows).toEqual([]);
    expect((summary as any).businessFunctionsLost).toEqual([]);
  });

  it('when the group jurisdiction is only the group\'s country (no column), then the country decides; a blank supplier country is not guessed', async () => {
    const landscape = sovereigntyFixture();
    const suppliers = landscape.suppliers.map(s => (s.id === 's-zaak' ? { ...s, groupJurisdiction: undefined } : s.id === 's-nimbus' ? { ...s, country: undefined } : s));
    await resetDatabase(driver);
    await loadLandscape(driver, Landscape.parse({ ...landscape, suppliers }));
    const { write } = await import('../../server/neo4j.js');
    await write(driver, "MATCH (g:SupplierGroup {uid: 'group:atlantic-software-holdings'}) SET g.country = 'Verenigde Staten'");
    const { rows } = await run(driver, { organisation: 'gm1' });
    expect(rows.map(row => [row.name, steps(row).at(-1)])).toEqual([['Zaaksysteem', ['Atlantic Software Holdings', 'PART_OF', 'US', 'groupCountry']]]);
    await resetDatabase(driver);
    await loadLandscape(driver, sovereigntyFixture());
  });
});

describe('the groupJurisdiction column', () => {
  it('when a country name, code or jurisdiction is given, then it is read as a jurisdiction; anything else is an issue naming what was expected', () => {
    const parse = (groupJurisdiction: string) => Landscape.safeParse({ suppliers: [{ id: 's', name: 'S', groupJurisdiction }] });
    expect(parse('Verenigde Staten').data?.suppliers[0].groupJurisdiction).toBe('US');
    expect(parse('Duitsland').data?.suppliers[0].groupJurisdiction).toBe('EU');
    expect(parse('CH').data?.suppliers[0].groupJurisdiction).toBe('other');
    expect(parse(' ').data?.suppliers[0].groupJurisdiction).toBeUndefined();
    const bad = parse('Atlantis');
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toMatch(/Verenigde Staten/);
  });

  it('when an ArchiMate supplier carries a Concernjurisdictie property, then it is read the same way; a value that is none is left out', () => {
    expect(supplierProps({ properties: [{ key: 'Concern', value: 'Atlantic' }, { key: 'Concernjurisdictie', value: 'Verenigde Staten' }] })).toEqual({ group: 'Atlantic', groupJurisdiction: 'US' });
    expect(supplierProps({ properties: [{ key: 'Group country', value: 'Atlantis' }] })).toEqual({});
  });
});
