// createApp(): the HTTP API as an express application without listen(), so tests drive it in-process.
// Thin routes (server/routes/) → one use-case function each → named Cypher via read/write.
import { join } from 'node:path';
import express, { type Application, type RequestHandler } from 'express';
import type { Driver } from 'neo4j-driver';
import { importUploads } from '../importers/formats.js';
import { listImportRuns } from '../importers/import.js';
import { analyses, lockInWeightsSetting, setLockInWeights, toIcs } from './analyses/index.js';
import { authenticate } from './auth.js';
import type { Config } from './config.js';
import { buildOpenApi } from './openapi.js';
import { allowedHosts, checkHost, refuseCrossSite } from './request-guard.js';
import { registerAdminRoutes } from './routes/admin.js';
import { registerAlgorithmRoutes } from './routes/algorithms.js';
import { registerArchimateRoutes } from './routes/archimate.js';
import { registerAnalysisRoutes } from './routes/analyses.js';
import { registerChangeRoutes } from './routes/changes.js';
import { registerDataQualityRoutes } from './routes/data-quality.js';
import type { AppContext, Services } from './routes/context.js';
import { registerGraphRoutes } from './routes/graph.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerImportRoutes } from './routes/imports.js';
import { registerReportRoutes } from './routes/reports.js';
import { registerViewRoutes } from './routes/views.js';
import { registerWorkbookRoutes } from './routes/workbook.js';
import { errorHandler, notFoundHandler } from './routes/problem.js';
import type { RouteSpec } from './routes/registry.js';

export type { Services } from './routes/context.js';

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

/** The analyses, import pipeline and lock-in weights of this installation. */
export function defaultServices(): Services {
  return {
    analyses,
    // Every format the CLI takes (tables, ArchiMate, coArchi zip, GEMMA, Softwarecatalogus), told apart by importers/formats.ts.
    importFiles: importUploads,
    listImportRuns,
    // Stored in the database, so every server on it uses the same weights and a restart keeps them.
    lockInWeights: { load: driver => lockInWeightsSetting(driver), set: setLockInWeights },
    calendarIcs: toIcs,
  };
}

/** `services` replace the installation's own analyses, import pipeline… (tests use this). */
export type AppOptions = { driver: Driver; config: Config; services?: Partial<Services> };

export function createApp({ driver, config, services: given }: AppOptions): Application {
  const services: Services = { ...defaultServices(), ...given };
  const registry: RouteSpec[] = [];
  const context: AppContext = { driver, config, services, registry };

  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders);
  // Before any body is read or token looked up: a refused request costs nothing and changes nothing.
  app.use(checkHost(allowedHosts(config)), refuseCrossSite);
  app.use('/api', express.json({ limit: JSON_LIMIT }), authenticate(driver, config.ROER_AUTH));

  const api = express.Router();
  registerHealthRoutes(api, context);
  registry.push({ method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI 3.1 document', tag: 'health' });
  api.get('/api/openapi.json', (_req, res) => void res.json(buildOpenApi(registry, services.analyses, config.ROER_AUTH)));
  registerAnalysisRoutes(api, context);
  registerGraphRoutes(api, context);
  registerViewRoutes(api, context);
  registerImportRoutes(api, context);
  registerChangeRoutes(api, context);
  registerReportRoutes(api, context);
  registerArchimateRoutes(api, context);
  registerWorkbookRoutes(api, context);
  registerAdminRoutes(api, context);
  registerAlgorithmRoutes(api, context);
  registerDataQualityRoutes(api, context);
  app.use(api);
  app.use('/api', notFoundHandler);

  if (services.webDir) {
    // index.html is revalidated every time, so a rebuilt UI shows at once; the bundles may be cached.
    app.use(express.static(services.webDir, { index: 'index.html', maxAge: '1h', setHeaders: (res, path) => path.endsWith('.html') && res.setHeader('Cache-Control', 'no-cache') }));
    // Client-side routes fall back to the single page.
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(join(services.webDir!, 'index.html')));
  }
  app.use(errorHandler);
  return app;
}
