// What a re-import of unchanged files tells after the catalogue changed (issue 19, item 3). Rows are
// hashed after their reference components are resolved through the GEMMA catalogue (catalogue.ts), so
// when a GEMMA release renames a component, the next import of a municipality's unchanged CSV finds the
// rows naming it changed, and writes them again. That is right (the row state must hold the new names),
// but "updated" alone would say the user delivered something new. Since the catalogue's run re-resolves
// the rows it renames (catalogue-reresolve.ts), this is left for the states it could not re-resolve
// (written by an older Roer, without a digest per bucket). This finds the changed application
// rows that differ from the source's previous rows only in reference components whose previous names
// the catalogue now resolves to the new ones: re-resolved by the catalogue, not changed in the files.
import type { Driver } from 'neo4j-driver';
import { resolveReferenceComponents } from './catalogue.js';
import type { RowChange } from './diff.js';
import { rowJson } from './row-state.js';

export type CatalogueResolution = {
  /** Application rows written again only because the catalogue now names their components differently. */
  rows: number;
  /** The names those rows held → the catalogue's current names, by name. */
  renamed: { from: string; to: string }[];
};

type ApplicationJson = { referenceComponents?: string[] } & Record<string, unknown>;

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();

/** The rows of `changes` re-resolved by the catalogue, and the renames they follow; null when there are none. */
export async function catalogueResolution(driver: Driver, changes: RowChange[] | null): Promise<CatalogueResolution | null> {
  const candidates = (changes ?? [])
    .filter(change => change.table === 'applications' && change.kind === 'changed' && change.before !== null && change.after !== null)
    .map(change => ({ before: JSON.parse(change.before!) as ApplicationJson, after: JSON.parse(change.after!) as ApplicationJson }))
    // Everything but the reference components as before.
    .filter(({ before, after }) => rowJson({ ...before, referenceComponents: [] }) === rowJson({ ...after, referenceComponents: [] }));
  if (candidates.length === 0) return null;
  const previous = sorted(candidates.flatMap(({ before }) => before.referenceComponents ?? []));
  const current = new Map((await resolveReferenceComponents(driver, previous)).map(r => [r.ref, r.name ?? r.ref]));
  const now = (name: string) => current.get(name) ?? name;
  const renamed = new Map<string, string>();
  let rows = 0;
  for (const { before, after } of candidates) {
    const names = before.referenceComponents ?? [];
    if (JSON.stringify(sorted(names.map(now))) !== JSON.stringify(sorted(after.referenceComponents ?? []))) continue;
    rows++;
    for (const name of names) if (now(name) !== name) renamed.set(name, now(name));
  }
  return rows === 0 ? null : { rows, renamed: [...renamed].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([from, to]) => ({ from, to })) };
}
