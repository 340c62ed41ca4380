// One middleware maps the HTTP-agnostic errors of server/errors.ts to RFC 9457 problem documents.
// Clients never see a stack trace; unexpected errors are logged here and answered with a generic detail.
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { listedProblemsInLanguage, problemInLanguage } from '../../importers/file-problem.js';
import { documentLanguage } from './registry.js';
import { ConflictError, CrossSiteError, ForbiddenError, InputError, NotFoundError, TooLargeError, UnauthorizedError, UnavailableError, UnknownHostError } from '../errors.js';

export type Problem = { type: string; title: string; status: number; detail: string; instance: string; errors?: unknown[] };

const RETRY_AFTER_SECONDS = 5;
/** neo4j-driver error codes that mean the database cannot be reached right now. */
const UNAVAILABLE_CODES = new Set(['ServiceUnavailable', 'SessionExpired']);

const problemType = (slug: string) => `https://github.com/roer/roer/blob/main/docs/api.md#problem-${slug}`;

export function toProblem(error: unknown, instance: string): Problem {
  const base = (status: number, slug: string, title: string, detail: string): Problem => ({ type: problemType(slug), title, status, detail, instance });
  if (error instanceof ZodError) {
    const problem = base(400, 'invalid-input', 'Invalid input / Ongeldige invoer', summarise(error));
    problem.errors = error.issues.map(issue => ({ field: issue.path.join('.') || undefined, code: issue.code, message: issue.message }));
    return problem;
  }
  if (error instanceof InputError) {
    const problem = base(400, 'invalid-input', 'Invalid input / Ongeldige invoer', error.message);
    if (Array.isArray(error.details)) problem.errors = error.details;
    // Where in a file (an XML reader's file, line and column).
    else if (error.details && typeof error.details === 'object') problem.errors = [error.details];
    return problem;
  }
  if (error instanceof UnauthorizedError) return base(401, 'unauthorized', 'Unauthorized / Niet aangemeld', error.message);
  if (error instanceof ForbiddenError) return base(403, 'forbidden', 'Forbidden / Geen toegang', error.message);
  if (error instanceof CrossSiteError) return base(403, 'cross-site', 'Refused: request from elsewhere / Geweigerd: verzoek van elders', error.message);
  if (error instanceof UnknownHostError) return base(421, 'unknown-host', 'Misdirected request / Verkeerd geadresseerd', error.message);
  if (error instanceof NotFoundError) return base(404, 'not-found', 'Not found / Niet gevonden', error.message);
  if (error instanceof ConflictError) return base(409, 'conflict', 'Conflict / Conflict', error.message);
  if (error instanceof TooLargeError) {
    const problem = base(413, 'too-large', 'Too large / Te groot', error.message);
    if (error.details && typeof error.details === 'object') problem.errors = [error.details];
    return problem;
  }
  if (isBodyParserError(error)) {
    if (error.status === 413) return base(413, 'too-large', 'Too large / Te groot', 'Request body is larger than the limit.');
    return base(400, 'invalid-input', 'Invalid input / Ongeldige invoer', 'Request body is not valid JSON.');
  }
  if (error instanceof UnavailableError) return base(503, 'unavailable', 'Service unavailable / Niet beschikbaar', error.message);
  if (isNeo4jUnavailable(error)) {
    return base(503, 'unavailable', 'Service unavailable / Niet beschikbaar', 'The graph database cannot be reached; try again shortly. / De grafendatabase is niet bereikbaar.');
  }
  if (isNeo4jTimeout(error)) return base(503, 'timeout', 'Query timed out / Zoekopdracht duurde te lang', 'The query took longer than the configured timeout.');
  return base(500, 'internal', 'Internal server error / Interne fout', 'An unexpected error occurred; it has been logged on the server.');
}

/** The problem document for `error`, logged on the server when it is the server's (5xx). */
export function loggedProblem(error: unknown, req: Request): Problem {
  const problem = toProblem(error, req.originalUrl);
  // A file's problem (importers/file-problem.ts) in the language the client asks for (`lang` or Accept-Language), as import issues are.
  const lang = [req.query?.lang, (req.body as { lang?: unknown } | undefined)?.lang].find(value => value === 'nl' || value === 'en') as 'nl' | 'en' | undefined;
  if ((error instanceof InputError || error instanceof TooLargeError) && (lang || req.headers['accept-language'])) {
    problem.detail = problemInLanguage(error, documentLanguage(req, lang));
    // Several files' problems: each in that language too, for a client that lists them.
    problem.errors = listedProblemsInLanguage(error, documentLanguage(req, lang)) ?? problem.errors;
  }
  if (problem.status === 503) console.warn(`[roer] ${req.method} ${req.originalUrl}: 503 ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  else if (problem.status >= 500) console.error(`[roer] ${req.method} ${req.originalUrl}:`, error);
  return problem;
}

export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  const problem = loggedProblem(error, req);
  if (problem.status === 503) res.set('Retry-After', String(RETRY_AFTER_SECONDS));
  // Part of the answer is out (a streamed answer): cut the connection, so the client sees it is incomplete.
  if (res.headersSent) return void res.destroy();
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
};

export const notFoundHandler: RequestHandler = req => {
  throw new NotFoundError(`No API endpoint ${req.method} ${req.path}`);
};

function summarise(error: ZodError): string {
  return error.issues.map(issue => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

const isBodyParserError = (error: unknown): error is { status: number; type: string } =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && typeof (error as { status?: unknown }).status === 'number' && 'expose' in error;

function isNeo4jUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code === 'Neo.TransientError.General.DatabaseUnavailable');
}

function isNeo4jTimeout(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /TransactionTimedOut|Transaction\.TransactionTimedOutClientConfiguration/.test(code);
}
