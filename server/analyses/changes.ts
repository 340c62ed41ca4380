// "What changed since": the rows the runs after a date or run (and up to one, `until`) added, changed and
// removed (their net effect: a row added and removed again is no change), per table, and for each
// organisation its headline numbers before and after with the items that entered or left their lists (new
// single points of failure, contracts that entered the notice window, the Kwetsbare punten top 10); and every import run of the
// period, with the counts of those whose rows are not known. Read from the runs' diffs, their run records
// and the headline numbers recorded after them (importers/history.ts, headlines.ts): lookups, no past
// landscape made again.
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { type RunKind, runDiffsSince, type StoredChange, type StoredRunDiff } from '../../importers/history.js';
import { TABLES, type TableName } from '../../importers/model.js';
import { InputError, NotFoundError } from '../errors.js';
import { importKind } from '../reports/source-name.js';
import { addDays, IsoDate, today } from './params.js';
import { dutchDay, dutchDayStart } from '../format.js';
import { currentTerm } from './contract-term.js';
import { read } from '../neo4j.js';
import { query } from '../queries.js';
import { type HeadlineItem, headlineAt, headlineSeries, type RecordedHeadline } from './headlines.js';
import { type ContractFact, fetchLandscape, platformChain } from './landscape.js';
import { type Listed, type NoticeEntry, namedItems, namedNotice } from './changes-names.js';
import type { SupplierShare } from './supplier-exposure.js';
import type { RankedPoint } from './single-points-of-failure.js';
import type { Language } from '../labels.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/;
/** Written as a date in some form (2026-02-31, 31-01-2026, 31/1/2026), not a run id. */
const LOOKS_LIKE_DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}([T ]|$)/;
/** An import run's id: a UUID, for a deletion prefixed `delete-` (importers/history.ts). */
const RUN_ID = /^(delete-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isExistingDate = (text: string) => IsoDate.safeParse(text.slice(0, 10)).success && (DAY.test(text) || (TIME.test(text) && !Number.isNaN(Date.parse(text))));

/** A date, an ISO time or an import run's id: what `since` and `until` take (a 400 names the field). */
const moment = () => z.string().trim().min(1, 'a date (2026-01-31), a time or an import run id / een datum of import').max(100)
  // Anything written as a date is a date (not a run id), and one that exists: 2026-02-31 or 31-01-2026 is refused as such.
  // What is neither a run id nor an existing date ("gisteren", a browser's 275760-09-04) is a date the user got wrong.
  .refine(text => (LOOKS_LIKE_DATE.test(text) ? isExistingDate(text) : RUN_ID.test(text) || isExistingDate(text)), 'an existing date such as 2026-01-31 / een bestaande datum');

export const ChangesQuery = z.object({
  since: moment().describe('A date (YYYY-MM-DD: changes after the start of that day in the Netherlands), an ISO time, or the id of an import run (changes after it)'),
  until: moment().optional()
    .describe('Only changes up to here: a date (YYYY-MM-DD: up to the end of that day in the Netherlands), an ISO time, or the id of an import run (up to and including it). With `since` the start of a run and `until` its id: what that one run changed'),
  organisation: z.string().trim().min(1).max(200).optional().describe('Only what concerns this organisation (its applications, interfaces and contracts, and the suppliers and platforms they use)'),
  limit: z.coerce.number().int().min(1).max(5000).default(200).describe('Items listed per table and kind at most (the counts are always complete)'),
  lang: z.enum(['nl', 'en']).optional().describe('Language of the contracts\' names ("… en …" or "… and …"; default: Accept-Language, else nl)'),
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

/** A changed field; `names`: of a field that holds another row's id (supplier, platform, applications…), its values by that row's name. */
export type FieldChange = {
  field: string; before: unknown; after: unknown; names?: { before: unknown; after: unknown };
  /** A contract's new end date that lies behind today, of a contract that renews by itself: the end of its current term (contract-term.ts), as the contract calendar gives it. */
  renewedUntil?: string;
};
/** `name`: a contract as a report names it ("Acme B.V. – Zaaksysteem (c1)"), an interface by its ends ("BRP → Zaaksysteem (i1)"). */
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
  /** Its contracts that ended in the period (endedContracts), named as the notice lists are. */
  ended: NoticeEntry[];
  /** The suppliers whose share moved most (supplierMoves). */
  suppliers: SupplierMove[];
  /** What moved in the first places of the Kwetsbare punten ranking (rankingMoves); null when either recording predates it. */
  ranking: RankingMoves | null;
};
/**
 * The Kwetsbare punten top 10 (RANKING_KEPT) compared: the places new in it and those that left it (each as
 * recorded on its side), and the places in both whose number of business-critical applications hit moved.
 */
export type RankingMoves = { entered: RankedPoint[]; left: RankedPoint[]; moved: RankingMove[] };
/** A place in both top 10s whose business-critical applications hit went from `before` to `after`. */
export type RankingMove = Pick<RankedPoint, 'uid' | 'name' | 'kind' | 'rank'> & { before: number; after: number };
/**
 * A supplier's shares of an organisation's applications and contract value (percent) before and after, with its
 * applications and contract value per year when both recordings kept those amounts.
 */
export type SupplierMove = { uid: string; name: string; before: Shares; after: Shares };
type Shares = Pick<SupplierShare, 'applicationsShare' | 'contractValueShare' | 'applications' | 'contractValue'>;
/** A table's counts as a run kept them. */
export type RunTableCounts = { added: number; changed: number; unchanged: number; removed: number };
export type ChangesRun = {
  runId: string; source: string; at: string; user: string;
  /** When it started (since=<start>&until=<run id>: what it alone changed); null for a run without a run record (a source deleted). */
  startedAt: string | null;
  /** How it wrote its table rows (importers/history.ts); null: it kept no diff (it wrote no table rows, or its diff is no longer kept). */
  kind: RunKind | null;
  /** What was imported, a kind of server/reports/source-name.ts importKind ("csv", "archimate", "algoritmeregister"); null: not to tell. */
  imported: string | null;
  /** Whether what it changed is in `tables`; false: only its counts are known, in `counts`. */
  rows: boolean;
  /** Where its rows are not known: its counts per table (or per kind of fact, `nodes`, for a model whose diff is gone). */
  counts: { tables: Record<string, RunTableCounts>; nodes?: Record<string, { created?: number; updated?: number; unchanged?: number }>; removed?: Record<string, number> } | null;
};
/** A bound of the period: when, the run it is (a run id was asked), or the day (a date was asked). */
type Moment = { at: string; runId: string | null; day?: string };

export type Changes = {
  since: Moment;
  until: Moment | null;
  runs: ChangesRun[];
  /** False when a run in the range kept only its counts (an initial import, a model's first, one of more than 50,000 rows, one of no table rows): its rows are not listed. */
  complete: boolean;
  tables: Record<TableName, TableChanges>;
  headlines: HeadlineChange[];
};

/** A date (`YYYY-MM-DD`) as the moment its day begins in the Netherlands; anything else as it is. */
export const startOfDay = (moment: string) => (DAY.test(moment) ? dutchDayStart(moment).toISOString() : moment);

/**
 * `since` or `until` as a time: a date is the start of that day in the Netherlands for `since`, its end
 * for `until` (a nightly import at 00:30 belongs to the day its time is shown on); a run id the moment
 * that run finished.
 */
async function momentTime(driver: Driver, moment: string, end = false): Promise<Moment> {
  if (DAY.test(moment)) return { at: end ? new Date(Date.parse(startOfDay(addDays(moment, 1))) - 1).toISOString() : startOfDay(moment), runId: null, day: moment };
  if (TIME.test(moment) && !Number.isNaN(Date.parse(moment))) return { at: moment, runId: null };
  const [run] = await read<{ at: string }>(driver, query('history/run-finished').text, { runId: moment });
  if (!run?.at) throw new NotFoundError(`No finished import run '${moment}' / Geen afgeronde import '${moment}'`);
  return { at: run.at, runId: moment };
}

export async function changesSince(driver: Driver, params: ChangesQuery, language: Language = params.lang ?? 'nl'): Promise<Changes> {
  const since = await momentTime(driver, params.since);
  const until = params.until ? await momentTime(driver, params.until, true) : null;
  if (until && Date.parse(until.at) <= Date.parse(since.at)) {
    throw new InputError('until must come after since / "tot en met" moet na "sinds" liggen', [{ field: 'until', code: 'before-since', message: 'until must come after since / "tot en met" moet na "sinds" liggen' }]);
  }
  const diffs = await runDiffsSince(driver, since.at, null, until?.at ?? null);
  const organisation = params.organisation ?? null;
  const net = netChanges(diffs);
  const concerned = organisation ? await concerning(driver, organisation, net) : null;
  const tables = Object.fromEntries(TABLES.map((table): [TableName, TableChanges] => [table, { added: 0, changed: 0, removed: 0, items: { added: [], changed: [], removed: [] } }])) as Record<TableName, TableChanges>;
  const listed: Listed[] = [];
  for (const change of net) {
    if (concerned && !concerned(change)) continue;
    const kind = change.before === null ? 'added' : change.after === null ? 'removed' : 'changed';
    const entry = tables[change.table];
    entry[kind]++;
    if (entry.items[kind].length >= params.limit) continue;
    const named = item(change, kind);
    entry.items[kind].push(named);
    listed.push({ table: change.table, row: (change.after ?? change.before)!, item: named });
  }
  const touched = organisation ? [organisation] : [...new Set(diffs.flatMap(diff => diff.organisations))].sort();
  await namedItems(driver, listed, net, touched, language);
  // Nothing recorded at `since`: compared with the first measurement after it, so that the lists of
  // what entered agree with the cards (without it, everything would count as new).
  const baseline = async (name: string) => {
    const then = await headlineAt(driver, name, since.at);
    return then ? { before: then, baseline: 'since' as const } : { before: (await headlineSeries(driver, name, since.at, 1_000_000))[0] ?? null, baseline: 'first' as const };
  };
  const contracts = (await fetchLandscape(driver, touched)).contracts;
  const period = { from: since.day ?? dutchDay(since.at), to: until ? until.day ?? dutchDay(until.at) : dutchDay() };
  const headlines = await namedNotice(driver, await Promise.all(touched.map(async name => {
    const { before, baseline: kind } = await baseline(name);
    const ended = endedContracts(contracts, net, name, period);
    return { ...headlineChange(name, before, await headlineAt(driver, name, until?.at ?? null)), baseline: before ? kind : null, ended };
  })));
  const runs = await runsBetween(driver, diffs, since.at, until?.at ?? null, organisation);
  return {
    since,
    until,
    runs,
    complete: runs.every(run => run.rows),
    tables,
    headlines: headlines.filter(change => change.before !== null || change.after !== null),
  };
}

type ImportRunRow = { runId: string; source: string; startedAt: string | null; at: string; user: string; files: string[] | null; counts: string | null; unchanged: boolean; kept: boolean; first: boolean };

/**
 * Every run in the range: those with a diff (of an organisation: those whose rows name it, or none), and
 * the import runs that keep none (the Algoritmeregister's, unchanged ones, those whose diff is gone),
 * each with what was imported and, where its rows are not listed, the counts it kept.
 */
async function runsBetween(driver: Driver, diffs: StoredRunDiff[], since: string, until: string | null, organisation: string | null): Promise<ChangesRun[]> {
  const records = await read<ImportRunRow>(driver, query('history/import-runs-between').text, { since, until });
  const byId = new Map(records.map(record => [record.runId, record]));
  const countsOf = (record: ImportRunRow | undefined) => runCountsOf(record?.counts ?? null);
  const importedOf = (source: string, record: ImportRunRow | undefined) =>
    (countsOf(record).tables?.algorithms ? 'algoritmeregister' : importKind(source, record?.files ?? []));
  const withDiff = diffs.filter(diff => !organisation || diff.organisations.includes(organisation) || diff.organisations.length === 0).map((diff): ChangesRun => {
    const rows = diff.changes !== null || diff.kind === 'unchanged';
    const tables = Object.fromEntries(Object.entries(diff.counts).map(([table, counts]) => [table, { added: counts.added, changed: counts.changed, unchanged: counts.unchanged ?? 0, removed: counts.removed }]));
    // A model's facts beside the tables (endoflife.date's release cycles are no table rows at all).
    const { nodes, removed } = countsOf(byId.get(diff.runId));
    // A model is always read whole; its source's first time is its first import all the same.
    const kind = diff.kind === 'model' && byId.get(diff.runId)?.first ? 'initial' : diff.kind;
    return { runId: diff.runId, source: diff.source, at: diff.at, startedAt: byId.get(diff.runId)?.startedAt ?? null, user: diff.user, kind, imported: importedOf(diff.source, byId.get(diff.runId)), rows, counts: rows ? null : { tables, ...(nodes ? { nodes, removed } : {}) } };
  });
  const without = records.filter(record => !record.kept).map((record): ChangesRun => {
    const { tables = {}, nodes, removed } = countsOf(record);
    return {
      runId: record.runId, source: record.source, at: record.at, startedAt: record.startedAt, user: record.user, kind: record.unchanged ? 'unchanged' : record.first ? 'initial' : null,
      imported: importedOf(record.source, record), rows: record.unchanged,
      counts: record.unchanged ? null : {
        tables: Object.fromEntries(Object.entries(tables).map(([table, counts]) => [table, { added: counts.created ?? 0, changed: counts.updated ?? 0, unchanged: counts.unchanged ?? 0, removed: counts.removed ?? 0 }])),
        ...(nodes ? { nodes, removed } : {}),
      },
    };
  });
  return [...withDiff, ...without].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

type RecordedCounts = { tables?: Record<string, { created?: number; updated?: number; unchanged?: number; removed?: number }>; nodes?: Record<string, { created?: number; updated?: number; unchanged?: number }>; removed?: Record<string, number> };

/** An ImportRun's `counts` (JSON): per table for a table import, per kind of fact for a model. */
function runCountsOf(json: string | null): RecordedCounts {
  try {
    const parsed: unknown = json ? JSON.parse(json) : null;
    return parsed && typeof parsed === 'object' ? parsed as RecordedCounts : {};
  } catch {
    return {};
  }
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
    .map((field): FieldChange => ({ field, before: change.before![field] ?? null, after: change.after![field] ?? null, ...renewal(change, field) }));
  return { ...base, fields };
}

/**
 * "einddatum: 18-07-2027 → 30-11-2026" of a contract that renews by itself read as ended; the contract
 * calendar says it runs on to 30-11-2027. So such a change says until when.
 */
export function renewal(change: NetChange, field: string): Pick<FieldChange, 'renewedUntil'> {
  const after = change.after!;
  if (change.table !== 'contracts' || field !== 'end' || after.autoRenew !== true || typeof after.end !== 'string') return {};
  const term = currentTerm({ end: after.end, autoRenew: true }, today());
  return term?.renewed ? { renewedUntil: term.end } : {};
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

/**
 * The contracts of `organisation` that ended in the period: those a delivery moved from running at its
 * start to ended by its end ("einddatum: 14-06-2028 → 30-11-2026"), and those whose end date fell in it.
 * Not one that renews by itself (it runs on past its written end, as the contract calendar counts it),
 * nor a removed row (listed as removed).
 */
export function endedContracts(contracts: ContractFact[], net: NetChange[], organisation: string, { from, to }: { from: string; to: string }): NoticeEntry[] {
  const ended = new Map<string, NoticeEntry>();
  const endOf = (row: Record<string, unknown> | null) => (typeof row?.end === 'string' ? row.end : null);
  for (const change of net) {
    if (change.table !== 'contracts' || change.after?.organisation !== organisation || change.after.autoRenew === true) continue;
    const [before, after] = [endOf(change.before), endOf(change.after)];
    if (before && after && before >= from && after < to) ended.set(change.uid, { uid: change.uid, name: String(change.after.id ?? change.uid), end: after });
  }
  for (const contract of contracts) {
    if (contract.organisation !== organisation || contract.autoRenew || !contract.end || contract.end < from || contract.end >= to) continue;
    ended.set(contract.uid, { uid: contract.uid, name: contract.name, end: contract.end });
  }
  return [...ended.values()].sort((a, b) => String(a.end).localeCompare(String(b.end)) || a.uid.localeCompare(b.uid));
}

function headlineChange(organisation: string, before: RecordedHeadline | null, after: RecordedHeadline | null): Omit<HeadlineChange, 'baseline' | 'ended'> {
  const difference = (from: HeadlineItem[] = [], to: HeadlineItem[] = []) => {
    const had = new Set(from.map(entry => entry.uid));
    return to.filter(entry => !had.has(entry.uid));
  };
  // Nothing recorded since: the numbers then are the numbers now.
  const now = after && before && after.runId === before.runId ? before : after;
  // Every supplier's shares stay out of the answer (a country-wide one would carry them 342 times twice): the moves are in `suppliers`.
  const numbers = (headline: RecordedHeadline | null) => (headline ? { ...headline, spofRanking: null, suppliers: null } : null);
  return {
    organisation,
    before: numbers(before),
    after: numbers(now),
    entered: { spofs: difference(before?.spofs, now?.spofs), notice: difference(before?.notice, now?.notice) },
    left: { spofs: difference(now?.spofs, before?.spofs), notice: difference(now?.notice, before?.notice) },
    suppliers: supplierMoves(before?.suppliers, now?.suppliers),
    ranking: rankingMoves(before?.spofRanking, now?.spofRanking),
  };
}

/**
 * The first places of the Kwetsbare punten ranking between two recordings: which are new ("Grutto
 * Software B.V. (leverancier): #3"), which left, and in which the business-critical applications hit
 * moved ("112 → 113"), the largest move first. Null when either recording predates the ranking.
 */
export function rankingMoves(before: RankedPoint[] | null | undefined, after: RankedPoint[] | null | undefined): RankingMoves | null {
  if (!before || !after) return null;
  const was = new Map(before.map(point => [point.uid, point]));
  const is = new Set(after.map(point => point.uid));
  const moved = after.flatMap((point): RankingMove[] => {
    const then = was.get(point.uid);
    return then && then.failedCriticalApplications !== point.failedCriticalApplications
      ? [{ uid: point.uid, name: point.name, kind: point.kind, rank: point.rank, before: then.failedCriticalApplications, after: point.failedCriticalApplications }]
      : [];
  });
  return {
    entered: after.filter(point => !was.has(point.uid)),
    left: before.filter(point => !is.has(point.uid)),
    moved: moved.sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || a.rank - b.rank),
  };
}

/** How many suppliers' moves a change lists: every share moves a little when one supplier gains. */
const SUPPLIER_MOVES = 5;

/**
 * The suppliers whose share of the organisation's contract value or applications moved most between
 * two recordings ("Grutto Software B.V.: 12,2% → 15,0% van de contractwaarde"); a supplier missing from
 * one held no share then. None when either recording predates the shares.
 */
export function supplierMoves(before: SupplierShare[] | null | undefined, after: SupplierShare[] | null | undefined): SupplierMove[] {
  if (!before || !after) return [];
  const was = new Map(before.map(entry => [entry.uid, entry]));
  const is = new Map(after.map(entry => [entry.uid, entry]));
  // Amounts only when both recordings have them: one recorded before they were says nothing of its amounts.
  const amounts = [...before, ...after].every(entry => typeof entry.applications === 'number' && typeof entry.contractValue === 'number');
  const shares = (entry: SupplierShare | undefined): Shares => ({
    applicationsShare: entry?.applicationsShare ?? 0, contractValueShare: entry?.contractValueShare ?? 0,
    ...(amounts ? { applications: entry?.applications ?? 0, contractValue: entry?.contractValue ?? 0 } : {}),
  });
  const size = (move: SupplierMove) => Math.max(Math.abs(move.after.contractValueShare - move.before.contractValueShare), Math.abs(move.after.applicationsShare - move.before.applicationsShare));
  return [...new Set([...was.keys(), ...is.keys()])]
    .map((uid): SupplierMove => ({ uid, name: (is.get(uid) ?? was.get(uid))!.name, before: shares(was.get(uid)), after: shares(is.get(uid)) }))
    .filter(move => size(move) >= 0.1)
    .sort((a, b) => size(b) - size(a) || a.name.localeCompare(b.name))
    .slice(0, SUPPLIER_MOVES);
}

export type { StoredChange };
