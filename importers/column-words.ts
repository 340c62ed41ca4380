// A missing required column named as the reader knows it: in Dutch by its Dutch header (`naar`), with
// the key (`to`) only as the alternative; in English by the key. Used by issue-words.ts and the import
// page's column cell (web bundle: no Node imports).
import { COLUMN_NAMES, PROPERTY_NAMES, propertyName } from '../server/labels.js';
import { HEADER_WORDS } from './header-words.js';

type Language = 'nl' | 'en';

/**
 * A field (`to`, `runsOn`) in the words people know, for an issue's field: the property's name, else the
 * workbook's header words, else a column's name ("Naar"); the key only when none has words for it.
 */
export function fieldWords(field: string, language: Language): string {
  const header = Object.values(HEADER_WORDS).find(words => words?.[field])?.[field]?.[language];
  const words = PROPERTY_NAMES[field]?.[language] ?? header ?? COLUMN_NAMES[field]?.[language] ?? propertyName(field, language);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `accepted` is the issue's `key|alias|…` (importers/validate.ts, acceptedHeaders): the name to show first, then the rest. */
export function missingColumnNames(column: string, accepted: string | undefined, language: Language): { name: string; others: string[] } {
  const all = String(accepted ?? '').split('|').filter(Boolean);
  const names = all.length > 0 ? all : [column];
  // The first alias is the Dutch header (COLUMNS in importers/model.ts); a key without one stays itself.
  const name = language === 'nl' && names.length > 1 ? names[1] : names[0];
  return { name, others: names.filter(other => other !== name) };
}

/** The problem and expected in words. */
export function missingColumnWords(column: string, accepted: string | undefined, language: Language): { problem: string; expected: string } {
  const { name, others } = missingColumnNames(column, accepted, language);
  const q = (text: string) => `'${text}'`;
  const also = others.length === 0 ? '' : language === 'nl' ? ` (of: ${others.map(q).join(', ')})` : ` (or: ${others.map(q).join(', ')})`;
  return language === 'nl'
    ? { problem: `de verplichte kolom ${q(name)} ontbreekt in de kopregel`, expected: `een kolom ${q(name)}${also}` }
    : { problem: `the required column ${q(name)} is missing from the header`, expected: `a column ${q(name)}${also}` };
}
