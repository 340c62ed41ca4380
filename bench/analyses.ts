// Analyses latency: every registered analysis, run in-process with `analysis.run(driver, params)`
// (what the API route calls, minus HTTP), on a loaded demo landscape, per scope (one municipality,
// ten, all), warm cache: warm-up runs first, then `runs` timed runs → p50/p95/max; then the same runs
// without the answer cache (computed each time on the cached snapshot: `computed`). Next to
// single-points-of-failure: the iterative Tarjan alone on the same graph already in memory (the
// lower bound for articulation points and bridges: no fetch, no ranking).
import { loadavg } from 'node:os';
import type { Driver } from 'neo4j-driver';
import { analyses, uncachedAnalyses } from '../server/analyses/index.js';
import { biconnectivity } from '../server/analyses/graph-algorithms.js';
import { fetchLandscape } from '../server/analyses/landscape.js';
import { applicationGraph } from '../server/analyses/single-points-of-failure.js';
import { read } from '../server/neo4j.js';
import { peakRssOfPid, resetOwnPeakRss, withPeakRss } from './machine.js';

export type Scope = { name: string; organisations: string[] | null; count: number };

export type LatencyRow = {
  scope: string;
  organisations: number;
  analysis: string;
  params: Record<string, unknown>;
  runs: number;
  /** The first (cold) run; then warm-up runs, then the timed runs below. */
  firstMs?: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** The same runs without the answer cache: computed every time, on the cached snapshot. */
  computedP50Ms?: number;
  computedP95Ms?: number;
  rows: number;
  /** Peak RSS of the bench process during this row's runs (VmHWM reset before them), with the cache as the earlier rows left it. */
  peakRssMb?: number;
  /** 1-minute load average before and after the runs of this row. */
  loadAverage: [number, number];
  error?: string;
};

export type AnalysesResult = { rows: LatencyRow[]; benchPeakRssMb: number; neo4jPeakRssMb?: number };

/** One municipality, the first ten (a region) when there are more than ten, and all of them. */
export function scopesOf(organisations: string[]): Scope[] {
  const scopes: Scope[] = [{ name: 'one municipality', organisations: organisations.slice(0, 1), count: 1 }];
  if (organisations.length > 10) scopes.push({ name: 'region (10)', organisations: organisations.slice(0, 10), count: 10 });
  scopes.push({ name: organisations.length === 10 ? 'all (= region, 10)' : `all (${organisations.length})`, organisations: null, count: organisations.length });
  return scopes;
}

/** Subjects for impact and what-if: the supplier with the most applications, and a critical application, in the scope. */
export async function subjects(driver: Driver, organisations: string[] | null) {
  const [top] = await read<{ uid: string }>(
    driver,
    `MATCH (s:Supplier)-[:SUPPLIES]->(a:Application) WHERE $organisations IS NULL OR a.organisation IN $organisations
     RETURN s.uid AS uid, count(a) AS n ORDER BY n DESC, uid LIMIT 1`,
    { organisations },
  );
  const [app] = await read<{ uid: string }>(
    driver,
    `MATCH (a:Application) WHERE ($organisations IS NULL OR a.organisation IN $organisations) AND a.criticality = 'critical'
     RETURN a.uid AS uid ORDER BY uid LIMIT 1`,
    { organisations },
  );
  return { supplier: top.uid, application: app.uid };
}

/** The parameter sets per analysis for a scope; impact twice (an application and a big supplier). */
async function cases(driver: Driver, scope: Scope) {
  const { supplier, application } = await subjects(driver, scope.organisations);
  const organisation = scope.organisations?.join(',');
  const base = organisation ? { organisation } : {};
  const list: { analysis: string; label: string; params: Record<string, unknown> }[] = [];
  for (const analysis of analyses) {
    if (analysis.name === 'impact') {
      list.push({ analysis: analysis.name, label: 'impact (one application)', params: { ...base, node: application } });
      list.push({ analysis: analysis.name, label: 'impact (largest supplier)', params: { ...base, node: supplier } });
    } else if (analysis.name === 'what-if') {
      list.push({ analysis: analysis.name, label: 'what-if (largest supplier)', params: { ...base, remove: supplier } });
    } else if (analysis.name === 'advisory') {
      // The question of an advisory day, as the ICT-foto page asks it (the demo's data centres run these versions).
      list.push({ analysis: analysis.name, label: 'advisory (VMware ESXi >=7.0 <8.0.3)', params: { ...base, product: 'VMware ESXi', range: '>=7.0 <8.0.3' } });
    } else {
      list.push({ analysis: analysis.name, label: analysis.name, params: base });
    }
  }
  return list;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Times `work` `runs` times after `warmup` untimed runs. */
export async function latency(work: () => Promise<number>, runs: number, warmup: number) {
  let rows = 0;
  // The first run of a fresh process: nothing cached yet (the analyses cache snapshots and results per database version).
  const first = performance.now();
  rows = await work();
  const firstMs = round(performance.now() - first);
  for (let i = 1; i < warmup; i++) rows = await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    rows = await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { firstMs, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), maxMs: round(times[times.length - 1]), rows };
}

export async function benchAnalyses(
  driver: Driver,
  options: { organisations: string[]; runs: number; warmup: number; neo4jPid?: number; only?: string[] },
  log: (message: string) => void,
): Promise<AnalysesResult> {
  const { result: rows, peakRssMb } = await withPeakRss(async () => {
    const rows: LatencyRow[] = [];
    for (const scope of scopesOf(options.organisations)) {
      for (const item of await cases(driver, scope)) {
        if (options.only && !options.only.includes(item.analysis)) continue;
        const analysis = analyses.find(candidate => candidate.name === item.analysis)!;
        const params = analysis.params.parse(item.params);
        const loadBefore = loadavg()[0];
        const peakReset = resetOwnPeakRss();
        const row: LatencyRow = { scope: scope.name, organisations: scope.count, analysis: item.label, params: item.params, runs: options.runs, p50Ms: 0, p95Ms: 0, maxMs: 0, rows: 0, loadAverage: [0, 0] };
        try {
          Object.assign(row, await latency(async () => (await analysis.run(driver, params)).rows.length, options.runs, options.warmup));
          const uncached = uncachedAnalyses.find(candidate => candidate.name === item.analysis)!;
          const computed = await latency(async () => (await uncached.run(driver, params)).rows.length, options.runs, 0);
          Object.assign(row, { computedP50Ms: computed.p50Ms, computedP95Ms: computed.p95Ms });
        } catch (error) {
          row.error = error instanceof Error ? error.message.slice(0, 300) : String(error);
        }
        row.loadAverage = [round(loadBefore, 2), round(loadavg()[0], 2)];
        if (peakReset) row.peakRssMb = peakRssOfPid(process.pid);
        log(`  ${scope.name} · ${item.label}: first ${row.firstMs} ms, p50 ${row.p50Ms} ms, p95 ${row.p95Ms} ms, computed p50 ${row.computedP50Ms} ms, p95 ${row.computedP95Ms} ms${row.error ? ` ERROR ${row.error}` : ''}`);
        rows.push(row);
        if (item.analysis === 'single-points-of-failure') rows.push(await tarjanLowerBound(driver, scope, options.runs, options.warmup));
      }
    }
    return rows;
  });
  return { rows, benchPeakRssMb: peakRssMb, neo4jPeakRssMb: options.neo4jPid ? peakRssOfPid(options.neo4jPid) : undefined };
}

/** Tarjan alone on every organisation's application graph of a snapshot fetched once, before timing. */
async function tarjanLowerBound(driver: Driver, scope: Scope, runs: number, warmup: number): Promise<LatencyRow> {
  const landscape = await fetchLandscape(driver, scope.organisations);
  const organisations = [...new Set([...landscape.applications.values()].map(application => application.organisation))].sort();
  const graphs = organisations.map(organisation => applicationGraph(landscape, organisation));
  const loadBefore = loadavg()[0];
  const timed = await latency(async () => {
    let found = 0;
    for (const graph of graphs) {
      const { articulationPoints, bridges } = biconnectivity(graph.vertices.length, graph.edges);
      found += articulationPoints.length + bridges.length;
    }
    return found;
  }, runs, warmup);
  const edges = graphs.reduce((sum, graph) => sum + graph.edges.length, 0);
  return {
    scope: scope.name, organisations: scope.count, analysis: `  lower bound: in-process Tarjan only (${edges} edges in memory)`, params: {},
    runs, ...timed, loadAverage: [round(loadBefore, 2), round(loadavg()[0], 2)],
  };
}
