// Times the sovereignty computation on the demo country held in memory as a snapshot (no Neo4j: the
// snapshot fetch is shared with the other analyses and cached). `npx tsx tests/analyses/sovereignty.bench.ts country`
import { sovereignty } from '../../server/analyses/sovereignty.js';
import { demoSnapshot } from './demo-snapshot.js';

const size = (process.argv[2] ?? 'country') as 'country';
let t = performance.now();
const landscape = demoSnapshot(size);
console.log('generated', Math.round(performance.now() - t), 'ms', landscape.applications.size, 'applications');
for (let run = 0; run < 3; run++) {
  const before = process.memoryUsage().heapUsed;
  t = performance.now();
  const fresh = { ...landscape };
  const result = sovereignty(fresh);
  const s = result.summary as any;
  console.log(`run ${run}: ${Math.round(performance.now() - t)} ms; ${result.rows.length} exposed of ${s.overall.applications}; ${s.nonEuParties.length} non-EU parties; ${s.applicationsFailed} fail; ${s.businessFunctionsLost.length} functions lost; heap +${Math.round((process.memoryUsage().heapUsed - before) / 1e6)} MB`);
}
