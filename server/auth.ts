// API tokens and roles. With ROER_AUTH=off (a laptop) every request acts as a local admin; with
// ROER_AUTH=token a request needs `Authorization: Bearer <token>`. Only the sha256 hash is stored.
import { createHash, randomBytes } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { ForbiddenError, InputError, UnauthorizedError } from './errors.js';
import { graphVersion } from './analyses/snapshot-cache.js';
import { read, write } from './neo4j.js';
import { once } from './once.js';
import { query } from './queries.js';

export const Role = z.enum(['viewer', 'editor', 'admin']);
export type Role = z.infer<typeof Role>;
export type Principal = { name: string; role: Role };
export type AuthMode = 'off' | 'token';

const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };
export const SEED_TOKEN_NAME = 'admin (ROER_ADMIN_TOKEN)';
const CONSTRAINT_VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
export const generateToken = () => `roer_${randomBytes(32).toString('base64url')}`;

export const NewToken = z.object({
  name: z.string().trim().min(1).max(100),
  role: Role,
});
export type NewToken = z.infer<typeof NewToken>;

/** Creates a token; the plain token is returned once and never stored. */
export async function createToken(driver: Driver, input: NewToken): Promise<{ name: string; role: Role; createdAt: string; token: string }> {
  const token = generateToken();
  try {
    const [row] = await write<{ name: string; role: Role; createdAt: string }>(driver, query('api/token-create').text, { ...input, hash: hashToken(token) });
    return { ...row, token };
  } catch (error) {
    // The uniqueness constraint on the name decides between two requests racing for one name.
    if ((error as { code?: unknown }).code !== CONSTRAINT_VIOLATION) throw error;
    throw new InputError(`A token named '${input.name}' already exists / Er bestaat al een token met de naam '${input.name}'`);
  }
}

export const listTokens = (driver: Driver) => read<{ name: string; role: Role; createdAt: string }>(driver, query('api/token-list').text);

export async function deleteToken(driver: Driver, name: string): Promise<boolean> {
  const [row] = await write<{ deleted: number }>(driver, query('api/token-delete').text, { name });
  return (row?.deleted ?? 0) > 0;
}

/** ROER_ADMIN_TOKEN at start-up: an admin token that exists without anyone calling the API first. */
export async function seedAdminToken(driver: Driver, token: string): Promise<void> {
  await write(driver, query('api/token-seed').text, { name: SEED_TOKEN_NAME, hash: hashToken(token) });
}

/**
 * Tokens found, per database version: in token mode every request needs its caller, and one lookup
 * each halved the throughput. Concurrent requests share a version check (graphVersion) instead, and
 * a revocation, being a write, changes the version, so it holds at once in every process.
 */
const found = new WeakMap<Driver, Map<string, { version: string; principal: Principal }>>();
const FOUND_ENTRIES = 1000;

export async function findPrincipal(driver: Driver, token: string): Promise<Principal | undefined> {
  const hash = hashToken(token);
  const known = once(found, driver, () => new Map<string, { version: string; principal: Principal }>());
  const version = await graphVersion(driver);
  const hit = known.get(hash);
  if (hit?.version === version) return hit.principal;
  const [row] = await read<Principal>(driver, query('api/token-find').text, { hash });
  const principal = row && Role.safeParse(row.role).success ? row : undefined;
  if (principal) {
    // Only tokens that exist are kept, and only so many: guessing cannot fill memory.
    if (known.size >= FOUND_ENTRIES) known.delete(known.keys().next().value!);
    known.set(hash, { version, principal });
  }
  return principal;
}

/** Puts the caller in res.locals.principal (or nothing: requireRole decides what that means). */
export function authenticate(driver: Driver, mode: AuthMode): RequestHandler {
  return async (req, res, next) => {
    if (mode === 'off') {
      res.locals.principal = { name: 'local', role: 'admin' } satisfies Principal;
      return next();
    }
    const header = req.get('authorization');
    if (!header) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedError('Authorization header must be `Bearer <token>` / Gebruik `Authorization: Bearer <token>`');
    const principal = await findPrincipal(driver, match[1]);
    if (!principal) throw new UnauthorizedError('Unknown or revoked API token / Onbekend of ingetrokken API-token');
    res.locals.principal = principal;
    next();
  };
}

export const principalOf = (res: Response): Principal | undefined => res.locals.principal as Principal | undefined;

/** Whether the caller has at least `role`. */
export const hasRole = (principal: Principal | undefined, role: Role) => principal !== undefined && RANK[principal.role] >= RANK[role];

/** Refuses the request unless the caller has at least `role`. */
export function requireRole(role: Role): RequestHandler {
  return (_req, res, next) => {
    const principal = principalOf(res);
    if (!principal) throw new UnauthorizedError('An API token is required: `Authorization: Bearer <token>` / Een API-token is nodig');
    if (RANK[principal.role] < RANK[role]) {
      throw new ForbiddenError(`This needs the role '${role}'; your token has '${principal.role}' / Hiervoor is de rol '${role}' nodig`);
    }
    next();
  };
}
