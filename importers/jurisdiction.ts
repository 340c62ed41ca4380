// Which law a party answers to, from what a spreadsheet says: a jurisdiction (NL, EU, US, other) or a
// country (a code or a name, Dutch or English). Pure: the analyses and the web UI use it too.

export type JurisdictionCode = 'NL' | 'EU' | 'US' | 'other';

/** Outside the EU: US law (the CLOUD Act) or any other non-EU law can reach the data or stop the service. */
export const isNonEu = (jurisdiction: string | null | undefined): boolean => jurisdiction === 'US' || jurisdiction === 'other';

// EU member states and the rest of the EEA (the import's Jurisdiction already reads EER/EEA as EU).
const EU: [code: string, ...names: string[]][] = [
  ['AT', 'oostenrijk', 'austria'], ['BE', 'belgie', 'belgium'], ['BG', 'bulgarije', 'bulgaria'], ['HR', 'kroatie', 'croatia'],
  ['CY', 'cyprus'], ['CZ', 'tsjechie', 'czechia', 'czech republic'], ['DK', 'denemarken', 'denmark'], ['EE', 'estland', 'estonia'],
  ['FI', 'finland'], ['FR', 'frankrijk', 'france'], ['DE', 'duitsland', 'germany'], ['GR', 'griekenland', 'greece'],
  ['HU', 'hongarije', 'hungary'], ['IE', 'ierland', 'ireland'], ['IT', 'italie', 'italy'], ['LV', 'letland', 'latvia'],
  ['LT', 'litouwen', 'lithuania'], ['LU', 'luxemburg', 'luxembourg'], ['MT', 'malta'], ['PL', 'polen', 'poland'],
  ['PT', 'portugal'], ['RO', 'roemenie', 'romania'], ['SK', 'slowakije', 'slovakia'], ['SI', 'slovenie', 'slovenia'],
  ['ES', 'spanje', 'spain'], ['SE', 'zweden', 'sweden'], ['IS', 'ijsland', 'iceland'], ['LI', 'liechtenstein'], ['NO', 'noorwegen', 'norway'],
];
// Countries suppliers' groups often sit in outside the EU; an unknown name stays unknown rather than being guessed.
const OTHER: [code: string, ...names: string[]][] = [
  ['GB', 'uk', 'verenigd koninkrijk', 'united kingdom', 'groot-brittannie', 'great britain', 'engeland', 'england'], ['CH', 'zwitserland', 'switzerland'],
  ['CA', 'canada'], ['CN', 'china'], ['IN', 'india'], ['IL', 'israel'], ['JP', 'japan'], ['KR', 'zuid-korea', 'south korea'], ['AU', 'australie', 'australia'],
  ['RU', 'rusland', 'russia'], ['SG', 'singapore'], ['TW', 'taiwan'],
];

const WORDS = new Map<string, JurisdictionCode>([
  ['nl', 'NL'], ['nld', 'NL'], ['nederland', 'NL'], ['netherlands', 'NL'], ['the netherlands', 'NL'], ['holland', 'NL'],
  ['eu', 'EU'], ['eer', 'EU'], ['eea', 'EU'], ['europa', 'EU'], ['europe', 'EU'], ['europese unie', 'EU'], ['european union', 'EU'],
  ['us', 'US'], ['usa', 'US'], ['vs', 'US'], ['verenigde staten', 'US'], ['united states', 'US'], ['united states of america', 'US'], ['amerika', 'US'],
  ['other', 'other'], ['overig', 'other'], ['anders', 'other'], ['elders', 'other'], ['elsewhere', 'other'], ['buiten de eu', 'other'], ['non-eu', 'other'],
  ...EU.flatMap(([code, ...names]) => [code.toLowerCase(), ...names].map(word => [word, 'EU'] as [string, JurisdictionCode])),
  ...OTHER.flatMap(([code, ...names]) => [code.toLowerCase(), ...names].map(word => [word, 'other'] as [string, JurisdictionCode])),
]);

const plain = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');

/** `US`, `Verenigde Staten`, `Duitsland`, `DE`, `EU`, `overig` → its jurisdiction; blank or unknown → null. */
export function jurisdictionOf(text: string | null | undefined): JurisdictionCode | null {
  if (typeof text !== 'string' || text.trim() === '') return null;
  return WORDS.get(plain(text)) ?? null;
}

export const JURISDICTION_EXPECTED = 'NL, EU, US, other (overig) or a country such as Verenigde Staten, Duitsland, DE';
