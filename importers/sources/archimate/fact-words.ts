// The words Roer writes for the facts it exports as relationships ("Roer feit"), for an interface's
// standard and intermediary and for where a row came from, in the export's language; the importer reads
// any of them back, and the old codes (PROVIDES, RUNS_ON…, `standard`, `via`, `Roer bron: tabel`) too.
import type { ArchiProperty } from './read.js';
import { RELATION_NAMES } from '../../../server/labels.js';

const FACTS = ['SUPPLIES', 'PROVIDES', 'RUNS_ON', 'REALISES', 'SUPPORTS'] as const;
type Fact = (typeof FACTS)[number];
// The UI's words, read from the fact's start ("draait op"), as the relationships' names are.
const WORDS = (language: 'nl' | 'en') => Object.fromEntries(FACTS.map(fact => [fact, RELATION_NAMES[fact].out[language]])) as Record<Fact, string>;
const CURRENT = { nl: WORDS('nl'), en: WORDS('en') };
/** What earlier exports wrote where the UI now says otherwise. */
const EARLIER: Record<string, Fact> = { 'levert platform': 'PROVIDES', realiseert: 'REALISES' };
const languageOf = (language: string) => (language === 'en' ? 'en' : 'nl');

/** A Roer relationship type in words ("RUNS_ON" → "draait op"); a type without words stays as it is. */
export const factWord = (type: string, language: string) => CURRENT[languageOf(language)][type as Fact] ?? type;

/** Words or code → the Roer relationship type ("draait op", "runs on", "RUNS_ON" → "RUNS_ON"). */
export function factOf(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const word = text.toLowerCase();
  return FACTS.find(fact => fact === text || CURRENT.nl[fact] === word || CURRENT.en[fact] === word) ?? EARLIER[word] ?? text;
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

/** The intermediary as the export writes it: its name, its identifier after it ("Makelaar (id-app-gm1-a2)"). */
export const viaValue = (name: string, id: string) => (name ? `${name} (${id})` : id);

/** The identifier in what `viaValue` wrote; undefined for a bare identifier (older exports, other tools). */
export const viaIdentifier = (value: string): string | undefined => value.match(/\(([^()\s]+)\)$/)?.[1];

/**
 * The property that says where a concept Roer made from an imported row came from ("Bron in Roer:
 * Gemeente Roerdam (demo)"); its name alone tells the importer to make the row again.
 */
const TABLE_SOURCE = { nl: 'Bron in Roer', en: 'Source in Roer' } as const;
export const tableSourceKey = (language: string) => TABLE_SOURCE[languageOf(language)];
export const isTableSourceKey = (key: string) => [TABLE_SOURCE.nl, TABLE_SOURCE.en].some(name => name.toLowerCase() === key.trim().toLowerCase());
