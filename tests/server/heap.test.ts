// ROER_HEAP_GROWTH_PERCENT: the same allocation pattern (a live set, then as much again allocated and
// dropped, over and over) in two processes, with V8's default growth and with Roer's default.
import { spawnSync } from 'node:child_process';
import { loadConfig } from '../../server/config.js';

const peakMb = (percent: number, aboveMb: number): number => {
  const result = spawnSync('npx', ['tsx', 'tests/support/heap-churn.ts', String(percent), String(aboveMb)], { encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`heap-churn failed: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { peakMb: number }).peakMb;
};

describe('heap growth', () => {
  it('when the heap is above the size where growth is limited, then the peak RSS stays far closer to the live set than with V8 left alone', () => {
    const percent = loadConfig({}).ROER_HEAP_GROWTH_PERCENT;
    expect(percent).toBe(25);
    const unlimited = peakMb(0, 0);
    expect(peakMb(percent, 16)).toBeLessThan(unlimited * 0.7);
    // Below that size (a small server's heap) V8 grows the heap as it would on its own.
    expect(peakMb(percent, 100_000)).toBeGreaterThan(unlimited * 0.8);
  });

  it('when the setting is not a whole number from 0 to 300, then start-up names the variable', () => {
    expect(() => loadConfig({ ROER_HEAP_GROWTH_PERCENT: 'lots' })).toThrow(/ROER_HEAP_GROWTH_PERCENT/);
    expect(() => loadConfig({ ROER_HEAP_GROWTH_PERCENT: '400' })).toThrow(/ROER_HEAP_GROWTH_PERCENT/);
  });
});
