// The landscape as the workbook it is imported from: one organisation's five tables to edit and import
// again, and the empty template with instructions to start from (server/exports/landscape-workbook.ts).
import type { Router } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { landscapeRows, landscapeWorkbook } from '../exports/landscape-workbook.js';
import { sourcesOf } from '../exports/workbook-source.js';
import { organisationNames } from '../names.js';
import type { AppContext } from './context.js';
import { addRoute } from './registry.js';
import { today } from '../analyses/params.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const Lang = z.enum(['nl', 'en']).default('nl').describe('Language of the sheet names, headers and choices (default Dutch); both import');

export function registerWorkbookRoutes(router: Router, { driver, registry }: AppContext): void {
  addRoute(
    router,
    registry,
    {
      method: 'get', path: '/api/exports/landscape.xlsx', tag: 'exports', role: 'viewer', produces: [XLSX], responses: [400, 404],
      summary: "One organisation's landscape as the five import tables (suppliers, platforms, applications, interfaces, contracts) with instructions and dropdowns; imported again under its source, it changes nothing",
      query: z.object({ organisation: z.string().trim().min(1, 'organisation is required / organisatie ontbreekt').max(120), lang: Lang }),
    },
    async ({ query }, _req, res) => {
      const rows = await landscapeRows(driver, query.organisation);
      if (Object.values(rows).every(table => table.length === 0)) throw new NotFoundError(`No landscape for organisation '${query.organisation}' / Geen landschap voor organisatie '${query.organisation}'`);
      const date = today().split('-').reverse().join('-');
      // Named with the source(s) to import it back under (workbook-source.ts).
      const names = await organisationNames(driver);
      const workbook = await landscapeWorkbook(rows, query.lang, { organisation: query.organisation, date, names, sources: sourcesOf(rows) });
      res.attachment(`roer-${query.lang === 'nl' ? 'landschap' : 'landscape'}-${query.organisation.replace(/[^\w.-]+/g, '_').slice(0, 80)}.xlsx`).type(XLSX).send(workbook);
    },
  );
  addRoute(
    router,
    registry,
    {
      method: 'get', path: '/api/exports/template.xlsx', tag: 'exports', role: 'viewer', produces: [XLSX],
      summary: 'An empty workbook of the five import tables to fill in: an instruction sheet, dropdowns for the choices, date and euro formats',
      query: z.object({ lang: Lang }),
    },
    async ({ query }, _req, res) => {
      res.attachment(query.lang === 'nl' ? 'roer-invulsjabloon.xlsx' : 'roer-template.xlsx').type(XLSX).send(await landscapeWorkbook(null, query.lang));
    },
  );
}
