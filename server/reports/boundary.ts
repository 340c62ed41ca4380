// An organisation's report stays within its boundary (issue 19, item 4; server/exports/scope.ts, the
// rule every export follows). The analyses behind the report's sections run on the whole snapshot, so
// a row, or a step of a path or chain, can be an element that only another organisation asserts. Such
// a row is left out of its section (counted in `omitted`, which the section states, so no number
// claims more than it shows), and such a step in the middle of a path or chain is named neutrally
// ("element van een andere organisatie"), so the path's length stays honest. Pure.
import type { Row } from '../analyses/types.js';
import type { ChainStep } from '../analyses/sovereignty.js';
import type { Language } from '../labels.js';
import type { ReportData } from './report-data.js';
import type { SectionId } from './sections.js';
import { reportText } from './words.js';

/** The name a step out of scope carries in the report's data; shownName puts it in words. */
export const OUTSIDE = '\u2063outside-scope';

/** A name of the report's data as people read it: a step out of scope in words. */
export const shownName = (name: string, language: Language): string => (name === OUTSIDE ? reportText(language, 'outside') : name);

const uidOf = (row: Row | { uid?: unknown }): string | null => (typeof row.uid === 'string' ? row.uid : null);

/** `data` with what is outside `inScope` left out or named neutrally; `omitted` counts rows left out per section. */
export function withinScope(data: ReportData, inScope: (uid: string) => boolean, own: string[]): ReportData {
  const omitted: Partial<Record<SectionId, number>> = {};
  function keep<T extends Row | { uid?: unknown }>(id: SectionId, rows: T[]): T[] {
    const kept = rows.filter(row => { const uid = uidOf(row); return uid === null || inScope(uid); });
    if (kept.length < rows.length) omitted[id] = (omitted[id] ?? 0) + rows.length - kept.length;
    return kept;
  }
  // A step out of scope keeps its place under a uid of its own that says nothing of it.
  const hidden = new Map<string, string>();
  const hide = (uid: string) => hidden.get(uid) ?? hidden.set(uid, `outside:${hidden.size + 1}`).get(uid)!;
  const paths = <T extends { path: string[]; pathNames: string[] }>(rows: T[]): T[] =>
    rows.map(row => ({
      ...row,
      path: row.path.map(uid => (inScope(uid) ? uid : hide(uid))),
      pathNames: row.pathNames.map((name, i) => (row.path[i] === undefined || inScope(row.path[i]) ? name : OUTSIDE)),
    }));
  const chains = (rows: Row[]): Row[] =>
    rows.map(row => (Array.isArray(row.chain) ? { ...row, chain: (row.chain as ChainStep[]).map(step => (inScope(step.uid) ? step : { ...step, uid: hide(step.uid), name: OUTSIDE })) } : row));
  const ends = (rows: Row[]): Row[] =>
    rows.map(row => ({
      ...row,
      fromName: typeof row.from === 'string' && !inScope(row.from) ? OUTSIDE : row.fromName,
      toName: typeof row.to === 'string' && !inScope(row.to) ? OUTSIDE : row.toName,
    }));
  const dependants = paths(keep('dependants', data.dependants));
  const dependencies = paths(keep('dependencies', data.dependencies));
  const contracts = keep('contracts', data.contracts);
  // Organisations named: the report's own and those of the rows left.
  const named = new Set([...own, data.subject.organisation, ...dependants.map(row => row.organisation), ...dependencies.map(row => row.organisation), ...contracts.map(row => row.organisation)]);
  return {
    ...data,
    relations: data.relations.map(relation => ({ ...relation, from: inScope(relation.from) ? relation.from : hide(relation.from), to: inScope(relation.to) ? relation.to : hide(relation.to) })),
    organisations: Object.fromEntries(Object.entries(data.organisations).filter(([id]) => named.has(id))),
    dependants,
    dependencies,
    functions: keep('functions', data.functions),
    contracts,
    lockInRanking: keep('lockInRanking', data.lockInRanking),
    spofs: keep('spofs', data.spofs),
    exposure: keep('exposure', data.exposure),
    sovereignty: data.sovereignty && { ...data.sovereignty, rows: chains(keep('sovereignty', data.sovereignty.rows)) },
    ictFoto: data.ictFoto && { ...data.ictFoto, rows: keep('ictFoto', data.ictFoto.rows) },
    commonGround: data.commonGround && { ...data.commonGround, moves: ends(keep('commonGround', data.commonGround.moves)) },
    omitted,
  };
}
