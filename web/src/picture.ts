// The report's dependency picture as SVG: the same layout as the PDF (server/reports/picture.ts), so
// screen, print and paper show the same columns, boxes and named lines.
import { KIND_COLOURS, type Picture } from '../../server/reports/picture.js';
import { svg } from './dom.js';

let canvas: CanvasRenderingContext2D | null | undefined;
const FONT = 'Arial, Helvetica, sans-serif';

/** Text width in the picture's font, for the layout's line breaks. */
export function measureText(text: string, size: number): number {
  if (canvas === undefined) canvas = document.createElement('canvas').getContext('2d');
  if (!canvas) return text.length * size * 0.55;
  canvas.font = `${size}px ${FONT}`;
  return canvas.measureText(text).width;
}

export function pictureSvg(picture: Picture, title: string, criticalWords: string, legendWords: string): SVGElement {
  const root = svg('svg', { width: '100%', role: 'img', 'aria-label': title, class: 'picture', 'font-family': FONT });
  for (const head of picture.heads) {
    root.append(svg('text', { x: head.x + head.width / 2, y: 9, 'text-anchor': 'middle', 'font-size': 8.5, 'font-weight': 700 }, head.title));
    if (head.subtitle) root.append(svg('text', { x: head.x + head.width / 2, y: 20, 'text-anchor': 'middle', 'font-size': 7.5, fill: '#555' }, head.subtitle));
  }
  for (const line of picture.lines) {
    const bend = (line.x2 - line.x1) / 2;
    root.append(svg('path', { d: `M${line.x1},${line.y1} C${line.x1 + bend},${line.y1} ${line.x2 - bend},${line.y2} ${line.x2},${line.y2}`, fill: 'none', stroke: line.colour, 'stroke-width': 0.9 }, svg('title', {}, line.words)));
  }
  for (const line of picture.lines) {
    if (!line.label) continue;
    root.append(svg('text', { x: line.label.x, y: line.label.y + picture.labelSize * 0.85, 'font-size': picture.labelSize, fill: line.colour, stroke: '#fff', 'stroke-width': 2.5, 'paint-order': 'stroke' }, line.words));
  }
  for (const box of picture.boxes) {
    const colour = box.more ? '#9aa3ad' : KIND_COLOURS[box.kind] ?? '#777';
    const group = svg('g', { class: box.more ? 'more' : 'node', 'data-uid': box.uid });
    group.append(
      svg('rect', { x: box.x, y: box.y, width: box.width, height: box.height, rx: 3, fill: box.subject ? '#fff4cc' : '#fff', stroke: box.critical ? '#a30000' : colour, 'stroke-width': box.subject ? 2 : box.critical ? 1.4 : 0.8 }),
      svg('rect', { x: box.x, y: box.y + 2, width: 3, height: box.height - 4, fill: colour }),
    );
    const lineHeight = picture.fontSize * 1.2;
    const top = box.y + (box.height - (box.lines.length + (box.note ? 1 : 0)) * lineHeight) / 2 + picture.fontSize;
    box.lines.forEach((text, i) => group.append(svg('text', { x: box.x + 6, y: top + i * lineHeight, 'font-size': picture.fontSize, 'font-weight': box.subject ? 700 : 400, 'font-style': box.more ? 'italic' : 'normal', fill: box.more ? '#555' : '#1a1a1a' }, text)));
    if (box.note) group.append(svg('text', { x: box.x + 6, y: top + box.lines.length * lineHeight, 'font-size': picture.fontSize * 0.9, fill: '#555' }, box.note));
    group.append(svg('title', {}, [...box.lines, box.note ?? ''].join(' ').trim()));
    root.append(group);
  }
  // Legend: what each colour of line says, and what a red border means.
  let x = 0;
  let y = picture.height + 16;
  root.append(svg('text', { x, y, 'font-size': 7.5, 'font-weight': 700 }, `${legendWords}:`));
  x += measureText(`${legendWords}:`, 7.5) + 10;
  for (const item of [...picture.legend, { words: criticalWords, colour: '' }]) {
    if (x + 18 + measureText(item.words, 7.5) > picture.width) { x = 0; y += 12; }
    root.append(item.colour
      ? svg('line', { x1: x, x2: x + 14, y1: y - 3, y2: y - 3, stroke: item.colour, 'stroke-width': 1.8 })
      : svg('rect', { x, y: y - 7, width: 14, height: 7, fill: 'none', stroke: '#a30000', 'stroke-width': 1.4 }));
    root.append(svg('text', { x: x + 18, y, 'font-size': 7.5 }, item.words));
    x += 18 + measureText(item.words, 7.5) + 14;
  }
  root.setAttribute('viewBox', `0 0 ${picture.width} ${y + 6}`);
  return root;
}
