// `npm run bench -- bombs`: hostile uploads against the server as a child process (`npm start`, its
// own Neo4j in `.neo4j/bench-bombs`, port ROER_BENCH_BOMBS_PORT or 17730): zip bombs as XLSX, AMEFF
// files with a 40 MB attribute or text or 10,000 levels, 20 files of 49 MB in one request, impossible
// dates. Each case: the status, the time to the whole answer, and the server's peak RSS during it
// (VmHWM, reset before the case) against its RSS before. Then /api/health's latency while four bombs
// upload at once, and the search's latency on the demo municipality, before and after issue 18.
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../importers/import.js';
import { defaultCacheDir, startLocalNeo4j } from '../server/local-neo4j.js';
import { createDriver, int, read } from '../server/neo4j.js';
import { fromRoot } from '../server/paths.js';
import { query } from '../server/queries.js';
import { luceneQuery } from '../server/routes/graph.js';
import { applySchema } from '../server/schema.js';
import { ameffNested, ameffWithAttribute, ameffWithText, xlsxBomb, xlsxLarge, zipOfManyEntries } from './bomb-files.js';
import { machineInfo } from './machine.js';
import { printTable, saveResult } from './results.js';
import { descendants, startServer } from './server-process.js';

const MB = 1024 * 1024;
const PORT = Number(process.env.ROER_BENCH_BOMBS_PORT ?? 17730);
const HTTP_PORT = Number(process.env.ROER_BENCH_BOMBS_HTTP_PORT ?? 3731);
const log = (message: string) => process.stderr.write(`${message}\n`);

/** A multipart part: a field, or a file whose content is `bytes`, or `chunk` repeated `times`. */
export type Part = { field: string; value: string } | { field: string; filename: string; bytes: Buffer } | { field: string; filename: string; chunk: Buffer; times: number };
export type Answer = { status: number; ms: number; body: string };

/** POSTs multipart `parts` as it writes them (a 1 GB body is never in memory); `chunked` leaves Content-Length out. */
export function postMultipart(base: string, path: string, parts: Part[], chunked = false): Promise<Answer> {
  const boundary = `----roer-bench-${Date.now()}`;
  const head = (part: Part) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"${'filename' in part ? `; filename="${part.filename}"\r\nContent-Type: application/octet-stream` : ''}\r\n\r\n`);
  const size = (part: Part) => head(part).length + ('value' in part ? Buffer.byteLength(part.value) : 'bytes' in part ? part.bytes.length : part.chunk.length * part.times) + 2;
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const length = parts.reduce((sum, part) => sum + size(part), tail.length);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}`, 'X-Roer-Request': '1', ...(chunked ? {} : { 'Content-Length': String(length) }) },
    });
    let answered = false;
    req.on('response', res => {
      answered = true;
      let body = '';
      res.on('data', chunk => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: Math.round(performance.now() - started), body }));
    });
    // A server that answers before the body is sent may close the connection: the answer counts.
    req.on('error', error => (answered ? undefined : reject(error)));
    const write = async () => {
      const out = (buffer: Buffer) => (answered || req.destroyed ? Promise.resolve() : new Promise<void>(done => (req.write(buffer) ? done() : req.once('drain', done))));
      for (const part of parts) {
        await out(head(part));
        if ('value' in part) await out(Buffer.from(part.value));
        else if ('bytes' in part) await out(part.bytes);
        else for (let i = 0; i < part.times && !answered; i++) await out(part.chunk);
        await out(Buffer.from('\r\n'));
      }
      await out(tail);
      req.end();
    };
    write().catch(reject);
  });
}

/** The server's node process: the largest of `npm start`'s tree. */
function serverPid(rootPid: number): number {
  return [rootPid, ...descendants(rootPid)].sort((a, b) => memoryMb(b, 'VmRSS') - memoryMb(a, 'VmRSS'))[0];
}
function readStatus(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return '';
  }
}
const memoryMb = (pid: number, key: 'VmRSS' | 'VmHWM') => Math.round(Number(new RegExp(`${key}:\\s+(\\d+)`).exec(readStatus(pid))?.[1] ?? 0) / 1024);

type CaseResult = { case: string; fileMb: number; status: number; ms: number; rssBeforeMb: number; peakRssMb: number; extraMb: number; answer: string };

/** One request, with the server's VmHWM reset before it (Linux: `5` to clear_refs). */
async function measure(pid: number, name: string, fileMb: number, send: () => Promise<Answer>): Promise<CaseResult> {
  global.gc?.();
  await new Promise(done => setTimeout(done, 300)); // let the server settle after the last case
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
  const rssBeforeMb = memoryMb(pid, 'VmRSS');
  const answer = await send();
  const peakRssMb = memoryMb(pid, 'VmHWM');
  const detail = (() => {
    try {
      const body = JSON.parse(answer.body) as { detail?: string; issues?: { message: string }[] };
      return body.detail ?? body.issues?.map(issue => issue.message).join(' | ') ?? answer.body;
    } catch {
      return answer.body;
    }
  })();
  const result = { case: name, fileMb: Math.round(fileMb * 100) / 100, status: answer.status, ms: answer.ms, rssBeforeMb, peakRssMb, extraMb: peakRssMb - rssBeforeMb, answer: detail.slice(0, 160) };
  log(`  ${name}: ${answer.status} in ${answer.ms} ms, server ${rssBeforeMb} → ${peakRssMb} MB: ${result.answer}`);
  return result;
}

const csvChunk = Buffer.from(`${'s,Leverancier B.V.\n'.repeat(3640)}`); // 64 KB of rows

async function hostileCases(base: string, pid: number): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const imports = (name: string, bytes: Buffer) => postMultipart(base, '/api/imports', [{ field: 'source', value: 'csv:bombs' }, { field: 'files', filename: name, bytes }]);
  const archimate = (name: string, bytes: Buffer) => postMultipart(base, '/api/imports/archimate', [{ field: 'organisation', value: 'gm-bomb' }, { field: 'file', filename: name, bytes }]);

  const bombs: [string, Buffer][] = [
    ['XLSX zip bomb, 1.25 GB sheet, honest sizes', await xlsxBomb({ inflatedBytes: 1250 * MB })],
    ['XLSX zip bomb, 1.25 GB sheet, declares 10 KB', await xlsxBomb({ inflatedBytes: 1250 * MB, declaredBytes: 10_000 })],
    ['XLSX zip bomb, 140 MB sheet, declares 10 KB', await xlsxBomb({ inflatedBytes: 140 * MB, declaredBytes: 10_000 })],
    ['XLSX of ordinary rows, 60 MB sheet', await xlsxLarge(60 * MB)],
    ['XLSX with 60,000 entries', zipOfManyEntries(60_000)],
  ];
  for (const [name, bytes] of bombs) results.push(await measure(pid, name, bytes.length / MB, () => imports('leveranciers.xlsx', bytes)));
  const xml: [string, Buffer][] = [
    ['AMEFF, 42 MB, a 40 MB attribute', ameffWithAttribute(40 * MB)],
    ['AMEFF, 42 MB, a 40 MB text', ameffWithText(40 * MB)],
    ['AMEFF, 10,000 levels deep', ameffNested(10_000)],
  ];
  for (const [name, bytes] of xml) results.push(await measure(pid, name, bytes.length / MB, () => archimate('model.xml', bytes)));

  const files = (count: number, mb: number) => Array.from({ length: count }, (_, i) => ({ field: 'files', filename: `gm${i}-suppliers.csv`, chunk: csvChunk, times: Math.floor((mb * MB) / csvChunk.length) }));
  results.push(await measure(pid, '20 CSV files of 49 MB (Content-Length)', 20 * 49, () => postMultipart(base, '/api/imports', files(20, 49))));
  results.push(await measure(pid, '20 CSV files of 49 MB (chunked)', 20 * 49, () => postMultipart(base, '/api/imports', files(20, 49), true)));
  results.push(await measure(pid, 'one CSV file of 60 MB (chunked)', 60, () => postMultipart(base, '/api/imports', files(1, 60), true)));

  const contracts = (end: string) => Buffer.from(`id,organisation,supplier,applications,end\nc1,gm-bomb,s1,,${end}\n`);
  const suppliers = Buffer.from('id,name\ns1,Acme\n');
  for (const end of ['2026-02-31', '2026-13-45']) {
    for (const dryRun of ['true', 'false']) {
      results.push(await measure(pid, `contract end ${end}${dryRun === 'true' ? ', dry run' : ''}`, 0, () =>
        postMultipart(base, '/api/imports', [{ field: 'source', value: 'csv:dates' }, { field: 'dryRun', value: dryRun }, { field: 'files', filename: 'suppliers.csv', bytes: suppliers }, { field: 'files', filename: 'contracts.csv', bytes: contracts(end) }])));
    }
  }
  return results;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] * 10) / 10;
};

/** /api/health every 50 ms for `ms`, alone and while `load` runs: p50, p95 and max latency. */
async function healthLatency(base: string, ms: number, load?: () => Promise<unknown>) {
  const times: number[] = [];
  let running = true;
  const poll = (async () => {
    while (running) {
      const started = performance.now();
      await (await fetch(`${base}/api/health`)).arrayBuffer();
      times.push(performance.now() - started);
      await new Promise(done => setTimeout(done, 50));
    }
  })();
  const loads = load ? load() : new Promise(done => setTimeout(done, ms));
  await loads;
  running = false;
  await poll;
  return { requests: times.length, p50Ms: percentile(times, 0.5), p95Ms: percentile(times, 0.95), maxMs: percentile(times, 1) };
}

/** The search's Lucene query as it was before issue 18: ten words, two typos from 8 letters. */
function luceneQueryBefore(text: string): string {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 10).map(word => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'));
  return words.map(word => `(${word}^5 OR ${word}*^3${word.length >= 4 ? ` OR ${word}~${word.length >= 8 ? 2 : 1}^0.5` : ''})`).join(' AND ');
}

const SEARCHES = [
  'zaak',
  'Meerkoet Zaakregie',
  'Plevier Software Berichtenbus Informatievoorziening',
  'Zaaksysteem Roerdam Burgerzaken Belastingen Vergunningen Documentbeheer Makelaarsuite Leverancier Applicatie Rekencentrum',
];

/** Each search through the old and the new Lucene query, interleaved (a busy machine skews both alike): p50/max of 30 each. */
async function searchLatency(driver: Driver, base: string) {
  const rows: Record<string, string | number>[] = [];
  for (const q of SEARCHES) {
    const before: number[] = [];
    const after: number[] = [];
    const http: number[] = [];
    let found = { before: 0, after: 0 };
    for (let i = 0; i < 32; i++) {
      for (const [lucene, into, key] of [[luceneQueryBefore(q), before, 'before'], [luceneQuery(q), after, 'after']] as const) {
        const started = performance.now();
        const result = await read(driver, query('views/search').text, { lucene, limit: int(20) });
        if (i >= 2) into.push(performance.now() - started);
        found = { ...found, [key]: result.length };
      }
      const started = performance.now();
      await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`)).arrayBuffer();
      if (i >= 2) http.push(performance.now() - started);
    }
    rows.push({
      search: q.length > 50 ? `${q.slice(0, 47)}…` : q, words: q.split(/\s+/).length,
      'before p50 ms': percentile(before, 0.5), 'before max ms': percentile(before, 1), 'after p50 ms': percentile(after, 0.5), 'after max ms': percentile(after, 1),
      'HTTP p50 ms': percentile(http, 0.5), 'hits before': found.before, 'hits after': found.after,
    });
  }
  return rows;
}

export async function runBombs(): Promise<object> {
  const db = await startLocalNeo4j({ instanceDir: join(defaultCacheDir(), 'bench-bombs'), boltPort: PORT, heap: '1g', pageCache: '256m', log: message => log(`[neo4j] ${message}`) });
  const driver = createDriver({ uri: db.uri });
  try {
    await applySchema(driver);
    const [{ applications }] = await read<{ applications: number }>(driver, 'MATCH (a:Application) RETURN count(a) AS applications');
    if (applications === 0) {
      const folder = fromRoot('importers', 'demo', 'data', 'gemeente-roerdam');
      const names = ['applications', 'contracts', 'interfaces', 'platforms', 'suppliers'].map(name => join(folder, `${name}.csv`));
      await importFiles(driver, names, { source: 'demo:gemeente-roerdam', user: 'bench' });
    }
    const machine = await machineInfo(driver);
    const server = await startServer(db.uri, HTTP_PORT, log);
    try {
      const pid = serverPid(server.pid);
      const cases = await hostileCases(server.base, pid);
      const bomb = await xlsxBomb({ inflatedBytes: 1250 * MB, declaredBytes: 10_000 });
      const idle = await healthLatency(server.base, 3000);
      let bombs = 0;
      const underBombs = await healthLatency(server.base, 0, async () => {
        const until = performance.now() + 3000;
        await Promise.all(Array.from({ length: 4 }, async () => {
          while (performance.now() < until) {
            await postMultipart(server.base, '/api/imports', [{ field: 'files', filename: 'leveranciers.xlsx', bytes: bomb }]);
            bombs++;
          }
        }));
      });
      const search = await searchLatency(driver, server.base);
      const result = { benchmark: 'bombs', date: new Date().toISOString(), machine, cases, health: { idle, underFourBombs: { ...underBombs, bombsAnswered: bombs } }, search, serverPeakRssMb: server.peakRssMb() };
      printTable(cases.map(({ answer: _answer, ...row }) => row));
      printTable([{ health: 'idle', ...idle }, { health: '4 bombs at once', ...underBombs }]);
      printTable(search);
      console.log(`\nWritten to ${saveResult('bombs', result)}`);
      return result;
    } finally {
      await server.stop();
    }
  } finally {
    await driver.close();
    await db.stop();
  }
}
