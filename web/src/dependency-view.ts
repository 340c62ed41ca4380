// The dependency view of one node: the node in the middle, what it depends on to the left and what
// depends on it to the right, one column per step. Columns are plain lists (so nothing overlaps), the
// connecting lines an SVG drawn from the laid-out cards, and every line carries its relationship in
// words (server/labels.ts), read from the node nearer the middle, next to the node it leads to.
import { errorText } from './errors.js';
import { organisationName, relationName } from '../../server/labels.js';
import { contractTitle } from '../../server/reports/contract-name.js';
import { getJson } from './api.js';
import type { Context } from './context.js';
import { h, message, svg } from './dom.js';
import { critLabel, formatNumber, kindLabel, language, t } from './i18n.js';
import { searchBox } from './search-box.js';

type DependencyNode = { uid: string; kind: string; name: string; organisation: string | null; criticality: string | null };
type Relation = { type: string; direction: 'in' | 'out'; dependencyKind: string | null; count: number };
type Side = 'before' | 'after';
type Edge = { from: string; to: string; side: Side; relations: Relation[]; count: number };
type Column = { hop: number; total: number; nodes: DependencyNode[] };
export type DependencyView = { centre: DependencyNode & { contract?: { id: string; suppliers: string[]; applications: string[] } | null }; before: Column[]; after: Column[]; edges: Edge[]; next: Record<Side, number> };

export const dependencyHash = (uid: string) => `#/explorer?node=${encodeURIComponent(uid)}`;

/** What the explorer passes in: the side panel and the what-if belong to other modules. */
export type DependencyHooks = { openPanel: (uid: string) => void; closePanel: () => void };

const SHOW = 8;
const MORE = 20;
const SIDES: Side[] = ['before', 'after'];

// Per centre: how many steps each side shows and how many cards each column; reset for a new centre.
let state = { centre: '', steps: { before: 1, after: 1 } as Record<Side, number>, shown: new Map<string, number>() };

const stateFor = (uid: string) => {
  if (state.centre !== uid) state = { centre: uid, steps: { before: 1, after: 1 }, shown: new Map() };
};

/** One step more on both sides, when the view of `uid` is shown next (the side panel's "expand"). */
export function addStep(uid: string): void {
  stateFor(uid);
  state.steps.before++;
  state.steps.after++;
}

/** The words of an edge, read from its inner end: "draait op", "levert gegevens aan (3 koppelingen)". */
export function edgeWords(relations: Relation[]): string {
  const words = [...new Set(relations.map(r => relationName(r.type, r.direction, language(), r.dependencyKind)))];
  const interfaces = relations.filter(r => r.type === 'DEPENDS_ON').reduce((sum, r) => sum + r.count, 0);
  return interfaces > 1 ? `${words.join(' · ')} (${t('deps.interfaces', { n: formatNumber(interfaces) })})` : words.join(' · ');
}

export async function renderDependencies(root: HTMLElement, ctx: Context, uid: string, hooks: DependencyHooks): Promise<void> {
  stateFor(uid);
  const page = h('section', { class: 'deps-page', 'aria-labelledby': 'deps-heading' });
  const status = h('p', { class: 'status', role: 'status' }, t('common.loading'));
  page.append(h('h1', { id: 'deps-heading' }, t('deps.heading')), status);
  root.append(page);

  let chosen = ctx.organisations();
  const load = (organisations: string[]) => getJson<DependencyView>(`/api/dependencies/${encodeURIComponent(uid)}`, { organisation: organisations, before: state.steps.before, after: state.steps.after });
  let view: DependencyView;
  let notice: string | null = null;
  try {
    view = await load(chosen);
    // A node found in another organisation than the chosen ones is shown within its own.
    const own = view.centre.organisation;
    if (own && chosen.length > 0 && !chosen.includes(own)) {
      notice = t('deps.otherOrganisation', { name: view.centre.name, organisation: organisationName(own) });
      chosen = [own];
      view = await load(chosen);
    }
  } catch (error) {
    status.replaceWith(message(errorText(error), 'error'));
    return;
  }
  if (!root.isConnected) return;
  status.remove();
  const { centre } = view;
  // A contract has no name of its own: named as the calendar and the report name it ("Grutto – Zaaksysteem (c-0121)").
  const title = centre.contract ? contractTitle(centre.contract, language()) : centre.name;
  page.querySelector('h1')!.textContent = t('deps.headingOf', { name: title });
  const direct = (side: Side) => view[side][0]?.total ?? 0;
  const items = (n: number) => (n === 1 ? t('deps.items.one') : t('deps.items.other', { n: formatNumber(n) }));
  page.append(h('p', { id: 'deps-answer', class: 'answer' }, t('deps.answer', { name: title, before: items(direct('before')), after: items(direct('after')) })));
  if (notice) page.append(message(notice));
  page.append(
    h('div', { class: 'deps-tools' }, searchBox(hit => ctx.navigate('explorer', { node: hit.uid })), h('p', { class: 'hint' }, t('deps.howToRead'))),
  );

  const scroller = h('div', { class: 'deps-scroll' });
  page.append(scroller);
  const rebuild = () => { scroller.replaceChildren(buildBoard(view, centre, hooks, () => rebuild(), async side => {
    state.steps[side]++;
    try {
      view = await load(chosen);
    } catch (error) {
      scroller.prepend(message(t('common.error', { message: (error as Error).message }), 'error'));
      return;
    }
    rebuild();
    // Asking for more of the board means wanting room for it: the details make way, and the new step is scrolled to.
    if (scroller.scrollWidth > scroller.clientWidth) hooks.closePanel();
    const outermost = scroller.querySelector<HTMLElement>(`.deps-column.${side}[data-hop="${view[side].length}"]`);
    outermost?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    (document.getElementById(`deps-step-${side}`) ?? outermost?.querySelector<HTMLElement>('a.dep-card'))?.focus({ preventScroll: true });
  })); };
  rebuild();
  hooks.openPanel(centre.uid);
}

/**
 * The board: columns in a grid (outermost step left … the node … outermost step right), then the
 * lines and their words from where the cards ended up, again whenever the board changes size.
 */
function buildBoard(view: DependencyView, centre: DependencyNode, hooks: DependencyHooks, rebuild: () => void, step: (side: Side) => void): HTMLElement {
  const board = h('div', { id: 'deps', class: 'deps' });
  const lines = svg('svg', { class: 'deps-edges', 'aria-hidden': 'true' });
  const labels = h('div', { class: 'deps-labels', 'aria-hidden': 'true' });
  const cardOf = new Map<string, HTMLElement>();
  const orderOf = new Map<string, number>();
  const visibleEdges: Edge[] = [];

  // Organisations are named on the cards only where the view holds more than one.
  const organisations = new Set([centre, ...view.before, ...view.after].flatMap(item => ('nodes' in item ? item.nodes : [item])).map(node => node.organisation).filter(Boolean));
  const showOrganisation = organisations.size > 1;
  const centreCard = h('button', { type: 'button', class: 'dep-card centre-card', 'data-uid': centre.uid, title: t('deps.details', { name: centre.name }), onclick: () => hooks.openPanel(centre.uid) },
    h('span', { class: 'name' }, centre.name), cardFacts(centre, showOrganisation));
  cardOf.set(centre.uid, centreCard);
  const sides = Object.fromEntries(SIDES.map(side => {
    // Inner steps first: a column's order follows the one before it.
    const columns = view[side].map(column => renderColumn(side, column));
    const outermost = columns.at(-1);
    const end = view.next[side] > 0
      ? h('button', { type: 'button', id: `deps-step-${side}`, class: 'step', onclick: () => step(side) }, t('deps.oneMoreStep', { n: formatNumber(view.next[side]) }))
      : h('p', { class: 'hint' }, t('deps.end'));
    if (outermost) outermost.append(end);
    else columns.push(h('section', { class: `deps-column ${side} empty`, 'data-side': side }, h('h2', {}, t(`deps.column.${side}`, { hop: 1, n: 0 })), h('p', { class: 'hint' }, t(`deps.nothing.${side}`))));
    return [side, columns];
  })) as Record<Side, HTMLElement[]>;
  board.append(lines, ...[...sides.before].reverse(),
    h('section', { class: 'deps-column centre', 'data-side': 'centre' }, h('h2', {}, kindLabel(centre.kind)), centreCard),
    ...sides.after, labels);

  function renderColumn(side: Side, column: Column): HTMLElement {
    const key = `${side}:${column.hop}`;
    const inner = column.hop === 1 ? [centre.uid] : view[side][column.hop - 2].nodes.map(node => node.uid);
    const innerIndex = new Map(inner.filter(id => cardOf.has(id)).map((id, index) => [id, orderOf.get(id) ?? index]));
    const edgesTo = new Map<string, Edge[]>();
    for (const edge of view.edges) if (edge.side === side && innerIndex.has(edge.from)) edgesTo.set(edge.to, [...(edgesTo.get(edge.to) ?? []), edge]);
    // Barycentre order (the mean place of a node's inner neighbours), so lines cross as little as they can.
    const place = (node: DependencyNode) => {
      const places = (edgesTo.get(node.uid) ?? []).map(edge => innerIndex.get(edge.from)!);
      return places.length ? places.reduce((a, b) => a + b, 0) / places.length : Number.POSITIVE_INFINITY;
    };
    const nodes = column.nodes.map((node, index) => ({ node, index, place: place(node), words: edgeWords((edgesTo.get(node.uid) ?? []).flatMap(edge => edge.relations)) }))
      .sort((a, b) => a.place - b.place || a.words.localeCompare(b.words, 'nl') || a.index - b.index);
    const shown = Math.min(nodes.length, state.shown.get(key) ?? SHOW);
    const list = h('ol', { class: 'cards' });
    nodes.slice(0, shown).forEach(({ node, words }, index) => {
      orderOf.set(node.uid, index);
      // The line's words are drawn beside the card; a screen reader hears them with it.
      const card = h('a', { class: 'dep-card', href: dependencyHash(node.uid), 'data-uid': node.uid, title: t('deps.recentre', { name: node.name }) },
        h('span', { class: 'sr-only' }, `${words}: `), h('span', { class: 'name' }, node.name), cardFacts(node, showOrganisation));
      cardOf.set(node.uid, card);
      list.append(h('li', {}, card));
      visibleEdges.push(...(edgesTo.get(node.uid) ?? []));
    });
    const rest = column.total - shown;
    return h('section', { class: `deps-column ${side}`, 'data-side': side, 'data-hop': String(column.hop) },
      h('h2', {}, t(`deps.column.${side}`, { hop: column.hop, n: formatNumber(column.total) })), list,
      rest > 0 ? h('button', { type: 'button', class: 'more', onclick: () => { state.shown.set(key, shown + MORE); rebuild(); } },
        rest > MORE ? t('deps.more', { n: formatNumber(MORE), rest: formatNumber(rest) }) : t('deps.moreAll', { n: formatNumber(rest) })) : null);
  }

  // The middle node stands level with the middle of the first screenful of its neighbours, not of a
  // column hundreds of cards long (it would drop out of sight).
  const centreColumn = centreCard.parentElement!;
  const placeCentre = () => {
    const tallest = Math.max(...[...board.querySelectorAll<HTMLElement>('.deps-column:not(.centre)')].map(column => column.offsetHeight));
    const margin = Math.max(0, Math.min(tallest, window.innerHeight * 0.6) / 2 - centreColumn.offsetHeight / 2);
    centreColumn.style.marginTop = `${Math.round(margin)}px`;
  };
  const draw = () => {
    if (!board.isConnected) return;
    placeCentre();
    const origin = board.getBoundingClientRect();
    const box = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left - origin.left, right: rect.right - origin.left, middle: rect.top - origin.top + rect.height / 2 };
    };
    lines.setAttribute('width', String(board.scrollWidth));
    lines.setAttribute('height', String(board.scrollHeight));
    lines.replaceChildren();
    labels.replaceChildren();
    const byOuter = new Map<string, Edge[]>();
    for (const edge of visibleEdges) byOuter.set(edge.to, [...(byOuter.get(edge.to) ?? []), edge]);
    for (const [outer, edges] of byOuter) {
      const side = edges[0].side;
      const target = box(cardOf.get(outer)!);
      const label = h('span', { class: `edge-label ${side}`, 'data-to': outer }, edgeWords(edges.flatMap(edge => edge.relations)));
      labels.append(label);
      // The words sit beside the node they lead to, in the gap towards the middle; the lines end at them.
      const width = label.offsetWidth;
      const labelLeft = side === 'before' ? target.right + 8 : target.left - 8 - width;
      label.style.left = `${labelLeft}px`;
      label.style.top = `${target.middle - label.offsetHeight / 2}px`;
      const end = side === 'before' ? labelLeft + width : labelLeft;
      lines.append(svg('line', { class: 'stub', x1: side === 'before' ? labelLeft : labelLeft + width, y1: target.middle, x2: side === 'before' ? target.right : target.left, y2: target.middle }));
      for (const edge of edges) {
        const source = box(cardOf.get(edge.from)!);
        const x1 = side === 'before' ? source.left : source.right;
        const bend = (end - x1) / 2;
        lines.append(svg('path', { class: 'edge', 'data-from': edge.from, 'data-to': edge.to, d: `M${x1},${source.middle} C${x1 + bend},${source.middle} ${end - bend},${target.middle} ${end},${target.middle}` },
          svg('title', {}, edgeWords(edge.relations))));
      }
    }
  };
  new ResizeObserver(draw).observe(board);
  return board;
}

/** Kind, criticality, and the organisation when the view shows several. */
function cardFacts(node: DependencyNode, withOrganisation: boolean): HTMLElement {
  const facts = [kindLabel(node.kind), node.criticality ? critLabel(node.criticality) : null, withOrganisation && node.organisation ? organisationName(node.organisation) : null].filter(Boolean);
  return h('span', { class: 'facts' }, facts.join(' · '));
}
