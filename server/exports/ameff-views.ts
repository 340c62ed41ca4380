// The diagrams of an AMEFF export, laid out for an architect who opens the file in Archi: per
// organisation an application landscape grouped by business function and a supplier view, or (for an
// analysis result) the affected elements in columns with the failing node highlighted. Boxes nest
// (a business function contains the applications it is served by, a supplier the applications and
// platforms it delivers), so the containment needs no lines; labels fit their boxes; the layout is a
// computed grid of groups sized by their content, the same for the same graph, with no overlaps.
// AMEFF coordinates are absolute, nested nodes included (Archi's exchange exporter writes them so).
import type { Driver } from 'neo4j-driver';
import { organisationNames } from '../names.js';
import { escapeXml } from './xml.js';

/** What the views need of ameff.ts's concepts and relationships (structurally the same objects). */
export type ViewConcept = { id: string; uid: string; label: string; type: string; name: string; organisation?: string };
export type ViewRelationship = { id: string; type: string; source: string; target: string };
/** A Roer fact among the exported nodes (by uid): SUPPORTS, SUPPLIES, PROVIDES, RUNS_ON, … */
export type ViewFact = { from: string; to: string; type: string };
export type Rgb = readonly [number, number, number];

/**
 * One group (a column of the analysis view): a heading and its elements, each optionally with its own
 * fill. `chained`: each element is connected to the nearest element in an earlier column that it has a
 * relationship with (what it fails through).
 */
export type AnalysisGroup = { label: string; items: { uid: string; fill?: Rgb }[]; chained?: boolean };
/** The view of an analysis result: groups left to right, a legend, and the uid pairs to connect. */
export type AnalysisView = { name: string; note: string; groups: AnalysisGroup[]; links: [string, string][]; linkColour?: Rgb };

export type ViewInput = {
  organisations: string[];
  concepts: ViewConcept[];
  relationships: ViewRelationship[];
  facts: ViewFact[];
  freshId: (preferred: string | undefined, fallback: string) => string;
  lang: string;
  /** Only these nodes were exported (a selection): one view of them instead of the landscape views. */
  selection?: boolean;
  /** The views of an analysis result, instead of the landscape views. */
  analysis?: AnalysisView[];
  /** The properties that mark a view as Roer's own (a re-import leaves such views out). */
  marker: string[];
};

/** A view as the export writes it: its folder (none for Roer's own) and its XML lines. */
export type ExportView = { id: string; folder: string[]; lines: string[] };

/** Archi's default fills per ArchiMate layer. */
export const LAYER_FILL = {
  business: [255, 255, 181], application: [181, 255, 255], technology: [201, 231, 183], motivation: [204, 204, 255],
  strategy: [245, 222, 170], implementation: [255, 224, 224], location: [251, 184, 117], other: [255, 255, 255],
} as const satisfies Record<string, Rgb>;
/** Failing node and what fails with it, by hop: red, then lighter towards the edge. */
export const HOP_FILL: Rgb[] = [[255, 102, 102], [255, 166, 107], [255, 199, 150], [255, 224, 189], [255, 240, 222]];
export const GROUP_FILL: Rgb = [242, 242, 242];
const LINE: Rgb = [92, 92, 92];

export function layerFill(type: string): Rgb {
  if (/^(Business|Contract$|Product$|Representation$)/.test(type)) return LAYER_FILL.business;
  if (/^(Application|DataObject$)/.test(type)) return LAYER_FILL.application;
  if (/^(Technology|Node$|Device$|SystemSoftware$|Artifact$|CommunicationNetwork$|Path$|Equipment$|Facility$|DistributionNetwork$|Material$)/.test(type)) return LAYER_FILL.technology;
  if (/^(Stakeholder|Driver|Assessment|Goal|Outcome|Principle|Requirement|Constraint|Meaning|Value)$/.test(type)) return LAYER_FILL.motivation;
  if (/^(Resource|Capability|CourseOfAction|ValueStream)$/.test(type)) return LAYER_FILL.strategy;
  if (/^(WorkPackage|Deliverable|ImplementationEvent|Plateau|Gap)$/.test(type)) return LAYER_FILL.implementation;
  if (type === 'Location') return LAYER_FILL.location;
  return LAYER_FILL.other;
}

// ---------------------------------------------------------------------------------------------
// Layout: leaves sized to their names, groups sized to their leaves, groups packed in rows.

const [LEAF_W, LEAF_H, MAX_LEAF_W, CHAR_W, LINE_H] = [160, 55, 320, 6.5, 14];
const [PAD, GAP, HEAD, GROUP_GAP, MARGIN, MAX_GROUP_LABEL_W] = [12, 12, 30, 30, 20, 480];

type Rect = { x: number; y: number; w: number; h: number };
/** A box of the diagram: an element, a visual container (heading only) or a note. Coordinates absolute. */
export type Box = {
  elementRef?: string; label?: string; kind: 'Element' | 'Container' | 'Label';
  x: number; y: number; w: number; h: number; fill: Rgb; children: Box[]; concept?: string;
};

/** Greedy word wrap at `perLine` characters: the number of lines a name takes. */
function lineCount(text: string, perLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= perLine || used === 0) used = need;
    else {
      lines++;
      used = word.length;
    }
    while (used > perLine) {
      lines++;
      used -= perLine;
    }
  }
  return lines;
}

/** Width and height for a name: 160×55 for most, wider for a long word, taller for a long name (Archi wraps at the box width). */
export function leafSize(name: string): { w: number; h: number } {
  const longest = Math.max(0, ...name.split(/\s+/).map(word => word.length));
  const w = Math.min(MAX_LEAF_W, Math.max(LEAF_W, Math.ceil(longest * CHAR_W) + 28));
  const perLine = Math.floor((w - 28) / CHAR_W);
  return { w, h: Math.max(LEAF_H, lineCount(name, perLine) * LINE_H + 20) };
}

type Leaf = { concept: ViewConcept; fill: Rgb };
type GroupSpec = { head: { concept: ViewConcept } | { label: string }; fill: Rgb; leaves: Leaf[] };

/** A group with its leaves in a grid of equal cells, at (0, 0). `shape`: square-ish, or columns of at most 12 rows. */
function groupBox(spec: GroupSpec, shape: 'square' | 'column'): Box {
  const n = spec.leaves.length;
  // A column holds up to 12 rows; more than that spreads over about twice as many rows as columns.
  const cols = n === 0 ? 1 : shape === 'square' ? Math.min(6, Math.ceil(Math.sqrt(n))) : n <= 12 ? 1 : Math.ceil(Math.sqrt(n / 2));
  const rows = Math.ceil(n / cols);
  const sizes = spec.leaves.map(leaf => leafSize(leaf.concept.name));
  const cw = Math.max(LEAF_W, ...sizes.map(s => s.w));
  const ch = Math.max(LEAF_H, ...sizes.map(s => s.h));
  const title = 'concept' in spec.head ? spec.head.concept.name : spec.head.label;
  const gridW = 2 * PAD + cols * cw + (cols - 1) * GAP;
  const w = Math.max(gridW, Math.min(MAX_GROUP_LABEL_W, Math.ceil(title.length * CHAR_W) + 48));
  const head = HEAD + (lineCount(title, Math.floor((w - 48) / CHAR_W)) - 1) * LINE_H;
  const h = n === 0 ? head + PAD : head + rows * ch + (rows - 1) * GAP + PAD;
  const left = Math.floor((w - gridW) / 2) + PAD;
  const children = spec.leaves.map((leaf, i): Box => ({
    kind: 'Element', elementRef: leaf.concept.id, concept: leaf.concept.id, fill: leaf.fill, children: [],
    x: left + (i % cols) * (cw + GAP), y: head + Math.floor(i / cols) * (ch + GAP), w: cw, h: ch,
  }));
  return 'concept' in spec.head
    ? { kind: 'Element', elementRef: spec.head.concept.id, concept: spec.head.concept.id, fill: spec.fill, x: 0, y: 0, w, h, children }
    : { kind: 'Container', label: spec.head.label, fill: spec.fill, x: 0, y: 0, w, h, children };
}

const moved = (box: Box, dx: number, dy: number): Box => ({ ...box, x: box.x + dx, y: box.y + dy, children: box.children.map(child => moved(child, dx, dy)) });

/**
 * Groups in rows, left to right, a new row when the next would pass the canvas width (so no two
 * overlap). 'shelf': the width makes the whole about 16:10; 'columns': one row, groups side by side.
 */
function pack(groups: Box[], arrangement: 'shelf' | 'columns', top: number): Box[] {
  const area = groups.reduce((sum, g) => sum + (g.w + GROUP_GAP) * (g.h + GROUP_GAP), 0);
  const width = arrangement === 'columns' ? Infinity : Math.max(...groups.map(g => g.w), Math.sqrt(area * 1.6));
  const out: Box[] = [];
  let [x, y, rowH] = [MARGIN, top, 0];
  for (const g of groups) {
    if (x > MARGIN && x + g.w > MARGIN + width) [x, y, rowH] = [MARGIN, y + rowH + GROUP_GAP, 0];
    out.push(moved(g, x, y));
    x += g.w + GROUP_GAP;
    rowH = Math.max(rowH, g.h);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// XML

const colour = (tag: string, [r, g, b]: Rgb) => `<${tag} r="${r}" g="${g}" b="${b}"/>`;

function nodeXml(box: Box, ids: { node: (box: Box, parent: string, siblings: Box[]) => string }, lang: string, indent: string, parent = '', siblings: Box[] = []): string[] {
  const id = ids.node(box, parent, siblings);
  const at = `x="${box.x}" y="${box.y}" w="${box.w}" h="${box.h}"`;
  const style = `${indent}  <style>${colour('lineColor', LINE)}${colour('fillColor', box.fill)}<font name="Segoe UI" size="9">${colour('color', [0, 0, 0])}</font></style>`;
  const open =
    box.kind === 'Element' ? `${indent}<node identifier="${id}" elementRef="${box.elementRef}" xsi:type="Element" ${at}>`
    : `${indent}<node identifier="${id}" xsi:type="${box.kind}" ${at}>`;
  const label = box.kind === 'Element' ? [] : [`${indent}  <label xml:lang="${lang}">${escapeXml(box.label ?? '')}</label>`];
  return [open, ...label, style, ...box.children.flatMap(child => nodeXml(child, ids, lang, `${indent}  `, id, box.children)), `${indent}</node>`];
}

type Connection = { relationship: ViewRelationship; source: string; target: string; colour?: Rgb; bends?: [number, number][] };

/** Where a concept is drawn: the view node ids of its boxes, each with its parent's node id ('' at the top) and the boxes beside it. */
type Placement = { id: string; parent: string; box: Box; siblings: Box[] };
type Placements = (conceptId: string) => Placement[];

/** Whether the straight line between the centres of `a` and `b` passes through `box` (Liang–Barsky clipping). */
export function crosses(a: Rect, b: Rect, box: Rect): boolean {
  const [x0, y0, x1, y1] = [a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2];
  let [t0, t1] = [0, 1];
  const edges: [number, number][] = [[-(x1 - x0), x0 - box.x], [x1 - x0, box.x + box.w - x0], [-(y1 - y0), y0 - box.y], [y1 - y0, box.y + box.h - y0]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** One `<view>`: its boxes, then the connections `connect` picks among the drawn boxes. */
function viewXml(name: string, boxes: Box[], connect: (placed: Placements) => Connection[], input: ViewInput, key: string): ExportView {
  const placed = new Map<string, Placement[]>();
  let n = 0;
  const ids = {
    node: (box: Box, parent: string, siblings: Box[]) => {
      const id = input.freshId(undefined, `${key}-n${++n}`);
      if (box.concept) placed.set(box.concept, [...(placed.get(box.concept) ?? []), { id, parent, box, siblings }]);
      return id;
    },
  };
  const nodes = boxes.flatMap(box => nodeXml(box, ids, input.lang, '      '));
  const connections = connect(concept => placed.get(concept) ?? []).flatMap(c => [
    `      <connection identifier="${input.freshId(undefined, `${key}-c-${c.relationship.id}`)}" relationshipRef="${c.relationship.id}" xsi:type="Relationship" source="${c.source}" target="${c.target}">`,
    `        <style>${colour('lineColor', c.colour ?? LINE)}</style>`,
    ...(c.bends ?? []).map(([x, y]) => `        <bendpoint x="${Math.round(x)}" y="${Math.round(y)}"/>`),
    '      </connection>',
  ]);
  const id = input.freshId(undefined, `view-${key}`);
  const lines = [
    `    <view identifier="${id}" xsi:type="Diagram">`,
    `      <name xml:lang="${input.lang}">${escapeXml(name)}</name>`,
    ...input.marker,
    ...nodes,
    ...connections,
    '    </view>',
  ];
  return { id, folder: [], lines };
}

/**
 * The connections of `relationships` that `keep` says add meaning, between boxes of both ends in the
 * same group whose straight line passes through no other box: a line across a map of hundreds of
 * boxes hides more than it shows.
 */
function connectionsWithinGroups(relationships: ViewRelationship[], keep: (r: ViewRelationship) => boolean) {
  return (placed: Placements): Connection[] =>
    relationships.filter(keep).flatMap(r => {
      for (const source of placed(r.source)) {
        const clear = (t: Placement) => source.siblings.every(other => other === source.box || other === t.box || !crosses(source.box, t.box, other));
        const target = placed(r.target).find(t => t.parent === source.parent && source.parent !== '' && t.id !== source.id && clear(t));
        if (target) return [{ relationship: r, source: source.id, target: target.id }];
      }
      return [];
    });
}

const byName = (a: ViewConcept, b: ViewConcept) => a.name.localeCompare(b.name, 'nl') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const words = (lang: string) => (lang === 'en' ? EN : NL);
const NL = {
  landscape: (org: string) => `Applicatielandschap per bedrijfsfunctie – ${org}`,
  suppliers: (org: string) => `Leveranciers en wat zij leveren – ${org}`,
  noFunction: 'Zonder bedrijfsfunctie', noSupplier: 'Zonder leverancier', selection: 'Selectie',
};
const EN: typeof NL = {
  landscape: (org: string) => `Application landscape by business function – ${org}`,
  suppliers: (org: string) => `Suppliers and what they deliver – ${org}`,
  noFunction: 'No business function', noSupplier: 'No supplier', selection: 'Selection',
};

/**
 * Groups (by `groupOf`) of the given leaves. A leaf in several groups is drawn in each; leaves in
 * none go to a container named `rest`, last.
 */
function grouped(leaves: ViewConcept[], groupOf: (leaf: ViewConcept) => ViewConcept[], rest: string): GroupSpec[] {
  const members = new Map<string, { head: ViewConcept; leaves: ViewConcept[] }>();
  const loose: ViewConcept[] = [];
  for (const leaf of [...leaves].sort(byName)) {
    const heads = groupOf(leaf);
    if (heads.length === 0) loose.push(leaf);
    for (const head of heads) {
      if (!members.has(head.id)) members.set(head.id, { head, leaves: [] });
      members.get(head.id)!.leaves.push(leaf);
    }
  }
  const leafOf = (c: ViewConcept): Leaf => ({ concept: c, fill: layerFill(c.type) });
  const specs: GroupSpec[] = [...members.values()]
    .sort((a, b) => byName(a.head, b.head))
    .map(({ head, leaves }) => ({ head: { concept: head }, fill: layerFill(head.type), leaves: leaves.map(leafOf) }));
  if (loose.length) specs.push({ head: { label: rest }, fill: GROUP_FILL, leaves: loose.map(leafOf) });
  return specs;
}

/** The landscape and supplier views of each organisation, the selection's view, or the analysis views. */
export async function architectViews(driver: Driver, input: ViewInput): Promise<ExportView[]> {
  const out: ExportView[] = [];
  const w = words(input.lang);
  const byUid = new Map(input.concepts.map(c => [c.uid, c]));
  const by = (type: string) => {
    const map = new Map<string, ViewConcept[]>();
    for (const f of input.facts) {
      if (f.type !== type || !byUid.has(f.to) || !byUid.has(f.from)) continue;
      map.set(f.from, [...(map.get(f.from) ?? []), byUid.get(f.to)!]);
    }
    return map;
  };
  if (input.analysis) {
    input.analysis.forEach((view, i) => out.push(analysisViewXml(view, input, byUid, `analysis-${i + 1}`)));
  } else if (input.selection) {
    const groups = [...new Set(input.concepts.map(c => c.label))].sort().map(label => ({ label, items: input.concepts.filter(c => c.label === label).sort(byName).map(c => ({ uid: c.uid })) }));
    out.push(analysisViewXml({ name: w.selection, note: '', groups, links: [] }, input, byUid, 'selection'));
  } else {
    const supports = by('SUPPORTS');
    const supplied = new Map<string, ViewConcept[]>();
    for (const [supplier, targets] of by('SUPPLIES')) for (const t of targets) supplied.set(t.uid, [...(supplied.get(t.uid) ?? []), byUid.get(supplier)!]);
    for (const [supplier, targets] of by('PROVIDES')) for (const t of targets) supplied.set(t.uid, [...(supplied.get(t.uid) ?? []), byUid.get(supplier)!]);
    const runsOn = by('RUNS_ON');
    const nameOf = await organisationNames(driver);
    for (const organisation of input.organisations) {
      const applications = input.concepts.filter(c => c.label === 'Application' && c.organisation === organisation);
      if (applications.length === 0) continue;
      const key = organisation.replace(/[^A-Za-z0-9_.-]+/g, '-');
      const org = nameOf(organisation);
      // Landscape: business functions holding the applications that serve them; interfaces drawn within a function.
      const functions = grouped(applications, a => (supports.get(a.uid) ?? []).filter(f => f.label === 'BusinessFunction'), w.noFunction);
      const landscape = pack(functions.map(g => groupBox(g, 'square')), 'shelf', MARGIN);
      const appIds = new Set(applications.map(a => a.id));
      out.push(viewXml(w.landscape(org), landscape, connectionsWithinGroups(input.relationships, r => (r.type === 'Flow' || r.type === 'Serving') && appIds.has(r.source) && appIds.has(r.target)), input, `${key}-landscape`));
      // Suppliers: each supplier holding the organisation's applications and the platforms under them that it delivers.
      const platforms = new Set<string>();
      const stack = applications.map(a => a.uid);
      while (stack.length) for (const p of runsOn.get(stack.pop()!) ?? []) if (!platforms.has(p.uid)) (platforms.add(p.uid), stack.push(p.uid));
      const delivered = [...applications, ...[...platforms].map(uid => byUid.get(uid)!)];
      const suppliers = grouped(delivered, c => (supplied.get(c.uid) ?? []).filter(s => s.label === 'Supplier'), w.noSupplier);
      out.push(viewXml(w.suppliers(org), pack(suppliers.map(g => groupBox(g, 'square')), 'shelf', MARGIN), () => [], input, `${key}-suppliers`));
    }
  }
  return out;
}

/** An analysis view: a legend on top, the groups as columns, connections for the uid pairs asked for. */
function analysisViewXml(view: AnalysisView, input: ViewInput, byUid: Map<string, ViewConcept>, key: string): ExportView {
  const specs: GroupSpec[] = view.groups
    .map(g => ({ head: { label: g.label }, fill: GROUP_FILL, leaves: g.items.filter(i => byUid.has(i.uid)).map(i => ({ concept: byUid.get(i.uid)!, fill: i.fill ?? layerFill(byUid.get(i.uid)!.type) })) }))
    .filter(g => g.leaves.length > 0);
  const columns = specs.map(g => groupBox(g, 'column'));
  const width = Math.max(400, columns.reduce((sum, g) => sum + g.w + GROUP_GAP, -GROUP_GAP));
  const noteH = view.note ? (lineCount(view.note, Math.floor((width - 16) / CHAR_W)) * LINE_H + 16) : 0;
  const note: Box[] = view.note ? [{ kind: 'Label', label: view.note, x: MARGIN, y: MARGIN, w: width, h: noteH, fill: [255, 255, 255], children: [] }] : [];
  const boxes = [...note, ...pack(columns, 'columns', MARGIN + (noteH ? noteH + GROUP_GAP : 0))];
  const pairs = new Map<string, ViewRelationship>();
  for (const r of input.relationships) for (const k of [`${r.source}\u0000${r.target}`, `${r.target}\u0000${r.source}`]) if (!pairs.has(k)) pairs.set(k, r);
  // Chained columns: each element to an element of the nearest earlier column it is related to, the
  // first whose line crosses no other box (none when every such line would).
  const shown = view.groups.map(g => g.items.map(i => i.uid).filter(uid => byUid.has(uid)));
  const chains: [string, string[]][] = [];
  view.groups.forEach((g, k) => {
    if (!g.chained) return;
    for (const uid of shown[k]) {
      for (let j = k - 1; j >= 0; j--) {
        const related = shown[j].filter(other => pairs.has(`${byUid.get(uid)!.id}\u0000${byUid.get(other)!.id}`));
        if (related.length) {
          chains.push([uid, related]);
          break;
        }
      }
    }
  });
  const leaves = boxes.flatMap(b => b.children);
  const columnOf = (box: Box) => boxes.find(c => c.children.includes(box));
  const connect = (placed: Placements): Connection[] => {
    const drawn = new Set<string>();
    const line = (a: string, b: string, colour?: Rgb, bends?: [number, number][]): Connection[] => {
      const r = pairs.get(`${byUid.get(a)!.id}\u0000${byUid.get(b)!.id}`);
      const [source, target] = r ? [placed(r.source)[0], placed(r.target)[0]] : [];
      if (!r || !source || !target || drawn.has(r.id)) return [];
      drawn.add(r.id);
      // Bendpoints go from the relationship's source to its target.
      const ordered = bends && r.source !== byUid.get(a)!.id ? [...bends].reverse() : bends;
      return [{ relationship: r, source: source.id, target: target.id, colour, bends: ordered }];
    };
    const boxOf = (uid: string) => placed(byUid.get(uid)!.id)[0]?.box;
    const clear = (pa: Box, pb: Box) => leaves.every(other => other === pa || other === pb || !crosses(pa, pb, other));
    /**
     * A line to the previous column that crosses no box: straight when it can; else up into the gap
     * above its row, left along it to the gutter between the columns, along the gutter to the gap
     * above the other's row, and along that gap to it. None when the columns are not neighbours.
     */
    const route = (uid: string, other: string): [number, number][] | undefined | null => {
      const [pa, pb] = [boxOf(uid), boxOf(other)];
      if (!pa || !pb) return null;
      if (clear(pa, pb)) return undefined;
      const [ca, cb] = [columnOf(pa), columnOf(pb)];
      if (!ca || !cb || boxes.indexOf(cb) !== boxes.indexOf(ca) - 1) return null;
      const gutter = ca.x - GROUP_GAP / 2;
      const [ya, yb] = [pa.y - GAP / 2, pb.y - GAP / 2];
      return [[pa.x + pa.w / 2, ya], [gutter, ya], [gutter, yb], [pb.x + pb.w / 2, yb]];
    };
    return [
      ...view.links.filter(([a, b]) => byUid.has(a) && byUid.has(b)).flatMap(([a, b]) => line(a, b, view.linkColour)),
      ...chains.flatMap(([uid, related]) => {
        for (const other of related) {
          const bends = route(uid, other);
          if (bends !== null) return line(uid, other, undefined, bends);
        }
        return [];
      }),
    ];
  };
  return viewXml(view.name, boxes, connect, input, key);
}
