// Layout off the main thread: a headless Cytoscape computes positions and posts them back, so the page
// never freezes while fcose/dagre run (pitfalls.md: layout, not drawing, is the slow part).
// fcose comes twice: its draft (spectral only) within the 3 s a layout may take, then, with `refine`,
// the force-directed refinement from those positions. The draft alone piles nodes with the same
// neighbours on one spot (the demo municipality in Chromium: some 15,000-57,000 overlapping pairs of its
// 585 nodes on screen); refined, 58-78, in 2.3-4 s more (tests/web/layouts.test.ts prints both).
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';

cytoscape.use(fcose);
cytoscape.use(dagre);

export type LayoutRequest = {
  id: number;
  name: 'fcose' | 'dagre';
  /** fcose only: after the draft's positions, post the refined ones. */
  refine?: boolean;
  nodes: { id: string; parent?: string; w?: number; h?: number }[];
  edges: { id: string; source: string; target: string }[];
};
/** `refining`: a refinement of these positions follows (a second response with the same id). */
export type LayoutResponse = { id: number; positions: Record<string, { x: number; y: number }>; ms: number; refining: boolean } | { id: number; error: string };

const FCOSE = { name: 'fcose', animate: false, nodeSeparation: 90, idealEdgeLength: 110, nodeRepulsion: 45000, edgeElasticity: 0.15, gravity: 0.1, gravityRange: 5, numIter: 2500, packComponents: true, fit: false };

/**
 * The refinement waits this long after the draft: a user clicking through filters asks for layout after
 * layout, and the controller lets this worker go at the next one (web/src/controller.ts), so that a
 * refinement starts only once the graph stays as it is. Refining each draft kept a core busy for seconds
 * (the controls test, which clicks every control, took twice as long).
 */
const REFINE_AFTER_MS = 1_200;

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, name, nodes, edges } = event.data;
  const refine = name === 'fcose' && event.data.refine === true;
  const started = performance.now();
  try {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
      elements: [
        ...nodes.map(node => ({ group: 'nodes' as const, data: { id: node.id, w: node.w ?? 24, h: node.h ?? 24, ...(node.parent ? { parent: node.parent } : {}) } })),
        ...edges.map(edge => ({ group: 'edges' as const, data: edge })),
      ],
    });
    const options = name === 'fcose' ? { ...FCOSE, quality: 'draft', randomize: true } : { name, rankDir: 'LR', animate: false, nodeSep: 20, rankSep: 80, fit: false };
    cy.layout(options as cytoscape.LayoutOptions).run();
    post(id, cy, performance.now() - started, refine);
    if (refine) {
      await new Promise(resolve => setTimeout(resolve, REFINE_AFTER_MS));
      const refining = performance.now();
      cy.layout({ ...FCOSE, quality: 'default', randomize: false } as cytoscape.LayoutOptions).run();
      post(id, cy, performance.now() - refining, false);
    }
    cy.destroy();
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: String(error) } satisfies LayoutResponse);
  }
};

function post(id: number, cy: cytoscape.Core, ms: number, refining: boolean): void {
  const positions: Record<string, { x: number; y: number }> = {};
  cy.nodes().forEach(node => {
    if (node.isParent()) return;
    const { x, y } = node.position();
    positions[node.id()] = { x: Math.round(x), y: Math.round(y) };
  });
  (self as unknown as Worker).postMessage({ id, positions, ms: Math.round(ms), refining } satisfies LayoutResponse);
}
