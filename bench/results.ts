// Results: bench/results/<name>.json plus a plain table on stdout.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from '../server/paths.js';

export const resultsDir = fromRoot('bench', 'results');

export function saveResult(name: string, result: unknown): string {
  mkdirSync(resultsDir, { recursive: true });
  const path = join(resultsDir, `${name}.json`);
  writeFileSync(path, JSON.stringify(result, null, 2) + '\n');
  return path;
}

export function printTable(rows: Record<string, string | number>[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const text = (value: string | number) => (typeof value === 'number' ? value.toLocaleString('en-US', { maximumFractionDigits: 2 }) : value);
  const widths = columns.map(column => Math.max(column.length, ...rows.map(row => text(row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(line(columns));
  console.log(widths.map(width => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(columns.map(column => text(row[column] ?? ''))));
}
