// A few error classes that know nothing about HTTP; server/app.ts maps them to responses.

/** Bad input from a user: a request parameter, an uploaded file. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(message: string, readonly details?: unknown) {
    super(message);
  }
}
export class NotFoundError extends Error {
  override name = 'NotFoundError';
}
export class UnauthorizedError extends Error {
  override name = 'UnauthorizedError';
}
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
}
/** The request clashes with the state of things: another import of the source is running. */
export class ConflictError extends Error {
  override name = 'ConflictError';
}
/** Neo4j cannot be reached or is not ready. */
export class UnavailableError extends Error {
  override name = 'UnavailableError';
}
/** A file too large to accept. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
  /** As InputError's: where and what, in codes (importers/file-problem.ts) the API puts in the client's language. */
  constructor(message: string, readonly details?: unknown) {
    super(message);
  }
}
/** A state-changing request that did not come from this server's own pages. */
export class CrossSiteError extends Error {
  override name = 'CrossSiteError';
}
/** A request for a host name this server does not answer to (DNS rebinding, a wrong name). */
export class UnknownHostError extends Error {
  override name = 'UnknownHostError';
}
