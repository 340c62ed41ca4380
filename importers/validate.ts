// Raw tables → a Landscape, or every issue at once. Rows go through the zod row schemas of
// model.ts; then the cross-checks that need the whole import (and what the database already holds):
// duplicates, unknown references, end before start, platform cycles, supplier merges.
import type { ZodType } from 'zod';
import { once } from '../server/once.js';
import { normalizeSupplierName } from './load.js';
import { type Aliases, acceptedHeaders } from './mapping.js';
import {
  type ApplicationRow, type ContractRow, type InterfaceRow, type Landscape, type PlatformRow, type SupplierRow, TABLES, type TableName,
  emptyLandscape, rowSchemas, uid,
} from './model.js';
import type { IssueCode, IssueParams } from './issue-words.js';
import { type Issue, type RawTable, shorten } from './read.js';
import { isSorted } from './row-state.js';

export type { Issue } from './read.js';

const TABLE_OF_KIND: Record<string, TableName> = { supplier: 'suppliers', platform: 'platforms', application: 'applications' };

/** What the database already holds, asked once per table (never per row). */
export type Lookup = {
  /** Which of these uids exist (and will survive this import's cleanup). */
  existingUids(uids: string[]): Promise<Set<string>>;
  /** Suppliers in the database with one of these normalized names. */
  suppliersByName(normalizedNames: string[]): Promise<{ id: string; name: string; normalizedName: string }[]>;
  /** Applications with one of these ids, in any organisation. */
  applicationOrganisations(ids: string[]): Promise<{ id: string; organisation: string }[]>;
  /** Of these supplier ids, those an earlier import merged into another supplier that still exists: into which (the latest). */
  earlierMerges(ids: string[]): Promise<{ dropped: string; kept: string; keptName: string }[]>;
};

export const noLookup: Lookup = {
  existingUids: async () => new Set(),
  suppliersByName: async () => [],
  applicationOrganisations: async () => [],
  earlierMerges: async () => [],
};

/** `earlier import`: the rows name a supplier id that an earlier import merged (its suppliers file is not in this import). */
export type Merge = { kept: string; dropped: string; keptName: string; droppedName: string; reason: 'same name' | 'alias file' | 'earlier import'; file: string; line: number };
export type ExtraColumns = { file: string; table: TableName; columns: string[] };

export type Validation = {
  landscape: Landscape;
  issues: Issue[];
  merges: Merge[];
  extraColumns: ExtraColumns[];
  read: Record<TableName, number>;
  errors: Record<TableName, number>;
  /** Supplier rows merged into another supplier row of the same files (same name, alias file): read, but no row of their own. */
  mergedSuppliers: number;
};

type Entry<T> = { table: RawTable; line: number; row: T; raw: Record<string, string> };
type Rows = { [K in TableName]: Entry<RowOf<K>>[] };
type RowOf<K extends TableName> = K extends 'suppliers' ? SupplierRow : K extends 'platforms' ? PlatformRow : K extends 'applications' ? ApplicationRow : K extends 'interfaces' ? InterfaceRow : ContractRow;

/** `carriedApplications`: uids of applications the import holds but does not validate again (importers/raw-index.ts). */
export type ValidateOptions = { lookup?: Lookup; aliases?: Aliases; carriedApplications?: Iterable<string> };

export async function validate(tables: RawTable[], options: ValidateOptions = {}): Promise<Validation> {
  const lookup = options.lookup ?? noLookup;
  const issues: Issue[] = tables.flatMap(table => table.issues);
  const tableOfIssue = new Map<Issue, TableName>(tables.flatMap(table => table.issues.map(issue => [issue, table.table] as const)));
  const add = (table: RawTable, line: number, field: string, value: unknown, expected: string, problem: string | undefined, code: IssueCode, params?: IssueParams) => {
    const column = table.columns[field] ?? field;
    const shown = display(value);
    const issue: Issue = {
      file: table.file, line, column, field, value: shown, expected, code, ...(params ? { params } : {}),
      message: `${table.file}:${line}: ${column}${column !== field ? ` (${field})` : ''}: ${problem ?? (shown === '' ? 'missing' : `"${shown}" is not valid`)}; expected ${expected}`,
    };
    issues.push(issue);
    tableOfIssue.set(issue, table.table);
  };

  // 1. Each row through its schema; a missing required column is one issue per file.
  const rows = Object.fromEntries(TABLES.map(table => [table, []])) as unknown as Rows;
  // Rows with a bad cell still count as present, so references to them are not reported a second time.
  const failed: { table: TableName; id?: string; organisation?: string }[] = [];
  // A table whose ids cannot be read: references into it are not checked (its missing column is the issue).
  const incomplete = new Set<TableName>();
  const share = sharing();
  for (const table of tables) {
    const schema = rowSchemas[table.table] as unknown as ZodType & { shape: Record<string, ZodType> };
    const missing = new Set(Object.keys(schema.shape).filter(field => field !== 'extra' && !(field in table.columns) && !schema.shape[field].safeParse(undefined).success));
    if (missing.has('id') || missing.has('organisation')) incomplete.add(table.table);
    for (const field of missing) {
      const accepted = acceptedHeaders(table.table, field);
      add(table, table.headerLine, field, '', `a column ${accepted.map(name => `"${name}"`).join(' or ')}`, `required column missing in the header`, 'column-missing', { accepted: accepted.join('|') });
    }
    // A table with a header and nothing below it is a broken export, not a wish to remove every row:
    // leaving the file out keeps what the source has.
    if (table.rows.length === 0 && !table.carried?.length && missing.size === 0) {
      add(table, table.headerLine, '', '', 'at least one row below the header (leave the file out to keep what the source has)', 'the file has a header but no rows / het bestand heeft alleen een kopregel', 'no-rows');
    }
    for (const raw of table.rows) {
      const result = schema.safeParse({ ...raw.values, extra: raw.extra });
      if (result.success) {
        (rows[table.table] as Entry<unknown>[]).push({ table, line: raw.line, row: share(result.data as { extra: Record<string, unknown> }), raw: raw.values });
        continue;
      }
      failed.push({ table: table.table, id: raw.values.id?.trim(), organisation: raw.values.organisation?.trim() });
      const seen = new Set<string>();
      for (const problem of result.error.issues) {
        const field = String(problem.path[0] ?? '');
        if (missing.has(field) || seen.has(field)) continue;
        seen.add(field);
        // The schema's words are kept in params too: the issue's `expected` may be put in another language.
        const expected = expectedOf(problem.message);
        add(table, raw.line, field, raw.values[field] ?? '', expected, undefined, 'invalid', { expected, ...(problem as { params?: IssueParams }).params });
      }
    }
  }

  // 2. Duplicate ids: suppliers and platforms are global, the rest is per organisation.
  for (const name of TABLES) {
    const first = new Map<string, Entry<{ id: string }>>();
    const kept: Entry<{ id: string }>[] = [];
    for (const entry of rows[name] as Entry<{ id: string; organisation?: string }>[]) {
      const key = entry.row.organisation === undefined ? entry.row.id : `${entry.row.organisation}/${entry.row.id}`;
      const earlier = first.get(key);
      if (earlier) {
        add(entry.table, entry.line, 'id', entry.row.id, 'an id used once per table' + (entry.row.organisation === undefined ? '' : ' and organisation'),
          `duplicate id "${entry.row.id}"${entry.row.organisation === undefined ? '' : ` in organisation ${entry.row.organisation}`} (first in ${earlier.table.file}:${earlier.line})`,
          'duplicate-id', { id: entry.row.id, organisation: entry.row.organisation, firstFile: earlier.table.file, firstLine: earlier.line });
      } else {
        first.set(key, entry);
        kept.push(entry);
      }
    }
    (rows as Record<TableName, unknown[]>)[name] = kept;
  }

  // 3. Supplier merges: equal normalized names (here or already in the database), plus the alias file.
  const merges = await mergeSuppliers(rows, options.aliases ?? { merge: [], keepApart: [] }, lookup);
  merges.push(...await earlierMerges(rows, merges, lookup));
  const rename = new Map(merges.map(merge => [merge.dropped, merge.kept]));
  const resolve = (id: string | undefined) => (id === undefined ? undefined : rename.get(id) ?? id);
  for (const entry of rows.platforms) entry.row.supplier = resolve(entry.row.supplier);
  for (const entry of rows.applications) entry.row.supplier = resolve(entry.row.supplier);
  for (const entry of rows.contracts) entry.row.supplier = resolve(entry.row.supplier)!;

  // 4. References: the import's own tables first, then one database lookup per table.
  const present = (table: TableName) => failed.filter(row => row.table === table && row.id);
  const suppliers = new Set([...rows.suppliers.map(entry => entry.row.id), ...present('suppliers').map(row => row.id!)].map(id => uid.supplier(rename.get(id) ?? id)));
  const platforms = new Set([...rows.platforms.map(entry => entry.row.id), ...present('platforms').map(row => row.id!)].map(uid.platform));
  const applications = new Set([
    ...rows.applications.map(entry => uid.application(entry.row.organisation, entry.row.id)),
    ...present('applications').filter(row => row.organisation).map(row => uid.application(row.organisation!, row.id!)),
    ...(options.carriedApplications ?? []),
  ]);
  type Ref = Reference & { entry: Entry<unknown> };
  // Each entry's references are filtered as they are made: the country has about a million, and
  // keeping a record of each until the check took some 100 MB while validation peaked.
  const check = async (entries: Entry<unknown>[], table: TableName, known: Set<string>) => {
    const open = entries.flatMap(entry => references(table, entry.row as never).filter(ref => !known.has(ref.uid) && !incomplete.has(TABLE_OF_KIND[ref.kind])).map(ref => ({ ...ref, entry })));
    const existing = open.length ? await lookup.existingUids([...new Set(open.map(ref => ref.uid))]) : new Set<string>();
    return open.filter(ref => !existing.has(ref.uid));
  };
  const report = (refs: Ref[]) => {
    for (const ref of refs) {
      add(ref.entry.table, ref.entry.line, ref.field, ref.entry.raw[ref.field] ?? ref.value, `the id of ${ref.kind === 'application' ? 'an' : 'a'} ${ref.kind}${ref.organisation ? ` of organisation ${ref.organisation}` : ''} in this import or already in Roer`,
        `unknown ${ref.kind} "${ref.value}"${ref.organisation ? ` in organisation ${ref.organisation}` : ''}`, 'unknown-reference', { kind: ref.kind, value: ref.value, organisation: ref.organisation });
    }
  };

  report(await check(rows.platforms, 'platforms', new Set([...suppliers, ...platforms])));
  report(await check(rows.applications, 'applications', new Set([...suppliers, ...platforms])));
  report(await check(rows.interfaces, 'interfaces', applications));
  const contractRefs = await check(rows.contracts, 'contracts', new Set([...suppliers, ...applications]));
  // A contract naming another organisation's application says so, rather than just "unknown".
  const unknownApps = contractRefs.filter(ref => ref.kind === 'application');
  const elsewhere = new Map<string, Set<string>>();
  for (const entry of rows.applications) (elsewhere.get(entry.row.id) ?? elsewhere.set(entry.row.id, new Set()).get(entry.row.id)!).add(entry.row.organisation);
  if (unknownApps.length) {
    for (const found of await lookup.applicationOrganisations([...new Set(unknownApps.map(ref => ref.value))])) {
      (elsewhere.get(found.id) ?? elsewhere.set(found.id, new Set()).get(found.id)!).add(found.organisation);
    }
  }
  for (const ref of contractRefs) {
    const others = ref.kind === 'application' ? [...(elsewhere.get(ref.value) ?? [])].filter(org => org !== ref.organisation) : [];
    if (others.length) {
      add(ref.entry.table, ref.entry.line, 'applications', ref.entry.raw.applications ?? ref.value, `applications of organisation ${ref.organisation}`,
        `application "${ref.value}" belongs to organisation ${others.join(', ')}, not to ${ref.organisation} that holds this contract`,
        'other-organisation', { value: ref.value, owners: others.join('|'), organisation: ref.organisation });
    } else report([ref]);
  }

  // 5. Contract end before start.
  for (const entry of rows.contracts) {
    if (entry.row.start && entry.row.end < entry.row.start) {
      add(entry.table, entry.line, 'end', entry.raw.end ?? entry.row.end, `an end date on or after the start (${entry.row.start})`, `the contract ends (${entry.row.end}) before it starts (${entry.row.start})`,
        'end-before-start', { start: entry.row.start, end: entry.row.end });
    }
  }

  // 6. Platforms running on themselves, directly or in a loop.
  const runsOn = new Map(rows.platforms.map(entry => [entry.row.id, entry]));
  const reported = new Set<string>();
  for (const start of rows.platforms) {
    const path: string[] = [];
    let current: string | undefined = start.row.id;
    while (current && runsOn.has(current) && !path.includes(current) && !reported.has(current)) {
      path.push(current);
      current = runsOn.get(current)!.row.runsOn;
    }
    if (current && path.includes(current)) {
      const cycle = path.slice(path.indexOf(current));
      cycle.forEach(id => reported.add(id));
      const entry = runsOn.get(cycle[0])!;
      add(entry.table, entry.line, 'runsOn', entry.raw.runsOn ?? entry.row.runsOn, 'a platform that does not (indirectly) run on this one',
        `platforms run on each other in a loop: ${[...cycle, cycle[0]].join(' → ')}`, 'platform-loop', { cycle: [...cycle, cycle[0]].join('|') });
    }
  }

  const landscape = emptyLandscape();
  // A dropped supplier whose kept twin exists only in the database is asserted under the kept id,
  // so this source keeps that shared node alive.
  const inImport = new Set(rows.suppliers.map(entry => entry.row.id));
  landscape.suppliers = rows.suppliers
    .filter(entry => !rename.has(entry.row.id) || !inImport.has(rename.get(entry.row.id)!))
    .map(entry => (rename.has(entry.row.id) ? { ...entry.row, id: rename.get(entry.row.id)! } : entry.row));
  landscape.platforms = rows.platforms.map(entry => entry.row);
  landscape.applications = rows.applications.map(entry => entry.row);
  landscape.interfaces = rows.interfaces.map(entry => entry.row);
  landscape.contracts = rows.contracts.map(entry => entry.row);

  const read = Object.fromEntries(TABLES.map(table => [table, tables.filter(t => t.table === table).reduce((sum, t) => sum + t.rows.length, 0)])) as Record<TableName, number>;
  const errors = Object.fromEntries(TABLES.map(table => [table, 0])) as Record<TableName, number>;
  for (const issue of issues) errors[tableOfIssue.get(issue)!]++;
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return {
    landscape,
    issues,
    merges,
    extraColumns: tables.filter(table => table.extraColumns.length).map(table => ({ file: table.file, table: table.table, columns: table.extraColumns })),
    read,
    errors,
    mergedSuppliers: rows.suppliers.length - landscape.suppliers.length,
  };
}

/**
 * The supplier merges (by name and alias file) that the suppliers tables make, before the other tables
 * are read: which rows a re-import may carry depends on them (importers/raw-index.ts). Null when a
 * supplier row is not valid (validation says so).
 */
export async function supplierMerges(tables: RawTable[], options: ValidateOptions = {}): Promise<Merge[] | null> {
  const rows = Object.fromEntries(TABLES.map(table => [table, []])) as unknown as Rows;
  const ids = new Set<string>();
  for (const table of tables.filter(one => one.table === 'suppliers')) {
    for (const raw of table.rows) {
      const result = rowSchemas.suppliers.safeParse({ ...raw.values, extra: raw.extra });
      if (!result.success || ids.has(result.data.id)) return null;
      ids.add(result.data.id);
      rows.suppliers.push({ table, line: raw.line, row: result.data as SupplierRow, raw: raw.values });
    }
  }
  return mergeSuppliers(rows, options.aliases ?? { merge: [], keepApart: [] }, options.lookup ?? noLookup);
}

/**
 * Suppliers with equal normalized names merge into one id: one already in the database (from
 * another source) wins, else the first in the import. The alias file forces (`merge`: the first
 * id is kept) or prevents (`keepApart`) a merge.
 */
async function mergeSuppliers(rows: Rows, aliases: Aliases, lookup: Lookup): Promise<Merge[]> {
  const apart = new Set(aliases.keepApart.flatMap(([a, b]) => [`${a}\u0000${b}`, `${b}\u0000${a}`]));
  const isApart = (a: string, b: string) => apart.has(`${a}\u0000${b}`);
  const byId = new Map(rows.suppliers.map(entry => [entry.row.id, entry]));
  const merges: Merge[] = [];
  const mergedInto = new Map<string, string>();

  for (const [kept, dropped] of aliases.merge) {
    const entry = byId.get(dropped);
    if (!entry || kept === dropped) continue;
    merges.push({ kept, dropped, keptName: byId.get(kept)?.row.name ?? kept, droppedName: entry.row.name, reason: 'alias file', file: entry.table.file, line: entry.line });
    mergedInto.set(dropped, kept);
  }

  const names = [...new Set(rows.suppliers.map(entry => normalizeSupplierName(entry.row.name)))];
  const inDatabase = names.length ? await lookup.suppliersByName(names) : [];
  const groups = new Map<string, { id: string; name: string; entry?: Entry<SupplierRow> }[]>();
  for (const supplier of [...inDatabase].sort((a, b) => a.id.localeCompare(b.id))) {
    if (byId.has(supplier.id)) continue;
    (groups.get(supplier.normalizedName) ?? groups.set(supplier.normalizedName, []).get(supplier.normalizedName)!).push({ id: supplier.id, name: supplier.name });
  }
  for (const entry of rows.suppliers) {
    const name = normalizeSupplierName(entry.row.name);
    (groups.get(name) ?? groups.set(name, []).get(name)!).push({ id: entry.row.id, name: entry.row.name, entry });
  }
  for (const members of groups.values()) {
    const representatives: { id: string; name: string }[] = [];
    for (const member of members) {
      if (mergedInto.has(member.id)) continue;
      const target = representatives.find(rep => !isApart(rep.id, member.id) && !mergedInto.has(rep.id));
      if (!target || !member.entry) {
        representatives.push(member);
        continue;
      }
      merges.push({ kept: target.id, dropped: member.id, keptName: target.name, droppedName: member.name, reason: 'same name', file: member.entry.table.file, line: member.entry.line });
      mergedInto.set(member.id, target.id);
    }
  }
  // Chains (a → b by alias, b → c by name) end at the last kept id.
  for (const merge of merges) {
    const seen = new Set<string>();
    while (mergedInto.has(merge.kept) && !seen.has(merge.kept)) {
      seen.add(merge.kept);
      merge.kept = mergedInto.get(merge.kept)!;
    }
  }
  return merges;
}

/**
 * Supplier ids the rows name that neither this import's suppliers nor its merges hold, but that an
 * earlier import merged into another supplier (same name, alias file): the rows mean that supplier,
 * as they did then. Without this, re-importing the applications without the suppliers file said
 * "unknown supplier s-0116" of a supplier the first import had merged itself.
 */
async function earlierMerges(rows: Rows, merges: Merge[], lookup: Lookup): Promise<Merge[]> {
  const known = new Set([...rows.suppliers.map(entry => entry.row.id), ...merges.map(merge => merge.dropped)]);
  const firstUse = new Map<string, Entry<unknown>>();
  for (const entry of [...rows.platforms, ...rows.applications, ...rows.contracts] as Entry<{ supplier?: string }>[]) {
    const id = entry.row.supplier;
    if (id !== undefined && !known.has(id) && !firstUse.has(id)) firstUse.set(id, entry);
  }
  if (firstUse.size === 0) return [];
  return (await lookup.earlierMerges([...firstUse.keys()])).map(({ dropped, kept, keptName }) => {
    const entry = firstUse.get(dropped)!;
    return { kept, dropped, keptName, droppedName: dropped, reason: 'earlier import', file: entry.table.file, line: entry.line };
  });
}

/** A reference from a row to another node by id: its field, the id as written and the uid it means. */
export type Reference = { field: string; value: string; uid: string; kind: 'supplier' | 'platform' | 'application'; organisation?: string };

const supplierRef = (id: string | undefined): Reference[] => (id ? [{ field: 'supplier', value: id, uid: uid.supplier(id), kind: 'supplier' }] : []);
const platformRef = (field: string, id: string | undefined): Reference[] => (id ? [{ field, value: id, uid: uid.platform(id), kind: 'platform' }] : []);
const appRef = (field: string, organisation: string, id: string | undefined): Reference[] =>
  id ? [{ field, value: id, uid: uid.application(organisation, id), kind: 'application', organisation }] : [];

const REFERENCES: { [K in TableName]: (row: RowOf<K>) => Reference[] } = {
  suppliers: () => [],
  platforms: row => [...supplierRef(row.supplier), ...platformRef('runsOn', row.runsOn)],
  applications: row => [...supplierRef(row.supplier), ...platformRef('platform', row.platform)],
  interfaces: row => (['from', 'to', 'via'] as const).flatMap(field => appRef(field, row.organisation, row[field])),
  contracts: row => [...supplierRef(row.supplier), ...row.applications.flatMap(id => appRef('applications', row.organisation, id))],
};

/** What a validated row of `table` refers to (its supplier already the one a merge kept). */
export const references = (table: TableName, row: never): Reference[] => (REFERENCES[table] as (row: never) => Reference[])(row);

const NO_EXTRA = Object.freeze({}) as Record<string, never>;

/**
 * Validated rows as the import keeps them until the load: their lists sorted, a list equal to an earlier one (the
 * reference components, functions and standards of every use of one product) becomes that list, and
 * a row without extra columns shares one empty `extra`. Done as each row is validated, so the copies
 * never pile up: the country's landscape 111 → 59 MB, and validation's live heap at its height 265 → 214 MB.
 */
function sharing(): <T extends { extra: Record<string, unknown> }>(row: T) => T {
  const lists = new Map<string, string[]>();
  return row => {
    if (Object.keys(row.extra).length === 0) row.extra = NO_EXTRA;
    const fields = row as Record<string, unknown>;
    for (const key in fields) {
      const value = fields[key];
      if (!Array.isArray(value)) continue;
      // Sorted: the lists are sets, and row-state.ts's rowJson is fastest on sorted lists.
      const sorted = isSorted(value) ? value : [...value].sort();
      fields[key] = once(lists, sorted.join('\u0000'), () => sorted);
    }
    return row;
  };
}

const display = (value: unknown) => shorten(value === undefined || value === null ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));

/** zod's own messages for a missing value ("Invalid input: expected string, received undefined") say nothing to a user. */
const expectedOf = (message: string) => (message.startsWith('Invalid input') ? 'a value' : message);
