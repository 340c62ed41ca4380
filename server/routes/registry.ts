// Every route is declared once with its zod schemas and required role: the same declaration validates
// the request, guards it, and becomes an operation in /api/openapi.json.
import type { Request, RequestHandler, Response, Router } from 'express';
import { z } from 'zod';
import { type Role, requireRole } from '../auth.js';

export type RouteSpec = {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express path, e.g. `/api/nodes/:uid`. */
  path: string;
  summary: string;
  tag: string;
  /** Minimum role; undefined means public (health, readiness, the OpenAPI document). */
  role?: Role;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** multipart/form-data: the fields schema plus the name of the file field. */
  multipart?: { fields: z.ZodObject; files: string };
  /** Media types of a 200 answer besides JSON. */
  produces?: string[];
  responses?: number[];
};

type Input<S extends RouteSpec> = {
  params: S['params'] extends z.ZodType ? z.infer<S['params']> : Record<string, string>;
  query: S['query'] extends z.ZodType ? z.infer<S['query']> : Record<string, unknown>;
  body: S['body'] extends z.ZodType ? z.infer<S['body']> : S['multipart'] extends { fields: z.ZodType } ? z.infer<S['multipart']['fields']> : unknown;
};

export type Handler<S extends RouteSpec> = (input: Input<S>, req: Request, res: Response) => Promise<unknown> | unknown;

/** Registers a route: role check → extra middleware (multer) → zod validation → handler. A handler's return value, if any, is sent as JSON. */
export function addRoute<const S extends RouteSpec>(router: Router, registry: RouteSpec[], spec: S, handler: Handler<S>, ...middleware: RequestHandler[]): void {
  registry.push(spec);
  const guards: RequestHandler[] = spec.role ? [requireRole(spec.role)] : [];
  router[spec.method](spec.path, ...guards, ...middleware, async (req, res) => {
    const input = {
      params: spec.params ? spec.params.parse(req.params) : req.params,
      query: spec.query ? spec.query.parse(req.query) : req.query,
      body: spec.body ? spec.body.parse(req.body ?? {}) : spec.multipart ? spec.multipart.fields.parse({ ...(req.query as object), ...(req.body ?? {}) }) : req.body,
    } as Input<S>;
    const result = await handler(input, req, res);
    if (result !== undefined && !res.headersSent) res.json(result);
  });
}

/** `?a=x&a=y`, `?a=x,y` and `?a=x` all become ['x', 'y'] / ['x']. */
export const listParam = z.preprocess(
  value => (value === undefined || value === '' ? undefined : (Array.isArray(value) ? value : [value]).flatMap(item => String(item).split(',')).map(item => item.trim()).filter(Boolean)),
  z.array(z.string().min(1)).optional(),
);

/** Query-string booleans: true/false/yes/no/ja/nee/1/0 (the analyses' parameters use the same). */
export { booleanParam } from '../analyses/params.js';

/**
 * The language of a document: `lang` when asked, else the first of Dutch and English in the
 * client's Accept-Language, else Dutch.
 */
export function documentLanguage(req: Request, lang: 'nl' | 'en' | undefined): 'nl' | 'en' {
  if (lang) return lang;
  if (!req.headers['accept-language']) return 'nl';
  const preferred = req.acceptsLanguages('nl', 'en');
  return preferred === 'en' ? 'en' : 'nl';
}
