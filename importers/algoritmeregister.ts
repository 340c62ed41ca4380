// The national Algoritmeregister (algoritmes.overheid.nl) as a source: its JSON listing
// (`{algoritmes: […]}` as the public API and its daily scrape give it, or a bare list) → one
// Algorithm node per registration, linked to its organisation when the landscape has it, and to the
// applications and suppliers its text names (algorithm-match.ts), for people to confirm or reject.
// read → validate (every problem, with file, line and field) → match → load in one transaction
// (the whole register is 1,530 entries) → cleanup of what the source said before. Decisions on
// matches are not the source's facts: they are kept apart (server/algorithms.ts) and survive.
import { randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { database, read } from '../server/neo4j.js';
import { query } from '../server/queries.js';
import { type Candidate, type KnownApplication, type KnownOrganisation, candidatesFor, organisationIndex, textOf } from './algorithm-match.js';
import { Source, runOwner } from './import.js';
import { hash } from './load.js';
import type { FileInput } from './mapping.js';
import { parseDate } from './model.js';
import type { Issue } from './read.js';
import { arrayElementLines, jsonErrorAt } from './sources/json-lines.js';
import type { FileIssueCode, IssueParams } from './issue-words.js';
import { fileProblem } from './file-problem.js';

export const DEFAULT_ALGORITHM_SOURCE = 'algoritmeregister';
/** The register is about 2 MB; ten times that is still a register, more is something else. */
export const REGISTER_MAX_BYTES = 20 * 1024 * 1024;

const STATUS: Record<string, AlgorithmStatus> = {
  in_gebruik: 'in-use', 'in gebruik': 'in-use', 'in-use': 'in-use', in_use: 'in-use', actief: 'in-use',
  ontwikkeling: 'in-development', in_ontwikkeling: 'in-development', 'in ontwikkeling': 'in-development', 'in-development': 'in-development', development: 'in-development',
  buiten_gebruik: 'retired', 'buiten gebruik': 'retired', retired: 'retired', out_of_use: 'retired',
};
export type AlgorithmStatus = 'in-use' | 'in-development' | 'retired';
export type Category = 'high-risk' | 'impactful' | 'other';

const trimmed = (value: unknown) => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : value);
const optional = (max: number) => z.preprocess(v => (trimmed(v) === '' || v === null ? undefined : trimmed(v)), z.string({ error: 'text' }).max(max, `at most ${max} characters`).optional());

/** One registration as the register lists it; fields the register has and Roer does not use are ignored. */
export const AlgorithmRecord = z.object({
  id: z.preprocess(trimmed, z.string({ error: "the register's id (lars code)" }).regex(/^[A-Za-z0-9._-]{1,100}$/, "the register's id: letters, digits, . _ -")),
  title: z.preprocess(trimmed, z.string({ error: 'a name (title)' }).min(1, 'a name (not empty)').max(500, 'a name of at most 500 characters')),
  organisatie: z.preprocess(trimmed, z.string({ error: 'the organisation (organisatie)' }).min(1, 'the organisation (not empty)').max(300, 'at most 300 characters')),
  doel: optional(20_000),
  juridische_basis: optional(20_000),
  impactassessment: z.preprocess(v => {
    const text = typeof trimmed(v) === 'string' ? String(trimmed(v)).toLowerCase() : v;
    if (text === undefined || text === null || text === '' || text === 'onbekend' || text === 'unknown') return 'unknown';
    return text === 'ja' || text === 'yes' ? 'yes' : text === 'nee' || text === 'no' ? 'no' : v;
  }, z.enum(['yes', 'no', 'unknown'], { error: 'Ja, Nee or Onbekend' })),
  status: z.preprocess(v => (typeof v === 'string' ? STATUS[v.trim().toLowerCase()] ?? v : v), z.enum(['in-use', 'in-development', 'retired'], { error: 'in_gebruik, ontwikkeling or buiten_gebruik' })),
  geregistreerd: z.preprocess(v => (v === undefined || v === null || v === '' ? undefined : parseDate(v) ?? v), z.string({ error: 'a date such as 2025-10-31' }).refine(value => parseDate(value) === value, 'a date such as 2025-10-31').optional()),
  url: z.preprocess(v => (trimmed(v) === '' || v === null ? undefined : trimmed(v)), z.url({ protocol: /^https?$/, error: 'a web address (https://…)' }).max(1000).optional()),
  // Not in the public listing, in the register's full entries: read when an export has them.
  publicatiecategorie: z.preprocess(v => {
    const text = typeof trimmed(v) === 'string' ? String(trimmed(v)).toLowerCase() : v;
    if (text === undefined || text === null || text === '') return undefined;
    if (typeof text !== 'string') return v;
    return /hoog|high/.test(text) ? 'high-risk' : /impact/.test(text) ? 'impactful' : /overig|other/.test(text) ? 'other' : v;
  }, z.enum(['high-risk', 'impactful', 'other'], { error: 'Hoog-risico AI-systeem, Impactvolle algoritmes or Overige algoritmes' }).optional()),
  organisatiecode: optional(100),
  leverancier: optional(2_000),
  systeem: optional(2_000),
});
export type AlgorithmRecord = z.infer<typeof AlgorithmRecord>;

/** Other spellings of the optional fields (the register's API in English, older exports). */
const ALIASES: Record<string, keyof AlgorithmRecord> = {
  name: 'title', naam: 'title', organization: 'organisatie', organisation: 'organisatie', goal: 'doel', purpose: 'doel', impact_assessment: 'impactassessment',
  publication_category: 'publicatiecategorie', publicatie_categorie: 'publicatiecategorie', organisation_code: 'organisatiecode', code: 'organisatiecode',
  provider: 'leverancier', supplier: 'leverancier', application: 'systeem', applicatie: 'systeem', toepassing: 'systeem',
};

export type RegisterEntry = AlgorithmRecord & { line: number; file: string };
export type RegisterRead = { entries: RegisterEntry[]; issues: Issue[] };

/** Whether a file is the register: a .json whose first bytes hold the `algoritmes` list (or whose name says so). */
export function isAlgoritmeregister(file: FileInput): boolean {
  if (!/\.json$/i.test(file.name)) return false;
  const head = Buffer.from(file.bytes.subarray(0, 4096)).toString('utf8');
  return /"algoritmes"\s*:\s*\[/.test(head) || (/algoritme/i.test(file.name) && /"organisatie"\s*:/.test(head));
}

const issue = (file: string, line: number, field: string, value: unknown, expected: string, message: string, coded: { code: FileIssueCode; params?: IssueParams } = { code: 'field-invalid' }): Issue => {
  const shown = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return { file, line, column: field, field, value: shown.slice(0, 200), expected, message: `${file}:${line}: ${field ? `${field}: ` : ''}${message}; expected ${expected}`, code: coded.code, params: { expected, ...coded.params } };
};

/** Bytes → the validated entries, or every problem found (an entry with a problem is not kept). */
export function readAlgoritmeregister(file: FileInput): RegisterRead {
  if (file.bytes.length > REGISTER_MAX_BYTES) throw fileProblem(`${file.name}: larger than the ${REGISTER_MAX_BYTES / 1024 / 1024} MB a register may be / groter dan een algoritmeregister kan zijn`, { file: file.name, code: 'file-too-large', params: { max: REGISTER_MAX_BYTES } });
  const issues: Issue[] = [];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '');
  } catch {
    return { entries: [], issues: [issue(file.name, 1, '', '', 'a JSON file in UTF-8', 'the file is not UTF-8 text', { code: 'file-not-utf8' })] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const at = jsonErrorAt(text, error as Error);
    return { entries: [], issues: [issue(file.name, at.line, `column ${at.column}`, '', 'well-formed JSON', `not readable as JSON (${(error as Error).message})`, { code: 'json-unreadable', params: { detail: (error as Error).message, column: at.column } })] };
  }
  const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  let list: unknown[];
  let lines: number[];
  if (Array.isArray(json)) [list, lines] = [json, arrayElementLines(text, [])];
  else if (isRecord(json) && Array.isArray(json.algoritmes)) [list, lines] = [json.algoritmes, arrayElementLines(text, ['algoritmes'])];
  else return { entries: [], issues: [issue(file.name, 1, 'algoritmes', '', 'the register\'s listing: {"algoritmes": […]} or a list of entries', 'no list of algorithms', { code: 'json-not-list', params: { what: 'algoritmes' } })] };

  const entries: RegisterEntry[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const line = lines[index] ?? 1;
    if (!isRecord(item)) {
      issues.push(issue(file.name, line, '', item, 'an entry (an object with id, title, organisatie…)', 'not an entry'));
      return;
    }
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(item)) fields[ALIASES[key.toLowerCase()] ?? key.toLowerCase()] = value;
    const parsed = AlgorithmRecord.safeParse(fields);
    if (!parsed.success) {
      for (const problem of parsed.error.issues) {
        const field = String(problem.path[0] ?? '');
        issues.push(issue(file.name, line, field, fields[field], problem.message, fields[field] === undefined ? 'missing' : 'not valid'));
      }
      return;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier !== undefined) {
      issues.push(issue(file.name, line, 'id', parsed.data.id, 'each id once', `already at line ${earlier}`, { code: 'field-invalid', params: { problem: 'duplicate', firstLine: earlier } }));
      return;
    }
    seen.set(parsed.data.id, line);
    entries.push({ ...parsed.data, line, file: file.name });
  });
  return { entries, issues };
}

export type AlgorithmReport = {
  runId: string | null;
  source: string;
  dryRun: boolean;
  ok: boolean;
  issues: Issue[];
  files: string[];
  tables: { algorithms: { read: number; created: number; updated: number; unchanged: number; removed: number; errors: number } };
  /** Register organisations found in the landscape (with how many algorithms) and those not found. */
  organisations: { matched: { name: string; organisation: string; algorithms: number }[]; unmatched: { name: string; algorithms: number }[] };
  /** Proposed links per confidence (algorithm → application or supplier), for review. */
  matches: Record<string, number>;
  removals: null;
  confirmationNeeded: false;
  durationMs: number;
};

export type AlgorithmImportOptions = { source?: string; user?: string; dryRun?: boolean; onProgress?: (progress: { phase: 'validate' | 'load' | 'cleanup' | 'done'; done: number; total: number }) => void };

type Planned = { uid: string; entry: RegisterEntry; organisation: KnownOrganisation | undefined; candidates: Candidate[]; props: Record<string, string | boolean | null> };

export const algorithmUid = (id: string) => `algorithm:${id}`;

/** The properties an entry gives its node; `impactful`: the register's category says so, or (without a category) an impact assessment was made. */
function propsOf(entry: RegisterEntry): Record<string, string | boolean | null> {
  const category = entry.publicatiecategorie ?? null;
  const props = {
    id: entry.id, name: entry.title, organisationName: entry.organisatie, purpose: entry.doel ?? null, legalBasis: entry.juridische_basis ?? null,
    status: entry.status, impactAssessment: entry.impactassessment, publicationCategory: category,
    highRisk: category === 'high-risk',
    impactful: category ? category !== 'other' : entry.impactassessment === 'yes',
    registered: entry.geregistreerd ?? null, url: entry.url ?? null, supplierText: entry.leverancier ?? null, systemText: entry.systeem ?? null,
  };
  return { ...props, hash: hash(props) };
}

/** Validates, matches and (unless a dry run or anything is wrong) loads the register as one source. */
export async function importAlgoritmeregister(driver: Driver, files: FileInput[], options: AlgorithmImportOptions = {}): Promise<AlgorithmReport> {
  const started = Date.now();
  const source = Source.parse(options.source ?? DEFAULT_ALGORITHM_SOURCE);
  const progress = options.onProgress ?? (() => {});
  progress({ phase: 'validate', done: 0, total: 0 });
  const entries: RegisterEntry[] = [];
  const issues: Issue[] = [];
  for (const file of files) {
    const found = readAlgoritmeregister(file);
    entries.push(...found.entries);
    issues.push(...found.issues);
  }
  const base = { source, dryRun: options.dryRun ?? false, files: files.map(f => f.name), removals: null, confirmationNeeded: false as const };
  const empty = { read: entries.length, created: 0, updated: 0, unchanged: 0, removed: 0, errors: issues.length };
  if (issues.length > 0) {
    return { ...base, runId: null, ok: false, issues, tables: { algorithms: empty }, organisations: { matched: [], unmatched: [] }, matches: {}, durationMs: Date.now() - started };
  }
  const planned = await plan(driver, entries);
  const organisations = organisationsReport(planned);
  const matches: Record<string, number> = {};
  for (const p of planned) for (const c of p.candidates) matches[c.confidence] = (matches[c.confidence] ?? 0) + 1;
  const existing = new Map((await read<{ uid: string; hash: string | null }>(driver, query('algorithms/existing').text, { uids: planned.map(p => p.uid) })).map(row => [row.uid, row.hash]));
  const counts = { ...empty, errors: 0 };
  for (const p of planned) {
    const before = existing.get(p.uid);
    if (before === undefined) counts.created++;
    else if (before === p.props.hash) counts.unchanged++;
    else counts.updated++;
  }
  if (options.dryRun) return { ...base, runId: null, ok: true, issues, tables: { algorithms: counts }, organisations, matches, durationMs: Date.now() - started };

  const runId = randomUUID();
  const stamp = `${source}#${runId}`;
  const params = { source, sourcePrefix: `${source}#`, stamp };
  const session = driver.session({ database: database() });
  try {
    counts.removed = await session.executeWrite(async tx => {
      progress({ phase: 'load', done: 0, total: planned.length });
      await tx.run(query('algorithms/load-algorithms').text, { ...params, rows: planned.map(p => ({ uid: p.uid, props: p.props })) });
      await tx.run(query('algorithms/load-deploys').text, { ...params, rows: planned.filter(p => p.organisation).map(p => ({ uid: p.uid, organisation: p.organisation!.uid })) });
      await tx.run(query('algorithms/load-candidates').text, {
        ...params,
        rows: planned.flatMap(p => p.candidates.map(c => ({ uid: p.uid, target: c.target, kind: c.kind, confidence: c.confidence, basis: c.basis }))),
      });
      progress({ phase: 'cleanup', done: planned.length, total: planned.length });
      await tx.run(query('algorithms/stale-relationships').text, params);
      const removed = (await tx.run(query('algorithms/stale-nodes').text, params)).records[0]?.get('removed');
      const removedCount = typeof removed === 'number' ? removed : Number(removed ?? 0);
      const finishedAt = new Date().toISOString();
      await tx.run(query('import/record-run').text, {
        runId, source, startedAt: new Date(started).toISOString(), finishedAt, user: options.user ?? 'unknown', files: base.files,
        counts: JSON.stringify({ tables: { algorithms: { ...counts, removed: removedCount } }, matches, unmatchedOrganisations: organisations.unmatched.length }),
        status: 'ok', asserted: null, digest: null, stamp, unchangedSince: null, overwrote: [], seq: null, removalsConfirmed: false, mergedSuppliers: [], ...runOwner,
      });
      return removedCount;
    });
  } finally {
    await session.close();
  }
  progress({ phase: 'done', done: planned.length, total: planned.length });
  return { ...base, runId, ok: true, issues, tables: { algorithms: counts }, organisations, matches, durationMs: Date.now() - started };
}

/** Each entry's node, organisation and candidates, from the organisations and applications in the graph. */
async function plan(driver: Driver, entries: RegisterEntry[]): Promise<Planned[]> {
  const known = await read<KnownOrganisation>(driver, query('algorithms/organisations').text);
  const find = organisationIndex(known);
  const found = entries.map(entry => ({ entry, organisation: find(entry.organisatie, entry.organisatiecode) }));
  const used = [...new Set(found.flatMap(f => (f.organisation ? [f.organisation.uid] : [])))];
  const applications = used.length ? await read<KnownApplication>(driver, query('algorithms/applications').text, { organisations: used }) : [];
  const byOrganisation = new Map<string, KnownApplication[]>();
  for (const application of applications) byOrganisation.set(application.organisation, [...(byOrganisation.get(application.organisation) ?? []), application]);
  return found.map(({ entry, organisation }) => ({
    uid: algorithmUid(entry.id), entry, organisation, props: propsOf(entry),
    candidates: organisation ? candidatesFor(textOf(entry.title, entry.doel, entry.leverancier, entry.systeem), byOrganisation.get(organisation.uid) ?? []) : [],
  }));
}

function organisationsReport(planned: Planned[]): AlgorithmReport['organisations'] {
  const matched = new Map<string, { name: string; organisation: string; algorithms: number }>();
  const unmatched = new Map<string, number>();
  for (const p of planned) {
    if (p.organisation) {
      const entry = matched.get(p.organisation.uid) ?? { name: p.entry.organisatie, organisation: p.organisation.id, algorithms: 0 };
      entry.algorithms++;
      matched.set(p.organisation.uid, entry);
    } else unmatched.set(p.entry.organisatie, (unmatched.get(p.entry.organisatie) ?? 0) + 1);
  }
  return {
    matched: [...matched.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    unmatched: [...unmatched].map(([name, algorithms]) => ({ name, algorithms })).sort((a, b) => b.algorithms - a.algorithms || a.name.localeCompare(b.name, 'nl')),
  };
}
