// Run by tests/server/heap.test.ts in a child process: keeps a live set, allocates and drops as much
// again a dozen times, and prints the peak RSS. Argument: ROER_HEAP_GROWTH_PERCENT's value.
import { readFileSync } from 'node:fs';
import { limitHeapGrowth } from '../../server/heap.js';
limitHeapGrowth(Number(process.argv[2]));
const hwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const make = (n: number) => Array.from({ length: n }, (_, i) => ({ i, s: `x${i}`, f: i / 3, list: [i, i + 1] }));
const kept = make(400_000);
let previous: unknown[] = [];
for (let round = 0; round < 12; round++) { const next = make(400_000); previous = next; }
console.log(JSON.stringify({ peakMb: Math.round(hwm()), kept: kept.length, last: previous.length }));
