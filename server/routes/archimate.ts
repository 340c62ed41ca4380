// ArchiMate for architects over HTTP: export a landscape as an AMEFF 3.0 file that Archi opens, and
// import an AMEFF / Archi (.archimate) model through the same reader as `npm run import`.
import type { Router } from 'express';
import { z } from 'zod';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { audited, importOutcome, requestAttempt } from '../audit.js';
import { xmlLimitScanner } from '../../importers/sources/archimate/xml-limits.js';
import { InputError } from '../errors.js';
import { requireAdminToConfirm } from './imports.js';
import { exportAmeff } from '../exports/ameff.js';
import { uploadFiles } from '../upload.js';
import type { AppContext } from './context.js';
import { addRoute, booleanParam, listParam } from './registry.js';

export const AmeffExportQuery = z.object({
  organisation: listParam.describe('Organisation ids to export (a landscape view by business function and a supplier view each), comma-separated or repeated'),
});

export const ArchimateImportFields = z.object({
  organisation: z.string().trim().min(1, 'organisation is required / organisatie ontbreekt').max(120).regex(/^[\p{L}\p{N}._:-]+$/u, 'only letters, digits and . _ : - / organisatie: alleen letters, cijfers en . _ : -'),
  source: z.string().trim().max(120).regex(/^[A-Za-z0-9:._/-]+$/, 'only letters, digits and : . _ - or a slash / bron: alleen letters, cijfers en : . _ - of een schuine streep').optional(),
  dryRun: booleanParam.default(false),
  allowRemovals: booleanParam.default(false).describe('Go ahead although the model no longer has more than ROER_IMPORT_MAX_REMOVAL_SHARE of a kind of the source\'s elements (admin role); without it such an import answers 409 with what it would remove'),
});

export function registerArchimateRoutes(router: Router, { driver, config, registry }: AppContext): void {
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/exports/ameff', summary: 'The organisations\' landscapes as an ArchiMate exchange file (AMEFF 3.0) for Archi, with per organisation a landscape view by business function and a supplier view', tag: 'exports', role: 'viewer', query: AmeffExportQuery, produces: ['application/xml'], responses: [400] },
    async ({ query: params }, _req, res) => {
      const organisations = params.organisation ?? [];
      if (organisations.length === 0) throw new InputError('Name at least one organisation: ?organisation=… / Noem minstens één organisatie');
      const xml = await exportAmeff(driver, { organisations });
      res.attachment(`roer-${organisations.join('-').replace(/[^\w.-]+/g, '_').slice(0, 80)}.xml`).type('application/xml; charset=utf-8').send(xml);
    },
  );

  // The XML limits are checked as the file arrives: a 40 MB attribute is refused after its first 100 KB.
  const upload = uploadFiles({
    field: 'file', single: true, maxFiles: 1, inspect: name => xmlLimitScanner(name),
    fileBytes: Math.floor(config.ROER_UPLOAD_LIMIT_MB * 1024 * 1024), totalBytes: Math.floor(config.ROER_UPLOAD_TOTAL_LIMIT_MB * 1024 * 1024),
  });
  addRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/api/imports/archimate',
      summary: 'Import an ArchiMate model (AMEFF .xml or Archi .archimate, multipart field `file`) for one organisation',
      tag: 'imports',
      role: 'editor',
      multipart: { fields: ArchimateImportFields, files: 'file' },
      responses: [400, 403, 409, 413],
    },
    async ({ body }, req, res) => {
      const file = req.file as Express.Multer.File | undefined;
      if (!file) throw new InputError("No file uploaded: send it as multipart field 'file' / Geen bestand ontvangen (veld 'file')");
      requireAdminToConfirm(body.allowRemovals, res);
      const attempt = requestAttempt(req, res, 'import', body.source ?? `archimate:${body.organisation}`);
      const run = () => importArchimate(driver, new Uint8Array(file.buffer), {
        organisation: body.organisation, source: body.source, user: attempt.actor, dryRun: body.dryRun, fileName: file.originalname,
        allowRemovals: body.allowRemovals, maxRemovalShare: config.ROER_IMPORT_MAX_REMOVAL_SHARE,
      });
      // Audited like the table import, a refused file too; a dry run writes nothing.
      const report = body.dryRun ? await run() : await audited(driver, attempt, run, done => importOutcome(done, [file.originalname], done.confirmationNeeded));
      res.status(report.confirmationNeeded ? 409 : 200).json(report);
    },
    upload,
  );
}
