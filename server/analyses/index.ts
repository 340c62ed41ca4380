// The registered analyses: what the API lists at /api/analyses and serves at /api/analyses/:name.
import type { AnalysisDefinition } from './types.js';
import { supplierExposure } from './supplier-exposure.js';
import { lockIn } from './lock-in.js';
import { singlePointsOfFailureAnalysis } from './single-points-of-failure.js';
import { impactAnalysis } from './impact.js';
import { contractCalendar } from './contract-calendar.js';
import { whatIfAnalysis } from './what-if.js';
import { dataQuality } from './data-quality.js';

export const analyses: AnalysisDefinition[] = [
  supplierExposure, lockIn, singlePointsOfFailureAnalysis, impactAnalysis, contractCalendar, whatIfAnalysis, dataQuality,
] as AnalysisDefinition[];

export const getAnalysis = (name: string): AnalysisDefinition | undefined => analyses.find(analysis => analysis.name === name);

/** Which cypher/analyses files each analysis runs (the CI test checks every file is used). */
export const analysisQueries: Record<string, string[]> = {
  'supplier-exposure': landscapeQueries(),
  'lock-in': landscapeQueries(),
  'single-points-of-failure': landscapeQueries(),
  impact: ['impact-node', 'impact-step', 'impact-functions', 'impact-contracts'],
  'contract-calendar': ['contract-calendar', ...landscapeQueries()],
  'what-if': landscapeQueries(),
  'data-quality': ['data-quality', 'data-quality-suppliers'],
};

function landscapeQueries() {
  return ['landscape-applications', 'landscape-platforms', 'landscape-suppliers', 'landscape-interfaces', 'landscape-contracts', 'landscape-names'];
}

export { toIcs } from './ics.js';
export { loadLockInWeights, setLockInWeights } from './lock-in.js';
