// The notice line on the changes page (web/src/changes-words.ts): a deadline to come, and one passed.
import { noticeExtra } from '../../web/src/changes-words.js';

describe('the notice line of a contract that entered its notice window', () => {
  it('when the deadline is still to come, then when to give notice; when it has passed, then that it passed', () => {
    expect(noticeExtra({ noticeDeadline: '2026-07-26' }, '2026-06-01')).toBe(' — opzeggen vóór 26-07-2026');
    expect(noticeExtra({ noticeDeadline: '2026-06-29' }, '2026-12-04')).toBe(' — opzegdatum verstreken (29-06-2026)');
    expect(noticeExtra({}, '2026-12-04')).toBe('');
  });

  it('when the contract does not renew by itself, then when it ends, not a notice deadline that passed', () => {
    const contract = { noticeDeadline: '2026-11-28', end: '2027-02-28' };
    expect(noticeExtra({ ...contract, contract: { autoRenew: false } }, '2026-12-05')).toBe(' — loopt af op 28-02-2027; wordt niet stilzwijgend verlengd');
    expect(noticeExtra({ ...contract, contract: { autoRenew: true } }, '2026-12-05')).toBe(' — opzegdatum verstreken (28-11-2026)');
  });
});
