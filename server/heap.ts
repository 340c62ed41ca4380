// How far V8 lets the heap grow past what survived the last full garbage collection. By default it
// allows up to four times the live set before collecting again: a server computing country-wide
// answers (a 100 MB snapshot, answers of 100,000+ rows, each leaving as much garbage) then sits at
// 1.5–2.5 GB of RSS with 200–400 MB live. A smaller factor collects sooner, which costs time: with a
// small heap (one municipality's requests, 50 at a time) it cost the API a sixth of its throughput.
// So the factor is limited only while the heap is large (README "Performance" has the numbers).
import v8 from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';

const MB = 1024 * 1024;

/**
 * From now on, whenever a garbage collection leaves more than `aboveMb` in use, V8's heap growing
 * factor is 1 + percent/100; otherwise V8's own. `percent` 0 leaves V8's own factor throughout.
 */
export function limitHeapGrowth(percent: number, aboveMb = 128): void {
  if (percent <= 0) return;
  let limited = false;
  const observer = new PerformanceObserver(() => {
    const large = v8.getHeapStatistics().used_heap_size > aboveMb * MB;
    if (large === limited) return;
    limited = large;
    // Read at the next collection; 0 is V8's adaptive factor.
    v8.setFlagsFromString(`--heap-growing-percent=${large ? Math.round(percent) : 0}`);
  });
  observer.observe({ entryTypes: ['gc'] });
}
