// What the numbers were measured on: recorded with every result.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';
import type { Driver } from 'neo4j-driver';
import { read } from '../server/neo4j.js';
import { findJava } from '../server/local-neo4j.js';

export type Machine = { cores: number; cpu: string; memoryGb: number; os: string; node: string; java: string; neo4j: string };

export async function machineInfo(driver?: Driver): Promise<Machine> {
  let neo4jVersion = 'unknown';
  if (driver) {
    const [row] = await read<{ name: string; versions: string[]; edition: string }>(driver, 'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
    neo4jVersion = `${row.name} ${row.versions.join(', ')} ${row.edition}`;
  }
  let java = 'unknown';
  try {
    const result = spawnSync(findJava(), ['-version'], { encoding: 'utf8' });
    java = result.stderr.split('\n').filter(Boolean).slice(0, 2).join(' / ');
  } catch (error) {
    java = error instanceof Error ? error.message : String(error);
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    java,
    neo4j: neo4jVersion,
  };
}

/** Peak resident memory of another process (Linux VmHWM), in MB. */
export function peakRssOfPid(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

// The peak a reset set aside, so withPeakRss still sees a peak reached before a reset inside its work.
let peakBeforeResetMb = 0;

/**
 * Sets this process's VmHWM back to its current RSS (Linux: `5` to /proc/self/clear_refs), so that
 * peakRssOfPid(process.pid) afterwards is the peak of what ran since. False where that is not allowed.
 */
export function resetOwnPeakRss(): boolean {
  peakBeforeResetMb = Math.max(peakBeforeResetMb, peakRssOfPid(process.pid) ?? 0);
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/**
 * The peak RSS of this process while `work` runs, in MB: Linux's VmHWM (reset when `work` starts),
 * and RSS sampled every 50 ms where VmHWM cannot be reset. Sampling alone missed short peaks: on the
 * country analyses it saw 656 MB where VmHWM recorded 760 MB.
 */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  const reset = resetOwnPeakRss();
  peakBeforeResetMb = 0;
  let sampled = process.memoryUsage().rss;
  const timer = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 50);
  try {
    const result = await work();
    sampled = Math.max(sampled, process.memoryUsage().rss);
    const recorded = reset ? Math.max(peakBeforeResetMb, peakRssOfPid(process.pid) ?? 0) : 0;
    return { result, peakRssMb: Math.max(Math.round(sampled / 2 ** 20), recorded) };
  } finally {
    clearInterval(timer);
  }
}
