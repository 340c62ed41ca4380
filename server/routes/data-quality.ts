// GET /api/data-quality/conflicts: only the shared facts that sources assert differently, for the places
// a person works (the side panel of one node, the import page after an import of one source), without
// running every data-quality check. The full list stays GET /api/analyses/data-quality.
import type { Router } from 'express';
import { z } from 'zod';
import { conflicts } from '../analyses/data-quality.js';
import { Organisations } from '../analyses/params.js';
import type { AppContext } from './context.js';
import { addRoute, listParam } from './registry.js';

export const ConflictQuery = z.object({
  organisation: Organisations,
  uid: listParam.pipe(z.array(z.string().max(300)).max(100).optional()).describe('Only these nodes (uids), e.g. the one a side panel shows'),
  source: z.string().trim().min(1).max(200).optional().describe('Only conflicts in which this source (an import\'s name) asserts one of the values'),
});

export function registerDataQualityRoutes(router: Router, { driver, registry }: AppContext): void {
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/data-quality/conflicts', summary: 'Properties of shared nodes that two sources assert differently: both values, the one kept and by which rule', tag: 'analyses', role: 'viewer', query: ConflictQuery, responses: [400] },
    async ({ query: params }) => {
      const found = await conflicts(driver, { organisations: params.organisation, uids: params.uid ?? null });
      return { conflicts: params.source ? found.filter(conflict => conflict.values.some(value => value.source === params.source)) : found };
    },
  );
}
