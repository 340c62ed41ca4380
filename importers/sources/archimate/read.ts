// ArchiMate readers: AMEFF 3.x and 2.1 exchange files, Archi's native `.archimate` file and coArchi
// folders (one XML file per concept). Read only: every reader yields the same neutral ArchiModel;
// map.ts turns that into Roer's Landscape.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../../../server/errors.js';
import { type ArchiView, ameffViews, archiView } from './views.js';
import { XML_LIMITS, checkXmlLimits } from './xml-limits.js';
import { fileProblem, fileTooLarge, tooLargeFile } from '../../file-problem.js';
import { looksHtml, notXml, xmlProblem } from './xml-problem.js';

export type ArchiProperty = { key: string; value: string };
export type ArchiElement = {
  id: string;
  type: string;
  name: string;
  documentation?: string;
  properties: ArchiProperty[];
  /** Folder (AMEFF organisation) labels from the root down. */
  folder: string[];
};
export type ArchiRelationship = ArchiElement & { source: string; target: string; accessType?: string };
export type ArchiFormat = 'ameff-3' | 'ameff-2.1' | 'archimate' | 'coarchi';
export type ArchiModel = {
  format: ArchiFormat;
  id: string;
  name: string;
  documentation?: string;
  properties: ArchiProperty[];
  elements: ArchiElement[];
  relationships: ArchiRelationship[];
  views: number;
  /** The ArchiMate diagrams among the views, as views.ts reads them (sketches and canvases are counted, not kept). */
  diagrams: ArchiView[];
  /** What the reader noticed but could still read past (dangling property definitions, unnamed concepts). */
  warnings: string[];
};

export const MAX_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_FOLDER_FILES = 100_000;
export const MAX_FOLDER_BYTES = 256 * 1024 * 1024;

/** ArchiMate 2.1 names (and Archi 3.x's) → ArchiMate 3.x names; the rest passes through. */
const LEGACY_TYPES: Record<string, string> = {
  UsedBy: 'Serving',
  Realisation: 'Realization',
  Specialisation: 'Specialization',
  InfrastructureService: 'TechnologyService',
  InfrastructureFunction: 'TechnologyFunction',
  InfrastructureInterface: 'TechnologyInterface',
  Network: 'CommunicationNetwork',
  CommunicationPath: 'Path',
  AndJunction: 'Junction',
  OrJunction: 'Junction',
};
const RELATIONSHIP_TYPES = new Set([
  'Composition', 'Aggregation', 'Assignment', 'Realization', 'Serving', 'Access', 'Influence', 'Triggering', 'Flow', 'Specialization', 'Association',
]);
const DIAGRAM_TYPES = /DiagramModel$|SketchModel$|CanvasModel$/;

/** `archimate:UsedByRelationship`, `UsedByRelationship`, `UsedBy` → `Serving`. */
export function normaliseType(raw: string): string {
  const local = raw.replace(/^.*:/, '');
  const bare = local.endsWith('Relationship') ? local.slice(0, -'Relationship'.length) : local;
  return LEGACY_TYPES[bare] ?? bare;
}
export const isRelationshipType = (type: string) => RELATIONSHIP_TYPES.has(type);

/**
 * Archi's AMEFF export prefixes every id that lacks it with `id-` (`1544` → `id-1544`); doing the same here makes
 * the `.archimate` and AMEFF versions of one model produce the same ids.
 */
export const normaliseId = (id: string) => (id.startsWith('id-') ? id : `id-${id}`);

/** A file or coArchi folder path, the bytes of a single file, or a model already read (a zipped coArchi folder). */
export type ArchimateInput = string | Uint8Array | ArchiModel;

/** Reads a file or coArchi folder path, or the bytes of a single file; a model already read passes through. */
export function readArchimate(input: ArchimateInput, fileName = typeof input === 'string' ? input : 'upload'): ArchiModel {
  if (!(input instanceof Uint8Array) && typeof input !== 'string') return input;
  if (typeof input === 'string') {
    const stat = statSync(input, { throwIfNoEntry: false });
    if (!stat) throw new InputError(`${input}: no such file or folder`);
    if (stat.isDirectory()) return readCoArchi(input);
    if (stat.size > MAX_FILE_BYTES) throw tooLargeFile(input, stat.size, MAX_FILE_BYTES);
    return readArchimateText(decode(readFileSync(input), input), input);
  }
  if (input.byteLength > MAX_FILE_BYTES) throw tooLargeFile(fileName, input.byteLength, MAX_FILE_BYTES);
  return readArchimateText(decode(input, fileName), fileName);
}

/** AMEFF (2.1 or 3.x) or `.archimate` text, told apart by the root element. */
export function readArchimateText(text: string, fileName = 'model.xml'): ArchiModel {
  const root = parseXml(text, fileName);
  if (root.model) {
    const namespace = String(root.model['@_xmlns'] ?? '');
    if (!namespace.startsWith('http://www.opengroup.org/xsd/archimate')) {
      throw fileProblem(`${fileName}: <model> is not in the ArchiMate exchange namespace (found '${namespace}')`, { file: fileName, code: 'archimate-namespace', params: { namespace } });
    }
    return readAmeff(root.model, /\/3\.\d\/?$/.test(namespace) ? 'ameff-3' : 'ameff-2.1', fileName);
  }
  if (root['archimate:model']) return readNative(root['archimate:model'], fileName);
  const top = Object.keys(root).find(key => !key.startsWith('?')) ?? 'none';
  throw fileProblem(`${fileName}: not an ArchiMate exchange file (<model>) nor an Archi model (<archimate:model>); root is <${top}>`, { file: fileName, code: 'not-archimate', params: { root: top } });
}

// ── XML ────────────────────────────────────────────────────────────────────────────────────────

type Node = Record<string, any>;

const ARRAYS = new Set([
  'element', 'relationship', 'property', 'propertyDefinition', 'propertydef', 'item', 'name', 'label', 'documentation', 'value', 'view',
  'folder', 'properties', 'profiles', 'organizations', 'organization',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true, // also decodes numeric references such as &#xD;
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: name => ARRAYS.has(name),
  maxNestedTags: XML_LIMITS.depth,
});

/** The bytes as text, once they are within XML_LIMITS (xml-limits.ts): the parser is not given what it cannot handle. */
function decode(bytes: Uint8Array, fileName: string): string {
  checkXmlLimits(bytes, fileName);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const { line, column } = position(text, text.indexOf('\uFFFD'));
    throw fileProblem(`${fileName}:${line}:${column}: not valid UTF-8 text (a byte here is not UTF-8; save the file as UTF-8)`, { file: fileName, line, column: String(column), code: 'file-not-utf8', params: { expected: 'an XML file in UTF-8' } });
  }
}

/**
 * Rejects DTDs before anything is parsed (XXE, billion laughs), then reports malformed XML by line and
 * column. Text from a file or upload has passed checkXmlLimits in decode().
 */
export function parseXml(text: string, fileName: string): Node {
  // A web page or no XML at all says so, before its <!DOCTYPE html> is taken for a DTD.
  const none = notXml(text);
  if (none) {
    throw fileProblem(`${fileName}: ${none.kind === 'html' ? 'a web page (HTML), not an ArchiMate file' : 'not XML (it does not start with <)'}`, { file: fileName, code: 'xml-unreadable', params: none });
  }
  const doctype = /<!(DOCTYPE|ENTITY)/i.exec(text);
  if (doctype) {
    const { line, column } = position(text, doctype.index);
    const external = /<!(DOCTYPE|ENTITY)[^>]*\b(SYSTEM|PUBLIC)\b/i.test(text.slice(doctype.index, doctype.index + 2000));
    throw fileProblem(`${fileName}:${line}:${column}: DTDs and entity declarations are not accepted (DTD's en entiteitdeclaraties worden niet geaccepteerd)`, { file: fileName, line, column: String(column), code: 'xml-dtd', params: { what: doctype[1].toUpperCase() === 'ENTITY' ? 'entity' : 'doctype', external: external ? 1 : 0 } });
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg } = valid.err;
    // A web page that is not well-formed XML either (most are not): say it is a web page.
    if (looksHtml(text)) throw fileProblem(`${fileName}: a web page (HTML), not an ArchiMate file`, { file: fileName, code: 'xml-unreadable', params: { kind: 'html', detail: msg } });
    const params = xmlProblem(msg);
    // Elements still open at the end: the validator says 1:1, but the place is where the file ends.
    const { line, col } = params.kind === 'unclosed-many' ? { line: text.trimEnd().split('\n').length, col: undefined } : valid.err;
    throw fileProblem(`${fileName}:${line}:${col ?? 1}: malformed XML (onleesbare XML): ${msg}`, { file: fileName, line, column: col === undefined ? undefined : String(col), code: 'xml-unreadable', params });
  }
  try {
    return parser.parse(text) as Node;
  } catch (error) {
    // The parser's own limits (entity expansion, nesting) throw plain errors: still the file's fault.
    throw fileProblem(`${fileName}: not readable as XML (onleesbare XML): ${(error as Error).message}`, { file: fileName, code: 'xml-unreadable', params: { kind: 'other', detail: (error as Error).message } });
  }
}

function position(text: string, index: number) {
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** `<name xml:lang="nl">X</name>` in any of the shapes the parser yields → 'X'. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = textOf(item);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  const text = String(value);
  return text === '' ? undefined : text;
}
/** AMEFF writes line ends as `&#xD;\n`, Archi as plain newlines; the XML parser trims, so trim both. */
const lines = (text: string | undefined) => text?.replace(/\r\n?/g, '\n').trim() || undefined;
const list = (value: unknown): Node[] => (value === undefined || value === null || value === '' ? [] : Array.isArray(value) ? value : [value as Node]);

// ── AMEFF ──────────────────────────────────────────────────────────────────────────────────────

function readAmeff(model: Node, format: 'ameff-3' | 'ameff-2.1', fileName: string): ArchiModel {
  const warnings: string[] = [];
  const definitions = new Map<string, string>();
  for (const holder of list(model.propertyDefinitions)) {
    for (const def of list(holder.propertyDefinition)) definitions.set(def['@_identifier'], textOf(def.name) ?? def['@_identifier']);
  }
  for (const holder of list(model.propertydefs)) {
    for (const def of list(holder.propertydef)) definitions.set(def['@_identifier'], def['@_name'] ?? def['@_identifier']);
  }
  const properties = (node: Node): ArchiProperty[] =>
    list(node.properties).flatMap(holder =>
      list(holder.property).map(property => {
        const ref = property['@_propertyDefinitionRef'] ?? property['@_identifierref'] ?? property['@_identifierRef'];
        let key = definitions.get(ref);
        if (key === undefined) {
          warnings.push(`property definition '${ref}' is not defined; the property is kept under that id`);
          key = ref;
        }
        return { key: key!, value: textOf(property.value) ?? '' };
      }),
    );

  const folders = new Map<string, string[]>();
  const walk = (items: Node[], path: string[]) => {
    for (const item of items) {
      const ref = item['@_identifierRef'] ?? item['@_identifierref'];
      if (ref) folders.set(ref, path);
      const label = textOf(item.label);
      if (item.item) walk(list(item.item), label ? [...path, label] : path);
    }
  };
  for (const holder of [...list(model.organizations), ...list(model.organization)]) walk(list(holder.item), []);

  const nameOf = (node: Node) => textOf(node.name) ?? textOf(node.label) ?? '';
  const concept = (node: Node, kind: string): ArchiElement => {
    const id = node['@_identifier'];
    if (!id) throw fileProblem(`${fileName}: an ${kind} has no identifier attribute`, { file: fileName, code: 'archimate-no-id', params: { kind, what: 'id' } });
    const raw = node['@_xsi:type'];
    if (!raw) throw fileProblem(`${fileName}: ${kind} '${id}' has no xsi:type`, { file: fileName, code: 'archimate-no-id', params: { kind, id, what: 'type' } });
    const docs = lines(textOf(node.documentation));
    return { id, type: normaliseType(raw), name: nameOf(node), ...(docs ? { documentation: docs } : {}), properties: properties(node), folder: folders.get(id) ?? [] };
  };
  const elements = list(model.elements?.element).map(node => concept(node, 'element'));
  for (const element of elements) {
    // AMEFF 2.1 keeps the junction kind in a property; 3.x in the type name, normalised above.
    const kind = element.properties.find(p => p.key === 'JunctionType');
    if (element.type === 'Junction' && kind) element.properties = element.properties.filter(p => p !== kind);
  }
  const relationships = list(model.relationships?.relationship).map(node => {
    const base = concept(node, 'relationship');
    // Absent means Write in AMEFF 3.x and in Archi; AMEFF 2.1 has no access types at all, so it stays unknown.
    const accessType = base.type === 'Access' && format === 'ameff-3' ? (node['@_accessType'] ?? 'Write') : node['@_accessType'];
    return { ...base, source: node['@_source'], target: node['@_target'], ...(accessType ? { accessType } : {}) };
  });
  const views = list(model.views?.diagrams?.view).length + list(model.views?.view).length;
  const docs = textOf(model.documentation);
  return {
    format, id: model['@_identifier'] ?? '', name: nameOf(model), ...(docs ? { documentation: docs } : {}),
    properties: properties(model), elements, relationships, views, diagrams: ameffViews(model, folders, properties), warnings: [...new Set(warnings)],
  };
}

// ── Archi native (.archimate) ─────────────────────────────────────────────────────────────────

/** Archi stores access types as numbers (0 write, 1 read, 2 access, 3 read/write; absent = write). */
const ACCESS_TYPES: Record<string, string> = { '0': 'Write', '1': 'Read', '2': 'Access', '3': 'ReadWrite' };

function nativeConcept(node: Node, folder: string[], fileName: string): ArchiElement | ArchiRelationship | undefined {
  const raw = node['@_xsi:type'];
  if (!raw || DIAGRAM_TYPES.test(raw)) return undefined;
  const type = normaliseType(raw);
  const docs = lines(node['@_documentation'] ?? textOf(node.documentation));
  if (!node['@_id']) throw fileProblem(`${fileName}: ${node['@_name'] ? `'${node['@_name']}'` : 'an element'} of type ${raw} has no id attribute`, { file: fileName, code: 'archimate-no-id', params: { kind: 'element', what: 'id' } });
  const base: ArchiElement = {
    id: normaliseId(node['@_id']),
    type,
    name: node['@_name'] ?? '',
    ...(docs ? { documentation: docs } : {}),
    properties: nativeProperties([...list(node.property), ...list(node.properties)]),
    folder,
  };
  if (!isRelationshipType(type)) return base;
  const source = node['@_source'] ?? hrefId(node.source);
  const target = node['@_target'] ?? hrefId(node.target);
  const relationship: ArchiRelationship = { ...base, source: normaliseId(source), target: normaliseId(target) };
  if (type === 'Access') relationship.accessType = ACCESS_TYPES[node['@_accessType'] ?? '0'] ?? 'Write';
  return relationship;
}

/** Archi keeps properties with an empty key (a row added and never filled in); AMEFF export drops them. */
const nativeProperties = (nodes: Node[]): ArchiProperty[] =>
  nodes.filter(p => p['@_key']).map(p => ({ key: p['@_key'], value: p['@_value'] ?? '' }));

/** coArchi: `<source href="File.xml#id-…"/>`. */
function hrefId(node: unknown): string {
  const href = (list(node)[0]?.['@_href'] as string | undefined) ?? '';
  return href.slice(href.indexOf('#') + 1);
}

function readNative(model: Node, fileName: string): ArchiModel {
  const elements: ArchiElement[] = [];
  const relationships: ArchiRelationship[] = [];
  let views = 0;
  const diagrams: ArchiView[] = [];
  const walk = (folder: Node, path: string[]) => {
    for (const node of list(folder.element)) {
      if (DIAGRAM_TYPES.test(node['@_xsi:type'] ?? '')) views++;
      if (/ArchimateDiagramModel$/.test(node['@_xsi:type'] ?? '')) diagrams.push(archiView(node, path));
      const concept = nativeConcept(node, path, fileName);
      if (!concept) continue;
      if ('source' in concept) relationships.push(concept);
      else elements.push(concept);
    }
    for (const child of list(folder.folder)) walk(child, [...path, child['@_name'] ?? '']);
  };
  for (const top of list(model.folder)) walk(top, [top['@_name'] ?? '']);
  if (!model['@_name'] && elements.length === 0) throw new InputError(`${fileName}: an Archi model without a name or elements`);
  const docs = model['@_purpose'] ?? textOf(model.purpose);
  return {
    format: 'archimate', id: normaliseId(model['@_id'] ?? 'model'), name: model['@_name'] ?? '', ...(docs ? { documentation: docs } : {}),
    properties: nativeProperties(list(model.property)),
    elements, relationships, views, diagrams, warnings: [],
  };
}

// ── coArchi folder ─────────────────────────────────────────────────────────────────────────────

/**
 * A folder as the coArchi reader sees it: on disk, or the files of an uploaded zip. Paths are relative
 * to its top, `/`-separated, '' for the top itself.
 */
export type FolderTree = {
  /** For messages: the folder's path or the zip's name. */
  name: string;
  isFile(path: string): boolean;
  entries(dir: string): { name: string; folder: boolean }[];
  size(path: string): number;
  read(path: string): Uint8Array;
};

const under = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);

export function diskTree(dir: string): FolderTree {
  return {
    name: dir,
    isFile: path => Boolean(statSync(join(dir, path), { throwIfNoEntry: false })?.isFile()),
    entries: path => readdirSync(join(dir, path), { withFileTypes: true }).map(entry => ({ name: entry.name, folder: entry.isDirectory() })),
    size: path => statSync(join(dir, path)).size,
    read: path => readFileSync(join(dir, path)),
  };
}

/** The files of a zip (path → bytes) as a folder; a single top folder that holds the model is looked into. */
export function zipTree(name: string, files: Map<string, Uint8Array>): FolderTree {
  const folders = new Map<string, Map<string, boolean>>([['', new Map()]]);
  for (const path of files.keys()) {
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!folders.has(dir)) folders.set(dir, new Map());
      folders.get(dir)!.set(parts[i], i < parts.length - 1);
    }
  }
  const bytes = (path: string) => {
    const found = files.get(path);
    if (!found) throw new InputError(`${name}: no ${path} in the archive`);
    return found;
  };
  return {
    name,
    isFile: path => files.has(path),
    entries: dir => [...(folders.get(dir) ?? new Map<string, boolean>())].map(([entry, folder]) => ({ name: entry, folder })),
    size: path => bytes(path).byteLength,
    read: bytes,
  };
}

/** Where the model starts in a tree: its top, `model/`, or the same one folder down (a zipped repository folder). */
export function coArchiRoot(tree: FolderTree): string | undefined {
  const tops = tree.entries('').filter(entry => entry.folder && !entry.name.startsWith('.'));
  const candidates = ['model', '', ...(tops.length === 1 ? [under(tops[0].name, 'model'), tops[0].name] : [])];
  return candidates.find(dir => tree.isFile(under(dir, 'folder.xml')));
}

/** A coArchi repository (or its `model/` folder): one XML file per concept, `folder.xml` per folder. */
export function readCoArchi(dir: string | FolderTree): ArchiModel {
  const tree = typeof dir === 'string' ? diskTree(dir) : dir;
  const root = coArchiRoot(tree);
  if (root === undefined) throw fileProblem(`${tree.name}: not a coArchi model folder (no model/folder.xml)`, { file: tree.name, code: 'not-coarchi' });
  const rootFile = under(root, 'folder.xml');
  const elements: ArchiElement[] = [];
  const relationships: ArchiRelationship[] = [];
  let views = 0;
  const diagrams: ArchiView[] = [];
  let files = 0;
  let bytes = 0;
  const readOne = (file: string) => {
    const size = tree.size(file);
    files++;
    bytes += size;
    if (files > MAX_FOLDER_FILES || bytes > MAX_FOLDER_BYTES) {
      throw fileTooLarge(`${tree.name}: more than ${MAX_FOLDER_FILES} files or ${MAX_FOLDER_BYTES} bytes`, { file: tree.name, code: 'folder-too-large', params: { files: MAX_FOLDER_FILES, max: MAX_FOLDER_BYTES } });
    }
    const name = root ? file.slice(root.length + 1) : file;
    if (size > MAX_FILE_BYTES) throw tooLargeFile(name, size, MAX_FILE_BYTES);
    const parsed = parseXml(decode(tree.read(file), name), name);
    const tag = Object.keys(parsed).find(key => !key.startsWith('?') && !key.startsWith('#'));
    if (!tag) throw new InputError(`${name}: empty XML file`);
    return { tag, node: parsed[tag] as Node };
  };
  const model = readOne(rootFile);
  if (model.tag !== 'archimate:ArchimateModel') throw new InputError(`${rootFile}: expected <archimate:ArchimateModel>, found <${model.tag}>`);
  const sorted = (folderDir: string) => tree.entries(folderDir).sort((a, b) => a.name.localeCompare(b.name));
  const labelOf = (folderDir: string, fallback: string) => (tree.isFile(under(folderDir, 'folder.xml')) ? (readOne(under(folderDir, 'folder.xml')).node['@_name'] ?? fallback) : fallback);

  const walk = (folderDir: string, path: string[]) => {
    for (const entry of sorted(folderDir)) {
      const full = under(folderDir, entry.name);
      if (entry.folder) {
        walk(full, [...path, labelOf(full, entry.name)]);
      } else if (entry.name.endsWith('.xml') && entry.name !== 'folder.xml') {
        const { tag, node } = readOne(full);
        if (DIAGRAM_TYPES.test(tag)) {
          views++;
          if (/ArchimateDiagramModel$/.test(tag)) diagrams.push(archiView(node, path));
          continue;
        }
        const concept = nativeConcept({ ...node, '@_xsi:type': tag }, path, root ? full.slice(root.length + 1) : full);
        if (!concept) continue;
        if ('source' in concept) relationships.push(concept);
        else elements.push(concept);
      }
    }
  };
  for (const entry of sorted(root)) {
    if (!entry.folder) continue;
    const folderDir = under(root, entry.name);
    walk(folderDir, [labelOf(folderDir, entry.name)]);
  }
  const docs = model.node['@_purpose'];
  return {
    format: 'coarchi', id: normaliseId(model.node['@_id'] ?? 'model'), name: model.node['@_name'] ?? '', ...(docs ? { documentation: docs } : {}),
    properties: nativeProperties(list(model.node.properties)),
    elements, relationships, views, diagrams, warnings: [],
  };
}
