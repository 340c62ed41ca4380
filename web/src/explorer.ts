// The landscape explorer page, in three views: the landscape map (the default), the dependency view of
// one node (`?node=<uid>`), and the whole graph for those who want it (`?view=graph`: filters,
// overlays, path view, export, the graph and its table alternative).
import { getGraph, getNode, runAnalysis, saveBlob } from './api.js';
import type { Context } from './context.js';
import { createController, LAYOUT_LIMITS, type Controller, type LayoutName } from './controller.js';
import { addStep, dependencyHash, renderDependencies } from './dependency-view.js';
import { fill, h, message, sortableTable } from './dom.js';
import { edgeId, noFilters, optionsOf, visibleNodeIds, type Filters } from './elements.js';
import { critLabel, formatNumber, kindLabel, t, tn, type MessageKey } from './i18n.js';
import { renderMap } from './landscape-map.js';
import { openPanel } from './panels.js';
import { searchBox } from './search-box.js';
import { act, errorText, reportError } from './errors.js';
import { neighboursOf } from './neighbours.js';
import { orgName } from './organisations.js';
import { hitInWords, showWhatIf as answerWhatIf } from './what-if-view.js';
import { num, pick, rowName, rowUid, str, uids } from './rows.js';
import { KINDS } from './style.js';
import type { Graph, Row } from './types.js';

const CRITICALITIES = ['low', 'medium', 'high', 'critical'];
const JURISDICTIONS = ['NL', 'EU', 'US', 'other'];
// Contracts, interfaces and standards live in the side panel, not as nodes: they would double the graph.
const GRAPH_KINDS = ['Organisation', 'Application', 'Supplier', 'SupplierGroup', 'Platform', 'ReferenceComponent', 'BusinessFunction'];
// Above this many nodes + edges the server folds applications per supplier (aggregate=auto).
const MAX_ELEMENTS = 6000;

let current: { controller: Controller; graph: Graph } | undefined;
let filters: Filters = noFilters();
let layout: LayoutName = 'fcose';
type Aggregate = 'auto' | 'none' | 'supplier' | 'referenceComponent';
let aggregate: Aggregate = 'auto';
let overlays = { lockIn: false, spof: false };
let allRelationships = false;

/** For the tests and the table: what the graph view currently shows. */
export const explorerState = () => current;

type View = 'map' | 'dependencies' | 'graph';

/** Opens the dependency view of a node: search results, map tiles and lists on other pages lead here. */
export const openDependencies = (ctx: Context, uid: string) => ctx.navigate('explorer', { node: uid });
/** "What if this fails" for a node: its dependency view with the answer beside it (the graph view can mark it too). */
export const showWhatIf = (ctx: Context, uid: string) => ctx.navigate('explorer', { node: uid, whatIf: '1' });

export async function renderExplorer(root: HTMLElement, ctx: Context): Promise<void> {
  const params = ctx.params();
  const node = params.get('node');
  const view: View = node ? 'dependencies' : params.get('view') === 'graph' || params.has('focus') || params.has('impact') ? 'graph' : 'map';
  document.body.dataset.view = view;
  if (view !== 'graph') current = undefined;
  const tab = (target: View, href: string, label: string) => h('li', {}, h('a', { href, id: `view-${target}`, 'aria-current': target === view ? 'page' : undefined }, label));
  root.append(h('nav', { class: 'view-tabs', 'aria-label': t('explorer.views') }, h('ul', {},
    tab('map', '#/explorer', t('explorer.view.map')),
    node ? tab('dependencies', dependencyHash(node), t('explorer.view.dependencies')) : null,
    tab('graph', '#/explorer?view=graph', t('explorer.view.graph')))));
  const body = h('div', { class: `explorer-view view-${view}` });
  root.append(body);
  if (view === 'map') return renderMap(body, ctx);
  if (view === 'graph') return renderGraph(body, ctx);
  const panel = h('aside', { id: 'panel', class: 'panel', 'aria-label': t('panel.heading'), hidden: true });
  const content = h('div', { class: 'deps-content' });
  body.append(content, panel);
  // The answer stays in this readable view; "Toon in het netwerk" marks the same answer in the graph.
  const whatIf = (uid: string) => {
    panel.hidden = false;
    panel.classList.add('wide');
    void answerWhatIf(panel, uid, {
      organisations: ctx.organisations(),
      onBack: () => hooks.openPanel(uid),
      onClose: () => { panel.hidden = true; panel.classList.remove('wide'); forgetParam('whatIf'); },
      // Escape closes only the answer: back to the details, focus on the button that asked.
      onEscape: () => { forgetParam('whatIf'); void hooks.openPanel(uid).then(focusWhatIfButton); },
      focus: target => openDependencies(ctx, target),
      inGraph: () => ctx.navigate('explorer', { view: 'graph', focus: uid, impact: uid }),
    }).then(answer => {
      // On a phone the answer lies below the view: it is brought into sight.
      if (answer && !panel.hidden && panel.getBoundingClientRect().top >= window.innerHeight) panel.scrollIntoView({ block: 'start' });
    });
  };
  const hooks = {
    openPanel: (uid: string) => {
      panel.hidden = false;
      panel.classList.remove('wide');
      return openPanel(panel, uid, {
        whatIf: target => (target === node ? whatIf(target) : showWhatIf(ctx, target)),
        expand: target => { addStep(target); openDependencies(ctx, target); },
        focus: target => openDependencies(ctx, target),
        report: target => ctx.navigate('report', { subject: target }),
        close: () => { panel.hidden = true; },
      });
    },
    closePanel: () => { panel.hidden = true; },
  };
  await renderDependencies(content, ctx, node!, hooks);
  if (ctx.params().get('whatIf') === '1') whatIf(node!);
}

async function renderGraph(root: HTMLElement, ctx: Context): Promise<void> {
  const graphBox = h('div', { id: 'graph', class: 'graph', role: 'img', 'aria-label': t('explorer.graphLabel'), tabindex: '0' });
  const status = h('p', { id: 'graph-status', class: 'status', role: 'status', 'aria-live': 'polite' }, t('common.loading'));
  const busy = h('span', { id: 'layout-busy', class: 'busy', hidden: true }, t('explorer.layoutBusy'));
  const refiningNote = h('span', { id: 'layout-refining', class: 'busy', hidden: true }, t('explorer.layoutRefining'));
  const panel = h('aside', { id: 'panel', class: 'panel', 'aria-label': t('panel.heading'), hidden: true });
  const tableBox = h('div', { id: 'graph-table' });
  const legendBox = h('div', { class: 'legend-box' });
  const tableToggle = h('details', { class: 'table-alt' }, h('summary', {}, t('explorer.tableToggle')), tableBox);
  const sidebar = h('form', { class: 'sidebar', id: 'filters', 'aria-label': t('explorer.filters'), onsubmit: (e: Event) => e.preventDefault() });

  root.append(h('div', { class: 'explorer' },
    sidebar,
    h('section', { class: 'canvas', 'aria-labelledby': 'explorer-heading' },
      h('div', { class: 'canvas-head' }, h('h1', { id: 'explorer-heading' }, t('explorer.heading')), status, busy, refiningNote),
      graphBox,
      legendBox,
      tableToggle),
    panel));

  const controller = createController(graphBox, {
    onSelect: id => { if (id) void select(id); else panel.hidden = true; },
    onLayout: isBusy => { busy.hidden = !isBusy; graphBox.setAttribute('aria-busy', String(isBusy)); },
    onRefine: isBusy => { refiningNote.hidden = !isBusy; },
  });

  const organisations = ctx.organisations();
  const key = `${organisations.join(',') || '*'}|${aggregate}`;
  let graph: Graph;
  try {
    graph = ctx.graphCache.get(key) ?? (await getGraph({ organisation: organisations, aggregate, kinds: GRAPH_KINDS, maxElements: MAX_ELEMENTS }));
    ctx.graphCache.set(key, graph);
  } catch (error) {
    status.replaceWith(message(errorText(error), 'error'));
    return;
  }
  if (!root.isConnected) return;
  current = { controller, graph };
  legendBox.replaceChildren(legend(graph));
  if (graph.nodes.length === 0) status.textContent = t('explorer.empty');
  // A layout is only run on as much as it finishes within 3 s; big landscapes start concentric, and
  // the user can ask for fcose or dagre on what they filtered.
  const fits = (name: LayoutName, size: number) => size <= LAYOUT_LIMITS[name];
  const fitting = (size: number) => (fits(layout, size) ? layout : (['fcose', 'concentric'] as const).find(name => fits(name, size))!);
  controller.setMinorEdges(allRelationships);
  controller.setGraph(graph, key, fitting(graph.nodes.length + graph.edges.length));

  const select = async (id: string) => {
    endWhatIf();
    controller.select(id);
    panel.hidden = false;
    panel.classList.remove('wide');
    const node = graph.nodes.find(n => n.id === id);
    if (node?.kind === 'Aggregate') {
      fill(panel, h('div', { class: 'panel-head' }, h('h2', { id: 'panel-title', tabindex: '-1' }, node.label),
        h('button', { type: 'button', class: 'icon', 'aria-label': t('common.close'), onclick: () => { panel.hidden = true; } }, '×')),
        h('p', { class: 'kind' }, kindLabel('Aggregate'), ` · ${t('explorer.members', { n: node.count ?? 0 })}`),
        h('button', { type: 'button', id: 'expand', onclick: act(() => expandAggregate(id)) }, t('panel.expand')));
      (panel.querySelector('#panel-title') as HTMLElement).focus();
      return;
    }
    await openPanel(panel, id, {
      dependencies: uid => openDependencies(ctx, uid),
      whatIf: uid => void whatIf(uid),
      expand: uid => void expand(uid).catch(reportError),
      // Interfaces, contracts and standards are not drawn: their details open all the same.
      focus: uid => { controller.focus(uid); void select(uid); },
      report: uid => ctx.navigate('report', { subject: uid }),
      close: () => { panel.hidden = true; controller.select(null); graphBox.focus(); },
    });
  };

  // Closing the answer, going back to the details or choosing another node ends it in the graph too:
  // the normal look, the filters' nodes, the view from before, and a URL that does not ask again.
  let answering = false;
  function endWhatIf(): void {
    if (!answering) return;
    answering = false;
    controller.endImpact();
    delete graphBox.dataset.impact;
    applyFilters();
    forgetParam('impact');
  }

  // The answer in the side panel (what-if-view.ts), the same answer marked in the graph.
  const whatIf = async (uid: string) => {
    answering = true;
    panel.hidden = false;
    panel.classList.add('wide');
    controller.select(uid);
    await answerWhatIf(panel, uid, {
      organisations: ctx.organisations(),
      onAnswer: ({ rows, summary }) => {
        if (!answering) return; // closed while the answer was on its way
        controller.resize();
        const impacted = rows.map(row => ({ id: row.uid, hops: row.hops, direct: row.direct }));
        controller.showImpact(uid, impacted);
        status.textContent = t('explorer.impactSummary', { name: summary.node.name, ...hitInWords({ rows, summary }) });
        graphBox.dataset.impact = String(impacted.length);
      },
      onBack: () => void select(uid),
      onClose: () => { endWhatIf(); panel.hidden = true; panel.classList.remove('wide'); controller.select(null); graphBox.focus(); },
      // Escape closes only the answer: back to the details, focus on the button that asked.
      onEscape: () => { void select(uid).then(focusWhatIfButton); },
      focus: id => { controller.focus(id); },
    });
  };

  const merge = (extra: Graph, anchor: string) => {
    const known = new Set(graph.nodes.map(n => n.id));
    for (const node of extra.nodes) if (!known.has(node.id)) graph.nodes.push(node);
    const edgeIds = new Set(graph.edges.map(edgeId));
    for (const edge of extra.edges) if (!edgeIds.has(edgeId(edge))) graph.edges.push(edge);
    const added = controller.addGraph(extra, anchor);
    applyFilters();
    return added;
  };
  const expand = async (uid: string) => {
    const detail = await getNode(uid);
    const extra: Graph = { nodes: [], edges: [] };
    for (const n of neighboursOf(detail)) {
      const id = n.uid;
      extra.nodes.push({ id, kind: n.kind, label: n.name });
      extra.edges.push(n.direction === 'out' ? { source: uid, target: id, type: n.type } : { source: id, target: uid, type: n.type });
    }
    merge(extra, uid);
  };
  // An aggregate opens into its members (server-side), which take its place.
  const expandAggregate = async (id: string) => {
    const members = await getGraph({ organisation: ctx.organisations(), aggregate, kinds: GRAPH_KINDS, maxElements: MAX_ELEMENTS, expand: id });
    merge(members, id);
    // The members take the aggregate's place (their edges already point at the rest of the view).
    graph.nodes = graph.nodes.filter(n => n.id !== id);
    graph.edges = graph.edges.filter(e => e.source !== id && e.target !== id);
    controller.removeNode(id);
    panel.hidden = true;
    applyFilters();
  };

  function applyFilters(): void {
    const visible = visibleNodeIds(graph, filters);
    controller.showOnly(visible);
    status.textContent = `${t('explorer.count', { visible: visible.size, total: graph.nodes.length })} · ${t('explorer.countEdges', { edges: controller.edgeCount() })}`;
    graphBox.dataset.visible = String(visible.size);
    offerLayouts();
    renderTable();
  }

  // The table alternative is built only while it is open: hundreds of rows are not free.
  tableToggle.addEventListener('toggle', () => renderTable());
  function renderTable(): void {
    if (!tableToggle.open) { tableBox.replaceChildren(); return; }
    const rows = controller.visibleNodes();
    fill(tableBox, sortableTable({
      caption: t('explorer.table.caption'),
      rows,
      sortKey: 'label',
      descending: false,
      columns: [
        { key: 'label', label: t('exposure.col.name'), value: r => str(r.label), render: r => h('button', { type: 'button', class: 'link', onclick: () => { controller.focus(r.id); void select(r.id); } }, str(r.label)) },
        { key: 'kind', label: t('spof.col.kind'), value: r => kindLabel(str(r.kind)) },
        { key: 'criticality', label: t('explorer.criticality'), value: r => (r.criticality ? critLabel(r.criticality) : '') },
        { key: 'organisation', label: t('org.label'), value: r => orgName(r.organisation) },
      ],
    }));
  }

  // ---- sidebar -----------------------------------------------------------------------------
  const checkboxes = (name: string, legendText: string, values: string[], selected: string[], label: (v: string) => string, onChange: (values: string[]) => void) => {
    const boxes = values.map(value => h('label', { class: 'check' }, h('input', { type: 'checkbox', name, value, checked: selected.includes(value), onchange: () => {
      onChange(boxes.map(b => b.querySelector('input')!).filter(i => i.checked).map(i => i.value));
    } }), ' ', label(value)));
    return h('fieldset', {}, h('legend', {}, legendText), boxes);
  };
  const selectBox = (id: string, labelText: string, options: { id: string; label: string }[], value: string | undefined, onChange: (value: string | undefined) => void) =>
    h('div', { class: 'field' }, h('label', { for: id }, labelText),
      h('select', { id, onchange: (e: Event) => onChange((e.target as HTMLSelectElement).value || undefined) },
        h('option', { value: '' }, t('common.all')),
        options.map(o => h('option', { value: o.id, selected: o.id === value }, o.label))));

  const presentKinds = [...new Set(graph.nodes.map(n => n.kind))].sort();
  const suppliers = [...optionsOf(graph, 'SupplierGroup').map(o => ({ ...o, label: `${o.label} (${kindLabel('SupplierGroup').toLowerCase()})` })), ...optionsOf(graph, 'Supplier')];

  // Path view: how does application X depend on supplier Y (one shortest path from the impact analysis).
  const pathApp = h('select', { id: 'path-app', 'aria-label': t('explorer.pathFrom') }, optionsOf(graph, 'Application').map(o => h('option', { value: o.id }, o.label)));
  const pathSupplier = h('select', { id: 'path-supplier', 'aria-label': t('explorer.pathTo') }, suppliers.map(o => h('option', { value: o.id }, o.label)));
  const pathResult = h('p', { class: 'hint', role: 'status' });
  const showPath = async () => {
    const result = await runAnalysis('impact', { node: pathSupplier.value, organisation: ctx.organisations() });
    const row = result.rows.find(r => rowUid(r) === pathApp.value);
    const path = row ? uids(pick(row, 'path', 'pathUids', 'nodes')) : [];
    if (!row || path.length === 0) { pathResult.textContent = t('explorer.pathNone'); controller.clearState(); return; }
    const full = path.includes(pathSupplier.value) ? path : [...path, pathSupplier.value];
    controller.showPath(full);
    pathResult.textContent = full.map(id => graph.nodes.find(n => n.id === id)?.label ?? id).join(' → ');
  };

  const layoutSelect = h('select', { id: 'layout', onchange: (e: Event) => { layout = (e.target as HTMLSelectElement).value as LayoutName; controller.runLayout(layout); } },
    (['fcose', 'dagre', 'concentric'] as const).map(name => h('option', { value: name, selected: name === layout }, t(`explorer.layout.${name}`))));
  // Layouts that would not finish within 3 s on what is visible are not offered, and say up to what size they are.
  const offerLayouts = () => {
    const size = controller.layoutSize();
    for (const option of layoutSelect.options) {
      const name = option.value as LayoutName;
      option.disabled = !fits(name, size);
      option.textContent = option.disabled ? `${t(`explorer.layout.${name}`)} — ${t('explorer.layout.tooBig', { max: formatNumber(LAYOUT_LIMITS[name]) })}` : t(`explorer.layout.${name}`);
    }
  };

  const lockInBox = h('input', { type: 'checkbox', id: 'overlay-lockin', checked: overlays.lockIn, onchange: (e: Event) => { overlays.lockIn = (e.target as HTMLInputElement).checked; void applyOverlays().catch(reportError); } });
  const spofBox = h('input', { type: 'checkbox', id: 'overlay-spof', checked: overlays.spof, onchange: (e: Event) => { overlays.spof = (e.target as HTMLInputElement).checked; void applyOverlays().catch(reportError); } });
  const minorBox = h('input', { type: 'checkbox', id: 'all-relationships', checked: allRelationships, onchange: (e: Event) => { allRelationships = (e.target as HTMLInputElement).checked; controller.setMinorEdges(allRelationships); applyFilters(); } });
  const aggregateBox = h('select', { id: 'aggregate', onchange: (e: Event) => { aggregate = (e.target as HTMLSelectElement).value as Aggregate; ctx.navigate('explorer', { view: 'graph' }); } },
    (['auto', 'none', 'supplier', 'referenceComponent'] as const).map(value => h('option', { value, selected: value === aggregate }, t(`explorer.aggregate.${value}`))));

  function syncSidebar(): void {
    fill(filterBox, 
      checkboxes('kind', t('explorer.kinds'), presentKinds, filters.kinds, kindLabel, v => { filters.kinds = v; applyFilters(); }),
      checkboxes('criticality', t('explorer.criticality'), CRITICALITIES, filters.criticality, critLabel, v => { filters.criticality = v; applyFilters(); }),
      checkboxes('jurisdiction', t('explorer.jurisdiction'), JURISDICTIONS, filters.jurisdiction, v => t(`map.jurisdiction.${v}` as MessageKey), v => { filters.jurisdiction = v; applyFilters(); }),
      selectBox('filter-supplier', t('explorer.supplier'), suppliers, filters.supplier, v => { filters.supplier = v; applyFilters(); }),
      selectBox('filter-refcomp', t('explorer.refcomp'), optionsOf(graph, 'ReferenceComponent'), filters.referenceComponent, v => { filters.referenceComponent = v; applyFilters(); }),
      selectBox('filter-function', t('explorer.function'), optionsOf(graph, 'BusinessFunction'), filters.businessFunction, v => { filters.businessFunction = v; applyFilters(); }),
      h('button', { type: 'button', id: 'filters-reset', onclick: () => { filters = noFilters(); syncSidebar(); applyFilters(); } }, t('common.reset')),
    );
  }
  const filterBox = h('div', { class: 'filters' });
  // What an overlay's colours and marks mean, and how many it marked: under its checkbox while it is on.
  const lockInNote = h('p', { class: 'hint overlay-note', id: 'overlay-lockin-note', hidden: true }, t('explorer.overlay.lockinNote'));
  const spofNote = h('p', { class: 'hint overlay-note', id: 'overlay-spof-note', 'aria-live': 'polite', hidden: true });

  sidebar.append(
    // Search finds every node, folded into an aggregate or not, and opens its dependency view.
    searchBox(hit => openDependencies(ctx, hit.uid)),
    h('details', { open: true }, h('summary', {}, t('explorer.filters')), filterBox),
    h('details', { open: true }, h('summary', {}, t('explorer.overlays')),
      h('label', { class: 'check' }, lockInBox, ' ', t('explorer.overlay.lockin')),
      lockInNote,
      h('label', { class: 'check' }, spofBox, ' ', t('explorer.overlay.spof')),
      spofNote,
      h('label', { class: 'check' }, minorBox, ' ', t('explorer.allRelationships')),
      h('div', { class: 'field' }, h('label', { for: 'aggregate' }, t('explorer.aggregate')), aggregateBox),
      h('div', { class: 'field' }, h('label', { for: 'layout' }, t('explorer.layout')), layoutSelect)),
    h('details', {}, h('summary', {}, t('explorer.pathShow')),
      h('div', { class: 'field' }, h('label', { for: 'path-app' }, t('explorer.pathFrom')), pathApp),
      h('div', { class: 'field' }, h('label', { for: 'path-supplier' }, t('explorer.pathTo')), pathSupplier),
      h('button', { type: 'button', id: 'path-show', onclick: act(showPath) }, t('explorer.pathShow')), pathResult),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'fit', onclick: () => controller.fit() }, t('explorer.fit')),
      h('button', { type: 'button', id: 'clear', onclick: () => { endWhatIf(); controller.clearState(); applyFilters(); } }, t('explorer.clear')),
      h('button', { type: 'button', id: 'export-png', onclick: () => saveBlob(controller.exportPng(), 'roer-landschap.png') }, t('explorer.export.png')),
      h('button', { type: 'button', id: 'export-svg', onclick: () => saveBlob(new Blob([controller.exportSvg()], { type: 'image/svg+xml' }), 'roer-landschap.svg') }, t('explorer.export.svg'))),
  );
  syncSidebar();
  applyFilters();
  void applyOverlays().catch(reportError);

  async function applyOverlays(): Promise<void> {
    if (overlays.lockIn) {
      const result = await runAnalysis('lock-in', { organisation: ctx.organisations() });
      const scores = new Map<string, number>();
      for (const row of result.rows) { const score = num(pick(row, 'score', 'lockIn', 'lockInScore')); if (score !== undefined) scores.set(rowUid(row), score); }
      controller.setLockIn(scores);
      // Which are worst, by name: green and red dots alone do not say where to look.
      const worst = [...result.rows].filter(row => scores.has(rowUid(row))).sort((a, b) => scores.get(rowUid(b))! - scores.get(rowUid(a))!).slice(0, 3);
      fill(lockInNote, t('explorer.overlay.lockinNote'), worst.length ? ` ${t('explorer.overlay.lockinWorst', { list: worst.map(row => `${rowName(row)} (${formatNumber(scores.get(rowUid(row))!, 1)})`).join(', ') })}` : '');
    } else controller.setLockIn(null);
    if (overlays.spof) {
      const result = await runAnalysis('single-points-of-failure', { organisation: ctx.organisations() });
      const summary = (result.summary ?? {}) as Record<string, unknown>;
      const points = uids(pick(summary, 'articulationPoints', 'articulation'));
      const bridges = ((pick(summary, 'bridges') ?? []) as unknown[]).map(b => Array.isArray(b) ? [str(b[0]), str(b[1])] as [string, string] : [str((b as Row).from ?? (b as Row).source ?? (b as Row).a), str((b as Row).to ?? (b as Row).target ?? (b as Row).b)] as [string, string]);
      controller.markFindings(points, bridges);
      spofNote.textContent = points.length + bridges.length === 0 ? t('explorer.overlay.spofNone') : t('explorer.overlay.spofNote', { points: tn('explorer.overlay.points', points.length), bridges: tn('explorer.overlay.bridges', bridges.length) });
    } else controller.markFindings([], []);
    lockInNote.hidden = !overlays.lockIn;
    spofNote.hidden = !overlays.spof;
  }

  const focus = ctx.params().get('focus');
  if (focus) { if (!controller.visibleNodes().some(n => n.id === focus)) { filters = noFilters(); syncSidebar(); applyFilters(); } controller.focus(focus);
    // The side panel takes room from the graph: the node is put in the middle of what is left.
    void select(focus).then(() => { controller.resize(); controller.focus(focus); }); }
  const impact = ctx.params().get('impact');
  if (impact) void whatIf(impact);
}

/** Takes a parameter out of the page's address without showing the page again (a reload then does not ask again). */
function forgetParam(name: string): void {
  const [path, query] = location.hash.split('?');
  const params = new URLSearchParams(query ?? '');
  if (!params.has(name)) return;
  params.delete(name);
  history.replaceState(history.state, '', `${path}${params.size ? `?${params}` : ''}`);
}

/** The kinds the graph draws, in the legend's order (contracts, interfaces and standards are never drawn: not listed). */
function legend(graph: Graph): HTMLElement {
  const present = new Set(graph.nodes.map(node => node.kind));
  const kinds = Object.keys(KINDS).filter(kind => present.has(kind));
  return h('figure', { class: 'legend', 'aria-label': t('explorer.legend') }, h('figcaption', {}, t('explorer.legend')),
    h('ul', {}, kinds.map(kind => h('li', {}, h('span', { class: `swatch shape-${KINDS[kind].shape}`, style: `background:${KINDS[kind].colour}`, 'aria-hidden': 'true' }), kindLabel(kind)))));
}

/** Focus back on the details' "Wat als" button once the what-if answer is closed (explorer keyboard use). */
function focusWhatIfButton(): void {
  document.querySelector<HTMLElement>('#panel #what-if')?.focus();
}
