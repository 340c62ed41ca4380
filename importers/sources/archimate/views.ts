// An ArchiMate model's views (diagrams) as one neutral shape, whatever format they came in: AMEFF
// (absolute coordinates), Archi's .archimate and coArchi (bounds relative to the parent). Kept with the
// imported model so that its AMEFF export draws them again (server/exports/ameff.ts, model-views.ts).
import { normaliseId } from './read.js';

type Node = Record<string, any>;
export type Rgb = [number, number, number];
/** A box on a view: an element, a group (Container) or a note (Label); x/y absolute, as AMEFF has them. */
export type ViewNode = {
  id: string;
  kind: 'Element' | 'Container' | 'Label';
  /** The ArchiMate id of the element it shows (kind Element). */
  ref?: string;
  label?: string;
  /** The view a reference box opens. */
  viewRef?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: Rgb;
  children: ViewNode[];
};
/** A line between two boxes: a relationship (its ArchiMate id in `ref`) or a plain line. */
export type ViewConnection = { id: string; kind: 'Relationship' | 'Line'; ref?: string; source: string; target: string; bendpoints: { x: number; y: number }[] };
export type ArchiView = {
  id: string;
  name: string;
  documentation?: string;
  viewpoint?: string;
  properties?: { key: string; value: string }[];
  /** Folder labels from the root down (Archi's Views folder and below). */
  folder: string[];
  nodes: ViewNode[];
  connections: ViewConnection[];
};

/** Roer marks the views it draws itself (server/exports/ameff.ts): an import keeps the model's own views only. */
export const GENERATED_VIEW = { key: 'Roer', value: 'gegenereerde view' } as const;
export const isGeneratedView = (view: Pick<ArchiView, 'properties'>) => (view.properties ?? []).some(p => p.key === GENERATED_VIEW.key && p.value === GENERATED_VIEW.value);

const list = (value: unknown): Node[] => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value as Node]);
const num = (value: unknown, fallback = 0) => {
  const n = Number(value);
  return Number.isFinite(n) ? Math.round(n) : fallback;
};
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(textOf).find(text => text !== undefined);
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  const text = String(value);
  return text === '' ? undefined : text;
}
/** Line ends as `\n`: an XML reader turns a written `\r\n` into `\n`, so a view reads back the same. */
const lines = (text: string | undefined) => text?.replace(/\r\n?/g, '\n').trim() || undefined;
const rgbOf = (node: Node | undefined): Rgb | undefined => (node ? [num(node['@_r']), num(node['@_g']), num(node['@_b'])] : undefined);
/** `#80ffff` → [128, 255, 255]. */
const hexRgb = (hex: unknown): Rgb | undefined => {
  const match = typeof hex === 'string' ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim()) : null;
  return match ? [parseInt(match[1], 16), parseInt(match[2], 16), parseInt(match[3], 16)] : undefined;
};
const clean = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

// ── AMEFF ──────────────────────────────────────────────────────────────────────────────────────

/** The `<view>`s of an AMEFF model (3.x `views/diagrams/view`, 2.1 `views/view`); `folders` maps ids to their folder. */
export function ameffViews(model: Node, folders: Map<string, string[]>, propertiesOf: (node: Node) => { key: string; value: string }[]): ArchiView[] {
  const views = [...list(model.views?.diagrams?.view), ...list(model.views?.view)];
  const node = (n: Node): ViewNode => {
    const type = String(n['@_xsi:type'] ?? '');
    const ref = n['@_elementRef'] ?? n['@_elementref'];
    const kind: ViewNode['kind'] = ref ? 'Element' : type === 'Label' ? 'Label' : 'Container';
    return clean({
      id: n['@_identifier'], kind, ref, label: ref ? undefined : lines(textOf(n.label)), viewRef: list(n.viewRef)[0]?.['@_ref'],
      x: num(n['@_x']), y: num(n['@_y']), w: num(n['@_w'], 120), h: num(n['@_h'], 55), fill: rgbOf(list(n.style)[0]?.fillColor), children: list(n.node).map(node),
    });
  };
  return views.map(v => clean({
    id: v['@_identifier'], name: lines(textOf(v.name) ?? textOf(v.label)) ?? '', documentation: lines(textOf(v.documentation)), viewpoint: v['@_viewpoint'],
    properties: propertiesOf(v).length ? propertiesOf(v) : undefined, folder: folders.get(v['@_identifier']) ?? [],
    nodes: list(v.node).map(node),
    connections: list(v.connection).map(c => clean({
      id: c['@_identifier'], kind: (c['@_relationshipRef'] ?? c['@_relationshipref']) ? 'Relationship' as const : 'Line' as const, ref: c['@_relationshipRef'] ?? c['@_relationshipref'],
      source: c['@_source'], target: c['@_target'], bendpoints: list(c.bendpoint).map(b => ({ x: num(b['@_x']), y: num(b['@_y']) })),
    })),
  }));
}

// ── Archi (.archimate and coArchi) ─────────────────────────────────────────────────────────────

/** coArchi refers by `<archimateElement href="File.xml#id"/>`, .archimate by attribute. */
const refOf = (node: Node, key: string) => {
  const attribute = node[`@_${key}`];
  if (typeof attribute === 'string' && attribute) return normaliseId(attribute);
  const href = list(node[key])[0]?.['@_href'] as string | undefined;
  return href ? normaliseId(href.slice(href.indexOf('#') + 1)) : undefined;
};

/** One Archi diagram model (`<element xsi:type="archimate:ArchimateDiagramModel">` or a coArchi diagram file). */
export function archiView(diagram: Node, folder: string[]): ArchiView {
  const connections: ViewConnection[] = [];
  const node = (n: Node, dx: number, dy: number): ViewNode => {
    const type = String(n['@_xsi:type'] ?? '').replace(/^.*:/, '');
    const bounds = list(n.bounds)[0] ?? {};
    // Archi's -1 means "the default size".
    const [w, h] = [num(bounds['@_width'], -1), num(bounds['@_height'], -1)];
    const x = dx + num(bounds['@_x']);
    const y = dy + num(bounds['@_y']);
    const ref = refOf(n, 'archimateElement');
    const kind: ViewNode['kind'] = ref ? 'Element' : /Note|Reference/.test(type) ? 'Label' : 'Container';
    for (const c of [...list(n.sourceConnection), ...list(n.sourceConnections)]) {
      const relationship = refOf(c, 'archimateRelationship') ?? refOf(c, 'relationship');
      connections.push(clean({
        id: normaliseId(c['@_id']), kind: relationship ? 'Relationship' as const : 'Line' as const, ref: relationship,
        source: normaliseId(c['@_source'] ?? n['@_id']), target: normaliseId(c['@_target'] ?? ''), bendpoints: [],
      }));
    }
    const model = refOf(n, 'model') ?? refOf(n, 'referencedModel');
    return clean({
      id: normaliseId(n['@_id']), kind, ref, label: ref ? undefined : lines(n['@_name'] ?? n['@_content'] ?? textOf(n.content)),
      viewRef: model, x: Math.max(0, x), y: Math.max(0, y), w: w > 0 ? w : 120, h: h > 0 ? h : 55, fill: hexRgb(n['@_fillColor']),
      children: [...list(n.child), ...list(n.children)].map(child => node(child, x, y)),
    });
  };
  const nodes = [...list(diagram.child), ...list(diagram.children)].map(child => node(child, 0, 0));
  const docs = diagram['@_documentation'] ?? textOf(diagram.documentation);
  return clean({
    // Archi's viewpoint names are not AMEFF's enumeration: left out.
    id: normaliseId(diagram['@_id']), name: lines(diagram['@_name']) ?? '', documentation: lines(docs), folder,
    nodes, connections: connections.filter(c => c.target !== 'id-'),
  });
}

/**
 * The views with only what resolves: a box whose element is not there gives way to its children, a line
 * whose relationship or either end is not there goes, and so does a reference to a view that is not there.
 */
export function resolvableViews(views: ArchiView[], hasElement: (id: string) => boolean, hasRelationship: (id: string) => boolean): ArchiView[] {
  const viewIds = new Set(views.map(v => v.id));
  return views.map(view => {
    const kept = new Set<string>();
    const keep = (nodes: ViewNode[]): ViewNode[] =>
      nodes.flatMap(n => {
        const children = keep(n.children);
        if (n.kind === 'Element' && !(n.ref && hasElement(n.ref))) return children;
        kept.add(n.id);
        return [clean({ ...n, viewRef: n.viewRef && viewIds.has(n.viewRef) ? n.viewRef : undefined, children })];
      });
    const nodes = keep(view.nodes);
    const connections = view.connections.filter(c => kept.has(c.source) && kept.has(c.target) && (c.kind === 'Line' || (c.ref !== undefined && hasRelationship(c.ref))));
    return { ...view, nodes, connections };
  });
}
