// A static dependency picture for reports: the subject in the middle, what fails with it in rings by hop
// distance. Deterministic SVG (prints well, no layout engine); the PDF draws the same rings server-side.
import { svg } from './dom.js';
import { kindLook } from './style.js';

export type PictureNode = { id: string; label: string; kind: string; hops: number };

export function ringPositions(count: number, hops: number, size: number): { x: number; y: number }[] {
  const radius = hops * size;
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(1, count) + (hops % 2 ? 0 : Math.PI / Math.max(2, count));
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
}

export function dependencyPicture(subject: { id: string; label: string; kind: string }, nodes: PictureNode[], edges: [string, string][], title: string): SVGElement {
  const ring = 110;
  const shown = nodes.filter(n => n.hops <= 3).slice(0, 80);
  const byHop = new Map<number, PictureNode[]>();
  for (const node of shown) byHop.set(node.hops, [...(byHop.get(node.hops) ?? []), node]);
  const position = new Map<string, { x: number; y: number }>([[subject.id, { x: 0, y: 0 }]]);
  for (const [hops, list] of byHop) ringPositions(list.length, hops, ring).forEach((p, i) => position.set(list[i].id, p));
  const maxHop = Math.max(1, ...byHop.keys());
  const half = maxHop * ring + 90;
  const picture = svg('svg', { viewBox: `${-half} ${-half} ${2 * half} ${2 * half}`, width: '100%', role: 'img', 'aria-label': title, class: 'picture' });
  for (let hop = 1; hop <= maxHop; hop++) picture.append(svg('circle', { cx: 0, cy: 0, r: hop * ring, fill: 'none', stroke: '#e3e6ea', 'stroke-dasharray': '4 4' }));
  for (const [a, b] of edges) {
    const p = position.get(a), q = position.get(b);
    if (p && q) picture.append(svg('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: '#9aa3ad', 'stroke-width': 1 }));
  }
  const dot = (x: number, y: number, kind: string, label: string, r: number) => {
    picture.append(svg('circle', { cx: x, cy: y, r, fill: kindLook(kind).colour, stroke: kindLook(kind).border, 'stroke-width': 1.5 }),
      svg('text', { x, y: y + r + 12, 'text-anchor': 'middle', 'font-size': 11, 'paint-order': 'stroke', stroke: '#fff', 'stroke-width': 3 }, label.slice(0, 24)));
  };
  dot(0, 0, subject.kind, subject.label, 14);
  for (const node of shown) { const p = position.get(node.id)!; dot(p.x, p.y, node.kind, node.label, 8); }
  return picture;
}
