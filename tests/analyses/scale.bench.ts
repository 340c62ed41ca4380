// Times every analysis on a synthetic landscape of many municipalities.
//   ROER_TEST_INSTANCE=t-analyses ROER_TEST_BOLT_PORT=17703 npx tsx tests/analyses/scale.bench.ts 40 500
// (organisations, applications per organisation). Starts and stops its own test Neo4j.
import { cleanup, load, transform } from '../../importers/load.js';
import { Landscape } from '../../importers/model.js';
import { analyses } from '../../server/analyses/index.js';
import { biconnectivity, type UndirectedEdge } from '../../server/analyses/graph-algorithms.js';
import { read } from '../../server/neo4j.js';
import { queriesIn } from '../../server/queries.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { startTestNeo4j } from '../support/start-test-neo4j.js';

const [organisations = 40, perOrganisation = 500] = process.argv.slice(2).map(Number);
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: T[], skew = 1) => list[Math.floor(random() ** skew * list.length)];

function organisation(index: number, suppliers: string[], platforms: string[]) {
  const org = `gm${index}`;
  const apps = Array.from({ length: perOrganisation }, (_, i) => ({
    id: `a${i}`, organisation: org, name: `App ${i}`, supplier: random() < 0.95 ? pick(suppliers, 2) : undefined,
    platform: random() < 0.8 ? pick(platforms, 2) : undefined, criticality: pick(['low', 'medium', 'high', 'critical']),
    businessFunctions: `F${Math.floor(random() * 60)}|F${Math.floor(random() * 60)}`, referenceComponents: `R${Math.floor(random() * 100)}`,
  }));
  const interfaces = Array.from({ length: perOrganisation * 2 }, (_, i) => ({
    id: `i${i}`, organisation: org, from: pick(apps).id, to: pick(apps).id, via: random() < 0.2 ? `a${Math.floor(random() * 5)}` : undefined,
    standard: random() < 0.5 ? 'StUF-BG' : undefined,
  }));
  const contracts = Array.from({ length: Math.floor(perOrganisation / 3) }, (_, i) => ({
    id: `c${i}`, organisation: org, supplier: pick(suppliers, 2), applications: `a${i * 3}|a${i * 3 + 1}|a${i * 3 + 2}`,
    end: `20${27 + Math.floor(random() * 4)}-0${1 + Math.floor(random() * 9)}-28`, noticeMonths: String(Math.floor(random() * 12)),
    autoRenew: random() < 0.5 ? 'ja' : 'nee', annualValue: String(Math.floor(random() * 200_000)),
  }));
  return { applications: apps, interfaces, contracts };
}

async function main() {
  const stop = await startTestNeo4j();
  const driver = testDriver();
  try {
    await resetDatabase(driver);
    const suppliers = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, name: `Supplier ${i}`, group: i % 3 === 0 ? `Group ${i % 40}` : undefined }));
    const platforms = Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, name: `Platform ${i}`, supplier: pick(suppliers).id, jurisdiction: pick(['NL', 'EU', 'US']), runsOn: i > 10 && random() < 0.5 ? `p${Math.floor(random() * 10)}` : undefined }));
    let started = Date.now();
    for (let index = 0; index < organisations; index++) {
      const rows = Landscape.parse({ suppliers, platforms, ...organisation(index, suppliers.map(s => s.id), platforms.map(p => p.id)) });
      const session = driver.session();
      await session.executeWrite(async tx => {
        await load(tx, [transform(rows)], { source: `bench:gm${index}`, runId: 'r1' });
        await cleanup(tx, { source: `bench:gm${index}`, runId: 'r1' });
      });
      await session.close();
    }
    console.log(`loaded ${organisations} × ${perOrganisation} applications in ${Date.now() - started} ms`);
    const params: Record<string, Record<string, unknown>> = { impact: { node: 'supplier:s0' }, 'what-if': { remove: 'supplier:s0', replaceWith: 'supplier:s1' } };
    for (const scope of [{ organisation: 'gm0' }, {}]) {
      for (const analysis of analyses) {
        for (let attempt = 0; attempt < 2; attempt++) {
          started = Date.now();
          const result = await analysis.run(driver, analysis.params.parse({ ...params[analysis.name], ...scope }));
          if (attempt === 1) console.log(`${analysis.name.padEnd(26)} ${scope.organisation ?? 'all'}\t${Date.now() - started} ms\t${result.rows.length} rows`);
        }
      }
    }
    for (const file of queriesIn('analyses')) {
      for (const organisations of [['gm0'], null]) {
      const values: Record<string, unknown> = { organisations, from: '2027-01-01', to: '2028-01-01', today: '2027-01-01', node: 'supplier:s0', frontier: ['supplier:s0'], applications: ['app:gm0/a0', 'app:gm1/a0'] };
      for (let attempt = 0; attempt < 2; attempt++) {
        started = Date.now();
        const rows = await read(driver, file.text, Object.fromEntries(file.params.map(param => [param, values[param]])));
        if (attempt === 1) console.log(`query ${file.name.padEnd(36)} ${organisations ? 'gm0' : 'all'}\t${Date.now() - started} ms\t${rows.length} rows`);
      }
      }
    }
    const n = 1_000_000;
    const edges: UndirectedEdge[] = Array.from({ length: n }, () => [Math.floor(random() * 200_000), Math.floor(random() * 200_000)] as const);
    started = Date.now();
    biconnectivity(200_000, edges);
    console.log(`tarjan 200k vertices / 1M edges\t${Date.now() - started} ms`);
  } finally {
    await driver.close();
    await stop();
  }
}

await main();
