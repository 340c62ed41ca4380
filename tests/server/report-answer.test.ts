// The report's first page for a platform: a platform is never an articulation point of the application
// graph, yet the platform everything runs on can be the landscape's worst single point of failure.
import type { Driver } from 'neo4j-driver';
import { defaultServices } from '../../server/app.js';
import { reportAnswer } from '../../server/reports/answer.js';
import { contractName } from '../../server/reports/contract-name.js';
import { reportData } from '../../server/reports/report-data.js';
import { cellText, reportSections } from '../../server/reports/sections.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { loadFixture } from './support.js';

describe('report answer', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await loadFixture(driver);
  });
  afterAll(async () => driver.close());

  it('when the report of a platform that takes applications down is made, then its largest risk says so', async () => {
    const data = await reportData(driver, defaultServices().analyses, 'platform:p1');
    const own = data.spofs.find(row => row.uid === 'platform:p1');
    expect(Number(own?.failedApplications)).toBeGreaterThan(0);
    const { risks } = reportAnswer(data, 'nl');
    expect(risks[0]).toMatch(/^Rekencentrum is kwetsbaar punt nummer \d+ van het landschap: als het uitvalt, /);
    expect(reportAnswer(data, 'en').risks[0]).toMatch(/^Rekencentrum is single point of failure number \d+ of the landscape: if it fails, /);
    // What fails is said as the summary says it: directly apart from what only misses data (a user read one number beside a split).
    const applications = data.dependants.filter(row => row.kind === 'Application');
    const direct = applications.filter(row => row.direct).length;
    const platforms = data.dependants.length - applications.length;
    const through = applications.length - direct;
    expect(direct).toBeGreaterThan(0);
    const what = [direct ? `${direct} applicatie${direct === 1 ? '' : 's'}` : null, platforms ? `${platforms} platform${platforms === 1 ? '' : 's'}` : null].filter(Boolean).join(' en ');
    const fail = `${direct + platforms === 1 ? 'valt' : 'vallen'} ${what} direct uit${through ? ` en ${through === 1 ? 'mist 1 applicatie' : `missen ${through} applicaties`} gegevens via koppelingen` : ''}`;
    expect(risks[0]).toContain(`als het uitvalt, ${fail}`);
  });

  it('when an organisation\'s report names its single points of failure, then each says what fails directly apart from what only misses data, and which functions stop', async () => {
    const data = await reportData(driver, defaultServices().analyses, 'org:gm1');
    const { risks } = reportAnswer(data, 'nl');
    const split = data.spofs.filter(row => Number(row.directlyFailedApplications) < Number(row.failedApplications))
      .filter(row => risks.some(risk => risk.startsWith(`${row.name} (`)));
    expect(split.length).toBeGreaterThan(0);
    for (const row of split) {
      const [direct, through] = [Number(row.directlyFailedApplications), Number(row.failedApplications) - Number(row.directlyFailedApplications)];
      const risk = risks.find(one => one.startsWith(`${row.name} (`))!;
      expect(risk).toContain(`${direct === 1 ? 'valt 1 applicatie' : `vallen ${direct} applicaties`} direct uit en ${through === 1 ? 'mist 1 applicatie' : `missen ${through} applicaties`} gegevens via koppelingen`);
      const stopping = row.stoppingBusinessFunctions as string[];
      if (stopping.length === 0) expect(risk).toContain('geen bedrijfsfunctie stopt helemaal');
    }
  });

  it('when contracts are to act on, then first those past their notice deadline and those ending within a quarter without renewal, then the next dates', async () => {
    const data = await reportData(driver, defaultServices().analyses, 'platform:p1');
    // As the report data has them: only a contract that renews automatically has a notice deadline.
    const contract = (uid: string, end: string, noticeDeadline: string | null) => ({
      uid, id: uid, organisation: 'gm1', start: '2024-01-01', end, noticeMonths: 3, autoRenew: noticeDeadline !== null, annualValue: 1000, exitPlan: null, dataPortability: null, noticeDeadline, suppliers: ['Grutto'], applications: ['Zaaksysteem'],
    });
    const contracts = [
      contract('c-0145', '2027-03-26', '2026-12-26'), // renews; notice by 26-12-2026
      contract('c-0200', '2027-06-30', null), // does not renew; ends after the quarter
      contract('c-0001', '2026-12-29', null), // does not renew; ends within the quarter
      contract('c-0150', '2026-12-15', '2026-08-15'), // renews; notice deadline passed, still running
      contract('c-0009', '2026-11-01', null), // ended
    ];
    const answer = reportAnswer({ ...data, today: '2026-12-04', contracts }, 'nl');
    expect(answer.actions.map(c => c.uid)).toEqual(['c-0150', 'c-0001', 'c-0145', 'c-0200']);
    expect(answer.risks).toContain('Bij 1 lopend contract is de uiterste opzegdatum verstreken; het wordt stilzwijgend verlengd.');
    expect(reportAnswer({ ...data, today: '2026-12-04', contracts: [...contracts, contract('c-0151', '2027-01-15', '2026-10-15')] }, 'en').risks)
      .toContain('2 running contracts are past their notice deadline; they renew automatically.');
    // Every one to act on now, also more than the eight the first page lists otherwise; then every notice
    // deadline of the coming quarter (c-0145), not the contract that ends after it (c-0200).
    const many = Array.from({ length: 10 }, (_, i) => contract(`c-01${String(i).padStart(2, '0')}`, `2027-01-${String(10 + i)}`, null));
    expect(reportAnswer({ ...data, today: '2026-12-04', contracts: [...contracts, ...many] }, 'nl').actions.map(c => c.uid))
      .toEqual(['c-0150', 'c-0001', ...many.map(c => c.uid), 'c-0145']);
    // The tables say "n.v.t." where a contract has no notice deadline, as the calendar does, not an empty cell.
    const table = reportSections({ ...data, today: '2026-12-04', contracts }, 'nl').find(section => section.id === 'contracts')!;
    const column = table.columns.find(c => c.key === 'noticeDeadline')!;
    const cell = (uid: string) => cellText(column, table.rows.find(row => row.uid === uid)!, 'nl', data);
    expect([cell('c-0001'), cell('c-0145')]).toEqual(['n.v.t.', '26-12-2026']);
    const [overdue, ending, next] = answer.actions;
    expect(contractName(overdue, 'nl', '2026-12-04')).toBe('Grutto – Zaaksysteem (c-0150), opzegdatum verstreken');
    // It does not renew by itself: it ends, and has no deadline to miss (the contract calendar says the same).
    expect(contractName(ending, 'nl', '2026-12-04')).toBe('Grutto – Zaaksysteem (c-0001)');
    expect(contractName(next, 'en', '2026-12-04')).toBe('Grutto – Zaaksysteem (c-0145)');
  });

  it('when a report names its subject\'s place among the single points of failure, then it is the place the ranking gives it', async () => {
    const spof = defaultServices().analyses.find(a => a.name === 'single-points-of-failure')!;
    // As the report asks it for a subject that is not an organisation: the whole ranking.
    const ranking = (await spof.run(driver, spof.params.parse({ limit: 0 }))).rows;
    for (const uid of ['platform:p1', ...ranking.slice(1, 4).map(row => String(row.uid))]) {
      const data = await reportData(driver, defaultServices().analyses, uid);
      const own = data.spofs.find(row => row.uid === uid);
      if (!own || Number(own.failedApplications) === 0 || own.articulationPoint) continue;
      const place = ranking.findIndex(row => row.uid === uid) + 1;
      expect(reportAnswer(data, 'nl').risks).toContainEqual(expect.stringContaining(`kwetsbaar punt nummer ${place} van het landschap`));
    }
  });
});
