import type { Driver } from 'neo4j-driver';
import { NotFoundError } from '../../server/errors.js';
import { write } from '../../server/neo4j.js';
import { analyses, getAnalysis } from '../../server/analyses/index.js';
import { fetchLandscape } from '../../server/analyses/landscape.js';
import { dataQualityDetail } from '../../server/analyses/data-quality-words.js';
import type { AnalysisResult } from '../../server/analyses/types.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { fixture, loadLandscape, TODAY } from './fixture.js';

const run = async (driver: Driver, name: string, query: Record<string, unknown>): Promise<AnalysisResult> => {
  const analysis = getAnalysis(name)!;
  return analysis.run(driver, analysis.params.parse(query));
};
const pick = (rows: Record<string, unknown>[], ...keys: string[]) => rows.map(row => Object.fromEntries(keys.map(key => [key, row[key]])));

describe('analyses on the fixture landscape', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await loadLandscape(driver, fixture());
  });
  afterAll(() => driver.close());

  it('when the analyses are listed, then all eleven are registered with a title, description and params', () => {
    expect(analyses.map(a => a.name)).toEqual(['supplier-exposure', 'lock-in', 'single-points-of-failure', 'impact', 'contract-calendar', 'what-if', 'data-quality', 'sovereignty', 'out-of-support', 'advisory', 'common-ground']);
    for (const analysis of analyses) {
      expect(analysis.title).not.toEqual('');
      expect(analysis.description.length).toBeGreaterThan(40);
      expect(getAnalysis(analysis.name)).toBe(analysis);
    }
    expect(getAnalysis('nope')).toBeUndefined();
  });

  describe('supplier-exposure', () => {
    it('when asked per supplier for one organisation, then counts and shares match the hand calculation', async () => {
      const { rows, summary } = await run(driver, 'supplier-exposure', { organisation: 'gm1' });
      expect(rows).toEqual([
        { organisation: 'gm1', level: 'supplier', uid: 'supplier:s1', name: 'Acme B.V.', group: 'group:acme-holding', applications: 2, applicationsShare: 50, criticalApplications: 2, criticalApplicationsShare: 100, businessFunctions: 1, businessFunctionsShare: 33.33, platforms: 1, platformsShare: 50, contractValue: 100000, contractValueShare: 57.14 },
        { organisation: 'gm1', level: 'supplier', uid: 'supplier:s2', name: 'Hostco', group: null, applications: 1, applicationsShare: 25, criticalApplications: 0, criticalApplicationsShare: 0, businessFunctions: 1, businessFunctionsShare: 33.33, platforms: 1, platformsShare: 50, contractValue: 50000, contractValueShare: 28.57 },
        { organisation: 'gm1', level: 'supplier', uid: 'supplier:s3', name: 'Acme Software', group: 'group:acme-holding', applications: 1, applicationsShare: 25, criticalApplications: 0, criticalApplicationsShare: 0, businessFunctions: 1, businessFunctionsShare: 33.33, platforms: 0, platformsShare: 0, contractValue: 25000, contractValueShare: 14.29 },
      ]);
      const s = summary as any;
      expect(s.byOrganisation).toEqual([{
        organisation: 'gm1',
        applications: { total: 4, entities: 3, hhi: 3750, cr1: 50, cr3: 100, band: 'high', largest: 'supplier:s1' },
        contractValue: { total: 175000, entities: 3, hhi: 4285.71, cr1: 57.14, cr3: 100, band: 'high', largest: 'supplier:s1' },
      }]);
      const zaak = s.byBusinessFunction.find((f: any) => f.function === 'function:zaakafhandeling');
      expect(zaak.applications).toMatchObject({ hhi: 5000, cr1: 50, band: 'high' });
      expect(zaak.contractValue).toMatchObject({ hhi: 5555.56, cr1: 66.67, band: 'high' });
      const burger = s.byBusinessFunction.find((f: any) => f.function === 'function:burgerzaken');
      expect(burger.applications).toMatchObject({ hhi: 10000, cr1: 100, cr3: 100 });
      expect(burger.contractValue).toMatchObject({ hhi: null, band: null });
    });

    it('when asked per group, then a group adds up its suppliers and a supplier without a group stands alone', async () => {
      const { rows, summary } = await run(driver, 'supplier-exposure', { organisation: 'org:gm1', level: 'group' });
      expect(pick(rows, 'uid', 'name', 'applications', 'criticalApplications', 'businessFunctions', 'platforms', 'contractValue')).toEqual([
        { uid: 'group:acme-holding', name: 'Acme Holding', applications: 3, criticalApplications: 2, businessFunctions: 2, platforms: 1, contractValue: 125000 },
        { uid: 'supplier:s2', name: 'Hostco', applications: 1, criticalApplications: 0, businessFunctions: 1, platforms: 1, contractValue: 50000 },
      ]);
      expect((summary as any).byOrganisation[0].applications).toMatchObject({ hhi: 6250, cr1: 75, band: 'high' });
      expect((summary as any).byOrganisation[0].contractValue).toMatchObject({ hhi: 5918.37, cr1: 71.43 });
    });

    it('when several organisations are chosen, then rows across them are marked * and the overall HHI combines them', async () => {
      const { rows, summary } = await run(driver, 'supplier-exposure', { organisation: 'gm1,gm2' });
      const across = rows.filter(row => row.organisation === '*');
      expect(pick(across, 'uid', 'applications', 'applicationsShare', 'contractValue')).toEqual([
        { uid: 'supplier:s1', applications: 2, applicationsShare: 40, contractValue: 100000 },
        { uid: 'supplier:s4', applications: 1, applicationsShare: 20, contractValue: 80000 },
        { uid: 'supplier:s2', applications: 1, applicationsShare: 20, contractValue: 50000 },
        { uid: 'supplier:s3', applications: 1, applicationsShare: 20, contractValue: 25000 },
      ]);
      // The largest supplier's share is the CR1 shown next to it (the same denominator).
      expect(across[0].applicationsShare).toBe((summary as any).overall.applications.cr1);
      expect((summary as any).overall.applications).toMatchObject({ hhi: 2800, cr1: 40, cr3: 80, band: 'high' });
      expect((summary as any).overall.contractValue).toMatchObject({ hhi: 3002.69, cr1: 39.22, cr3: 90.2, band: 'high' });
      expect((summary as any).overall.organisations).toEqual(['gm1', 'gm2']);
    });
  });

  describe('lock-in', () => {
    it('when scored per application, then every factor is explained and the scores match the hand calculation', async () => {
      const { rows } = await run(driver, 'lock-in', { organisation: 'gm1', today: TODAY });
      expect(pick(rows, 'uid', 'score')).toEqual([
        { uid: 'app:gm1/a4', score: 51.2 },
        { uid: 'app:gm1/a5', score: 50 },
        { uid: 'app:gm1/a1', score: 49.2 },
        { uid: 'app:gm1/a3', score: 46 },
        { uid: 'app:gm1/a2', score: 27.7 },
      ]);
      const a1 = rows.find(row => row.uid === 'app:gm1/a1')!.factors as any[];
      expect(a1).toEqual([
        { factor: 'closedInterfaces', value: 0.6667, raw: 2, weight: 15, contribution: 10 },
        { factor: 'noExitPlan', value: 1, raw: true, weight: 10, contribution: 10 },
        { factor: 'noDataPortability', value: 0, raw: false, weight: 10, contribution: 0 },
        { factor: 'remainingContractYears', value: 0.0657, raw: 0.33, weight: 10, contribution: 0.66 },
        { factor: 'autoRenewed', value: 0, raw: false, weight: 10, contribution: 0 },
        { factor: 'supplierHosts', value: 1, raw: true, weight: 10, contribution: 10 },
        { factor: 'dependants', value: 0.1, raw: 1, weight: 10, contribution: 1 },
        { factor: 'fewSubstitutes', value: 0.5, raw: 1, weight: 15, contribution: 7.5 },
        { factor: 'outsideEu', value: 1, raw: true, weight: 10, contribution: 10 },
      ]);
      const a4 = rows.find(row => row.uid === 'app:gm1/a4')!;
      expect(a4).toMatchObject({ autoRenewedContribution: 10, noExitPlanContribution: 0, noDataPortabilityContribution: 10 });
    });

    it('when scored per supplier, then the score is the mean over its applications', async () => {
      const { rows } = await run(driver, 'lock-in', { organisation: 'gm1', today: TODAY, level: 'supplier' });
      expect(pick(rows, 'uid', 'applications', 'score')).toEqual([
        { uid: 'supplier:s2', applications: 1, score: 51.2 },
        { uid: 'supplier:s3', applications: 1, score: 46 },
        { uid: 'supplier:s1', applications: 2, score: 38.4 },
      ]);
    });

    it('when weights are passed as JSON, then only those weights change and the score follows', async () => {
      const { rows, summary } = await run(driver, 'lock-in', { organisation: 'gm1', today: TODAY, weights: '{"weights":{"outsideEu":0,"fewSubstitutes":0,"closedInterfaces":0,"noExitPlan":0,"noDataPortability":0,"remainingContractYears":0,"autoRenewed":0,"dependants":0}}' });
      // Only "supplier also hosts" is left: a1 alone scores 100.
      expect(pick(rows, 'uid', 'score')[0]).toEqual({ uid: 'app:gm1/a1', score: 100 });
      expect(rows.slice(1).every(row => row.score === 0)).toBe(true);
      expect((summary as any).weights.supplierHosts).toBe(10);
    });
  });

  describe('single-points-of-failure', () => {
    it('when run per organisation, then articulation points, bridges and the failure ranking match the hand calculation', async () => {
      const { rows, summary } = await run(driver, 'single-points-of-failure', {});
      const gm1 = rows.filter(row => row.organisation === 'gm1');
      expect(pick(gm1, 'kind', 'uid', 'articulationPoint', 'bridges', 'failedApplications', 'failedCriticalApplications', 'failedBusinessFunctions')).toEqual([
        { kind: 'intermediary', uid: 'app:gm1/a2', articulationPoint: true, bridges: 2, failedApplications: 4, failedCriticalApplications: 2, failedBusinessFunctions: 2 },
        { kind: 'supplier', uid: 'supplier:s1', articulationPoint: false, bridges: 0, failedApplications: 4, failedCriticalApplications: 2, failedBusinessFunctions: 2 },
        { kind: 'supplier', uid: 'supplier:s2', articulationPoint: false, bridges: 0, failedApplications: 4, failedCriticalApplications: 1, failedBusinessFunctions: 3 },
        { kind: 'application', uid: 'app:gm1/a3', articulationPoint: false, bridges: 1, failedApplications: 3, failedCriticalApplications: 1, failedBusinessFunctions: 2 },
        { kind: 'application', uid: 'app:gm1/a4', articulationPoint: false, bridges: 1, failedApplications: 3, failedCriticalApplications: 1, failedBusinessFunctions: 2 },
        { kind: 'platform', uid: 'platform:p1', articulationPoint: false, bridges: 0, failedApplications: 3, failedCriticalApplications: 1, failedBusinessFunctions: 2 },
        { kind: 'platform', uid: 'platform:p2', articulationPoint: false, bridges: 0, failedApplications: 3, failedCriticalApplications: 1, failedBusinessFunctions: 2 },
        { kind: 'supplier', uid: 'supplier:s3', articulationPoint: false, bridges: 0, failedApplications: 3, failedCriticalApplications: 1, failedBusinessFunctions: 2 },
        { kind: 'application', uid: 'app:gm1/a1', articulationPoint: true, bridges: 3, failedApplications: 2, failedCriticalApplications: 1, failedBusinessFunctions: 1 },
        { kind: 'application', uid: 'app:gm1/a5', articulationPoint: false, bridges: 1, failedApplications: 1, failedCriticalApplications: 0, failedBusinessFunctions: 1 },
      ]);
      // Redundancy: losing a4 alone leaves Zaakafhandeling to a1 only when a1 fails too (it does: a1 depends on a4).
      expect(gm1.find(row => row.uid === 'app:gm1/a4')!.lostBusinessFunctions).toEqual(['Dienstverlening', 'Zaakafhandeling']);
      expect(gm1.find(row => row.uid === 'app:gm1/a3')!.lostBusinessFunctions).toEqual(['Burgerzaken', 'Dienstverlening']);
      const gm2 = rows.filter(row => row.organisation === 'gm2');
      expect(gm2.map(row => row.uid)).toEqual(['app:gm2/b1', 'platform:p1', 'platform:p2', 'supplier:s1', 'supplier:s2', 'supplier:s4']);
      expect(gm2.every(row => row.failedApplications === 1 && row.failedBusinessFunctions === 1)).toBe(true);
      const s = summary as any;
      expect(s.bridges.map((b: any) => `${b.interface} ${b.from}-${b.to}`).sort()).toEqual([
        'interface:gm1/i1 app:gm1/a2-app:gm1/a1',
        'interface:gm1/i1 app:gm1/a3-app:gm1/a2',
        'interface:gm1/i2 app:gm1/a1-app:gm1/a5',
        'interface:gm1/i3 app:gm1/a4-app:gm1/a1',
      ]);
      expect(s.articulationPoints.map((p: any) => p.uid).sort()).toEqual(['app:gm1/a1', 'app:gm1/a2']);
    });

    it('when a second interface doubles a link, then that link is no longer a bridge', async () => {
      await loadLandscape(driver, { ...fixture(), interfaces: [...fixture().interfaces, { id: 'i4', organisation: 'gm1', from: 'a5', to: 'a1', extra: {} }] }, 'test:extra', 'run-x');
      try {
        const { summary } = await run(driver, 'single-points-of-failure', { organisation: 'gm1' });
        expect((summary as any).bridges.map((b: any) => `${b.from}-${b.to}`).sort()).toEqual(['app:gm1/a2-app:gm1/a1', 'app:gm1/a3-app:gm1/a2', 'app:gm1/a4-app:gm1/a1']);
      } finally {
        await write(driver, "MATCH ()-[r:DEPENDS_ON {interface: 'interface:gm1/i4'}]->() DELETE r");
        await write(driver, "MATCH (i:Interface {uid: 'interface:gm1/i4'}) DETACH DELETE i");
      }
    });
  });

  describe('impact', () => {
    it('when a supplier fails, then everything it supplies or hosts fails, with hop distances and shortest paths', async () => {
      const { rows, summary } = await run(driver, 'impact', { node: 'supplier:s1' });
      expect(pick(rows, 'uid', 'hops', 'path')).toEqual([
        { uid: 'app:gm1/a1', hops: 1, path: ['app:gm1/a1', 'supplier:s1'] },
        { uid: 'app:gm1/a2', hops: 1, path: ['app:gm1/a2', 'supplier:s1'] },
        { uid: 'platform:p2', hops: 1, path: ['platform:p2', 'supplier:s1'] },
        { uid: 'app:gm1/a3', hops: 2, path: ['app:gm1/a3', 'app:gm1/a2', 'supplier:s1'] },
        { uid: 'app:gm1/a5', hops: 2, path: ['app:gm1/a5', 'app:gm1/a1', 'supplier:s1'] },
        { uid: 'platform:p1', hops: 2, path: ['platform:p1', 'platform:p2', 'supplier:s1'] },
        { uid: 'app:gm2/b1', hops: 3, path: ['app:gm2/b1', 'platform:p1', 'platform:p2', 'supplier:s1'] },
      ]);
      expect(rows.find(row => row.uid === 'app:gm2/b1')!.pathNames).toEqual(['Zaaksysteem Centric', 'Rekencentrum', 'Cloud', 'Acme B.V.']);
      const s = summary as any;
      expect(s.node).toEqual({ uid: 'supplier:s1', kind: 'Supplier', name: 'Acme B.V.' });
      // How each is hit: a1 and a2 come from Acme, a3 and b1 run on Rekencentrum on Acme's Cloud (a3's
      // shortest path goes through the intermediary a2, but it fails directly all the same); only a5
      // (no supplier, no platform) fails because a1 sends it data.
      expect(rows.filter(row => row.direct).map(row => row.uid)).toEqual(['app:gm1/a1', 'app:gm1/a2', 'platform:p2', 'app:gm1/a3', 'platform:p1', 'app:gm2/b1']);
      expect(pick([s.totals], 'applications', 'applicationsDirect', 'applicationsThroughInterfaces', 'criticalApplications', 'criticalApplicationsDirect', 'platforms'))
        .toEqual([{ applications: 5, applicationsDirect: 4, applicationsThroughInterfaces: 1, criticalApplications: 3, criticalApplicationsDirect: 3, platforms: 2 }]);
      expect(s.organisations).toEqual([
        { organisation: 'gm1', name: 'gm1', applications: 4, criticalApplications: 2, businessFunctionsLost: 2, businessFunctionsWeakened: 1, applicationsDirect: 3, businessFunctionsStopping: 1, businessFunctionsWeakenedDirectly: 1, businessFunctionsMissingData: 1 },
        { organisation: 'gm2', name: 'gm2', applications: 1, criticalApplications: 1, businessFunctionsLost: 1, businessFunctionsWeakened: 0, applicationsDirect: 1, businessFunctionsStopping: 1, businessFunctionsWeakenedDirectly: 0, businessFunctionsMissingData: 0 },
      ]);
      expect(pick(s.businessFunctions, 'organisation', 'uid', 'affectedApplications', 'supportingApplications', 'lostAllSupport')).toEqual([
        // Stopping first; Dienstverlening lost all support, but only through a5 that misses data: last.
        { organisation: 'gm1', uid: 'function:burgerzaken', affectedApplications: 1, supportingApplications: 1, lostAllSupport: true },
        { organisation: 'gm2', uid: 'function:zaakafhandeling', affectedApplications: 1, supportingApplications: 1, lostAllSupport: true },
        { organisation: 'gm1', uid: 'function:zaakafhandeling', affectedApplications: 1, supportingApplications: 2, lostAllSupport: false },
        { organisation: 'gm1', uid: 'function:dienstverlening', affectedApplications: 1, supportingApplications: 1, lostAllSupport: true },
      ]);
      expect(s.contracts.map((c: any) => [c.uid, c.affectedApplications])).toEqual([
        ['contract:gm1/c1', ['app:gm1/a1', 'app:gm1/a2']],
        ['contract:gm2/d1', ['app:gm2/b1']],
      ]);
      // Why each direct row is down, in one step; a5 only misses data, so it has no reason.
      // Why each direct row is down, in one step (a3 runs on Rekencentrum, whatever its shortest path); a5 only misses data.
      expect(rows.map((row: any) => [row.uid, row.directBecause && `${row.directBecause.relation} ${row.directBecause.uid}`])).toEqual([
        ['app:gm1/a1', 'suppliedBy supplier:s1'], ['app:gm1/a2', 'suppliedBy supplier:s1'], ['platform:p2', 'providedBy supplier:s1'],
        ['app:gm1/a3', 'runsOn platform:p1'], ['app:gm1/a5', null], ['platform:p1', 'runsOn platform:p2'], ['app:gm2/b1', 'runsOn platform:p1'],
      ]);
      // A function stops only through what fails directly: Dienstverlening's one application (a5) only misses data.
      expect(pick(s.businessFunctions, 'organisation', 'uid', 'directApplications', 'effect')).toEqual([
        { organisation: 'gm1', uid: 'function:burgerzaken', directApplications: 1, effect: 'stops' },
        { organisation: 'gm2', uid: 'function:zaakafhandeling', directApplications: 1, effect: 'stops' },
        { organisation: 'gm1', uid: 'function:zaakafhandeling', directApplications: 1, effect: 'weakened' },
        { organisation: 'gm1', uid: 'function:dienstverlening', directApplications: 0, effect: 'missesData' },
      ]);
      // Acme's own contract first, then that of what fails directly.
      expect(s.contracts.map((c: any) => [c.uid, c.hit])).toEqual([['contract:gm1/c1', 'own'], ['contract:gm2/d1', 'direct']]);
      // i2 (a1 → a5) breaks at its source; a5 passes nothing on, so nothing is left without data.
      expect(s.interfacesBroken.map((i: any) => [i.uid, i.failedEnds])).toEqual([['interface:gm1/i1', ['from', 'to', 'via']], ['interface:gm1/i2', ['from']], ['interface:gm1/i3', ['to']]]);
      expect(s.interfacesWithoutData).toEqual([]);
      expect(pick([s.totals], 'businessFunctionsStopping', 'businessFunctionsWeakenedDirectly', 'businessFunctionsMissingData', 'contracts', 'contractsDirect', 'interfacesBroken', 'interfacesWithoutData'))
        .toEqual([{ businessFunctionsStopping: 2, businessFunctionsWeakenedDirectly: 1, businessFunctionsMissingData: 1, contracts: 2, contractsDirect: 2, interfacesBroken: 3, interfacesWithoutData: 0 }]);
    });

    it('when maxHops is 2 and one organisation is chosen, then farther and other-organisation nodes are left out', async () => {
      const { rows } = await run(driver, 'impact', { node: 'supplier:s1', maxHops: '2', organisation: 'gm1' });
      expect(rows.map(row => row.uid)).toEqual(['app:gm1/a1', 'app:gm1/a2', 'platform:p2', 'app:gm1/a3', 'app:gm1/a5', 'platform:p1']);
      // a3 is hit directly three steps out (Cloud → Rekencentrum → a3): still direct when the answer stops at two.
      expect(rows.filter(row => !row.direct).map(row => row.uid)).toEqual(['app:gm1/a5']);
    });

    it('when a supplier group fails, then its suppliers victims fail and the path names the supplier', async () => {
      const { rows } = await run(driver, 'impact', { node: 'group:acme-holding', organisation: 'gm1' });
      expect(pick(rows, 'uid', 'hops', 'path')).toEqual([
        { uid: 'app:gm1/a1', hops: 1, path: ['app:gm1/a1', 'supplier:s1', 'group:acme-holding'] },
        { uid: 'app:gm1/a2', hops: 1, path: ['app:gm1/a2', 'supplier:s1', 'group:acme-holding'] },
        { uid: 'app:gm1/a3', hops: 1, path: ['app:gm1/a3', 'supplier:s3', 'group:acme-holding'] },
        { uid: 'platform:p2', hops: 1, path: ['platform:p2', 'supplier:s1', 'group:acme-holding'] },
        { uid: 'app:gm1/a5', hops: 2, path: ['app:gm1/a5', 'app:gm1/a1', 'supplier:s1', 'group:acme-holding'] },
        { uid: 'platform:p1', hops: 2, path: ['platform:p1', 'platform:p2', 'supplier:s1', 'group:acme-holding'] },
      ]);
    });

    it('when an application with an intermediary fails, then the intermediary is not taken down with it', async () => {
      const { rows, summary } = await run(driver, 'impact', { node: 'app:gm1/a2' });
      expect(pick(rows, 'uid', 'hops', 'direct')).toEqual([{ uid: 'app:gm1/a1', hops: 1, direct: false }, { uid: 'app:gm1/a3', hops: 1, direct: false }, { uid: 'app:gm1/a5', hops: 2, direct: false }]);
      // An application is the only one it takes down directly: the others miss data it passes on.
      expect(pick([(summary as any).totals], 'applications', 'applicationsDirect', 'applicationsThroughInterfaces')).toEqual([{ applications: 4, applicationsDirect: 1, applicationsThroughInterfaces: 3 }]);
      const { rows: fromA3 } = await run(driver, 'impact', { node: 'app:gm1/a3' });
      expect(fromA3.map(row => row.uid)).toEqual(['app:gm1/a1', 'app:gm1/a5']);
    });

    it('when the node is unknown, then NotFoundError is thrown', async () => {
      await expect(run(driver, 'impact', { node: 'supplier:nobody' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(run(driver, 'impact', { node: 'app:gm2/b1', organisation: 'gm1' })).rejects.toBeInstanceOf(NotFoundError);
    });
  });

  describe('contract-calendar', () => {
    it('when the window is the default 12 months, then notice deadlines are end minus calendar months, clamped in February', async () => {
      const { rows, summary } = await run(driver, 'contract-calendar', { today: TODAY });
      expect(pick(rows, 'uid', 'end', 'noticeDeadline', 'daysToNoticeDeadline', 'daysToEnd', 'overdue', 'autoRenew', 'supplierName', 'urgency')).toEqual([
        // c1 covers business-critical applications and its notice deadline is within a quarter: to act on now,
        // before c2, which is past its notice deadline but covers nothing business-critical.
        { uid: 'contract:gm1/c1', end: '2027-03-31', noticeDeadline: '2027-02-28', daysToNoticeDeadline: 89, daysToEnd: 120, overdue: false, autoRenew: true, supplierName: 'Acme B.V.', urgency: 'noticeNow' },
        { uid: 'contract:gm1/c2', end: '2026-12-31', noticeDeadline: '2026-09-30', daysToNoticeDeadline: -62, daysToEnd: 30, overdue: true, autoRenew: true, supplierName: 'Hostco', urgency: 'noticePassed' },
      ]);
      // d1 (no automatic renewal, 12 months' notice) ends 29-02-2028, after the window: it has no notice
      // deadline to bring it in (28-02-2027 would be one if it renewed by itself).
      expect(rows.map(row => row.uid)).not.toContain('contract:gm2/d1');
      expect(rows[0].applications).toEqual([
        { uid: 'app:gm1/a1', name: 'Zaaksysteem', criticality: 'high', lockIn: 49.2 },
        { uid: 'app:gm1/a2', name: 'Makelaar', criticality: 'critical', lockIn: 27.7 },
      ]);
      expect(rows[0].criticalApplications).toBe(2);
      expect(summary).toEqual({ from: TODAY, to: '2027-12-01', today: TODAY, contracts: 2, overdue: 1 });
    });

    it('when contracts covering business-critical applications are past their notice deadline, then those come first, marked to act on now: by giving notice, or by arranging what follows one that ends', async () => {
      // 10-03-2027: c1 (Zaaksysteem, Makelaar; renews) is past its notice deadline of 28-02-2027. d1 (Zaaksysteem
      // Centric) does not renew, so it has no notice deadline and cannot be overdue, though its 12-month notice
      // period has begun: it ends 29-02-2028, later than a quarter from now. c2 renewed on 31-12-2026 until
      // 31-12-2027 (notice by 30-09-2027); c3 does not renew and ends 30-06-2028, after the window.
      const { rows } = await run(driver, 'contract-calendar', { today: '2027-03-10' });
      expect(pick(rows, 'uid', 'urgency', 'end', 'noticeDeadline', 'daysToNoticeDeadline', 'overdue')).toEqual([
        { uid: 'contract:gm1/c1', urgency: 'actNow', end: '2027-03-31', noticeDeadline: '2027-02-28', daysToNoticeDeadline: -10, overdue: true },
        { uid: 'contract:gm1/c2', urgency: 'noticeLater', end: '2027-12-31', noticeDeadline: '2027-09-30', daysToNoticeDeadline: 204, overdue: false },
        { uid: 'contract:gm2/d1', urgency: 'endsLater', end: '2028-02-29', noticeDeadline: null, daysToNoticeDeadline: null, overdue: false },
      ]);
      // 10-12-2027: d1 ends within a quarter and covers the business-critical Zaaksysteem: arrange what follows now.
      // c1, renewed until 31-03-2028, must be cancelled by 29-02-2028: the same work now, so ranked with d1 and
      // ordered by the date to act by (here the same day, then by uid).
      const later = await run(driver, 'contract-calendar', { today: '2027-12-10' });
      expect(pick(later.rows, 'uid', 'urgency', 'end', 'noticeDeadline').slice(0, 2)).toEqual([
        { uid: 'contract:gm1/c1', urgency: 'noticeNow', end: '2028-03-31', noticeDeadline: '2028-02-29' },
        { uid: 'contract:gm2/d1', urgency: 'followUpNow', end: '2028-02-29', noticeDeadline: null },
      ]);
    });

    it('when the window is narrowed, then only contracts with a notice deadline or end date inside it remain (one without automatic renewal only by its end date), and those past their notice deadline while it holds today', async () => {
      const { rows } = await run(driver, 'contract-calendar', { today: TODAY, from: '2027-12-15', to: '2028-12-31', organisation: 'gm1' });
      expect(pick(rows, 'uid', 'end', 'noticeDeadline', 'overdue')).toEqual([{ uid: 'contract:gm1/c3', end: '2028-06-30', noticeDeadline: null, overdue: false }]);
      // c3 (no automatic renewal, 6 months' notice) is in a window by its end date only, not by 30-12-2027.
      const december = await run(driver, 'contract-calendar', { today: TODAY, from: '2027-12-15', to: '2028-01-31', organisation: 'gm1' });
      expect(december.rows).toEqual([]);
      // c2 is past its notice deadline (30-09-2026) and runs until 31-12-2026: to act on now, so in a window
      // that holds today though neither date is in it; not in one that starts after today.
      const fortnight = await run(driver, 'contract-calendar', { today: TODAY, from: TODAY, to: '2026-12-15', organisation: 'gm1' });
      expect(pick(fortnight.rows, 'uid', 'overdue', 'urgency')).toEqual([{ uid: 'contract:gm1/c2', overdue: true, urgency: 'noticePassed' }]);
      const later = await run(driver, 'contract-calendar', { today: TODAY, from: '2026-12-02', to: '2026-12-15', organisation: 'gm1' });
      expect(later.rows).toEqual([]);
      await expect(run(driver, 'contract-calendar', { from: '2028-01-01', to: '2027-01-01' })).rejects.toThrow(/before/);
    });
  });

  describe('what-if', () => {
    it('when a supplier is removed, then its victims fail, functions without support are lost, interfaces break and HHI shifts', async () => {
      const { rows, summary } = await run(driver, 'what-if', { remove: 'supplier:s2', organisation: 'gm1', today: TODAY });
      // Hostco supplies a4 and hosts Rekencentrum (a1, a3): those fail directly; a5 only misses a1's data.
      expect(pick(rows, 'uid', 'hops', 'direct', 'failed', 'lockInBefore', 'lockInAfter')).toEqual([
        { uid: 'app:gm1/a4', hops: 1, direct: true, failed: true, lockInBefore: 51.2, lockInAfter: 51 },
        { uid: 'app:gm1/a1', hops: 2, direct: true, failed: true, lockInBefore: 49.2, lockInAfter: 49.2 },
        { uid: 'app:gm1/a3', hops: 2, direct: true, failed: true, lockInBefore: 46, lockInAfter: 46 },
        { uid: 'app:gm1/a5', hops: 3, direct: false, failed: true, lockInBefore: 50, lockInAfter: 50 },
      ]);
      const s = summary as any;
      expect(s.businessFunctionsLost.map((f: any) => f.uid)).toEqual(['function:burgerzaken', 'function:dienstverlening', 'function:zaakafhandeling']);
      expect(s.interfacesBroken.map((i: any) => [i.uid, i.failedEnds])).toEqual([
        ['interface:gm1/i1', ['from', 'to']],
        ['interface:gm1/i2', ['from', 'to']],
        ['interface:gm1/i3', ['from', 'to']],
      ]);
      expect(s.hhi.byOrganisation[0].before.applications.hhi).toBe(3750);
      expect(s.hhi.byOrganisation[0].after.applications.hhi).toBe(5555.56);
      expect(s.hhi.byOrganisation[0].before.contractValue.hhi).toBe(4285.71);
      expect(s.hhi.byOrganisation[0].after.contractValue.hhi).toBe(6800);
    });

    it('when a supplier is replaced, then nothing fails and its share moves to the replacement', async () => {
      const { rows, summary } = await run(driver, 'what-if', { remove: 'supplier:s2', replaceWith: 'supplier:s4', today: TODAY });
      expect(rows.every(row => row.failed === false)).toBe(true);
      expect(rows.map(row => row.uid).sort()).toEqual(['app:gm1/a1', 'app:gm1/a3', 'app:gm1/a4', 'app:gm1/a5', 'app:gm2/b1']);
      const s = summary as any;
      expect(s.businessFunctionsLost).toEqual([]);
      expect(s.interfacesBroken).toEqual([]);
      expect(s.hhi.overall.before.applications.hhi).toBe(2800);
      expect(s.hhi.overall.after.applications.hhi).toBe(3600);
    });

    it('when a platform is removed, then what runs on it fails but a function with a surviving application is kept', async () => {
      const { rows, summary } = await run(driver, 'what-if', { remove: 'platform:p1', organisation: 'gm1', today: TODAY });
      expect(rows.map(row => row.uid)).toEqual(['app:gm1/a1', 'app:gm1/a3', 'app:gm1/a5']);
      expect((summary as any).businessFunctionsLost.map((f: any) => f.uid)).toEqual(['function:burgerzaken', 'function:dienstverlening']);
      // a1 no longer runs on the US cloud, and its supplier no longer hosts it.
      const a1 = rows.find(row => row.uid === 'app:gm1/a1')!;
      expect(a1.lockInAfter).toBe(29.2);
    });

    it('when what-if rewrites the landscape, then the cached snapshot it shares lists with is left as it was', async () => {
      // The snapshot shares id lists between applications and what-if swaps each shared list once: a list
      // changed in place would change every other analysis answered from the same snapshot.
      const landscape = await fetchLandscape(driver, null);
      const copy = structuredClone(landscape);
      for (const query of [{ remove: 'supplier:s2' }, { remove: 'supplier:s2', replaceWith: 'supplier:s4' }, { remove: 'platform:p1' }, { remove: 'platform:p1', replaceWith: 'platform:p2' }]) {
        const computed = getAnalysis('what-if')!;
        await computed.run(driver, computed.params.parse({ ...query, today: TODAY }));
      }
      expect(await fetchLandscape(driver, null)).toBe(landscape);
      expect(landscape).toEqual(copy);
    });

    it('when the node to remove is unknown or the replacement is of another kind, then it is refused', async () => {
      await expect(run(driver, 'what-if', { remove: 'supplier:nobody' })).rejects.toBeInstanceOf(NotFoundError);
      await expect(run(driver, 'what-if', { remove: 'supplier:s2', replaceWith: 'platform:p1' })).rejects.toThrow(/same kind|must be a Supplier/);
    });
  });

  describe('ended contracts', () => {
    it('when a contract has ended, then its value counts in no supplier share and its exit plan helps no lock-in score', async () => {
      const exposureOf = async () => (await run(driver, 'supplier-exposure', { organisation: 'gm1' })).rows.find(row => row.uid === 'supplier:s3')!;
      const lockInOf = async () => (await run(driver, 'lock-in', { organisation: 'gm1', today: TODAY })).rows.find(row => row.uid === 'app:gm1/a3')!;
      const [exposureBefore, lockInBefore] = [await exposureOf(), await lockInOf()];
      // Burgerzaken had a contract with an exit plan that ended in January; worth more than all others together.
      await write(driver, `MATCH (a:Application {uid: 'app:gm1/a3'}), (s:Supplier {uid: 'supplier:s3'})
        CREATE (c:Entity:Contract {uid: 'contract:gm1/old', id: 'old', organisation: 'gm1', end: date('2026-01-31'), autoRenew: false, annualValue: 999999.0, exitPlan: true, dataPortability: true})-[:COVERS]->(a),
               (c)-[:WITH]->(s)`);
      try {
        expect(await exposureOf()).toEqual(exposureBefore);
        const lockIn = await lockInOf();
        expect(lockIn.score).toBe(lockInBefore.score);
        const factor = (row: Record<string, unknown>, name: string) => (row.factors as { factor: string; raw: unknown }[]).find(f => f.factor === name)!.raw;
        expect([factor(lockIn, 'noExitPlan'), factor(lockIn, 'noDataPortability')]).toEqual([true, true]);
        // The day before it ended it counted: its value, and its exit plan.
        const running = (await run(driver, 'lock-in', { organisation: 'gm1', today: '2026-01-30' })).rows.find(row => row.uid === 'app:gm1/a3')!;
        expect(factor(running, 'noExitPlan')).toBe(false);
      } finally {
        await write(driver, "MATCH (c:Contract {uid: 'contract:gm1/old'}) DETACH DELETE c");
      }
    });
  });

  describe('data-quality', () => {
    it('when the landscape has gaps, then each check lists its findings', async () => {
      await write(driver, "MATCH (a:Application {uid: 'app:gm1/a1'}) CREATE (:Entity:Interface {uid: 'interface:gm1/ghost', id: 'ghost', organisation: 'gm1'})-[:FROM]->(a)");
      await write(driver, "CREATE (:Entity:Application {uid: 'app:gm1/a6', id: 'a6', name: 'Belastingen', organisation: 'gm1', criticality: 'critical'})");
      try {
        const { rows, summary } = await run(driver, 'data-quality', {});
        expect(pick(rows, 'check', 'uid', 'severity')).toEqual([
          { check: 'application-without-platform', uid: 'app:gm1/a2', severity: 'info' },
          { check: 'application-without-platform', uid: 'app:gm1/a4', severity: 'info' },
          { check: 'application-without-platform', uid: 'app:gm1/a5', severity: 'info' },
          { check: 'application-without-platform', uid: 'app:gm1/a6', severity: 'info' },
          { check: 'application-without-supplier', uid: 'app:gm1/a5', severity: 'warning' },
          { check: 'application-without-supplier', uid: 'app:gm1/a6', severity: 'warning' },
          { check: 'contract-covers-nothing', uid: 'contract:gm1/c3', severity: 'warning' },
          { check: 'critical-application-without-contract', uid: 'app:gm1/a6', severity: 'warning' },
          { check: 'interface-to-unknown-application', uid: 'interface:gm1/ghost', severity: 'error' },
          { check: 'duplicate-supplier', uid: 'supplier:s2', severity: 'warning' },
        ]);
        expect(rows.find(row => row.check === 'interface-to-unknown-application')!.detail).toMatch(/Missing TO/);
        expect(rows.find(row => row.check === 'duplicate-supplier')!.other).toBe('supplier:s5');
        expect((summary as any).checks['application-without-platform']).toBe(4);
        const { rows: gm2 } = await run(driver, 'data-quality', { organisation: 'gm2' });
        expect(gm2).toEqual([]);
      } finally {
        await write(driver, "MATCH (n:Entity) WHERE n.uid IN ['interface:gm1/ghost', 'app:gm1/a6'] DETACH DELETE n");
      }
    });

    it('when a business-critical application\'s contracts have all ended, then it is listed as having no running contract, with the last end date', async () => {
      // Alarmering's only contract ended in August: it was in no calendar window and not listed here.
      await write(driver, `CREATE (a7:Entity:Application {uid: 'app:gm1/a7', id: 'a7', name: 'Alarmering', organisation: 'gm1', criticality: 'high'}),
        (a8:Entity:Application {uid: 'app:gm1/a8', id: 'a8', name: 'Parkeren', organisation: 'gm1', criticality: 'critical'}),
        (:Entity:Contract {uid: 'contract:gm1/old', id: 'old', organisation: 'gm1', end: date('2025-12-31'), autoRenew: false})-[:COVERS]->(a7),
        (:Entity:Contract {uid: 'contract:gm1/last', id: 'last', organisation: 'gm1', end: date('2026-08-26'), autoRenew: false})-[:COVERS]->(a7),
        (:Entity:Contract {uid: 'contract:gm1/rolls', id: 'rolls', organisation: 'gm1', end: date('2026-08-26'), autoRenew: true})-[:COVERS]->(a8)`);
      try {
        const listed = async (today: string) => (await run(driver, 'data-quality', { today })).rows.filter(row => row.check === 'critical-application-without-contract' && ['app:gm1/a7', 'app:gm1/a8'].includes(String(row.uid)));
        // On the day it ends a contract still runs; the one that renews by itself runs on.
        expect(await listed('2026-08-26')).toEqual([]);
        const after = await listed('2026-08-27');
        expect(after.map(row => [row.uid, row.detail])).toEqual([['app:gm1/a7', 'Business-critical (high) but its last contract ended on 2026-08-26 / Bedrijfskritisch, laatste contract beëindigd op 2026-08-26']]);
        expect(dataQualityDetail(after[0], 'nl')).toBe('Bedrijfskritisch (hoog), maar het laatste contract voor deze applicatie is beëindigd op 26-08-2026');
        expect(dataQualityDetail(after[0], 'en')).toBe('Business-critical (high), but the last contract for this application ended on 26 Aug 2026');
      } finally {
        await write(driver, "MATCH (n:Entity) WHERE n.uid IN ['app:gm1/a7', 'app:gm1/a8', 'contract:gm1/old', 'contract:gm1/last', 'contract:gm1/rolls'] DETACH DELETE n");
      }
    });
  });
});
