// Data quality: the answer first (how many facts the sources disagree on, how many applications lack a
// supplier …), then the facts two sources assert differently with the value that counts, its source and
// the rule, and then each other check as a list of the elements it found. GET /api/analyses/data-quality.
import type { Conflict } from '../../server/analyses/data-quality.js';
import { CHECK_NAMES, propertyName } from '../../server/labels.js';
import { csvFor, download, runAnalysis } from './api.js';
import type { Context } from './context.js';
import { fill, h, message, sortableTable, type Column } from './dom.js';
import { checkCount, dq, ruleWords, sourceName, valueWords } from './data-quality-words.js';
import { openDependencies } from './explorer.js';
import { formatDate, formatNumber, kindLabel, language, t } from './i18n.js';
import { expandableList } from './lists.js';
import { orgName } from './organisations.js';
import { str } from './rows.js';
import type { Row } from './types.js';

/** The order of the answer and the lists: what contradicts first, then what is missing. */
const CHECKS = ['conflicting-claim', 'application-without-supplier', 'critical-application-without-contract', 'interface-to-unknown-application', 'contract-covers-nothing', 'duplicate-supplier', 'application-without-platform'];
/** Contracts and interfaces are not places in the explorer (they live in side panels): their names are plain text. */
const NOT_IN_EXPLORER = /^(contract|interface):/;

export async function renderDataQuality(root: HTMLElement, ctx: Context): Promise<void> {
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  const file = (format: 'csv' | 'xlsx') => () => void download('/api/analyses/data-quality',
    format === 'csv' ? { organisation: ctx.organisations(), ...csvFor(language()) } : { organisation: ctx.organisations(), format, lang: language() },
    `roer-${language() === 'nl' ? 'datakwaliteit' : 'data-quality'}.${format}`).catch(error => fill(body, message(t('common.error', { message: (error as Error).message }), 'error')));
  root.append(h('h1', {}, dq('heading')),
    h('div', { class: 'toolbar' }, h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'dq-csv', onclick: file('csv') }, dq('csv')),
      h('button', { type: 'button', id: 'dq-xlsx', onclick: file('xlsx') }, dq('xlsx')))),
    body);
  let result;
  try {
    result = await runAnalysis('data-quality', { organisation: ctx.organisations() });
  } catch (error) {
    fill(body, message(t('common.error', { message: (error as Error).message }), 'error'));
    return;
  }
  const counts = ((result.summary ?? {}) as { checks?: Record<string, number> }).checks ?? {};
  const byCheck = new Map<string, Row[]>();
  for (const row of result.rows) byCheck.set(str(row.check), [...(byCheck.get(str(row.check)) ?? []), row]);
  const checks = [...CHECKS, ...[...byCheck.keys()].filter(check => !CHECKS.includes(check))];
  const several = new Set(result.rows.map(row => str(row.organisation)).filter(Boolean)).size > 1;
  const focus = ctx.params().get('uid');
  const link = (uid: string, name: string) => NOT_IN_EXPLORER.test(uid)
    ? h('span', { 'data-uid': uid }, name)
    : h('button', { type: 'button', class: 'link', 'data-uid': uid, onclick: () => openDependencies(ctx, uid) }, name);

  fill(body,
    answer(checks, counts),
    conflictTable((byCheck.get('conflicting-claim') ?? []) as unknown as Conflict[], link, focus),
    checks.filter(check => check !== 'conflicting-claim' && byCheck.has(check)).map(check => {
      // By name, as a reader looks one up (the server orders them by key).
      const rows = [...byCheck.get(check)!].sort((a, b) => (str(a.name) || str(a.uid)).localeCompare(str(b.name) || str(b.uid), 'nl'));
      return h('section', { id: `dq-${check}`, class: 'dq-check' },
        h('h2', {}, `${CHECK_NAMES[check]?.[language()] ?? check} (${formatNumber(rows.length)})`),
        expandableList(rows, row => [
          link(str(row.uid), str(row.name) || str(row.uid)),
          several && row.organisation ? h('span', { class: 'hint' }, ` · ${orgName(row.organisation)}`) : '',
          detail(row) ? h('span', { class: 'hint' }, ` — ${detail(row)}`) : '',
        ], { class: 'dq-list', itemAttrs: row => ({ 'data-uid': str(row.uid) }) }));
    }),
    h('details', { class: 'explain', id: 'dq-explained' },
      h('summary', {}, dq('explainTitle')),
      h('p', {}, dq('explainCatalogue')),
      h('p', {}, dq('explainFirst'))));
  if (focus) body.querySelector<HTMLElement>('#dq-conflicts tr.focus')?.scrollIntoView({ block: 'center' });
}

/** The sentence a person acts on: every check that found something, counted. */
function answer(checks: string[], counts: Record<string, number>): HTMLElement {
  const found = checks.filter(check => (counts[check] ?? 0) > 0);
  if (found.length === 0) return h('p', { class: 'sentence', id: 'dq-answer' }, dq('answer.none'));
  const parts = found.map(check => checkCount(check, counts[check]));
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} ${language() === 'nl' ? 'en' : 'and'} ${parts[parts.length - 1]}`;
  return h('p', { class: 'sentence', id: 'dq-answer' }, dq('answer.lead', { list }));
}

type Link = (uid: string, name: string) => HTMLElement;

/** One row per fact the sources disagree on: the value that counts and its source, the others and theirs, the rule. */
function conflictTable(conflicts: Conflict[], link: Link, focus: string | null): HTMLElement {
  const title = dq('conflicts', { n: formatNumber(conflicts.length) });
  const valueOf = (conflict: Conflict, value: { source: string; value: string }) =>
    h('span', { class: 'dq-value' }, h('strong', {}, valueWords(conflict.property, value.value)), ' ', h('span', { class: 'hint' }, dq('from', { source: sourceName(value.source) })));
  const kept = (conflict: Conflict) => conflict.values.find(value => value.source === conflict.winner) ?? conflict.values[0];
  return h('section', { id: 'dq-conflict-section' }, h('h2', {}, title),
    conflicts.length === 0 ? h('p', { id: 'dq-conflicts-none' }, dq('conflicts.none')) : [
      h('p', { class: 'hint' }, dq('conflicts.intro')),
      h('div', { class: 'table-box' }, sortableTable<Conflict>({
        id: 'dq-conflicts', caption: title, captionHidden: true, rows: conflicts,
        rowAttrs: conflict => ({ 'data-uid': conflict.uid, 'data-property': conflict.property, class: conflict.uid === focus ? 'focus' : undefined }),
        // On a phone each row reads as a card: every cell says what it is (styles.css, #dq-conflicts).
        columns: ([
          { key: 'name', label: dq('col.element'), value: c => c.name, render: c => link(c.uid, c.name) },
          { key: 'kind', label: dq('col.kind'), value: c => kindLabel(c.label) },
          { key: 'property', label: dq('col.property'), value: c => propertyName(c.property, language()) },
          { key: 'counts', label: dq('col.counts'), value: c => kept(c).value, render: c => valueOf(c, kept(c)) },
          { key: 'others', label: dq('col.others'), value: c => c.values.filter(v => v !== kept(c)).map(v => v.value).join(', '),
            render: c => h('ul', { class: 'plain' }, c.values.filter(v => v !== kept(c)).map(v => h('li', {}, valueOf(c, v)))) },
          { key: 'rule', label: dq('col.rule'), value: c => ruleWords(c.rule) },
        ] as Column<Conflict>[]).map(column => ({ ...column, render: (c: Conflict) => h('span', { class: 'dq-cell' }, h('span', { class: 'dq-label' }, `${column.label}: `), column.render ? column.render(c) : str(column.value(c))) })),
      }))]);
}

/** What a finding adds to its heading, in the page's language (the API's detail is "English / Nederlands"). */
function detail(row: Row): string {
  if (row.check === 'duplicate-supplier') return dq(str(row.detail).startsWith('Same') ? 'duplicate.same' : 'duplicate.like', { name: str(row.otherName) || str(row.other) });
  // Its contracts ended: when the last did (the cypher writes the date into its English).
  if (row.check === 'critical-application-without-contract') {
    const ended = / ended on (\d{4}-\d{2}-\d{2})/.exec(str(row.detail))?.[1];
    return ended ? dq('contractEnded', { date: formatDate(ended) }) : '';
  }
  if (row.check !== 'interface-to-unknown-application') return '';
  const [en, nl] = str(row.detail).split(' / ');
  return (language() === 'en' ? en : nl ?? en) ?? '';
}
