// The new GEMMA Softwarecatalogus (OpenRegister, register `voorzieningen`) as an input: its objects as
// JSON files — a list per schema as the Voorzieningen API returns it (`[…]` or `{results: […]}`), one
// object per file, or an OpenRegister configuration with `components.objects` — from files, folders or
// zips. The objects are read, resolved into each other (a use's version → offer → supplier) and mapped
// onto the model: organisations (name, CBS code, OIN, KvK), suppliers, applications (voorzieninggebruik),
// contracts with end date and cost, koppelingen; then the same pipeline as any spreadsheet.
// Schemas and fields: reference-data/softwarecatalogus-vng/api/voorzieningen_register.json.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { InputError } from '../server/errors.js';
import type { FileInput } from './mapping.js';
import { type ApplicationRow, type ContractRow, type InterfaceRow, type Landscape, type OrganisationRow, type PlatformRow, type SupplierRow, rowSchemas } from './model.js';
import type { Issue } from './read.js';
import { type SwcImportReport, cbsCode, criticalityOf, hostingPlatform, importSwcLandscape, municipalityName } from './softwarecatalogus.js';
import { arrayElementLines, jsonErrorAt } from './sources/json-lines.js';
import { OBJECTS_LIMITS, unzipFiles } from './zip-guard.js';
import type { FileIssueCode, IssueParams } from './issue-words.js';
import { fileProblem, fileTooLarge } from './file-problem.js';

export const OBJECTS_MAX_BYTES = 200 * 1024 * 1024;

/** The register's schemas (slugs), and the plural a file or folder of them may be named by. */
const SCHEMAS: Record<string, string[]> = {
  organisatie: ['organisaties'], voorziening: ['voorzieningen'], voorzieningaanbod: ['voorzieningaanbiedingen', 'aanbod'], voorzieningversie: ['voorzieningversies', 'versies'],
  voorzieninggebruik: ['voorzieninggebruiken', 'gebruik'], contract: ['contracten'], koppeling: ['koppelingen'], standaard: ['standaarden'],
  kwetsbaarheid: ['kwetsbaarheden'], contactgegevens: [], gebruiker: ['gebruikers'], sector: ['sectoren'], review: ['reviews'], beoordeeling: ['beoordelingen'],
};
const SCHEMA_OF = new Map(Object.entries(SCHEMAS).flatMap(([slug, plurals]) => [[slug, slug], ...plurals.map(plural => [plural, slug])] as [string, string][]));

export type SwcObject = { schema: string; id: string; data: Record<string, unknown>; file: string; line: number };

export type SwcObjectsRead = {
  landscape: Landscape;
  /** Problems: any one and nothing is written. */
  issues: Issue[];
  /** References the objects do not resolve (an organisation, supplier or standard not among them): what needs them is left out or left incomplete, and said here. */
  warnings: Issue[];
  /** Objects read per schema. */
  objects: Record<string, number>;
  files: string[];
};

/**
 * Softwarecatalogus OpenRegister objects → validated tables. Inputs: JSON files, folders of them, zips
 * of them (paths or files in memory).
 */
export async function readSoftwarecatalogusObjects(inputs: (FileInput | string)[]): Promise<SwcObjectsRead> {
  const files: FileInput[] = [];
  for (const input of inputs) files.push(...(typeof input === 'string' ? filesAt(input) : [input]));
  const jsonFiles: FileInput[] = [];
  for (const file of files) {
    if (/\.zip$/i.test(file.name)) {
      for (const [path, bytes] of await unzipFiles(file.name, file.bytes, OBJECTS_LIMITS)) {
        if (/\.json$/i.test(path) && !basename(path).startsWith('.')) jsonFiles.push({ name: `${file.name}/${path}`, bytes });
      }
    } else jsonFiles.push(file);
  }
  if (jsonFiles.length === 0) {
    const names = inputs.map(i => (typeof i === 'string' ? i : i.name)).join(', ');
    throw fileProblem(`${names}: no .json files with Softwarecatalogus objects`, { file: names, code: 'no-json-files' });
  }
  const issues: Issue[] = [];
  const objects: SwcObject[] = jsonFiles.flatMap(file => objectsIn(file, issues));
  const { landscape, warnings } = mapObjects(objects, issues);
  const counts: Record<string, number> = {};
  for (const object of objects) counts[object.schema] = (counts[object.schema] ?? 0) + 1;
  return { landscape, issues, warnings, objects: counts, files: jsonFiles.map(file => file.name) };
}

export type SwcObjectsImportReport = SwcImportReport & { warnings: Issue[]; objects: Record<string, number> };

/** Reads the objects and imports them as one source (default `swc-register:<first file or folder>`). */
export async function importSoftwarecatalogusObjects(
  driver: Driver,
  inputs: (FileInput | string)[],
  options: { source?: string; user?: string; dryRun?: boolean; allowRemovals?: boolean; maxRemovalShare?: number } = {},
): Promise<SwcObjectsImportReport> {
  const read = await readSoftwarecatalogusObjects(inputs);
  const first = typeof inputs[0] === 'string' ? basename(inputs[0].replace(/\/+$/, '')) : (inputs[0]?.name ?? 'objects');
  const source = options.source ?? `swc-register:${first.replace(/\.(json|zip)$/i, '')}`.replace(/[^A-Za-z0-9:._/-]+/g, '-');
  const report = await importSwcLandscape(driver, read, { ...options, source, files: read.files });
  return { ...report, warnings: read.warnings, objects: read.objects };
}

/** Whether a path or file is Softwarecatalogus objects: a .json file, a zip or folder holding them. */
export function isSoftwarecatalogusObjects(path: string): boolean {
  if (/\.json$/i.test(path)) return !/roer-(mapping|aliases)\.json$/i.test(path);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return jsonFilesIn(path).length > 0 && !readdirSync(path).some(name => /\.(csv|xlsx|xml)$/i.test(name));
  return false;
}

function filesAt(path: string): FileInput[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new InputError(`${path}: no such file or folder`);
  const paths = stat.isDirectory() ? jsonFilesIn(path) : [path];
  if (paths.length === 0) throw new InputError(`${path}: the folder holds no .json or .zip files`);
  let total = 0;
  return paths.map(file => {
    total += statSync(file).size;
    if (total > OBJECTS_MAX_BYTES) throw fileTooLarge(`${path}: more than the ${OBJECTS_MAX_BYTES / 1024 / 1024} MB of objects accepted`, { file: path, code: 'file-too-large', params: { max: OBJECTS_MAX_BYTES } });
    return { name: stat.isDirectory() ? file.slice(path.replace(/\/+$/, '').length + 1) : basename(file), bytes: readFileSync(file) };
  });
}

/** A folder's .json and .zip files, its subfolders' too (a folder per schema), sorted. */
function jsonFilesIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter(entry => !entry.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap(entry => (entry.isDirectory() ? jsonFilesIn(join(folder, entry.name)) : /\.(json|zip)$/i.test(entry.name) ? [join(folder, entry.name)] : []));
}

/** The schema a file's or folder's name tells (`organisatie.json`, `contracten/…`, `voorzieningen-koppeling.json`). */
function schemaFromName(name: string): string | undefined {
  const parts = name.replace(/\.json$/i, '').split('/').reverse();
  for (const part of parts) {
    const words = part.toLowerCase().split(/[^a-z]+/).filter(Boolean).reverse();
    for (const word of words) if (SCHEMA_OF.has(word)) return SCHEMA_OF.get(word);
  }
  return undefined;
}

const problem = (file: string, line: number, field: string, value: unknown, expected: string, what?: string, coded: { code: FileIssueCode; params?: IssueParams } = { code: 'field-invalid' }): Issue => {
  const shown = value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  return {
    file, line, column: field, field, value: shown.slice(0, 200), expected,
    message: `${file}:${line}: ${field}: ${what ?? (shown === '' ? 'missing' : `"${shown.slice(0, 200)}" is not valid`)}; expected ${expected}`,
    code: coded.code, params: { expected, ...coded.params },
  };
};

/** One JSON file → its objects, each with its schema and line; what cannot be read is an issue. */
function objectsIn(file: FileInput, issues: Issue[]): SwcObject[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '');
  } catch {
    issues.push(problem(file.name, 1, '', '', 'a JSON file in UTF-8', 'the file is not UTF-8 text', { code: 'file-not-utf8' }));
    return [];
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const at = jsonErrorAt(text, error as Error);
    issues.push(problem(file.name, at.line, `column ${at.column}`, '', 'well-formed JSON', `not readable as JSON (${(error as Error).message})`, { code: 'json-unreadable', params: { detail: (error as Error).message, column: at.column } }));
    return [];
  }
  const record = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
  let list: unknown[];
  let lines: number[];
  if (Array.isArray(json)) [list, lines] = [json, arrayElementLines(text, [])];
  else if (record(json) && Array.isArray(json.results)) [list, lines] = [json.results, arrayElementLines(text, ['results'])];
  else if (record(json) && record(json.components) && Array.isArray(json.components.objects)) [list, lines] = [json.components.objects, arrayElementLines(text, ['components', 'objects'])];
  else if (record(json) && (record(json['@self']) || typeof json.id === 'string')) [list, lines] = [[json], [1]];
  else {
    issues.push(problem(file.name, 1, '', '', 'Softwarecatalogus objects: a list of objects, {"results": […]}, one object with an id, or an OpenRegister configuration with components.objects', 'not Softwarecatalogus objects', { code: 'json-not-list', params: { what: 'Softwarecatalogus' } }));
    return [];
  }
  const named = schemaFromName(file.name);
  const objects: SwcObject[] = [];
  list.forEach((item, index) => {
    const line = lines[index] ?? 1;
    if (!record(item)) {
      issues.push(problem(file.name, line, '', item, 'an object'));
      return;
    }
    const self = record(item['@self']) ? item['@self'] : {};
    const schema = typeof self.schema === 'string' && SCHEMA_OF.has(self.schema.toLowerCase()) ? SCHEMA_OF.get(self.schema.toLowerCase())! : named;
    if (!schema) {
      issues.push(problem(file.name, line, '@self.schema', self.schema, `the object's schema (${Object.keys(SCHEMAS).join(', ')}) in @self.schema, or a file or folder named after it (organisatie.json, contracten/…)`));
      return;
    }
    const id = typeof item.id === 'string' && item.id.trim() ? item.id.trim() : typeof self.id === 'string' && self.id.trim() ? self.id.trim() : '';
    if (!id) {
      // Contact details and users carry no facts Roer keeps: an id is only needed for what it maps.
      if (schema !== 'contactgegevens' && schema !== 'gebruiker') issues.push(problem(file.name, line, 'id', item.id, `an id for this ${schema}`));
    }
    objects.push({ schema, id, data: item, file: file.name, line });
  });
  return objects;
}

/**
 * Several fields hold JSON as a string (`"standaarden": "[\"83d0…\"]"`, `beheerder` as a JSON
 * object): the value parsed when it is such a string, else as it is.
 */
function value(object: SwcObject, field: string): unknown {
  const raw = object.data[field];
  if (typeof raw === 'string' && /^\s*[[{]/.test(raw)) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  return raw;
}
const text = (object: SwcObject, field: string): string | undefined => {
  const raw = value(object, field);
  return typeof raw === 'string' && raw.trim() ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined;
};
/** A reference: an id, or an object with an id (the schema's nested form). */
const ref = (object: SwcObject, field: string): string | undefined => {
  const raw = value(object, field);
  if (typeof raw === 'string' && raw.trim()) return raw.trim();
  if (raw && typeof raw === 'object' && !Array.isArray(raw) && typeof (raw as { id?: unknown }).id === 'string') return (raw as { id: string }).id;
  return undefined;
};
const refs = (object: SwcObject, field: string): string[] => {
  const raw = value(object, field);
  const list = Array.isArray(raw) ? raw : [];
  return list.map(item => (typeof item === 'string' ? item : item && typeof item === 'object' ? (item as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string' && id !== '');
};
const truthy = (raw: unknown) => raw === true || raw === 1 || (typeof raw === 'string' && ['true', 'ja', '1', 'yes'].includes(raw.trim().toLowerCase()));
const BIV_LEVEL: Record<string, string> = { laag: '1', midden: '2', hoog: '3' };

/** Objects → the landscape; references into what is not there are warnings. */
function mapObjects(objects: SwcObject[], issues: Issue[]): { landscape: Landscape; warnings: Issue[] } {
  const warnings: Issue[] = [];
  const bySchema = new Map<string, Map<string, SwcObject>>();
  for (const object of objects) {
    if (!object.id) continue;
    const ofSchema = bySchema.get(object.schema) ?? bySchema.set(object.schema, new Map()).get(object.schema)!;
    const earlier = ofSchema.get(object.id);
    if (earlier) issues.push(problem(object.file, object.line, 'id', object.id, `an id used once per schema`, `duplicate ${object.schema} id "${object.id}" (first in ${earlier.file}:${earlier.line})`));
    else ofSchema.set(object.id, object);
  }
  const get = (schema: string, id: string | undefined) => (id ? bySchema.get(schema)?.get(id) : undefined);
  const all = (schema: string) => [...(bySchema.get(schema)?.values() ?? [])];
  /** A reference `id` that is not among the objects, and what that leaves out. */
  const warn = (object: SwcObject, field: string, id: unknown, expected: string, consequence: string) =>
    warnings.push(problem(object.file, object.line, `${object.schema}.${field}`, id, expected, `${object.schema} ${object.id}: ${id ? `"${id}" is not among the objects` : 'none given'}; ${consequence}`));
  const invalid = (object: SwcObject, field: string, raw: unknown, expected: string) => issues.push(problem(object.file, object.line, `${object.schema}.${field}`, raw, expected));

  // Organisations: suppliers are organisations of type Leverancier; the rest use applications.
  const suppliers = new Map<string, SupplierRow>();
  const supplierOf = (id: string | undefined): SupplierRow | undefined => {
    const org = get('organisatie', id);
    if (!org) return undefined;
    const name = text(org, 'naam') ?? websiteName(org) ?? org.id;
    const row = suppliers.get(org.id) ?? { id: org.id, name, extra: websiteExtra(org) };
    suppliers.set(org.id, row);
    return row;
  };
  for (const org of all('organisatie')) if (text(org, 'type')?.toLowerCase() === 'leverancier') supplierOf(org.id);

  const organisations = new Map<string, OrganisationRow>();
  /** The Roer id of a using organisation: its CBS code where it has one (as the portfolio CSV names it), else its register id. */
  const organisationOf = (from: SwcObject, field: string, id: string | undefined): OrganisationRow | undefined => {
    if (!id) return undefined;
    const org = get('organisatie', id);
    if (!org) {
      warn(from, field, id, 'the id of an organisatie among the objects', 'the organisation is named by its id');
      const row = organisations.get(id) ?? { id, name: id, extra: {} };
      organisations.set(id, row);
      return row;
    }
    const cbs = cbsCode(value(org, 'cbs'));
    const rawCbs = value(org, 'cbs');
    const rid = cbs ? String(Number(rawCbs ?? cbs)) : org.id;
    const existing = organisations.get(rid);
    if (existing) return existing;
    const type = text(org, 'type');
    const name = text(org, 'naam');
    if (!name) warn(org, 'naam', '', 'the name of the organisation', `it is named by ${websiteName(org) ? `its website (${websiteName(org)})` : 'its id'}`);
    const row: OrganisationRow = {
      id: rid, name: name ? (type?.toLowerCase() === 'gemeente' ? municipalityName(name) : name) : (websiteName(org) ?? org.id),
      type, cbsCode: cbs, oin: text(org, 'oin'), kvk: text(org, 'kvkNummer'), website: text(org, 'website'), extra: { registerId: org.id },
    };
    organisations.set(rid, row);
    return row;
  };

  // What a version is offered by, and what an offer supplies.
  const offerOfVersion = (version: SwcObject | undefined) => get('voorzieningaanbod', version ? ref(version, 'voorzieningaanbod') : undefined);
  const offerSupplier = (offer: SwcObject | undefined, from: SwcObject, field: string): SupplierRow | undefined => {
    const id = offer ? ref(offer, 'leverancier') : undefined;
    if (!offer || !id) return undefined;
    const supplier = supplierOf(id);
    if (!supplier) warn(from, field, id, 'the id of a leverancier (organisatie) among the objects', `offer ${offer.id} has no supplier here`);
    return supplier;
  };
  const standardName = (id: string) => {
    const standard = get('standaard', id);
    return standard ? text(standard, 'naam') : undefined;
  };

  const applications: ApplicationRow[] = [];
  const platforms = new Map<string, PlatformRow>();
  const uses = new Map<string, { organisation: string; supplier?: string }>();
  for (const use of all('voorzieninggebruik')) {
    const organisation = organisationOf(use, 'organisatieId', ref(use, 'organisatieId'));
    if (!organisation) {
      invalid(use, 'organisatieId', use.data.organisatieId, 'the id of the organisation that uses it');
      continue;
    }
    const product = get('voorziening', ref(use, 'voorzieningId'));
    const version = get('voorzieningversie', ref(use, 'versieId'));
    if (!product) {
      invalid(use, 'voorzieningId', use.data.voorzieningId, 'the id of a voorziening among the objects (it names the application)');
      continue;
    }
    if (ref(use, 'versieId') && !version) warn(use, 'versieId', ref(use, 'versieId'), 'the id of a voorzieningversie among the objects', 'the version is not known');
    // The supplier: the offer of the version used, else the one offer of the product.
    const offer = offerOfVersion(version);
    let supplier = offerSupplier(offer, use, 'versieId');
    if (!supplier) {
      const offers = all('voorzieningaanbod').filter(offer => ref(offer, 'voorziening') === product.id && ref(offer, 'leverancier'));
      const ids = [...new Set(offers.map(offer => ref(offer, 'leverancier')))];
      if (ids.length === 1) supplier = supplierOf(ids[0]);
    }
    const biv = value(use, 'bivClassificatie') as Record<string, unknown> | undefined;
    const level = (key: string) => BIV_LEVEL[String(biv?.[key] ?? '').toLowerCase()];
    // Hosting as the use says it, else as its offer or product does ("none" is the register's default: nothing said).
    const hosting = [text(use, 'hosting'), offer ? text(offer, 'hosting') : undefined, text(product, 'hosting')].find(h => h && h.toLowerCase() !== 'none');
    const platform = hostingPlatform(hosting, { organisation: organisation.id, organisationName: organisation.name, supplier: supplier?.id, supplierName: supplier?.name });
    if (platform) platforms.set(platform.id, platform);
    const standards = refs(product, 'standaarden').map(id => standardName(id) ?? (warn(product, 'standaarden', id, 'the id of a standaard among the objects', 'that standard is left out'), undefined)).filter((name): name is string => Boolean(name));
    const supportEnds = version ? text(version, 'eindDatumOndersteuning') : undefined;
    const raw = {
      id: use.id, organisation: organisation.id, name: text(product, 'naam') ?? product.id, supplier: supplier?.id,
      referenceComponents: refs(product, 'referentieComponenten'), openStandards: standards,
      criticality: criticalityOf(truthy(value(use, 'bedrijfsKritisch')), level('beschikbaarheid') === '3'), personalData: truthy(value(use, 'privacyGevoelig')),
      platform: platform?.id, product: text(product, 'naam'), version: version ? text(version, 'versienummer') : undefined,
      versionStatus: supportEnds ? `ondersteund tot ${supportEnds.split('-').reverse().join('-')}` : undefined,
      useStart: text(use, 'startDatum'), useEnd: text(use, 'eindDatum'), hosting,
      bbnScore: value(use, 'bbnScore') ?? undefined, ibpScore: value(use, 'ibpScore') ?? undefined,
      biv: level('beschikbaarheid') && level('integriteit') && level('vertrouwelijkheid') ? `${level('beschikbaarheid')}-${level('integriteit')}-${level('vertrouwelijkheid')}` : undefined,
      extra: Object.fromEntries([['gebruiksstatus', text(use, 'status')], ['registerId', use.id]].filter(([, v]) => v)) as Record<string, string>,
    };
    const parsed = rowSchemas.applications.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) invalid(use, FIELD_OF[String(issue.path[0])] ?? String(issue.path[0]), use.data[FIELD_OF[String(issue.path[0])] ?? ''], issue.message);
      continue;
    }
    applications.push(parsed.data);
    uses.set(use.id, { organisation: organisation.id, supplier: supplier?.id });
  }

  const contracts: ContractRow[] = [];
  for (const contract of all('contract')) {
    const useId = ref(contract, 'voorzieningGebruik');
    const use = useId ? uses.get(useId) : undefined;
    if (!use) {
      if (useId && get('voorzieninggebruik', useId)) continue; // the use had a problem of its own, reported there
      warn(contract, 'voorzieningGebruik', useId ?? '', 'the id of a voorzieninggebruik among the objects', 'the contract is left out: Roer places a contract with the organisation that uses what it covers');
      continue;
    }
    const offerId = ref(contract, 'voorzieningAanbod');
    const offer = get('voorzieningaanbod', offerId);
    if (offerId && !offer) warn(contract, 'voorzieningAanbod', offerId, 'the id of a voorzieningaanbod among the objects', 'its supplier is taken from the application');
    const supplier = offerSupplier(offer, contract, 'voorzieningAanbod')?.id ?? use.supplier;
    if (!supplier) {
      warnings.push(problem(contract.file, contract.line, 'contract.voorzieningAanbod', offerId, 'an offer (voorzieningaanbod) whose leverancier is among the objects',
        `contract ${contract.id} is left out: neither its offer nor the application it covers has a supplier among the objects`));
      continue;
    }
    if (!text(contract, 'eindDatum')) {
      warnings.push(problem(contract.file, contract.line, 'contract.eindDatum', '', 'the end date of the contract', `contract ${contract.id} is left out: Roer's contract calendar needs an end date`));
      continue;
    }
    const cost = value(contract, 'kosten');
    const period = text(contract, 'kostenPeriode')?.toLowerCase();
    // Cost per month × 12, per year as it is; a one-off cost is no annual value and is kept beside it.
    const annual = typeof cost === 'number' ? (period === 'maandelijks' ? cost * 12 : period === 'eenmalig' ? 0 : cost) : cost;
    const raw = {
      id: text(contract, 'contractNummer') ?? contract.id, organisation: use.organisation, supplier, applications: [useId],
      start: text(contract, 'startDatum'), end: text(contract, 'eindDatum'), annualValue: annual ?? 0,
      extra: Object.fromEntries([
        ['contracttype', text(contract, 'contractType')], ['contractstatus', text(contract, 'status')], ['kosten', typeof cost === 'number' ? cost : undefined],
        ['kostenperiode', text(contract, 'kostenPeriode')], ['documentreferentie', text(contract, 'documentReferentie')], ['registerId', contract.id],
      ].filter(([, v]) => v !== undefined)) as Record<string, string | number>,
    };
    const parsed = rowSchemas.contracts.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) invalid(contract, CONTRACT_FIELD_OF[String(issue.path[0])] ?? String(issue.path[0]), contract.data[CONTRACT_FIELD_OF[String(issue.path[0])] ?? ''], issue.message);
      continue;
    }
    contracts.push(parsed.data);
  }

  const interfaces: InterfaceRow[] = [];
  for (const link of all('koppeling')) {
    const from = ref(link, 'van');
    const to = ref(link, 'naar');
    const start = from ? uses.get(from) : undefined;
    if (!from || !start) {
      if (from && get('voorzieninggebruik', from)) continue;
      (from ? warn : (o: SwcObject, f: string, i: unknown, e: string) => invalid(o, f, i, e))(link, 'van', from ?? '', 'the id of a voorzieninggebruik among the objects', 'the koppeling is left out');
      continue;
    }
    const end = to ? uses.get(to) : undefined;
    if (!end || end.organisation !== start.organisation) {
      const national = to ? get('voorziening', to) : undefined;
      const expected = 'the id of a voorzieninggebruik of the same organisation';
      if (national || end) {
        const what = national ? `the national facility "${text(national, 'naam')}"` : `an application of organisation ${end!.organisation}`;
        warnings.push(problem(link.file, link.line, 'koppeling.naar', to, expected, `koppeling ${link.id} to ${what} is left out: Roer's koppelingen join two applications of one organisation`));
      } else warn(link, 'naar', to ?? '', expected, 'the koppeling is left out');
      continue;
    }
    const standard = text(link, 'standaard');
    const named = standard ? (standardName(standard) ?? standard) : undefined;
    const version = text(link, 'versie');
    const raw = {
      id: link.id, organisation: start.organisation, from, to,
      standard: named && version && !named.includes(version) ? `${named} ${version}` : named, extra: { registerId: link.id },
    };
    const parsed = rowSchemas.interfaces.safeParse(raw);
    if (parsed.success) interfaces.push(parsed.data);
    else for (const issue of parsed.error.issues) invalid(link, String(issue.path[0]), (raw as Record<string, unknown>)[String(issue.path[0])], issue.message);
  }

  const used = new Set(applications.map(a => a.organisation));
  return {
    landscape: {
      organisations: [...organisations.values()].filter(o => used.has(o.id)),
      suppliers: [...suppliers.values()], platforms: [...platforms.values()], applications, interfaces, contracts,
    },
    warnings,
  };
}

/** A model field → the voorzieninggebruik / contract field it came from, for problems. */
const FIELD_OF: Record<string, string> = { useStart: 'startDatum', useEnd: 'eindDatum', bbnScore: 'bbnScore', ibpScore: 'ibpScore', name: 'voorzieningId', biv: 'bivClassificatie', hosting: 'hosting' };
const CONTRACT_FIELD_OF: Record<string, string> = { start: 'startDatum', end: 'eindDatum', annualValue: 'kosten', id: 'contractNummer' };

/** `https://www.rivierenland.nl/` → `rivierenland.nl`: the name an organisation without one goes by. */
function websiteName(org: SwcObject): string | undefined {
  const site = typeof org.data.website === 'string' ? org.data.website : '';
  const host = /^(?:https?:\/\/)?(?:www\.)?([^/]+)/i.exec(site.trim())?.[1];
  return host || undefined;
}
const websiteExtra = (org: SwcObject): Record<string, string> => (typeof org.data.website === 'string' && org.data.website ? { website: org.data.website } : {});
