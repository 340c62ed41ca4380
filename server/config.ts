// Configuration from environment variables, parsed once at start-up. A bad value stops the program
// with a message that names the variable.
import { join } from 'node:path';
import { z } from 'zod';
import { defaultCacheDir } from './local-neo4j.js';

const port = z.coerce.number().int().min(1).max(65535);
const memory = z.string().regex(/^\d+[kmg]$/i, 'a size such as 512m or 2g');

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
  ROER_DEMO: z.enum(['municipality', 'region', 'none']).default('municipality'),
  ROER_UPLOAD_LIMIT_MB: z.coerce.number().positive().max(1024).default(50),
  /** The largest import (nodes + relationships) loaded in one transaction; a larger one commits as it goes (all or nothing still). */
  ROER_IMPORT_TRANSACTION_ROWS: z.coerce.number().int().min(1).default(200_000),
  ROER_LOCKIN_WEIGHTS: z.string().optional(),
  /** Once the JS heap holds more than 128 MB, how far it may grow past its live set before V8 collects (server/heap.ts); 0 = V8's default. */
  ROER_HEAP_GROWTH_PERCENT: z.coerce.number().int().min(0).max(300).default(25),
  /** All files of one upload together, counted as they arrive (ROER_UPLOAD_LIMIT_MB is per file). */
  ROER_UPLOAD_TOTAL_LIMIT_MB: z.coerce.number().positive().max(4096).default(100),
});
export type Config = z.infer<typeof Config>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Config.safeParse(Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')));
  if (result.success) return result.data;
  const lines = result.error.issues.map(issue => `  ${issue.path.join('.')}: ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`);
  throw new ConfigError(`Invalid configuration in environment variables:\n${lines.join('\n')}`);
}

/** Folder of the Neo4j instance `npm start` runs when NEO4J_URI is unset; it survives restarts. */
export const localInstanceDir = (config: Config) => config.ROER_DATA_DIR ?? join(defaultCacheDir(), 'dev');
