// The audit log (ASVS 5.0 ch. 16, BIO): every write — imports by CLI and HTTP, rejected and failed ones
// too, source deletions, tokens, settings — as an (:AuditEntry) outside the landscape (no :Entity label)
// with actor, action, object, result, time and origin. Entries form a hash chain: entry n stores seq n,
// the hash of entry n−1 and its own hash, and the (:AuditHead) the last seq and hash, so verifyAudit()
// (`npm run audit -- verify`) finds an entry changed, removed or slipped in afterwards.
import { createHash } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Request, Response } from 'express';
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import { ZodError } from 'zod';
import { principalOf } from './auth.js';
import { ForbiddenError, InputError, NotFoundError, TooLargeError, UnauthorizedError } from './errors.js';
import { database, int, read } from './neo4j.js';
import { query } from './queries.js';

/** Who did it from where, and what to: the part of an entry known before the write runs. */
export type AuditAttempt = { actor: string; origin: string; action: string; object: string };
/** `result`: `ok`, or `rejected: …` (the input was refused, nothing written) or `failed: …` (an error), with a short reason. */
export type AuditEvent = AuditAttempt & { result: string; details?: Record<string, unknown> };
export type AuditEntry = AuditAttempt & { seq: number; at: string; result: string; details: Record<string, unknown>; hash: string };

/** An entry's fields exactly as stored (details as JSON text): what its hash covers. */
type StoredEntry = AuditAttempt & { seq: number; at: string; result: string; details: string; prevHash: string; hash?: string };

/** The hash before the first entry. */
export const GENESIS = '0'.repeat(64);

/** sha256 (hex) of the fields in a fixed order, serialised as one JSON array of strings and the seq number. */
export function entryHash(entry: StoredEntry): string {
  const fields = [entry.seq, entry.at, entry.actor, entry.action, entry.object, entry.result, entry.origin, entry.details, entry.prevHash];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

/** No control characters (an entry is printed in a terminal) and a bounded length. */
const clean = (text: string, max: number) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim().slice(0, max);

/**
 * Appends one entry, in its own transaction. The head is locked before it is read, so concurrent
 * appends (other requests, other servers, the CLI) wait for each other and each gets the next seq.
 */
export async function appendAudit(driver: Driver, event: AuditEvent): Promise<{ seq: number; hash: string }> {
  const session = driver.session({ database: database() });
  try {
    return await session.executeWrite(async tx => {
      const head = await lockHead(tx);
      const entry: StoredEntry = {
        seq: head.seq + 1, at: head.at, actor: clean(event.actor, 200), origin: clean(event.origin, 300), action: clean(event.action, 60),
        object: clean(event.object, 300), result: clean(event.result, 300), details: JSON.stringify(event.details ?? {}), prevHash: head.hash,
      };
      const hash = entryHash(entry);
      await tx.run(query('api/audit-append').text, { ...entry, seq: int(entry.seq), hash });
      return { seq: entry.seq, hash };
    });
  } finally {
    await session.close();
  }
}

/** The locked head; a new chain first takes in entries written before chains existed (oldest first). */
async function lockHead(tx: ManagedTransaction): Promise<{ seq: number; hash: string; at: string }> {
  const head = (await tx.run(query('api/audit-head-lock').text, { genesis: GENESIS })).records[0].toObject() as { seq: number; hash: string; at: string };
  if (head.seq !== 0) return head;
  let last = { seq: 0, hash: GENESIS };
  for (const record of (await tx.run(query('api/audit-unchained').text)).records) {
    const old = record.toObject() as { id: string; at: string; actor: string | null; action: string | null; object: string | null; details: string | null };
    const entry: StoredEntry = {
      seq: last.seq + 1, at: old.at, actor: old.actor ?? '', action: old.action ?? '', object: old.object ?? '',
      result: old.action === 'import-rejected' ? 'rejected' : 'ok', origin: 'unknown (before the audit chain)', details: old.details ?? '{}', prevHash: last.hash,
    };
    last = { seq: entry.seq, hash: entryHash(entry) };
    await tx.run(query('api/audit-adopt').text, { ...entry, id: old.id, seq: int(entry.seq), hash: last.hash });
  }
  return { ...head, ...last };
}

const REJECTIONS = [InputError, NotFoundError, TooLargeError, UnauthorizedError, ForbiddenError];

/** `rejected: …` for refused input, `failed: …` for anything else; the first line of the message, never a stack. */
export function failureResult(error: unknown): string {
  const rejected = error instanceof ZodError || REJECTIONS.some(kind => error instanceof kind);
  const reason = error instanceof ZodError
    ? error.issues.map(issue => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ')
    : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return `${rejected ? 'rejected' : 'failed'}: ${reason.split('\n')[0]}`;
}

/**
 * Runs a write and records it: `ok` plus what `outcome` says of its value, or the error it threw
 * (recorded, then thrown on). Each write is audited right after it ends, in its own transaction.
 */
export async function audited<T>(driver: Driver, attempt: AuditAttempt, write: () => Promise<T>, outcome: (value: T) => Partial<AuditEvent> = () => ({})): Promise<T> {
  let value: T;
  try {
    value = await write();
  } catch (error) {
    await appendAudit(driver, { ...attempt, result: failureResult(error) });
    throw error;
  }
  await appendAudit(driver, { ...attempt, result: 'ok', ...outcome(value) });
  return value;
}

type ImportReportLike = {
  source?: string; ok?: boolean; files?: string[]; issues?: unknown[]; tables?: unknown; graph?: { nodes?: unknown };
  removals?: { removing?: number } | null; confirmationNeeded?: boolean;
};

/**
 * An import's entry: its source, rejected when the report lists problems or stopped for its removals
 * to be confirmed (then nothing was written), the files read (those named, for a folder), counts, and
 * how many of the source's facts it removed (or would have).
 */
export function importOutcome(report: ImportReportLike, files: string[], rejected = report.ok === false): Partial<AuditEvent> {
  const problems = report.issues?.length ?? 0;
  const removing = report.removals?.removing ?? 0;
  const why = report.confirmationNeeded ? `would remove ${removing} of the source's facts without allowRemovals` : `${problems} problem(s)`;
  return {
    ...(report.source ? { object: report.source } : {}),
    result: rejected ? `rejected: ${why}, nothing written` : 'ok',
    details: {
      files: report.files ?? files, ...(report.tables ? { tables: report.tables } : report.graph?.nodes ? { nodes: report.graph.nodes } : {}), ...(report.issues ? { issues: problems } : {}),
      ...(removing ? { removing } : {}),
    },
  };
}

/** Actor and origin of an HTTP request: the token's name ('local' with ROER_AUTH=off), client address and Origin or User-Agent. */
export function requestAttempt(req: Request, res: Response, action: string, object: string): AuditAttempt {
  const client = req.get('origin') ?? req.get('user-agent');
  return { actor: principalOf(res)?.name ?? 'anonymous', origin: `${req.ip ?? 'unknown'}${client ? ` ${client.slice(0, 120)}` : ''}`, action, object };
}

/** Origin of a command-line write: the operating-system user and host (`--user` only names the actor). */
export function cliOrigin(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the host still says where.
  }
  return `cli ${user}@${hostname()}`;
}

export async function listAudit(driver: Driver, limit = 200): Promise<AuditEntry[]> {
  const rows = await read<Omit<AuditEntry, 'details'> & { details: string | null }>(driver, query('api/audit-list').text, { limit: int(limit) });
  return rows.map(row => ({ ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {} }));
}

export type AuditVerification = { entries: number; intact: boolean; problems: string[]; head: { seq: number; hash: string } | null };

const PAGE = 5_000;
const MAX_PROBLEMS = 20;

/** Walks the chain from seq 1: every seq present once, each entry linked to the one before and hashing to its stored hash, the head at the end. */
export async function verifyAudit(driver: Driver): Promise<AuditVerification> {
  const problems: string[] = [];
  const problem = (text: string) => void (problems.length < MAX_PROBLEMS && problems.push(text));
  let previous = { seq: 0, hash: GENESIS };
  let entries = 0;
  for (;;) {
    const page = await read<StoredEntry>(driver, query('api/audit-chain').text, { after: int(previous.seq), limit: int(PAGE) });
    for (const entry of page) {
      entries++;
      if (entry.seq !== previous.seq + 1) problem(`${missing(previous.seq + 1, entry.seq - 1)} missing before entry ${entry.seq} (removed)`);
      else if (entry.prevHash !== previous.hash) problem(`entry ${entry.seq}: its link to entry ${previous.seq} is broken (prevHash ${entry.prevHash} ≠ ${previous.hash})`);
      if (entryHash(entry) !== entry.hash) problem(`entry ${entry.seq}: its hash does not match its fields (changed after it was written)`);
      previous = { seq: entry.seq, hash: entry.hash ?? '' };
    }
    if (page.length < PAGE) break;
  }
  for (const loose of await read<{ at: string; action: string }>(driver, query('api/audit-unchained').text)) {
    problem(`an entry without seq (${loose.action} at ${loose.at}) is not in the chain (added afterwards)`);
  }
  // The head catches what the entries alone cannot show: the last entries removed, or the last one rewritten with a fresh hash.
  const [head = null] = await read<{ seq: number; hash: string }>(driver, query('api/audit-head').text);
  const end = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS };
  if (end.seq > previous.seq) problem(`${missing(previous.seq + 1, end.seq)} missing at the end (removed; the head says the chain ends at entry ${end.seq})`);
  else if (end.seq < previous.seq) problem(`the head says the chain ends at entry ${end.seq}, but entries go on to ${previous.seq} (the head was changed)`);
  else if (end.hash !== previous.hash) problem(`entry ${previous.seq}: its hash is not the one the head recorded (rewritten)`);
  return { entries, intact: problems.length === 0, problems, head };
}

const missing = (from: number, to: number) => (from === to ? `entry ${from} is` : `entries ${from}–${to} are`);
