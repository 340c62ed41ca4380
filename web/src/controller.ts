// The only module that touches `cy`. Everything else asks it to show state; state is classes toggled
// inside cy.batch(), never a second graph or a re-layout.
import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from 'cytoscape';
import { toElements, edgeId } from './elements.js';
import { stylesheet, lockInColour, kindLook } from './style.js';
import type { Graph } from './types.js';
import type { LayoutRequest, LayoutResponse } from './layout-worker.js';

export type LayoutName = 'fcose' | 'dagre' | 'concentric';

/**
 * The most nodes + edges each layout is offered for: what finishes within 3 s in Chromium on a
 * 2-core machine, also while it is busy. Measured on the demo municipality (584 nodes, 2,544 edges
 * drawn): fcose 0.5–1.7 s computing, concentric 0.1–0.2 s, dagre 24–37 s. Dagre on parts of it (in
 * Node, same V8): 0.9 s at 789 elements and 1.8 s at 1,381 on a quiet machine, 2.3 s and 5.1 s on a
 * busy one (tests/web/layouts.test.ts prints the times in Chromium).
 */
export const LAYOUT_LIMITS: Record<LayoutName, number> = { fcose: 6_000, dagre: 800, concentric: Number.POSITIVE_INFINITY };
export type Positions = Record<string, { x: number; y: number }>;

export type Controller = ReturnType<typeof createController>;

/** `onRefine`: fcose's refinement of the positions on screen is running (true) or over (false). */
export function createController(container: HTMLElement, events: { onSelect: (id: string | null) => void; onLayout: (busy: boolean) => void; onRefine?: (busy: boolean) => void }) {
  const cy: Core = cytoscape({
    container,
    style: stylesheet() as cytoscape.StylesheetJson,
    hideEdgesOnViewport: true,
    textureOnViewport: false,
    minZoom: 0.05,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    boxSelectionEnabled: false,
  });
  let worker: Worker | undefined;
  let layoutRequest = 0;
  let pending = false;
  let refining = false;
  /** The refined positions' glide now running (stopRefining ends its claim on the view). */
  let glides = 0;
  let graphKey = '';

  // The panel opening or closing, or the window resizing, changes the canvas size; Cytoscape must be told.
  // What is marked (a what-if answer, a path) is fitted into the room there is now; with nothing marked
  // or selected, the whole graph; with a node selected, the same middle (Cytoscape keeps the top left
  // corner, so a panel opening cut the right side of the view off).
  let size = { w: 0, h: 0 };
  new ResizeObserver(() => {
    const old = size;
    // A focus still animating would end at the middle of the old size: finish it first, then shift.
    cy.stop(true, true);
    cy.resize();
    size = { w: cy.width(), h: cy.height() };
    if (keptView) { showExtent(keptView); return; }
    const marked = cy.nodes('.highlighted, .finding');
    if (!marked.empty()) cy.fit(marked, 40);
    else if (cy.nodes(':selected').empty()) cy.fit(cy.nodes().not('.hidden'), 30);
    else if (old.w > 0) cy.panBy({ x: (size.w - old.w) / 2, y: (size.h - old.h) / 2 });
  }).observe(container);

  cy.on('tap', 'node', event => events.onSelect(event.target.id()));
  // A label hidden to keep the others readable shows while the pointer is on its node.
  cy.on('mouseover', 'node', event => { event.target.addClass('hovered'); });
  cy.on('mouseout', 'node', event => { event.target.removeClass('hovered'); });
  cy.on('viewport', () => scheduleLabels());
  cy.on('select unselect', 'node', () => scheduleLabels());

  // ---- labels: only where they fit ------------------------------------------------------------
  // With a big supplier failing, 350 red nodes' labels lay on top of each other. Labels are placed in
  // order of importance (the failing node, the selected one, what fails in the first step, critical
  // applications, then by step), each only where it does not cover one placed before; the rest show on
  // hover and in the panel's lists. Redone when the view moves (debounced).
  let labelTimer: ReturnType<typeof setTimeout> | undefined;
  function scheduleLabels(): void {
    clearTimeout(labelTimer);
    labelTimer = setTimeout(placeLabels, 60);
  }
  /** The label's size in the stylesheet (before any what-if sizing). */
  const baseFont = (node: NodeSingular): number => (node.scratch('_roerFont') as number | undefined)
    ?? node.scratch('_roerFont', node.hasClass('label-sized') ? 9 : parseFloat(String(node.style('font-size'))) || 9).scratch('_roerFont');
  const labelPriority = (node: NodeSingular, impact: boolean): number => {
    if (node.hasClass('impact-origin') || node.selected()) return 0;
    if (impact) {
      const hops = Number(node.data('hops') ?? 9);
      return hops <= 1 ? 1 : node.data('criticalityRank') >= 3 ? 2 : 2 + hops;
    }
    if (node.hasClass('finding')) return 1;
    return ['Organisation', 'SupplierGroup', 'Supplier', 'Platform'].includes(String(node.data('kind'))) ? 2 : node.data('criticalityRank') >= 3 ? 3 : 4;
  };
  const measure = document.createElement('canvas').getContext('2d');
  /** A text's width on screen in the font Cytoscape draws labels with. */
  const textWidth = (text: string, size: number, family: string): number => {
    if (!measure) return text.length * size * 0.65;
    measure.font = `${size}px ${family}`;
    return measure.measureText(text).width;
  };
  /** On screen, what-if labels are at least this big, at any zoom: the answer is readable without zooming in. */
  const ANSWER_FONT = 9;
  function placeLabels(): void {
    const zoom = cy.zoom();
    const impact = cy.nodes('.impact-origin').nonempty();
    const placed: { x1: number; x2: number; y1: number; y2: number }[] = [];
    const show = new Map<string, number | null>();
    const candidates = (cy.nodes(':childless').toArray() as NodeSingular[])
      .filter(node => !node.hasClass('hidden') && !node.hasClass('faded') && (impact ? node.hasClass('highlighted') : baseFont(node) * zoom >= 8))
      .map(node => ({ node, priority: labelPriority(node, impact) }))
      .sort((a, b) => a.priority - b.priority || b.node.degree(false) - a.node.degree(false));
    for (const { node, priority } of candidates) {
      // Where the label goes: centred under the node, as wide as its text (up to text-max-width unless sized), with the margin Cytoscape gives it.
      const natural = baseFont(node) * zoom;
      const size = impact ? Math.max(natural, ANSWER_FONT) : natural;
      const text = String((node.hasClass('highlighted') ? node.data('highlightLabel') : null) ?? node.data('label') ?? '');
      // Cytoscape draws a 2-unit outline and adds 2 units of margin around a label, in graph units: at zoom 2 that is 8 px a side.
      const pad = 4 * Math.max(1, zoom) + 1;
      const width = Math.min(textWidth(text, size, String(node.style('font-family'))), size > natural ? Number.POSITIVE_INFINITY : (node.hasClass('highlighted') ? 200 : 120) * zoom) + 2 * pad;
      const { x, y } = node.renderedPosition();
      const top = y + node.renderedHeight() / 2 + 3 * zoom;
      const box = { x1: x - width / 2, x2: x + width / 2, y1: top - pad, y2: top + size * 1.5 + pad };
      if (priority > 0 && placed.some(other => other.x1 < box.x2 && box.x1 < other.x2 && other.y1 < box.y2 && box.y1 < other.y2)) continue;
      placed.push(box);
      show.set(node.id(), size > natural ? size / zoom : null);
    }
    cy.batch(() => cy.nodes().forEach(node => {
      const shown = show.has(node.id());
      if (node.hasClass('label-off') === shown) node.toggleClass('label-off', !shown).toggleClass('label-on', shown);
      const sized = show.get(node.id()) ?? null;
      if (sized !== null) node.data('labelSize', sized).addClass('label-sized');
      else if (node.hasClass('label-sized')) node.removeClass('label-sized');
    }));
    container.dataset.labels = String(show.size);
  }

  // ---- the view to come back to -----------------------------------------------------------------
  type Extent = { x1: number; y1: number; w: number; h: number };
  /** What was in sight before a what-if answer; shown again (in the room there is then) when it closes. */
  let savedView: Extent | null = null;
  /** Kept in sight through panel changes after restoring, until something else is shown. */
  let keptView: Extent | null = null;
  function showExtent(extent: Extent): void {
    const zoom = Math.min(cy.width() / extent.w, cy.height() / extent.h);
    cy.viewport({ zoom, pan: { x: cy.width() / 2 - (extent.x1 + extent.w / 2) * zoom, y: cy.height() / 2 - (extent.y1 + extent.h / 2) * zoom } });
  }
  cy.on('tap', event => { if (event.target === cy) events.onSelect(null); });
  // Once the user works in the graph (a click, a drag, zooming), the nodes stay where they are: a
  // refinement arriving then would move what they are looking at.
  cy.on('tapstart scrollzoom pinchzoom', () => stopRefining());

  const cacheKey = (layout: LayoutName) => `roer.positions.${layout}.${graphKey}`;
  const readCache = (layout: LayoutName): Positions | undefined => {
    try { const text = localStorage.getItem(cacheKey(layout)); return text ? JSON.parse(text) : undefined; } catch { return undefined; }
  };
  const writeCache = (layout: LayoutName, positions: Positions) => {
    try { localStorage.setItem(cacheKey(layout), JSON.stringify(positions)); } catch { /* quota: layout is just recomputed next time */ }
  };

  function setGraph(graph: Graph, key: string, layout: LayoutName): void {
    stopRefining();
    graphKey = key;
    keptView = null;
    const cached = layout === 'concentric' ? undefined : readCache(layout);
    cy.elements().remove();
    cy.add(toElements(graph, cached ?? {}) as cytoscape.ElementDefinition[]);
    setMinorEdges(showMinor);
    if (cached && (cy.nodes().toArray() as NodeSingular[]).every(node => node.isParent() || !!cached[node.id()])) {
      cy.fit(undefined, 30);
      return;
    }
    runLayout(layout);
  }

  /** Adds nodes and edges (expanding a neighbourhood) and places the new ones next to their anchor. */
  function addGraph(graph: Graph, anchor: string): number {
    stopRefining();
    const fresh = toElements(graph).filter(element => cy.getElementById(element.data.id).empty());
    const anchorNode = cy.getElementById(anchor);
    const centre = anchorNode.nonempty() ? anchorNode.position() : { x: 0, y: 0 };
    const newNodes = fresh.filter(element => element.group === 'nodes');
    queueMicrotask(() => setMinorEdges(showMinor));
    // A ring around the anchor, wide enough that its nodes do not overlap.
    const radius = Math.max(90, (newNodes.length * 26) / (2 * Math.PI));
    newNodes.forEach((element, index) => {
      const angle = (2 * Math.PI * index) / Math.max(1, newNodes.length);
      element.position = { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
    });
    cy.add(fresh.filter(element => element.group === 'nodes' || (!cy.getElementById(String(element.data.source)).empty() || newNodes.some(n => n.data.id === element.data.source))) as cytoscape.ElementDefinition[]);
    cy.animate({ fit: { eles: cy.getElementById(anchor).union(cy.nodes().filter(node => newNodes.some(n => n.data.id === node.id()))), padding: 40 } }, { duration: 250 });
    return newNodes.length;
  }

  function removeNode(id: string): void {
    stopRefining();
    cy.getElementById(id).remove();
  }

  /**
   * The edges a layout places nodes by: those drawn between visible nodes. Hidden membership edges
   * (an organisation uses all its 400 applications) would pull everything into one star, and cost time.
   */
  function laidOutEdges(visible: cytoscape.NodeCollection) {
    return visible.connectedEdges().filter((edge: EdgeSingular) => !edge.hasClass('minor-hidden') && !edge.source().hasClass('hidden') && !edge.target().hasClass('hidden'));
  }

  function runLayout(layout: LayoutName): void {
    const visible = cy.nodes().not('.hidden');
    if (layout === 'concentric' || visible.length === 0) {
      const started = performance.now();
      cy.layout({ name: 'concentric', eles: visible.union(visible.connectedEdges()), concentric: (node: NodeSingular) => node.degree(false), levelWidth: () => 2, animate: false, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
      container.dataset.layoutMs = String(Math.round(performance.now() - started));
      return;
    }
    // Something sensible at once; the real layout replaces it when the worker answers.
    if ((visible.toArray() as NodeSingular[]).some(node => node.position().x === 0 && node.position().y === 0)) {
      cy.layout({ name: 'grid', eles: visible, animate: false, fit: true, padding: 30 } as cytoscape.LayoutOptions).run();
    }
    // A layout still running (dagre on a big graph can take a minute) is abandoned, not queued behind.
    if (pending) { worker?.terminate(); worker = undefined; }
    stopRefining();
    worker ??= new Worker(new URL('./layout-worker.js', import.meta.url), { type: 'module' });
    const id = ++layoutRequest;
    pending = true;
    events.onLayout(true);
    const request: LayoutRequest = {
      id,
      name: layout,
      refine: layout === 'fcose',
      // Drawn sizes, so the layout keeps big aggregates as far apart as small nodes (all 24 px, they overlapped).
      nodes: visible.map((node: NodeSingular) => ({ id: node.id(), parent: node.isChild() && !node.parent().first().hasClass('hidden') ? node.parent().first().id() : undefined, w: Math.round(node.width()), h: Math.round(node.height()) })),
      edges: laidOutEdges(visible).map((edge: EdgeSingular) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id() })),
    };
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      if (event.data.id !== layoutRequest) return; // a newer layout was asked for meanwhile
      if ('error' in event.data) {
        pending = false;
        events.onLayout(false);
        stopRefining();
        console.warn('layout failed', event.data.error);
        return;
      }
      const { positions, ms } = event.data;
      if (pending) {
        pending = false;
        events.onLayout(false);
        cy.batch(() => cy.nodes().forEach(node => { if (positions[node.id()]) node.position(positions[node.id()]); }));
        fitAfterLayout();
        container.dataset.layoutMs = String(ms);
        if (event.data.refining) {
          refining = true;
          container.dataset.refining = 'true';
          events.onRefine?.(true);
          // A node focused or an answer marked meanwhile: the view is on it, and stays as it is; the draft
          // is then as good as these positions get, and kept like a refined layout.
          if (cy.nodes(':selected').empty() && cy.nodes('.highlighted').empty()) return;
          stopRefining();
        }
      } else if (refining) {
        // The refined positions: the nodes move there, so the eye can follow where each one went.
        stopRefining(false);
        const glide = ++glides;
        // Fitted when the glide ends, unless the user or an answer took the view meanwhile (stopRefining).
        // Labels are placed for where the nodes are: an answer shown during the glide placed them mid-way.
        cy.layout({ name: 'preset', positions: (node: NodeSingular) => positions[node.id()] ?? node.position(), animate: true, animationDuration: 450, fit: false, stop: () => { if (glide === glides) fitAfterLayout(); else scheduleLabels(); } } as cytoscape.LayoutOptions).run();
        container.dataset.layoutRefinedMs = String(ms);
      } else return; // refinement was stopped: the graph changed since
      // Only positions as good as they get are kept for the next visit.
      writeCache(layout, { ...(readCache(layout) ?? {}), ...positions });
    };
    worker.postMessage(request);
    letGoWhenLeft();
  }

  /**
   * A layout or refinement still running when the page is left (another page, another view) is let go:
   * the worker is not tied to the page, and a refinement took 4 s of a core for a graph no one saw.
   */
  let leaving: ReturnType<typeof setInterval> | undefined;
  function letGoWhenLeft(): void {
    if (leaving) return;
    leaving = setInterval(() => {
      if (container.isConnected && (pending || refining)) return;
      if (!container.isConnected && (pending || refining)) {
        worker?.terminate();
        worker = undefined;
        pending = false;
        refining = false;
      }
      clearInterval(leaving);
      leaving = undefined;
    }, 250);
  }

  /** What was asked for while the layout ran stays in sight: a what-if answer, or the node searched for. */
  function fitAfterLayout(): void {
    const marked = cy.nodes('.highlighted');
    const selected = cy.nodes(':selected');
    if (marked.nonempty()) cy.fit(marked, 40);
    else {
      cy.fit(cy.nodes().not('.hidden'), 30);
      if (selected.nonempty()) cy.viewport({ zoom: Math.max(cy.zoom(), 1.2), pan: cy.pan() }).center(selected);
    }
    scheduleLabels();
  }

  /**
   * Ends a refinement: done, or stopped (`cancel`: the graph changed, or another layout was asked for),
   * when the worker busy with it is let go, so that the next layout does not wait behind it.
   */
  function stopRefining(cancel = true): void {
    if (cancel) glides++;
    if (!refining) return;
    refining = false;
    if (cancel) { worker?.terminate(); worker = undefined; }
    delete container.dataset.refining;
    events.onRefine?.(false);
  }

  function showOnly(visible: Set<string>): void {
    cy.batch(() => {
      cy.nodes().forEach(node => { node.toggleClass('hidden', !visible.has(node.id())); });
    });
    scheduleLabels();
  }

  /** Membership edges (organisation uses, realises, supports) are many and say little in the picture. */
  const MINOR = new Set(['USES', 'REALISES', 'SUPPORTS']);
  let showMinor = false;
  function setMinorEdges(show: boolean): void {
    showMinor = show;
    cy.batch(() => cy.edges().forEach(edge => { edge.toggleClass('minor-hidden', !show && MINOR.has(edge.data('type'))); }));
  }

  function clearState(): void {
    cy.batch(() => {
      cy.elements().removeClass('highlighted faded finding impact-origin through');
      cy.nodes().removeData('highlightLabel hops');
      // The overlay's findings (single points of failure) stay while its box is ticked.
      paintFindings();
    });
    scheduleLabels();
  }

  /** The end of a what-if answer: the normal look, and the view there was before it (filters are the caller's). */
  function endImpact(): void {
    clearState();
    if (savedView) { keptView = savedView; showExtent(savedView); }
    savedView = null;
  }

  function focus(id: string): boolean {
    const node = cy.getElementById(id);
    if (node.empty()) return false;
    stopRefining();
    keptView = null;
    node.removeClass('hidden');
    cy.nodes(':selected').unselect();
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 250 });
    return true;
  }

  /** "What if this fails": the origin, its impact set with hop distances (dashed: only through interfaces), everything else faded. */
  function showImpact(origin: string, impacted: { id: string; hops: number; direct: boolean }[]): void {
    stopRefining();
    const hops = new Map(impacted.map(item => [item.id, item.hops]));
    const through = new Set(impacted.filter(item => !item.direct).map(item => item.id));
    // Asked again (another number of steps): the view to come back to is still the one before the first answer.
    if (!savedView) { const { x1, y1, w, h } = cy.extent(); savedView = { x1, y1, w, h }; }
    keptView = null;
    cy.batch(() => {
      clearState();
      const keep = new Set([origin, ...hops.keys()]);
      cy.nodes().forEach(node => {
        const id = node.id();
        if (id === origin) node.addClass('impact-origin highlighted').data('highlightLabel', `${node.data('label')} ✕`);
        else if (hops.has(id)) node.addClass('highlighted').toggleClass('through', through.has(id)).removeClass('hidden').data('hops', hops.get(id)).data('highlightLabel', `${node.data('label')} [${hops.get(id)}]`);
        else if (!node.isParent() || !(node.descendants().toArray() as NodeSingular[]).some(child => keep.has(child.id()))) node.addClass('faded');
      });
      cy.edges().forEach(edge => {
        if (keep.has(edge.source().id()) && keep.has(edge.target().id())) edge.addClass('highlighted');
        else edge.addClass('faded');
      });
    });
    cy.animate({ fit: { eles: cy.nodes('.highlighted'), padding: 40 } }, { duration: 300, complete: scheduleLabels });
  }

  /** A path of node ids: mark nodes and the edges between consecutive nodes (either direction). */
  function showPath(path: string[]): void {
    stopRefining();
    keptView = null;
    cy.batch(() => {
      clearState();
      const onPath = new Set(path);
      cy.elements().addClass('faded');
      path.forEach((id, index) => {
        cy.getElementById(id).removeClass('faded hidden').addClass('finding');
        const next = path[index + 1];
        if (next) cy.edges().filter(edge => (edge.source().id() === id && edge.target().id() === next) || (edge.source().id() === next && edge.target().id() === id))
          .removeClass('faded').addClass('finding');
      });
      cy.nodes().filter(node => onPath.has(node.id())).forEach(node => { node.data('highlightLabel', node.data('label')); });
    });
  }

  /** Analysis findings (articulation points, bridges) without fading anything. */
  let findings: { nodeIds: string[]; bridges: [string, string][] } = { nodeIds: [], bridges: [] };
  function markFindings(nodeIds: string[], bridges: [string, string][]): void {
    findings = { nodeIds, bridges };
    cy.batch(() => {
      cy.elements().removeClass('finding');
      paintFindings();
    });
    scheduleLabels();
  }
  function paintFindings(): void {
    for (const id of findings.nodeIds) cy.getElementById(id).addClass('finding');
    for (const [a, b] of findings.bridges) {
      cy.edges().filter(edge => (edge.source().id() === a && edge.target().id() === b) || (edge.source().id() === b && edge.target().id() === a)).addClass('finding');
    }
  }

  function setLockIn(scores: Map<string, number> | null): void {
    cy.batch(() => {
      cy.nodes().removeClass('lockin');
      if (!scores) return;
      for (const [id, score] of scores) {
        const node = cy.getElementById(id);
        if (node.nonempty()) node.data('lockInColour', lockInColour(score)).data('lockIn', score).addClass('lockin');
      }
    });
  }

  // Sharp enough to print, but capped: a spread-out graph at scale 2 made a canvas so large that drawing it
  // held the page for more than 30 s.
  function exportPng(): Blob {
    return cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2, maxWidth: 6000, maxHeight: 6000 }) as unknown as Blob;
  }

  /** A small SVG writer from positions: straight edges, one shape per kind, labels. */
  function exportSvg(): string {
    const nodes = cy.nodes().filter(node => !node.hasClass('hidden') && !node.isParent() && !node.hasClass('faded'));
    const box = nodes.boundingBox({ includeLabels: true });
    const pad = 20;
    const esc = (text: string) => text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
    const parts: string[] = [];
    for (const edge of cy.edges()) {
      if (edge.hasClass('faded') || edge.hasClass('minor-hidden') || edge.source().hasClass('hidden') || edge.target().hasClass('hidden')) continue;
      const a = edge.source().position(), b = edge.target().position();
      const colour = edge.hasClass('highlighted') ? '#d00000' : edge.hasClass('finding') ? '#ff00aa' : '#9aa3ad';
      parts.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${colour}" stroke-width="1.2" marker-end="url(#arrow)"/>`);
    }
    nodes.forEach(node => {
      const { x, y } = node.position();
      const r = node.width() / 2;
      const kind = String(node.data('kind'));
      const fill = node.hasClass('lockin') ? String(node.data('lockInColour')) : kindLook(kind).colour;
      const stroke = node.hasClass('highlighted') ? '#d00000' : node.hasClass('finding') ? '#ff00aa' : kindLook(kind).border;
      parts.push(svgShape(kindLook(kind).shape, x, y, r, fill, stroke));
      const label = node.data('highlightLabel') ?? node.data('label') ?? node.id();
      parts.push(`<text x="${x.toFixed(1)}" y="${(y + r + 11).toFixed(1)}" font-size="10" font-family="sans-serif" text-anchor="middle" paint-order="stroke" stroke="#fff" stroke-width="2">${esc(String(label))}</text>`);
    });
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${box.x1 - pad} ${box.y1 - pad} ${box.w + 2 * pad} ${box.h + 2 * pad}" width="${Math.round(box.w + 2 * pad)}" height="${Math.round(box.h + 2 * pad)}">`,
      '<defs><marker id="arrow" viewBox="0 0 10 10" refX="22" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#9aa3ad"/></marker></defs>',
      `<rect x="${box.x1 - pad}" y="${box.y1 - pad}" width="${box.w + 2 * pad}" height="${box.h + 2 * pad}" fill="#ffffff"/>`,
      ...parts,
      '</svg>',
    ].join('\n');
  }

  return {
    setGraph,
    addGraph,
    removeNode,
    setMinorEdges,
    runLayout,
    showOnly,
    clearState,
    focus,
    showImpact,
    endImpact,
    showPath,
    markFindings,
    setLockIn,
    exportPng,
    exportSvg,
    fit: () => { keptView = null; cy.fit(cy.nodes().not('.hidden'), 30); },
    resize: () => cy.resize(),
    /** Where each drawn node is on the page (client coordinates), for the browser tests: what the panel may not cover. */
    renderedBoxes: () => {
      const box = container.getBoundingClientRect();
      return cy.nodes(':childless').not('.hidden').map(node => {
        const { x1, x2, y1, y2 } = node.renderedBoundingBox({ includeLabels: false });
        return { id: node.id(), highlighted: node.hasClass('highlighted'), left: box.left + x1, right: box.left + x2, top: box.top + y1, bottom: box.top + y2 };
      });
    },
    select: (id: string | null) => { cy.nodes(':selected').unselect(); if (id) cy.getElementById(id).select(); },
    /** Read-only views for the table alternative and the browser tests. */
    visibleNodes: () => cy.nodes().filter(node => !node.hasClass('hidden')).map(node => ({ id: node.id(), ...node.data() }) as Record<string, unknown> & { id: string }),
    highlightedIds: () => cy.nodes('.highlighted').map(node => node.id()).sort(),
    findingIds: () => cy.elements('.finding').map(element => element.id()).sort(),
    lockInIds: () => cy.nodes('.lockin').map(node => node.id()).sort(),
    selectedIds: () => cy.nodes(':selected').map(node => node.id()),
    /** Nodes whose label is drawn now (placed where it fits, or hovered), for the browser tests. */
    labelledIds: () => cy.nodes(':childless').filter(node => !node.hasClass('hidden') && !node.hasClass('faded') && (!node.hasClass('label-off') || node.hasClass('hovered'))).map(node => node.id()).sort(),
    /** Where the drawn labels are (client coordinates), for the browser tests: do any lie on top of each other? */
    labelBoxes: () => {
      const box = container.getBoundingClientRect();
      return cy.nodes(':childless').filter(node => !node.hasClass('hidden') && !node.hasClass('faded') && !node.hasClass('label-off') && parseFloat(String(node.style('font-size'))) * cy.zoom() >= 8).map(node => {
        const { x1, x2, y1, y2 } = node.renderedBoundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false });
        return { id: node.id(), left: box.left + x1, right: box.left + x2, top: box.top + y1, bottom: box.top + y2 };
      });
    },
    /** The view's extent in graph coordinates, for the browser tests (is the view back where it was?). */
    extent: () => cy.extent(),
    /** Nodes + edges a layout of the visible graph works on (what runLayout sends to the worker). */
    layoutSize: () => {
      const visible = cy.nodes().not('.hidden');
      return visible.length + laidOutEdges(visible).length;
    },
    edgeCount: () => laidOutEdges(cy.nodes().not('.hidden')).length,
    has: (id: string) => cy.getElementById(id).nonempty(),
    edgeIdOf: edgeId,
  };
}

function svgShape(shape: string, x: number, y: number, r: number, fill: string, stroke: string): string {
  const attrs = `fill="${fill}" stroke="${stroke}" stroke-width="1.5"`;
  const polygon = (points: [number, number][]) => `<polygon points="${points.map(([px, py]) => `${(x + px * r).toFixed(1)},${(y + py * r).toFixed(1)}`).join(' ')}" ${attrs}/>`;
  const regular = (n: number, rotate = -Math.PI / 2) => polygon(Array.from({ length: n }, (_, i) => [Math.cos(rotate + (2 * Math.PI * i) / n), Math.sin(rotate + (2 * Math.PI * i) / n)] as [number, number]));
  if (shape.includes('rectangle') || shape === 'barrel' || shape === 'tag') return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" rx="${shape === 'barrel' ? r / 2 : 4}" ${attrs}/>`;
  if (shape === 'diamond') return polygon([[0, -1], [1, 0], [0, 1], [-1, 0]]);
  if (shape.includes('triangle')) return regular(3);
  if (shape.includes('pentagon')) return regular(5);
  if (shape === 'hexagon') return regular(6, 0);
  if (shape === 'octagon') return regular(8, Math.PI / 8);
  if (shape === 'star') return polygon(Array.from({ length: 10 }, (_, i) => { const a = -Math.PI / 2 + (Math.PI * i) / 5; const k = i % 2 ? 0.45 : 1; return [k * Math.cos(a), k * Math.sin(a)] as [number, number]; }));
  if (shape === 'vee') return polygon([[-1, -1], [0, -0.3], [1, -1], [0, 1]]);
  return `<circle cx="${x}" cy="${y}" r="${r}" ${attrs}/>`;
}
