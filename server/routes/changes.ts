// What changed since a date or run, up to another (GET /api/changes), an organisation's headline numbers over the runs
// (GET /api/trends), and a source's rows as they were after one of its runs (GET /api/imports/:runId/rows).
import type { Router } from 'express';
import { z } from 'zod';
import { landscapeAfterRun } from '../../importers/history.js';
import { ChangesQuery, changesSince, startOfDay } from '../analyses/changes.js';
import { headlineSeries, trendNumbers } from '../analyses/headlines.js';
import type { AppContext } from './context.js';
import { addRoute, documentLanguage } from './registry.js';

export const TrendsQuery = z.object({
  organisation: z.string().trim().min(1, 'organisation is required / organisatie ontbreekt').max(200),
  since: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'a date such as 2026-01-31 or an ISO time').optional()
    .describe('Only runs after this date or time'),
  limit: z.coerce.number().int().min(1).max(1000).default(100).describe('The latest this many runs at most'),
});

export function registerChangeRoutes(router: Router, { driver, registry }: AppContext): void {
  addRoute(
    router,
    registry,
    {
      method: 'get', path: '/api/changes', tag: 'history', role: 'viewer', query: ChangesQuery, responses: [400, 404],
      summary: 'What the imports after a date or run (up to a date or run: `until`) added, changed (field by field) and removed per table, every import run of the period (with the counts of those whose rows are not known), and per organisation its headline numbers (HHI, CR3, single points of failure, mean lock-in, contracts in the notice window, share of applications under non-EU law) before and after, with the items that entered or left those lists and what moved in the top 10 of its single points of failure ranking',
    },
    ({ query }, req) => changesSince(driver, query, documentLanguage(req, query.lang)),
  );

  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/trends', tag: 'history', role: 'viewer', query: TrendsQuery, responses: [400], summary: "An organisation's headline numbers after each run that touched it, oldest first (lists of items: GET /api/changes)" },
    async ({ query }) => {
      const series = await headlineSeries(driver, query.organisation, query.since ? startOfDay(query.since) : null, query.limit);
      return {
        organisation: query.organisation,
        series: series.map(trendNumbers),
      };
    },
  );

  addRoute(
    router,
    registry,
    {
      method: 'get', path: '/api/imports/:runId/rows', tag: 'history', role: 'viewer', params: z.object({ runId: z.string().trim().min(1).max(100) }), responses: [404],
      summary: "The rows of a run's source as they were right after that run, per table (the run must be one of the source's last ROER_HISTORY_RUNS)",
    },
    ({ params }) => landscapeAfterRun(driver, params.runId),
  );
}
