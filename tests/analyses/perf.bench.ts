// Before/after latency of the analyses and the graph API on a running Neo4j (not a test: no assertions).
//   npx tsx tests/analyses/perf.bench.ts bolt://127.0.0.1:17717 [import|cold|warm] [region|municipality] [runs]
// With `import`, first loads the demo landscape of that size (deterministic seed) through importLandscape.
// `cold` empties the in-process cache before every run (the cost of a first request after a change);
// otherwise the numbers are warm (the first run of each row is the cold one).
import { performance } from 'node:perf_hooks';
import { generateLandscape } from '../../importers/demo/generate.js';
import { importLandscape } from '../../importers/import.js';
import { analyses } from '../../server/analyses/index.js';
import { graphView, GraphQuery } from '../../server/graph-view.js';
import { nodeDetail } from '../../server/routes/graph.js';
import { createDriver, read } from '../../server/neo4j.js';
import { applySchema } from '../../server/schema.js';
import { clearCache } from '../../server/analyses/snapshot-cache.js';

const [uri = 'bolt://127.0.0.1:17717', mode = '', size = 'region', runsText = '20'] = process.argv.slice(2);
const runs = Number(runsText);

async function time(label: string, times: number, task: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    if (mode === 'cold') clearCache(driver);
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)].toFixed(1);
  console.log(`${label.padEnd(48)} p50 ${at(0.5).padStart(8)} ms  p95 ${at(0.95).padStart(8)} ms  (n=${times})`);
}

const driver = createDriver({ uri });
try {
  if (mode === 'import') {
    await applySchema(driver);
    const started = performance.now();
    const report = await importLandscape(driver, generateLandscape({ size: size as 'region' }), { source: `demo:${size}` });
    console.log(`imported ${size}: ok=${report.ok} in ${(performance.now() - started).toFixed(0)} ms`);
  }
  const organisations = (await read<{ id: string }>(driver, 'MATCH (o:Organisation) RETURN o.id AS id ORDER BY id')).map(row => row.id);
  const [{ supplier, application }] = await read<{ supplier: string; application: string }>(driver,
    `MATCH (s:Supplier)-[:SUPPLIES]->(a:Application {organisation: $org}) WITH s, collect(a.uid) AS apps ORDER BY size(apps) DESC LIMIT 1
     RETURN s.uid AS supplier, apps[0] AS application`, { org: organisations[0] });
  console.log(`${organisations.length} organisations; one = ${organisations[0]}; supplier ${supplier}; application ${application}`);
  const extra: Record<string, Record<string, unknown>> = { impact: { node: supplier }, 'what-if': { remove: supplier } };
  for (const [scope, organisation] of [['one', organisations[0]], ['all', undefined]] as const) {
    for (const analysis of analyses) {
      const params = analysis.params.parse({ ...extra[analysis.name], ...(organisation ? { organisation } : {}) });
      await time(`${analysis.name} (${scope})`, scope === 'one' ? runs : Math.max(3, Math.floor(runs / 4)), () => analysis.run(driver, params));
    }
  }
  await time('impact of one application', runs, () => analyses.find(a => a.name === 'impact')!.run(driver, { node: application, maxHops: 10, organisation: null }));
  await time('graph view (one organisation)', runs, () => graphView(driver, GraphQuery.parse({ organisation: organisations[0] })));
  await time('node detail (application)', runs, () => nodeDetail(driver, analyses, application));
  await time('node detail (supplier)', runs, () => nodeDetail(driver, analyses, supplier));
  console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
} finally {
  await driver.close();
}
