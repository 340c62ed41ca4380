// The registered analyses: what the API lists at /api/analyses and serves at /api/analyses/:name.
import type { AnalysisDefinition } from './types.js';
import { supplierExposure } from './supplier-exposure.js';
import { lockIn } from './lock-in.js';
import { singlePointsOfFailureAnalysis } from './single-points-of-failure.js';
import { impactAnalysis } from './impact.js';
import { contractCalendar } from './contract-calendar.js';
import { whatIfAnalysis } from './what-if.js';
import { dataQuality } from './data-quality.js';
import { sovereigntyAnalysis } from './sovereignty.js';
import { advisoryAnalysis, outOfSupportAnalysis } from './ict-foto.js';
import { commonGroundAnalysis } from './common-ground.js';
import { weightsCacheKey } from './lock-in.js';
import { today } from './params.js';
import { cached } from './snapshot-cache.js';
import { withOriginal } from '../shared-json.js';

/**
 * Answers are kept per parameters, today's date and the default lock-in weights (stored weights are in
 * the database), for as long as the database is unchanged (snapshot-cache.ts): a dashboard asking the same question again, or fifty
 * users opening the same municipality, costs one version check. Callers get their own rows array.
 * An answer may take at most an eighth of the cache (about 40,000 rows with the default 192 MB):
 * recomputing one from its snapshot takes a few seconds at most, fetching the snapshot again much
 * longer, and country-wide answers of 100,000 rows and more (lock-in, impact and what-if of a large
 * supplier) kept beside the snapshot held the server above 500 MB.
 */
const ANSWER_SHARE = 0.125;

function withResultCache<P extends AnalysisDefinition['params']>(definition: AnalysisDefinition<P>): AnalysisDefinition<P> {
  return {
    ...definition,
    async run(driver, params) {
      const key = `result:${definition.name}:${JSON.stringify([params, today(), weightsCacheKey()])}`;
      const result = await cached(driver, key, () => definition.run(driver, params), answer => 1_000 + 600 * answer.rows.length, { maxShare: ANSWER_SHARE });
      return withOriginal({ ...result, rows: [...result.rows] }, result);
    },
  };
}

/** Without the answer cache: every run computes (on a cached snapshot). The benchmark times these too. */
export const uncachedAnalyses = [supplierExposure, lockIn, singlePointsOfFailureAnalysis, impactAnalysis, contractCalendar, whatIfAnalysis, dataQuality, sovereigntyAnalysis,
  outOfSupportAnalysis, advisoryAnalysis, commonGroundAnalysis] as AnalysisDefinition[];

export const analyses: AnalysisDefinition[] = uncachedAnalyses.map(withResultCache);

export const getAnalysis = (name: string): AnalysisDefinition | undefined => analyses.find(analysis => analysis.name === name);

/** Which cypher/analyses files each analysis runs (the CI test checks every file is used). */
export const analysisQueries: Record<string, string[]> = {
  'supplier-exposure': landscapeQueries(),
  'lock-in': landscapeQueries(),
  'single-points-of-failure': landscapeQueries(),
  impact: landscapeQueries(),
  'contract-calendar': ['contract-calendar', ...landscapeQueries()],
  'what-if': landscapeQueries(),
  'data-quality': ['data-quality', 'data-quality-suppliers', 'data-quality-claims'],
  sovereignty: landscapeQueries(),
  // And cypher/ict-foto/: the versions and release cycles.
  'out-of-support': landscapeQueries(),
  advisory: landscapeQueries(),
  'common-ground': landscapeQueries(),
};

function landscapeQueries() {
  const kinds = ['applications', 'platforms', 'suppliers', 'interfaces', 'contracts', 'names', 'market'];
  // The *-by-uid queries patch a cached snapshot with what runs changed since (snapshot-patch.ts).
  return [...kinds.flatMap(kind => [`landscape-${kind}`, `landscape-${kind}-by-uid`]), 'landscape-organisations'];
}

export { toIcs } from './ics.js';
export { loadLockInWeights, lockInWeightsSetting, setLockInWeights } from './lock-in.js';
