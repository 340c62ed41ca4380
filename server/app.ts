// createApp(): the HTTP API as an express application without listen(), so tests drive it in-process.
// Thin routes (server/routes/) → one use-case function each → named Cypher via read/write.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Application, type RequestHandler } from 'express';
import type { Driver } from 'neo4j-driver';
import type { AnalysisDefinition } from './analyses/types.js';
import { authenticate } from './auth.js';
import type { Config } from './config.js';
import { buildOpenApi } from './openapi.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerAnalysisRoutes } from './routes/analyses.js';
import type { AppContext, Services } from './routes/context.js';
import { registerGraphRoutes } from './routes/graph.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerImportRoutes } from './routes/imports.js';
import { errorHandler, notFoundHandler } from './routes/problem.js';
import type { RouteSpec } from './routes/registry.js';

export type { Services } from './routes/context.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const JSON_LIMIT = '1mb';

const securityHeaders: RequestHandler = (_req, res, next) => {
  res.set({
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Cytoscape sets inline styles; everything else comes from this origin only.
    'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'",
  });
  next();
};

/**
 * The modules other parts of Roer provide (analyses, import pipeline, lock-in weights), loaded when
 * they are present so the API runs while they are still being built.
 */
export async function loadServices(): Promise<Services> {
  const optional = async (path: string): Promise<Record<string, unknown> | undefined> => {
    if (!existsSync(join(root, `${path}.ts`)) && !existsSync(join(root, `${path}.js`))) return undefined;
    const specifier = `../${path}.js`;
    return (await import(specifier)) as Record<string, unknown>;
  };
  const analysesModule = await optional('server/analyses/index');
  const importModule = await optional('importers/import');
  const lockInModule = await optional('server/analyses/lock-in');
  const icsModule = await optional('server/analyses/ics');
  const loadWeights = lockInModule?.loadLockInWeights as (() => unknown) | undefined;
  const setWeights = lockInModule?.setLockInWeights as ((weights: unknown) => unknown) | undefined;
  return {
    analyses: (analysesModule?.analyses as AnalysisDefinition[] | undefined) ?? [],
    importFiles: importModule?.importFiles as Services['importFiles'],
    listImportRuns: importModule?.listImportRuns as Services['listImportRuns'],
    // The weights live in the analyses module (process-wide, from a file or the API), not in the database.
    lockInWeights: loadWeights && setWeights ? { load: async () => loadWeights(), set: async (_driver, weights) => setWeights(weights) } : undefined,
    calendarIcs: icsModule?.toIcs as Services['calendarIcs'],
  };
}

export type AppOptions = { driver: Driver; config: Config; services?: Partial<Services> };

export function createApp({ driver, config, services: given }: AppOptions): Application {
  const services: Services = { analyses: [], ...given };
  // Without explicit services, the installed ones are loaded on the first request.
  let loading: Promise<unknown> | undefined = given ? Promise.resolve() : undefined;
  const ensureServices: RequestHandler = async (_req, _res, next) => {
    await (loading ??= loadServices().then(found => Object.assign(services, found)));
    next();
  };
  const registry: RouteSpec[] = [];
  const context: AppContext = { driver, config, services, registry };

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders);
  app.use('/api', ensureServices, express.json({ limit: JSON_LIMIT }), authenticate(driver, config.ROER_AUTH));

  const api = express.Router();
  registerHealthRoutes(api, context);
  registry.push({ method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI 3.1 document', tag: 'health' });
  api.get('/api/openapi.json', (_req, res) => void res.json(buildOpenApi(registry, services.analyses, config.ROER_AUTH)));
  registerAnalysisRoutes(api, context);
  registerGraphRoutes(api, context);
  registerImportRoutes(api, context);
  registerAdminRoutes(api, context);
  app.use(api);
  app.use('/api', notFoundHandler);

  if (services.webDir) {
    app.use(express.static(services.webDir, { index: 'index.html', maxAge: '1h' }));
    // Client-side routes fall back to the single page.
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(join(services.webDir!, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
