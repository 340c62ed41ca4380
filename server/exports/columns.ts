// What kind of value an analysis column holds, and that value in words for people: money as euros,
// shares as percentages, dates as dates, criticality and bands in words, uids and organisation ids
// as names. One table for the XLSX and CSV exports, the PDF report and the report page (the web UI
// bundles this file: no Node imports).
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '../format.js';
import {
  BAND_NAMES, CHECK_NAMES, CLAIM_RULE_NAMES, CODE_NAMES, CRITICALITY_NAMES, FACTOR_NAMES, type Language, SEVERITY_NAMES, VALUE_NAMES, YES_NO, kindWords, organisationName, propertyName, valueName,
} from '../labels.js';

export type ColumnType =
  | 'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'date' | 'dateTime' | 'yesNo' | 'list' | 'path'
  | 'organisation' | 'criticality' | 'kind' | 'band' | 'factor' | 'check' | 'severity' | 'reference' | 'supportStatus' | 'versionFrom' | 'code' | 'claimRule' | 'property';

/** Names for what the rows refer to by key: a node's uid, an organisation's id. */
export type Names = { node: (uid: string) => string | undefined; organisation: (id: string) => string | undefined };
export const noNames: Names = { node: () => undefined, organisation: () => undefined };

const TYPES: Record<string, ColumnType> = {
  organisation: 'organisation',
  organisations: 'organisation',
  criticality: 'criticality',
  kind: 'kind',
  band: 'band',
  factor: 'factor',
  topFactors: 'factor',
  check: 'check',
  severity: 'severity',
  annualValue: 'money',
  contractValue: 'money',
  exposedContractValue: 'money',
  chainNames: 'path',
  exitReadiness: 'decimal',
  supportStatus: 'supportStatus',
  versionFrom: 'versionFrom',
  'contractValue.total': 'money',
  cr1: 'percent',
  cr3: 'percent',
  score: 'decimal',
  hhi: 'integer',
  lockInBefore: 'decimal',
  lockInAfter: 'decimal',
  lockInChange: 'decimal',
  contribution: 'decimal',
  weight: 'decimal',
  path: 'path',
  pathNames: 'path',
  largest: 'reference',
  supplier: 'reference',
  from: 'reference',
  to: 'reference',
  via: 'reference',
  other: 'reference',
  category: 'code',
  mode: 'code',
  layer: 'code',
  component: 'code',
  gain: 'decimal',
  commonGroundScore: 'decimal',
  urgency: 'code',
  // What fails (impact): why a row is down directly, what happens to a function, whose a contract is.
  'directBecause.relation': 'code',
  effect: 'code',
  hit: 'code',
  rule: 'claimRule',
  property: 'property',
  // data-quality conflicts: the node's label (Supplier, Application…) in words
  label: 'kind',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The type of column `key` (a dotted key by its last one or two parts), else what its value looks like. */
export function columnType(key: string, sample: unknown): ColumnType {
  const parts = key.split('.');
  const named = TYPES[parts.slice(-2).join('.')] ?? TYPES[parts.at(-1)!];
  if (named === 'reference' && typeof sample === 'string' && ISO_DATE.test(sample)) return 'date'; // the calendar's from/to
  if (named) return named;
  const last = parts.at(-1)!;
  if (last.endsWith('Share')) return 'percent';
  if (last.endsWith('Contribution')) return 'decimal';
  if (typeof sample === 'number') return Number.isInteger(sample) ? 'integer' : 'decimal';
  if (typeof sample === 'boolean') return 'yesNo';
  if (Array.isArray(sample)) return 'list';
  if (typeof sample === 'string' && ISO_DATE.test(sample)) return 'date';
  return 'text';
}

/** Types whose cells are numbers in a spreadsheet. */
export const NUMERIC_TYPES = new Set<ColumnType>(['integer', 'decimal', 'money', 'percent']);

/** Types whose values are words from a catalogue; a list of them reads as "A, B". */
const WORD_TYPES = new Set<ColumnType>(['organisation', 'criticality', 'kind', 'band', 'factor', 'check', 'severity', 'supportStatus', 'versionFrom', 'code']);

/** The exposure's rows across all chosen organisations are marked '*' (supplier-exposure.ts). */
const ALL_ORGANISATIONS = { nl: 'Alle gekozen organisaties', en: 'All chosen organisations' };

// A uid has its key right after the colon; "supplier: Acme → Newco" (a changed field in words) is text.
const UID = /^(app|platform|supplier|group|org|function|refcomp|contract|interface|standard):(?=\S)/;

/**
 * A uid by its name where one is known, else by the id people gave it (`interface:gm1/if-7` →
 * `if-7`); an organisation id by the organisation's name.
 */
function named(value: string, names: Names): string {
  if (value.startsWith('org:')) return organisationName(value.slice(4), names.organisation(value.slice(4)));
  if (!UID.test(value)) return value;
  return names.node(value) ?? value.slice(value.indexOf(':') + 1).split('/').at(-1)!;
}

/** One item of a list: a record by its name (with its criticality, as the calendar shows it), a uid by its name. */
function item(value: unknown, names: Names, language: Language): string {
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const label = typeof record.name === 'string' ? record.name : typeof record.uid === 'string' ? named(record.uid, names) : JSON.stringify(record);
    return typeof record.criticality === 'string' ? `${label} (${valueName(CRITICALITY_NAMES, record.criticality, language)})` : label;
  }
  return typeof value === 'string' ? named(value, names) : value === null || value === undefined ? '' : String(value);
}

/** A value as text for people (PDF, report page, CSV for people). */
export function formatValue(type: ColumnType, value: unknown, language: Language, names: Names = noNames): string {
  if (value === null || value === undefined || value === '') return '';
  if (Array.isArray(value) && WORD_TYPES.has(type)) return value.map(item => formatValue(type, item, language, names)).join(', ');
  switch (type) {
    case 'money': return formatMoney(value, language);
    case 'percent': return formatPercent(value, language);
    case 'integer': return formatNumber(value, language, 0);
    case 'decimal': return formatNumber(value, language, 1, true);
    case 'date': return formatDate(value, language);
    case 'dateTime': return formatDateTime(value, language);
    case 'yesNo': return typeof value === 'boolean' ? YES_NO[value ? 'yes' : 'no'][language] : String(value);
    case 'list': return Array.isArray(value) ? value.map(v => item(v, names, language)).filter(Boolean).join(', ') : item(value, names, language);
    case 'path': return Array.isArray(value) ? value.map(v => item(v, names, language)).join(' → ') : item(value, names, language);
    case 'organisation': return value === '*' ? ALL_ORGANISATIONS[language] : organisationName(String(value), names.organisation(String(value)));
    case 'criticality': return valueName(CRITICALITY_NAMES, value, language);
    case 'band': return valueName(BAND_NAMES, value, language);
    case 'factor': return valueName(FACTOR_NAMES, value, language);
    case 'check': return valueName(CHECK_NAMES, value, language);
    case 'severity': return valueName(SEVERITY_NAMES, value, language);
    case 'code': return valueName(CODE_NAMES, value, language);
    case 'claimRule': return valueName(CLAIM_RULE_NAMES, value, language);
    case 'property': return propertyName(String(value), language);
    case 'kind': return kindWords(String(value), language);
    case 'reference': return item(value, names, language);
    case 'supportStatus': return valueName(VALUE_NAMES.supportStatus, value, language);
    case 'versionFrom': return valueName(VALUE_NAMES.versionFrom, value, language);
    default:
      if (typeof value === 'boolean') return YES_NO[value ? 'yes' : 'no'][language];
      if (typeof value === 'number') return formatNumber(value, language, 2);
      if (Array.isArray(value)) return value.map(v => item(v, names, language)).join(', ');
      return item(value, names, language);
  }
}
