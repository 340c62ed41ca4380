// The audit log: imports and deletions, as (:AuditEntry) nodes outside the landscape (no :Entity label).
import type { Driver } from 'neo4j-driver';
import { int, read, write } from './neo4j.js';
import { query } from './queries.js';

export type AuditEntry = { at: string; actor: string; action: string; target: string; counts: Record<string, unknown> };

export async function writeAudit(driver: Driver, entry: Omit<AuditEntry, 'at'>): Promise<void> {
  await write(driver, query('api/audit-write').text, { ...entry, counts: JSON.stringify(entry.counts ?? {}) });
}

export async function listAudit(driver: Driver, limit = 200): Promise<AuditEntry[]> {
  const rows = await read<Omit<AuditEntry, 'counts'> & { counts: string | null }>(driver, query('api/audit-list').text, { limit: int(limit) });
  return rows.map(row => ({ ...row, counts: row.counts ? (JSON.parse(row.counts) as Record<string, unknown>) : {} }));
}
