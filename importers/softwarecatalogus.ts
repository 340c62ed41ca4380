// The GEMMA Softwarecatalogus CSV exports as a first-class input. The portfolio
// ("Gemeenten_applicatieportfolio_<datum>.csv", `;`-separated): every row is a package version
// (pakketversie) a municipality uses, from a supplier, mapped onto GEMMA reference components; each
// column goes where the model has a place for it (organisation name, criticality, personal data,
// hosting, period of use, version status, BBN/IBP). Beside it, the catalogue's leveranciers and
// pakketten exports: suppliers, and what a package version is (name, status, reference components),
// for the portfolio rows that do not say it themselves. Then the same pipeline as any spreadsheet
// (importLandscape: cross-checks, removal guard, one transaction, run record).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { InputError } from '../server/errors.js';
import { resolveReferenceComponents } from './gemma.js';
import { type ImportOptions, type ImportReport, importLandscape } from './import.js';
import { type FileInput, normalizeHeader } from './mapping.js';
import { ApplicationRow, type Landscape, type OrganisationRow, type PlatformRow, SupplierRow, slug } from './model.js';
import { type Issue, shorten } from './read.js';
import { type Grid, readCsv } from './sources/csv.js';
import { fileProblem, tooLargeFile } from './file-problem.js';

export const SWC_MAX_BYTES = 50 * 1024 * 1024;

/** Field → accepted headers (compared without case, spaces, `-` and `_`). */
export const SWC_COLUMNS = {
  organisation: ['Gemeente id', 'Gemeente ID', 'Organisatie id', 'Organisatie ID', 'Gemeentecode', 'CBS code', 'Gemeente', 'Organisatie'],
  organisationName: ['Gemeente naam', 'Gemeentenaam', 'Organisatie naam', 'Organisatienaam'],
  id: ['Pakketversie ID', 'Pakketversie id'],
  name: ['Pakketversie Naam', 'Pakketversie naam'],
  packageId: ['Pakket ID', 'Pakket id'],
  packageName: ['Pakket Naam', 'Pakket naam', 'Pakketnaam'],
  version: ['Versie', 'Versienummer', 'Pakketversie versie'],
  supplier: ['Leverancier id', 'Leverancier ID'],
  supplierName: ['Leverancier naam', 'Leverancier Naam', 'Leverancier', 'Supplier Name'],
  referenceComponents: ['Referentiecomponenten gemeente', 'Referentiecomponent gemeente'],
  versionStatus: ['Pakketversie Status', 'Pakketversie status', 'Versiestatus', 'Status'],
  critical: ['Bedrijfskritisch', 'Bedrijfskritiek', 'Bedrijfskritische applicatie'],
  personalData: ['Privacygevoelig', 'Privacy gevoelig', 'Persoonsgegevens'],
  hosting: ['Hosting', 'Hostingmodel', 'Hostingvorm', 'Type hosting', 'Hostingsoort'],
  useStart: ['Ingebruikname', 'Datum ingebruikname', 'In gebruik sinds', 'Start gebruik', 'Startdatum gebruik', 'Gebruik startdatum', 'Startdatum', 'Begindatum'],
  useEnd: ['Uitfasering', 'Datum uitfasering', 'In gebruik tot', 'Eind gebruik', 'Einddatum gebruik', 'Gebruik einddatum', 'Einddatum'],
  bbnScore: ['BBN', 'BBN score', 'BBN-score', 'BBN niveau', 'Basisbeveiligingsniveau'],
  ibpScore: ['IBP', 'IBP score', 'IBP-score'],
  biv: ['BIV', 'BIV classificatie', 'BIV-classificatie'],
} as const;
type Field = keyof typeof SWC_COLUMNS;
const REQUIRED: Field[] = ['id', 'name'];

/** The catalogue's other exports, told apart by their headers (their file names vary). */
const SUPPLIER_EXPORT = { id: ['Leverancier id', 'Leverancier ID'], name: ['Supplier Name', 'Leverancier naam', 'Leverancier Naam', 'Naam'], url: ['Supplier Url', 'Leverancier url', 'Website'] };
const PACKAGE_EXPORT = { id: ['Software ID', 'Pakket ID'], name: ['Software Name', 'Pakket naam', 'Pakket Naam'], version: ['Software Version'], supplier: ['Leverancier id', 'Leverancier ID'] };
const VERSION_EXPORT = {
  id: ['Pakketversie ID'], packageId: ['Pakket ID'], status: ['Pakketversie Status'], referenceComponents: ['Referentiecomponenten leverancier'],
  distributionStart: ['Start distributie'], municipalities: ['Pakket aantal gemeenten'],
};

export type SwcExportKind = 'portfolio' | 'leveranciers' | 'pakketten' | 'leveranciers_pakketten';

export type SwcRead = {
  landscape: Landscape;
  issues: Issue[];
  /** Columns kept as `extra_<column>` on the application: those the model has no place for. */
  extraColumns: string[];
  rows: number;
  /** Which export each file was read as. */
  files: { name: string; kind: SwcExportKind; rows: number }[];
};

/** Reference components in one cell: `|`, `,` or new lines between them. */
const splitList = (cell: string) => cell.split(/[|,\n]/).map(item => item.trim()).filter(Boolean);

/** Header → its column index, for each field of `columns` found (each column used once). */
function columnsOf<F extends string>(grid: Grid, columns: Record<F, readonly string[]>): Map<F, number> {
  const index = new Map<F, number>();
  const taken = new Set<number>();
  for (const [field, headers] of Object.entries(columns) as [F, readonly string[]][]) {
    const wanted = new Set(headers.map(normalizeHeader));
    const at = grid.headers.findIndex((header, i) => !taken.has(i) && wanted.has(normalizeHeader(header)));
    if (at >= 0) {
      index.set(field, at);
      taken.add(at);
    }
  }
  return index;
}

/** Which Softwarecatalogus export a CSV is, by its header; undefined: none of them. */
export function swcExportKind(grid: Pick<Grid, 'headers'>): SwcExportKind | undefined {
  const has = (names: readonly string[]) => grid.headers.some(header => names.map(normalizeHeader).includes(normalizeHeader(header)));
  if (has(SWC_COLUMNS.id) && has(SWC_COLUMNS.name) && (has(SWC_COLUMNS.organisation) || has(SWC_COLUMNS.organisationName))) return 'portfolio';
  if (has(VERSION_EXPORT.id) && (has(VERSION_EXPORT.referenceComponents) || has(VERSION_EXPORT.distributionStart) || has(VERSION_EXPORT.municipalities))) return 'leveranciers_pakketten';
  if (has(['Software ID']) && has(PACKAGE_EXPORT.name)) return 'pakketten';
  if (has(SUPPLIER_EXPORT.id) && has(['Supplier Name', 'Supplier Url'])) return 'leveranciers';
  return undefined;
}

/** Whether a CSV file is one of the catalogue's exports, by its header line. */
export function isSoftwarecatalogusCsv(path: string): boolean {
  if (!/\.(csv|txt)$/i.test(path) || !statSync(path, { throwIfNoEntry: false })?.isFile()) return false;
  return isSoftwarecatalogusExport({ name: basename(path), bytes: readFileSync(path) });
}

/** Whether an uploaded CSV is one of the catalogue's exports (the portfolio, leveranciers, pakketten), by its header line. */
export function isSoftwarecatalogusExport(file: FileInput): boolean {
  if (!/\.(csv|txt)$/i.test(file.name)) return false;
  const end = file.bytes.indexOf(0x0a);
  try {
    return swcExportKind(readCsv({ name: file.name, bytes: file.bytes.subarray(0, end < 0 ? file.bytes.length : end) })) !== undefined;
  } catch {
    return false;
  }
}

/** "Westerwolde" → "Gemeente Westerwolde": the name people know a municipality by. */
export const municipalityName = (name: string) => (/^gemeente\b/i.test(name.trim()) ? name.trim() : `Gemeente ${name.trim()}`);

/** `1950`, `14`, `GM0014` → the four-digit CBS gemeentecode (`1950`, `0014`); else undefined. */
export function cbsCode(value: unknown): string | undefined {
  const match = /^(?:gm)?(\d{1,4})$/i.exec(String(value ?? '').trim());
  return match ? match[1].padStart(4, '0') : undefined;
}

const US_CLOUDS = /\b(azure|microsoft|aws|amazon|google|gcp|oracle|salesforce|ibm)\b/i;
/**
 * Hosting as written → the platform it tells of, where both its kind and its jurisdiction can be told:
 * the municipality's own server room (on premise) is in the Netherlands under its own control (NL);
 * SaaS or cloud says where only when it names a US cloud (US: jurisdiction follows control, DOMAIN.md)
 * or the Netherlands or the EU. Anything else is kept as the application's `hosting` and no platform
 * is made: a guessed jurisdiction would be worse than none (data quality lists applications without one).
 */
export function hostingPlatform(hosting: string | undefined, at: { organisation: string; organisationName: string; supplier?: string; supplierName?: string }): PlatformRow | undefined {
  const text = (hosting ?? '').trim();
  if (!text || /^(none|geen|onbekend|-)$/i.test(text)) return undefined;
  if (/on[- ]?prem|eigen (beheer|serverruimte|rekencentrum|datacent)|lokaal|intern|zelf/i.test(text)) {
    return { id: `on-premise:${at.organisation}`, name: `Eigen serverruimte ${at.organisationName}`, type: 'on-premise', jurisdiction: 'NL', extra: {} };
  }
  if (!/saas|cloud|iaas|paas|extern|gehost|hosted|leverancier|rekencentrum|datacent/i.test(text)) return undefined;
  const jurisdiction = US_CLOUDS.test(text) ? 'US' : /\b(nl|nederland|nederlands|netherlands)\b/i.test(text) ? 'NL' : /\b(eu|europa|europees|europe)\b/i.test(text) ? 'EU' : undefined;
  if (!jurisdiction) return undefined;
  const type = /saas/i.test(text) ? 'saas' : /iaas|paas|cloud/i.test(text) ? 'iaas' : 'data-centre';
  const by = at.supplier ?? `${at.organisation}`;
  return {
    id: `${type}:${by}:${slug(text)}`, name: at.supplierName ? `${text} (${at.supplierName})` : text, type, jurisdiction,
    supplier: at.supplier, extra: {},
  };
}

/**
 * "Bedrijfskritisch = ja" → criticality `high`. The catalogue's flag is one yes/no, and Roer's scale
 * has two steps above `medium`: `high` is what "the organisation calls it business-critical" means,
 * and it is what the analyses count as business-critical; `critical` is kept for what the organisation
 * rates higher still (the OpenRegister objects: business-critical and availability "Hoog" in its BIV).
 * "nee" or nothing → the model's default `medium`: not business-critical says nothing about how low.
 */
export const criticalityOf = (businessCritical: boolean, availabilityHigh = false) => (businessCritical ? (availabilityHigh ? 'critical' : 'high') : 'medium');

/** The catalogue's other exports, as lookups for the portfolio rows and as suppliers of their own. */
type Catalogue = {
  suppliers: Map<string, SupplierRow>;
  packages: Map<string, { name: string; supplier?: string }>;
  versions: Map<string, { status?: string; referenceComponents: string[]; packageId?: string }>;
};

/**
 * The Softwarecatalogus CSV exports (portfolio, leveranciers, pakketten, leveranciers_pakketten; any
 * of them, told apart by their headers) → Landscape, or every problem at once (file, line, column,
 * what was expected). `organisation` is used for a portfolio without a municipality column.
 */
export function readSoftwarecatalogusCsv(inputs: (FileInput | string)[], options: { organisation?: string } = {}): SwcRead {
  const files = inputs.flatMap(input => (typeof input === 'string' ? readPaths(input) : [input]));
  const grids = files.map(file => {
    if (file.bytes.byteLength > SWC_MAX_BYTES) throw tooLargeFile(file.name, file.bytes.byteLength, SWC_MAX_BYTES);
    const grid = readCsv(file);
    const kind = swcExportKind(grid);
    if (!kind) {
      const missing = REQUIRED.filter(field => !columnsOf(grid, SWC_COLUMNS).has(field));
      if (!options.organisation || missing.length) {
        const all = [...missing, ...(columnsOf(grid, SWC_COLUMNS).has('organisation') || options.organisation ? [] : ['organisation' as const])];
        throw fileProblem(
          `${file.name}: not a Softwarecatalogus portfolio export; missing column(s) ${all.map(field => `'${SWC_COLUMNS[field][0]}'`).join(', ')} ` +
            `(ontbrekende kolom(men); found: ${grid.headers.join('; ')})`,
          { file: file.name, code: 'not-portfolio', params: { missing: all.map(field => SWC_COLUMNS[field][0]).join('|'), found: grid.headers.join('|') } },
        );
      }
    }
    return { file, grid, kind: kind ?? 'portfolio' };
  });
  const issues: Issue[] = grids.flatMap(({ file, grid }) =>
    grid.badCells?.map(bad => ({ file: file.name, line: bad.line, column: grid.headers[bad.index] ?? '', field: '', value: shorten(bad.value), expected: bad.expected, message: bad.message })) ?? []);
  const catalogue = readCatalogue(grids.filter(g => g.kind !== 'portfolio'), issues);
  const landscape: Landscape = { organisations: [], suppliers: [], platforms: [], applications: [], interfaces: [], contracts: [] };
  const extraColumns = new Set<string>();
  for (const { file, grid } of grids.filter(g => g.kind === 'portfolio')) {
    readPortfolio(file.name, grid, catalogue, landscape, issues, options).forEach(column => extraColumns.add(column));
  }
  // Suppliers the leveranciers export lists are imported whether or not a portfolio row names them.
  const suppliers = new Map([...catalogue.suppliers, ...landscape.suppliers.map(s => [s.id, s] as const)]);
  landscape.suppliers = [...suppliers.values()];
  return {
    landscape, issues, extraColumns: [...extraColumns], rows: grids.reduce((sum, g) => sum + g.grid.records.length, 0),
    files: grids.map(({ file, grid, kind }) => ({ name: file.name, kind, rows: grid.records.length })),
  };
}

/** One portfolio CSV → landscape; returns the columns kept as `extra_*`. */
function readPortfolio(name: string, grid: Grid, catalogue: Catalogue, landscape: Landscape, issues: Issue[], options: { organisation?: string }): string[] {
  const index = columnsOf(grid, SWC_COLUMNS);
  const known = new Set(index.values());
  const extraColumns = grid.headers.filter((header, i) => !known.has(i) && header !== '');
  const applications = new Map<string, ApplicationRow>();
  const organisations = new Map<string, OrganisationRow>();
  const platforms = new Map<string, PlatformRow>();
  const suppliers = new Map<string, SupplierRow>();
  const columnOf = (field: Field) => grid.headers[index.get(field) ?? -1] ?? SWC_COLUMNS[field][0];
  for (const record of grid.records) {
    const cell = (field: Field) => (index.has(field) ? (record.cells[index.get(field)!] ?? '').trim() : '');
    const issue = (field: Field, expected: string, value = cell(field)) =>
      issues.push({
        file: name, line: record.line, column: columnOf(field), field, value: shorten(value), expected,
        message: `${name}:${record.line}: column '${columnOf(field)}': expected ${expected}`, code: 'invalid', params: { expected },
      });
    const organisation = cell('organisation') || options.organisation || '';
    if (!organisation) issue('organisation', 'a municipality id (gemeente)');
    if (!cell('id')) issue('id', 'a package version id (Pakketversie ID)');
    if (!cell('name')) issue('name', 'a package version name (Pakketversie Naam)');
    if (!organisation || !cell('id') || !cell('name')) continue;
    const organisationName = cell('organisationName') ? municipalityName(cell('organisationName')) : organisation;
    if (cell('organisationName') || cbsCode(organisation)) {
      organisations.set(organisation, { id: organisation, name: organisationName, type: 'Gemeente', cbsCode: cbsCode(organisation), extra: {} });
    }
    const version = catalogue.versions.get(cell('id'));
    const packageId = cell('packageId') || version?.packageId;
    const known = packageId ? catalogue.packages.get(packageId) : undefined;
    const supplierId = cell('supplier') || known?.supplier;
    let supplierName: string | undefined;
    if (supplierId) {
      const listed = catalogue.suppliers.get(supplierId);
      supplierName = cell('supplierName') || listed?.name || supplierId;
      const parsed = SupplierRow.safeParse({ ...listed, id: supplierId, name: supplierName, extra: listed?.extra ?? {} });
      if (parsed.success) suppliers.set(supplierId, parsed.data);
      else issue('supplier', parsed.error.issues[0].message);
    }
    const flag = (field: 'critical' | 'personalData') => {
      const value = cell(field).toLowerCase();
      if (['ja', 'j', 'yes', 'y', 'true', '1', 'x', 'waar'].includes(value)) return true;
      if (['', 'nee', 'n', 'no', 'false', '0', '-', 'onwaar', 'onbekend'].includes(value)) return false;
      issue(field, 'ja or nee');
      return false;
    };
    const hosting = cell('hosting') || undefined;
    const platform = hostingPlatform(hosting, { organisation, organisationName, supplier: supplierId, supplierName });
    if (platform) platforms.set(platform.id, platform);
    const extra: Record<string, string> = {};
    for (const header of extraColumns) {
      const value = (record.cells[grid.headers.indexOf(header)] ?? '').trim();
      if (value) extra[header] = value;
    }
    const key = `${organisation}\u0000${cell('id')}`;
    const earlier = applications.get(key);
    // A version listed twice (once per reference component) is one application.
    const referenceComponents = [...new Set([...(earlier?.referenceComponents ?? []), ...splitList(cell('referenceComponents')), ...(cell('referenceComponents') ? [] : version?.referenceComponents ?? [])])];
    const raw = {
      id: cell('id'), organisation, name: cell('name'), supplier: supplierId || undefined, referenceComponents,
      criticality: criticalityOf(flag('critical')), personalData: flag('personalData'), platform: platform?.id,
      product: cell('packageName') || known?.name || undefined, version: cell('version') || versionInName(cell('name'), cell('packageName') || known?.name) || undefined,
      versionStatus: cell('versionStatus') || version?.status || undefined, useStart: cell('useStart') || undefined, useEnd: cell('useEnd') || undefined,
      hosting, bbnScore: cell('bbnScore') || undefined, ibpScore: cell('ibpScore') || undefined, biv: cell('biv') || undefined,
      extra: { ...earlier?.extra, ...extra },
    };
    const parsed = ApplicationRow.safeParse(raw);
    if (parsed.success) {
      applications.set(key, parsed.data);
      continue;
    }
    const seen = new Set<string>();
    for (const problem of parsed.error.issues) {
      const field = String(problem.path[0] ?? 'name') as Field;
      if (seen.has(field)) continue;
      seen.add(field);
      issue(field in SWC_COLUMNS ? field : 'name', problem.message);
    }
  }
  landscape.organisations!.push(...organisations.values());
  landscape.platforms.push(...platforms.values());
  landscape.suppliers.push(...suppliers.values());
  landscape.applications.push(...applications.values());
  return extraColumns;
}

/**
 * Without a version column, the version is what the package version's name adds to the package's name
 * when that is a version ("Zaakwerk Zaken 4.2" of "Zaakwerk Zaken" → "4.2"); else undefined.
 */
export function versionInName(name: string, packageName: string | undefined): string | undefined {
  if (!packageName || !name.toLowerCase().startsWith(packageName.toLowerCase())) return undefined;
  const rest = name.slice(packageName.length).trim().replace(/^(?:versie|version|v)\s*(?=\d)/i, '');
  return /^\d+(?:[.\-]\w+)*$/.test(rest) ? rest : undefined;
}

/** The leveranciers, pakketten and leveranciers_pakketten exports → lookups (and suppliers). */
function readCatalogue(grids: { file: FileInput; grid: Grid; kind: SwcExportKind }[], issues: Issue[]): Catalogue {
  const catalogue: Catalogue = { suppliers: new Map(), packages: new Map(), versions: new Map() };
  for (const { file, grid, kind } of grids) {
    const columns = kind === 'leveranciers' ? SUPPLIER_EXPORT : kind === 'pakketten' ? PACKAGE_EXPORT : VERSION_EXPORT;
    const index = columnsOf(grid, columns as Record<string, readonly string[]>);
    for (const record of grid.records) {
      const cell = (field: string) => (index.has(field) ? (record.cells[index.get(field)!] ?? '').trim() : '');
      const missing = (field: string, expected: string) => issues.push({
        file: file.name, line: record.line, column: grid.headers[index.get(field) ?? -1] ?? field, field, value: '', expected,
        message: `${file.name}:${record.line}: column '${grid.headers[index.get(field) ?? -1] ?? field}': expected ${expected}`, code: 'invalid', params: { expected },
      });
      if (!cell('id')) {
        missing('id', kind === 'leveranciers' ? 'a supplier id (Leverancier id)' : kind === 'pakketten' ? 'a package id (Software ID)' : 'a package version id (Pakketversie ID)');
        continue;
      }
      if (kind === 'leveranciers') {
        if (!cell('name')) {
          missing('name', 'a supplier name (Supplier Name)');
          continue;
        }
        catalogue.suppliers.set(cell('id'), { id: cell('id'), name: cell('name'), extra: cell('url') ? { website: cell('url') } : {} });
      } else if (kind === 'pakketten') {
        catalogue.packages.set(cell('id'), { name: cell('name') || cell('id'), supplier: cell('supplier') || undefined });
      } else {
        catalogue.versions.set(cell('id'), { status: cell('status') || undefined, referenceComponents: splitList(cell('referenceComponents')), packageId: cell('packageId') || undefined });
      }
    }
  }
  return catalogue;
}

/** One portfolio CSV (kept for callers of one file). */
export const readSoftwarecatalogus = (input: FileInput | string, options: { organisation?: string } = {}): SwcRead => readSoftwarecatalogusCsv([input], options);

export type SwcImportReport = ImportReport & { unresolvedReferenceComponents: string[] };

/**
 * Maps reference components onto the GEMMA catalogue already loaded (by name, former name or GEMMA
 * id; unknown names are kept as written and listed), then imports like any spreadsheet: any problem
 * and nothing is written (a dry run reports what the load would find besides).
 */
export async function importSwcLandscape(
  driver: Driver,
  read: { landscape: Landscape; issues: Issue[] },
  options: { source: string; files: string[] } & Pick<ImportOptions, 'user' | 'dryRun' | 'allowRemovals' | 'maxRemovalShare' | 'onProgress'>,
): Promise<SwcImportReport> {
  const { landscape, issues } = read;
  const refs = [...new Set(landscape.applications.flatMap(a => a.referenceComponents))];
  const resolved = new Map((await resolveReferenceComponents(driver, refs)).map(r => [r.ref, r.name]));
  for (const application of landscape.applications) {
    application.referenceComponents = [...new Set(application.referenceComponents.map(ref => resolved.get(ref) ?? ref))];
  }
  const unresolvedReferenceComponents = refs.filter(ref => !resolved.get(ref));
  const run = { source: options.source, user: options.user, files: options.files, allowRemovals: options.allowRemovals, maxRemovalShare: options.maxRemovalShare, onProgress: options.onProgress };
  if (issues.length) {
    const report = await importLandscape(driver, landscape, { ...run, dryRun: true });
    return { ...report, ok: false, issues: [...issues, ...report.issues], unresolvedReferenceComponents };
  }
  const report = await importLandscape(driver, landscape, { ...run, dryRun: options.dryRun });
  return { ...report, unresolvedReferenceComponents };
}

/** The portfolio CSV and the catalogue's other CSV exports (files or a folder of them), imported as one source. */
export async function importSoftwarecatalogus(
  driver: Driver,
  input: FileInput | string | (FileInput | string)[],
  options: { organisation?: string } & Pick<ImportOptions, 'source' | 'user' | 'dryRun' | 'allowRemovals' | 'maxRemovalShare' | 'onProgress'> = {},
): Promise<SwcImportReport> {
  const inputs = Array.isArray(input) ? input : [input];
  const read = readSoftwarecatalogusCsv(inputs, options);
  const organisations = [...new Set(read.landscape.applications.map(a => a.organisation))];
  const firstName = basename(typeof inputs[0] === 'string' ? inputs[0] : inputs[0].name);
  const source = options.source ?? `swc:${organisations.length === 1 ? organisations[0] : firstName.replace(/\.[^.]*$/, '')}`.replace(/[^A-Za-z0-9:._/-]+/g, '-');
  return importSwcLandscape(driver, read, { ...options, source, files: read.files.map(file => file.name) });
}

/** A path → the files: a CSV file, or a folder's CSV files. */
function readPaths(path: string): FileInput[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isDirectory()) {
    const names = readdirSync(path).filter(name => /\.(csv|txt)$/i.test(name) && !name.startsWith('.')).sort();
    if (names.length === 0) throw new InputError(`${path}: the folder holds no .csv files`);
    return names.flatMap(name => readPaths(join(path, name)));
  }
  if (!stat?.isFile()) throw new InputError(`${path}: no such file`);
  if (stat.size > SWC_MAX_BYTES) throw tooLargeFile(path, stat.size, SWC_MAX_BYTES);
  return [{ name: basename(path), bytes: readFileSync(path) }];
}
