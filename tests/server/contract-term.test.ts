// A contract with stilzwijgende verlenging whose end date passed without notice has renewed: the
// calendar, the side panel (node detail), the report and lock-in all show its current term.
// Dates below are computed by hand.
import { jest } from '@jest/globals';
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { currentTerm } from '../../server/analyses/contract-term.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, request } from './support.js';

describe('the current term of a contract', () => {
  it('when an auto-renewing contract ended on 06-09-2026 and today is 03-12-2026, then it runs until 06-09-2027 with notice by 06-06-2027', () => {
    expect(currentTerm({ end: '2026-09-06', noticeMonths: 3, autoRenew: true }, '2026-12-03')).toEqual({ end: '2027-09-06', noticeDeadline: '2027-06-06', renewed: true, contractEnd: '2026-09-06' });
  });
  it('when it ended two years ago, then it renewed twice; 29 February rolls to 28 February', () => {
    expect(currentTerm({ end: '2024-09-06', noticeMonths: 1, autoRenew: true }, '2026-12-03')?.end).toBe('2027-09-06');
    expect(currentTerm({ end: '2024-02-29', noticeMonths: 1, autoRenew: true }, '2026-03-01')).toEqual({ end: '2027-02-28', noticeDeadline: '2027-01-28', renewed: true, contractEnd: '2024-02-29' });
  });
  it('when it does not renew automatically, or has not ended yet, then its term is the written one; one that does not renew has no notice deadline', () => {
    expect(currentTerm({ end: '2026-09-06', noticeMonths: 3, autoRenew: false }, '2026-12-03')).toEqual({ end: '2026-09-06', noticeDeadline: null, renewed: false, contractEnd: '2026-09-06' });
    expect(currentTerm({ end: '2027-09-06', noticeMonths: 3, autoRenew: false }, '2026-12-03')?.noticeDeadline).toBeNull();
    expect(currentTerm({ end: '2027-09-06', noticeMonths: 3, autoRenew: true }, '2026-12-03')?.noticeDeadline).toBe('2027-06-06');
    expect(currentTerm({ end: '2026-12-03', noticeMonths: 0, autoRenew: true }, '2026-12-03')?.renewed).toBe(false);
    expect(currentTerm({ end: null, noticeMonths: 3, autoRenew: true }, '2026-12-03')).toBeNull();
  });
});

describe('a renewed contract over the API', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    const landscape = Landscape.parse({
      suppliers: [{ id: 'tureluur', name: 'Tureluur Software B.V.' }],
      applications: [{ id: 'a1', organisation: 'gm1', name: 'Vergunningen', supplier: 'tureluur' }],
      contracts: [
        { id: 'c-0147', organisation: 'gm1', supplier: 'tureluur', applications: 'a1', end: '06-09-2026', noticeMonths: '3', autoRenew: 'ja', annualValue: '1000' },
        { id: 'c-0148', organisation: 'gm1', supplier: 'tureluur', applications: 'a1', end: '06-09-2026', noticeMonths: '3', autoRenew: 'nee', annualValue: '1000' },
      ],
    });
    const report = await importLandscape(driver, landscape, { source: 'csv:term', user: 'test' });
    if (!report.ok) throw new Error(JSON.stringify(report.issues));
    app = appFor(driver);
  });
  afterAll(async () => {
    jest.useRealTimers();
    await driver.close();
  });

  it('when the calendar is asked on 03-12-2026, then c-0147 is in it, renewed until 06-09-2027, and the ended c-0148 is not', async () => {
    const response = await request(app).get('/api/analyses/contract-calendar').query({ today: '2026-12-03' });
    expect(response.status).toBe(200);
    expect(response.body.rows.map((r: Record<string, unknown>) => [r.name, r.contractEnd, r.end, r.noticeDeadline, r.renewed, r.daysToNoticeDeadline, r.daysToEnd, r.overdue, r.urgency])).toEqual([
      ['c-0147', '2026-09-06', '2027-09-06', '2027-06-06', true, 185, 277, false, 'noticeLater'],
    ]);
  });

  it('when the calendar is downloaded as ICS on 03-12-2026, then c-0147 has its renewed notice deadline and end date, and says it renewed already', async () => {
    const response = await request(app).get('/api/analyses/contract-calendar').query({ today: '2026-12-03', format: 'ics' });
    expect(response.status).toBe(200);
    const ics = response.text.replace(/\r\n /g, '');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270606\r\nDTEND;VALUE=DATE:20270607\r\nSUMMARY:Opzeggen uiterlijk: Tureluur Software B.V. – Vergunningen (c-0147)\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270906\r\nDTEND;VALUE=DATE:20270907\r\nSUMMARY:Contract verlengt stilzwijgend: Tureluur Software B.V. – Vergunningen (c-0147)\r\n');
    expect(ics).toContain('\\nVerlenging: al stilzwijgend verlengd\\; de einddatum volgens het contract was 06-09-2026\\n');
    expect(ics).not.toContain('c-0148');
  });

  it('when the calendar window does not reach the renewed term, then c-0147 is not in it', async () => {
    const response = await request(app).get('/api/analyses/contract-calendar').query({ today: '2026-12-03', to: '2027-06-05' });
    expect(response.body.rows).toEqual([]);
  });

  it('when lock-in is asked on 03-12-2026, then the remaining years come from the renewed term (277 days)', async () => {
    const response = await request(app).get('/api/analyses/lock-in').query({ today: '2026-12-03' });
    const row = response.body.rows.find((r: { uid: string }) => r.uid === 'app:gm1/a1');
    expect(row.factors.find((f: { factor: string }) => f.factor === 'remainingContractYears').raw).toBe(Math.round((277 / 365.25) * 100) / 100);
  });

  it('when the supplier is opened on 03-12-2026, then its side panel data carries the renewed term', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-03T10:00:00Z'), doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'] });
    const response = await request(app).get(`/api/nodes/${encodeURIComponent('supplier:tureluur')}`);
    jest.useRealTimers();
    expect(response.status).toBe(200);
    expect(response.body.contracts.map((c: Record<string, unknown>) => [c.id, c.end, c.noticeDeadline, c.noticeDeadlinePassed, c.renewed, c.contractEnd])).toEqual([
      ['c-0148', '2026-09-06', null, false, false, '2026-09-06'],
      ['c-0147', '2027-09-06', '2027-06-06', false, true, '2026-09-06'],
    ]);
  });
});
