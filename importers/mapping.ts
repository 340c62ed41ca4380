// Which column of a file is which field: COLUMNS from model.ts (English or Dutch) plus a user's
// mapping file, and the supplier alias file that forces or prevents merges.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { InputError } from '../server/errors.js';
import { headerWordsOf } from './header-words.js';
import { COLUMNS, Id, TABLES, type TableName } from './model.js';

/** `roer-mapping.json`: `{ "applications": { "Pakket": "name" } }` — a header as written → a canonical field. */
export const Mapping = z
  .object(Object.fromEntries(TABLES.map(table => [table, z.record(z.string().min(1), z.string()).optional()])) as Record<TableName, z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>>)
  .strict()
  .superRefine((mapping, ctx) => {
    for (const table of TABLES) {
      for (const [header, field] of Object.entries(mapping[table] ?? {})) {
        if (!(field in COLUMNS[table])) {
          ctx.addIssue({ code: 'custom', path: [table, header], message: `"${field}" is not a column of ${table}; expected one of ${Object.keys(COLUMNS[table]).join(', ')}` });
        }
      }
    }
  });
export type Mapping = z.infer<typeof Mapping>;

/** `roer-aliases.json`: supplier ids to merge (the first id is kept) or to keep apart despite equal names. */
export const Aliases = z
  .object({
    merge: z.array(z.tuple([Id, Id])).default([]),
    keepApart: z.array(z.tuple([Id, Id])).default([]),
  })
  .strict();
export type Aliases = z.infer<typeof Aliases>;

export type FileInput = { name: string; bytes: Uint8Array };

/** Header text as compared: case, spaces, `-` and `_` do not count. */
export const normalizeHeader = (header: string) => header.normalize('NFC').toLowerCase().replace(/[\s_\-]+/g, '');

/** header (normalized) → field, for one table. */
export function headerIndex(table: TableName, mapping: Mapping = {}): Map<string, string> {
  const index = new Map<string, string>();
  for (const [field, aliases] of Object.entries(COLUMNS[table])) {
    for (const name of [field, ...aliases]) index.set(normalizeHeader(name), field);
  }
  // The workbook's headers in words (header-words.ts), where the key is not already one.
  for (const [header, field] of headerWordsOf(table)) if (!index.has(normalizeHeader(header))) index.set(normalizeHeader(header), field);
  // The user's mapping wins over the built-in names.
  for (const [header, field] of Object.entries(mapping[table] ?? {})) index.set(normalizeHeader(header), field);
  return index;
}

/** The accepted header names of a field, for messages ("name (or: naam)"). */
export function acceptedHeaders(table: TableName, field: string, mapping: Mapping = {}): string[] {
  const mapped = Object.entries(mapping[table] ?? {}).filter(([, target]) => target === field).map(([header]) => header);
  return [field, ...(COLUMNS[table][field] ?? []), ...mapped];
}

export function parseMapping(file: FileInput | string): Mapping {
  return parseJsonFile(file, Mapping, 'a header mapping such as { "applications": { "Pakket": "name" } }');
}

export function parseAliases(file: FileInput | string): Aliases {
  return parseJsonFile(file, Aliases, 'an alias file such as { "merge": [["id-a", "id-b"]], "keepApart": [["id-c", "id-d"]] }');
}

function parseJsonFile<T>(file: FileInput | string, schema: z.ZodType<T>, expected: string): T {
  const input = typeof file === 'string' ? readInput(file) : file;
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(input.bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${input.name}: not valid JSON (${(error as Error).message}); expected ${expected}`);
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(issue => `${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new InputError(`${input.name}: ${problems.join('; ')} — expected ${expected}`);
  }
  return result.data;
}

function readInput(path: string): FileInput {
  try {
    return { name: basename(path), bytes: readFileSync(path) };
  } catch (error) {
    throw new InputError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
