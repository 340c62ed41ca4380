// The Roer server as a child process (`npm start`, NEO4J_URI pointing at a bench instance), so the
// benchmarks measure its memory on its own: peak RSS is Linux's VmHWM of the process tree
// (npm → tsx → node; the node process running server/main.ts is the one that counts).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { peakRssOfPid } from './machine.js';
import { projectRoot } from '../server/paths.js';


export type ServerProcess = { base: string; pid: number; peakRssMb: () => number; currentRssMb: () => number; stop: () => Promise<void> };

/** Every process below `pid` (from /proc/<pid>/stat's parent field). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      /* gone */
    }
  }
  const result: number[] = [];
  const queue = [pid];
  while (queue.length) for (const child of children.get(queue.shift()!) ?? []) (result.push(child), queue.push(child));
  return result;
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** `npm start` on 127.0.0.1:<port> against `neo4jUri`, no auth, no demo data; resolves when /api/ready answers. */
export async function startServer(neo4jUri: string, port: number, log: (message: string) => void): Promise<ServerProcess> {
  const child: ChildProcess = spawn('npm', ['start'], {
    cwd: projectRoot,
    env: { ...process.env, NEO4J_URI: neo4jUri, PORT: String(port), HOST: '127.0.0.1', ROER_AUTH: 'off', ROER_DEMO: 'none', NEO4J_QUERY_TIMEOUT_MS: '120000' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', chunk => (output += chunk));
  child.stderr!.on('data', chunk => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output.slice(-2000)}`);
    if (Date.now() > deadline) throw new Error(`npm start did not answer within 180 s:\n${output.slice(-2000)}`);
    try {
      if ((await fetch(`${base}/api/ready`)).ok && /Roer is running/.test(output)) break;
    } catch {
      /* not listening yet */
    }
    await new Promise(done => setTimeout(done, 300));
  }
  const tree = () => [child.pid!, ...descendants(child.pid!)];
  // The server process: the biggest of the tree (npm and the tsx launcher are small).
  const peakRssMb = () => Math.max(...tree().map(pid => peakRssOfPid(pid) ?? 0));
  const currentRssMb = () => Math.max(...tree().map(rssOf));
  log(`server: ${base} (npm start, pid ${child.pid}, RSS ${currentRssMb()} MB after start-up)`);
  return {
    base, pid: child.pid!, peakRssMb, currentRssMb,
    stop: async () => {
      const exited = new Promise(done => child.once('exit', done));
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise(done => setTimeout(done, 15_000))]);
    },
  };
}
