// Peak RSS of the sovereignty analysis on the demo country held in memory (no Neo4j), measured the
// way `npm run bench -- analyses` measures its row: the server's heap setting applied, VmHWM reset
// (/proc/self/clear_refs) before the first (cold) run, then more runs on the same snapshot (its
// answer of 52,000 rows is above the answer cache's share, so every request computes it again on
// the snapshot's memos); and what a run leaves behind with the snapshot. Run:
//   node --expose-gc --max-semi-space-size=8 --import tsx tests/analyses/sovereignty-memory.bench.ts [runs]
import { readFileSync, writeFileSync } from 'node:fs';
import { limitHeapGrowth } from '../../server/heap.js';
import { sovereignty } from '../../server/analyses/sovereignty.js';
import { demoSnapshot } from './demo-snapshot.js';

limitHeapGrowth(Number(process.env.ROER_HEAP_GROWTH_PERCENT ?? 25));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const status = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heapUsed = () => { gc(); return process.memoryUsage().heapUsed; };

const tick = () => new Promise(resolve => setTimeout(resolve, 10));
const landscape = demoSnapshot('country');
// Two collections with a turn between: the first lets server/heap.ts set the growth factor, the
// second sets the heap's limit with it (not with the factor left from generating the landscape).
gc();
await tick();
const base = heapUsed();
await tick();
console.log(`snapshot: ${landscape.applications.size} applications; heap ${mb(base)} MB, RSS ${status('VmRSS')} MB`);
writeFileSync('/proc/self/clear_refs', '5');
const runs = Number(process.argv[2] ?? 6);
let rows = 0;
for (let run = 0; run < runs; run++) {
  const t = performance.now();
  rows = sovereignty(landscape).rows.length;
  console.log(`run ${run}: ${Math.round(performance.now() - t)} ms; peak RSS so far ${status('VmHWM')} MB`);
  // As between the bench's awaited runs: the heap growth observer (server/heap.ts) runs after each collection.
  await tick();
}
const kept = heapUsed() - base;
let answer: unknown = sovereignty(landscape);
console.log(`${rows} rows; peak RSS ${status('VmHWM')} MB over ${runs} runs; memos kept with the snapshot ${mb(kept)} MB; one answer ${mb(heapUsed() - base - kept)} MB`);
answer = null;
