// GET /api/analyses and GET /api/analyses/:name in JSON, CSV, XLSX (and ICS for the contract calendar).
import type { Request, Response, Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import type { AnalysisDefinition, AnalysisResult } from '../analyses/types.js';
import { InputError, NotFoundError } from '../errors.js';
import { AMEFF_ANALYSES, analysisAmeff } from '../exports/ameff-analysis.js';
import { csvPieces } from '../exports/csv.js';
import { toTable } from '../exports/flatten.js';
import { peopleSummarySheets, peopleTable } from '../exports/people.js';
import { writeXlsx } from '../exports/xlsx.js';
import { ANALYSIS_NAMES, type Language } from '../labels.js';
import { namesFor, organisationNames } from '../names.js';
import type { AppContext, Services } from './context.js';
import { addRoute, documentLanguage } from './registry.js';
import { sendJsonOnce } from '../shared-json.js';
import { writePieces } from '../stream-response.js';
import { peopleRows, peopleSummary } from '../exports/people-rows.js';
import { today } from '../analyses/params.js';

/** Export options, next to each analysis' own parameters. */
export const ExportQuery = z.object({
  format: z.enum(['json', 'csv', 'xlsx', 'ics', 'ameff']).default('json').describe('json, csv, xlsx; ics only for contract-calendar; ameff (ArchiMate exchange file with a view of the result, for Archi) only for single-points-of-failure, impact and what-if'),
  delimiter: z.enum(['comma', 'semicolon']).default('comma').describe('CSV delimiter; semicolon is for Excel with Dutch regional settings: headers in words, decimal comma, dates as 31-03-2027'),
  lang: z.enum(['nl', 'en']).optional().describe('Language of XLSX, ICS and CSV-for-people headers and words (default: Accept-Language, else nl); with format=csv it asks for headers in words'),
});
const EXPORT_KEYS = Object.keys(ExportQuery.shape);
export const ICS_ANALYSES = new Set(['contract-calendar']);
/** The formats an analysis answers in. */
export const analysisFormats = (name: string) => ['json', 'csv', 'xlsx', ...(ICS_ANALYSES.has(name) ? ['ics'] : []), ...(AMEFF_ANALYSES.has(name) ? ['ameff'] : [])];

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
      return { name: analysis.name, title: analysis.title, description: analysis.description, parameters: schema, required, formats: analysisFormats(analysis.name) };
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
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/calendar', 'application/xml'],
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
      if (options.format === 'ameff' && !AMEFF_ANALYSES.has(analysis.name)) {
        throw new InputError(`format=ameff is only available for ${[...AMEFF_ANALYSES].join(', ')} / ArchiMate-export kan alleen voor kwetsbare schakels, impact en wat-als`);
      }
      const analysisParams = analysis.params.parse(Object.fromEntries(Object.entries(raw).filter(([key]) => !EXPORT_KEYS.includes(key))));
      const result = await analysis.run(driver, analysisParams);
      const organisations = (analysisParams as { organisation?: string[] | null }).organisation ?? null;
      await send({ req, res, driver, analysis, result, options, organisations, calendarIcs: services.calendarIcs });
    },
  );
}

type Answer = {
  req: Request; res: Response; driver: Driver; analysis: AnalysisDefinition; result: AnalysisResult;
  options: z.infer<typeof ExportQuery>; organisations: string[] | null; calendarIcs: Services['calendarIcs'];
};

/**
 * JSON for programs; XLSX always for people (headers in words, typed cells, names for uids); CSV in
 * the keys and plain values programs read, unless it is asked for a language or for Dutch Excel
 * (`delimiter=semicolon`), then as the XLSX.
 */
async function send({ req, res, driver, analysis, result, options, organisations, calendarIcs }: Answer): Promise<void> {
  const stamp = today();
  const filename = `roer-${analysis.name}-${stamp}`;
  if (options.format === 'json') return sendJsonOnce(res, result, original => ({ name: analysis.name, title: analysis.title, ...original }));
  const language: Language = documentLanguage(req, options.lang);
  if (options.format === 'ameff') {
    const xml = await analysisAmeff(driver, analysis.name, result, organisations, language, ANALYSIS_NAMES[analysis.name]?.[language] ?? analysis.name);
    res.attachment(`${filename}.xml`).type('application/xml; charset=utf-8').send(xml);
    return;
  }
  const delimiter = options.delimiter === 'semicolon' ? ';' : ',';
  if (options.format === 'csv') {
    const forPeople = options.lang !== undefined || delimiter === ';';
    const table = forPeople ? peopleTable(peopleRows(analysis.name, result.rows, language), { language, names: await namesFor(driver, organisations) }) : toTable(result.rows);
    res.attachment(`${filename}.csv`).type('text/csv; charset=utf-8');
    return writePieces(res, csvPieces(table, delimiter));
  }
  if (options.format === 'xlsx') {
    const names = await namesFor(driver, organisations);
    const title = ANALYSIS_NAMES[analysis.name]?.[language] ?? analysis.name;
    const sheets = [{ name: title, table: peopleTable(peopleRows(analysis.name, result.rows, language), { language, names }) }];
    if (result.summary && Object.keys(result.summary).length) sheets.push(...peopleSummarySheets(peopleSummary(analysis.name, result.summary), { language, names }, ANALYSIS_NAMES.summary[language]));
    res.attachment(`${filename}.xlsx`).type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return writeXlsx(sheets, res);
  }
  if (!calendarIcs) throw new InputError('ICS export is not available in this server / ICS is niet beschikbaar');
  const ics = calendarIcs(result.rows, new Date(), { language, organisationName: await organisationNames(driver) });
  res.attachment(`${filename}.ics`).type('text/calendar; charset=utf-8').send(ics);
}
