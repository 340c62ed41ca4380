// Dependency reports per application, platform, supplier (group) or organisation: the facts as JSON
// for the report page, and the same report as a PDF, a workbook, one section as CSV, and its
// subgraph as GraphML. The work is in server/reports/.
import type { Router } from 'express';
import { z } from 'zod';
import { fetchSnapshot } from '../analyses/boundary.js';
import { NotFoundError } from '../errors.js';
import { csvPieces } from '../exports/csv.js';
import { toGraphml } from '../exports/graphml.js';
import { writeXlsx } from '../exports/xlsx.js';
import { GraphQuery, type GraphView, graphView } from '../graph-view.js';
import { type Language, kindName } from '../labels.js';
import { relations, stepsAmong } from '../reports/dependencies.js';
import { reportFileName } from '../reports/file-name.js';
import { reportPdf } from '../reports/pdf.js';
import { reportData, type ReportData } from '../reports/report-data.js';
import { SECTION_IDS, reportSections } from '../reports/sections.js';
import { reportSheets, sectionTable } from '../reports/spreadsheet.js';
import { writePieces } from '../stream-response.js';
import type { AppContext } from './context.js';
import { addRoute, documentLanguage, listParam } from './registry.js';

const ReportQuery = z.object({ organisation: listParam });
const DocumentQuery = ReportQuery.extend({ lang: z.enum(['nl', 'en']).optional().describe('Language (default: Accept-Language, else nl)') });
const ReportParams = z.object({ uid: z.string().min(1).max(300) });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The report's own subgraph: the subject, what fails with it and what it depends on, with every
 * relationship among them in the graph's direction (a supplier SUPPLIES an application). An
 * organisation's report is the organisation's landscape.
 */
async function reportGraph(driver: AppContext['driver'], data: ReportData): Promise<GraphView> {
  if (data.subject.kind === 'Organisation') {
    return graphView(driver, GraphQuery.parse({ organisation: data.subject.uid.replace(/^org:/, ''), aggregate: 'none' }));
  }
  const rows = [...data.dependencies, ...data.dependants];
  const nodes = [{ id: data.subject.uid, kind: data.subject.kind, label: data.subject.name, organisation: data.subject.organisation }, ...rows.map(row => ({ id: row.uid, kind: row.kind, label: row.name, organisation: row.organisation }))];
  const chosen = data.subject.organisation ? [data.subject.organisation] : Object.keys(data.organisations).length ? Object.keys(data.organisations) : null;
  // A report within organisations' boundary (it says what it left out, if only nothing) draws the steps inside it.
  const landscape = await fetchSnapshot(driver, chosen, data.omitted !== undefined);
  const edges = relations(landscape, stepsAmong(landscape, nodes.map(node => node.id))).map(relation => {
    // A dependency runs against SUPPLIES and PROVIDES: the application depends on the supplier that supplies it.
    const [source, target] = relation.type === 'SUPPLIES' || relation.type === 'PROVIDES' ? [relation.to, relation.from] : [relation.from, relation.to];
    return { id: `${source}-${relation.type}-${target}`, source, target, type: relation.type };
  });
  return { nodes, edges, aggregate: null, aggregated: false, totals: { nodes: nodes.length, edges: edges.length } };
}

/** GET /api/reports/:uid(.pdf|.xlsx|.csv|.graphml). Mount with the other route modules. */
export function registerReportRoutes(router: Router, { driver, services, registry }: AppContext): void {
  // The language names contracts in the list of what changed ("… en …").
  const gather = (uid: string, organisations: string[] | undefined, language: Language) => reportData(driver, services.analyses, uid, organisations, language);

  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/reports/:uid.pdf', summary: 'Dependency report as PDF (application, platform, supplier, group or organisation uid): the answer first, then the picture and the tables', tag: 'reports', role: 'viewer', params: ReportParams, query: DocumentQuery, produces: ['application/pdf'], responses: [404] },
    async ({ params, query }, req, res) => {
      const language = documentLanguage(req, query.lang);
      const data = await gather(params.uid, query.organisation, language);
      res.type('application/pdf').attachment(`${reportFileName(data.subject, language)}.pdf`).send(await reportPdf(data, language));
    },
  );
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/reports/:uid.xlsx', summary: 'Dependency report as a workbook: the answer, then a sheet per section', tag: 'reports', role: 'viewer', params: ReportParams, query: DocumentQuery, produces: [XLSX], responses: [404] },
    async ({ params, query }, req, res) => {
      const language = documentLanguage(req, query.lang);
      const data = await gather(params.uid, query.organisation, language);
      res.attachment(`${reportFileName(data.subject, language)}.xlsx`).type(XLSX);
      const sheets = reportSheets(data, language);
      await writeXlsx(sheets, res);
    },
  );
  addRoute(
    router,
    registry,
    {
      method: 'get', path: '/api/reports/:uid.csv', summary: 'One section of a dependency report as CSV, with the columns the report shows', tag: 'reports', role: 'viewer', params: ReportParams, produces: ['text/csv'], responses: [400, 404],
      query: DocumentQuery.extend({
        section: z.enum(SECTION_IDS).optional().describe('Which table (default: the report\'s first)'),
        delimiter: z.enum(['comma', 'semicolon']).default('semicolon').describe('semicolon (default) for Excel with Dutch regional settings: decimal comma, dates as 31-03-2027'),
      }),
    },
    async ({ params, query }, req, res) => {
      const language = documentLanguage(req, query.lang);
      const data = await gather(params.uid, query.organisation, language);
      const sections = reportSections(data, language);
      const section = query.section ? sections.find(s => s.id === query.section) : sections[0];
      if (!section) throw new NotFoundError(`A report on a ${kindName(data.subject.kind, 'en')} has no section '${query.section}' / Een rapport over een ${kindName(data.subject.kind, 'nl').toLowerCase()} heeft geen onderdeel '${query.section}'`);
      res.attachment(`${reportFileName(data.subject, language, section.id)}.csv`).type('text/csv; charset=utf-8');
      await writePieces(res, csvPieces(sectionTable(section, data, language), query.delimiter === 'semicolon' ? ';' : ','));
    },
  );
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/reports/:uid.graphml', summary: 'The report\'s subgraph as GraphML: the subject, what fails with it and what it depends on (an organisation: its landscape)', tag: 'reports', role: 'viewer', params: ReportParams, query: ReportQuery, produces: ['application/graphml+xml'], responses: [404] },
    async ({ params, query }, req, res) => {
      const data = await gather(params.uid, query.organisation, documentLanguage(req, undefined));
      const graph = await reportGraph(driver, data);
      res.attachment(`${reportFileName(data.subject, documentLanguage(req, undefined))}.graphml`).type('application/graphml+xml; charset=utf-8').send(toGraphml(graph));
    },
  );
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/reports/:uid', summary: 'Dependency report data: what fails with the subject, what it depends on, functions, contracts, lock-in, single points of failure', tag: 'reports', role: 'viewer', params: ReportParams, query: DocumentQuery, responses: [404] },
    ({ params, query }, req) => gather(params.uid, query.organisation, documentLanguage(req, query.lang)),
  );
}
