// Landscape → graph. transform() is pure (nodes and relationships as plain rows); load() writes
// them through the caller's transaction (or runner) with batched UNWIND queries from cypher/load/.
import { createHash } from 'node:crypto';
import neo4j, { type ManagedTransaction, type Record as Neo4jRecord, type Transaction } from 'neo4j-driver';
import { stringInterner } from '../server/once.js';
import { query } from '../server/queries.js';
import { type Landscape, TABLES, type TableName, emptyLandscape, slug, uid } from './model.js';
import { isNonEu } from './jurisdiction.js';
import { isOpenStandard } from './open-standards.js';
import { organisationName } from '../server/labels.js';
import type { PlanAhead, Statement } from './plan-ahead.js';

/**
 * The source of the shared catalogue (the GEMMA reference model): the authority on the nodes it
 * asserts. Another source's differing properties on such a node are kept as its claim and reported
 * (data-quality `conflicting-claim`), never written over the catalogue's (load/nodes).
 */
export const CATALOGUE_SOURCE = 'gemma';

export const NODE_LABELS = ['Organisation', 'Supplier', 'SupplierGroup', 'Platform', 'Application', 'Interface', 'Contract', 'ReferenceComponent', 'BusinessFunction', 'Standard', 'Element', 'ReleaseCycle', 'Component'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];
export const RELATIONSHIP_TYPES = [
  'USES', 'SUPPLIES', 'PART_OF', 'PROVIDES', 'RUNS_ON', 'REALISES', 'SUPPORTS', 'IMPLEMENTS',
  'FROM', 'TO', 'VIA', 'USES_STANDARD', 'DEPENDS_ON', 'HOLDS', 'WITH', 'COVERS', 'RELATES_TO', 'CONTAINS',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export type Value = string | number | boolean | string[] | null;
export type NodeRow = { uid: string; props: Record<string, Value> };
export type RelationshipRow = { from: string; to: string; key: string; props: Record<string, Value> };
export type GraphRows = { nodes: Map<NodeLabel, Map<string, NodeRow>>; relationships: Map<RelationshipType, RelationshipRow[]> };

export type Provenance = { source: string; runId: string };
export type LoadCounts = Record<string, { created: number; updated: number; unchanged: number }>;

/** The properties of every relationship that has none: shared, and never changed. */
const NO_PROPS: Record<string, Value> = Object.freeze({});

/**
 * Per group, the jurisdiction its suppliers' rows give it; when they differ, the one outside the EU
 * wins (control decides: one row saying US is enough to know the group answers to US law).
 */
function groupJurisdictionsOf(suppliers: Landscape['suppliers']): Map<string, string> {
  const rank = (j: string) => (isNonEu(j) ? 2 : j === 'EU' ? 1 : 0);
  const result = new Map<string, string>();
  for (const s of suppliers) {
    if (!s.group || !s.groupJurisdiction) continue;
    const key = uid.supplierGroup(s.group);
    const before = result.get(key);
    if (before === undefined || rank(s.groupJurisdiction) > rank(before)) result.set(key, s.groupJurisdiction);
  }
  return result;
}

/** Landscape → deduplicated node rows per label and relationship rows per type. */
export function transform(landscape: Landscape): GraphRows {
  const nodes = new Map<NodeLabel, Map<string, NodeRow>>(NODE_LABELS.map(label => [label, new Map()]));
  const relationships = new Map<RelationshipType, RelationshipRow[]>(RELATIONSHIP_TYPES.map(type => [type, []]));
  // One string per uid: the uids are built anew for every mention, and the country's 2.4 million
  // relationships mention 450,000 nodes.
  const one = stringInterner();
  const node = (label: NodeLabel, key: string, props: Record<string, Value>) => {
    const existing = nodes.get(label)!.get(key);
    const shared = existing?.uid ?? one(key);
    nodes.get(label)!.set(shared, { uid: shared, props: existing ? { ...existing.props, ...props } : props });
    return shared;
  };
  const rel = (type: RelationshipType, from: string, to: string, props: Record<string, Value> = NO_PROPS, key = '') =>
    relationships.get(type)!.push({ from: one(from), to: one(to), key, props });
  // An organisation a row mentions is named by its id made readable ("Gemeente Roerdam"), unless an
  // organisation row of this landscape names it.
  const organisation = (id: string) => (nodes.get('Organisation')!.has(uid.organisation(id)) ? uid.organisation(id) : node('Organisation', uid.organisation(id), { id, name: organisationName(id) }));
  const named = (label: 'ReferenceComponent' | 'BusinessFunction', make: (name: string) => string, name: string) =>
    nodes.get(label)!.get(make(name)) ? make(name) : node(label, make(name), { name });
  const standard = (name: string) => node('Standard', uid.standard(name), { name, open: isOpenStandard(name) });

  for (const o of landscape.organisations ?? []) {
    node('Organisation', uid.organisation(o.id), {
      id: o.id, name: o.name, organisationType: o.type ?? null, cbsCode: o.cbsCode ?? null, oin: o.oin ?? null, kvk: o.kvk ?? null, website: o.website ?? null, ...extra(o.extra),
    });
  }
  const groupJurisdictions = groupJurisdictionsOf(landscape.suppliers);
  for (const s of landscape.suppliers) {
    const key = node('Supplier', uid.supplier(s.id), {
      id: s.id, name: s.name, normalizedName: normalizeSupplierName(s.name), country: s.country ?? null, group: s.group ?? null, groupJurisdiction: s.groupJurisdiction ?? null, ...extra(s.extra),
    });
    if (s.group) rel('PART_OF', key, node('SupplierGroup', uid.supplierGroup(s.group), { name: s.group, jurisdiction: groupJurisdictions.get(uid.supplierGroup(s.group)) ?? null }));
  }
  for (const p of landscape.platforms) {
    const key = node('Platform', uid.platform(p.id), {
      id: p.id, name: p.name, type: p.type, jurisdiction: p.jurisdiction, product: p.product ?? null, version: p.version ?? null, ...extra(p.extra),
    });
    if (p.supplier) rel('PROVIDES', uid.supplier(p.supplier), key);
    if (p.runsOn) rel('RUNS_ON', key, uid.platform(p.runsOn));
  }
  for (const a of landscape.applications) {
    const key = node('Application', uid.application(a.organisation, a.id), {
      id: a.id, organisation: a.organisation, name: a.name, criticality: a.criticality, personalData: a.personalData,
      product: a.product ?? null, version: a.version ?? null, versionStatus: a.versionStatus ?? null, useStart: a.useStart ?? null, useEnd: a.useEnd ?? null,
      hosting: a.hosting ?? null, bbnScore: a.bbnScore ?? null, ibpScore: a.ibpScore ?? null, biv: a.biv ?? null, ...extra(a.extra),
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
      // Only where the model has one: a relationship without a folder hashes as before.
      ...(r.folder?.length ? { archimateFolder: r.folder.join('/') } : {}),
    }, r.id);
  }
  for (const l of landscape.links ?? []) {
    // A dependency per model relationship (like one per interface); other facts are one edge however often asserted.
    if (l.type === 'DEPENDS_ON') rel(l.type, l.from, l.to, { kind: l.kind ?? null, relation: l.relation ?? null }, `relation:${l.relation ?? ''}:${l.kind ?? ''}`);
    else rel(l.type, l.from, l.to);
  }
  // ICT-foto: the release cycles of an endoflife.date file, and the components of an SBOM.
  for (const c of landscape.releaseCycles ?? []) {
    node('ReleaseCycle', uid.releaseCycle(c.product, c.cycle), {
      name: `${c.productNames[1] ?? c.product} ${c.cycle}`, product: c.product, productNames: c.productNames, cycle: c.cycle, releaseDate: c.releaseDate,
      eol: c.eol, eolReached: c.eolReached, support: c.support, latest: c.latest, lts: c.lts,
    });
  }
  for (const c of landscape.components ?? []) {
    const key = node('Component', uid.component(c.target, c.key), { name: c.name, group: c.group, version: c.version, purl: c.purl, publisher: c.publisher });
    rel('CONTAINS', c.target, key);
  }
  return { nodes, relationships };
}

/**
 * The landscape's graph rows a part of a table at a time (PHASE_ROWS rows), each made when the load
 * comes to it, after which the landscape lets go of those rows: the load holds one part's rows, never
 * the whole import's (the country's were 480 MB at once). Tables come in the order their references
 * need (an interface names applications, an application its supplier), and rows mention the nodes of
 * earlier rows with the properties those gave them (an organisation, a standard). A platform may run
 * on any other platform, so the platforms load in one phase; and the elements of an ArchiMate model
 * add to nodes of every table, so a landscape with elements, relations or links is one phase. Takes
 * the landscape over: its tables are emptied as they are made into rows.
 */
export function* tablePhases(landscape: Landscape, phaseRows = PHASE_ROWS): Generator<{ rows: GraphRows; tableRows: number }> {
  const whole = (landscape.elements?.length ?? 0) + (landscape.relations?.length ?? 0) + (landscape.links?.length ?? 0) > 0;
  if (whole) {
    yield { rows: transform(landscape), tableRows: TABLES.reduce((sum, table) => sum + landscape[table].length, 0) };
    return;
  }
  // Organisation rows first: a later phase's mention of an organisation does not rename it.
  if (landscape.organisations?.length) {
    yield { rows: transform({ ...emptyLandscape(), organisations: landscape.organisations }), tableRows: 0 };
    landscape.organisations = [];
  }
  for (const table of TABLES) {
    const rows: unknown[] = landscape[table];
    landscape[table] = [];
    const size = table === 'platforms' ? rows.length : phaseRows;
    while (rows.length > 0) {
      const part = rows.splice(0, size);
      yield { rows: transform({ ...emptyLandscape(), [table]: part }), tableRows: part.length };
    }
  }
}

/**
 * Table rows per load phase: about 350,000 nodes and relationships of applications or interfaces.
 * With a whole table per phase, the country's load held 264 MB live while the interfaces loaded.
 */
const PHASE_ROWS = 50_000;

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
const UID_BATCH = 50_000;
const DATE_PROPS = new Set(['start', 'end', 'useStart', 'useEnd']);
const INTEGER_PROPS = new Set(['noticeMonths', 'bbnScore', 'ibpScore']);

/**
 * What a load wrote, per label (created / updated / unchanged), how many nodes and relationships
 * carried an earlier stamp of this source (`reasserted`) or got this run's stamp (`stamped`), and the
 * other sources whose nodes or relationships it gave other properties (`overwrote`, sorted), and in a
 * staged load the rows left for the last transaction (`deferred`; empty otherwise).
 */
export type LoadResult = { counts: LoadCounts; reasserted: number; stamped: number; overwrote: string[]; deferred: GraphRows };

/** A transaction, or anything that runs the load's queries in transactions of its own (import.ts). */
export type QueryRunner = { run(text: string, params: Record<string, unknown>): PromiseLike<{ records: Neo4jRecord[] }> };

export type LoadOptions = {
  /**
   * The queries are committed in several transactions (runStaged in import.ts), and readers must not
   * see the load before its last transaction: new nodes are created `Staged` (without their label),
   * what exists is only stamped when nothing else about it changes, and every other row comes back
   * in `deferred` for the last transaction to write.
   */
  staged?: boolean;
  /** How many batches of one label or type run at once: more than 1 only for a runner whose every run is a transaction of its own. */
  lanes?: number;
  /** Gets each phase's statements before they run, to have Neo4j plan them meanwhile (plan-ahead.ts). */
  ahead?: PlanAhead;
};

/**
 * Writes the rows through `tx`, phase after phase (tablePhases; one phase: `[rows]`); every node and
 * relationship is stamped with source and run. New nodes are created together with the relationships
 * they anchor (load/new-nodes); what exists already, and relationships between existing nodes, are
 * merged (load/nodes, load/relationships). `onProgress` gets the nodes and relationships written so far.
 */
export async function load(
  tx: QueryRunner,
  phases: Iterable<GraphRows>,
  provenance: Provenance,
  onProgress: (done: number) => void = () => {},
  options: LoadOptions = {},
): Promise<LoadResult> {
  const staged = options.staged ?? false;
  const stampParams = { runId: provenance.runId, source: provenance.source, sourcePrefix: `${provenance.source}#`, stamp: `${provenance.source}#${provenance.runId}`, cataloguePrefix: `${CATALOGUE_SOURCE}#`, catalogueSource: CATALOGUE_SOURCE };
  const lanes = options.lanes ?? 1;
  const deferred = emptyRows();
  const counts: LoadCounts = {};
  let reasserted = 0;
  let stamped = 0;
  const overwrote = new Set<string>();
  let done = 0;
  const progressed = (count: number) => onProgress((done += count));
  // The first import into an empty database has nothing to look up (the country's 440,000 uids took
  // 3.7–8.6 s); asked once, since the load's own first phase makes the database non-empty.
  const wasEmpty = toNumber((await tx.run(query('load/entity-count').text, {})).records[0].get('nodes')) === 0;
  const earlier: Written = new Map();
  for (const rows of phases) {
    const plan = planLoad(rows, wasEmpty ? new Set() : await existingNodes(tx, rows, earlier), earlier);
    for (const label of rows.nodes.keys()) counts[label] ??= { created: 0, updated: 0, unchanged: 0 };
    const result = await loadPlan(tx, plan, { counts, lanes, stampParams, progressed, overwrote, deferred: staged ? deferred : null, ahead: options.ahead });
    reasserted += result.reasserted;
    stamped += result.stamped;
    for (const byUid of plan.merged.nodes.values()) for (const key of byUid.keys()) earlier.set(key, false);
    for (const group of plan.created) for (const row of group.rows) earlier.set(row.uid, true);
  }
  return { counts, reasserted, stamped, overwrote: [...overwrote].sort(), deferred };
}

const emptyRows = (): GraphRows => ({ nodes: new Map(), relationships: new Map() });

/** Whether a load left rows for the last transaction (see LoadOptions.staged). */
export const hasRows = (rows: GraphRows) => rowCount(rows) > 0;

/** The nodes earlier phases of a load wrote: uid → whether the load created it. */
export type Written = Map<string, boolean>;

/**
 * One statement of a load and its batches: `rows` makes a batch's rows parameter, `loaded` takes its
 * record. The statement runs with `{ rows, ...params }`.
 */
type Part<T> = { text: string; params: Record<string, unknown>; batches: T[][]; rows: (batch: T[]) => unknown[]; loaded: (batch: T[], record: Neo4jRecord) => void };
const part = <T>(p: Part<T>): Part<unknown> => p as Part<unknown>;

/**
 * One phase's writes: merged nodes, new nodes with what they anchor, relationships between new nodes,
 * merged relationships. `ahead` gets every batch's statement first (plan-ahead.ts): Neo4j plans a
 * statement per text and per size of its list parameters (powers of ten), so each batch's rows are
 * stood in for by as many empty maps.
 */
async function loadPlan(
  tx: QueryRunner,
  plan: LoadPlan,
  { counts, lanes, stampParams, progressed, overwrote, deferred, ahead }: {
    counts: LoadCounts; lanes: number; stampParams: Record<string, unknown>; progressed: (count: number) => void; overwrote: Set<string>;
    /** Staged: where the rows that would change what readers see go. */
    deferred: GraphRows | null;
    ahead?: PlanAhead;
  },
): Promise<{ reasserted: number; stamped: number }> {
  const noteOverwritten = (record: Neo4jRecord) => {
    for (const sources of record.get('overwrote') as string[][]) for (const source of sources) overwrote.add(source);
  };
  let reasserted = 0;
  let stamped = 0;
  const parts: Part<unknown>[] = [];

  for (const [label, byUid] of plan.merged.nodes) {
    const count = counts[label];
    parts.push(part<NodeRow>({
      text: query(deferred ? 'load/nodes-staged' : 'load/nodes').text,
      params: { label, ...stampParams },
      batches: batchesOf([...byUid.values()], () => 1),
      rows: batch => batch.map(row => ({ uid: row.uid, hash: hash(row.props), props: toNeo4j(row.props) })),
      loaded: (batch, record) => {
        if (deferred) {
          count.unchanged += toNumber(record.get('unchanged'));
          const later = deferred.nodes.get(label) ?? deferred.nodes.set(label, new Map()).get(label)!;
          for (const key of record.get('deferred') as string[]) later.set(key, byUid.get(key)!);
        } else {
          count.created += toNumber(record.get('created'));
          count.updated += toNumber(record.get('updated'));
          count.unchanged += toNumber(record.get('unchanged'));
          noteOverwritten(record);
        }
        reasserted += toNumber(record.get('reasserted'));
        stamped += toNumber(record.get('stamped'));
        progressed(batch.length);
      },
    }));
  }

  for (const group of plan.created) {
    const weight = (index: number) => 1 + group.start[index + 1] - group.start[index];
    parts.push(part<number>({
      text: newNodesQuery(group, deferred !== null),
      params: stampParams,
      batches: batchesOf(group.rows.map((_, index) => index), weight),
      rows: batch => batch.map(index => {
        const row = group.rows[index];
        const rels = relsOf(group, index).map((list, block) => list.map(rel => newRelationshipParams(rel, group.blocks[block])));
        return { uid: row.uid, hash: hash(row.props), props: toNeo4j(row.props), rels };
      }),
      loaded: (batch, record) => {
        const expected = batch.reduce((sum, index) => sum + weight(index) - 1, 0);
        const made = toNumber(record.get('relationships'));
        // Validation guarantees the other ends exist; a shortfall means a bug, and the import is rolled back.
        if (made !== expected) throw new Error(`Loading new ${group.label} nodes: ${expected - made} of ${expected} relationships had a missing end node`);
        counts[group.label].created += toNumber(record.get('created'));
        stamped += batch.length + made;
        progressed(batch.length + made);
      },
    }));
  }

  for (const [type, all] of plan.createdBetween) {
    parts.push(part<RelationshipRow>({
      text: newRelationshipsQuery(type),
      params: stampParams,
      batches: batchesOf(all, () => 1),
      rows: batch => batch.map(row => ({ from: row.from, to: row.to, props: createdProps(type, row) })),
      loaded: (batch, record) => {
        const loaded = toNumber(record.get('loaded'));
        if (loaded !== batch.length) throw new Error(`Loading new ${type}: ${batch.length - loaded} of ${batch.length} relationships had a missing end node`);
        stamped += loaded;
        progressed(loaded);
      },
    }));
  }

  for (const [type, all] of plan.merged.relationships) {
    parts.push(part<RelationshipRow>({
      text: relationshipQuery(type, deferred !== null),
      params: stampParams,
      batches: batchesOf(all, () => 1),
      rows: batch => batch.map((row, i) => ({ ...row, props: toNeo4j(row.props), i })),
      loaded: (batch, record) => {
        const loaded = toNumber(record.get('loaded'));
        // Validation guarantees both ends exist; a shortfall means a bug, and the import is rolled back.
        if (loaded !== batch.length) throw new Error(`Loading ${type}: ${batch.length - loaded} of ${batch.length} relationships had a missing end node`);
        reasserted += toNumber(record.get('reasserted'));
        stamped += toNumber(record.get('stamped'));
        if (deferred) {
          const later = deferred.relationships.get(type) ?? deferred.relationships.set(type, []).get(type)!;
          for (const index of record.get('deferred') as number[]) later.push(batch[index]);
        } else noteOverwritten(record);
        progressed(batch.length);
      },
    }));
  }

  ahead?.(parts.flatMap(({ text, params, batches }) => batches.map(batch => ({ text, params: { rows: standIns(batch.length), ...params } }))));
  for (const { text, params, batches, rows, loaded } of parts) {
    await inLanes(batches, lanes, async batch => loaded(batch, (await tx.run(text, { rows: rows(batch), ...params })).records[0]));
  }
  return { reasserted, stamped };
}

/** A batch's rows as Neo4j plans them: only how many, and that they are maps. */
const STAND_IN = Object.freeze({});
const standIns = (count: number) => new Array<object>(count).fill(STAND_IN);

/**
 * The order new nodes are created in. Catalogue nodes come first, so that an application, interface
 * or contract is created with its relationships to them (a row then carries a handful of
 * relationships, not a standard with a hundred thousand).
 */
const CREATE_ORDER: readonly NodeLabel[] = ['Organisation', 'Supplier', 'SupplierGroup', 'Platform', 'ReferenceComponent', 'BusinessFunction', 'Standard', 'Element', 'Application', 'Interface', 'Contract', 'ReleaseCycle', 'Component'];

/**
 * New nodes of one label, and the relationships they anchor: those of `rows[i]` are
 * `anchored[start[i]]` up to `anchored[start[i + 1]]`, each of the type and direction `blocks[blockOf[k]]`
 * (relsOf gives them per block). Flat arrays, not a list per node and block: the country's 450,000
 * new nodes with a list for each of their blocks took 500 MB.
 */
export type NewNodes = {
  label: NodeLabel;
  blocks: { type: RelationshipType; outgoing: boolean }[];
  rows: NodeRow[];
  anchored: RelationshipRow[];
  blockOf: Uint8Array;
  start: Uint32Array;
};
/**
 * What the load merges (nodes that exist, relationships between them), what it creates with new
 * nodes, and the relationships it creates between nodes once all exist (`createdBetween`).
 */
export type LoadPlan = { merged: GraphRows; created: NewNodes[]; createdBetween: Map<RelationshipType, RelationshipRow[]> };

/** The relationships `group.rows[index]` anchors, one list per block. */
export function relsOf(group: NewNodes, index: number): RelationshipRow[][] {
  const lists = group.blocks.map((): RelationshipRow[] => []);
  for (let k = group.start[index]; k < group.start[index + 1]; k++) lists[group.blockOf[k]].push(group.anchored[k]);
  return lists;
}

/**
 * Splits the rows by whether their node exists (`existing`: uids with a node). A relationship is
 * anchored on a new end: the one created later (CREATE_ORDER) when both are new. Relationships
 * between two existing nodes are merged, and between two new nodes of one label created, after all
 * nodes exist. The same relationship asserted twice is one relationship (the later properties win,
 * as MERGE did). Runs once per phase over every row (2.4 million relationships for the country):
 * one map lookup per end, no string built per relationship where it can be helped.
 * `earlier`: what earlier phases of the load wrote. Those nodes are not written again, and a
 * relationship with an end an earlier phase created cannot exist yet: it is created too.
 */
export function planLoad(rows: GraphRows, existing: Set<string>, earlier: Written = new Map()): LoadPlan {
  // Per uid: the rank of its label, and its index among the new nodes of that label if it is created
  // (a node given two labels is merged: MERGE adds the second label to the node the first created).
  const ends = new Map<string, { rank: number; index?: number }>();
  const created = CREATE_ORDER.map(label => ({ label, blocks: [] as NewNodes['blocks'], rows: [] as NodeRow[], rels: [] as RelationshipRow[], anchors: [] as number[], blocksOf: [] as number[] }));
  const merged: GraphRows = { nodes: new Map(), relationships: new Map() };
  const createdBetween = new Map<RelationshipType, RelationshipRow[]>();
  const severalLabels = new Set<string>();
  for (const byUid of rows.nodes.values()) {
    for (const key of byUid.keys()) if (ends.has(key)) severalLabels.add(key); else if (!earlier.has(key)) ends.set(key, { rank: -1 });
  }
  for (const [label, byUid] of rows.nodes) {
    const rank = CREATE_ORDER.indexOf(label);
    const kept = new Map<string, NodeRow>();
    for (const row of byUid.values()) {
      const end = ends.get(row.uid);
      if (!end) continue; // written by an earlier phase
      if (end.rank >= 0) kept.set(row.uid, row); // its second label
      else if (existing.has(row.uid) || severalLabels.has(row.uid)) {
        end.rank = rank;
        kept.set(row.uid, row);
      } else {
        end.rank = rank;
        end.index = created[rank].rows.push(row) - 1;
      }
    }
    merged.nodes.set(label, kept);
  }

  for (const [type, all] of rows.relationships) {
    // The block of this type per rank of the anchor: [incoming, outgoing].
    const blockOf = CREATE_ORDER.map(() => [-1, -1]);
    const between = new Map<string, RelationshipRow>();
    const rest = new Map<string, RelationshipRow>();
    const once = (into: Map<string, RelationshipRow>, row: RelationshipRow) => {
      const id = `${row.from}\u0000${row.to}\u0000${row.key}`;
      const earlier = into.get(id);
      into.set(id, earlier ? { ...row, props: { ...earlier.props, ...row.props } } : row);
    };
    for (const row of all) {
      const from = ends.get(row.from);
      const to = ends.get(row.to);
      const fromNew = from?.index !== undefined;
      const toNew = to?.index !== undefined;
      if (!fromNew && !toNew) once(earlier.get(row.from) || earlier.get(row.to) ? between : rest, row);
      else if (fromNew && toNew && from.rank === to.rank) once(between, row);
      else {
        const outgoing = fromNew && (!toNew || from.rank > to!.rank);
        const anchor = (outgoing ? from : to)!;
        const group = created[anchor.rank];
        let block = blockOf[anchor.rank][outgoing ? 1 : 0];
        if (block < 0) block = blockOf[anchor.rank][outgoing ? 1 : 0] = group.blocks.push({ type, outgoing }) - 1;
        group.rels.push(row);
        group.anchors.push(anchor.index!);
        group.blocksOf.push(block);
      }
    }
    merged.relationships.set(type, [...rest.values()]);
    createdBetween.set(type, [...between.values()]);
  }
  return { merged, created: created.filter(group => group.rows.length > 0).map(byAnchor), createdBetween };
}

/**
 * A group's anchored relationships ordered by their node (a counting sort; a node keeps the order they
 * came in), with a relationship asserted twice for one node made one (the later properties win).
 */
function byAnchor(group: { label: NodeLabel; blocks: NewNodes['blocks']; rows: NodeRow[]; rels: RelationshipRow[]; anchors: number[]; blocksOf: number[] }): NewNodes {
  if (group.blocks.length > 255) throw new Error(`${group.label}: more relationship types than a plan can hold`);
  const counts = new Uint32Array(group.rows.length + 1);
  for (const anchor of group.anchors) counts[anchor + 1]++;
  for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
  const next = counts.slice(0, group.rows.length);
  const order = new Uint32Array(group.rels.length);
  group.anchors.forEach((anchor, k) => (order[next[anchor]++] = k));
  const anchored: RelationshipRow[] = [];
  const blockOf: number[] = [];
  const start = new Uint32Array(group.rows.length + 1);
  for (let node = 0; node < group.rows.length; node++) {
    start[node] = anchored.length;
    for (let position = counts[node]; position < counts[node + 1]; position++) {
      const k = order[position];
      const row = group.rels[k];
      const block = group.blocksOf[k];
      // A node's relationships are few: a scan finds a repeated one.
      let earlier = -1;
      for (let i = start[node]; i < anchored.length && earlier < 0; i++) {
        if (blockOf[i] === block && anchored[i].from === row.from && anchored[i].to === row.to && anchored[i].key === row.key) earlier = i;
      }
      if (earlier < 0) {
        anchored.push(row);
        blockOf.push(block);
      } else anchored[earlier] = { ...row, props: { ...anchored[earlier].props, ...row.props } };
    }
  }
  start[group.rows.length] = anchored.length;
  return { label: group.label, blocks: group.blocks, rows: group.rows, anchored, blockOf: Uint8Array.from(blockOf), start };
}

/** The other end and the properties of a relationship a new node anchors (load/new-node-relationships). */
function newRelationshipParams(rel: RelationshipRow, block: NewNodes['blocks'][number]) {
  return { uid: block.outgoing ? rel.to : rel.from, props: createdProps(block.type, rel) };
}

/** A created relationship's properties: its `key` among them for the types that have one (load/relationships merges on it). */
export const storedProps = (type: RelationshipType, rel: RelationshipRow) => (KEYED_TYPES.has(type) ? { ...rel.props, key: rel.key } : rel.props);
const createdProps = (type: RelationshipType, rel: RelationshipRow) => toNeo4j(storedProps(type, rel));

/** Which of the rows' nodes, other than those earlier phases wrote, exist already (load/existing-nodes), asked in batches. */
async function existingNodes(tx: QueryRunner, rows: GraphRows, earlier: Written): Promise<Set<string>> {
  const existing = new Set<string>();
  const uids = [...new Set([...rows.nodes.values()].flatMap(byUid => [...byUid.keys()].filter(key => !earlier.has(key))))];
  for (let i = 0; i < uids.length; i += UID_BATCH) {
    for (const record of (await tx.run(query('load/existing-nodes').text, { uids: uids.slice(i, i + UID_BATCH) })).records) existing.add(record.get('uid'));
  }
  return existing;
}

/** Splits rows into batches of about BATCH nodes and relationships (`weight` of a row). */
function batchesOf<T>(rows: T[], weight: (row: T) => number): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const row of rows) {
    if (current.length > 0 && size + weight(row) > BATCH) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(row);
    size += weight(row);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * Runs `work` on every batch, at most `lanes` at a time. The first failure stops the lanes taking
 * more, and is thrown once the batches still running have finished: a rollback must not start while
 * a batch of the run can still commit.
 */
export async function inLanes<T>(batches: T[], lanes: number, work: (batch: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < batches.length) {
      const batch = batches[next++];
      try {
        await work(batch);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(lanes, batches.length)) }, lane));
  const failure = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
}

/**
 * load/new-nodes with the label (`Staged:Staged<label>` in a staged load, see import/promote-staged)
 * and one load/new-node-relationships block per type and direction written in (from the fixed lists).
 */
function newNodesQuery(group: NewNodes, staged: boolean): string {
  if (!(NODE_LABELS as readonly string[]).includes(group.label)) throw new Error(`Unknown label ${group.label}`);
  const blocks = group.blocks.map(({ type, outgoing }, index) => {
    const block = withType(query('load/new-node-relationships').statements[0].replace('$(block)', String(index)), type);
    return outgoing ? block : block.replace(`(n)-[r:${type}]->(other)`, `(n)<-[r:${type}]-(other)`);
  });
  return query('load/new-nodes').text.replaceAll('$($label)', staged ? `Staged:Staged${group.label}` : group.label).replace(/^\/\/ RELATIONSHIPS$/m, blocks.join('\n'));
}

/** import/promote-staged for one label (from the fixed list): the run's staged nodes of that label get it. */
export function promoteQuery(label: NodeLabel): string {
  if (!(NODE_LABELS as readonly string[]).includes(label)) throw new Error(`Unknown label ${label}`);
  return query('import/promote-staged').text.replaceAll('$($label)', label);
}

/**
 * The relationship load query with its type written in. Neo4j 5.26 plans a MERGE on a dynamic type
 * `[r:$($type)]` as a scan of all relationships per row (measured: a municipality took a minute),
 * so the type is substituted from the fixed list above — never from input.
 */
function relationshipQuery(type: RelationshipType, staged: boolean): string {
  // The statement without its comments: the header quotes the pattern that is cut here.
  const text = query(staged ? 'load/relationships-staged' : 'load/relationships').statements[0];
  return withType(KEYED_TYPES.has(type) ? text : text.replaceAll(' {key: row.key}', ''), type);
}

const newRelationshipsQuery = (type: RelationshipType) => withType(query('load/new-relationships').statements[0], type);

/** `text` with `$($type)` replaced by `type`, which must be one of the fixed list. */
function withType(text: string, type: RelationshipType): string {
  if (!(RELATIONSHIP_TYPES as readonly string[]).includes(type)) throw new Error(`Unknown relationship type ${type}`);
  return text.replaceAll('$($type)', type);
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
 * What each table writes (transform above): the nodes it owns, and its relationships as [type, label
 * of the start node]. An import removes stale facts only of the tables it contains; the catalogue
 * nodes tables refer to (organisations, groups, reference components, functions, standards) go when
 * no relationship of the source refers to them any more.
 */
const TABLE_FACTS: Record<TableName, { labels: NodeLabel[]; relationships: [RelationshipType, NodeLabel][] }> = {
  suppliers: { labels: ['Supplier'], relationships: [['PART_OF', 'Supplier']] },
  platforms: { labels: ['Platform'], relationships: [['PROVIDES', 'Supplier'], ['RUNS_ON', 'Platform']] },
  applications: {
    labels: ['Application'],
    relationships: [['USES', 'Organisation'], ['SUPPLIES', 'Supplier'], ['RUNS_ON', 'Application'], ['REALISES', 'Application'], ['SUPPORTS', 'Application'], ['IMPLEMENTS', 'Application']],
  },
  interfaces: { labels: ['Interface'], relationships: [['FROM', 'Interface'], ['TO', 'Interface'], ['VIA', 'Interface'], ['USES_STANDARD', 'Interface'], ['DEPENDS_ON', 'Application']] },
  contracts: { labels: ['Contract'], relationships: [['HOLDS', 'Organisation'], ['WITH', 'Contract'], ['COVERS', 'Contract']] },
};
/** Nodes that tables refer to rather than own: a source asserts them while any of its relationships refers to them. */
export const CATALOGUE_LABELS: NodeLabel[] = ['Organisation', 'SupplierGroup', 'ReferenceComponent', 'BusinessFunction', 'Standard'];

/** The tables an import contains; null: a whole landscape (an ArchiMate model, the demo), whose cleanup covers everything. */
export type CleanupScope = readonly TableName[] | null;

/** The node labels an import of these tables owns (null: all). */
export const scopeLabels = (scope: CleanupScope): NodeLabel[] | null => (scope ? scope.flatMap(table => TABLE_FACTS[table].labels) : null);

/**
 * Removes what this source asserted in earlier runs and not in this one, within `scope`. With
 * `counted` (the previous run's total and how many of those this run re-stamped) it skips its scan
 * when nothing can be stale (mayHaveStale); without, it always looks (a source deletion, a run whose
 * total is unknown). A node that other sources still assert gets back what they assert (stale-claims).
 */
export async function cleanup(
  tx: Transaction | ManagedTransaction,
  provenance: Provenance,
  counted?: { previouslyAsserted: number | null | undefined; reasserted: number },
  scope: CleanupScope = null,
): Promise<RemovedCounts> {
  if (counted && !mayHaveStale(counted.previouslyAsserted, counted.reasserted)) return {};
  const params = {
    source: provenance.source,
    sourcePrefix: `${provenance.source}#`,
    stamp: `${provenance.source}#${provenance.runId}`,
    labels: scopeLabels(scope),
    catalogue: CATALOGUE_LABELS,
    catalogueSource: CATALOGUE_SOURCE,
    relationships: scope ? scope.flatMap(table => TABLE_FACTS[table].relationships) : null,
  };
  const removed: RemovedCounts = {};
  for (const record of (await tx.run(query('cleanup/stale-relationships').text, params)).records) {
    removed[record.get('type')] = toNumber(record.get('removed'));
  }
  for (const record of (await tx.run(query('cleanup/stale-nodes').text, params)).records) {
    removed[record.get('label')] = toNumber(record.get('removed'));
  }
  await tx.run(query('cleanup/stale-claims').text, params);
  return removed;
}

/**
 * A diff's cleanup (importers/diff.ts): the source's stamp comes off the relationships its previous
 * rows asserted and its new rows do not, then off the nodes of removed rows and the catalogue nodes no
 * relationship of the source refers to any more (and no row of the source names: `named`
 * organisations), then claims are rebuilt as after any cleanup. A fact left without stamps is
 * deleted. No scan of the graph: every fact is found by uid. Returns the facts deleted per label and
 * type, and how many facts lost the source's stamp (deleted or not).
 */
export async function removeFacts(
  tx: QueryRunner,
  provenance: Provenance,
  facts: RemovedFacts,
  named: Set<string>,
): Promise<{ removed: RemovedCounts; unstamped: number }> {
  const params = removalParams(provenance);
  const { relationships, nodes } = removalBatches(facts, named);
  const removed: RemovedCounts = {};
  let unstamped = 0;
  for (const rows of relationships) {
    for (const record of (await tx.run(query('cleanup/row-relationships').text, { ...params, rows })).records) {
      unstamped += toNumber(record.get('unstamped'));
      const deleted = toNumber(record.get('removed'));
      if (deleted > 0) removed[record.get('type')] = (removed[record.get('type')] ?? 0) + deleted;
    }
  }
  for (const batch of nodes) {
    // A catalogue node goes only once no relationship of the source is on it: nothing of it dangles there.
    if (batch.some(node => !node.catalogue)) unstamped += toNumber((await tx.run(query('cleanup/row-dangling').text, { ...params, rows: batch })).records[0].get('unstamped'));
    for (const record of (await tx.run(query('cleanup/row-nodes').text, { ...params, rows: batch })).records) {
      unstamped += toNumber(record.get('unstamped'));
      const deleted = toNumber(record.get('removed'));
      if (deleted > 0) removed[record.get('label')] = (removed[record.get('label')] ?? 0) + deleted;
    }
  }
  if (unstamped > 0) await tx.run(query('cleanup/stale-claims').text, params);
  return { removed, unstamped };
}

type RemovedFacts = { relationships: Map<RelationshipType, RelationshipRow[]>; nodes: { uid: string; catalogue: boolean }[] };
const removalParams = (provenance: Provenance) => ({ sourcePrefix: `${provenance.source}#`, source: provenance.source, catalogueSource: CATALOGUE_SOURCE });

/**
 * removeFacts' batches: relationships of every type in one query (the type a parameter: a handful of
 * relationships per type would each pay for planning a query of their own), then the nodes.
 */
function removalBatches(facts: RemovedFacts, named: Set<string>) {
  const rows = [...facts.relationships].flatMap(([type, list]) => list.map(row => ({ type, from: row.from, to: row.to, key: KEYED_TYPES.has(type) ? row.key : null })));
  const nodes = facts.nodes.filter(node => !named.has(node.uid));
  return { relationships: batchesOf(rows, () => 1), nodes: batchesOf(nodes, () => 1) };
}

/** The statements removeFacts may run, with parameters of the types and sizes they run with (plan-ahead.ts). */
export function removalStatements(provenance: Provenance, facts: RemovedFacts, named: Set<string>): Statement[] {
  const params = removalParams(provenance);
  const { relationships, nodes } = removalBatches(facts, named);
  return [
    ...relationships.map(rows => ({ text: query('cleanup/row-relationships').text, params: { ...params, rows: standIns(rows.length) } })),
    ...nodes.flatMap(rows => ['cleanup/row-dangling', 'cleanup/row-nodes'].map(name => ({ text: query(name).text, params: { ...params, rows: standIns(rows.length) } }))),
    { text: query('cleanup/stale-claims').text, params },
  ];
}

export const rowCount = (rows: GraphRows) =>
  [...rows.nodes.values()].reduce((sum, byUid) => sum + byUid.size, 0) + [...rows.relationships.values()].reduce((sum, all) => sum + all.length, 0);

export function hash(props: Record<string, Value>): string {
  const sorted = Object.keys(props).sort().map(key => [key, props[key]]);
  return createHash('sha1').update(JSON.stringify(sorted)).digest('base64');
}

/** How a property is stored in Neo4j: dates as dates, whole numbers as integers (JS numbers travel as floats). */
export type PropertyKind = 'date' | 'long' | 'double' | 'boolean' | 'string' | 'string[]';
export function propertyKind(key: string, value: Exclude<Value, null>): PropertyKind {
  if (Array.isArray(value)) return 'string[]';
  if (typeof value === 'string') return DATE_PROPS.has(key) ? 'date' : 'string';
  if (typeof value === 'number') return INTEGER_PROPS.has(key) ? 'long' : 'double';
  return 'boolean';
}

function toNeo4j(props: Record<string, Value>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    const kind = value === null ? null : propertyKind(key, value);
    if (kind === 'date') {
      const [year, month, day] = (value as string).split('-').map(Number);
      out[key] = new neo4j.types.Date(year, month, day);
    } else if (kind === 'long') out[key] = neo4j.int(value as number);
    else out[key] = value;
  }
  return out;
}

const toNumber = (value: unknown) => (neo4j.isInt(value as never) ? (value as { toNumber(): number }).toNumber() : Number(value));
