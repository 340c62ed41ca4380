// The report's first page for a platform: a platform is never an articulation point of the application
// graph, yet the platform everything runs on can be the landscape's worst single point of failure.
import type { Driver } from 'neo4j-driver';
import { defaultServices } from '../../server/app.js';
import { reportAnswer } from '../../server/reports/answer.js';
import { contractName } from '../../server/reports/contract-name.js';
import { reportData } from '../../server/reports/report-data.js';
import { actionsTable, cellText, reportSections } from '../../server/reports/sections.js';
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

  it('when contracts are to act on, then they come in the contract calendar\'s order: business-critical now, the rest of the quarter and the overdue, then the next dates', async () => {
    const data = await reportData(driver, defaultServices().analyses, 'platform:p1');
    // As the report data has them: only a contract that renews automatically has a notice deadline.
    const contract = (uid: string, end: string, noticeDeadline: string | null, critical = false) => ({
      uid, id: uid, organisation: 'gm1', start: '2024-01-01', end, noticeMonths: 3, autoRenew: noticeDeadline !== null, annualValue: 1000, exitPlan: null, dataPortability: null, noticeDeadline, suppliers: ['Grutto'], applications: ['Zaaksysteem'], critical,
    });
    const contracts = [
      contract('c-0145', '2027-03-26', '2026-12-26'), // renews; notice by 26-12-2026
      contract('c-0200', '2027-06-30', null), // does not renew; ends after the quarter
      contract('c-0001', '2026-12-29', null), // does not renew; ends within the quarter
      contract('c-0150', '2026-12-15', '2026-08-15'), // renews; notice deadline passed, still running
      contract('c-0300', '2027-04-20', '2027-01-20', true), // renews, business-critical; notice by 20-01-2027
      contract('c-0009', '2026-11-01', null), // ended
    ];
    const answer = reportAnswer({ ...data, today: '2026-12-04', contracts }, 'nl');
    // The critical one first although its deadline is the latest of the quarter, as the calendar's "Nu regelen";
    // then by the date to act by: the overdue one's end (15-12), a notice deadline (26-12), an end (29-12).
    expect(answer.actions.map(c => c.uid)).toEqual(['c-0300', 'c-0150', 'c-0145', 'c-0001', 'c-0200']);
    // Each says how soon, in the calendar's words, so the order can be read (page and PDF share this table).
    const actions = actionsTable({ ...data, today: '2026-12-04', contracts }, 'nl', answer.actions);
    expect(actions.columns.map(c => c.header)).toEqual(['Status', 'Contract', 'Uiterste opzegdatum', 'Einddatum', 'Verlengt stilzwijgend tenzij opgezegd', 'Jaarwaarde']);
    expect(actions.rows.map(row => cellText(actions.columns[0], row, 'nl', data))).toEqual([
      'Nu regelen: binnen 3 maanden opzeggen, bedrijfskritisch', 'Opzegdatum verstreken', 'Binnen 3 maanden opzeggen', 'Loopt binnenkort af', 'Loopt later af: nog tijd',
    ]);
    // The status says the notice deadline passed; the name beside it does not repeat it (it does in the Contracten table).
    expect(cellText(actions.columns[1], actions.rows[1], 'nl', data)).toBe('Grutto – Zaaksysteem (c-0150)');
    expect(answer.risks).toContain('Bij 1 lopend contract is de uiterste opzegdatum verstreken; het wordt stilzwijgend verlengd.');
    expect(reportAnswer({ ...data, today: '2026-12-04', contracts: [...contracts, contract('c-0151', '2027-01-15', '2026-10-15')] }, 'en').risks)
      .toContain('2 running contracts are past their notice deadline; they renew automatically.');
    // Every one to act on within the quarter, also more than the eight the first page lists otherwise; not the
    // contract that ends after it (c-0200).
    const many = Array.from({ length: 10 }, (_, i) => contract(`c-01${String(i).padStart(2, '0')}`, `2027-01-${String(10 + i)}`, null));
    expect(reportAnswer({ ...data, today: '2026-12-04', contracts: [...contracts, ...many] }, 'nl').actions.map(c => c.uid))
      .toEqual(['c-0300', 'c-0150', 'c-0145', 'c-0001', ...many.map(c => c.uid)]);
    // The tables say "n.v.t." where a contract has no notice deadline, as the calendar does, not an empty cell.
    const table = reportSections({ ...data, today: '2026-12-04', contracts }, 'nl').find(section => section.id === 'contracts')!;
    const column = table.columns.find(c => c.key === 'noticeDeadline')!;
    const cell = (uid: string) => cellText(column, table.rows.find(row => row.uid === uid)!, 'nl', data);
    expect([cell('c-0001'), cell('c-0145')]).toEqual(['n.v.t.', '26-12-2026']);
    const action = (uid: string) => answer.actions.find(c => c.uid === uid)!;
    expect(contractName(action('c-0150'), 'nl', '2026-12-04')).toBe('Grutto – Zaaksysteem (c-0150), opzegdatum verstreken');
    // It does not renew by itself: it ends, and has no deadline to miss (the contract calendar says the same).
    expect(contractName(action('c-0001'), 'nl', '2026-12-04')).toBe('Grutto – Zaaksysteem (c-0001)');
    expect(contractName(action('c-0145'), 'en', '2026-12-04')).toBe('Grutto – Zaaksysteem (c-0145)');
  });

  it('when a supplier\'s report lists its contracts, then each is business-critical exactly when the contract calendar counts a critical application of it', async () => {
    const data = await reportData(driver, defaultServices().analyses, 'supplier:s1');
    const calendar = defaultServices().analyses.find(a => a.name === 'contract-calendar')!;
    const rows = (await calendar.run(driver, calendar.params.parse({ from: '2000-01-01', to: '2100-01-01' }))).rows;
    const criticalInCalendar = new Map(rows.map(row => [String(row.uid), Number(row.criticalApplications) > 0]));
    const compared = data.contracts.filter(c => criticalInCalendar.has(c.uid));
    expect(compared.length).toBeGreaterThan(1);
    expect(new Set(compared.map(c => c.critical))).toEqual(new Set([true, false]));
    for (const c of compared) expect([c.uid, c.critical]).toEqual([c.uid, criticalInCalendar.get(c.uid)]);
  });

  it('when one of a subject\'s contracts has ended, then its sentence, figure and exit plans count the running ones and say how many ended', async () => {
    const data = await reportData(driver, defaultServices().analyses, 'platform:p1');
    const contract = (uid: string, end: string, annualValue: number, exitPlan: boolean) => ({
      uid, id: uid, organisation: 'gm1', start: '2024-01-01', end, noticeMonths: 3, autoRenew: false, annualValue, exitPlan, dataPortability: null, noticeDeadline: null, suppliers: ['Grutto'], applications: ['Zaaksysteem'],
    });
    // The ended one had the only exit plan: a user read "4 van de 5 hebben geen exitplan" and a total with its value.
    const contracts = [contract('c-1', '2027-05-01', 1000, false), contract('c-2', '2027-06-01', 2500, false), contract('c-3', '2026-08-26', 40000, true)];
    // Amounts come with a non-breaking space after the euro sign.
    const plain = (answer: ReturnType<typeof reportAnswer>) => ({ ...answer, sentences: answer.sentences.map(s => s.replace(/\u00a0/g, ' ')), figures: answer.figures.map(f => ({ ...f, value: f.value.replace(/\u00a0/g, ' ') })) });
    const nl = plain(reportAnswer({ ...data, today: '2026-12-04', contracts }, 'nl'));
    expect(nl.sentences).toContain('Roer kent 2 lopende contracten, samen € 3.500 per jaar; 1 contract is beëindigd.');
    expect(nl.risks).toContain('Geen van de lopende contracten heeft een exitplan.');
    expect(nl.figures.find(f => f.label === 'contractwaarde per jaar')?.value).toBe('€ 3.500');
    const en = plain(reportAnswer({ ...data, today: '2026-12-04', contracts: [contracts[0], contracts[2]] }, 'en'));
    expect(en.sentences).toContain('Roer knows of 1 running contract, €1,000 a year; 1 contract has ended.');
    expect(en.risks).toContain('The running contract has no exit plan.');
    const ended = reportAnswer({ ...data, today: '2026-12-04', contracts: [contracts[2]] }, 'nl');
    expect(ended.sentences).toContain('Roer kent geen lopend contract; 1 contract is beëindigd.');
    expect(ended.risks.some(risk => risk.includes('exitplan'))).toBe(false);
    expect(ended.figures.some(f => f.label === 'contractwaarde per jaar')).toBe(false);
    // Two running, one of them with an exit plan.
    expect(reportAnswer({ ...data, today: '2026-12-04', contracts: [contracts[0], { ...contracts[1], exitPlan: true }, contracts[2]] }, 'nl').risks)
      .toContain('1 van de 2 lopende contracten heeft geen exitplan.');
  });

  it('when the lock-in factors are rounded, then the report shows the contributions as the side panel does, adding up to the score', async () => {
    const data = await reportData(driver, defaultServices().analyses, 'platform:p1');
    // 5,56 + 27,46 = 33,02: rounded one by one 5,6 + 27,5 = 33,1 beside a score of 33,0 (the panel showed 5,5).
    const lockIn = { score: 33.0, factors: [
      { factor: 'remainingContractYears', value: 0.556, raw: 3, weight: 10, contribution: 5.56 },
      { factor: 'noExitPlan', value: 1, raw: true, weight: 30, contribution: 27.46 },
    ] };
    const risks = reportAnswer({ ...data, lockIn }, 'nl').risks;
    expect(risks.find(risk => risk.startsWith('Resterende contractjaren'))).toMatch(/^Resterende contractjaren: 5,5 van de 33(,0)? punten$/);
    const section = reportSections({ ...data, lockIn }, 'nl').find(s => s.id === 'lockIn')!;
    expect(section.rows.map(row => [row.factor, row.contribution])).toEqual([['noExitPlan', 27.5], ['remainingContractYears', 5.5]]);
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
