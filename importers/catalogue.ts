// The shared catalogue (GEMMA) as the authority on reference components: how the names, former names,
// GEMMA ids and ArchiMate ids other sources use resolve to the one current component. Used by every
// importer but the catalogue's own, before rows are hashed (importers/import.ts, the ArchiMate import).
import type { Driver } from 'neo4j-driver';
import { read } from '../server/neo4j.js';
import { query } from '../server/queries.js';
import { CATALOGUE_SOURCE } from './load.js';
import { type Landscape, uid } from './model.js';

export type ResolvedReference = { ref: string; name: string | null; uid: string | null };

/**
 * Reference components as organisations write them (name, former name, GEMMA Object ID or ArchiMate id)
 * → the catalogue's current name, for importers that map applications onto GEMMA. Unknown → null.
 */
export async function resolveReferenceComponents(driver: Driver, refs: string[]): Promise<ResolvedReference[]> {
  if (refs.length === 0) return [];
  return read<ResolvedReference>(driver, query('archimate/resolve-reference-components').text, { refs, catalogue: CATALOGUE_SOURCE });
}

/** The references the catalogue knows, by the reference as written. */
export const knownReferences = (resolved: ResolvedReference[]) => new Map(resolved.filter(r => r.uid !== null).map(r => [r.ref, r]));

/** An application row's reference components by the catalogue's current names (what it does not know, as written), each once. */
export const resolvedNames = (refs: string[], known: Map<string, ResolvedReference>) => [...new Set(refs.map(ref => known.get(ref)?.name ?? ref))];

/**
 * The reference components a landscape names, resolved through the catalogue: application rows' names
 * (an old name, a former name, a GEMMA id or ArchiMate id) become the current name, and an ArchiMate
 * model's own reference component elements become the catalogue's node (their relationships follow).
 * What the catalogue does not know stays as written. Every importer but the catalogue's own runs this
 * before it hashes its rows, so a rename in the catalogue never brings an old name back.
 */
export async function resolveLandscapeReferences(driver: Driver, landscape: Landscape): Promise<void> {
  const elements = (landscape.elements ?? []).filter(e => e.label === 'ReferenceComponent');
  const objectId = (e: (typeof elements)[number]) => e.properties.find(p => p.key === 'Object ID')?.value?.trim() || undefined;
  const refs = [...new Set([...landscape.applications.flatMap(a => a.referenceComponents), ...elements.flatMap(e => [objectId(e), e.name].filter((ref): ref is string => Boolean(ref)))])];
  if (refs.length === 0) return;
  const resolved = knownReferences(await resolveReferenceComponents(driver, refs));
  for (const application of landscape.applications) application.referenceComponents = resolvedNames(application.referenceComponents, resolved);
  const rekey = new Map<string, string>();
  for (const e of elements) {
    const target = resolved.get(objectId(e) ?? '') ?? resolved.get(e.name);
    if (target?.uid && target.uid !== e.uid && !rekey.has(e.uid)) rekey.set(e.uid, target.uid);
  }
  if (rekey.size === 0) return;
  const to = (key: string) => rekey.get(key) ?? key;
  for (const e of landscape.elements ?? []) e.uid = to(e.uid);
  for (const r of landscape.relations ?? []) Object.assign(r, { from: to(r.from), to: to(r.to) });
  for (const l of landscape.links ?? []) Object.assign(l, { from: to(l.from), to: to(l.to) });
  // Two elements of the model resolved to one component: the second stays a generic element.
  const seen = new Set<string>();
  for (const e of elements) {
    if (seen.has(e.uid)) Object.assign(e, { label: 'Element', uid: uid.element(e.organisation ?? 'model', e.id) });
    seen.add(e.uid);
  }
}
