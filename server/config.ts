// Configuration from environment variables, parsed once at start-up. A bad value stops the program
// with a message that names the variable.
import { join } from 'node:path';
import { z } from 'zod';
import { defaultCacheDir } from './local-neo4j.js';

const port = z.coerce.number().int().min(1).max(65535);

/** How many runs per source keep their diff (importers/history.ts, which reads it wherever it writes one). */
export const HistoryRuns = z.coerce.number().int().min(1).max(10_000).default(24);
const memory = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g');

/** Addresses that only this computer reaches; anything else (0.0.0.0, a LAN address, a name) is a network. */
export const isLoopback = (host: string) => ['localhost', '::1', '[::1]'].includes(host.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
/** Host names as the Host header carries them (lower case, IPv6 in brackets), without scheme or port. */
export const hostName = (host: string) => (host.includes(':') && !host.startsWith('[') ? `[${host}]` : host).toLowerCase();
const HostName = z
  .string()
  .transform(hostName)
  .pipe(z.string().regex(/^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/, 'host names or addresses such as roer.gemeente.nl,10.0.0.5 (no scheme, no port)'));
/** Variables whose values are never printed, not even when they are invalid. */
const SECRETS = new Set(['NEO4J_PASSWORD', 'ROER_ADMIN_TOKEN']);

export const Config = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NEO4J_URI: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'a neo4j://, neo4j+s://, bolt:// or bolt+s:// URI').optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_BOLT_PORT: port.default(7687),
  NEO4J_HEAP: memory.default('1g'),
  NEO4J_PAGECACHE: memory.default('512m'),
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  ROER_DATA_DIR: z.string().optional(),
  ROER_AUTH: z.enum(['off', 'token']).default('off'),
  ROER_ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Host names the server answers to besides localhost, 127.0.0.1, [::1] and HOST; any other Host header is refused (DNS rebinding). */
  ROER_ALLOWED_HOSTS: z.preprocess(
    value => (typeof value === 'string' ? value.split(',').map(item => item.trim()).filter(Boolean) : value),
    z.array(HostName).default([]),
  ),
  /** `yes` lets HOST be beyond loopback with ROER_AUTH=off: everyone who reaches the port is an admin. */
  ROER_ALLOW_UNAUTHENTICATED_NETWORK: z.enum(['yes', 'no']).default('no'),
  ROER_DEMO: z.enum(['municipality', 'region', 'none']).default('municipality'),
  ROER_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(1024).default(50),
  /** The largest import (nodes + relationships) loaded in one transaction; a larger one commits as it goes (all or nothing still). */
  ROER_IMPORT_TRANSACTION_ROWS: z.coerce.number().int().min(1).default(200_000),
  /** An import that would remove more than this share of any kind of a source's facts stops unless confirmed (importers/removals.ts). */
  ROER_IMPORT_MAX_REMOVAL_SHARE: z.coerce.number().min(0).max(1).default(0.2),
  /** How many runs per source keep their diff (importers/history.ts reads it where it writes one): the landscape as of any of them can be made again. */
  ROER_HISTORY_RUNS: HistoryRuns,
  ROER_LOCKIN_WEIGHTS: z.string().optional(),
  /** Once the JS heap holds more than 128 MB, how far it may grow past its live set before V8 collects (server/heap.ts); 0 = V8's default. */
  ROER_HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(300).default(25),
  /** All files of one upload together, counted as they arrive (ROER_UPLOAD_LIMIT_MB is per file). */
  ROER_UPLOAD_TOTAL_LIMIT_MB: z.coerce.number().positive().max(4096).default(100),
}).superRefine((config, context) => {
  if (config.ROER_AUTH === 'off' && !isLoopback(config.HOST) && config.ROER_ALLOW_UNAUTHENTICATED_NETWORK !== 'yes') {
    context.addIssue({
      code: 'custom',
      path: ['HOST'],
      message:
        'listens beyond this computer while ROER_AUTH=off, so anyone on the network could read and change everything. ' +
        'Set ROER_AUTH=token (with ROER_ADMIN_TOKEN), or HOST=127.0.0.1; to run without access control on a network you trust, set ROER_ALLOW_UNAUTHENTICATED_NETWORK=yes',
    });
  }
});
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Config.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (result.success) return result.data;
  const lines = result.error.issues.map(issue => {
    const name = String(issue.path[0]);
    return `  ${issue.path.join('.')}: ${issue.message} (${SECRETS.has(name) ? 'value not shown' : `got ${JSON.stringify(env[name])}`})`;
  });
  throw new ConfigError(`Invalid configuration in environment variables:\n${lines.join('\n')}`);
}

/** Folder of the Neo4j instance `npm start` runs when NEO4J_URI is unset; it survives restarts. */
export const localInstanceDir = (config: Config) => config.ROER_DATA_DIR ?? join(defaultCacheDir(), 'dev');
