// What the import page holds while the language is switched (the page is drawn anew then): the chosen
// files, the source and organisation typed, and the last answer, so it shows again in the new language.
// After an import, how many facts of its source another source asserts differently, linking to the
// data-quality page.
import { getConflicts, dataQualityHref } from './conflict-line.js';
import { dq, propertyWords } from './data-quality-words.js';
import { h } from './dom.js';
import { formatNumber, language, t, type Language } from './i18n.js';
import type { ImportReport } from './types.js';

export type KeptImport = { files: File[]; source: string; organisation: string; shown: { report: ImportReport; dryRun: boolean; conflicts: number | null } | null };

let kept: (KeptImport & { language: Language }) | null = null;

export const keepImport = (state: KeptImport) => { kept = { ...state, language: language() }; };

/** What the page held before the language changed; null when it is opened anew in the same language. */
export function keptImport(): KeptImport | null {
  const state = kept && kept.language !== language() ? kept : null;
  kept = null;
  return state;
}

/** Up to this many conflicts an import names (supplier and field); more are counted only. */
const NAMED_CONFLICTS = 3;

/**
 * After an import that was carried out: "2 gegevens van deze bron wijken af van een andere bron — zie
 * Datakwaliteit", under the answer; `data-conflicts` on `result` says how many once known. `known` is the
 * count from before a language switch (no new question).
 */
export async function conflictImport(result: HTMLElement, source: string, shown: KeptImport['shown'], known: number | null = null): Promise<void> {
  if (!shown || shown.dryRun || !shown.report.ok || !source) return;
  delete result.dataset.conflicts;
  const answer = result.firstElementChild;
  let n = known;
  let named: string[] = [];
  // Asked again after a language switch when there are few: they are named, in the new language.
  if (n === null || (n > 0 && n <= NAMED_CONFLICTS)) {
    try {
      const conflicts = await getConflicts({ source });
      n = conflicts.length;
      // A few are named: "Acme B.V. (land)".
      if (n <= NAMED_CONFLICTS) named = conflicts.map(conflict => `${conflict.name} (${propertyWords(conflict.property)})`);
    } catch {
      if (n === null) return; // the import's own answer stands; the data-quality page still lists them
    }
  }
  if (result.firstElementChild !== answer) return; // another answer replaced this one meanwhile
  shown.conflicts = n;
  result.dataset.conflicts = String(n); // for the tests: the question was answered
  if (n === 0) return;
  const note = h('p', { id: 'import-conflicts', class: 'message info', role: 'status' },
    dq(n === 1 ? 'import.conflicts.one' : 'import.conflicts', { n: formatNumber(n) }),
    named.length ? h('span', { id: 'import-conflict-names' }, t('import.conflictNames', { which: named.join(', ') })) : '',
    '; ', h('a', { href: dataQualityHref() }, dq('import.conflictsLink')), '.');
  (result.querySelector('.message') ?? answer)?.after(note);
}
