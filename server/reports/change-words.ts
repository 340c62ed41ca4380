// What an import changed, field by field, in words: "leverancier: Kievit Software B.V. → Grutto Software
// B.V.", a code by its name, a date as people write it. One wording for the changes page (web/src/changes.ts
// bundles it: no Node imports) and the report's section on what changed since the previous import.
import type { ChangesRun, FieldChange, SupplierMove } from '../analyses/changes.js';
import { type Language, TABLE_KINDS, VALUE_NAMES, valueName } from '../labels.js';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../format.js';

type Words = Record<Language, string>;

/** The tables of a delivery in the order their changes are shown. */
export const CHANGE_TABLES = ['applications', 'suppliers', 'platforms', 'interfaces', 'contracts'] as const;

/** The columns of the five CSV tables as a changed field is named. */
const FIELD_NAMES: Record<string, Words> = {
  id: { nl: 'id', en: 'id' },
  name: { nl: 'naam', en: 'name' },
  organisation: { nl: 'organisatie', en: 'organisation' },
  supplier: { nl: 'leverancier', en: 'supplier' },
  group: { nl: 'groep', en: 'group' },
  country: { nl: 'land', en: 'country' },
  type: { nl: 'soort', en: 'type' },
  jurisdiction: { nl: 'jurisdictie', en: 'jurisdiction' },
  runsOn: { nl: 'draait op', en: 'runs on' },
  platform: { nl: 'platform', en: 'platform' },
  referenceComponents: { nl: 'referentiecomponenten', en: 'reference components' },
  businessFunctions: { nl: 'bedrijfsfuncties', en: 'business functions' },
  criticality: { nl: 'kritikaliteit', en: 'criticality' },
  personalData: { nl: 'persoonsgegevens', en: 'personal data' },
  openStandards: { nl: 'open standaarden', en: 'open standards' },
  from: { nl: 'van', en: 'from' },
  to: { nl: 'naar', en: 'to' },
  standard: { nl: 'standaard', en: 'standard' },
  via: { nl: 'via', en: 'via' },
  applications: { nl: 'applicaties', en: 'applications' },
  start: { nl: 'startdatum', en: 'start date' },
  end: { nl: 'einddatum', en: 'end date' },
  noticeMonths: { nl: 'opzegtermijn (maanden)', en: 'notice period (months)' },
  autoRenew: { nl: 'stilzwijgend verlengd', en: 'renews automatically' },
  annualValue: { nl: 'jaarwaarde', en: 'annual value' },
  exitPlan: { nl: 'exitplan', en: 'exit plan' },
  dataPortability: { nl: 'dataportabiliteit', en: 'data portability' },
  extra: { nl: 'extra kolommen', en: 'extra columns' },
};

const YES_NO: Record<'yes' | 'no', Words> = { yes: { nl: 'ja', en: 'yes' }, no: { nl: 'nee', en: 'no' } };
const RENEWED_UNTIL: Words = { nl: 'stilzwijgend verlengd tot {date}', en: 'renewed automatically until {date}' };

/** A changed field's name in words ("einddatum"); an unknown column by its own name. */
export const fieldName = (field: string, language: Language): string => FIELD_NAMES[field]?.[language] ?? field;

/** A field's value in words: codes of a known field (criticality, platform type…) by their names, dates as dates. */
export function changedValueText(value: unknown, field: string | undefined, language: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  const names = field ? VALUE_NAMES[field] : undefined;
  if (names && typeof value === 'string') return valueName(names, value, language);
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'boolean') return YES_NO[value ? 'yes' : 'no'][language];
  // An annual value is money: "jaarwaarde: € 782.369 → € 932.369", not bare numbers.
  if (typeof value === 'number' && field === 'annualValue') return formatMoney(value, language);
  if (typeof value === 'number') return formatNumber(value, language, Number.isInteger(value) ? 0 : 2);
  if (typeof value === 'object') return JSON.stringify(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatDate(value, language) : String(value);
}

/**
 * "leverancier: Kievit Software B.V. → Grutto Software B.V.": a field that refers to other rows by their
 * names (server/analyses/changes-names.ts); a renewing contract's end date in the past with the end of its
 * current term.
 */
export function fieldLine(field: FieldChange, language: Language): string {
  const [before, after] = field.names ? [field.names.before, field.names.after] : [field.before, field.after];
  const renewed = field.renewedUntil ? ` (${RENEWED_UNTIL[language].replace('{date}', formatDate(field.renewedUntil, language))})` : '';
  return `${fieldName(field.field, language)}: ${changedValueText(before, field.field, language)} → ${changedValueText(after, field.field, language)}${renewed}`;
}

const SHARE_WORDS: Record<'contractValueShare' | 'applicationsShare', Words> = {
  contractValueShare: { nl: 'contractwaarde {share}', en: 'contract value {share}' },
  applicationsShare: { nl: 'applicaties {share}', en: 'applications {share}' },
};
const AMOUNT_WORDS: Record<'contractValueShare' | 'applicationsShare', Words> = {
  contractValueShare: { nl: ' ({amount} per jaar)', en: ' ({amount} a year)' },
  applicationsShare: { nl: ' ({amount})', en: ' ({amount})' },
};

/** "12,2% → 15,0%", or one value when it stayed ("18,0%"). */
const fromTo = (before: number, after: number, show: (value: number) => string) => (show(before) === show(after) ? show(after) : `${show(before)} → ${show(after)}`);

/** "€ 1.503.890 → € 1.855.164, +€ 351.274": an amount's move with the difference, so that a buyer need not subtract. */
const withDifference = (before: number, after: number, show: (value: number) => string) =>
  (show(before) === show(after) ? show(after) : `${show(before)} → ${show(after)}, ${after > before ? '+' : '−'}${show(Math.abs(after - before))}`);

/**
 * "contractwaarde 12,2% → 15,0% (€ 1.200.000 → € 1.500.000, +€ 300.000 per jaar), applicaties 12,0% → 13,0% (48 → 52, +4)": the
 * shares and what they are of; a move of headlines recorded before the amounts were, the shares only.
 */
export function supplierMoveText({ before, after }: SupplierMove, language: Language): string {
  const amounts = [before.contractValue, after.contractValue, before.applications, after.applications].every(value => typeof value === 'number');
  const amount = { contractValueShare: (value: number) => formatMoney(value, language), applicationsShare: (value: number) => formatNumber(value, language) };
  const key = { contractValueShare: 'contractValue', applicationsShare: 'applications' } as const;
  return (['contractValueShare', 'applicationsShare'] as const).map(share =>
    SHARE_WORDS[share][language].replace('{share}', fromTo(before[share], after[share], value => formatPercent(value, language)))
    + (amounts ? AMOUNT_WORDS[share][language].replace('{amount}', withDifference(before[key[share]]!, after[key[share]]!, amount[share])) : '')).join(', ');
}

/** The five tables as the kinds of fact a model's first import counts (a run of release cycles or algorithms wrote none of them). */
const TABLE_FACTS = new Set(['Application', 'Supplier', 'Platform', 'Interface', 'Contract']);

/**
 * Whether a run whose rows are not kept one by one wrote any row of the five tables: only then are rows
 * missing from a list of what changed (the Algoritmeregister's and endoflife.date's runs keep counts of none).
 */
export const wroteTableRows = ({ counts }: Pick<ChangesRun, 'counts'>): boolean =>
  Object.entries(counts?.tables ?? {}).some(([table, count]) => TABLE_FACTS.has(TABLE_KINDS[table]) && count.added + count.changed + count.removed > 0)
  || Object.entries(counts?.nodes ?? {}).some(([kind, count]) => TABLE_FACTS.has(kind) && (count.created ?? 0) + (count.updated ?? 0) > 0);
