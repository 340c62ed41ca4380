// Layout off the main thread: a headless Cytoscape computes positions and posts them back, so the page
// never freezes while fcose/dagre run (pitfalls.md: layout, not drawing, is the slow part).
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import dagre from 'cytoscape-dagre';

cytoscape.use(fcose);
cytoscape.use(dagre);

export type LayoutRequest = {
  id: number;
  name: 'fcose' | 'dagre';
  nodes: { id: string; parent?: string; w?: number; h?: number }[];
  edges: { id: string; source: string; target: string }[];
};
export type LayoutResponse = { id: number; positions: Record<string, { x: number; y: number }>; ms: number } | { id: number; error: string };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, name, nodes, edges } = event.data;
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
    const options =
      name === 'fcose'
        ? { name, quality: 'draft', randomize: true, animate: false, nodeSeparation: 90, idealEdgeLength: 110, nodeRepulsion: 45000, edgeElasticity: 0.15, gravity: 0.1, gravityRange: 5, numIter: 2500, packComponents: true, fit: false }
        : { name, rankDir: 'LR', animate: false, nodeSep: 20, rankSep: 80, fit: false };
    cy.layout(options as cytoscape.LayoutOptions).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach(node => {
      if (node.isParent()) return;
      const { x, y } = node.position();
      positions[node.id()] = { x: Math.round(x), y: Math.round(y) };
    });
    cy.destroy();
    (self as unknown as Worker).postMessage({ id, positions, ms: Math.round(performance.now() - started) } satisfies LayoutResponse);
  } catch (error) {
    (self as unknown as Worker).postMessage({ id, error: String(error) } satisfies LayoutResponse);
  }
};
