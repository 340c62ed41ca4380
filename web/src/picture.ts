// A static dependency picture for reports: the subject in the middle, what fails with it in rings by hop
// distance. Deterministic SVG (prints well, no layout engine); the PDF draws the same rings server-side.
import { svg } from './dom.js';
import { kindLook } from './style.js';

export type PictureNode = { id: string; label: string; kind: string; hops: number };

export function ringPositions(count: number, radius: number, offset = 0): { x: number; y: number }[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = -Math.PI / 2 + offset + (2 * Math.PI * i) / Math.max(1, count);
    return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
  });
}

/** Ring radii that grow with the number of nodes on them, so crowded rings do not overlap. */
export function ringRadii(counts: number[], gap = 90, spacing = 22): number[] {
  const radii: number[] = [];
  counts.forEach((count, index) => {
    const previous = index === 0 ? 0 : radii[index - 1];
    radii.push(Math.max(previous + gap, (count * spacing) / (2 * Math.PI)));
  });
  return radii;
}

export function dependencyPicture(subject: { id: string; label: string; kind: string }, nodes: PictureNode[], edges: [string, string][], title: string): SVGElement {
  const shown = nodes.filter(n => n.hops <= 3).slice(0, 150);
  const hops = [...new Set(shown.map(n => n.hops))].sort((a, b) => a - b);
  const rings = hops.map(hop => shown.filter(n => n.hops === hop));
  const radii = ringRadii(rings.map(ring => ring.length));
  const position = new Map<string, { x: number; y: number }>([[subject.id, { x: 0, y: 0 }]]);
  rings.forEach((ring, index) => ringPositions(ring.length, radii[index], index * 0.3).forEach((p, i) => position.set(ring[i].id, p)));
  const half = (radii.at(-1) ?? 60) + 90;
  const picture = svg('svg', { viewBox: `${-half} ${-half} ${2 * half} ${2 * half}`, width: '100%', role: 'img', 'aria-label': title, class: 'picture' });
  for (const r of radii) picture.append(svg('circle', { cx: 0, cy: 0, r, fill: 'none', stroke: '#e3e6ea', 'stroke-dasharray': '4 4' }));
  for (const [a, b] of edges) {
    const p = position.get(a), q = position.get(b);
    if (p && q) picture.append(svg('line', { x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: '#9aa3ad', 'stroke-width': 1 }));
  }
  const dot = (x: number, y: number, kind: string, label: string | null, r: number) => {
    picture.append(svg('circle', { cx: x, cy: y, r, fill: kindLook(kind).colour, stroke: kindLook(kind).border, 'stroke-width': 1.5 }, svg('title', {}, label ?? '')));
    if (label) picture.append(svg('text', { x, y: y + r + 12, 'text-anchor': 'middle', 'font-size': 11, 'paint-order': 'stroke', stroke: '#fff', 'stroke-width': 3 }, label.slice(0, 24)));
  };
  // Crowded rings go without labels (each dot has a tooltip, and the table below lists them all).
  rings.forEach(ring => ring.forEach(node => { const p = position.get(node.id)!; dot(p.x, p.y, node.kind, ring.length <= 20 ? node.label : null, 7); }));
  dot(0, 0, subject.kind, subject.label, 14);
  return picture;
}
