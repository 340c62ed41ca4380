// The names Roer gives a contract's fields in an ArchiMate export, in the model's language. Each one is
// also a name the importer reads back (importers/model.ts COLUMNS.contracts aliases, compared without
// spaces and case), so a round trip stays lossless; the old raw keys (start, noticeMonths…) are still read.
const NAMES: Record<'nl' | 'en', Record<string, string>> = {
  nl: {
    start: 'Startdatum', end: 'Einddatum', noticeMonths: 'Opzegtermijn maanden', autoRenew: 'Stilzwijgend verlengd',
    annualValue: 'Jaarwaarde', exitPlan: 'Exitplan', dataPortability: 'Dataportabiliteit',
  },
  en: {
    start: 'Start date', end: 'End date', noticeMonths: 'Notice months', autoRenew: 'Auto renew',
    annualValue: 'Annual value', exitPlan: 'Exit plan', dataPortability: 'Data portability',
  },
};

const languageOf = (language: string) => (language === 'en' ? 'en' : 'nl');

/** The property name of a contract field (`noticeMonths` → "Opzegtermijn maanden"). */
export const contractPropertyName = (field: string, language: string) => NAMES[languageOf(language)][field] ?? field;

/**
 * A contract field's value as written: dates stay ISO, booleans ja/nee (yes/no), amounts with a plain
 * decimal point (machine-readable next to ISO dates). Only an amount like 1.234 (below a thousand, three
 * decimals) keeps a decimal comma, since "1.234" reads as a thousand two hundred and thirty-four.
 */
export function contractPropertyValue(value: unknown, language: string): string {
  if (typeof value === 'boolean') return languageOf(language) === 'en' ? (value ? 'yes' : 'no') : value ? 'ja' : 'nee';
  if (typeof value === 'number' && !Number.isInteger(value)) {
    const text = String(value);
    return /^-?\d{1,3}\.\d{3}$/.test(text) ? text.replace('.', ',') : text;
  }
  return String(value);
}
