// The GEMMA reference model (VNG Realisatie, coArchi folder or AMEFF export) as the shared catalogue
// every organisation's applications map onto: reference components, business functions, application
// services and their relations, under the one source `gemma`. A newer release replaces the previous
// one; applications' mappings survive it, also when a component is renamed (same GEMMA id).
import type { Driver } from 'neo4j-driver';
import type { Progress } from './import.js';
import { query } from '../server/queries.js';
import { type Reresolved, dependentRows, reresolveDependents } from './catalogue-reresolve.js';
import { CATALOGUE_SOURCE } from './load.js';
import { type ArchimateImportReport, importMappedLandscape } from './sources/archimate/import.js';
import { mapModel } from './sources/archimate/map.js';
import { type ArchimateInput, readArchimate } from './sources/archimate/read.js';

export const GEMMA_SOURCE = CATALOGUE_SOURCE;

export type GemmaImportReport = ArchimateImportReport & { release?: string; referenceComponents: number; businessFunctions: number; applicationServices: number; renamed: number;
  /** Per source, the application rows re-resolved because the release renamed components they name. */
  reresolved: Reresolved };

/** Loads a GEMMA release (a coArchi folder such as GEMMA-Archi-repository, or its AMEFF export). */
export async function importGemma(driver: Driver, input: ArchimateInput, options: { user?: string; dryRun?: boolean; fileName?: string; allowRemovals?: boolean; maxRemovalShare?: number; onProgress?: (progress: Progress) => void } = {}): Promise<GemmaImportReport> {
  const started = Date.now();
  const model = readArchimate(input, options.fileName);
  // No organisation: GEMMA's own application components (national facilities) stay generic elements.
  const { landscape, report } = mapModel(model, { scope: GEMMA_SOURCE });
  const release = model.properties.find(p => p.key === 'Release')?.value;
  let renamed = 0;
  let reresolved: Reresolved = [];
  const result = await importMappedLandscape(driver, landscape, report, {
    source: GEMMA_SOURCE, user: options.user, dryRun: options.dryRun, started, onProgress: options.onProgress, allowRemovals: options.allowRemovals, maxRemovalShare: options.maxRemovalShare,
    files: [typeof input === 'string' ? input : (options.fileName ?? 'upload')],
    afterLoad: async (tx, { stamp }) => {
      const [mark, ...move] = query('archimate/remap-reference-components').statements;
      renamed = Number((await tx.run(mark, { stamp })).records[0]?.get('renamed') ?? 0);
      // Which sources' rows name a renamed component: read before their links move.
      const dependents = renamed > 0 ? await dependentRows(tx, stamp) : new Map();
      for (const statement of move) await tx.run(statement, { stamp });
      reresolved = dependents.size > 0 ? await reresolveDependents(tx, dependents, { user: options.user }) : [];
    },
  });
  return {
    ...result, release, renamed, reresolved,
    referenceComponents: report.mapped.ReferenceComponent ?? 0,
    businessFunctions: report.mapped.BusinessFunction ?? 0,
    applicationServices: model.elements.filter(e => e.type === 'ApplicationService').length,
  };
}

export { type ResolvedReference, resolveLandscapeReferences, resolveReferenceComponents } from './catalogue.js';
