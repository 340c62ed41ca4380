// The organisations the server knows, by name: every page shows an organisation by its name, never
// by its id or slug. main.ts fills this from /api/organisations (again after an import).
import { organisationName } from '../../server/labels.js';
import type { Organisation } from './api.js';

let known = new Map<string, string>();

export function setOrganisations(list: Organisation[]): void {
  known = new Map(list.map(o => [o.id, organisationName(o.id, o.name)]));
}

/** The ids of every organisation the server knows. */
export const knownOrganisations = (): string[] => [...known.keys()];

/** An organisation id (`gemeente-roerdam`, or a uid `org:…`) as people know it: "Gemeente Roerdam". */
export function orgName(id: unknown): string {
  if (typeof id !== 'string' || id === '') return '';
  const bare = id.replace(/^org:/, '');
  return known.get(bare) ?? organisationName(bare);
}
