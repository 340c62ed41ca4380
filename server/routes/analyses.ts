// GET /api/analyses and GET /api/analyses/:name in JSON, CSV, XLSX (and ICS for the contract calendar).
import type { Response, Router } from 'express';
import { z } from 'zod';
import type { AnalysisDefinition, AnalysisResult } from '../analyses/types.js';
import { InputError, NotFoundError } from '../errors.js';
import { csvPieces } from '../exports/csv.js';
import { toTable } from '../exports/flatten.js';
import { summarySheets, writeXlsx } from '../exports/xlsx.js';
import type { AppContext } from './context.js';
import { addRoute } from './registry.js';
import { sendJsonOnce } from '../shared-json.js';
import { writePieces } from '../stream-response.js';

/** Export options, next to each analysis' own parameters. */
export const ExportQuery = z.object({
  format: z.enum(['json', 'csv', 'xlsx', 'ics']).default('json').describe('json, csv, xlsx; ics only for contract-calendar'),
  delimiter: z.enum(['comma', 'semicolon']).default('comma').describe('CSV delimiter; semicolon suits Excel with Dutch regional settings'),
});
const EXPORT_KEYS = Object.keys(ExportQuery.shape);
export const ICS_ANALYSES = new Set(['contract-calendar']);

/** The query-string parameters of an analysis, as JSON Schema properties (for the list and OpenAPI). */
export function analysisParameters(definition: AnalysisDefinition): { schema: Record<string, unknown>; required: string[] } {
  const schema = z.toJSONSchema(definition.params, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
  return { schema: schema.properties ?? {}, required: schema.required ?? [] };
}

export function registerAnalysisRoutes(router: Router, { driver, services, registry }: AppContext): void {
  const find = (name: string) => services.analyses.find(analysis => analysis.name === name);

  addRoute(router, registry, { method: 'get', path: '/api/analyses', summary: 'List the analyses with their parameters', tag: 'analyses', role: 'viewer' }, () =>
    services.analyses.map(analysis => {
      const { schema, required } = analysisParameters(analysis);
      return { name: analysis.name, title: analysis.title, description: analysis.description, parameters: schema, required, formats: ICS_ANALYSES.has(analysis.name) ? ['json', 'csv', 'xlsx', 'ics'] : ['json', 'csv', 'xlsx'] };
    }),
  );

  addRoute(
    router,
    registry,
    {
      method: 'get',
      path: '/api/analyses/:name',
      summary: 'Run an analysis (parameters per analysis: see the operations under /api/analyses/<name>)',
      tag: 'analyses',
      role: 'viewer',
      params: z.object({ name: z.string() }),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/calendar'],
      responses: [400, 404],
    },
    async ({ params }, req, res) => {
      const analysis = find(params.name);
      if (!analysis) throw new NotFoundError(`No analysis named '${params.name}' / Geen analyse '${params.name}'`);
      const raw = req.query as Record<string, unknown>;
      const options = ExportQuery.parse(raw);
      if (options.format === 'ics' && !ICS_ANALYSES.has(analysis.name)) {
        throw new InputError(`format=ics is only available for ${[...ICS_ANALYSES].join(', ')} / ics kan alleen voor de contractkalender`);
      }
      const analysisParams = analysis.params.parse(Object.fromEntries(Object.entries(raw).filter(([key]) => !EXPORT_KEYS.includes(key))));
      const result = await analysis.run(driver, analysisParams);
      await send(res, analysis, result, options, services.calendarIcs);
    },
  );
}

async function send(res: Response, analysis: AnalysisDefinition, result: AnalysisResult, options: z.infer<typeof ExportQuery>, calendarIcs?: (rows: Record<string, unknown>[]) => string): Promise<void> {
  const stamp = new Date().toISOString().slice(0, 10);
  const filename = `roer-${analysis.name}-${stamp}`;
  if (options.format === 'json') return sendJsonOnce(res, result, original => ({ name: analysis.name, title: analysis.title, ...original }));
  if (options.format === 'csv') {
    res.attachment(`${filename}.csv`).type('text/csv; charset=utf-8');
    return writePieces(res, csvPieces(toTable(result.rows), options.delimiter === 'semicolon' ? ';' : ','));
  }
  if (options.format === 'xlsx') {
    const sheets = [{ name: analysis.title || analysis.name, table: toTable(result.rows) }];
    if (result.summary && Object.keys(result.summary).length) sheets.push(...summarySheets(result.summary));
    res.attachment(`${filename}.xlsx`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return writeXlsx(sheets, res);
  }
  res.attachment(`${filename}.ics`).type('text/calendar; charset=utf-8');
  if (!calendarIcs) throw new InputError('ICS export is not available in this server / ICS is niet beschikbaar');
  res.send(calendarIcs(result.rows));
}
