// What a trend chart spans, under the chart: counted in words, one import said as one ("1 imports" before).
import { trendSpan, trendTableByNumber } from '../../server/reports/trend.js';

const point = (at: string) => ({ runId: at, at, source: 'csv:x', values: {} }) as unknown as Parameters<typeof trendSpan>[0][number];
const day = (at: string) => at.slice(0, 10);

describe('trendSpan', () => {
  it('when a chart holds one import, then it says "1 import" and its day, not a range of one', () => {
    expect(trendSpan([point('2026-12-04T10:00:00Z')], 'nl', day)).toBe('1 import, 2026-12-04');
    expect(trendSpan([point('2026-12-04T10:00:00Z')], 'en', day)).toBe('1 import, 2026-12-04');
  });

  it('when a chart holds several imports, then it counts them and gives the first and last day', () => {
    expect(trendSpan([point('2026-09-01T10:00:00Z'), point('2026-10-01T10:00:00Z'), point('2026-12-03T10:00:00Z')], 'nl', day)).toBe('3 imports, 2026-09-01 – 2026-12-03');
    expect(trendSpan([], 'nl', day)).toBe('');
  });

  it('when all its imports were on one day, then that day once, with the times they span (as the clock in the Netherlands showed them)', () => {
    expect(trendSpan([point('2026-12-05T09:14:00Z'), point('2026-12-05T10:02:00Z')], 'nl', day)).toBe('2 imports, 2026-12-05 10:14 – 11:02');
    expect(trendSpan([point('2026-12-05T09:14:00Z'), point('2026-12-05T09:14:40Z')], 'nl', day)).toBe('2 imports, 2026-12-05 10:14');
  });
});

describe('trendTableByNumber', () => {
  const run = (at: string, hhi: number) => ({ runId: at, at, source: 'csv:x', hhi, cr3: null, spofCount: null, meanLockIn: null, noticeCount: null });
  it('when imports fall in one minute, then their columns are told apart by the seconds, then by number', () => {
    const table = trendTableByNumber([run('2026-12-06T09:06:10Z', 1), run('2026-12-06T09:07:05Z', 2), run('2026-12-06T09:07:40Z', 3), run('2026-12-06T09:07:40.500Z', 4), run('2026-12-06T10:00:00Z', 5)], 'nl');
    expect(table.columns.map(c => c.header)).toEqual(['Kengetal', '06-12-2026 10:06', '06-12-2026 10:07:05', '06-12-2026 10:07:40 (1)', '06-12-2026 10:07:40 (2)', '06-12-2026 11:00']);
    expect(table.rows.find(row => row.metric === 'hhi')).toEqual(expect.objectContaining({ run0: 1, run4: 5 }));
  });

  it('when there are more imports than fit, then the last six, and a note says so', () => {
    const runs = Array.from({ length: 8 }, (_, i) => run(`2026-0${i + 1}-01T10:00:00Z`, i));
    const table = trendTableByNumber(runs, 'nl');
    expect(table.columns).toHaveLength(7);
    expect(table.columns[1].header).toBe('01-03-2026 11:00');
    expect(table.notes).toEqual(['Alle imports van x (CSV-bestanden).', 'De laatste 6 van 8 imports; de CSV en de werkmap hebben ze allemaal.']);
  });
});
