// "What changed since": the rows the runs after a date or run added, changed and removed (their net
// effect: a row added and removed again is no change), per table, and for each organisation its headline
// numbers before and after with the items that entered or left their lists (new single points of
// failure, contracts that entered the notice window). Read from the runs' diffs and the headline
// numbers recorded after them (importers/history.ts, headlines.ts): lookups, no past landscape made again.
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { runDiffsSince, type StoredChange, type StoredRunDiff } from '../../importers/history.js';
import { TABLES, type TableName } from '../../importers/model.js';
import { NotFoundError } from '../errors.js';
import { IsoDate } from './params.js';
import { read } from '../neo4j.js';
import { query } from '../queries.js';
import { type HeadlineItem, headlineAt, headlineSeries, type RecordedHeadline } from './headlines.js';
import { fetchLandscape, platformChain } from './landscape.js';
import { namedNotice } from './changes-names.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;
/** Written as a date in some form (2026-02-31, 31-01-2026, 31/1/2026), not a run id. */
const LOOKS_LIKE_DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([T ]|$)/;
/** An import run's id: a UUID, for a deletion prefixed `delete-` (importers/history.ts). */
const RUN_ID = /^(delete-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isExistingDate = (text: string) => IsoDate.safeParse(text.slice(0, 10)).success && (DAY.test(text) || (TIME.test(text) && !Number.isNaN(Date.parse(text))));

export const ChangesQuery = z.object({
  since: z.string().trim().min(1, 'a date (2026-01-31), a time or an import run id / een datum of import').max(100)
    // Anything written as a date is a date (not a run id), and one that exists: 2026-02-31 or 31-01-2026 is refused as such.
    // What is neither a run id nor an existing date ("gisteren", a browser's 275760-09-04) is a date the user got wrong.
    .refine(text => (LOOKS_LIKE_DATE.test(text) ? isExistingDate(text) : RUN_ID.test(text) || isExistingDate(text)), 'an existing date such as 2026-01-31 / een bestaande datum')
    .describe('A date (YYYY-MM-DD: changes after the start of that day), an ISO time, or the id of an import run (changes after it)'),
  organisation: z.string().trim().min(1).max(200).optional().describe('Only what concerns this organisation (its applications, interfaces and contracts, and the suppliers and platforms they use)'),
  limit: z.coerce.number().int().min(1).max(5000).default(200).describe('Items listed per table and kind at most (the counts are always complete)'),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export type FieldChange = { field: string; before: unknown; after: unknown };
export type ItemChange = { uid: string; name: string; organisation: string | null; fields?: FieldChange[] };
export type TableChanges = { added: number; changed: number; removed: number; items: { added: ItemChange[]; changed: ItemChange[]; removed: ItemChange[] } };
export type HeadlineChange = {
  organisation: string;
  /** The numbers compared with: as recorded at `since`, or (nothing recorded then) the first measurement after it (`first`). */
  before: RecordedHeadline | null;
  baseline: 'since' | 'first' | null;
  after: RecordedHeadline | null;
  entered: { spofs: HeadlineItem[]; notice: HeadlineItem[] };
  left: { spofs: HeadlineItem[]; notice: HeadlineItem[] };
};
export type Changes = {
  since: { at: string; runId: string | null };
  runs: { runId: string; source: string; at: string; user: string; kind: string }[];
  /** False when a run in the range kept only its counts (an initial import, or one of more than 50,000 rows): its rows are not listed. */
  complete: boolean;
  tables: Record<TableName, TableChanges>;
  headlines: HeadlineChange[];
};

/** `since` as a time: a date is the start of that day (UTC), a run id the moment that run finished. */
async function sinceTime(driver: Driver, since: string): Promise<{ at: string; runId: string | null }> {
  if (DAY.test(since)) return { at: `${since}T00:00:00Z`, runId: null };
  if (TIME.test(since) && !Number.isNaN(Date.parse(since))) return { at: since, runId: null };
  const [run] = await read<{ at: string }>(driver, query('history/run-finished').text, { runId: since });
  if (!run?.at) throw new NotFoundError(`No finished import run '${since}' / Geen afgeronde import '${since}'`);
  return { at: run.at, runId: since };
}

export async function changesSince(driver: Driver, params: ChangesQuery): Promise<Changes> {
  const since = await sinceTime(driver, params.since);
  const diffs = await runDiffsSince(driver, since.at);
  const organisation = params.organisation ?? null;
  const net = netChanges(diffs);
  const concerned = organisation ? await concerning(driver, organisation, net) : null;
  const tables = Object.fromEntries(TABLES.map((table): [TableName, TableChanges] => [table, { added: 0, changed: 0, removed: 0, items: { added: [], changed: [], removed: [] } }])) as Record<TableName, TableChanges>;
  for (const change of net) {
    if (concerned && !concerned(change)) continue;
    const kind = change.before === null ? 'added' : change.after === null ? 'removed' : 'changed';
    const entry = tables[change.table];
    entry[kind]++;
    if (entry.items[kind].length < params.limit) entry.items[kind].push(item(change, kind));
  }
  const touched = organisation ? [organisation] : [...new Set(diffs.flatMap(diff => diff.organisations))].sort();
  // Nothing recorded at `since`: compared with the first measurement after it, so that the lists of
  // what entered agree with the cards (without it, everything would count as new).
  const baseline = async (name: string) => {
    const then = await headlineAt(driver, name, since.at);
    return then ? { before: then, baseline: 'since' as const } : { before: (await headlineSeries(driver, name, since.at, 1_000_000))[0] ?? null, baseline: 'first' as const };
  };
  const headlines = await namedNotice(driver, await Promise.all(touched.map(async name => {
    const { before, baseline: kind } = await baseline(name);
    return { ...headlineChange(name, before, await headlineAt(driver, name, null)), baseline: before ? kind : null };
  })));
  return {
    since,
    runs: diffs.filter(diff => !organisation || diff.organisations.includes(organisation) || diff.organisations.length === 0).map(({ runId, source, at, user, kind }) => ({ runId, source, at, user, kind })),
    complete: diffs.every(diff => diff.changes !== null || diff.kind === 'unchanged'),
    tables,
    headlines: headlines.filter(change => change.before !== null || change.after !== null),
  };
}

type NetChange = { table: TableName; uid: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/** Per source and row, the row before the first run and after the last; unchanged in the end: left out. */
function netChanges(diffs: StoredRunDiff[]): NetChange[] {
  const byRow = new Map<string, NetChange>();
  for (const diff of diffs) {
    for (const change of diff.changes ?? []) {
      const key = `${diff.source}\u0000${change.table}\u0000${change.uid}`;
      const earlier = byRow.get(key);
      byRow.set(key, { table: change.table, uid: change.uid, before: earlier ? earlier.before : change.before, after: change.after });
    }
  }
  return [...byRow.values()].filter(change => JSON.stringify(change.before) !== JSON.stringify(change.after)).sort((a, b) => a.uid.localeCompare(b.uid));
}

const nameOf = (row: Record<string, unknown>) => String(row.name ?? row.id ?? '');

function item(change: NetChange, kind: 'added' | 'changed' | 'removed'): ItemChange {
  const row = (change.after ?? change.before)!;
  const base = { uid: change.uid, name: nameOf(row), organisation: (row.organisation as string | undefined) ?? null };
  if (kind !== 'changed') return base;
  const fields = [...new Set([...Object.keys(change.before!), ...Object.keys(change.after!)])]
    .filter(field => JSON.stringify(change.before![field]) !== JSON.stringify(change.after![field]))
    .map(field => ({ field, before: change.before![field] ?? null, after: change.after![field] ?? null }));
  return { ...base, fields };
}

/**
 * What concerns one organisation: its applications, interfaces and contracts, and the suppliers and
 * platforms they use now (its snapshot) or used before or after a change (the changed rows).
 */
async function concerning(driver: Driver, organisation: string, changes: NetChange[]): Promise<(change: NetChange) => boolean> {
  const landscape = await fetchLandscape(driver, [organisation]);
  const used = new Set<string>();
  for (const application of landscape.applications.values()) {
    for (const supplier of application.suppliers) used.add(supplier);
    for (const platform of platformChain(landscape, application)) {
      used.add(platform);
      for (const provider of landscape.platforms.get(platform)?.providers ?? []) used.add(provider);
    }
  }
  for (const contract of landscape.contracts) if (contract.supplier) used.add(contract.supplier);
  for (const change of changes) {
    for (const row of [change.before, change.after]) {
      if (!row || row.organisation !== organisation) continue;
      if (typeof row.supplier === 'string') used.add(`supplier:${row.supplier}`);
      if (typeof row.platform === 'string') used.add(`platform:${row.platform}`);
    }
  }
  // A platform used, before or after its change, brings what it ran on and who hosted it then.
  for (let grown = true; grown;) {
    grown = false;
    for (const change of changes) {
      if (change.table !== 'platforms' || !used.has(change.uid)) continue;
      for (const row of [change.before, change.after]) {
        for (const uid of [typeof row?.runsOn === 'string' ? `platform:${row.runsOn}` : null, typeof row?.supplier === 'string' ? `supplier:${row.supplier}` : null]) {
          if (uid && !used.has(uid)) grown = Boolean(used.add(uid));
        }
      }
    }
  }
  return change => {
    if (change.table === 'suppliers' || change.table === 'platforms') return used.has(change.uid);
    return [change.before, change.after].some(row => row?.organisation === organisation);
  };
}

function headlineChange(organisation: string, before: RecordedHeadline | null, after: RecordedHeadline | null): Omit<HeadlineChange, 'baseline'> {
  const difference = (from: HeadlineItem[] = [], to: HeadlineItem[] = []) => {
    const had = new Set(from.map(entry => entry.uid));
    return to.filter(entry => !had.has(entry.uid));
  };
  // Nothing recorded since: the numbers then are the numbers now.
  const now = after && before && after.runId === before.runId ? before : after;
  return {
    organisation,
    before,
    after: now,
    entered: { spofs: difference(before?.spofs, now?.spofs), notice: difference(before?.notice, now?.notice) },
    left: { spofs: difference(now?.spofs, before?.spofs), notice: difference(now?.notice, before?.notice) },
  };
}

export type { StoredChange };
