// Times Common Ground (and sovereignty, for comparison) on the demo country held in memory as a
// snapshot (no Neo4j: the snapshot fetch is shared with the other analyses and cached), for every
// organisation and for one. `npx tsx tests/analyses/common-ground.bench.ts country`
import { commonGround } from '../../server/analyses/common-ground.js';
import type { Landscape } from '../../server/analyses/landscape.js';
import { sovereignty } from '../../server/analyses/sovereignty.js';
import { demoSnapshot } from './demo-snapshot.js';

const size = (process.argv[2] ?? 'country') as 'country';
const landscape = demoSnapshot(size);
const first = [...landscape.applications.values()][0].organisation;
const one: Landscape = {
  ...landscape, organisations: [first],
  applications: new Map([...landscape.applications].filter(([, a]) => a.organisation === first)),
  interfaces: landscape.interfaces.filter(i => i.organisation === first),
  contracts: landscape.contracts.filter(c => c.organisation === first),
};
console.log(`${size}: ${landscape.applications.size} applications, ${landscape.interfaces.length} interfaces; one municipality: ${one.applications.size} / ${one.interfaces.length}`);
// "new snapshot": a new snapshot object per run, nothing memoised (the first answer after a change);
// "cached snapshot": one snapshot for all runs, as the server computes on its cached snapshot.
const time = (label: string, work: () => { rows: unknown[] }, runs: number) => {
  const times: number[] = [];
  const cpu: number[] = [];
  let rows = 0;
  const cached = { ...(label.includes('one') ? one : landscape) } as Landscape;
  for (let run = 0; run < runs; run++) {
    const fresh = label.includes('cached') ? cached : { ...(label.includes('one') ? one : landscape) } as Landscape;
    const started = performance.now();
    const used = process.cpuUsage();
    rows = work.call(fresh).rows.length;
    times.push(performance.now() - started);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  // CPU time next to the clock: on a shared machine the clock counts the other processes' work too.
  console.log(`${label}: p50 ${Math.round(times[Math.floor(runs / 2)])} ms, max ${Math.round(times[runs - 1])} ms, CPU p50 ${Math.round(cpu[Math.floor(runs / 2)])} ms, ${rows} rows (${runs} runs)`);
};
const cg = function (this: Landscape) { return commonGround(this, { limit: 10, list: 'organisations' }); };
time('common-ground, all organisations, new snapshot', cg, 10);
time('common-ground, all organisations, list=interfaces', function (this: Landscape) { return commonGround(this, { limit: 10, list: 'interfaces' }); }, 3);
time('common-ground, one municipality', cg, 20);
time('common-ground, all organisations, cached snapshot', cg, 10);
time('sovereignty, all organisations, new snapshot', function (this: Landscape) { return sovereignty(this); }, 3);
time('sovereignty, all organisations, cached snapshot', function (this: Landscape) { return sovereignty(this); }, 10);
time('sovereignty, one municipality', function (this: Landscape) { return sovereignty(this); }, 10);
const s = commonGround(landscape, { limit: 10, list: 'organisations' }).summary as any;
console.log('distribution', JSON.stringify(s.distribution.map((b: any) => b.organisations)), 'mean', s.overall.meanScore, 'median', s.overall.medianScore, 'receivers', s.overall.baseRegistrationReceivers, 'by copy', s.overall.receiversByCopy, 'heap', Math.round(process.memoryUsage().heapUsed / 1e6), 'MB');
