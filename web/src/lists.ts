// Long lists in pages and panels: complete, shown a few at a time with "Toon alle n", never cut
// silently (a list of 384 names is read by its first ten, and searched when all are there).
import { h } from './dom.js';
import { formatNumber, t } from './i18n.js';

type Child = Node | string | null | undefined | false;

/** A list of every item, the first `initial` visible; a button shows the rest (and hides it again). */
export function expandableList<T>(items: T[], render: (item: T) => Child | Child[], options: { initial?: number; id?: string; class?: string; ordered?: boolean; itemAttrs?: (item: T) => Record<string, string> } = {}): HTMLElement {
  const initial = options.initial ?? 10;
  const tag = options.ordered ? 'ol' : 'ul';
  const list = h(tag, { id: options.id, class: options.class }, items.map((item, index) => h('li', { ...options.itemAttrs?.(item), hidden: index >= initial }, render(item))));
  if (items.length <= initial) return list;
  let open = false;
  const toggle = h('button', { type: 'button', class: 'link show-all', 'aria-expanded': 'false', onclick: () => {
    open = !open;
    [...list.children].forEach((li, index) => { (li as HTMLElement).hidden = !open && index >= initial; });
    toggle.textContent = open ? t('list.showFewer') : t('list.showAll', { n: formatNumber(items.length) });
    toggle.setAttribute('aria-expanded', String(open));
  } }, t('list.showAll', { n: formatNumber(items.length) }));
  return h('div', { class: 'expandable' }, list, toggle);
}
