// The landscape map, the explorer's default: an organisation's applications as labelled tiles in
// areas per business function (or reference component), coloured by one overlay with its legend.
// The areas are placed by a computed packing (skyline, left to right), not by a force simulation:
// the same landscape at the same width always looks the same, and no label can cover another.
import { getJson } from './api.js';
import type { Context } from './context.js';
import { fill, h, message } from './dom.js';
import { formatDate, formatNumber, kindLabel, critLabel, t, tn, type MessageKey } from './i18n.js';
import { dependencyHash } from './dependency-view.js';
import { searchBox } from './search-box.js';
import { dutchDay } from '../../server/format.js';

export type Overlay = 'supplier' | 'group' | 'lockIn' | 'criticality' | 'jurisdiction' | 'notice';
type AreasBy = 'businessFunction' | 'referenceComponent';
type Tile = { uid: string; name: string; criticality: string; suppliers: { uid: string; name: string }[]; areas: string[]; lockIn: number | null; jurisdiction: string | null; actBy: { date: string; kind: 'notice' | 'end' } | null; overlay: Record<Overlay, string> };
type Area = { uid: string; name: string; applications: number; organisations: number };
type LegendEntry = { key: string; name?: string; count: number };
export type LandscapeMap = {
  areasBy: AreasBy; mode: 'map' | 'choose'; today: string;
  organisations: { id: string; name: string; applications: number }[];
  areas: Area[]; applications: Tile[]; legends: Record<Overlay, LegendEntry[]>;
};

export const OVERLAYS: Overlay[] = ['supplier', 'group', 'lockIn', 'criticality', 'jurisdiction', 'notice'];
const NO_AREA = 'none';

// Light fills that keep dark text readable (WCAG AA); qualitative (ColorBrewer Set3) for suppliers,
// a green-to-red scale for the ordered overlays. "Other" is grey, "none"/unknown white.
const QUALITATIVE = ['#80b1d3', '#fdb462', '#b3de69', '#fb8072', '#bebada', '#8dd3c7', '#fccde5', '#ffed6f', '#bc80bd', '#ccebc5'];
const OTHER = '#e4e7eb';
const NONE = '#ffffff';
const SCALE: Record<string, string> = {
  b75: '#f28e8e', b50: '#f9c07a', b25: '#fbe9a0', b0: '#c9e7c0',
  critical: '#f28e8e', high: '#f9c07a', medium: '#fbe9a0', low: '#c9e7c0',
  other: '#d4b9e8', US: '#f28e8e', EU: '#a8c8f0', NL: '#c9e7c0',
  passed: '#f28e8e', within6: '#f9c07a', within12: '#fbe9a0', later: '#c9e7c0',
};

/** The fill of each legend key of an overlay: what the tiles and the legend both use. */
export function overlayColours(overlay: Overlay, legend: LegendEntry[]): Map<string, string> {
  const colours = new Map<string, string>();
  let next = 0;
  for (const entry of legend) {
    if (entry.key === 'none') colours.set(entry.key, NONE);
    else if (entry.key === 'other' && (overlay === 'supplier' || overlay === 'group')) colours.set(entry.key, OTHER);
    else if (overlay === 'supplier' || overlay === 'group') colours.set(entry.key, QUALITATIVE[next++ % QUALITATIVE.length]);
    else colours.set(entry.key, SCALE[entry.key] ?? OTHER);
  }
  return colours;
}

let areasBy: AreasBy = 'businessFunction';
let overlay: Overlay = 'supplier';

const TILE_MIN = 150;
const GAP = 8;

export async function renderMap(root: HTMLElement, ctx: Context): Promise<void> {
  const status = h('p', { id: 'map-status', class: 'status', role: 'status' }, t('common.loading'));
  const page = h('section', { class: 'map-page', 'aria-labelledby': 'map-heading' }, h('h1', { id: 'map-heading' }, t('map.heading')), status);
  root.append(page);
  let map: LandscapeMap;
  try {
    map = await getJson<LandscapeMap>('/api/landscape-map', { organisation: ctx.organisations(), areas: areasBy });
  } catch (error) {
    status.replaceWith(message(t('common.error', { message: (error as Error).message }), 'error'));
    return;
  }
  if (!root.isConnected) return;
  status.remove();
  const controls = h('form', { class: 'map-controls', onsubmit: (e: Event) => e.preventDefault() },
    searchBox(hit => ctx.navigate('explorer', { node: hit.uid })),
    h('fieldset', { class: 'areas-by' }, h('legend', {}, t('map.areasBy')),
      (['businessFunction', 'referenceComponent'] as const).map(value => h('label', { class: 'check' },
        h('input', { type: 'radio', name: 'areas-by', value, id: `areas-${value}`, checked: value === areasBy, onchange: () => { areasBy = value; ctx.navigate('explorer'); } }), ' ', kindLabel(value === 'businessFunction' ? 'BusinessFunction' : 'ReferenceComponent')))),
    map.mode === 'map' ? h('div', { class: 'field' }, h('label', { for: 'map-overlay' }, t('map.colourBy')),
      h('select', { id: 'map-overlay', onchange: (e: Event) => { overlay = (e.target as HTMLSelectElement).value as Overlay; showOverlay(); } },
        OVERLAYS.map(value => h('option', { value, selected: value === overlay }, t(`map.overlay.${value}` as MessageKey))))) : null);
  page.append(controls);

  if (map.mode === 'choose') {
    renderChoice(page, map, ctx);
    return;
  }
  const organisation = map.organisations[0];
  const tiles = new Map(map.applications.map(tile => [tile.uid, tile]));
  const noArea = map.areas.find(area => area.uid === NO_AREA);
  const answer = h('p', { id: 'map-answer', class: 'answer' });
  const legendBox = h('figure', { id: 'map-legend', class: 'map-legend' });
  const areasBox = h('div', { id: 'map', class: 'map-areas' });
  page.querySelector('h1')!.textContent = t('map.headingOf', { organisation: organisation.name });
  page.insertBefore(h('p', { id: 'map-summary', class: 'answer' },
    t(areasBy === 'businessFunction' ? 'map.summary.functions' : 'map.summary.components', { applications: formatNumber(map.applications.length), areas: formatNumber(map.areas.filter(area => area.uid !== NO_AREA).length) }),
    noArea ? ` ${t(areasBy === 'businessFunction' ? 'map.summary.noFunction' : 'map.summary.noComponent', { n: formatNumber(noArea.applications) })}` : ''), controls);
  page.append(answer, legendBox, areasBox);

  const areaElements = map.areas.map(area => {
    const members = map.applications.filter(tile => tile.areas.includes(area.uid));
    const name = area.uid === NO_AREA ? t(areasBy === 'businessFunction' ? 'map.noFunction' : 'map.noComponent') : area.name;
    const element = h('section', { class: 'map-area', 'data-area': area.uid, 'aria-label': name },
      h('h2', {}, name, h('span', { class: 'count' }, ` ${formatNumber(members.length)}`)),
      h('div', { class: 'tiles' }, members.map(tile => h('a', { class: 'tile', href: dependencyHash(tile.uid), 'data-uid': tile.uid, title: describe(tile) }, h('span', { class: 'tile-name' }, tile.name)))));
    return { element, count: members.length };
  });
  areasBox.append(...areaElements.map(area => area.element));

  function showOverlay(): void {
    const legend = map.legends[overlay];
    const colours = overlayColours(overlay, legend);
    let emphasised: string | null = null;
    const paint = () => {
      for (const link of areasBox.querySelectorAll<HTMLElement>('a.tile')) {
        const key = tiles.get(link.dataset.uid!)!.overlay[overlay];
        link.style.backgroundColor = colours.get(key) ?? NONE;
        link.dataset.key = key;
        link.classList.toggle('dim', emphasised !== null && key !== emphasised);
        link.classList.toggle('none', key === 'none');
      }
      for (const button of legendBox.querySelectorAll<HTMLButtonElement>('button')) button.setAttribute('aria-pressed', String(button.dataset.key === emphasised));
    };
    fill(legendBox, h('figcaption', {}, t('map.legendOf', { overlay: t(`map.overlay.${overlay}` as MessageKey) })),
      h('ul', { id: 'map-legend-list' }, legend.map(entry => h('li', {}, h('button', { type: 'button', class: 'legend-item', 'data-key': entry.key, 'aria-pressed': 'false', onclick: () => { emphasised = emphasised === entry.key ? null : entry.key; paint(); } },
        h('span', { class: `swatch${entry.key === 'none' ? ' none' : ''}`, style: `background-color:${colours.get(entry.key)}`, 'aria-hidden': 'true' }),
        ` ${legendName(overlay, entry)} `, h('span', { class: 'count' }, `(${formatNumber(entry.count)})`))))),
      h('p', { class: 'hint' }, t('map.legendHint')));
    answer.textContent = overlaySentence(overlay, legend, map.applications.length);
    paint();
  }
  showOverlay();

  // Place the areas now and whenever the width changes (a skyline packing over tile-wide tracks).
  let laidOutWidth = -1;
  const layout = () => {
    const width = areasBox.clientWidth;
    if (width === laidOutWidth || width === 0) return;
    laidOutWidth = width;
    placeAreas(areasBox, areaElements);
  };
  layout();
  new ResizeObserver(layout).observe(areasBox);
}

/**
 * Masonry: areas about √(n/3) tiles wide but at most a third of the width (so three areas stand side
 * by side and the page stays short), each put where the skyline of those already placed is lowest.
 */
function placeAreas(container: HTMLElement, areas: { element: HTMLElement; count: number }[]): void {
  const width = container.clientWidth;
  const tracks = Math.max(1, Math.floor((width + GAP) / (TILE_MIN + GAP)));
  const track = (width - (tracks - 1) * GAP) / tracks;
  const widest = Math.max(1, Math.floor(tracks / 3));
  const spans = areas.map(area => Math.min(widest, Math.max(1, Math.round(Math.sqrt(area.count / 3)))));
  areas.forEach((area, index) => {
    area.element.style.width = `${spans[index] * track + (spans[index] - 1) * GAP}px`;
    area.element.style.setProperty('--columns', String(spans[index]));
  });
  const heights = areas.map(area => area.element.offsetHeight); // one layout pass for all of them
  const skyline = new Array<number>(tracks).fill(0);
  areas.forEach((area, index) => {
    const span = spans[index];
    let best = 0;
    let bestTop = Number.POSITIVE_INFINITY;
    for (let x = 0; x + span <= tracks; x++) {
      const top = Math.max(...skyline.slice(x, x + span));
      if (top < bestTop) { bestTop = top; best = x; }
    }
    area.element.style.left = `${best * (track + GAP)}px`;
    area.element.style.top = `${bestTop}px`;
    for (let x = best; x < best + span; x++) skyline[x] = bestTop + heights[index] + GAP;
  });
  container.style.height = `${Math.max(0, ...skyline)}px`;
}

/** Several organisations in scope: counts per area, and the way in (choose one). */
function renderChoice(page: HTMLElement, map: LandscapeMap, ctx: Context): void {
  const total = map.organisations.reduce((sum, o) => sum + o.applications, 0);
  page.append(
    h('p', { id: 'map-choose', class: 'answer' }, t('map.choose')),
    h('p', { class: 'hint' }, t('map.chooseWhy', { organisations: formatNumber(map.organisations.length), applications: formatNumber(total) })),
    h('ul', { id: 'map-organisations', class: 'org-choice' }, map.organisations.map(o => h('li', {},
      h('button', { type: 'button', 'data-organisation': o.id, onclick: () => ctx.chooseOrganisations([o.id]) }, o.name, h('span', { class: 'count' }, ` ${t('map.applications', { n: formatNumber(o.applications) })}`))))),
    h('h2', {}, t(map.areasBy === 'businessFunction' ? 'map.countsPerFunction' : 'map.countsPerComponent')),
    h('ul', { id: 'map-area-counts', class: 'area-counts' }, map.areas.map(area => h('li', { 'data-area': area.uid },
      h('strong', {}, area.uid === NO_AREA ? t(map.areasBy === 'businessFunction' ? 'map.noFunction' : 'map.noComponent') : area.name),
      h('span', {}, t('map.areaCount', { applications: tn('whatIf.applicationCount', area.applications), organisations: tn('whatIf.organisationCount', area.organisations) }))))));
}

function legendName(overlay: Overlay, entry: LegendEntry): string {
  if (entry.name) return entry.name;
  if (overlay === 'criticality') return critLabel(entry.key);
  return t(`map.${overlay}.${entry.key}` as MessageKey);
}

/** The answer first: the one number of this overlay a reader acts on. */
function overlaySentence(overlay: Overlay, legend: LegendEntry[], total: number): string {
  const count = (...keys: string[]) => legend.filter(entry => keys.includes(entry.key)).reduce((sum, entry) => sum + entry.count, 0);
  const n = (value: number) => formatNumber(value);
  switch (overlay) {
    case 'supplier':
    case 'group': {
      const largest = legend.find(entry => entry.key !== 'other' && entry.key !== 'none');
      return largest ? t(`map.answer.${overlay}`, { name: largest.name ?? largest.key, count: n(largest.count), total: n(total) }) : '';
    }
    case 'lockIn': return t('map.answer.lockIn', { count: n(count('b50', 'b75')), total: n(total) });
    case 'criticality': return t('map.answer.criticality', { count: n(count('high', 'critical')), total: n(total) });
    case 'jurisdiction': {
      const outside = count('US', 'other');
      return t(outside === count('US') ? 'map.answer.jurisdictionUs' : 'map.answer.jurisdiction', { count: n(outside), us: n(count('US')), total: n(total) });
    }
    case 'notice': return t('map.answer.notice', { soon: n(count('within6')), passed: n(count('passed')) });
  }
}

/** A tile's tooltip: everything the overlays know about the application. */
function describe(tile: Tile): string {
  return [
    tile.name,
    tile.suppliers.length ? `${kindLabel('Supplier')}: ${tile.suppliers.map(s => s.name).join(', ')}` : null,
    `${t('explorer.criticality')}: ${critLabel(tile.criticality)}`,
    tile.lockIn === null ? null : `${t('map.overlay.lockIn')}: ${formatNumber(tile.lockIn, 0)}`,
    // In words, as the legend says it ("Verenigde Staten", not "US").
    `${t('map.overlay.jurisdiction')}: ${t(`map.jurisdiction.${tile.jurisdiction ?? 'none'}` as MessageKey)}`,
    // As the side panel and the calendar say it: a deadline to give notice by (or passed: it renews), or the end.
    tile.actBy ? t(tile.actBy.kind === 'end' ? 'panel.ends' : tile.actBy.date < dutchDay() ? 'panel.noticePassed' : 'panel.notice', { date: formatDate(tile.actBy.date) }) : null,
  ].filter(Boolean).join('\n');
}
