// The GEMMA Softwarecatalogus portfolio export ("Gemeenten_applicatieportfolio_<datum>.csv", `;`-separated)
// as a first-class input: every row is a package version (pakketversie) a municipality uses, from a
// supplier, mapped onto GEMMA reference components. Rows → applications and suppliers; the package
// (pakket) is kept on the application as `extra_pakket_id` / `extra_pakket_naam`. Then the same
// pipeline as any spreadsheet (importLandscape: cross-checks, one transaction, run record).
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { InputError, TooLargeError } from '../server/errors.js';
import { resolveReferenceComponents } from './gemma.js';
import { type ImportOptions, type ImportReport, importLandscape } from './import.js';
import { type FileInput, normalizeHeader } from './mapping.js';
import { ApplicationRow, type Landscape, SupplierRow } from './model.js';
import { type Issue, shorten } from './read.js';
import { readCsv } from './sources/csv.js';

export const SWC_MAX_BYTES = 50 * 1024 * 1024;

/** Field → accepted headers (compared without case, spaces, `-` and `_`). */
export const SWC_COLUMNS = {
  organisation: ['Gemeente id', 'Gemeente ID', 'Organisatie id', 'Organisatie ID', 'Gemeentecode', 'CBS code', 'Gemeente', 'Organisatie'],
  organisationName: ['Gemeente naam', 'Gemeentenaam', 'Organisatie naam', 'Organisatienaam'],
  id: ['Pakketversie ID', 'Pakketversie id'],
  name: ['Pakketversie Naam', 'Pakketversie naam'],
  packageId: ['Pakket ID', 'Pakket id'],
  packageName: ['Pakket Naam', 'Pakket naam', 'Pakketnaam'],
  supplier: ['Leverancier id', 'Leverancier ID'],
  supplierName: ['Leverancier naam', 'Leverancier Naam', 'Leverancier', 'Supplier Name'],
  referenceComponents: ['Referentiecomponenten gemeente', 'Referentiecomponent gemeente'],
} as const;
type Field = keyof typeof SWC_COLUMNS;
const REQUIRED: Field[] = ['id', 'name'];

export type SwcRead = {
  landscape: Landscape;
  issues: Issue[];
  /** Columns kept as `extra_<column>` on the application. */
  extraColumns: string[];
  rows: number;
};

/** Reference components in one cell: `|`, `,` or new lines between them. */
const splitList = (cell: string) => cell.split(/[|,\n]/).map(item => item.trim()).filter(Boolean);

/** Whether a CSV file is a portfolio export: by its name, or by a `Pakketversie ID` column in its first line. */
export function isPortfolioCsv(file: FileInput): boolean {
  if (!/\.(csv|txt)$/i.test(file.name)) return false;
  if (/applicatieportfolio/i.test(file.name)) return true;
  const head = new TextDecoder('utf-8').decode(file.bytes.subarray(0, 4096)).split(/\r?\n/)[0] ?? '';
  const headers = new Set(head.split(/[;,\t]/).map(cell => normalizeHeader(cell.replace(/^\uFEFF|"/g, ''))));
  return SWC_COLUMNS.id.some(header => headers.has(normalizeHeader(header)));
}

/**
 * A portfolio CSV → Landscape, or every problem at once (file, line, column, what was expected).
 * `organisation` is used for files without a municipality column (a single municipality's export).
 */
export function readSoftwarecatalogus(input: FileInput | string, options: { organisation?: string } = {}): SwcRead {
  const file = typeof input === 'string' ? readPath(input) : input;
  if (file.bytes.byteLength > SWC_MAX_BYTES) throw new TooLargeError(`${file.name}: ${file.bytes.byteLength} bytes is more than the ${SWC_MAX_BYTES} bytes accepted`);
  const grid = readCsv(file);
  const index = new Map<Field, number>();
  const known = new Set<number>();
  for (const [field, headers] of Object.entries(SWC_COLUMNS) as [Field, readonly string[]][]) {
    const wanted = new Set(headers.map(normalizeHeader));
    const at = grid.headers.findIndex((header, i) => !known.has(i) && wanted.has(normalizeHeader(header)));
    if (at >= 0) {
      index.set(field, at);
      known.add(at);
    }
  }
  const missing = REQUIRED.filter(field => !index.has(field));
  if (!index.has('organisation') && !options.organisation) missing.push('organisation');
  if (missing.length) {
    throw new InputError(
      `${file.name}: not a Softwarecatalogus portfolio export; missing column(s) ${missing.map(field => `'${SWC_COLUMNS[field][0]}'`).join(', ')} ` +
        `(ontbrekende kolom(men); found: ${grid.headers.join('; ')})`,
    );
  }
  const extraColumns = grid.headers.filter((header, i) => !known.has(i) && header !== '');
  const issues: Issue[] = grid.badCells?.map(bad => ({ file: file.name, line: bad.line, column: grid.headers[bad.index] ?? '', field: '', value: shorten(bad.value), expected: bad.expected, message: bad.message })) ?? [];
  const applications = new Map<string, ApplicationRow>();
  const suppliers = new Map<string, SupplierRow>();
  for (const record of grid.records) {
    const cell = (field: Field) => (index.has(field) ? (record.cells[index.get(field)!] ?? '').trim() : '');
    const issue = (field: Field, expected: string) =>
      issues.push({
        file: file.name, line: record.line, column: grid.headers[index.get(field) ?? 0] ?? SWC_COLUMNS[field][0], field, value: cell(field), expected,
        message: `${file.name}:${record.line}: column '${grid.headers[index.get(field) ?? 0] ?? SWC_COLUMNS[field][0]}': expected ${expected}`,
      });
    const organisation = cell('organisation') || options.organisation || '';
    if (!organisation) issue('organisation', 'a municipality id (gemeente)');
    if (!cell('id')) issue('id', 'a package version id (Pakketversie ID)');
    if (!cell('name')) issue('name', 'a package version name (Pakketversie Naam)');
    if (!organisation || !cell('id') || !cell('name')) continue;
    const supplierId = cell('supplier');
    if (supplierId) {
      const parsed = SupplierRow.safeParse({ id: supplierId, name: cell('supplierName') || supplierId });
      if (parsed.success) suppliers.set(supplierId, parsed.data);
      else issue('supplier', parsed.error.issues[0].message);
    }
    const extra: Record<string, string> = {};
    if (cell('packageId')) extra['Pakket ID'] = cell('packageId');
    if (cell('packageName')) extra['Pakket naam'] = cell('packageName');
    if (cell('organisationName')) extra['Gemeente naam'] = cell('organisationName');
    for (const header of extraColumns) {
      const value = (record.cells[grid.headers.indexOf(header)] ?? '').trim();
      if (value) extra[header] = value;
    }
    const key = `${organisation}\u0000${cell('id')}`;
    const earlier = applications.get(key);
    // A version listed twice (once per reference component) is one application.
    const referenceComponents = [...new Set([...(earlier?.referenceComponents ?? []), ...splitList(cell('referenceComponents'))])];
    const parsed = ApplicationRow.safeParse({
      id: cell('id'), organisation, name: cell('name'), supplier: supplierId || undefined, referenceComponents, extra: { ...earlier?.extra, ...extra },
    });
    if (parsed.success) applications.set(key, parsed.data);
    else issue('name', parsed.error.issues[0].message);
  }
  return {
    landscape: { suppliers: [...suppliers.values()], platforms: [], applications: [...applications.values()], interfaces: [], contracts: [] },
    issues,
    extraColumns,
    rows: grid.records.length,
  };
}

export type SwcImportReport = ImportReport & { unresolvedReferenceComponents: string[] };

/**
 * Reads, maps reference components onto the GEMMA catalogue already loaded (by name, former name or
 * GEMMA id; unknown names are kept as written and listed), then imports like any spreadsheet.
 */
export async function importSoftwarecatalogus(
  driver: Driver,
  input: FileInput | string,
  options: { organisation?: string } & Pick<ImportOptions, 'source' | 'user' | 'dryRun' | 'allowRemovals' | 'maxRemovalShare' | 'onProgress'> = {},
): Promise<SwcImportReport> {
  const file = typeof input === 'string' ? readPath(input) : input;
  const { landscape, issues } = readSoftwarecatalogus(file, options);
  const refs = [...new Set(landscape.applications.flatMap(a => a.referenceComponents))];
  const resolved = new Map((await resolveReferenceComponents(driver, refs)).map(r => [r.ref, r.name]));
  for (const application of landscape.applications) {
    application.referenceComponents = [...new Set(application.referenceComponents.map(ref => resolved.get(ref) ?? ref))];
  }
  const unresolvedReferenceComponents = refs.filter(ref => !resolved.get(ref));
  const organisations = [...new Set(landscape.applications.map(a => a.organisation))];
  const source = options.source ?? `swc:${organisations.length === 1 ? organisations[0] : basename(file.name).replace(/\.[^.]*$/, '')}`.replace(/[^A-Za-z0-9:._/-]+/g, '-');
  if (issues.length) {
    // Nothing is written when any row has a problem; the report says which.
    const report = await importLandscape(driver, landscape, { source, user: options.user, dryRun: true, files: [file.name] });
    return { ...report, ok: false, issues: [...issues, ...report.issues], unresolvedReferenceComponents };
  }
  const { user, dryRun, allowRemovals, maxRemovalShare, onProgress } = options;
  const report = await importLandscape(driver, landscape, { source, user, dryRun, allowRemovals, maxRemovalShare, onProgress, files: [file.name] });
  return { ...report, unresolvedReferenceComponents };
}

function readPath(path: string): FileInput {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new InputError(`${path}: no such file`);
  if (stat.size > SWC_MAX_BYTES) throw new TooLargeError(`${path}: ${stat.size} bytes is more than the ${SWC_MAX_BYTES} bytes accepted`);
  return { name: basename(path), bytes: readFileSync(path) };
}
