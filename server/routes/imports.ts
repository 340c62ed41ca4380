// POST /api/imports (multipart upload through the same pipeline as the CLI), the import history, and
// the admin deletion of everything one source asserted. Imports and deletions go to the audit log.
import type { Request, Response, Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { deleteSourceWithHistory } from '../../importers/history.js';
import { hasRole, principalOf } from '../auth.js';
import { type AuditAttempt, audited, importOutcome, requestAttempt } from '../audit.js';
import { ForbiddenError, InputError, NotFoundError, UnavailableError } from '../errors.js';
import { int, read } from '../neo4j.js';
import { query } from '../queries.js';
import { uploadFiles } from '../upload.js';
import { xmlLimitScanner } from '../../importers/sources/archimate/xml-limits.js';
import { reportInLanguage } from '../../importers/issue-words.js';
import type { AppContext, ImportFiles, ImportOptions, ImportProgress, UploadedFile } from './context.js';
import { loggedProblem } from './problem.js';
import { addRoute, booleanParam, documentLanguage } from './registry.js';

export const MAX_UPLOAD_FILES = 20;

const Source = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[\p{L}\p{N}._:@/-]+$/u, 'only letters, digits and . _ : @ - or a slash, no spaces, e.g. csv:gemeente-roerdam / bronnaam: alleen letters, cijfers en . _ : @ - of een schuine streep, zonder spaties, bijv. csv:gemeente-roerdam');

export const ImportFields = z.object({
  source: Source.optional().describe('Import source such as csv:gemeente-a (default derived from the file names); a re-import of the same source replaces what it asserted before'),
  organisation: z.string().trim().max(120).regex(/^[\p{L}\p{N}._:-]*$/u, 'only letters, digits and . _ : - / organisatie: alleen letters, cijfers en . _ : -').optional()
    .transform(value => value || undefined)
    .describe('For an ArchiMate model (.xml, .archimate, coArchi .zip): the organisation whose landscape it is; also for a Softwarecatalogus portfolio without a municipality column'),
  target: z.string().trim().max(300).optional().transform(value => value || undefined)
    .describe('For a CycloneDX SBOM: the application or platform it is of (uid or name), when its metadata.component does not name it'),
  dryRun: booleanParam.default(false).describe('Validate only; write nothing (the report still says what the import would remove)'),
  lang: z.enum(['nl', 'en']).optional().describe('Language of the issues\' `message` and `expected` (default: Accept-Language when sent; without either they stay in the importer\'s English). Each issue also has `code` and `params`'),
  allowRemovals: booleanParam.default(false).describe('Go ahead although the import removes more than ROER_IMPORT_MAX_REMOVAL_SHARE of a kind of the source\'s facts, or removes facts of a source it did not name (needs the admin role, as deleting a source does); without it such an import answers 409 with what it would remove'),
});

/** Whether an import report says it stopped before removing what it may not without allowRemovals (then nothing was written). */
export const needsConfirmation = (report: unknown) => typeof report === 'object' && report !== null && (report as { confirmationNeeded?: unknown }).confirmationNeeded === true;

/** Removing more than a sync may is what deleting a source is: confirming it needs the same role. */
export function requireAdminToConfirm(allowRemovals: boolean, res: Response): void {
  if (allowRemovals && !hasRole(principalOf(res), 'admin')) throw new ForbiddenError("Confirming an import's removals needs the role 'admin' / Verwijderingen bevestigen vraagt de rol 'admin'");
}

/** Whether an import report says the files had problems (then nothing was written). */
export function reportHasErrors(report: unknown): boolean {
  if (typeof report !== 'object' || report === null) return false;
  const value = report as Record<string, unknown>;
  if (value.ok === false || value.status === 'failed' || value.status === 'invalid') return true;
  return ['errors', 'issues'].some(key => Array.isArray(value[key]) && (value[key] as unknown[]).length > 0);
}

export async function deleteSource(driver: Driver, source: string, user = 'unknown'): Promise<Record<string, number>> {
  const [{ known }] = await read<{ known: boolean }>(driver, query('api/source-known').text, { source, sourcePrefix: `${source}#` });
  if (!known) throw new NotFoundError(`No import source '${source}' / Geen importbron '${source}'`);
  // Nodes other sources also assert keep their stamps and survive; the source's rows stay as history.
  return deleteSourceWithHistory(driver, source, user);
}

/** The import, then its audit entry: ok, rejected (problems listed) or failed (it threw). A dry run writes nothing and is not audited. */
async function importAndAudit(driver: Driver, importFiles: ImportFiles, files: UploadedFile[], options: ImportOptions, attempt: AuditAttempt): Promise<{ report: unknown; failed: boolean }> {
  const run = () => importFiles(driver, files, options);
  const names = files.map(file => file.name);
  const audit = { ...attempt, object: attempt.object || names.join(', ') };
  const report = options.dryRun ? await run() : await audited(driver, audit, run, done => importOutcome(done as object, names, reportHasErrors(done)));
  return { report, failed: reportHasErrors(report) };
}

const NDJSON = 'application/x-ndjson';
const statusOf = (report: unknown, failed: boolean) => (needsConfirmation(report) ? 409 : failed ? 422 : 200);

/**
 * For a client that accepts application/x-ndjson (the web UI): a line `{"progress": …}` as the import
 * moves (each new phase or percent), then one last line with what the plain answer would have been,
 * `{"status", "report"}` or `{"status", "problem"}`. The answer is 200 once it has begun.
 */
async function withProgressLines(req: Request, res: Response, run: (onProgress: (progress: ImportProgress) => void) => Promise<{ report: unknown; failed: boolean }>): Promise<void> {
  res.status(200).type(NDJSON);
  const line = (value: unknown) => {
    // A client that has gone does not stop the import: it finishes and shows in the history.
    if (!res.destroyed && !res.writableEnded) res.write(`${JSON.stringify(value)}\n`);
  };
  let last = '';
  const onProgress = (progress: ImportProgress) => {
    const step = `${progress.phase}:${progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 0}`;
    if (step !== last) line({ progress });
    last = step;
  };
  onProgress({ phase: 'validate', done: 0, total: 0 });
  try {
    const { report, failed } = await run(onProgress);
    line({ status: statusOf(report, failed), report });
  } catch (error) {
    const problem = loggedProblem(error, req);
    line({ status: problem.status, problem });
  }
  if (!res.destroyed) res.end();
}

export function registerImportRoutes(router: Router, { driver, config, services, registry }: AppContext): void {
  const upload = uploadFiles({
    field: 'files',
    maxFiles: MAX_UPLOAD_FILES,
    // An XML file's limits are checked as it arrives, as on /api/imports/archimate.
    inspect: name => (/\.(xml|archimate)$/i.test(name) ? xmlLimitScanner(name) : { write: () => {} }),
    fileBytes: Math.floor(config.ROER_UPLOAD_LIMIT_MB * 1024 * 1024),
    totalBytes: Math.floor(config.ROER_UPLOAD_TOTAL_LIMIT_MB * 1024 * 1024),
  });

  addRoute(
    router,
    registry,
    {
      method: 'post',
      path: '/api/imports',
      summary: 'Import files (multipart field `files`): CSV/XLSX tables (many), or one ArchiMate exchange file (.xml), Archi model (.archimate), coArchi model folder as .zip (the GEMMA model replaces the shared catalogue: admin role) or Softwarecatalogus portfolio CSV; the report names the `detectedFormat`. 422 with the list of problems when anything is wrong; 409 with `removals` when it would remove more than it may without `allowRemovals`. With `Accept: application/x-ndjson`: 200 and a line `{"progress": {phase, done, total}}` as the import moves, then `{"status", "report"}` or `{"status", "problem"}`',
      tag: 'imports',
      role: 'editor',
      multipart: { fields: ImportFields, files: 'files' },
      responses: [400, 403, 409, 413, 422],
    },
    async ({ body }, req, res) => {
      const importFiles = services.importFiles;
      if (!importFiles) throw new UnavailableError('The import pipeline is not installed in this server / De importfunctie is niet beschikbaar');
      const files = ((req.files as Express.Multer.File[] | undefined) ?? []).map(file => ({ name: file.originalname, bytes: file.buffer }));
      if (files.length === 0) throw new InputError("No files uploaded: send them as multipart field 'files' / Geen bestanden ontvangen (veld 'files')");
      requireAdminToConfirm(body.allowRemovals, res);
      const actor = principalOf(res)?.name ?? 'anonymous';
      const options = { source: body.source, organisation: body.organisation, target: body.target, mayReplaceCatalogue: hasRole(principalOf(res), 'admin'), user: actor, dryRun: body.dryRun, allowRemovals: body.allowRemovals, maxRemovalShare: config.ROER_IMPORT_MAX_REMOVAL_SHARE, sizeLimitBytes: Math.floor(config.ROER_UPLOAD_LIMIT_MB * 1024 * 1024), transactionRows: config.ROER_IMPORT_TRANSACTION_ROWS };
      // The issues in the language the client asks for: the English the importer wrote otherwise.
      const language = body.lang || req.headers['accept-language'] ? documentLanguage(req, body.lang) : undefined;
      const run = async (onProgress?: (progress: ImportProgress) => void) => {
        const done = await importAndAudit(driver, importFiles, files, { ...options, onProgress }, requestAttempt(req, res, 'import', body.source ?? ''));
        return language ? { ...done, report: reportInLanguage(done.report, language) } : done;
      };
      if (req.accepts(['application/json', NDJSON]) === NDJSON) return withProgressLines(req, res, run);
      const { report, failed } = await run();
      res.status(statusOf(report, failed)).json(report);
    },
    upload,
  );

  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/imports', summary: 'Import history, newest first', tag: 'imports', role: 'viewer', query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
    async ({ query: params }) => {
      if (services.listImportRuns) return (await services.listImportRuns(driver)).slice(0, params.limit);
      return (await read<{ run: Record<string, unknown> }>(driver, query('api/import-runs').text, { limit: int(params.limit) })).map(row => row.run);
    },
  );

  addRoute(
    router,
    registry,
    { method: 'delete', path: '/api/imports/:source', summary: "Delete everything a source asserted (what other sources also assert stays)", tag: 'imports', role: 'admin', params: z.object({ source: Source }), responses: [404] },
    async ({ params }, req, res) => {
      const removed = await audited(driver, requestAttempt(req, res, 'delete-source', params.source), () => deleteSource(driver, params.source, principalOf(res)?.name ?? 'anonymous'), counts => ({ details: counts }));
      return { source: params.source, removed };
    },
  );
}
