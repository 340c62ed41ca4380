// Tiny DOM helpers: elements from data, never from HTML strings (no injection from imported names).
type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    else if (key === 'class') element.className = String(value);
    else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Element, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export const clear = (element: Element) => { element.replaceChildren(); return element; };

const TOGETHER = /(\d{2}-\d{2}-\d{4}|\([^()\s]+\)$)/;
const TOGETHER_WHOLE = new RegExp(`^${TOGETHER.source}$`);
/**
 * The text with every date (29-12-2026) and trailing id in brackets ("(c-0150)") kept on one line: a
 * narrow cell broke them at their hyphen ("29-⏎12-2026", "(c-⏎0150)").
 */
export const keepTogether = (text: string): (Node | string)[] =>
  text.split(TOGETHER).filter(Boolean).map(part => (TOGETHER_WHOLE.test(part) ? h('span', { class: 'nowrap' }, part) : part));

/** Replaces an element's children; null/false children are skipped. */
export function fill(element: Element, ...children: (Child | Child[])[]): void {
  element.replaceChildren();
  append(element, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: (SVGElement | string)[]): SVGElement {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, String(value));
  for (const child of children) element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

export type Column<R> = { key: string; label: string; value: (row: R) => unknown; render?: (row: R) => Child; numeric?: boolean };

/**
 * An accessible sortable table: header buttons sort, aria-sort says how. Sorting re-renders the body only.
 */
export function sortableTable<R>(options: { caption: string; columns: Column<R>[]; rows: R[]; sortKey?: string; descending?: boolean; rowAttrs?: (row: R) => Attrs; id?: string; captionHidden?: boolean }): HTMLTableElement {
  let sortKey = options.sortKey;
  let descending = options.descending ?? true;
  const table = h('table', { class: 'data', id: options.id });
  const tbody = h('tbody');
  const headers = options.columns.map(column => {
    const button = h('button', { type: 'button', class: 'sort', 'data-key': column.key, onclick: () => {
      descending = sortKey === column.key ? !descending : column.numeric ?? false;
      sortKey = column.key;
      render();
    } }, column.label);
    return h('th', { scope: 'col', class: column.numeric ? 'num' : undefined, 'data-key': column.key }, button);
  });
  table.append(h('caption', { class: options.captionHidden ? 'sr-only' : undefined }, options.caption), h('thead', {}, h('tr', {}, headers)), tbody);
  function render() {
    const column = options.columns.find(c => c.key === sortKey);
    const rows = [...options.rows];
    if (column) rows.sort((a, b) => compare(column.value(a), column.value(b)) * (descending ? -1 : 1));
    headers.forEach((th, index) => {
      const key = options.columns[index].key;
      if (key === sortKey) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
    tbody.replaceChildren(...rows.map(row => h('tr', options.rowAttrs?.(row) ?? {}, options.columns.map(c => {
      const content = c.render ? c.render(row) : c.value(row);
      return h('td', { class: c.numeric ? 'num' : undefined }, content as Child);
    }))));
  }
  render();
  return table;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  return String(a).localeCompare(String(b), 'nl', { numeric: true });
}

export function message(text: string, kind: 'info' | 'error' | 'ok' = 'info'): HTMLElement {
  return h('p', { class: `message ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
}

let claims = 0;
/**
 * Claims `element` for the content now being fetched; the returned check says whether it is still
 * the latest claim (a slower answer for an earlier click must not overwrite a newer one).
 */
export function claim(element: HTMLElement): () => boolean {
  const token = String(++claims);
  element.dataset.request = token;
  return () => element.dataset.request === token;
}
