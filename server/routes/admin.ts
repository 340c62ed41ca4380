// Admin endpoints: API tokens, the audit log, lock-in weights. Every change is audited, a refused one too.
import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import { NewToken, createToken, deleteToken, listTokens } from '../auth.js';
import { audited, listAudit, requestAttempt, verifyAudit } from '../audit.js';
import { NotFoundError, UnavailableError } from '../errors.js';
import type { AppContext } from './context.js';
import { addRoute } from './registry.js';

export function registerAdminRoutes(router: Router, { driver, services, registry }: AppContext): void {
  addRoute(router, registry, { method: 'get', path: '/api/tokens', summary: 'List API tokens (never the tokens themselves)', tag: 'admin', role: 'admin' }, () => listTokens(driver));

  addRoute(
    router,
    registry,
    { method: 'post', path: '/api/tokens', summary: 'Create an API token; the token is shown once', tag: 'admin', role: 'admin', body: NewToken, responses: [400] },
    async ({ body }, req, res) => {
      const created = await audited(driver, requestAttempt(req, res, 'token-create', body.name), () => createToken(driver, body), () => ({ details: { role: body.role } }));
      res.status(201).json(created);
    },
  );

  addRoute(
    router,
    registry,
    { method: 'delete', path: '/api/tokens/:name', summary: 'Revoke an API token', tag: 'admin', role: 'admin', params: z.object({ name: z.string().min(1) }), responses: [404] },
    async ({ params }, req, res) => {
      await audited(driver, requestAttempt(req, res, 'token-delete', params.name), async () => {
        if (!(await deleteToken(driver, params.name))) throw new NotFoundError(`No token named '${params.name}' / Geen token '${params.name}'`);
      });
      res.status(204).end();
    },
  );

  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/audit', summary: 'Audit log of every write (imports, deletions, tokens, settings), newest first', tag: 'admin', role: 'admin', query: z.object({ limit: z.coerce.number().int().min(1).max(10_000).default(200) }) },
    ({ query }) => listAudit(driver, query.limit),
  );
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/audit/verify', summary: "Checks the audit log's hash chain: {entries, intact, problems, head}", tag: 'admin', role: 'admin' },
    () => verifyAudit(driver),
  );

  const weights = () => {
    if (!services.lockInWeights) throw new UnavailableError('Lock-in weights are not available in this server / Lock-in-gewichten zijn niet beschikbaar');
    return services.lockInWeights;
  };
  const WEIGHTS = '/api/settings/lock-in-weights';
  /** Stores `body` (null: back to the defaults); the entry records the weights then in force. */
  const changeWeights = (req: Request, res: Response, body: unknown) => {
    const setter = weights();
    const attempt = requestAttempt(req, res, 'settings-change', 'lock-in-weights');
    const change = async () => {
      await setter.set(driver, body !== null && setter.schema ? setter.schema.parse(body) : body, attempt.actor);
      return setter.load(driver);
    };
    return audited(driver, attempt, change, inForce => ({ details: inForce as Record<string, unknown> }));
  };
  addRoute(router, registry, { method: 'get', path: WEIGHTS, summary: 'Lock-in weights in force; keys starting with $ say where they come from', tag: 'admin', role: 'admin' }, () => weights().load(driver));
  addRoute(
    router,
    registry,
    { method: 'put', path: WEIGHTS, summary: 'Store lock-in weights for every server: what GET returns, or part of it ($ keys are ignored)', tag: 'admin', role: 'admin', body: z.record(z.string(), z.unknown()), responses: [400] },
    ({ body }, req, res) => changeWeights(req, res, body),
  );
  addRoute(
    router,
    registry,
    { method: 'delete', path: WEIGHTS, summary: 'Forget the stored lock-in weights: the defaults apply again', tag: 'admin', role: 'admin' },
    (_input, req, res) => changeWeights(req, res, null),
  );
}
