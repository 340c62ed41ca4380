// Admin endpoints: API tokens, the audit log, lock-in weights.
import type { Router } from 'express';
import { z } from 'zod';
import { NewToken, createToken, deleteToken, listTokens, principalOf } from '../auth.js';
import { listAudit } from '../audit.js';
import { NotFoundError, UnavailableError } from '../errors.js';
import type { AppContext } from './context.js';
import { addRoute } from './registry.js';

export function registerAdminRoutes(router: Router, { driver, services, registry }: AppContext): void {
  addRoute(router, registry, { method: 'get', path: '/api/tokens', summary: 'List API tokens (never the tokens themselves)', tag: 'admin', role: 'admin' }, () => listTokens(driver));

  addRoute(
    router,
    registry,
    { method: 'post', path: '/api/tokens', summary: 'Create an API token; the token is shown once', tag: 'admin', role: 'admin', body: NewToken, responses: [400] },
    async ({ body }, _req, res) => void res.status(201).json(await createToken(driver, body)),
  );

  addRoute(
    router,
    registry,
    { method: 'delete', path: '/api/tokens/:name', summary: 'Revoke an API token', tag: 'admin', role: 'admin', params: z.object({ name: z.string().min(1) }), responses: [404] },
    async ({ params }, _req, res) => {
      if (!(await deleteToken(driver, params.name))) throw new NotFoundError(`No token named '${params.name}' / Geen token '${params.name}'`);
      res.status(204).end();
    },
  );

  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/audit', summary: 'Audit log of imports and deletions, newest first', tag: 'admin', role: 'admin', query: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(200) }) },
    ({ query }) => listAudit(driver, query.limit),
  );

  const weights = () => {
    if (!services.lockInWeights) throw new UnavailableError('Lock-in weights are not available in this server / Lock-in-gewichten zijn niet beschikbaar');
    return services.lockInWeights;
  };
  const WEIGHTS = '/api/settings/lock-in-weights';
  addRoute(router, registry, { method: 'get', path: WEIGHTS, summary: 'Lock-in weights in force; keys starting with $ say where they come from', tag: 'admin', role: 'admin' }, () => weights().load(driver));
  addRoute(
    router,
    registry,
    { method: 'put', path: WEIGHTS, summary: 'Store lock-in weights for every server: what GET returns, or part of it ($ keys are ignored)', tag: 'admin', role: 'admin', body: z.record(z.string(), z.unknown()), responses: [400] },
    async ({ body }, _req, res) => {
      const setter = weights();
      await setter.set(driver, setter.schema ? setter.schema.parse(body) : body, principalOf(res)?.name ?? 'anonymous');
      return setter.load(driver);
    },
  );
  addRoute(
    router,
    registry,
    { method: 'delete', path: WEIGHTS, summary: 'Forget the stored lock-in weights: the defaults apply again', tag: 'admin', role: 'admin' },
    async (_input, _req, res) => {
      const setter = weights();
      await setter.set(driver, null, principalOf(res)?.name ?? 'anonymous');
      return setter.load(driver);
    },
  );
}
