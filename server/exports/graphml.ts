// GraphML (http://graphml.graphdrawing.org/) for yEd, Gephi and friends: every node and edge with its kind and label.
import type { GraphView } from '../graph-view.js';
import { escapeXml } from './xml.js';

const NODE_KEYS = ['kind', 'label', 'organisation', 'count'] as const;
const EDGE_KEYS = ['type', 'count'] as const;

export function toGraphml(graph: GraphView): string {
  const data = (key: string, value: unknown) => (value === undefined || value === null ? '' : `<data key="${key}">${escapeXml(String(value))}</data>`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...NODE_KEYS.map(key => `  <key id="n_${key}" for="node" attr.name="${key}" attr.type="${key === 'count' ? 'int' : 'string'}"/>`),
    ...EDGE_KEYS.map(key => `  <key id="e_${key}" for="edge" attr.name="${key}" attr.type="${key === 'count' ? 'int' : 'string'}"/>`),
    '  <graph id="roer" edgedefault="directed">',
    ...graph.nodes.map(node => `    <node id="${escapeXml(node.id)}">${NODE_KEYS.map(key => data(`n_${key}`, node[key])).join('')}</node>`),
    ...graph.edges.map(
      edge => `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">${EDGE_KEYS.map(key => data(`e_${key}`, edge[key])).join('')}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
  ];
  return `${lines.join('\n')}\n`;
}
