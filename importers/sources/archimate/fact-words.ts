// The words Roer writes for the facts it exports as relationships ("Roer feit") and for an interface's
// standard and intermediary, in the export's language; the importer reads any of them back, and the old
// codes (PROVIDES, RUNS_ON…, `standard`, `via`) too.
import type { ArchiProperty } from './read.js';

const FACTS = ['SUPPLIES', 'PROVIDES', 'RUNS_ON', 'REALISES', 'SUPPORTS'] as const;
type Fact = (typeof FACTS)[number];
const WORDS: Record<'nl' | 'en', Record<Fact, string>> = {
  nl: { SUPPLIES: 'levert', PROVIDES: 'levert platform', RUNS_ON: 'draait op', REALISES: 'realiseert', SUPPORTS: 'ondersteunt' },
  en: { SUPPLIES: 'supplies', PROVIDES: 'provides platform', RUNS_ON: 'runs on', REALISES: 'realises', SUPPORTS: 'supports' },
};
const languageOf = (language: string) => (language === 'en' ? 'en' : 'nl');

/** A Roer relationship type in words ("RUNS_ON" → "draait op"); a type without words stays as it is. */
export const factWord = (type: string, language: string) => WORDS[languageOf(language)][type as Fact] ?? type;

/** Words or code → the Roer relationship type ("draait op", "runs on", "RUNS_ON" → "RUNS_ON"). */
export function factOf(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const word = text.toLowerCase();
  return FACTS.find(fact => fact === text || WORDS.nl[fact] === word || WORDS.en[fact] === word) ?? text;
}

/** An interface's property names: its open standard and the application it runs via. */
export const INTERFACE_KEYS = {
  standard: { nl: 'Standaard', en: 'Standard' },
  via: { nl: 'Via applicatie', en: 'Via application' },
} as const;
export const interfaceKey = (field: keyof typeof INTERFACE_KEYS, language: string) => INTERFACE_KEYS[field][languageOf(language)];

/** The value of an interface property under any of its names (the old raw key included). */
export function interfaceValue(properties: ArchiProperty[], field: keyof typeof INTERFACE_KEYS): string | undefined {
  const names = [field, INTERFACE_KEYS[field].nl, INTERFACE_KEYS[field].en].map(name => name.toLowerCase());
  return properties.find(p => names.includes(p.key.trim().toLowerCase()))?.value;
}
