// The explorer's search: a combobox over the server's full-text search, so it finds every node of every
// kind whatever the current view draws (the map of one organisation, a graph folded per supplier); the
// server ranks the exact name first. Each hit says its kind in the page's language, and for a contract
// or an interface (named by an id) whose it is. Arrows move, Enter or a click chooses; choosing opens
// the node's dependency view (the caller decides).
import { organisationName } from '../../server/labels.js';
import { search } from './api.js';
import { h } from './dom.js';
import { kindLabel, t } from './i18n.js';
import { str } from './rows.js';

export type SearchHit = { uid: string; name: string; kind: string; organisation: string | null; context: string | null };

const WAIT_MS = 120;

export function searchBox(onChoose: (hit: SearchHit) => void, options: { id?: string } = {}): HTMLElement {
  const id = options.id ?? 'search';
  const input = h('input', { id, type: 'search', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': `${id}-list`, 'aria-autocomplete': 'list', placeholder: t('explorer.searchPlaceholder'), autocomplete: 'off' });
  const list = h('ul', { id: `${id}-list`, role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': t('explorer.search') });
  const note = h('p', { id: `${id}-note`, class: 'hint', role: 'status' });
  let hits: SearchHit[] = [];
  let active = -1;
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Enter pressed before the hits for the typed text arrived: the first of them is chosen when they do.
  let chooseWhenAnswered = false;

  const close = () => { list.hidden = true; input.setAttribute('aria-expanded', 'false'); };
  const choose = (hit: SearchHit) => { close(); input.value = hit.name; onChoose(hit); };
  const render = () => {
    list.replaceChildren(...hits.map((hit, index) => h('li', { role: 'option', id: `${id}-hit-${index}`, 'aria-selected': String(index === active), 'data-id': hit.uid, onmousedown: (e: Event) => { e.preventDefault(); choose(hit); } },
      hit.name, h('span', { class: 'hint' }, ` — ${[kindLabel(hit.kind), hit.context, hit.organisation ? organisationName(hit.organisation) : null].filter(Boolean).join(' · ')}`))));
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${id}-hit-${active}`); else input.removeAttribute('aria-activedescendant');
  };
  const ask = async (text: string) => {
    const mine = ++asked;
    let rows;
    try {
      rows = await search(text);
    } catch (error) {
      if (mine === asked) note.textContent = t('common.error', { message: (error as Error).message });
      return;
    }
    if (mine !== asked) return; // a newer text was typed meanwhile
    hits = rows.map(row => ({ uid: str(row.uid), name: str(row.name ?? row.id ?? row.uid), kind: str(row.kind), organisation: row.organisation ? str(row.organisation) : null, context: row.context ? str(row.context) : null }));
    // None marked: the first ArrowDown marks the first hit (Enter without one chooses the first).
    active = -1;
    note.textContent = hits.length ? '' : t('search.none', { text });
    list.dataset.for = text; // which text the list answers (the previous one stays shown until then)
    render();
    if (chooseWhenAnswered && hits.length) choose(hits[0]);
    chooseWhenAnswered = false;
  };
  input.addEventListener('input', () => {
    chooseWhenAnswered = false;
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) { hits = []; note.textContent = ''; render(); return; }
    timer = setTimeout(() => void ask(text), WAIT_MS);
  });
  input.addEventListener('keydown', event => {
    if (event.key === 'ArrowDown') { active = Math.min(hits.length - 1, active + 1); render(); event.preventDefault(); }
    else if (event.key === 'ArrowUp') { active = Math.max(0, active - 1); render(); event.preventDefault(); }
    else if (event.key === 'Enter') {
      event.preventDefault();
      const text = input.value.trim();
      const marked = hits[active] ?? hits[0];
      if (marked && list.dataset.for === text) choose(marked);
      // The hits shown are for an earlier text, or none yet: ask now, and choose the first answer.
      else if (text) { clearTimeout(timer); chooseWhenAnswered = true; void ask(text); }
    }
    else if (event.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
  return h('div', { class: 'field search' }, h('label', { for: id }, t('explorer.search')), input, list, note);
}
