// ArchiMate model → graph: read → map → (dry run: stop) → load + cleanup + run record in ONE write
// transaction. Its own pipeline rather than importLandscape because the model's generic elements,
// relationships and derived links are not spreadsheet tables; the load, cleanup and run record are the
// shared ones, so provenance and merge semantics are the same as for CSV/XLSX.
import { randomUUID } from 'node:crypto';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { InputError } from '../../../server/errors.js';
import { database, int, read, write } from '../../../server/neo4j.js';
import { query } from '../../../server/queries.js';
import { type ImportReport, type Progress, modelRecords, recordRunHeadlines, runOwner } from '../../import.js';
import { resolveLandscapeReferences } from '../../catalogue.js';
import { type LoadCounts, type RemovedCounts, CATALOGUE_SOURCE, cleanup, load, normalizeSupplierName, previouslyAsserted, rowCount, transform } from '../../load.js';
import { type RemovalPlan, planRemovals } from '../../removals.js';
import { type Landscape, uid } from '../../model.js';
import { type MapOptions, type MapReport, mapModel } from './map.js';
import { type ArchiModel, type ArchimateInput, readArchimate } from './read.js';
import { isGeneratedView, resolvableViews } from './views.js';

export type ArchimateImportOptions = MapOptions & { source?: string; user?: string; dryRun?: boolean; fileName?: string; allowRemovals?: boolean; maxRemovalShare?: number; onProgress?: (progress: Progress) => void };
export type ArchimateImportReport = MapReport & {
  source: string;
  runId: string | null;
  dryRun: boolean;
  /** created / updated / unchanged per node label, and removed per label and relationship type. */
  graph: { nodes: LoadCounts; removed: RemovedCounts };
  durationMs: number;
  /** What the import removes (a dry run: would remove), as for CSV/XLSX (importers/removals.ts). */
  removals: RemovalPlan;
  /** It would remove more than it may without allowRemovals, so it wrote nothing. */
  confirmationNeeded: boolean;
};

const SOURCE = /^[A-Za-z0-9:._/-]{1,200}$/;

/** A path (file or coArchi folder) or bytes → Landscape plus what was mapped, kept generic or skipped. */
export function readArchimateLandscape(input: ArchimateInput, options: MapOptions & { fileName?: string } = {}): { model: ArchiModel; landscape: Landscape; report: MapReport } {
  const model = readArchimate(input, options.fileName);
  return { model, ...mapModel(model, options) };
}

export async function importArchimate(driver: Driver, input: ArchimateInput, options: ArchimateImportOptions = {}): Promise<ArchimateImportReport & { merges: SupplierMerge[] }> {
  const started = Date.now();
  const { model, landscape, report } = readArchimateLandscape(input, options);
  const source = options.source ?? `archimate:${options.organisation ?? (report.model || 'model')}`.replace(/[^A-Za-z0-9:._/-]+/g, '-');
  if (!SOURCE.test(source)) throw new InputError(`Source name "${source}": expected letters, digits and : . _ / - (no spaces, no #)`);
  const files = [typeof input === 'string' ? input : (options.fileName ?? 'upload')];
  const merges = await mergeKnownSuppliers(driver, landscape, source);
  const elements = new Set((landscape.elements ?? []).map(e => e.id));
  const relations = new Set((landscape.relations ?? []).map(r => r.id));
  // What the views show of the model as it was loaded, before the load takes the landscape's rows over.
  const views = resolvableViews(model.diagrams.filter(view => !isGeneratedView(view)), id => elements.has(id), id => relations.has(id));
  const result = await importMappedLandscape(driver, landscape, report, { ...options, source, files, started });
  if (result.runId) {
    await write(driver, query('archimate/store-model').text, {
      source, organisation: options.organisation ?? null, modelId: model.id, name: model.name, documentation: model.documentation?.replace(/\r\n?/g, '\n') || null,
      properties: JSON.stringify(model.properties), views: JSON.stringify(views),
    });
  }
  return { ...result, merges };
}

export type SupplierMerge = { archimateId: string; name: string; into: string; intoName: string };

/**
 * A supplier other sources already know under the same normalised name ("Acme Software B.V." = "ACME
 * software") becomes that node, as the spreadsheet import does, so lock-in sees one company.
 */
export async function mergeKnownSuppliers(driver: Driver, landscape: Landscape, source: string): Promise<SupplierMerge[]> {
  const byName = new Map(landscape.suppliers.map(s => [normalizeSupplierName(s.name), s]));
  if (byName.size === 0) return [];
  const known = await read<{ id: string; name: string; normalizedName: string }>(driver, query('import/suppliers-by-name').text, {
    names: [...byName.keys()], sourcePrefix: `${source}#`,
  });
  const rekey = new Map<string, string>();
  const merges: SupplierMerge[] = [];
  for (const existing of known) {
    const supplier = byName.get(existing.normalizedName);
    if (!supplier || supplier.id === existing.id || rekey.has(uid.supplier(supplier.id))) continue;
    rekey.set(uid.supplier(supplier.id), uid.supplier(existing.id));
    merges.push({ archimateId: supplier.id, name: supplier.name, into: existing.id, intoName: existing.name });
    supplier.id = existing.id;
  }
  if (rekey.size === 0) return merges;
  const to = (key: string) => rekey.get(key) ?? key;
  for (const e of landscape.elements ?? []) e.uid = to(e.uid);
  for (const r of landscape.relations ?? []) Object.assign(r, { from: to(r.from), to: to(r.to) });
  for (const l of landscape.links ?? []) Object.assign(l, { from: to(l.from), to: to(l.to) });
  for (const c of landscape.contracts) c.supplier = (rekey.get(uid.supplier(c.supplier)) ?? uid.supplier(c.supplier)).slice('supplier:'.length);
  return merges;
}

/** Loads an already mapped landscape (also used by the GEMMA and Softwarecatalogus importers). */
export async function importMappedLandscape<R extends object>(
  driver: Driver,
  landscape: Landscape,
  report: R,
  options: {
    source: string; user?: string; dryRun?: boolean; files: string[]; started?: number; allowRemovals?: boolean; maxRemovalShare?: number;
    /** As the table import's: `done` and `total` count nodes and relationships here (written in one go). */
    onProgress?: (progress: Progress) => void;
    /** Runs in the same transaction after the load and before the cleanup (e.g. GEMMA's rename remapping). */
    afterLoad?: (tx: ManagedTransaction, provenance: { source: string; runId: string; stamp: string }) => Promise<void>;
  },
): Promise<R & { source: string; runId: string | null; dryRun: boolean; graph: { nodes: LoadCounts; removed: RemovedCounts }; durationMs: number; removals: RemovalPlan; confirmationNeeded: boolean; headlines?: ImportReport['headlines'] }> {
  const started = options.started ?? Date.now();
  // Another source's reference components are the catalogue's (importers/catalogue.ts): never a node of an old name.
  if (options.source !== CATALOGUE_SOURCE) await resolveLandscapeReferences(driver, landscape);
  const removals = await planRemovals(driver, landscape, { source: options.source, named: true, scope: null, maxShare: options.maxRemovalShare });
  const rows = transform(landscape);
  const total = rowCount(rows);
  const progress = options.onProgress ?? (() => {});
  const base = { ...report, source: options.source, dryRun: options.dryRun ?? false, removals, confirmationNeeded: false };
  const nothing = { runId: null, graph: { nodes: {}, removed: {} } };
  if (options.dryRun) return { ...base, ...nothing, durationMs: Date.now() - started };
  if (removals.needsConfirmation && !options.allowRemovals) return { ...base, ...nothing, confirmationNeeded: true, durationMs: Date.now() - started };
  const runId = randomUUID();
  // Its table rows' state and diff (importers/history.ts), made before the transaction: the model is
  // written whole every time, but what changed is kept all the same.
  const records = await modelRecords(driver, landscape, { source: options.source, runId, user: options.user });
  const session = driver.session({ database: database() });
  try {
    const graph = await session.executeWrite(async tx => {
      progress({ phase: 'load', done: 0, total });
      const previous = await previouslyAsserted(tx, options.source);
      const { counts: nodes, reasserted, stamped, overwrote } = await load(tx, [rows], { source: options.source, runId });
      progress({ phase: 'cleanup', done: total, total });
      await options.afterLoad?.(tx, { source: options.source, runId, stamp: `${options.source}#${runId}` });
      // afterLoad may stamp more than the load counted: then this run's total is unknown (null) and
      // the cleanup always looks.
      const removed = await cleanup(tx, { source: options.source, runId }, options.afterLoad ? undefined : { previouslyAsserted: previous, reasserted });
      const finishedAt = new Date().toISOString();
      const seq = await records(tx, finishedAt, { created: nodes, removed });
      await tx.run(query('import/record-run').text, {
        runId, source: options.source, startedAt: new Date(started).toISOString(), finishedAt, seq: int(seq),
        user: options.user ?? 'unknown', files: options.files, counts: JSON.stringify({ nodes, removed }), status: 'ok',
        asserted: options.afterLoad ? null : int(stamped), digest: null, stamp: `${options.source}#${runId}`, unchangedSince: null,
        // afterLoad may move other sources' relationships (GEMMA's renames): then which is not known.
        overwrote: options.afterLoad ? null : overwrote,
        removalsConfirmed: Boolean(options.allowRemovals && removals.needsConfirmation), mergedSuppliers: [],
        ...runOwner,
      });
      return { nodes, removed };
    });
    const durationMs = Date.now() - started;
    progress({ phase: 'done', done: total, total });
    const organisations = [...new Set([...landscape.applications, ...landscape.interfaces, ...landscape.contracts].map(row => row.organisation))].sort();
    return { ...base, runId, graph, durationMs, headlines: await recordRunHeadlines(driver, runId, organisations) };
  } finally {
    await session.close();
  }
}
