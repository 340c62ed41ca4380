// What a trend chart spans, under the chart: counted in words, one import said as one ("1 imports" before).
import { trendSpan } from '../../server/reports/trend.js';

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
