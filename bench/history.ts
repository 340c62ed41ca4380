// `npm run bench -- history [--size region] [--months 12]`: the size of a year of monthly history.
// The generated landscape of one size imported once, then `months` monthly re-deliveries with about
// 1 % of the rows changed each (bench/import.ts withRowsChanged: every hundredth row of every table,
// another hundredth each month, and one in a thousand interfaces and contracts replaced). After each
// run, what the history holds (history/history-size.cypher): the run's diff as stored, the headline
// numbers recorded after it, and the database's store files; printed per run and as bytes per run.
import { join } from 'node:path';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import type { DemoSize } from '../importers/demo/generate.js';
import { writeGeneratedCsv } from '../importers/demo/write-csv.js';
import { TABLES } from '../importers/model.js';
import { read } from '../server/neo4j.js';
import { query } from '../server/queries.js';
import { importInChild, storeMb, withRowsChanged } from './import.js';
import { benchImportDir, freshBenchDb } from './neo4j.js';

type Size = { buckets: number; stateBytes: number; diffs: number; diffBytes: number; largestDiffBytes: number; headlines: number; headlineBytes: number };
export type HistoryRun = { month: number; seconds: number; written: string | null; diffBytes: number; headlines: number; headlineBytes: number; storeMb: number };
export type HistoryBench = {
  size: DemoSize; rows: number; months: number; firstImportSeconds: number; runs: HistoryRun[];
  /** Per monthly run, on average: its diff as stored, its headline numbers, and the growth of the store files. */
  perRun: { diffBytes: number; headlineBytes: number; historyBytes: number; storeGrowthMb: number };
  /** What is kept after the last run: the row state (one copy, not per run) and all diffs and headline numbers. */
  after: { stateBytes: number; diffs: number; diffBytes: number; headlines: number; headlineBytes: number; storeMb: number };
};

const sizeOf = async (driver: Parameters<typeof read>[0]) => (await read<Size>(driver, query('history/history-size').text))[0];
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function benchHistory(size: DemoSize, months: number, log: (message: string) => void): Promise<HistoryBench> {
  const dir = join(benchImportDir(), `history-${size}`);
  rmSync(dir, { recursive: true, force: true });
  const rowCounts = await writeGeneratedCsv({ size }, dir, { dialect: 'en' });
  const rows = TABLES.reduce((sum, table) => sum + rowCounts[table], 0);
  log(`${size}: ${rows.toLocaleString('en-US')} rows (${(readdirSync(dir).reduce((sum, file) => sum + readFileSync(join(dir, file)).byteLength, 0) / 2 ** 20).toFixed(1)} MB of CSV)`);
  const db = await freshBenchDb();
  try {
    const source = `bench:${size}`;
    const first = await importInChild(db.uri, TABLES.map(table => join(dir, `${table}.csv`)), source);
    if (first.error) throw new Error(`first import: ${first.error}`);
    log(`  first import: ${first.seconds.toFixed(1)} s (${first.written})`);
    let before = await sizeOf(db.driver);
    const storeBefore = storeMb();
    const runs: HistoryRun[] = [];
    for (let month = 0; month < months; month++) {
      // Each month's files are last month's with another 1 % changed.
      const run = await importInChild(db.uri, withRowsChanged(dir, month, month === 0 ? dir : join(dir, `changed-${month - 1}`)), source);
      if (run.error) throw new Error(`month ${month + 1}: ${run.error}`);
      const after = await sizeOf(db.driver);
      runs.push({
        month: month + 1, seconds: round(run.seconds), written: run.written ?? null, diffBytes: after.diffBytes - before.diffBytes,
        headlines: after.headlines - before.headlines, headlineBytes: after.headlineBytes - before.headlineBytes, storeMb: storeMb(),
      });
      log(`  month ${month + 1}: ${run.seconds.toFixed(1)} s (${run.written}), diff ${runs.at(-1)!.diffBytes.toLocaleString('en-US')} bytes, ${runs.at(-1)!.headlines} headline records`);
      before = after;
    }
    const mean = (pick: (run: HistoryRun) => number) => Math.round(runs.reduce((sum, run) => sum + pick(run), 0) / runs.length);
    const last = await sizeOf(db.driver);
    const storeAfter = storeMb();
    return {
      size, rows, months, firstImportSeconds: round(first.seconds), runs,
      perRun: { diffBytes: mean(run => run.diffBytes), headlineBytes: mean(run => run.headlineBytes), historyBytes: mean(run => run.diffBytes + run.headlineBytes), storeGrowthMb: round((storeAfter - storeBefore) / months) },
      after: { stateBytes: last.stateBytes, diffs: last.diffs, diffBytes: last.diffBytes, headlines: last.headlines, headlineBytes: last.headlineBytes, storeMb: storeAfter },
    };
  } finally {
    await db.stop();
  }
}
