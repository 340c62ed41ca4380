// Reading API rows defensively: analyses name their key fields slightly differently (uid/id/node),
// and the UI should keep working when a field is added.
import type { Row } from './types.js';

export const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));
export const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : undefined);

/** The node uid a row is about. */
export function rowUid(row: Row): string {
  for (const key of ['uid', 'nodeUid', 'node', 'id', 'applicationUid', 'supplierUid']) {
    const value = row[key];
    if (typeof value === 'string' && value.includes(':')) return value;
    if (value && typeof value === 'object' && typeof (value as Row).uid === 'string') return (value as Row).uid as string;
  }
  return str(row.uid ?? row.id);
}

export const rowName = (row: Row) => str(row.name ?? row.label ?? row.title ?? rowUid(row));

/** First present key among candidates. */
export function pick(row: Row, ...keys: string[]): unknown {
  for (const key of keys) if (row[key] !== undefined && row[key] !== null) return row[key];
  return undefined;
}

/** Lists arrive as arrays of strings or of {uid,name} objects. */
export function names(value: unknown): string[] {
  if (!Array.isArray(value)) return value ? [str(value)] : [];
  return value.map(item => (item && typeof item === 'object' ? rowName(item as Row) : str(item)));
}

export function uids(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map(item => (item && typeof item === 'object' ? rowUid(item as Row) : str(item))).filter(Boolean);
}

/** Scalar properties worth showing in a property list. */
export function scalarEntries(row: Row, skip: string[] = []): [string, string][] {
  return Object.entries(row)
    .filter(([key, value]) => !skip.includes(key) && value !== null && value !== undefined && typeof value !== 'object')
    .map(([key, value]) => [key, str(value)]);
}
