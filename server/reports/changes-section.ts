// An organisation's report says what changed since the import before its last: first in sentences
// (how many rows per table, contracts ended, suppliers whose share moved, scharnierpunten and contracts
// that entered or left the lists, what moved in the Kwetsbare punten top 10), then every added, changed
// and removed row with what changed in it, in the Wijzigingen page's words (change-words.ts). Pure (the
// web UI bundles it).
import type { Row } from '../analyses/types.js';
import { type Language, KIND_NAMES, TABLE_KINDS, kindNoun, kindPlural } from '../labels.js';
import { formatDateTime } from '../format.js';
import { CHANGE_TABLES as TABLES, fieldLine, supplierMoveText } from './change-words.js';
import { contractName } from './contract-name.js';
import { sourceName } from './source-name.js';
import type { ReportChanges } from './report-data.js';
import { countedText, listWords, reportText } from './words.js';

const KINDS = ['added', 'changed', 'removed'] as const;
/** The words that end in a list ("Beëindigd: {list}."), and what stands in for it to find where the list starts. */
type ListWord = 'changes.ended' | 'changes.suppliers' | 'changes.noticeEntered' | 'changes.rankingEntered' | 'changes.rankingMoved';
const LIST = '\u0000';

/** The rows of the section: per table, the added, then the changed, then the removed. */
export function changeRows(changes: ReportChanges | null | undefined): Row[] {
  if (!changes) return [];
  return TABLES.flatMap(table => KINDS.flatMap(kind => changes.tables[table].items[kind].map(item => ({ ...item, table, change: kind }) as unknown as Row)));
}

/** "Wat veranderde sinds de import van 01-09-2026 10:14"; with one import only, "… sinds de vorige import". */
export const changesTitle = (changes: ReportChanges | null | undefined, language: Language): string =>
  changes ? reportText(language, 'section.changes', { when: formatDateTime(changes.since, language) }) : reportText(language, 'section.changesFirst');

/** The sentences before the rows: what a reader acts on first. */
export function changesLead(changes: ReportChanges | null | undefined, language: Language, today: string, organisationNamed: (id: string) => string | undefined = () => undefined): string[] {
  if (!changes) return [reportText(language, 'changes.first')];
  const counts = TABLES.map(table => {
    const entry = changes.tables[table];
    const parts = KINDS.filter(kind => entry[kind] > 0).map(kind => reportText(language, `changes.${kind}`, { n: entry[kind] }));
    return parts.length ? `${kindPlural(TABLE_KINDS[table], language)}: ${parts.join(', ')}` : null;
  }).filter((part): part is string => part !== null);
  // Which import is compared with: three imports in one minute read alike by their time alone.
  const compared = reportText(language, 'changes.comparedWith', { when: formatDateTime(changes.since, language), source: changes.source ? sourceName(changes.source, language, organisationNamed) : '—' });
  const sentences = [compared, counts.length ? `${counts.join('; ')}.`.replace(/^./, c => c.toUpperCase()) : reportText(language, 'changes.noRows')];
  if (!changes.complete) sentences.push(reportText(language, 'changes.untracked'));
  const headline = changes.headline;
  if (!headline) return sentences;
  const named = (items: { name: string }[]) => listWords(items.map(item => item.name), language);
  const contract = (item: (typeof headline.ended)[number]) => (item.contract ? contractName(item.contract, language, today) : item.name);
  // One item in the sentence; several as lines of their own under it, each with its figures (a run-on
  // paragraph of five suppliers' shares and amounts did not read).
  const said = (key: ListWord, items: string[]): string[] => {
    if (items.length === 0) return [];
    if (items.length === 1) return [reportText(language, key, { list: items[0] })];
    const whole = reportText(language, key, { list: LIST });
    return [whole.slice(0, whole.indexOf(LIST)).trimEnd(), ...items.map(item => `– ${item}`)];
  };
  sentences.push(...said('changes.ended', headline.ended.map(contract)));
  sentences.push(...said('changes.suppliers', headline.suppliers.map(move => `${move.name}: ${supplierMoveText(move, language)}`)));
  if (headline.entered.spofs.length) sentences.push(reportText(language, 'changes.spofsEntered', { list: named(headline.entered.spofs) }));
  if (headline.left.spofs.length) sentences.push(reportText(language, 'changes.spofsLeft', { list: named(headline.left.spofs) }));
  sentences.push(...said('changes.noticeEntered', headline.entered.notice.map(contract)));
  // The Kwetsbare punten top 10 against the import before: "Grutto Software B.V. (leverancier): 112 → 113".
  const ranking = headline.ranking;
  const point = (item: { name: string; kind: string }) => `${item.name} (${kindNoun(item.kind, language)})`;
  sentences.push(...said('changes.rankingEntered', (ranking?.entered ?? []).map(p => `${point(p)}: ${countedText(language, 'changes.rankingPlace', p.failedCriticalApplications, { rank: p.rank })}`)));
  sentences.push(...said('changes.rankingMoved', (ranking?.moved ?? []).map(m => `${point(m)}: ${m.before} → ${m.after}`)));
  if (ranking?.left.length) sentences.push(reportText(language, 'changes.rankingLeft', { list: listWords(ranking.left.map(point), language) }));
  return sentences;
}

/** A row's cells: what happened to it, its kind, its name and what changed in it ("einddatum: 01-01-2027 → 30-09-2026"). */
export const changeCells = (language: Language) => ({
  change: (row: Row) => reportText(language, `change.${String(row.change)}` as 'change.added'),
  kind: (row: Row) => KIND_NAMES[TABLE_KINDS[String(row.table)]]?.[language] ?? String(row.table),
  what: (row: Row) => (Array.isArray(row.fields) ? row.fields.map(field => fieldLine(field, language)).join('; ') : ''),
});
