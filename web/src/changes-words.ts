// Lines on the changes page that say what a number is compared with and why it moved: the first measurement
// when none was recorded at the chosen moment, the date lock-in is counted on, and a notice deadline passed;
// and the imports of the period in words, saying of those that kept only counts what they counted.
import type { ChangesRun } from '../../server/analyses/changes.js';
import { importKindName, runSourceName } from '../../server/reports/source-name.js';
import { TABLE_KINDS } from '../../server/labels.js';
import { organisationNamed as byId, sourceName } from './data-quality-words.js';
import { h } from './dom.js';
import { formatDate, formatDateTime, inWords, language, t, type MessageKey } from './i18n.js';
import { nodeCountWords } from './run-counts.js';
import { dutchDay } from '../../server/format.js';

export type { ChangesRun };

type Measured = { at: string; meanLockIn: number | null };
type Change = { before: Measured | null; after: Measured | null; baseline?: 'since' | 'first' | null };

/** "Vergeleken met de eerste meting (03-12-2026 23:51): …" when nothing was recorded at the chosen moment. */
export function baselineLine(change: Change): HTMLElement | null {
  if (change.baseline !== 'first' || !change.before) return null;
  return h('p', { class: 'hint', id: 'changes-baseline' }, t('changes.baselineFirst', { when: formatDateTime(change.before.at) }));
}

/**
 * Lock-in counts the years a contract still runs, from the day it is measured: measured on another day,
 * the mean moves without any change in the data. Says so when the mean moved between two days.
 */
export function lockInDateLine(change: Change): HTMLElement | null {
  const { before, after } = change;
  if (!before || !after || typeof before.meanLockIn !== 'number' || typeof after.meanLockIn !== 'number') return null;
  const [from, to] = [dutchDay(before.at), dutchDay(after.at)];
  if (from === to || before.meanLockIn.toFixed(1) === after.meanLockIn.toFixed(1)) return null;
  return h('p', { class: 'hint', id: 'changes-lockin-date' }, t('changes.lockInDate', { before: formatDate(from), after: formatDate(to) }));
}

type RunRecord = { runId?: unknown; startedAt?: unknown; finishedAt?: unknown; status?: unknown; unchangedSince?: unknown };

/** An import that wrote something: finished well, and not one that found its files unchanged. */
export const runChangedSomething = (run: RunRecord): boolean => run.status === 'ok' && Boolean(run.finishedAt) && !run.unchangedSince;

/**
 * The changes page for what one import changed: from its start up to and including it (since=<start>&until=<run id>),
 * the reading the page's "wat import … veranderde" choice makes; null for a run that changed nothing.
 */
export function runChangesHash(run: RunRecord): string | null {
  if (!runChangedSomething(run) || typeof run.startedAt !== 'string' || typeof run.runId !== 'string') return null;
  return `#/changes?${new URLSearchParams({ since: run.startedAt, until: run.runId })}`;
}

/**
 * " — opzeggen vóór 26-07-2026", or " — opzegdatum verstreken (29-06-2026)" once that day has passed. A
 * contract that does not renew by itself ends on its end date whatever notice is given, so its line says
 * that, as the contract calendar does ("Uiterste opzegdatum: niet van toepassing"): a passed deadline
 * read as a deadline missed.
 */
export function noticeExtra(item: { noticeDeadline?: string; end?: string; contract?: { autoRenew: boolean } }, today = dutchDay()): string {
  if (item.contract?.autoRenew === false && item.end) return ` — ${t('changes.endsWithoutRenewal', { date: formatDate(item.end) })}`;
  if (!item.noticeDeadline) return '';
  const date = formatDate(item.noticeDeadline);
  return ` — ${item.noticeDeadline < today ? t('changes.noticePassed', { date }) : t('changes.noticeBy', { date })}`;
}

/**
 * "Wat de import van 04-12-2026 16:50 veranderde · Gemeente Roerdam (CSV-bestanden) · alleen de verschillen met de
 * vorige levering verwerkt · i.manager", its first part a link to what that import alone changed (as the page's
 * "wat import … veranderde" choice); a run that changed nothing, or has no start (a source deleted), starts with its
 * time as text. A run that wrote no table rows goes without the middle part.
 */
export function runLine(run: ChangesRun): (string | HTMLElement)[] {
  const how = run.kind ? t(`changes.kind.${run.kind}` as MessageKey) : null;
  const rest = [runSourceName(run.source, run.imported, language(), byId), how, inWords('import.user.', String(run.user))].filter(Boolean).join(' · ');
  // Every run listed finished well (history/import-runs-between); one that found its files unchanged changed nothing.
  const hash = run.kind === 'unchanged' ? null : runChangesHash({ runId: run.runId, startedAt: run.startedAt, finishedAt: run.at, status: 'ok' });
  const when = formatDateTime(run.at);
  return hash ? [h('a', { href: hash, class: 'changes-run-link' }, t('changes.runLink', { when })), ` · ${rest}`] : [`${when} · ${rest}`];
}

/** What a run counted, in words: "120 applicaties, 3 leveranciers (1 verwijderd)"; of no table rows, its facts ("16 releasecycli"). */
function countWords(counts: NonNullable<ChangesRun['counts']>): string {
  const nodes: Record<string, { created: number; updated: number; unchanged: number }> = {};
  const removed: Record<string, number> = {};
  for (const [table, count] of Object.entries(counts.tables)) {
    const kind = TABLE_KINDS[table] ?? table;
    nodes[kind] = { created: count.added, updated: count.changed, unchanged: count.unchanged };
    removed[kind] = count.removed;
  }
  return nodeCountWords(nodes, removed) || nodeCountWords(counts.nodes, counts.removed) || t('common.none').toLowerCase();
}

/**
 * For each import whose rows are not known (a first import, a model's first, one too large, one of no
 * table rows such as the Algoritmeregister): "ArchiMate-model ingelezen: 120 applicaties; per rij niet
 * bijgehouden", so that an empty table does not read as "nothing changed".
 */
/** What a run read, in words: "endoflife.date", "Algoritmeregister", "demo". */
export const runKind = (run: ChangesRun): string => (run.imported ? importKindName(run.imported, language()) : sourceName(run.source));

export function untrackedRuns(runs: ChangesRun[]): HTMLElement | null {
  const untracked = runs.filter(run => !run.rows && run.counts);
  if (untracked.length === 0) return null;
  return h('ul', { id: 'changes-untracked', class: 'message info' }, untracked.map(run => {
    const kind = runKind(run);
    // At the start of the line: "Demo", but "endoflife.date" as it writes itself.
    const what = /^[a-z]+$/.test(kind) ? kind.charAt(0).toUpperCase() + kind.slice(1) : kind;
    const source = runSourceName(run.source, run.imported, language(), byId);
    return h('li', {}, t('changes.untracked', { what, counts: countWords(run.counts!) }),
      h('small', { class: 'hint' }, ` · ${source === kind ? '' : `${source} · `}${formatDateTime(run.at)}`));
  }));
}
