// Which suppliers' shares the changes page lists as moved (server/analyses/changes.ts supplierMoves).
import { supplierMoves } from '../../server/analyses/changes.js';

const share = (uid: string, applicationsShare: number, contractValueShare: number) => ({ uid, name: uid.toUpperCase(), applicationsShare, contractValueShare });

describe('the suppliers whose share moved', () => {
  it('when a supplier gained, one lost and one stayed, then the two that moved, the largest move first, a missing one at 0 %', () => {
    const before = [share('a', 50, 60), share('b', 50, 40)];
    const after = [share('a', 50, 60), share('c', 50, 40)];
    expect(supplierMoves(before, after)).toEqual([
      { uid: 'b', name: 'B', before: { applicationsShare: 50, contractValueShare: 40 }, after: { applicationsShare: 0, contractValueShare: 0 } },
      { uid: 'c', name: 'C', before: { applicationsShare: 0, contractValueShare: 0 }, after: { applicationsShare: 50, contractValueShare: 40 } },
    ]);
  });

  it('when both recordings kept the amounts, then the moves carry them; when one was recorded before they were, then the shares only', () => {
    const amounts = (entry: ReturnType<typeof share>, applications: number, contractValue: number) => ({ ...entry, applications, contractValue });
    const before = [amounts(share('a', 50, 60), 1, 600), amounts(share('b', 50, 40), 1, 400)];
    const after = [amounts(share('a', 50, 60), 2, 1500), amounts(share('c', 50, 40), 2, 1000)];
    expect(supplierMoves(before, after)).toEqual([
      { uid: 'b', name: 'B', before: { applicationsShare: 50, contractValueShare: 40, applications: 1, contractValue: 400 }, after: { applicationsShare: 0, contractValueShare: 0, applications: 0, contractValue: 0 } },
      { uid: 'c', name: 'C', before: { applicationsShare: 0, contractValueShare: 0, applications: 0, contractValue: 0 }, after: { applicationsShare: 50, contractValueShare: 40, applications: 2, contractValue: 1000 } },
    ]);
    const older = [share('a', 50, 60), share('b', 50, 40)];
    expect(supplierMoves(older, after).map(move => [move.before, move.after])).toEqual([
      [{ applicationsShare: 50, contractValueShare: 40 }, { applicationsShare: 0, contractValueShare: 0 }],
      [{ applicationsShare: 0, contractValueShare: 0 }, { applicationsShare: 50, contractValueShare: 40 }],
    ]);
  });

  it('when many moved, then the five largest moves; when a recording has no shares, then none', () => {
    const before = Array.from({ length: 8 }, (_, i) => share(`s${i}`, 10, 10));
    const after = Array.from({ length: 8 }, (_, i) => share(`s${i}`, 10 + i, 10));
    expect(supplierMoves(before, after).map(move => move.uid)).toEqual(['s7', 's6', 's5', 's4', 's3']);
    expect(supplierMoves(null, after)).toEqual([]);
    expect(supplierMoves(before, undefined)).toEqual([]);
  });
});
