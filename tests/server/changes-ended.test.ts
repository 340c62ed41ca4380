// Which contracts the changes page lists as ended in a period (server/analyses/changes.ts endedContracts):
// one a delivery ended early, one whose end date fell in the period; not one that renews by itself, one
// that ended before the period, or a removed row.
import { endedContracts, renewal } from '../../server/analyses/changes.js';
import { addMonths, today } from '../../server/analyses/params.js';
import type { ContractFact } from '../../server/analyses/landscape.js';

const contract = (id: string, end: string, autoRenew = false): ContractFact => ({
  uid: `contract:gm-a/${id}`, name: id, organisation: 'gm-a', supplier: null, end, noticeDeadline: end, noticeMonths: 3,
  autoRenew, annualValue: 0, exitPlan: false, dataPortability: false, covers: [],
});
const moved = (id: string, before: string, after: string | null, autoRenew = false) => ({
  table: 'contracts' as const, uid: `contract:gm-a/${id}`,
  before: { id, organisation: 'gm-a', end: before, autoRenew },
  after: after === null ? null : { id, organisation: 'gm-a', end: after, autoRenew },
});
const period = { from: '2026-12-01', to: '2026-12-05' };

describe('contracts that ended in a period', () => {
  it('when a delivery ended a contract early or its end date fell in the period, then it is listed, oldest end first', () => {
    const contracts = [contract('early', '2026-11-30'), contract('ranOut', '2026-12-03'), contract('later', '2027-06-01')];
    const net = [moved('early', '2028-06-14', '2026-11-30')];
    expect(endedContracts(contracts, net, 'gm-a', period)).toEqual([
      { uid: 'contract:gm-a/early', name: 'early', end: '2026-11-30' },
      { uid: 'contract:gm-a/ranOut', name: 'ranOut', end: '2026-12-03' },
    ]);
  });

  it('when a contract renews by itself, ended before the period, was removed or is another organisation\'s, then it is not listed', () => {
    const contracts = [contract('renews', '2026-12-03', true), contract('before', '2026-11-01'), { ...contract('other', '2026-12-03'), organisation: 'gm-b' }];
    const net = [moved('renewsMoved', '2028-01-01', '2026-11-30', true), moved('removed', '2028-01-01', null), moved('wasOver', '2026-10-01', '2026-09-01')];
    expect(endedContracts(contracts, net, 'gm-a', period)).toEqual([]);
  });
});

describe('a contract that renews by itself, its end date moved into the past', () => {
  it('when a delivery moved its end date behind today, then the change says until when it renewed; not for one that does not renew', () => {
    const change = (autoRenew: boolean) => ({ ...moved('c', '2027-07-18', '2020-11-30', autoRenew), after: { id: 'c', organisation: 'gm-a', end: '2020-11-30', autoRenew, noticeMonths: 3 } });
    const renewed = renewal(change(true), 'end').renewedUntil!;
    // Term by term from its written end: the current term ends within a year from today.
    expect(renewed.endsWith('-11-30')).toBe(true);
    expect(renewed >= today() && renewed <= addMonths(today(), 12)).toBe(true);
    expect(renewal(change(false), 'end')).toEqual({});
    expect(renewal(change(true), 'noticeMonths')).toEqual({});
  });
});
