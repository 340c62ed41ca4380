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
};

const CATALOGUE: Record<Language, string> = { nl: 'GEMMA-catalogus', en: 'GEMMA catalogue' };
/** The reference sources the demo loads (`demo:endoflife`, `demo:algoritmeregister`) by their own names. */
const REFERENCE: Record<string, string> = { endoflife: 'endoflife.date', algoritmeregister: 'Algoritmeregister' };

/** `source` in words; `organisation` names an organisation id, undefined when the text is none. */
export function sourceName(source: string, language: Language, organisation: (id: string) => string | undefined): string {
  if (source === 'gemma') return CATALOGUE[language];
  const colon = source.indexOf(':');
  if (colon <= 0 || colon === source.length - 1) return organisation(source) ?? source;
  const kind = source.slice(0, colon);
  const rest = source.slice(colon + 1);
  return `${organisation(rest) ?? REFERENCE[rest] ?? rest} (${KINDS[kind.toLowerCase()]?.[language] ?? kind})`;
}
