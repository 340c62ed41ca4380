// API under load: autocannon on loopback against the server started as `npm start` (a child
// process, so its RSS is its own), a fixed mix of single-municipality analysis and graph requests
// that every connection cycles through, bounded by a request count and a time limit.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import type { Driver } from 'neo4j-driver';
import { read } from '../server/neo4j.js';
import { subjects } from './analyses.js';
import { startServer } from './server-process.js';

export type ApiOptions = { connections: number; amount: number; maxSeconds: number; port: number };

export type ApiResult = {
  mix: string[];
  /** Each path alone on one connection (10 warm requests): p50 and max. */
  perPath: { path: string; p50Ms: number; maxMs: number; bytes: number }[];
  organisation: string;
  connections: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  serverPeakRssMb: number;
  serverRssAfterStartMb: number;
  loadAverage: [number, number];
  stoppedByTimeLimit: boolean;
  /** After the mix: every analysis for all organisations at once, one request at a time (wideRequests). */
  wide: { path: string; status: number; megabytes: number; ms: number; serverRssAfterMb: number }[];
  /** The server's peak over the whole run, the country-wide answers included. */
  serverPeakRssWithWideMb: number;
};

/**
 * Every analysis for all organisations at once (no organisation parameter), as JSON, and the
 * largest answer as CSV and XLSX too: what an architect exporting the whole country asks, one at a time.
 */
export async function wideRequests(driver: Driver): Promise<string[]> {
  const { supplier, application } = await subjects(driver, null);
  return [
    '/api/analyses/supplier-exposure',
    '/api/analyses/single-points-of-failure',
    `/api/analyses/impact?node=${encodeURIComponent(application)}`,
    `/api/analyses/impact?node=${encodeURIComponent(supplier)}`,
    '/api/analyses/contract-calendar',
    `/api/analyses/what-if?remove=${encodeURIComponent(supplier)}`,
    '/api/analyses/data-quality',
    '/api/analyses/lock-in',
    '/api/analyses/lock-in?format=csv',
    '/api/analyses/lock-in?format=xlsx',
  ];
}

/** The request mix for one organisation: the analyses the explorer and dashboards call, the graph, one node, search. */
export async function requestMix(driver: Driver, organisation: string): Promise<string[]> {
  const [{ supplier, application }] = await read<{ supplier: string; application: string }>(
    driver,
    `MATCH (s:Supplier)-[:SUPPLIES]->(a:Application {organisation: $organisation})
     WITH s, count(a) AS n ORDER BY n DESC, s.uid LIMIT 1
     MATCH (app:Application {organisation: $organisation}) WHERE app.criticality = 'critical'
     RETURN s.uid AS supplier, min(app.uid) AS application`,
    { organisation },
  );
  const org = encodeURIComponent(organisation);
  return [
    `/api/analyses/supplier-exposure?organisation=${org}`,
    `/api/graph?organisation=${org}&kinds=Organisation,Application,Supplier,SupplierGroup,Platform,ReferenceComponent,BusinessFunction&maxElements=6000`,
    `/api/analyses/impact?node=${encodeURIComponent(application)}&organisation=${org}`,
    `/api/analyses/lock-in?organisation=${org}`,
    `/api/nodes/${encodeURIComponent(application)}`,
    `/api/analyses/single-points-of-failure?organisation=${org}`,
    `/api/analyses/impact?node=${encodeURIComponent(supplier)}&organisation=${org}`,
    `/api/analyses/contract-calendar?organisation=${org}`,
    `/api/search?q=zaak`,
    `/api/analyses/what-if?remove=${encodeURIComponent(supplier)}&organisation=${org}`,
    `/api/analyses/data-quality?organisation=${org}`,
    `/api/organisations`,
  ];
}

export async function benchApi(driver: Driver, neo4jUri: string, organisation: string, options: ApiOptions, log: (message: string) => void): Promise<ApiResult> {
  const mix = await requestMix(driver, organisation);
  const server = await startServer(neo4jUri, options.port, log);
  try {
    // Every path once, so a broken route shows up as an error here rather than as a number.
    for (const path of mix) {
      const response = await fetch(`${server.base}${path}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    }
    // Each path alone, one connection, warm: which requests the mix's latency comes from.
    const perPath: { path: string; p50Ms: number; maxMs: number; bytes: number }[] = [];
    for (const path of mix) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < 12; i++) {
        const started = performance.now();
        const response = await fetch(`${server.base}${path}`);
        bytes = (await response.arrayBuffer()).byteLength;
        if (i >= 2) times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      perPath.push({ path, p50Ms: Math.round(times[4] * 10) / 10, maxMs: Math.round(times[times.length - 1] * 10) / 10, bytes });
      log(`  alone: ${path.slice(0, 90)} p50 ${perPath.at(-1)!.p50Ms} ms, ${bytes} bytes`);
    }
    const rssAfterStart = server.currentRssMb();
    const times: number[] = [];
    const loadBefore = loadavg()[0];
    const instance = autocannon({
      url: server.base,
      connections: options.connections,
      amount: options.amount,
      timeout: 30,
      requests: mix.map(path => ({ method: 'GET', path })),
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => void times.push(responseTime));
    let stoppedByTimeLimit = false;
    const limit = setTimeout(() => {
      stoppedByTimeLimit = true;
      instance.stop();
    }, options.maxSeconds * 1000);
    const result = await instance;
    clearTimeout(limit);
    const serverPeakRssMb = server.peakRssMb();
    const wide: ApiResult['wide'] = [];
    for (const path of await wideRequests(driver)) {
      const started = performance.now();
      const response = await fetch(`${server.base}${path}`);
      const bytes = (await response.arrayBuffer()).byteLength;
      wide.push({ path, status: response.status, megabytes: Math.round(bytes / 1e5) / 10, ms: Math.round(performance.now() - started), serverRssAfterMb: server.currentRssMb() });
      log(`  all organisations: ${path.slice(0, 70)} HTTP ${response.status}, ${wide.at(-1)!.megabytes} MB in ${wide.at(-1)!.ms} ms; server peak so far ${server.peakRssMb()} MB`);
    }
    times.sort((a, b) => a - b);
    const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)] ?? NaN);
    return {
      mix,
      perPath,
      organisation,
      connections: options.connections,
      requests: times.length,
      seconds: Math.round(result.duration * 10) / 10,
      requestsPerSecond: Math.round((times.length / result.duration) * 10) / 10,
      p50Ms: at(50),
      p95Ms: at(95),
      p99Ms: at(99),
      maxMs: Math.round(times[times.length - 1] ?? NaN),
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, Number(count)])),
      serverPeakRssMb,
      serverRssAfterStartMb: rssAfterStart,
      loadAverage: [Math.round(loadBefore * 100) / 100, Math.round(loadavg()[0] * 100) / 100],
      stoppedByTimeLimit,
      wide,
      serverPeakRssWithWideMb: server.peakRssMb(),
    };
  } finally {
    await server.stop();
  }
}
