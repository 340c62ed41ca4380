// The canonical landscape: one zod schema per row kind, shared by the CLI, the API, the ArchiMate
// reader and the tests. Each schema takes the raw text of a spreadsheet cell (English or Dutch
// conventions) and yields the clean value, or an issue that says what was expected.
import { z } from 'zod';
import { JURISDICTION_EXPECTED, jurisdictionOf } from './jurisdiction.js';
import { VALUE_NAMES } from '../server/labels.js';

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : value);
const blankToUndefined = (value: unknown) => {
  const trimmed = text(value);
  return trimmed === '' || trimmed === null ? undefined : trimmed;
};

export const Id = z.preprocess(text, z.string({ error: 'an id (text)' }).min(1, 'an id (not empty)').max(200, 'an id of at most 200 characters'));
export const Name = z.preprocess(text, z.string({ error: 'a name' }).min(1, 'a name (not empty)').max(500, 'a name of at most 500 characters'));
const OptionalText = z.preprocess(blankToUndefined, z.string().max(500, 'at most 500 characters').optional());
const OptionalId = z.preprocess(blankToUndefined, Id.optional());

/** `a|b|c` → ['a','b','c']; arrays pass through (XLSX, ArchiMate). */
export const List = z.preprocess(value => {
  if (Array.isArray(value)) return value.map(item => String(item).trim()).filter(Boolean);
  const trimmed = blankToUndefined(value);
  if (trimmed === undefined) return [];
  return String(trimmed).split('|').map(item => item.trim()).filter(Boolean);
}, z.array(z.string().min(1)));

const yes = new Set(['yes', 'y', 'ja', 'j', 'true', 'waar', '1', 'x']);
const no = new Set(['no', 'n', 'nee', 'false', 'onwaar', '0', '-']);
/** yes/no/ja/nee/true/false (case-insensitive); blank → the default. */
export const YesNo = (fallback: boolean) =>
  z.preprocess(value => {
    if (typeof value === 'boolean') return value;
    const trimmed = blankToUndefined(value);
    if (trimmed === undefined) return fallback;
    const lower = String(trimmed).toLowerCase();
    if (yes.has(lower)) return true;
    if (no.has(lower)) return false;
    return value;
  }, z.boolean({ error: 'yes/no, ja/nee or true/false' }));

/**
 * ISO `2026-12-31` (a time after it, as an XLSX date-time has, is allowed and dropped), Dutch
 * `31-12-2026`, `31/12/2026` or `31.12.2026`, or a Date (XLSX) → `YYYY-MM-DD`; undefined unless the
 * day exists in the calendar. The one parser of dates: the dry run and the import both go through it.
 */
export function parseDate(value: unknown): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const parts = dateParts(value);
  if (!parts) return undefined;
  const [year, month, day] = parts;
  if (year < 1000 || !isCalendarDay(year, month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** [year, month, day] as written, whether or not that day exists. */
function dateParts(value: unknown): [number, number, number] | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (match) return [Number(match[1]), Number(match[2]), Number(match[3])];
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (match) return [Number(match[3]), Number(match[2]), Number(match[1])];
  return undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const daysIn = (year: number, month: number) => (month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);
const isCalendarDay = (year: number, month: number, day: number) => month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);

/** Why a date written in a known form does not exist, in words and as data (importers/issue-words.ts says it in Dutch). */
function whyNotADay(year: number, month: number, day: number): { text: string; params: Record<string, string | number> } {
  const params = { date: DATE_EXPECTED, year, month, day };
  if (year < 1000) return { text: `a year of four digits, not ${year}`, params: { ...params, why: 'year' } };
  if (month < 1 || month > 12) return { text: `there is no month ${month}`, params: { ...params, why: 'month' } };
  return { text: `${MONTHS[month - 1]} ${year} has ${daysIn(year, month)} days, not ${day}`, params: { ...params, why: 'days', days: daysIn(year, month) } };
}
const DATE_EXPECTED = 'a date such as 2026-12-31 or 31-12-2026';
/** A date that is written right but does not exist (2026-02-31) says so; anything else gets DATE_EXPECTED. */
export const DateText = z.unknown().transform((value, context) => {
  const date = parseDate(value);
  if (date !== undefined) return date;
  const parts = dateParts(value);
  const why = parts ? whyNotADay(...parts) : undefined;
  context.addIssue({ code: 'custom', message: why ? `${DATE_EXPECTED} that exists (${why.text})` : DATE_EXPECTED, ...(why ? { params: why.params } : {}) });
  return z.NEVER;
});
const OptionalDate = z.preprocess(blankToUndefined, DateText.optional());

/** `1234.56`, `1.234,56`, `€ 1.234,56`, `1,234.56`, `1234` → 1234.56. */
export function parseAmount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let cleaned = value.replace(/€|eur(o)?|\s|\u00a0/gi, '');
  if (!/^-?[\d.,]+$/.test(cleaned)) return undefined;
  const lastComma = cleaned.lastIndexOf(',');
  const lastDot = cleaned.lastIndexOf('.');
  if (lastComma > lastDot) {
    // Dutch: dots group thousands, the comma is the decimal sign (1.234,56). A lone comma with
    // three digits after it and no dot (1,234) is still read as a decimal comma: Dutch files win.
    cleaned = cleaned.replace(/\./g, '').replace(',', '.');
  } else if (lastDot > lastComma && lastComma >= 0) {
    cleaned = cleaned.replace(/,/g, '');
  } else if (lastComma < 0 && ((cleaned.match(/\./g) ?? []).length > 1 || /^-?\d{1,3}\.\d{3}$/.test(cleaned))) {
    // Dots only: 1.234.567 groups thousands, and so does a lone dot before exactly three digits
    // (€ 100.000 is a hundred thousand; euro amounts do not have three decimals).
    cleaned = cleaned.replace(/\./g, '');
  }
  const amount = Number(cleaned);
  return Number.isFinite(amount) ? amount : undefined;
}
const AMOUNT_EXPECTED = 'an amount in euros such as 1234.56, 1.234,56 or € 1.234,56';
const Amount = z.preprocess(value => {
  const trimmed = blankToUndefined(value);
  if (trimmed === undefined) return 0;
  return parseAmount(trimmed) ?? value;
}, z.number({ error: AMOUNT_EXPECTED }).min(0, 'a non-negative amount'));

const NoticeMonths = z.preprocess(value => {
  const trimmed = blankToUndefined(value);
  if (trimmed === undefined) return 0;
  return typeof trimmed === 'string' && /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}, z.number({ error: 'a whole number of months (0–120)' }).int('a whole number of months (0–120)').min(0).max(120));

/** An enum whose Dutch and English spellings both map to one canonical value. */
function aliasedEnum<T extends string>(aliases: Record<string, T>, expected: string, fallback?: T) {
  const values = [...new Set(Object.values(aliases))] as [T, ...T[]];
  return z.preprocess(value => {
    const trimmed = blankToUndefined(value);
    if (trimmed === undefined) return fallback;
    return aliases[String(trimmed).toLowerCase()] ?? trimmed;
  }, z.enum(values, { error: expected }));
}

export const Criticality = aliasedEnum(
  { low: 'low', laag: 'low', medium: 'medium', midden: 'medium', middel: 'medium', gemiddeld: 'medium', high: 'high', hoog: 'high', critical: 'critical', kritiek: 'critical', kritisch: 'critical' },
  'low, medium, high or critical (laag, midden, hoog, kritiek)',
  'medium',
);
export type Criticality = z.infer<typeof Criticality>;

/** The words the UI shows for a property's codes (`saas` → "SaaS (software als dienst)"), read back as those codes: Roer's ArchiMate export writes them. */
const shownWords = <T extends string>(property: string): Record<string, T> =>
  Object.fromEntries(Object.entries(VALUE_NAMES[property]).flatMap(([code, words]) => Object.values(words).map(word => [word.toLowerCase(), code as T])));

export const PlatformType = aliasedEnum(
  {
    ...shownWords<'on-premise' | 'data-centre' | 'saas' | 'iaas'>('type'),
    'on-premise': 'on-premise', onpremise: 'on-premise', 'on premise': 'on-premise', eigen: 'on-premise', 'eigen serverruimte': 'on-premise', serverruimte: 'on-premise',
    'data-centre': 'data-centre', datacentre: 'data-centre', 'data centre': 'data-centre', 'data-center': 'data-centre', datacenter: 'data-centre', rekencentrum: 'data-centre',
    saas: 'saas', 'saas-platform': 'saas',
    iaas: 'iaas', cloud: 'iaas', 'cloud-iaas': 'iaas', paas: 'iaas',
  },
  'on-premise, data-centre, saas or iaas (eigen serverruimte, rekencentrum, saas, cloud)',
  'on-premise',
);
export type PlatformType = z.infer<typeof PlatformType>;

export const Jurisdiction = aliasedEnum(
  {
    ...shownWords<'NL' | 'EU' | 'US' | 'other'>('jurisdiction'), nl: 'NL', nederland: 'NL', netherlands: 'NL', eu: 'EU', eer: 'EU', eea: 'EU', europa: 'EU', us: 'US', usa: 'US', vs: 'US', 'verenigde staten': 'US', other: 'other', overig: 'other', anders: 'other' },
  'NL, EU, US or other (overig)',
  'NL',
);
export type Jurisdiction = z.infer<typeof Jurisdiction>;

/** The property an unknown column is kept under: `Beheer-team` → `extra_beheer_team`. */
export const extraProperty = (column: string) => `extra_${slug(column).replace(/-/g, '_')}`;

/** Columns the schema does not know, kept on the node as `extra_<name>` properties. */
const Extra = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({});

/**
 * The jurisdiction of the group a supplier belongs to (a Dutch subsidiary of a US group answers to US
 * law): a jurisdiction or a country; blank = not known.
 */
const GroupJurisdiction = z.preprocess(value => {
  const trimmed = blankToUndefined(value);
  if (trimmed === undefined) return undefined;
  return jurisdictionOf(String(trimmed)) ?? value;
}, z.enum(['NL', 'EU', 'US', 'other'], { error: JURISDICTION_EXPECTED }).optional());

export const SupplierRow = z.object({
  id: Id,
  name: Name,
  group: OptionalText,
  country: OptionalText,
  groupJurisdiction: GroupJurisdiction,
  extra: Extra,
});
export type SupplierRow = z.infer<typeof SupplierRow>;

export const PlatformRow = z.object({
  id: Id,
  name: Name,
  type: PlatformType,
  supplier: OptionalId,
  jurisdiction: Jurisdiction,
  runsOn: OptionalId,
  /** The product that runs the platform (Windows Server, VMware ESXi, PostgreSQL…) and its version. */
  product: OptionalText,
  version: OptionalText,
  extra: Extra,
});
export type PlatformRow = z.infer<typeof PlatformRow>;

/** A score on a small scale (BBN 1–3, IBP 1–5) as a number; `BBN2` or `niveau 2` reads as 2. */
const Score = (max: number) =>
  z.preprocess(value => {
    const trimmed = blankToUndefined(value);
    if (trimmed === undefined || typeof trimmed === 'number') return trimmed;
    const match = /^(?:[A-Za-z]+\s*-?\s*)?(\d+)$/.exec(String(trimmed));
    return match ? Number(match[1]) : trimmed;
  }, z.number({ error: `a whole number from 1 to ${max}` }).int(`a whole number from 1 to ${max}`).min(1, `a whole number from 1 to ${max}`).max(max, `a whole number from 1 to ${max}`).optional());

export const ApplicationRow = z.object({
  id: Id,
  organisation: Id,
  name: Name,
  supplier: OptionalId,
  referenceComponents: List,
  businessFunctions: List,
  criticality: Criticality,
  personalData: YesNo(false),
  platform: OptionalId,
  openStandards: List,
  /** The market product (Softwarecatalogus: pakket) this application is an instance of, and its version. */
  product: OptionalText,
  version: OptionalText,
  /** Whether the version is supported, in use, planned… as the source says it (pakketversie status). */
  versionStatus: OptionalText,
  /** The period the organisation uses it (ingebruikname, uitfasering). */
  useStart: OptionalDate,
  useEnd: OptionalDate,
  /** Hosting as the source describes it; a platform is only made where its kind and jurisdiction can be told. */
  hosting: OptionalText,
  /** Basisbeveiligingsniveau (BIO: 1–3) and the IBP (informatiebeveiliging en privacy) score (1–5). */
  bbnScore: Score(3),
  ibpScore: Score(5),
  /** Beschikbaarheid-integriteit-vertrouwelijkheid as `3-2-2` (1 laag, 2 midden, 3 hoog). */
  biv: z.preprocess(blankToUndefined, z.string().regex(/^[1-3]-[1-3]-[1-3]$/, 'a BIV rating such as 3-2-2').optional()),
  extra: Extra,
});
export type ApplicationRow = z.infer<typeof ApplicationRow>;

export const InterfaceRow = z.object({
  id: Id,
  organisation: Id,
  from: Id,
  to: Id,
  standard: OptionalText,
  via: OptionalId,
  extra: Extra,
});
export type InterfaceRow = z.infer<typeof InterfaceRow>;

export const ContractRow = z.object({
  id: Id,
  organisation: Id,
  supplier: Id,
  applications: List,
  start: OptionalDate,
  end: DateText,
  noticeMonths: NoticeMonths,
  autoRenew: YesNo(false),
  annualValue: Amount,
  exitPlan: YesNo(false),
  dataPortability: YesNo(false),
  extra: Extra,
});
export type ContractRow = z.infer<typeof ContractRow>;

export const TABLES = ['suppliers', 'platforms', 'applications', 'interfaces', 'contracts'] as const;
export type TableName = (typeof TABLES)[number];

export const rowSchemas = {
  suppliers: SupplierRow,
  platforms: PlatformRow,
  applications: ApplicationRow,
  interfaces: InterfaceRow,
  contracts: ContractRow,
} as const;

// ArchiMate (and other model) imports: every concept of the model is kept, mapped or not.
const Properties = z.array(z.object({ key: z.string(), value: z.string() })).default([]);
const Uid = z.string().min(1, 'a node uid');

/**
 * One ArchiMate element. `uid` is the Roer node it became: with `label`, the node is created from this
 * row (a generic `Element`, or a reference component / business function); without it, the node comes
 * from another table (application, platform, supplier) and this row adds the ArchiMate identity to it.
 */
export const ElementRow = z.object({
  id: Id,
  uid: Uid,
  label: z.enum(['Element', 'ReferenceComponent', 'BusinessFunction']).optional(),
  type: Name,
  name: z.string().max(500).default(''),
  organisation: OptionalId,
  documentation: z.string().max(100_000).optional(),
  properties: Properties,
  folder: z.array(z.string()).default([]),
});
export type ElementRow = z.infer<typeof ElementRow>;

/** One ArchiMate relationship between two nodes, in ArchiMate's own direction (`RELATES_TO`). */
export const RelationRow = z.object({
  id: Id,
  type: Name,
  from: Uid,
  to: Uid,
  name: z.string().max(500).default(''),
  documentation: z.string().max(100_000).optional(),
  accessType: z.string().optional(),
  properties: Properties,
  /** The model's folder (AMEFF organizations, Archi folders) holding the relationship, from the top down. */
  folder: z.array(z.string()).optional(),
});
export type RelationRow = z.infer<typeof RelationRow>;

/** A Roer relationship derived from a model (e.g. "A serves B" → B DEPENDS_ON A), between node uids. */
export const LinkRow = z.object({
  type: z.enum(['SUPPLIES', 'PROVIDES', 'RUNS_ON', 'REALISES', 'SUPPORTS', 'DEPENDS_ON']),
  from: Uid,
  to: Uid,
  kind: z.string().optional(),
  relation: z.string().optional(),
});
export type LinkRow = z.infer<typeof LinkRow>;

/**
 * What a source knows of an organisation beyond its id: its name ("Gemeente Westerwolde"), kind and
 * the numbers others know it by (CBS gemeentecode, OIN, KvK). Not one of the spreadsheet tables: the
 * Softwarecatalogus readers give it; an organisation without a row is named by its id.
 */
export const OrganisationRow = z.object({
  id: Id,
  name: Name,
  type: OptionalText,
  cbsCode: OptionalText,
  oin: OptionalText,
  kvk: OptionalText,
  website: OptionalText,
  extra: Extra,
});
export type OrganisationRow = z.infer<typeof OrganisationRow>;

/**
 * One release cycle of a product, from an endoflife.date file: `eol` and `support` as a date, or the
 * flag the file gives instead (true: ended, date not known; false: no end announced).
 */
export const ReleaseCycleRow = z.object({
  product: Id,
  /** The product's id, title and other names, as versions in the landscape are matched against them. */
  productNames: z.array(z.string().min(1)),
  cycle: z.string().min(1).max(100),
  releaseDate: z.string().nullable(),
  eol: z.string().nullable(),
  eolReached: z.boolean().nullable(),
  support: z.string().nullable(),
  latest: z.string().nullable(),
  lts: z.boolean(),
});
export type ReleaseCycleRow = z.infer<typeof ReleaseCycleRow>;

/** A component of an SBOM (CycloneDX), part of the application or platform (`target`, a node uid) the SBOM is of. */
export const ComponentRow = z.object({
  target: z.string().min(1),
  key: z.string().min(1).max(1000),
  name: Name,
  group: z.string().max(500).nullable(),
  version: z.string().max(200).nullable(),
  purl: z.string().max(1000).nullable(),
  publisher: z.string().max(500).nullable(),
});
export type ComponentRow = z.infer<typeof ComponentRow>;

export const Landscape = z.object({
  releaseCycles: z.array(ReleaseCycleRow).optional(),
  components: z.array(ComponentRow).optional(),
  organisations: z.array(OrganisationRow).optional(),
  suppliers: z.array(SupplierRow).default([]),
  platforms: z.array(PlatformRow).default([]),
  applications: z.array(ApplicationRow).default([]),
  interfaces: z.array(InterfaceRow).default([]),
  contracts: z.array(ContractRow).default([]),
  elements: z.array(ElementRow).optional(),
  relations: z.array(RelationRow).optional(),
  links: z.array(LinkRow).optional(),
});
export type Landscape = z.infer<typeof Landscape>;

export const emptyLandscape = (): Landscape => ({ suppliers: [], platforms: [], applications: [], interfaces: [], contracts: [] });

/**
 * Canonical column names per table, with their Dutch aliases. Header matching ignores case,
 * spaces, `-` and `_`.
 */
export const COLUMNS: Record<TableName, Record<string, string[]>> = {
  suppliers: { id: [], name: ['naam'], group: ['groep', 'concern'], country: ['land'], groupJurisdiction: ['concernJurisdictie', 'jurisdictieConcern', 'concernLand', 'groupCountry'] },
  platforms: { id: [], name: ['naam'], type: [], supplier: ['leverancier'], jurisdiction: ['jurisdictie'], runsOn: ['draaitOp'], product: ['product', 'pakket'], version: ['versie'] },
  applications: {
    id: [], organisation: ['organisatie', 'gemeente'], name: ['naam'], supplier: ['leverancier'],
    referenceComponents: ['referentiecomponenten', 'referentiecomponent'], businessFunctions: ['bedrijfsfuncties', 'bedrijfsfunctie'],
    criticality: ['kritikaliteit', 'kriticiteit', 'kritiek'], personalData: ['persoonsgegevens'], platform: [], openStandards: ['openStandaarden'],
    product: ['pakket'], version: ['versie'], versionStatus: ['versiestatus'], useStart: ['inGebruikSinds', 'ingebruikname'], useEnd: ['inGebruikTot', 'uitfasering'],
    hosting: [], bbnScore: ['bbn'], ibpScore: ['ibp'], biv: [],
  },
  interfaces: { id: [], organisation: ['organisatie', 'gemeente'], from: ['van'], to: ['naar'], standard: ['standaard'], via: [] },
  contracts: {
    id: [], organisation: ['organisatie', 'gemeente'], supplier: ['leverancier'], applications: ['applicaties'], start: ['startdatum', 'begindatum'],
    end: ['einddatum'], noticeMonths: ['opzegtermijnMaanden', 'opzegtermijn'], autoRenew: ['stilzwijgendVerlengd', 'stilzwijgendeVerlenging'],
    annualValue: ['jaarwaarde'], exitPlan: ['exitplan', 'exitstrategie'], dataPortability: ['dataportabiliteit'],
  },
};

/** Globally unique node keys: applications, interfaces and contracts belong to one organisation. */
export const uid = {
  organisation: (id: string) => `org:${id}`,
  supplier: (id: string) => `supplier:${id}`,
  supplierGroup: (name: string) => `group:${slug(name)}`,
  platform: (id: string) => `platform:${id}`,
  application: (organisation: string, id: string) => `app:${organisation}/${id}`,
  interface: (organisation: string, id: string) => `interface:${organisation}/${id}`,
  contract: (organisation: string, id: string) => `contract:${organisation}/${id}`,
  referenceComponent: (name: string) => `refcomp:${slug(name)}`,
  businessFunction: (name: string) => `function:${slug(name)}`,
  standard: (name: string) => `standard:${slug(name)}`,
  /** A model element Roer has no kind for, scoped to its organisation (or `shared` for catalogues). */
  element: (scope: string, id: string) => `element:${scope}/${id}`,
  releaseCycle: (product: string, cycle: string) => `cycle:${slug(product)}/${cycle}`,
  component: (target: string, key: string) => `component:${target}/${key}`,
};

export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
