// How far V8 lets the heap grow past what survived the last full garbage collection. By default it
// allows up to four times the live set before collecting again: a server computing country-wide
// answers (a 100 MB snapshot, answers of 100,000+ rows, each leaving as much garbage) then sits at
// 1.5–2.5 GB of RSS with 200–400 MB live. A smaller factor collects sooner, which costs time: with a
// small heap (one municipality's requests, 50 at a time) it cost the API a sixth of its throughput.
// So the factor is limited only while the heap is large; below that, the heap may grow to the
// limited size of a large heap (a live set of 120 MB could otherwise grow to 480 MB before the next
// collection: the country's first snapshot fetch peaked at 380–545 MB, depending on where the
// collections fell). docs/performance-history.md ("Memory") has the numbers.
import v8 from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';

const MB = 1024 * 1024;
// V8's own largest factor is 4.
const MAX_PERCENT = 300;

/**
 * The growth V8 may allow after a collection that left `usedMb`: `percent` for a heap above
 * `aboveMb`; a smaller heap may grow to aboveMb × (1 + percent/100), up to V8's largest factor.
 */
export function growthPercent(usedMb: number, percent: number, aboveMb: number): number {
  if (usedMb >= aboveMb) return Math.round(percent);
  const toLimit = ((aboveMb * (1 + percent / 100)) / Math.max(usedMb, 1) - 1) * 100;
  return Math.round(Math.min(MAX_PERCENT, Math.max(percent, toLimit)));
}

/** The limited growth once limitHeapGrowth ran (0: V8's own factor), and how many large jobs run. */
const state = { percent: 0, current: -1, largeJobs: 0 };

const setGrowth = (percent: number) => {
  if (percent === state.current) return;
  state.current = percent;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
};

/**
 * From now on, after every garbage collection, V8's heap growing factor is 1 + growthPercent()/100
 * (read at the next collection), or the limited factor while a large job runs (withHeapGrowthLimited).
 * `percent` 0 leaves V8's own adaptive factor throughout.
 */
export function limitHeapGrowth(percent: number, aboveMb = 128): void {
  if (percent <= 0) return;
  state.percent = percent;
  const observer = new PerformanceObserver(() => {
    setGrowth(state.largeJobs > 0 ? percent : growthPercent(v8.getHeapStatistics().used_heap_size / MB, percent, aboveMb));
  });
  observer.observe({ entryTypes: ['gc'] });
}

/**
 * Runs a job known to build a large heap (an import) with the heap's growth limited from its start,
 * whatever the heap's size. The factor follows each collection one collection late (it is set after
 * a collection and used when the next one ends), and later still while synchronous work keeps the
 * observer from running. So a heap growing fast from small was allowed V8's factor of four on its
 * way up: the country's import read and validated its CSV with 113 MB live and reached 473 MB of heap.
 */
export async function withHeapGrowthLimited<T>(job: () => Promise<T>): Promise<T> {
  if (state.percent <= 0) return job();
  state.largeJobs++;
  setGrowth(state.percent);
  try {
    return await job();
  } finally {
    state.largeJobs--;
  }
}
