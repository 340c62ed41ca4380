// Run by tests/server/heap.test.ts in a child process: keeps a live set, allocates and drops as much
// again a dozen times, and prints the peak RSS. Arguments: the growth percent, the heap size (MB)
// above which it applies, and `large` to run it all as a large job (withHeapGrowthLimited).
import { readFileSync } from 'node:fs';
import { limitHeapGrowth, withHeapGrowthLimited } from '../../server/heap.js';
limitHeapGrowth(Number(process.argv[2]), Number(process.argv[3]));
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const make = (n: number) => Array.from({ length: n }, (_, i) => ({ i, s: `x${i}`, f: i / 3, list: [i, i + 1] }));
// Everything in steps with the event loop turning in between, as a server's work arrives (query rows,
// requests): the setting follows the collections from there.
const turn = () => new Promise(resolve => setImmediate(resolve));
const kept: unknown[][] = [];
let previous: unknown[] = [];
const churn = async () => {
  for (let step = 0; step < 10; step++) {
    kept.push(make(40_000));
    await turn();
  }
  for (let round = 0; round < 24; round++) {
    previous = make(200_000);
    await turn();
  }
};
await (process.argv[4] === 'large' ? withHeapGrowthLimited(churn) : churn());
console.log(JSON.stringify({ peakMb: Math.round(hwm()), kept: kept.flat().length, last: previous.length }));
