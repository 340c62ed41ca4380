// The source an exported workbook imports back under, named for the instruction sheet: its readable
// name and its key ("Gemeente Roerdam (demo), bron demo:gemeente-roerdam"). The organisation's rows
// carry the runs that asserted them (`runs`: "<source>#<runId>").
import type { Language } from '../labels.js';
import { sourceName } from '../reports/source-name.js';

type Rows = Record<string, { props?: Record<string, unknown> }[]>;

/** The sources of the organisation's own rows (applications, interfaces, contracts), sorted. */
export function sourcesOf(rows: Rows): string[] {
  const sources = new Set<string>();
  for (const table of ['applications', 'interfaces', 'contracts']) {
    for (const row of rows[table] ?? []) {
      const runs = row.props?.runs;
      if (Array.isArray(runs)) for (const stamp of runs) sources.add(String(stamp).split('#')[0]);
    }
  }
  return [...sources].filter(Boolean).sort();
}

/** The sentence of the instruction sheet: who, when, and under which source to import it again. */
export function exportedSentence(about: { organisation: string; date: string; sources: string[] }, language: Language, names: (id: string) => string | undefined): string {
  const named = about.sources.map(source => `${sourceName(source, language, names)} (${language === 'nl' ? 'bron' : 'source'} ${source})`);
  const name = names(about.organisation);
  const who = name && name !== about.organisation ? `${name} (${about.organisation})` : about.organisation;
  if (language === 'nl') {
    const under = named.length === 0 ? 'dezelfde bron' : named.length === 1 ? `dezelfde bron: ${named[0]}` : `de bron waar elke rij vandaan komt: ${named.join('; ')}`;
    return `Export van organisatie ${who} op ${about.date}. Importeer dit bestand onder ${under}, om wijzigingen door te voeren.`;
  }
  const under = named.length === 0 ? 'the same source' : named.length === 1 ? `the same source: ${named[0]}` : `the source each row came from: ${named.join('; ')}`;
  return `Export of organisation ${who} on ${about.date}. Import this file under ${under}, to apply your changes.`;
}
