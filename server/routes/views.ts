// Read endpoints for the explorer's readable views: the landscape map and the dependency view of one node.
import type { Router } from 'express';
import { z } from 'zod';
import { DependencyQuery, dependencyView } from '../dependency-view.js';
import { landscapeMap, MapQuery } from '../landscape-map.js';
import { sendJsonOnce } from '../shared-json.js';
import type { AppContext } from './context.js';
import { addRoute } from './registry.js';

export function registerViewRoutes(router: Router, { driver, registry }: AppContext): void {
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/landscape-map', summary: 'The landscape map: applications per business function or reference component, with every overlay value and legend; counts per area when several organisations are chosen', tag: 'graph', role: 'viewer', query: MapQuery, responses: [400] },
    async ({ query: params }, _req, res) => sendJsonOnce(res, await landscapeMap(driver, params)),
  );

  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/dependencies/:uid', summary: 'The dependency view of one node: what it depends on and what depends on it, per step, parallel relationships folded with a count', tag: 'graph', role: 'viewer', params: z.object({ uid: z.string().min(1).max(300) }), query: DependencyQuery, responses: [400, 404] },
    async ({ params, query: options }, _req, res) => sendJsonOnce(res, await dependencyView(driver, params.uid, options)),
  );
}
