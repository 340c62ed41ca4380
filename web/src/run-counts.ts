// What an import run did, for the import history: a table import's counts per table (import-page.ts
// tableCounts), and for the imports that write the model whole (endoflife.date, GEMMA, ArchiMate, the
// demo's algorithms) the facts per kind in words: "16 releasecycli, 4 producten (2 verwijderd)".
import { kindName, kindPlural } from '../../server/labels.js';
import { formatNumber, language, t } from './i18n.js';

type NodeCounts = Record<string, { created?: number; updated?: number; unchanged?: number }>;

/** `counts` of an ImportRun (object or JSON text) → its parts: per table, or per kind of fact. */
export function runCountsOf(counts: unknown): { tables?: unknown; nodes?: NodeCounts; removed?: Record<string, number> } {
  if (typeof counts === 'string') {
    try { return runCountsOf(JSON.parse(counts)); } catch { return {}; }
  }
  return counts && typeof counts === 'object' ? counts as ReturnType<typeof runCountsOf> : {};
}

/** The facts a model-writing run asserted, per kind, with how many it removed: "16 releasecycli (2 verwijderd)". */
export function nodeCountWords(nodes: NodeCounts | undefined, removed: Record<string, number> | undefined): string {
  // "Releasecyclus" → "releasecyclus" inside a sentence; an abbreviation ("SBOM") stays.
  const lower = (text: string) => (/^\p{Lu}\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));
  const kinds = [...new Set([...Object.keys(nodes ?? {}), ...Object.keys(removed ?? {})])].sort();
  return kinds.flatMap(kind => {
    const { created = 0, updated = 0, unchanged = 0 } = nodes?.[kind] ?? {};
    const asserted = created + updated + unchanged;
    const gone = typeof removed?.[kind] === 'number' ? removed[kind] : 0;
    if (asserted === 0 && gone === 0) return [];
    const words = `${formatNumber(asserted)} ${asserted === 1 ? lower(kindName(kind, language())) : kindPlural(kind, language())}`;
    return [gone > 0 ? `${words} (${t('import.count.removed', { n: formatNumber(gone) })})` : words];
  }).join(', ');
}
