// OpenAPI 3.1 from the same zod schemas that validate the requests (routes/registry.ts) and from each
// analysis' parameter schema, so the document cannot drift from what the server accepts.
import { z } from 'zod';
import type { AnalysisDefinition } from './analyses/types.js';
import type { AuthMode } from './auth.js';
import { REQUEST_HEADER } from './request-guard.js';
import { AMEFF_ANALYSES } from './exports/ameff-analysis.js';
import { ExportQuery, ICS_ANALYSES, analysisFormats, analysisParameters } from './routes/analyses.js';
import type { RouteSpec } from './routes/registry.js';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[]; description?: string };
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required: boolean; description?: string; schema: JsonSchema };

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid input (problem+json, with an `errors` list)',
  401: 'No or unknown API token',
  403: 'The token lacks the required role, or (a change) the request came from elsewhere: no `X-Roer-Request: 1`, or another Origin or Sec-Fetch-Site',
  404: 'Not found',
  413: 'Upload too large',
  421: 'The Host header is not one of the server\'s names (ROER_ALLOWED_HOSTS)',
  422: 'The files have problems; nothing was imported',
  503: 'Neo4j unreachable (with Retry-After)',
};

export const jsonSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

function parametersOf(schema: z.ZodType | undefined, location: 'path' | 'query'): Parameter[] {
  if (!schema) return [];
  const json = jsonSchema(schema);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: location, required: location === 'path' || (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest };
  });
}

const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** Every change needs it (server/request-guard.ts): a page on another site cannot send it without a preflight. */
const requestHeader: Parameter = { name: REQUEST_HEADER, in: 'header', required: true, description: 'Must be 1: proves the request does not come from a page elsewhere', schema: { type: 'string', const: '1' } };

function responses(statuses: number[], role: boolean, auth: AuthMode, change: boolean, produces: string[] = []) {
  const all = new Set([...statuses, ...(role ? [503] : []), 421]);
  if (role && auth === 'token') (all.add(401), all.add(403));
  if (change) all.add(403);
  const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  return {
    200: { description: 'OK', content: Object.fromEntries([['application/json', {}], ...produces.map(type => [type, {}])]) as Record<string, Record<string, unknown>> },
    ...Object.fromEntries([...all].sort().map(status => [String(status), { description: STATUS_TEXT[status] ?? String(status), ...problem }])),
  };
}

function operation(spec: RouteSpec, auth: AuthMode, extraParameters: Parameter[] = []) {
  const requestBody = spec.body
    ? { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } }
    : spec.multipart
      ? {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                properties: { ...jsonSchema(spec.multipart.fields).properties, [spec.multipart.files]: { type: 'array', items: { type: 'string', contentMediaType: 'application/octet-stream' } } },
                required: [spec.multipart.files],
              },
            },
          },
        }
      : undefined;
  const change = spec.method !== 'get';
  return {
    summary: spec.summary,
    tags: [spec.tag],
    operationId: `${spec.method}${openApiPath(spec.path).replace(/[^A-Za-z0-9]+(\w)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    ...(spec.role ? { 'x-roer-role': spec.role, security: auth === 'token' ? [{ bearerAuth: [] }] : [] } : { security: [] }),
    parameters: [...parametersOf(spec.params, 'path'), ...parametersOf(spec.query, 'query'), ...extraParameters, ...(change ? [requestHeader] : [])],
    ...(requestBody ? { requestBody } : {}),
    responses: responses(spec.responses ?? [], Boolean(spec.role), auth, change, spec.produces),
  };
}

export function buildOpenApi(registry: RouteSpec[], analyses: AnalysisDefinition[], auth: AuthMode = 'off') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of registry) (paths[openApiPath(spec.path)] ??= {})[spec.method] = operation(spec, auth);
  // One concrete operation per analysis, so each analysis' own parameters are documented.
  for (const analysis of analyses) {
    const { schema, required } = analysisParameters(analysis);
    const exportParameters = parametersOf(ExportQuery, 'query').map(parameter =>
      parameter.name === 'format' ? { ...parameter, schema: { ...parameter.schema, enum: analysisFormats(analysis.name) } } : parameter,
    );
    const own: Parameter[] = Object.entries(schema).map(([name, property]) => {
      const { description, ...rest } = property as JsonSchema;
      return { name, in: 'query', required: required.includes(name), ...(description ? { description } : {}), schema: rest };
    });
    const spec: RouteSpec = { method: 'get', path: `/api/analyses/${analysis.name}`, summary: analysis.title, tag: 'analyses', role: 'viewer', responses: [400], produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ...(ICS_ANALYSES.has(analysis.name) ? ['text/calendar'] : []), ...(AMEFF_ANALYSES.has(analysis.name) ? ['application/xml'] : [])] };
    const get = { ...operation(spec, auth, [...own, ...exportParameters]), description: analysis.description };
    // A documented answer (impact) gets its JSON schema: what the report and other callers may rely on.
    if (analysis.result) get.responses[200].content['application/json'] = { schema: jsonSchema(analysis.result) };
    paths[spec.path] = { get };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Roer API', version: '0.1.0', description: 'Supplier dependencies and ICT landscape of Dutch municipalities / Leveranciersafhankelijkheid en ICT-landschap van gemeenten.', license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' } },
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'API token; roles viewer < editor < admin' } },
      schemas: {
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details',
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, instance: { type: 'string' }, errors: { type: 'array', items: {} } },
          required: ['type', 'title', 'status', 'detail'],
        },
      },
    },
  };
}
