// Reads the diagrams of an AMEFF file back as boxes (to check the geometry the way Archi will draw
// it) and draws a view as SVG, so a person can look at what an architect will see.
import { XMLParser } from 'fast-xml-parser';

export type ViewBox = { id: string; type: string; elementRef?: string; label: string; x: number; y: number; w: number; h: number; fill: string; children: ViewBox[] };
export type ViewLine = { source: string; target: string; colour: string; bends: [number, number][] };
export type DrawnView = { name: string; boxes: ViewBox[]; lines: ViewLine[] };

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
type XmlNode = Record<string, unknown>;
const textOf = (value: unknown): string => (typeof value === 'string' ? value : value && typeof value === 'object' ? String((value as XmlNode)['#text'] ?? '') : '');
const rgb = (style: unknown, tag: string) => {
  const c = (style as XmlNode | undefined)?.[tag] as XmlNode | undefined;
  return c ? `rgb(${c['@_r']},${c['@_g']},${c['@_b']})` : '';
};

/** The views of an AMEFF document, with element names as box labels. */
export function drawnViews(xml: string): DrawnView[] {
  const model = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseAttributeValue: false, parseTagValue: false }).parse(xml).model as XmlNode;
  const names = new Map<string, string>();
  for (const e of list((model.elements as XmlNode | undefined)?.element as XmlNode[])) names.set(String(e['@_identifier']), textOf(e.name));
  const box = (n: XmlNode): ViewBox => ({
    id: String(n['@_identifier']), type: String(n['@_xsi:type']), elementRef: n['@_elementRef'] as string | undefined,
    label: n['@_elementRef'] ? names.get(String(n['@_elementRef'])) ?? '' : textOf(n.label),
    x: Number(n['@_x']), y: Number(n['@_y']), w: Number(n['@_w']), h: Number(n['@_h']), fill: rgb(n.style, 'fillColor') || 'white',
    children: list(n.node as XmlNode[]).map(box),
  });
  const views = list((((model.views as XmlNode | undefined)?.diagrams as XmlNode | undefined)?.view) as XmlNode[]);
  return views.map(v => ({
    name: textOf(v.name),
    boxes: list(v.node as XmlNode[]).map(box),
    lines: list(v.connection as XmlNode[]).map(c => ({
      source: String(c['@_source']), target: String(c['@_target']), colour: rgb(c.style, 'lineColor') || 'black',
      bends: list(c.bendpoint as XmlNode[]).map(b => [Number(b['@_x']), Number(b['@_y'])] as [number, number]),
    })),
  }));
}

export const allBoxes = (boxes: ViewBox[]): ViewBox[] => boxes.flatMap(b => [b, ...allBoxes(b.children)]);

/** What is wrong with a view's geometry: siblings that overlap, children outside their parent. Empty when fine. */
export function geometryProblems(view: DrawnView): string[] {
  const problems: string[] = [];
  const check = (siblings: ViewBox[], parent?: ViewBox) => {
    siblings.forEach((a, i) => {
      if (parent && (a.x < parent.x || a.y < parent.y || a.x + a.w > parent.x + parent.w || a.y + a.h > parent.y + parent.h)) problems.push(`${a.label} is not inside ${parent.label}`);
      for (const b of siblings.slice(i + 1)) {
        if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) problems.push(`${a.label} overlaps ${b.label}`);
      }
      check(a.children, a);
    });
  };
  check(view.boxes);
  return problems;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Word-wrapped lines of a label at about 6.5 px a character, as Archi wraps it at the box width. */
function wrap(text: string, width: number): string[] {
  const per = Math.max(4, Math.floor((width - 12) / 6.5));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > per) (lines.push(line), (line = word));
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The view as SVG: boxes with their fills and wrapped labels (groups labelled at the top), lines between box centres through their bendpoints. */
export function viewSvg(view: DrawnView): string {
  const all = allBoxes(view.boxes);
  const byId = new Map(all.map(b => [b.id, b]));
  const width = Math.max(...all.map(b => b.x + b.w)) + 20;
  const height = Math.max(...all.map(b => b.y + b.h)) + 20;
  const draw = (b: ViewBox): string[] => {
    const group = b.children.length > 0 || b.type !== 'Element';
    const lines = wrap(b.label, b.w);
    const text = lines.map((line, i) =>
      `<text x="${b.x + b.w / 2}" y="${b.y + (group ? 16 : b.h / 2 - ((lines.length - 1) * 14) / 2 + 4) + i * 14}" font-family="DejaVu Sans" font-size="11" text-anchor="middle"${group ? ' font-weight="bold"' : ''}>${esc(line)}</text>`);
    return [`<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="${b.fill}" stroke="#5c5c5c"/>`, ...text, ...b.children.flatMap(draw)];
  };
  const centre = (id: string) => byId.get(id)!;
  const lines = view.lines.map(l => {
    const [a, b] = [centre(l.source), centre(l.target)];
    const points = [[a.x + a.w / 2, a.y + a.h / 2], ...l.bends, [b.x + b.w / 2, b.y + b.h / 2]].map(p => p.join(',')).join(' ');
    return `<polyline points="${points}" fill="none" stroke="${l.colour}" stroke-width="1.5" opacity="0.7"/>`;
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${view.boxes.flatMap(draw).join('')}${lines.join('')}</svg>`;
}
