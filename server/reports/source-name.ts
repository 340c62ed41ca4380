// A source as people read it in a report: "Gemeente Roerdam (demo)" for `demo:gemeente-roerdam`,
// "Gemeente Noord (CSV-bestanden)" for `csv:gemeente-noord`, the kind of import in words and the
// organisation by its name. A source key is `<kind>:<name>` (importers/import.ts defaultSource, the
// ArchiMate, SBOM and demo imports); a key of another shape is the name its importer chose. Pure.
import type { Language } from '../labels.js';

const KINDS: Record<string, Record<Language, string>> = {
  csv: { nl: 'CSV-bestanden', en: 'CSV files' },
  xlsx: { nl: 'Excel-bestand', en: 'Excel workbook' },
  archimate: { nl: 'ArchiMate-model', en: 'ArchiMate model' },
  demo: { nl: 'demo', en: 'demo' },
  sbom: { nl: 'SBOM', en: 'SBOM' },
  endoflife: { nl: 'endoflife.date', en: 'endoflife.date' },
  softwarecatalogus: { nl: 'Softwarecatalogus', en: 'Softwarecatalogus' },
  swc: { nl: 'Softwarecatalogus', en: 'Softwarecatalogus' },
  'swc-register': { nl: 'Softwarecatalogus', en: 'Softwarecatalogus' },
  algoritmeregister: { nl: 'Algoritmeregister', en: 'Algoritmeregister' },
  gemma: { nl: 'GEMMA-catalogus', en: 'GEMMA catalogue' },
};

const CATALOGUE = KINDS.gemma;
/** The reference sources the demo loads (`demo:endoflife`, `demo:algoritmeregister`) by their own names. */
const REFERENCE: Record<string, string> = { endoflife: 'endoflife.date', algoritmeregister: 'Algoritmeregister' };

/** `source` in words; `organisation` names an organisation id, undefined when the text is none. */
export function sourceName(source: string, language: Language, organisation: (id: string) => string | undefined): string {
  if (source === 'gemma') return CATALOGUE[language];
  const colon = source.indexOf(':');
  if (colon <= 0 || colon === source.length - 1) return organisation(source) ?? REFERENCE[source] ?? source;
  const kind = source.slice(0, colon);
  const rest = source.slice(colon + 1);
  return `${organisation(rest) ?? REFERENCE[rest] ?? rest} (${KINDS[kind.toLowerCase()]?.[language] ?? kind})`;
}

/** Files by what their names end in, when the source key does not say what was imported. */
const BY_EXTENSION: [RegExp, string][] = [[/\.xlsx$/i, 'xlsx'], [/\.(csv|txt)$/i, 'csv'], [/\.(xml|archimate|zip)$/i, 'archimate']];

/**
 * What kind of import a run was, as a key of KINDS ("csv", "archimate", "algoritmeregister"…): from the
 * source key (`<kind>:<name>`, `gemma`, the reference sources), else from its files; null when neither says.
 */
export function importKind(source: string, files: readonly string[] = []): string | null {
  const colon = source.indexOf(':');
  const [kind, rest] = colon > 0 ? [source.slice(0, colon).toLowerCase(), source.slice(colon + 1)] : ['', source];
  if (source === 'gemma') return 'gemma';
  if (rest === 'algoritmeregister' || rest === 'endoflife') return rest;
  if (KINDS[kind]) return kind;
  for (const [pattern, found] of BY_EXTENSION) if (files.length > 0 && files.every(file => pattern.test(file))) return found;
  return null;
}

/** A kind of import (importKind) in words: "CSV-bestanden", "ArchiMate-model", "Algoritmeregister". */
export const importKindName = (kind: string, language: Language): string => KINDS[kind]?.[language] ?? kind;

/** The source with the kind of import in words, unless its name says it already: "roerdam (CSV-bestanden)", "Algoritmeregister". */
export function runSourceName(source: string, kind: string | null, language: Language, organisation: (id: string) => string | undefined): string {
  const name = sourceName(source, language, organisation);
  const words = kind ? importKindName(kind, language) : null;
  return !words || name.toLowerCase().includes(words.toLowerCase()) ? name : `${name} (${words})`;
}
