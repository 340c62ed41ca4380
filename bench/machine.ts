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

/**
 * Sets this process's VmHWM back to its current RSS (Linux: `5` to /proc/self/clear_refs), so that
 * peakRssOfPid(process.pid) afterwards is the peak of what ran since. False where that is not allowed.
 */
export function resetOwnPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples this process's RSS while `work` runs; returns its result and the peak in MB. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakRssMb: Math.round(peak / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}
