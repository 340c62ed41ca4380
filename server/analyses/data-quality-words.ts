// The data-quality findings for people (GET /api/analyses/data-quality as XLSX, or CSV in a language):
// the "Toelichting" in the requested language only, from the finding's facts (the check, the other
// supplier, the sources' values and the rule), where the API's `detail` says it in English and Dutch at
// once for programs that read it. The kind column (`label`) is named and put in words in labels.ts.
import { CLAIM_RULE_NAMES, CRITICALITY_NAMES, type Language, propertyName, propertyValueName, valueName } from '../labels.js';
import type { Row } from './types.js';
import { formatDate } from '../format.js';

type Words = { nl: string; en: string };
const FIXED: Record<string, Words> = {
  'application-without-supplier': { nl: 'Geen leverancier bekend die deze applicatie levert', en: 'No supplier delivers this application' },
  'application-without-platform': { nl: 'Niet bekend waar deze applicatie draait (geen platform)', en: 'Not known where this application runs (no platform)' },
  'contract-covers-nothing': { nl: 'Het contract dekt geen applicatie', en: 'The contract covers no application' },
};
const INTERFACE_ENDS: Record<string, Words> = {
  both: { nl: 'De van- en de naar-applicatie ontbreken', en: 'Both the FROM and the TO application are missing' },
  from: { nl: 'De van-applicatie ontbreekt', en: 'The FROM application is missing' },
  to: { nl: 'De naar-applicatie ontbreekt', en: 'The TO application is missing' },
};

/** One finding's detail in `language`; a check without words here keeps the part of its detail in that language. */
export function dataQualityDetail(row: Row, language: Language): string {
  const check = String(row.check);
  const detail = String(row.detail ?? '');
  if (FIXED[check]) return FIXED[check][language];
  // Facts the Cypher writes into its English (cypher/analyses/data-quality.cypher): which ends, which criticality.
  if (check === 'interface-to-unknown-application') return INTERFACE_ENDS[/^Missing both/.test(detail) ? 'both' : /^Missing FROM/.test(detail) ? 'from' : 'to'][language];
  if (check === 'critical-application-without-contract') {
    const criticality = valueName(CRITICALITY_NAMES, /\(([^)]+)\)/.exec(detail)?.[1] ?? 'high', language);
    const ended = / ended on (\d{4}-\d{2}-\d{2})/.exec(detail)?.[1];
    if (ended) return language === 'nl' ? `Bedrijfskritisch (${criticality}), maar het laatste contract voor deze applicatie is beëindigd op ${formatDate(ended, language)}` : `Business-critical (${criticality}), but the last contract for this application ended on ${formatDate(ended, language)}`;
    return language === 'nl' ? `Bedrijfskritisch (${criticality}), maar geen contract dekt deze applicatie` : `Business-critical (${criticality}), but no contract covers this application`;
  }
  if (check === 'duplicate-supplier') {
    const other = `'${String(row.otherName ?? row.other ?? '')}'`;
    // Same normalised name: a warning; a name a few letters apart: info (server/analyses/data-quality.ts).
    if (row.severity === 'warning') return language === 'nl' ? `Zelfde naam als ${other} (na weglaten van B.V., hoofdletters en leestekens)` : `Same name as ${other} (once B.V., capitals and punctuation are left out)`;
    return language === 'nl' ? `Naam lijkt op ${other}: een tikfout of dezelfde leverancier?` : `Name looks like ${other}: a typo or the same supplier?`;
  }
  if (check === 'conflicting-claim') {
    const property = String(row.property ?? '');
    const values = (Array.isArray(row.values) ? row.values as { source: string; value: string }[] : [])
      .map(v => `'${propertyValueName(property, v.value, language)}' (${v.source})`).join(' ≠ ');
    const rule = valueName(CLAIM_RULE_NAMES, row.rule, language);
    return language === 'nl'
      ? `Bronnen verschillen over ${propertyName(property, language).toLowerCase()}: ${values}; de waarde van ${row.winner} telt (${rule})`
      : `Sources differ on ${propertyName(property, language).toLowerCase()}: ${values}; the value of ${row.winner} counts (${rule})`;
  }
  const [en, nl] = detail.split(' / ');
  return (language === 'nl' ? nl ?? en : en) ?? '';
}

