// Impact as an answer: dependencies followed to the end (a chain longer than the old 10-hop default),
// a cut that says so, agreement with single points of failure, and the business consequences named.
// The landscape goes through the real import into Neo4j.
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { analyses, getAnalysis } from '../../server/analyses/index.js';
import { reportData } from '../../server/reports/report-data.js';
import type { AnalysisResult } from '../../server/analyses/types.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { app, chainLandscape, LENGTH, ORG, uid } from './chain.js';

const run = async (driver: Driver, name: string, query: Record<string, unknown>): Promise<AnalysisResult & { summary: any }> => {
  const analysis = getAnalysis(name)!;
  return (await analysis.run(driver, analysis.params.parse(query))) as AnalysisResult & { summary: any };
};

describe('impact to the end, on a chain of 15 applications', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const report = await importLandscape(driver, chainLandscape(), { source: 'test:chain', user: 'test' });
    expect(report.issues).toEqual([]);
  });
  afterAll(() => driver.close());

  it('when the supplier at the start of the chain fails, then all 15 applications fail, the last at hop 15, and nothing is cut', async () => {
    const { rows, summary } = await run(driver, 'impact', { node: 'supplier:ketenbouw' });
    expect(rows.map(row => [row.uid, row.hops])).toEqual(Array.from({ length: LENGTH }, (_, i) => [uid(app(i)), i + 1]));
    expect(summary.maxHops).toBeNull();
    expect(summary.cut).toBeNull();
    expect(summary.totals).toEqual({
      // Ketenbouw supplies the first link only; the 14 after it miss data passed along the chain.
      applications: 15, applicationsDirect: 1, applicationsThroughInterfaces: 14, criticalApplications: 1, criticalApplicationsDirect: 0, platforms: 0, organisations: 1, businessFunctionsLost: 1, businessFunctionsWeakened: 1,
      // Split the same way: only the first link's interface breaks; the 13 after it pass on no data.
      businessFunctionsStopping: 0, businessFunctionsWeakenedDirectly: 0, businessFunctionsMissingData: 2, contracts: 2, contractsDirect: 1, interfacesBroken: 1, interfacesWithoutData: 13,
    });
    expect(summary.interfacesBroken.map((i: any) => [i.fromName, i.toName, i.failedEnds])).toEqual([['Schakel 0', 'Schakel 1', ['from']]]);
    expect(rows.at(-1)!.pathNames).toEqual([...Array.from({ length: LENGTH }, (_, i) => `Schakel ${LENGTH - 1 - i}`), 'Ketenbouw B.V.']);
  });

  it('when maxHops is 10, then the answer stops there and says how much it left out', async () => {
    const { rows, summary } = await run(driver, 'impact', { node: uid(app(0)), maxHops: '10' });
    expect(rows.map(row => row.hops)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(summary.maxHops).toBe(10);
    expect(summary.cut).toEqual({ reason: 'maxHops', maxHops: 10, shown: 10, total: 14 });
    // What lies beyond the cut is not counted: Belastingen (k14) is not reached.
    expect(summary.businessFunctions).toEqual([]);
    const full = await run(driver, 'impact', { node: uid(app(0)), maxHops: '14' });
    expect(full.summary.cut).toBeNull();
  });

  it('when every application fails in turn, then impact takes down as many applications as single-points-of-failure says', async () => {
    const spof = await run(driver, 'single-points-of-failure', { limit: '0' });
    expect(spof.rows.length).toBeGreaterThan(LENGTH);
    for (const row of spof.rows) {
      const { summary } = await run(driver, 'impact', { node: row.uid });
      expect([row.uid, summary.totals.applications, summary.totals.criticalApplications, summary.totals.businessFunctionsLost])
        .toEqual([row.uid, row.failedApplications, row.failedCriticalApplications, row.failedBusinessFunctions]);
      expect(summary.businessFunctions.filter((fn: any) => fn.lostAllSupport).map((fn: any) => fn.name)).toEqual(row.lostBusinessFunctions);
      // Said apart as the what-if says them: what fails directly, and the functions that stop.
      expect([row.uid, row.directlyFailedApplications]).toEqual([row.uid, summary.totals.applicationsDirect]);
      expect(summary.businessFunctions.filter((fn: any) => fn.effect === 'stops').map((fn: any) => fn.name).sort()).toEqual(row.stoppingBusinessFunctions);
    }
    // The chain through interfaces is not a direct failure: somewhere an application takes others down only through data.
    expect(spof.rows.some(row => Number(row.directlyFailedApplications) < Number(row.failedApplications))).toBe(true);
    expect(spof.rows.find(row => row.uid === uid(app(0)))!.failedApplications).toBe(15);
  });

  it('when the answer is read, then organisations, functions, contracts and interfaces carry names and notice deadlines (none for a contract that does not renew by itself)', async () => {
    const { summary } = await run(driver, 'impact', { node: uid(app(10)) });
    expect(summary.node).toEqual({ uid: uid(app(10)), kind: 'Application', name: 'Schakel 10' });
    expect(summary.organisations).toEqual([
      {
        organisation: ORG, name: 'Gemeente Lange Keten', applications: 5, criticalApplications: 1, businessFunctionsLost: 1, businessFunctionsWeakened: 1,
        // Schakel 10 supports no function itself: the two touched only miss data.
        applicationsDirect: 1, businessFunctionsStopping: 0, businessFunctionsWeakenedDirectly: 0, businessFunctionsMissingData: 2,
      },
    ]);
    expect(summary.businessFunctions.map((fn: any) => [fn.organisationName, fn.name, fn.affectedApplications, fn.supportingApplications, fn.lostAllSupport])).toEqual([
      ['Gemeente Lange Keten', 'Belastingen', 1, 1, true],
      ['Gemeente Lange Keten', 'Burgerzaken', 1, 2, false],
    ]);
    expect(summary.contracts).toEqual([{
      uid: `contract:${ORG}/c-belasting`, name: 'c-belasting', organisation: ORG, organisationName: 'Gemeente Lange Keten', supplier: 'supplier:reserve', supplierName: 'Reserve Software',
      end: '2027-03-31', noticeDeadline: null, renewed: false, noticeMonths: 3, autoRenew: false, annualValue: 1503890,
      affectedApplications: [uid(app(14))], affectedApplicationNames: ['Schakel 14'], hit: 'missesData',
    }]);
    // The failing application's own interfaces break (k09 → k10, k10 → k11); those after it pass on no data.
    expect(summary.interfacesBroken.map((i: any) => [i.fromName, i.toName, i.standard, i.failedEnds])).toEqual([
      ['Schakel 9', 'Schakel 10', null, ['to']],
      ['Schakel 10', 'Schakel 11', null, ['from']],
    ]);
    expect(summary.interfacesWithoutData.map((i: any) => [i.fromName, i.toName, i.standard, i.failedEnds])).toEqual([
      ['Schakel 11', 'Schakel 12', null, ['from', 'to']],
      ['Schakel 12', 'Schakel 13', null, ['from', 'to']],
      ['Schakel 13', 'Schakel 14', 'StUF-BG', ['from', 'to']],
    ]);
  });

  it('when single-points-of-failure is limited, then the answer says how many rows it left out', async () => {
    const all = await run(driver, 'single-points-of-failure', { limit: '0' });
    expect(all.summary.cut).toBeNull();
    const some = await run(driver, 'single-points-of-failure', { limit: '3' });
    expect(some.summary.cut).toEqual({ reason: 'limit', limit: 3, shown: some.rows.length, total: all.rows.length });
    expect(some.rows.length).toBeLessThan(all.rows.length);
  });

  it('when the report of the chain\'s last application is made, then what it depends on is followed to the end too', async () => {
    const report = await reportData(driver, analyses, uid(app(LENGTH - 1)));
    const steps = report.dependencies.filter(row => row.kind === 'Application').map(row => [row.name, row.hops]);
    expect(steps).toEqual(Array.from({ length: LENGTH - 1 }, (_, i) => [`Schakel ${LENGTH - 2 - i}`, i + 1]));
    expect(report.dependencies.find(row => row.uid === 'supplier:ketenbouw')?.hops).toBe(LENGTH);
  });
});
