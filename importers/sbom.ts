// CycloneDX SBOMs (JSON) as a source: the components of an application or platform become
// (:Component {name, group, version, purl, publisher}) nodes it CONTAINS, so that an advisory or an
// end of support reaches what is built in, not only what the portfolio names. Which application or
// platform the SBOM is of: given by the uploader (`target`: a uid, or an application or platform
// name), else the SBOM's own metadata.component matched by name. One source per SBOM by default
// (`sbom:<uid>`): a new SBOM of the same application replaces the components of the one before.
import type { Driver } from 'neo4j-driver';
import { read } from '../server/neo4j.js';
import { query } from '../server/queries.js';
import { importMappedLandscape } from './sources/archimate/import.js';
import type { FileInput } from './mapping.js';
import { type ComponentRow, type Landscape, emptyLandscape } from './model.js';
import type { Issue } from './read.js';
import { fieldIssue, fileProblem, fileTooLarge, readJson } from './file-problem.js';

export const SBOM_MAX_BYTES = 20 * 1024 * 1024;
const MAX_COMPONENTS = 50_000;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Whether an upload is a CycloneDX JSON SBOM: `"bomFormat": "CycloneDX"` near its start. */
export function isCycloneDxFile(file: FileInput): boolean {
  if (!/\.json$/i.test(file.name)) return false;
  const head = new TextDecoder('utf-8').decode(file.bytes.subarray(0, 4096));
  return /"bomFormat"\s*:\s*"CycloneDX"/.test(head);
}

export type Sbom = { file: string; subject: { name: string; version: string | null } | null; components: Omit<ComponentRow, 'target'>[]; issues: Issue[] };

/** One SBOM file → its subject (metadata.component) and components (nested ones too), or issues naming the field. */
export function readCycloneDx(file: FileInput): Sbom {
  if (file.bytes.length > SBOM_MAX_BYTES) throw fileProblem(`${file.name}: larger than ${SBOM_MAX_BYTES / 1024 / 1024} MB / groter dan toegestaan`, { file: file.name, code: 'file-too-large', params: { max: SBOM_MAX_BYTES } });
  const json = readJson(file, 'a CycloneDX SBOM');
  if (!isObject(json) || json.bomFormat !== 'CycloneDX') throw fileProblem(`${file.name}: bomFormat: expected "CycloneDX" / geen CycloneDX-SBOM`, { file: file.name, field: 'bomFormat', code: 'sbom-not-cyclonedx' });
  const issues: Issue[] = [];
  const issue = (path: string, value: unknown, expected: string) =>
    issues.push(fieldIssue({ file: file.name, line: 0, column: path, field: path, value: String(value ?? ''), expected, message: `${file.name}: ${path}: expected ${expected}` }));
  const subjectJson = isObject(json.metadata) && isObject(json.metadata.component) ? json.metadata.component : null;
  const subject = subjectJson && text(subjectJson.name) ? { name: text(subjectJson.name)!, version: text(subjectJson.version) } : null;
  const components = new Map<string, Omit<ComponentRow, 'target'>>();
  const walk = (list: unknown, path: string) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) return issue(path, list, 'a list of components');
    list.forEach((component, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(component)) return issue(at, component, 'a component object');
      const name = text(component.name);
      if (!name) return issue(`${at}.name`, component.name, 'the component name');
      const version = text(component.version);
      const group = text(component.group);
      const purl = text(component.purl);
      const publisher = text(component.publisher) ?? (isObject(component.supplier) ? text(component.supplier.name) : null);
      const key = purl ?? `${group ? `${group}/` : ''}${name}@${version ?? ''}`;
      components.set(key, { key, name, group, version, purl, publisher });
      walk(component.components, `${at}.components`);
    });
  };
  walk(json.components, 'components');
  if (components.size > MAX_COMPONENTS) throw fileTooLarge(`${file.name}: more than ${MAX_COMPONENTS} components / te veel componenten`, { file: file.name, code: 'sbom-too-many', params: { count: components.size, max: MAX_COMPONENTS } });
  return { file: file.name, subject, components: [...components.values()], issues };
}

type Target = { uid: string; name: string; kind: string };

/** Which application or platform the SBOM is of: the uploader's `target` (uid or name) or its metadata.component, by name. */
async function findTarget(driver: Driver, sbom: Sbom, target: string | undefined, organisation: string | undefined): Promise<Target> {
  const asked = target?.trim() || sbom.subject?.name;
  if (!asked) {
    throw fileProblem(`${sbom.file}: metadata.component: the SBOM does not say what it is of; give the application or platform (target) / geef aan van welke applicatie of welk platform deze SBOM is`, { file: sbom.file, field: 'metadata.component', code: 'sbom-no-subject' });
  }
  const found = await read<Target>(driver, query('import/sbom-target').text, { asked, organisation: organisation ?? null });
  const field = target?.trim() ? 'target' : 'metadata.component.name';
  if (found.length === 0) {
    throw fileProblem(`${sbom.file}: ${field}: "${asked}" is no application or platform in Roer${organisation ? ` of organisation ${organisation}` : ''}; expected the uid or name of one / onbekende applicatie of platform`, { file: sbom.file, field, code: 'sbom-target-unknown', params: { asked, organisation } });
  }
  if (found.length > 1) {
    throw fileProblem(`${sbom.file}: ${field}: "${asked}" names ${found.length} applications or platforms (${found.map(t => t.uid).join(', ')}); give the uid or the organisation / meerdere gevonden, geef de uid of de organisatie`, { file: sbom.file, field, code: 'sbom-target-ambiguous', params: { asked, count: found.length, uids: found.map(t => t.uid).join('|') } });
  }
  return found[0];
}

export type SbomOptions = { source?: string; user?: string; dryRun?: boolean; allowRemovals?: boolean; maxRemovalShare?: number; organisation?: string; target?: string };

/** One CycloneDX SBOM → the components of its application or platform, as a source: one transaction, stamped with the run. */
export async function importSbom(driver: Driver, files: FileInput[], options: SbomOptions = {}) {
  if (files.length !== 1) throw fileProblem(`One SBOM at a time, of one application or platform; got ${files.length} files / één SBOM tegelijk`, { file: files.map(file => file.name).join(', '), code: 'sbom-one-file', params: { count: files.length } });
  const started = Date.now();
  const sbom = readCycloneDx(files[0]);
  const target = await findTarget(driver, sbom, options.target, options.organisation);
  const source = options.source ?? `sbom:${target.uid}`;
  const report = { format: 'cyclonedx', target, subject: sbom.subject, components: sbom.components.length, issues: sbom.issues };
  if (sbom.issues.length > 0) {
    return { ...report, source, runId: null, dryRun: options.dryRun ?? false, graph: { nodes: {}, removed: {} }, durationMs: Date.now() - started };
  }
  const landscape: Landscape = { ...emptyLandscape(), components: sbom.components.map(component => ({ ...component, target: target.uid })) };
  return importMappedLandscape(driver, landscape, report, { ...options, source, files: [sbom.file], started });
}
