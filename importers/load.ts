// Landscape → graph. transform() is pure (nodes and relationships as plain rows); load() writes
// them inside the caller's transaction with batched UNWIND queries from cypher/load/.
import { createHash } from 'node:crypto';
import neo4j, { type ManagedTransaction, type QueryResult, type Transaction } from 'neo4j-driver';
import { query } from '../server/queries.js';
import { type Landscape, slug, uid } from './model.js';
import { isOpenStandard } from './open-standards.js';

export const NODE_LABELS = ['Organisation', 'Supplier', 'SupplierGroup', 'Platform', 'Application', 'Interface', 'Contract', 'ReferenceComponent', 'BusinessFunction', 'Standard', 'Element'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];
export const RELATIONSHIP_TYPES = [
  'USES', 'SUPPLIES', 'PART_OF', 'PROVIDES', 'RUNS_ON', 'REALISES', 'SUPPORTS', 'IMPLEMENTS',
  'FROM', 'TO', 'VIA', 'USES_STANDARD', 'DEPENDS_ON', 'HOLDS', 'WITH', 'COVERS', 'RELATES_TO',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

type Value = string | number | boolean | string[] | null;
export type NodeRow = { uid: string; props: Record<string, Value> };
export type RelationshipRow = { from: string; to: string; key: string; props: Record<string, Value> };
export type GraphRows = { nodes: Map<NodeLabel, Map<string, NodeRow>>; relationships: Map<RelationshipType, RelationshipRow[]> };

export type Provenance = { source: string; runId: string };
export type LoadCounts = Record<string, { created: number; updated: number; unchanged: number }>;

/** Landscape → deduplicated node rows per label and relationship rows per type. */
export function transform(landscape: Landscape): GraphRows {
  const nodes = new Map<NodeLabel, Map<string, NodeRow>>(NODE_LABELS.map(label => [label, new Map()]));
  const relationships = new Map<RelationshipType, RelationshipRow[]>(RELATIONSHIP_TYPES.map(type => [type, []]));
  const node = (label: NodeLabel, key: string, props: Record<string, Value>) => {
    const existing = nodes.get(label)!.get(key);
    nodes.get(label)!.set(key, { uid: key, props: existing ? { ...existing.props, ...props } : props });
    return key;
  };
  const rel = (type: RelationshipType, from: string, to: string, props: Record<string, Value> = {}, key = '') =>
    relationships.get(type)!.push({ from, to, key, props });
  const organisation = (id: string) => node('Organisation', uid.organisation(id), { id, name: id });
  const named = (label: 'ReferenceComponent' | 'BusinessFunction', make: (name: string) => string, name: string) =>
    nodes.get(label)!.get(make(name)) ? make(name) : node(label, make(name), { name });
  const standard = (name: string) => node('Standard', uid.standard(name), { name, open: isOpenStandard(name) });

  for (const s of landscape.suppliers) {
    const key = node('Supplier', uid.supplier(s.id), { id: s.id, name: s.name, normalizedName: normalizeSupplierName(s.name), country: s.country ?? null, group: s.group ?? null, ...extra(s.extra) });
    if (s.group) rel('PART_OF', key, node('SupplierGroup', uid.supplierGroup(s.group), { name: s.group }));
  }
  for (const p of landscape.platforms) {
    const key = node('Platform', uid.platform(p.id), { id: p.id, name: p.name, type: p.type, jurisdiction: p.jurisdiction, ...extra(p.extra) });
    if (p.supplier) rel('PROVIDES', uid.supplier(p.supplier), key);
    if (p.runsOn) rel('RUNS_ON', key, uid.platform(p.runsOn));
  }
  for (const a of landscape.applications) {
    const key = node('Application', uid.application(a.organisation, a.id), {
      id: a.id, organisation: a.organisation, name: a.name, criticality: a.criticality, personalData: a.personalData, ...extra(a.extra),
    });
    rel('USES', organisation(a.organisation), key);
    if (a.supplier) rel('SUPPLIES', uid.supplier(a.supplier), key);
    if (a.platform) rel('RUNS_ON', key, uid.platform(a.platform));
    for (const name of a.referenceComponents) rel('REALISES', key, named('ReferenceComponent', uid.referenceComponent, name));
    for (const name of a.businessFunctions) rel('SUPPORTS', key, named('BusinessFunction', uid.businessFunction, name));
    for (const name of a.openStandards) rel('IMPLEMENTS', key, standard(name));
  }
  for (const i of landscape.interfaces) {
    const key = node('Interface', uid.interface(i.organisation, i.id), {
      id: i.id, organisation: i.organisation, name: i.id, standard: i.standard ?? null, openStandard: i.standard ? isOpenStandard(i.standard) : false, ...extra(i.extra),
    });
    organisation(i.organisation);
    const from = uid.application(i.organisation, i.from);
    const to = uid.application(i.organisation, i.to);
    rel('FROM', key, from);
    rel('TO', key, to);
    if (i.standard) rel('USES_STANDARD', key, standard(i.standard));
    // Dependency semantics: `to` depends on `from`; both ends depend on an intermediary.
    rel('DEPENDS_ON', to, from, { interface: key, kind: 'flow' }, `${key}:flow`);
    if (i.via) {
      const via = uid.application(i.organisation, i.via);
      rel('VIA', key, via);
      rel('DEPENDS_ON', from, via, { interface: key, kind: 'via' }, `${key}:via-from`);
      rel('DEPENDS_ON', to, via, { interface: key, kind: 'via' }, `${key}:via-to`);
    }
  }
  for (const c of landscape.contracts) {
    const key = node('Contract', uid.contract(c.organisation, c.id), {
      id: c.id, organisation: c.organisation, name: c.id, start: c.start ?? null, end: c.end, noticeMonths: c.noticeMonths,
      autoRenew: c.autoRenew, annualValue: c.annualValue, exitPlan: c.exitPlan, dataPortability: c.dataPortability, ...extra(c.extra),
    });
    rel('HOLDS', organisation(c.organisation), key);
    rel('WITH', key, uid.supplier(c.supplier));
    for (const application of c.applications) rel('COVERS', key, uid.application(c.organisation, application));
  }
  // ArchiMate models: every element keeps its identity on the node it became (or on a generic
  // Element), every relationship is kept as RELATES_TO in ArchiMate's direction, and the Roer
  // relationships derived from them (links) carry the dependency semantics.
  for (const e of landscape.elements ?? []) {
    const property = (key: string) => e.properties.find(p => p.key === key)?.value ?? null;
    const props = {
      archimateId: e.id, archimateType: e.type, documentation: e.documentation ?? null, archimateProperties: JSON.stringify(e.properties),
      archimateFolder: e.folder.join('/'), gemmaId: property('Object ID'), gemmaType: property('GEMMA type'),
    };
    if (e.label) {
      node(e.label, e.uid, { ...(e.label === 'Element' ? { id: e.id, organisation: e.organisation ?? null } : {}), name: e.name, ...props });
      continue;
    }
    const label = NODE_LABELS.find(candidate => nodes.get(candidate)!.has(e.uid));
    if (!label) throw new Error(`Element ${e.id} refers to node ${e.uid}, which the landscape does not contain`);
    node(label, e.uid, props);
  }
  for (const r of landscape.relations ?? []) {
    rel('RELATES_TO', r.from, r.to, {
      archimateId: r.id, archimateType: r.type, name: r.name, documentation: r.documentation ?? null, accessType: r.accessType ?? null,
      archimateProperties: JSON.stringify(r.properties),
    }, r.id);
  }
  for (const l of landscape.links ?? []) {
    // A dependency per model relationship (like one per interface); other facts are one edge however often asserted.
    if (l.type === 'DEPENDS_ON') rel(l.type, l.from, l.to, { kind: l.kind ?? null, relation: l.relation ?? null }, `relation:${l.relation ?? ''}:${l.kind ?? ''}`);
    else rel(l.type, l.from, l.to);
  }
  return { nodes, relationships };
}

/** Supplier names as they are matched: case, spacing, legal forms and `&amp;` do not count. */
export function normalizeSupplierName(name: string): string {
  return name
    .replace(/&amp;/gi, '&')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(b\.?\s?v\.?|n\.?\s?v\.?|v\.?\s?o\.?\s?f\.?|ltd\.?|limited|gmbh|inc\.?|llc|plc|s\.?a\.?|ag|holding)(?=\s|$|,)/g, ' ')
    .replace(/[^a-z0-9&]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const extra = (values: Record<string, string | number | boolean>) =>
  Object.fromEntries(Object.entries(values).map(([key, value]) => [`extra_${slug(key).replace(/-/g, '_')}`, value]));

const BATCH = 5000;
const DATE_PROPS = new Set(['start', 'end']);
const INTEGER_PROPS = new Set(['noticeMonths']);

/**
 * What a load wrote, per label (created / updated / unchanged), and how many nodes and relationships
 * carried an earlier stamp of this source (`reasserted`) or got this run's stamp (`stamped`).
 */
export type LoadResult = { counts: LoadCounts; reasserted: number; stamped: number };

/** A transaction, or anything that runs the load's queries in transactions of its own (import.ts). */
export type QueryRunner = Pick<Transaction | ManagedTransaction, 'run'> | { run(text: string, params: Record<string, unknown>): Promise<QueryResult> };

/**
 * Writes the rows through `tx`; every node and relationship is stamped with source and run.
 * `staged`: the queries are committed in several transactions, so what existed keeps an undo record
 * (see cypher/import/rollback.cypher).
 */
export async function load(
  tx: QueryRunner,
  rows: GraphRows,
  provenance: Provenance,
  onProgress: (done: number) => void = () => {},
  options: { staged?: boolean } = {},
): Promise<LoadResult> {
  const stampParams = { runId: provenance.runId, sourcePrefix: `${provenance.source}#`, stamp: `${provenance.source}#${provenance.runId}`, staged: options.staged ?? false };
  const counts: LoadCounts = {};
  let reasserted = 0;
  let stamped = 0;
  let done = 0;
  for (const [label, byUid] of rows.nodes) {
    const all = [...byUid.values()];
    const count = (counts[label] = { created: 0, updated: 0, unchanged: 0 });
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH).map(row => ({ uid: row.uid, hash: hash(row.props), props: toNeo4j(row.props) }));
      const record = (await tx.run(query('load/nodes').text, { rows: batch, label, ...stampParams })).records[0];
      count.created += toNumber(record.get('created'));
      count.updated += toNumber(record.get('updated'));
      count.unchanged += toNumber(record.get('unchanged'));
      reasserted += toNumber(record.get('reasserted'));
      stamped += toNumber(record.get('stamped'));
      onProgress((done += batch.length));
    }
  }
  for (const [type, all] of rows.relationships) {
    for (let i = 0; i < all.length; i += BATCH) {
      const batch = all.slice(i, i + BATCH).map(row => ({ ...row, props: toNeo4j(row.props) }));
      const record = (await tx.run(relationshipQuery(type), { rows: batch, ...stampParams })).records[0];
      const loaded = toNumber(record.get('loaded'));
      // Validation guarantees both ends exist; a shortfall means a bug, and the import is rolled back.
      if (loaded !== batch.length) throw new Error(`Loading ${type}: ${batch.length - loaded} of ${batch.length} relationships had a missing end node`);
      reasserted += toNumber(record.get('reasserted'));
      stamped += toNumber(record.get('stamped'));
      onProgress((done += batch.length));
    }
  }
  return { counts, reasserted, stamped };
}

/**
 * The relationship load query with its type written in. Neo4j 5.26 plans a MERGE on a dynamic type
 * `[r:$($type)]` as a scan of all relationships per row (measured: a municipality took a minute),
 * so the type is substituted from the fixed list above — never from input.
 */
function relationshipQuery(type: RelationshipType): string {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) throw new Error(`Unknown relationship type ${type}`);
  const text = query('load/relationships').text;
  return (KEYED_TYPES.has(type) ? text : text.replace(' {key: row.key}', '')).replaceAll('$($type)', type);
}

/** The relationship types that can hold several facts between the same two nodes, told apart by `key`. */
const KEYED_TYPES = new Set<RelationshipType>(['DEPENDS_ON', 'RELATES_TO']);

export type RemovedCounts = Record<string, number>;

/**
 * Whether anything this source asserted before can have become stale. The previous successful run
 * left `previouslyAsserted` nodes and relationships stamped (null: not counted, so unknown). If this
 * run re-stamped that many of them, it re-asserted every one and there is nothing to look for:
 * the cleanup then skips its scan of the whole graph, which at country scale took most of a minute.
 */
export function mayHaveStale(previouslyAsserted: number | null | undefined, reasserted: number): boolean {
  if (previouslyAsserted === undefined) return false; // the source never ran: nothing of it exists
  return previouslyAsserted === null || reasserted < previouslyAsserted;
}

/** How many nodes and relationships the latest successful run of `source` left stamped (see mayHaveStale). */
export async function previouslyAsserted(tx: Transaction | ManagedTransaction, source: string): Promise<number | null | undefined> {
  const [record] = (await tx.run(query('import/previous-run').text, { source })).records;
  if (!record) return undefined;
  const asserted = record.get('asserted');
  return asserted === null ? null : toNumber(asserted);
}

/**
 * Removes what this source asserted in earlier runs and not in this one. With `counted` (the
 * previous run's total and how many of those this run re-stamped) it skips its scan when nothing can
 * be stale (mayHaveStale); without, it always looks (a source deletion, a run whose total is unknown).
 */
export async function cleanup(
  tx: Transaction | ManagedTransaction,
  provenance: Provenance,
  counted?: { previouslyAsserted: number | null | undefined; reasserted: number },
): Promise<RemovedCounts> {
  if (counted && !mayHaveStale(counted.previouslyAsserted, counted.reasserted)) return {};
  const params = { sourcePrefix: `${provenance.source}#`, stamp: `${provenance.source}#${provenance.runId}` };
  const removed: RemovedCounts = {};
  for (const record of (await tx.run(query('cleanup/stale-relationships').text, params)).records) {
    removed[record.get('type')] = toNumber(record.get('removed'));
  }
  for (const record of (await tx.run(query('cleanup/stale-nodes').text, params)).records) {
    removed[record.get('label')] = toNumber(record.get('removed'));
  }
  return removed;
}

export const rowCount = (rows: GraphRows) =>
  [...rows.nodes.values()].reduce((sum, byUid) => sum + byUid.size, 0) + [...rows.relationships.values()].reduce((sum, all) => sum + all.length, 0);

function hash(props: Record<string, Value>): string {
  const sorted = Object.keys(props).sort().map(key => [key, props[key]]);
  return createHash('sha1').update(JSON.stringify(sorted)).digest('base64');
}

/** Dates as Neo4j dates, whole numbers as Neo4j integers (JS numbers travel as floats). */
function toNeo4j(props: Record<string, Value>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === null) out[key] = null;
    else if (DATE_PROPS.has(key) && typeof value === 'string') {
      const [year, month, day] = value.split('-').map(Number);
      out[key] = new neo4j.types.Date(year, month, day);
    } else if (INTEGER_PROPS.has(key) && typeof value === 'number') out[key] = neo4j.int(value);
    else out[key] = value;
  }
  return out;
}

const toNumber = (value: unknown) => (neo4j.isInt(value as never) ? (value as { toNumber(): number }).toNumber() : Number(value));
