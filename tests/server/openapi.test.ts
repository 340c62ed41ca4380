// The OpenAPI document is generated from the route registry and the analyses' zod schemas; it must
// list every route the express app really serves and every parameter of every analysis.
import type { Application } from 'express';
import request from 'supertest';
import { analyses } from '../../server/analyses/index.js';
import { analysisParameters } from '../../server/routes/analyses.js';
import { createDriver } from '../../server/neo4j.js';
import { appFor } from './support.js';

type Layer = { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: Layer[] } };
const routesOf = (stack: Layer[]): string[] =>
  stack.flatMap(layer => (layer.route ? Object.keys(layer.route.methods).map(method => `${method} ${layer.route!.path}`) : layer.handle?.stack ? routesOf(layer.handle.stack) : []));

describe('OpenAPI document', () => {
  // No database is needed to describe the API.
  const driver = createDriver({ uri: 'bolt://127.0.0.1:1' });
  afterAll(() => driver.close());

  it('when the document is fetched, then it is OpenAPI 3.1 and lists every route the app serves', async () => {
    const app = appFor(driver, { ROER_AUTH: 'token' });
    const response = await request(app).get('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    const documented = Object.entries(response.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map(method => `${method} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const served = routesOf((app as Application & { router: { stack: Layer[] } }).router.stack).filter(route => route.includes(' /api/'));
    expect(served.length).toBeGreaterThan(15);
    expect(documented).toEqual(expect.arrayContaining(served));
    expect(response.body.components.securitySchemes.bearerAuth.scheme).toBe('bearer');
  });

  it('when the document is fetched, then every analysis has its own operation with each of its parameters, plus format', async () => {
    const { body } = await request(appFor(driver)).get('/api/openapi.json');
    expect(analyses.length).toBeGreaterThanOrEqual(7);
    for (const analysis of analyses) {
      const operation = body.paths[`/api/analyses/${analysis.name}`]?.get;
      expect(operation).toBeDefined();
      const names = operation.parameters.map((parameter: { name: string }) => parameter.name);
      expect(names).toEqual(expect.arrayContaining([...Object.keys(analysisParameters(analysis).schema), 'format']));
      expect(Object.keys(analysisParameters(analysis).schema).length).toBeGreaterThan(0);
    }
    const format = (name: string) => body.paths[`/api/analyses/${name}`].get.parameters.find((p: { name: string }) => p.name === 'format').schema.enum;
    expect(format('contract-calendar')).toContain('ics');
    expect(format('lock-in')).not.toContain('ics');
    expect([format('impact'), format('what-if'), format('single-points-of-failure')].every(formats => formats.includes('ameff'))).toBe(true);
    expect(format('lock-in')).not.toContain('ameff');
  });

  it('when a route validates its query with zod, then the same schema documents it (graph kinds and aggregate)', async () => {
    const { body } = await request(appFor(driver)).get('/api/openapi.json');
    const parameters = body.paths['/api/graph'].get.parameters as { name: string; schema: Record<string, unknown> }[];
    expect(parameters.map(parameter => parameter.name)).toEqual(expect.arrayContaining(['organisation', 'kinds', 'aggregate', 'expand', 'format', 'maxElements']));
    expect(parameters.find(parameter => parameter.name === 'aggregate')!.schema.enum).toEqual(['auto', 'none', 'supplier', 'referenceComponent']);
    expect(body.paths['/api/imports'].post.requestBody.content['multipart/form-data'].schema.properties).toEqual(expect.objectContaining({ files: expect.any(Object), dryRun: expect.any(Object), source: expect.any(Object) }));
    expect(body.paths['/api/tokens'].post.requestBody.content['application/json'].schema.properties.role.enum).toEqual(['viewer', 'editor', 'admin']);
  });
});
