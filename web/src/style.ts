// The Cytoscape stylesheet: one selector per node kind (shape + colour, also used by the legend and the
// SVG export), then the state classes the controller toggles.
export type KindLook = { shape: string; colour: string; border: string };

// Colours chosen for contrast with white labels' dark outline and for colour-blind distinctness (Okabe–Ito based).
export const KINDS: Record<string, KindLook> = {
  Organisation: { shape: 'star', colour: '#000000', border: '#000000' },
  Application: { shape: 'round-rectangle', colour: '#0072B2', border: '#004c78' },
  Supplier: { shape: 'diamond', colour: '#D55E00', border: '#8f3f00' },
  SupplierGroup: { shape: 'octagon', colour: '#8a3b00', border: '#5a2600' },
  Platform: { shape: 'barrel', colour: '#009E73', border: '#006b4e' },
  Intermediary: { shape: 'hexagon', colour: '#CC79A7', border: '#8c4f72' },
  Interface: { shape: 'ellipse', colour: '#999999', border: '#666666' },
  Contract: { shape: 'tag', colour: '#E69F00', border: '#9c6b00' },
  ReferenceComponent: { shape: 'round-triangle', colour: '#56B4E9', border: '#2f7fae' },
  BusinessFunction: { shape: 'round-pentagon', colour: '#6a3d9a', border: '#452764' },
  Standard: { shape: 'vee', colour: '#7f7f7f', border: '#555555' },
  Aggregate: { shape: 'round-rectangle', colour: '#d9d9d9', border: '#555555' },
};

export const kindLook = (kind: string): KindLook => KINDS[kind] ?? { shape: 'ellipse', colour: '#777777', border: '#444444' };

/** Lock-in score 0–100 → green … red. */
export function lockInColour(score: number): string {
  const s = Math.max(0, Math.min(100, score)) / 100;
  const hue = 120 - 120 * s;
  return `hsl(${hue}, 75%, ${45 - 10 * s}%)`;
}

export function stylesheet(): unknown[] {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 9,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': '120px',
        color: '#1a1a1a',
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        width: 16,
        height: 16,
        'border-width': 1.5,
        // Labels only once zoomed in far enough to read them; the table and search cover the rest.
        'min-zoomed-font-size': 8,
      },
    },
    ...Object.entries(KINDS).map(([kind, look]) => ({
      selector: `node[kind = "${kind}"]`,
      style: { shape: look.shape, 'background-color': look.colour, 'border-color': look.border },
    })),
    // Applications are the crowd: their labels appear only when zoomed in; suppliers and platforms earlier.
    { selector: 'node[kind = "Application"], node[kind = "ReferenceComponent"], node[kind = "BusinessFunction"]', style: { 'font-size': 6.5 } },
    { selector: 'node[kind = "Supplier"], node[kind = "SupplierGroup"], node[kind = "Platform"], node[kind = "Organisation"]', style: { 'font-size': 10 } },
    { selector: 'node[kind = "Application"][criticalityRank >= 3]', style: { width: 22, height: 22, 'border-width': 3 } },
    { selector: 'node[?intermediary]', style: { shape: KINDS.Intermediary.shape, 'background-color': KINDS.Intermediary.colour } },
    { selector: 'node[count > 1]', style: { width: 'mapData(count, 2, 100, 30, 80)', height: 'mapData(count, 2, 100, 30, 80)' } },
    {
      selector: ':parent',
      style: { 'background-opacity': 0.08, 'text-valign': 'top', 'border-style': 'dashed', 'font-weight': 'bold', shape: 'round-rectangle' },
    },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#9aa3ad',
        'target-arrow-color': '#9aa3ad',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.7,
        'curve-style': 'haystack',
        'haystack-radius': 0,
      },
    },
    // Haystack edges are the cheapest to draw (measured: control points and arrows were a good part of the
    // first paint at 3,800 edges); arrows appear when edges are highlighted (straight curve style below).
    { selector: 'edge[type = "DEPENDS_ON"], edge[type = "RUNS_ON"]', style: { 'line-color': '#5b6570', 'target-arrow-color': '#5b6570' } },
    { selector: 'edge[kind = "via"]', style: { 'line-style': 'dashed' } },
    { selector: '.hidden, .minor-hidden', style: { display: 'none' } },
    { selector: '.lockin', style: { 'background-color': 'data(lockInColour)' } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111111', 'overlay-opacity': 0.12, 'overlay-color': '#000' } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: 'node.highlighted', style: { 'border-width': 3, 'border-color': '#d00000', 'z-index': 10, label: 'data(highlightLabel)', 'text-max-width': '200px' } },
    { selector: 'node.highlighted.through', style: { 'border-style': 'dashed' } },
    { selector: 'node.impact-origin', style: { 'border-width': 6, 'border-color': '#000000', 'border-style': 'double' } },
    { selector: 'edge.highlighted', style: { width: 3, 'line-color': '#d00000', 'target-arrow-color': '#d00000', 'curve-style': 'straight', 'z-index': 10 } },
    { selector: 'node.finding', style: { 'border-width': 5, 'border-color': '#ff00aa', 'border-style': 'double' } },
    { selector: 'edge.finding', style: { width: 4, 'line-color': '#ff00aa', 'target-arrow-color': '#ff00aa', 'line-style': 'solid', 'curve-style': 'straight' } },
    // Labels only where they fit (controller.ts placeLabels); a hovered or selected node always shows its own.
    { selector: 'node.label-sized', style: { 'font-size': 'data(labelSize)', 'text-max-width': '1000px' } },
    { selector: 'node.label-off', style: { 'text-opacity': 0 } },
    // A node whose label is drawn lies above its neighbours, so no other node covers the label.
    { selector: 'node.highlighted.label-on', style: { 'z-index': 15 } },
    { selector: 'node.label-off.hovered, node.label-off:selected', style: { 'text-opacity': 1, 'z-index': 20 } },
  ];
}
