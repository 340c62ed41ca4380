// The dependency picture of a report, laid out by hand: the subject in the middle column, what it
// depends on in columns to its left and what fails with it in columns to its right, one column per
// step, every box labelled and every line named in words. Pure geometry (points), drawn by the PDF
// (pdfkit) and by the report page (SVG) from the same numbers.
import { type Language, kindName, relationName } from '../labels.js';
import type { Relation } from './dependencies.js';
import type { ReportData } from './report-data.js';
import { reportText } from './words.js';
import { shownName } from './boundary.js';

/** `note`: the organisation, when the picture spans several (one application name can be in each). */
export type Box = { uid: string; kind: string; lines: string[]; note: string | null; x: number; y: number; width: number; height: number; subject: boolean; critical: boolean; more: number };
/**
 * A line from the box depended on (left, x1) to the one depending on it (right, x2); `label`, when
 * the line's words fit beside it, is where they go (top left of the text, `labelSize` points high).
 */
export type Line = { from: string; to: string; type: string; words: string; colour: string; x1: number; y1: number; x2: number; y2: number; label: { x: number; y: number; width: number } | null };
export type Head = { x: number; width: number; title: string; subtitle: string };
export type Picture = { width: number; height: number; heads: Head[]; boxes: Box[]; lines: Line[]; legend: { words: string; colour: string }[]; fontSize: number; labelSize: number };

export type PictureOptions = {
  width?: number; steps?: number; perColumn?: number; fontSize?: number;
  /** Width of `text` at `size` points in the font drawn with; without it, an average letter is taken as 0.55 em. */
  measure?: (text: string, size: number) => number;
};

/** The sentence that says how to read the picture, for the sides it has. */
export const pictureIntro = (data: ReportData) =>
  data.dependencies.length && data.dependants.length ? 'pictureIntro' as const : data.dependants.length ? 'pictureIntroRight' as const : 'pictureIntroLeft' as const;

/** From which end each dependency step reads left to right: the thing depended on comes first. */
const READ_FROM_DEPENDENCY: Record<string, 'in' | 'out'> = { SUPPLIES: 'out', PROVIDES: 'out', RUNS_ON: 'in', DEPENDS_ON: 'in', PART_OF: 'in' };
const LINE_COLOURS: Record<string, string> = { flow: '#0072B2', via: '#56B4E9', RUNS_ON: '#009E73', SUPPLIES: '#D55E00', PROVIDES: '#D55E00', PART_OF: '#8a3b00' };
export const KIND_COLOURS: Record<string, string> = { Application: '#0072B2', Supplier: '#D55E00', SupplierGroup: '#8a3b00', Platform: '#009E73', Organisation: '#000000' };

/** A dependency step in words, read from what is depended on: "levert", "host", "levert gegevens aan". */
export function relationWords(relation: Pick<Relation, 'type' | 'kind'>, language: Language): string {
  return relationName(relation.type, READ_FROM_DEPENDENCY[relation.type] ?? 'in', language, relation.kind ?? null);
}

const kindOfUid = (uid: string) => (uid.startsWith('supplier:') ? 'Supplier' : uid.startsWith('group:') ? 'SupplierGroup' : uid.startsWith('platform:') ? 'Platform' : 'Application');
const CRITICAL = new Set(['high', 'critical']);

/** `hops`: the analysis' own count of steps (a group's suppliers are the group: they have none). */
type Node = { uid: string; kind: string; name: string; organisation: string | null; critical: boolean; step: number; hops: number | null; parent: string | null; direct: boolean | null };

/** The nodes of one side by step, from the shortest paths: `toward` lists each path from the far end to the subject. */
function side(rows: ReportData['dependants'], toward: 'subject-last' | 'subject-first', steps: number, language: Language): Map<number, Node[]> {
  const byStep = new Map<number, Map<string, Node>>();
  const info = new Map(rows.map(row => [row.uid, row]));
  for (const row of rows) {
    const path = toward === 'subject-last' ? [...row.path].reverse() : row.path;
    const names = toward === 'subject-last' ? [...row.pathNames].reverse() : row.pathNames;
    for (let step = 1; step < path.length && step <= steps; step++) {
      const uid = path[step];
      const known = info.get(uid);
      const column = byStep.get(step) ?? byStep.set(step, new Map()).get(step)!;
      if (!column.has(uid)) {
        column.set(uid, { uid, kind: known?.kind ?? kindOfUid(uid), name: known?.name ?? shownName(names[step] ?? uid, language), organisation: known?.organisation ?? null, critical: CRITICAL.has(String(known?.criticality)), step, hops: known?.hops ?? null, parent: step > 1 ? path[step - 1] : null, direct: known ? known.direct !== false : null });
      }
    }
  }
  return new Map([...byStep].map(([step, nodes]) => [step, [...nodes.values()]]));
}

/** A column of what fails in the summary's split: "Valt direct uit", "Mist gegevens", or both. */
function rightTitle(nodes: Node[], language: Language): string {
  const known = nodes.filter(node => node.direct !== null);
  const direct = known.filter(node => node.direct).length;
  return reportText(language, direct === known.length ? 'rightDirect' : direct === 0 ? 'rightThrough' : 'rightMixed');
}

/** At most `limit` nodes per column: the critical and the most connected first, each next column only under a shown node. */
function choose(columns: Map<number, Node[]>, limit: number): { shown: Map<number, Node[]>; hidden: Map<number, number> } {
  const shown = new Map<number, Node[]>();
  const hidden = new Map<number, number>();
  let previous: Node[] = [];
  for (const step of [...columns.keys()].sort((a, b) => a - b)) {
    const order = new Map(previous.map((node, index) => [node.uid, index]));
    const children = new Map<string, number>();
    for (const node of columns.get(step + 1) ?? []) if (node.parent) children.set(node.parent, (children.get(node.parent) ?? 0) + 1);
    const candidates = columns.get(step)!.filter(node => step === 1 || order.has(node.parent!));
    candidates.sort((a, b) => Number(b.critical) - Number(a.critical) || (children.get(b.uid) ?? 0) - (children.get(a.uid) ?? 0) || a.name.localeCompare(b.name, 'nl'));
    // Taken in turns per node of the column before, so each shown node keeps some of what hangs under it.
    const turn = new Map<string, number>();
    const rank = new Map(candidates.map(node => {
      const n = turn.get(node.parent ?? '') ?? 0;
      turn.set(node.parent ?? '', n + 1);
      return [node.uid, n];
    }));
    const taken = candidates.length <= limit ? candidates : [...candidates].sort((a, b) => rank.get(a.uid)! - rank.get(b.uid)! || (order.get(a.parent!) ?? 0) - (order.get(b.parent!) ?? 0)).slice(0, limit - 1);
    // In the order of the nodes they hang under, so lines cross as little as they can.
    const fits = [...taken].sort((a, b) => (order.get(a.parent!) ?? 0) - (order.get(b.parent!) ?? 0) || candidates.indexOf(a) - candidates.indexOf(b));
    shown.set(step, fits);
    if (columns.get(step)!.length > fits.length) hidden.set(step, columns.get(step)!.length - fits.length);
    previous = fits;
  }
  return { shown, hidden };
}

/** Wraps `text` into at most `most` lines that `fit`, the last ending in "…" when cut. */
export function wrap(text: string, fits: (line: string) => boolean, most = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (!line) line = word;
    else if (fits(`${line} ${word}`)) line = `${line} ${word}`;
    else { lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  const cut = (l: string) => {
    if (fits(l)) return l;
    let shorter = l;
    while (shorter.length > 1 && !fits(`${shorter}…`)) shorter = shorter.slice(0, -1);
    return `${shorter.trimEnd()}…`;
  };
  return lines.length <= most ? lines.map(cut) : [...lines.slice(0, most - 1).map(cut), cut(lines.slice(most - 1).join(' '))];
}

/**
 * Words beside the lines where there is room: just above the line at the end where it is the only
 * line (the other end is shared with its neighbours), inside the gap, clear of other words. A gap
 * with more than six lines is left to the legend.
 */
function labelLines(lines: Line[], size: number, measure: (text: string, size: number) => number): void {
  const byGap = new Map<number, Line[]>();
  for (const line of lines) byGap.set(line.x1, [...(byGap.get(line.x1) ?? []), line]);
  const placed: { x: number; y: number; width: number }[] = [];
  const clear = (r: { x: number; y: number; width: number }) => placed.every(p => r.x + r.width < p.x || p.x + p.width < r.x || r.y + size < p.y || p.y + size < r.y);
  for (const group of byGap.values()) {
    if (group.length > 6) continue;
    const count = (key: 'from' | 'to') => { const n = new Map<string, number>(); for (const l of group) n.set(l[key], (n.get(l[key]) ?? 0) + 1); return n; };
    const starts = count('from');
    const stops = count('to');
    for (const line of group) {
      const width = measure(line.words, size);
      if (width > line.x2 - line.x1 - 6) continue;
      const candidates = [
        ...(stops.get(line.to) === 1 ? [{ x: line.x2 - 3 - width, y: line.y2 - size - 1.5, width }] : []),
        ...(starts.get(line.from) === 1 ? [{ x: line.x1 + 3, y: line.y1 - size - 1.5, width }] : []),
      ];
      const spot = candidates.find(clear);
      if (spot) { line.label = spot; placed.push(spot); }
    }
  }
}

/** The picture of `data` in `language`, `width` points wide. */
export function pictureLayout(data: ReportData, language: Language, options: PictureOptions = {}): Picture {
  const width = options.width ?? 495;
  const steps = options.steps ?? 2;
  const perColumn = options.perColumn ?? 14;
  const fontSize = options.fontSize ?? 7;
  const labelSize = Math.round(fontSize * 0.85 * 10) / 10;
  const left = choose(side(data.dependencies, 'subject-first', steps, language), perColumn);
  const right = choose(side(data.dependants, 'subject-last', steps, language), perColumn);
  const leftSteps = [...left.shown.keys()].sort((a, b) => b - a);
  const rightSteps = [...right.shown.keys()].sort((a, b) => a - b);
  const order: { side: 'left' | 'centre' | 'right'; step: number }[] = [...leftSteps.map(step => ({ side: 'left' as const, step })), { side: 'centre', step: 0 }, ...rightSteps.map(step => ({ side: 'right' as const, step }))];

  const columnWidth = width / order.length;
  // The gap between columns holds the lines and, where they fit, their words.
  const gap = Math.max(34, Math.min(80, columnWidth * 0.32));
  const boxWidth = Math.min(150, columnWidth - gap);
  const several = Object.keys(data.organisations).length > 1;
  const boxHeight = Math.round(fontSize * (several ? 3 : 2) * 1.25 + 8);
  const spacing = 6;
  const headHeight = 30;
  const rowsOf = (o: (typeof order)[number]) => (o.side === 'centre' ? 1 : (o.side === 'left' ? left : right).shown.get(o.step)!.length + ((o.side === 'left' ? left : right).hidden.has(o.step) ? 1 : 0));
  const tallest = Math.max(...order.map(rowsOf));
  const bodyHeight = tallest * (boxHeight + spacing) - spacing;
  const measure = options.measure ?? ((text: string, size: number) => text.length * size * 0.55);
  const fits = (line: string) => measure(line, fontSize) <= boxWidth - 10;
  const subjectFits = (line: string) => measure(line, fontSize) * 1.08 <= boxWidth - 10;

  const heads: Head[] = [];
  const boxes: Box[] = [];
  const position = new Map<string, Box>();
  order.forEach((o, index) => {
    const x = index * columnWidth + (columnWidth - boxWidth) / 2;
    const rows = rowsOf(o);
    const top = headHeight + (bodyHeight - (rows * (boxHeight + spacing) - spacing)) / 2;
    // The steps as the tables count them (what a group's suppliers supply is one step from the group).
    const hops = o.side === 'centre' ? null : (o.side === 'left' ? left : right).shown.get(o.step)!.find(node => node.hops !== null)?.hops ?? null;
    heads.push({ x, width: boxWidth, title: o.side === 'centre' ? kindName(data.subject.kind, language) : o.side === 'right' ? rightTitle(right.shown.get(o.step)!, language) : reportText(language, o.side), subtitle: hops === null ? '' : reportText(language, hops === 1 ? 'step' : 'steps', { n: hops }) });
    const add = (box: Omit<Box, 'x' | 'y' | 'width' | 'height'>, row: number) => {
      // The subject's name may take a third line; its box grows around the middle of the row.
      const height = Math.max(boxHeight, Math.round((box.lines.length + (box.note ? 1 : 0)) * fontSize * 1.2 * 1.08 + 8));
      const placed = { ...box, x, y: top + row * (boxHeight + spacing) - (height - boxHeight) / 2, width: boxWidth, height };
      boxes.push(placed);
      if (!box.more) position.set(box.uid, placed);
    };
    if (o.side === 'centre') {
      add({ uid: data.subject.uid, kind: data.subject.kind, lines: wrap(data.subject.name, subjectFits, 3), note: null, subject: true, critical: false, more: 0 }, 0);
      return;
    }
    const chosen = o.side === 'left' ? left : right;
    const nodes = chosen.shown.get(o.step)!;
    const note = (node: Node) => (several && node.organisation ? wrap(data.organisations[node.organisation] ?? node.organisation, fits, 1)[0] : null);
    nodes.forEach((node, row) => add({ uid: node.uid, kind: node.kind, lines: wrap(node.name, fits), note: note(node), subject: false, critical: node.critical, more: 0 }, row));
    const more = chosen.hidden.get(o.step);
    if (more) add({ uid: `more:${o.side}:${o.step}`, kind: 'more', lines: [reportText(language, 'more', { n: more })], note: null, subject: false, critical: false, more }, nodes.length);
  });

  const lines: Line[] = [];
  for (const relation of data.relations) {
    const dependency = position.get(relation.to);
    const dependant = position.get(relation.from);
    if (!dependency || !dependant || dependency.x >= dependant.x) continue;
    const colourKey = relation.type === 'DEPENDS_ON' ? relation.kind ?? 'flow' : relation.type;
    lines.push({
      from: relation.to, to: relation.from, type: relation.type, words: relationWords(relation, language), colour: LINE_COLOURS[colourKey] ?? '#777777',
      x1: dependency.x + dependency.width, y1: dependency.y + dependency.height / 2, x2: dependant.x, y2: dependant.y + dependant.height / 2, label: null,
    });
  }
  labelLines(lines, labelSize, measure);
  const legend = [...new Map(lines.map(line => [line.words, line.colour])).entries()].map(([words, colour]) => ({ words, colour }));
  return { width, height: headHeight + bodyHeight, heads, boxes, lines, legend, fontSize, labelSize };
}
