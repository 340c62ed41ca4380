// Which organisations a run records headline numbers for (importers/import.ts touchedOrganisations):
// those whose facts it changed, never every organisation that happens to share one of its suppliers.
// Two sources on the test Neo4j: A (the English set, gm-a) and B (gm-b), both with supplier acme.
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { read } from '../../server/neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { csv, fixture } from './support.js';

const SUPPLIERS = 'id,name,group,country\nacme,Acme B.V.,Acme Holding,NL\nbeta,Beta Software,,NL\n';
const APPLICATIONS = 'id,organisation,name,supplier,referenceComponents,businessFunctions,criticality,personalData,platform,openStandards\n'
  + 'zaak,gm-b,Zaaksysteem B,acme,Zaaksysteem,Zaakgericht werken,high,yes,,\n'
  + 'gis,gm-b,Geo-informatie,beta,,Ruimte,medium,no,,\n';
const CONTRACTS = 'id,organisation,supplier,applications,start,end,noticeMonths,autoRenew,annualValue,exitPlan,dataPortability\n'
  + 'cb1,gm-b,acme,zaak,2024-01-01,2030-12-31,6,no,5000,yes,yes\n';
const sourceB = (applications = APPLICATIONS, suppliers = SUPPLIERS) => [csv('suppliers.csv', suppliers), csv('applications.csv', applications), csv('contracts.csv', CONTRACTS)];

/** The organisations run `runId` recorded headline numbers for. */
const headlinesOf = async (driver: Driver, runId: string | null) =>
  (await read<{ organisation: string }>(driver, 'MATCH (h:Headline {runId: $runId}) RETURN h.organisation AS organisation ORDER BY organisation', { runId })).map(row => row.organisation);

describe('headline numbers are recorded for the organisations a run changed', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
  });
  afterAll(() => driver.close());

  it('when source B imports for the first time and shares supplier acme with gm-a, then only gm-b gets headline numbers', async () => {
    const a = await importFiles(driver, fixture('en'), { source: 'csv:a', user: 'tester' });
    expect(a.ok).toBe(true);
    expect(await headlinesOf(driver, a.runId)).toEqual(['gm-a']);
    // gm-a: esb (saas1 on Cloudy's US iaas1) and web (Cloudy Inc., US) answer to non-EU law; zaak and brp do not.
    const [gmA] = await read<{ sovereigntyShare: number }>(driver, 'MATCH (h:Headline {runId: $runId}) RETURN h.sovereigntyShare AS sovereigntyShare', { runId: a.runId });
    expect(gmA.sovereigntyShare).toBe(50);

    const b = await importFiles(driver, sourceB(), { source: 'csv:b', user: 'tester' });
    expect([b.ok, b.written]).toEqual([true, 'initial']);
    expect(b.organisations).toEqual(['gm-b']);
    expect(b.headlines).toEqual({ organisations: 1, durationMs: expect.any(Number) });
    expect(await headlinesOf(driver, b.runId)).toEqual(['gm-b']);
  });

  it('when source B changes one of gm-b\'s applications and adds a row for a supplier gm-a uses, then again only gm-b', async () => {
    const changed = APPLICATIONS.replace('Geo-informatie', 'Geo-informatie 2');
    const b = await importFiles(driver, sourceB(changed, `${SUPPLIERS}hostco,Hostco,,NL\n`), { source: 'csv:b', user: 'tester' });
    expect([b.ok, b.written]).toEqual([true, 'diff']);
    expect(b.organisations).toEqual(['gm-b']);
    expect(await headlinesOf(driver, b.runId)).toEqual(['gm-b']);
  });

  it('when source B changes the row of shared supplier acme itself, then gm-a, which uses acme, is recorded too', async () => {
    const b = await importFiles(driver, sourceB(APPLICATIONS, `${SUPPLIERS.replace('acme,Acme B.V.,Acme Holding,NL', 'acme,Acme B.V.,Acme Holding,BE')}hostco,Hostco,,NL\n`), { source: 'csv:b', user: 'tester' });
    expect([b.ok, b.written]).toEqual([true, 'diff']);
    expect(await headlinesOf(driver, b.runId)).toEqual(['gm-a', 'gm-b']);
  });
});
