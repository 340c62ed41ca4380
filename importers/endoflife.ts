// End-of-support dates in the endoflife.date JSON shape, imported as a source like any other (no
// network): per product its release cycles (cycle, releaseDate, eol, support, latest, lts). Read:
//  - the API's answer for one product, `[{ "cycle": "9.0", "eol": "2027-03-31", … }]`, the product
//    named by the file (`tomcat.json`);
//  - `{ "product": "tomcat", "title": "Apache Tomcat", "aliases": [...], "releases": [...] }`, where a
//    release may also say `releaseCycle` (the repository's own files);
//  - several products at once: `{ "tomcat": [...], "postgresql": [...] }` or a list of the above;
//  - the API v1 answer `{ "result": { "name", "label", "releases": [{ "name", "eolFrom", "isEol", … }] } }`.
// `eol`/`support`: a date, or true (ended, date unknown) / false (no end announced).
import type { Driver } from 'neo4j-driver';
import { importMappedLandscape } from './sources/archimate/import.js';
import type { FileInput } from './mapping.js';
import { type Landscape, type ReleaseCycleRow, emptyLandscape, parseDate, slug } from './model.js';
import type { Issue } from './read.js';
import { fieldIssue, fileProblem, readJson } from './file-problem.js';

export const ENDOFLIFE_MAX_BYTES = 10 * 1024 * 1024;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const CYCLE_KEYS = ['cycle', 'releaseCycle', 'name'];

/** Whether a parsed JSON value looks like endoflife.date data: release cycles with an eol. */
export function isEndOfLifeJson(json: unknown): boolean {
  const isCycle = (value: unknown) => isObject(value) && CYCLE_KEYS.some(key => key in value) && ('eol' in value || 'isEol' in value || 'eolFrom' in value);
  const isProduct = (value: unknown): boolean =>
    (Array.isArray(value) && value.length > 0 && value.every(isCycle)) ||
    (isObject(value) && Array.isArray(value.releases) && value.releases.length > 0 && value.releases.every(isCycle));
  if (isProduct(json)) return true;
  if (isObject(json) && isObject(json.result) && isProduct(json.result)) return true;
  if (Array.isArray(json)) return json.length > 0 && json.every(item => isObject(item) && isProduct(item));
  return isObject(json) && Object.keys(json).length > 0 && Object.values(json).every(isProduct);
}

/** Whether an upload is an endoflife.date file, by its name and the start of its text (read whole only when small). */
export function isEndOfLifeFile(file: FileInput): boolean {
  if (!/\.json$/i.test(file.name) || file.bytes.length > ENDOFLIFE_MAX_BYTES) return false;
  try {
    return isEndOfLifeJson(JSON.parse(new TextDecoder('utf-8').decode(file.bytes).replace(/^\uFEFF/, '')));
  } catch {
    return false;
  }
}

/** The files → release cycles, or every issue (file, where in it, what was expected). */
export function readEndOfLife(files: FileInput[]): { cycles: ReleaseCycleRow[]; issues: Issue[] } {
  const cycles = new Map<string, ReleaseCycleRow>();
  const issues: Issue[] = [];
  for (const file of files) {
    if (file.bytes.length > ENDOFLIFE_MAX_BYTES) throw fileProblem(`${file.name}: larger than ${ENDOFLIFE_MAX_BYTES / 1024 / 1024} MB / groter dan toegestaan`, { file: file.name, code: 'file-too-large', params: { max: ENDOFLIFE_MAX_BYTES } });
    const json = readJson(file, 'endoflife.date release cycles');
    const issue = (path: string, value: unknown, expected: string) =>
      issues.push(fieldIssue({ file: file.name, line: 0, column: path, field: path, value: String(value ?? ''), expected, message: `${file.name}: ${path}: expected ${expected}` }));
    const fromName = file.name.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
    const products: { path: string; id: string; names: string[]; releases: unknown }[] = [];
    const product = (path: string, value: unknown, id: string) => {
      if (Array.isArray(value)) products.push({ path, id, names: [id], releases: value });
      else if (isObject(value)) {
        const ownId = typeof value.product === 'string' ? value.product : typeof value.name === 'string' && Array.isArray(value.releases) ? value.name : id;
        const title = [value.title, value.label].find(name => typeof name === 'string') as string | undefined;
        const aliases = Array.isArray(value.aliases) ? value.aliases.filter((alias): alias is string => typeof alias === 'string') : [];
        products.push({ path, id: ownId, names: [ownId, ...(title ? [title] : []), ...aliases], releases: value.releases });
      } else issue(path, value, 'a list of release cycles or a product with "releases"');
    };
    if (isObject(json) && isObject(json.result)) product('result', json.result, fromName);
    else if (Array.isArray(json) && json.every(item => isObject(item) && Array.isArray(item.releases))) json.forEach((item, i) => product(`[${i}]`, item, fromName));
    else if (Array.isArray(json) || (isObject(json) && Array.isArray(json.releases))) product('', json, fromName);
    else if (isObject(json)) for (const [key, value] of Object.entries(json)) product(key, value, key);
    else issue('(top level)', json, 'endoflife.date release cycles');

    for (const { path, id, names, releases } of products) {
      if (!slug(id)) issue(`${path}.product`, id, 'a product id such as "tomcat"');
      if (!Array.isArray(releases) || releases.length === 0) {
        issue(`${path}.releases`, '', 'at least one release cycle');
        continue;
      }
      releases.forEach((release, i) => {
        const at = `${path ? `${path}` : ''}[${i}]`;
        if (!isObject(release)) return issue(at, release, 'a release cycle object');
        const cycleValue = CYCLE_KEYS.map(key => release[key]).find(value => typeof value === 'string' || typeof value === 'number');
        if (cycleValue === undefined || String(cycleValue).trim() === '') return issue(`${at}.cycle`, '', 'the cycle, such as "9.0"');
        const cycle = String(cycleValue).trim();
        const eol = endOf(release.eol ?? release.eolFrom ?? release.isEol);
        if (!eol) return issue(`${at}.eol`, release.eol, 'a date (2027-03-31) or true/false');
        const support = release.support === undefined || release.support === null ? { date: null, reached: null } : endOf(release.support);
        if (!support) return issue(`${at}.support`, release.support, 'a date (2027-03-31) or true/false');
        const latest = isObject(release.latest) ? release.latest.name : release.latest;
        const releaseDate = release.releaseDate === undefined || release.releaseDate === null ? null : parseDate(String(release.releaseDate)) ?? null;
        const row: ReleaseCycleRow = {
          product: slug(id), productNames: [...new Set(names.map(name => name.trim()).filter(Boolean))], cycle, releaseDate,
          eol: eol.date, eolReached: eol.reached, support: support.date, latest: latest === undefined || latest === null ? null : String(latest),
          lts: release.lts === true || typeof release.lts === 'string',
        };
        cycles.set(`${row.product}\u0000${cycle}`, row);
      });
    }
  }
  return { cycles: [...cycles.values()], issues };
}

/** `"2027-03-31"` → that date; true → ended (date unknown); false → no end announced; else undefined. */
function endOf(value: unknown): { date: string | null; reached: boolean | null } | undefined {
  if (value === true) return { date: null, reached: true };
  if (value === false) return { date: null, reached: false };
  if (typeof value === 'string') {
    const date = parseDate(value);
    return date ? { date, reached: null } : undefined;
  }
  return undefined;
}

export type EndOfLifeOptions = { source?: string; user?: string; dryRun?: boolean; allowRemovals?: boolean; maxRemovalShare?: number };

/** The files → release cycles in the graph, as source `endoflife` (or the one given): one transaction, stamped with the run. */
export async function importEndOfLife(driver: Driver, files: FileInput[], options: EndOfLifeOptions = {}) {
  const started = Date.now();
  const { cycles, issues } = readEndOfLife(files);
  const source = options.source ?? 'endoflife';
  const report = { format: 'endoflife', products: new Set(cycles.map(c => c.product)).size, releaseCycles: cycles.length, issues };
  if (issues.length > 0) {
    return { ...report, source, runId: null, dryRun: options.dryRun ?? false, loaded: 0, graph: { nodes: {}, removed: {} }, durationMs: Date.now() - started };
  }
  const landscape: Landscape = { ...emptyLandscape(), releaseCycles: cycles };
  return importMappedLandscape(driver, landscape, report, { ...options, source, files: files.map(file => file.name), started });
}
