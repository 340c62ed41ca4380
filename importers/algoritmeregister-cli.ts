// The Algoritmeregister from the command line: `npm run import -- algoritmes.json` finds it by its
// first bytes, imports it and prints what it did, the organisations it did not find and the matches.
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { type AlgorithmImportOptions, type AlgorithmReport, importAlgoritmeregister, isAlgoritmeregister } from './algoritmeregister.js';

/** Whether the path is a register file (read: its first 4 KB). */
export function isAlgoritmeregisterPath(path: string): boolean {
  if (!/\.json$/i.test(path) || !statSync(path, { throwIfNoEntry: false })?.isFile()) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const length = readSync(fd, head, 0, head.length, 0);
    return isAlgoritmeregister({ name: basename(path), bytes: head.subarray(0, length) });
  } finally {
    closeSync(fd);
  }
}

export async function importAlgoritmeregisterFiles(driver: Driver, paths: string[], options: AlgorithmImportOptions, out = (line: string) => process.stdout.write(`${line}\n`)): Promise<AlgorithmReport> {
  const report = await importAlgoritmeregister(driver, paths.map(path => ({ name: basename(path), bytes: readFileSync(path) })), options);
  const t = report.tables.algorithms;
  out(`Source ${report.source}${report.dryRun ? ' (dry run: nothing written / proefrun: niets geschreven)' : ''}${report.runId ? `, run ${report.runId}` : ''}`);
  out(`algorithms / algoritmes: ${t.read} read, ${t.created} created, ${t.updated} updated, ${t.unchanged} unchanged, ${t.removed} removed`);
  out(`organisations found / organisaties gevonden: ${report.organisations.matched.length}; not in the landscape / niet in het landschap: ${report.organisations.unmatched.length}`);
  for (const o of report.organisations.unmatched.slice(0, 20)) out(`  not found / niet gevonden: ${o.name} (${o.algorithms})`);
  if (report.organisations.unmatched.length > 20) out(`  … and ${report.organisations.unmatched.length - 20} more / en nog ${report.organisations.unmatched.length - 20}`);
  out(`proposed links for review / voorgestelde koppelingen: ${Object.entries(report.matches).map(([confidence, n]) => `${n} ${confidence}`).join(', ') || 'none / geen'}`);
  if (report.issues.length) {
    out(`${report.issues.length} problem(s), nothing was written / ${report.issues.length} probleem/problemen, er is niets geschreven:`);
    for (const issue of report.issues) out(`  ${issue.message}`);
  }
  return report;
}
