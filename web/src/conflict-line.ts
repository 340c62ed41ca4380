// Where a person works, the facts sources disagree on: a line in a node's side panel ("Bronnen zijn het
// oneens over land: NL (Bron A, telt) – DE (Bron B)") and the count after an import, each linking to
// the data-quality page. GET /api/data-quality/conflicts (server/routes/data-quality.ts).
import type { Conflict } from '../../server/analyses/data-quality.js';
import { getJson } from './api.js';
import { dq, propertyWords, sourceName, valueWords } from './data-quality-words.js';
import { h } from './dom.js';

export const getConflicts = async (params: { uid?: string; source?: string }) =>
  (await getJson<{ conflicts: Conflict[] }>('/api/data-quality/conflicts', params)).conflicts;

/** The data-quality page, with the rows of `uid` marked when given. */
export const dataQualityHref = (uid?: string) => `#/data-quality${uid ? `?uid=${encodeURIComponent(uid)}` : ''}`;

/** "land: NL van Bron A, telt – DE van Bron B": the value that counts first. */
export function conflictText(conflict: Conflict): string {
  const kept = conflict.values.find(value => value.source === conflict.winner) ?? conflict.values[0];
  const values = [kept, ...conflict.values.filter(value => value !== kept)]
    .map(value => `${valueWords(conflict.property, value.value)} ${dq('from', { source: sourceName(value.source) })}${value === kept ? `, ${dq('panel.counts')}` : ''}`);
  return dq('panel.line', { property: propertyWords(conflict.property), values: values.join(' – ') });
}

/**
 * A box for the side panel of `uid`, filled when the answer comes: a line per fact its sources disagree
 * on and a link to the data-quality page; it stays empty (and hidden) when they agree or the question fails.
 */
export function conflictLines(uid: string): HTMLElement {
  const box = h('div', { id: 'panel-conflicts', class: 'conflicts', hidden: true });
  getConflicts({ uid }).then(conflicts => {
    if (conflicts.length === 0) return;
    box.append(h('ul', { class: 'plain' }, conflicts.map(conflict => h('li', { 'data-property': conflict.property }, conflictText(conflict)))),
      h('a', { href: dataQualityHref(uid), id: 'panel-conflicts-link' }, dq('panel.link')));
    box.hidden = false;
  }, () => { /* the panel shows the node without this line */ });
  return box;
}
