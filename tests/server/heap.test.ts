// ROER_HEAP_GROWTH_PERCENT: the same allocation pattern (a live set, then as much again allocated and
// dropped, over and over) in two processes, with V8's default growth and with Roer's default.
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../server/config.js';
import { growthPercent } from '../../server/heap.js';

const peakMb = (percent: number, aboveMb: number, job: 'large' | '' = ''): number => {
  const result = spawnSync('npx', ['tsx', 'tests/support/heap-churn.ts', String(percent), String(aboveMb), job], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`heap-churn failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { peakMb: number }).peakMb;
};

describe('heap growth', () => {
  it('when the heap is above the size where growth is limited, then the peak RSS stays far closer to the live set than with V8 left alone', () => {
    const percent = loadConfig({}).ROER_HEAP_GROWTH_PERCENT;
    expect(percent).toBe(25);
    const unlimited = peakMb(0, 0);
    // One boundary between the two behaviours. Measured (four runs each): V8 alone 598–714 MB, Roer's
    // limit 315–321 MB (≤ 0.53 of V8 alone), and below the size 596–726 MB, once 0.796 of V8 alone in
    // a loaded full run, which the former bound of 0.8 failed on.
    expect(peakMb(percent, 16)).toBeLessThan(unlimited * 0.7);
    // Below that size (a small server's heap) the heap grows about as far as V8 lets it on its own.
    expect(peakMb(percent, 100_000)).toBeGreaterThan(unlimited * 0.7);
  });

  it('when a large job runs (an import), then the heap\'s growth is limited from its start, however small the heap', () => {
    const percent = loadConfig({}).ROER_HEAP_GROWTH_PERCENT;
    const unlimited = peakMb(0, 0);
    // Below 100,000 MB the heap would grow as V8 lets it; as a large job it may not.
    expect(peakMb(percent, 100_000, 'large')).toBeLessThan(unlimited * 0.7);
  });

  it('when a collection leaves a small heap, then it may grow to the limited size of a large one, never past V8\'s own largest factor', () => {
    expect(growthPercent(400, 25, 128)).toBe(25);
    expect(growthPercent(128, 25, 128)).toBe(25);
    expect(growthPercent(120, 25, 128)).toBe(33); // 120 → 160 MB, not V8's up to 480
    expect(growthPercent(80, 25, 128)).toBe(100);
    expect(growthPercent(20, 25, 128)).toBe(300);
    expect(growthPercent(0, 25, 128)).toBe(300);
  });

  it('when the setting is not a whole number from 0 to 300, then start-up names the variable', () => {
    expect(() => loadConfig({ ROER_HEAP_GROWTH_PERCENT: 'lots' })).toThrow(/ROER_HEAP_GROWTH_PERCENT/);
    expect(() => loadConfig({ ROER_HEAP_GROWTH_PERCENT: '400' })).toThrow(/ROER_HEAP_GROWTH_PERCENT/);
  });
});
