// The changes named for people, not by their codes. The contracts in the notice lists named as a report
// names them (server/reports/contract-name.ts: "Leverancier – applicaties (c-0001)"): the recorded headline
// keeps only the contract's id, so its suppliers, the applications it covers and its end are looked up in
// the landscape as it is now. And the tables' rows: contracts so too, interfaces by their ends, and the
// values of changed fields that hold another row's id by that row's name.
import type { Driver } from 'neo4j-driver';
import { type TableName, uid } from '../../importers/model.js';
import { interfaceName, type Language } from '../labels.js';
import { contractTitle } from '../reports/contract-name.js';
import type { ItemChange } from './changes.js';
import type { HeadlineItem } from './headlines.js';
import { fetchLandscape, nameOf } from './landscape.js';

export type NamedContract = { id: string; suppliers: string[]; applications: string[]; end: string | null; autoRenew: boolean };
export type NoticeEntry = HeadlineItem & { noticeDeadline?: string; end?: string; contract?: NamedContract };
type Lists = { notice: NoticeEntry[] };

/** Adds `contract` (its suppliers' and applications' names) to the items of the entered and left notice lists. */
export async function namedNotice<T extends { organisation: string; entered: Lists; left: Lists; ended?: NoticeEntry[] }>(driver: Driver, changes: T[]): Promise<T[]> {
  const items = changes.flatMap(change => [...change.entered.notice, ...change.left.notice, ...(change.ended ?? [])]);
  if (items.length === 0) return changes;
  const landscape = await fetchLandscape(driver, [...new Set(changes.map(change => change.organisation))]);
  const contracts = new Map(landscape.contracts.map(contract => [contract.uid, contract]));
  for (const item of items) {
    const contract = contracts.get(item.uid);
    if (!contract) continue;
    item.contract = {
      id: contract.name,
      suppliers: contract.supplier ? [nameOf(landscape, contract.supplier)] : [],
      applications: contract.covers.map(uid => nameOf(landscape, uid)).sort((a, b) => a.localeCompare(b, 'nl')),
      end: contract.end || null,
      autoRenew: contract.autoRenew,
    };
  }
  return changes;
}

/** The fields of a table's rows that hold another row's id, and that row's uid (importers/model.ts `uid`). */
const REFERS: Record<TableName, Record<string, (id: string, organisation: string) => string>> = {
  suppliers: {},
  platforms: { supplier: uid.supplier, runsOn: uid.platform },
  applications: { supplier: uid.supplier, platform: uid.platform },
  interfaces: { from: (id, organisation) => uid.application(organisation, id), to: (id, organisation) => uid.application(organisation, id), via: (id, organisation) => uid.application(organisation, id) },
  contracts: { supplier: uid.supplier, applications: (id, organisation) => uid.application(organisation, id) },
};

type Row = Record<string, unknown>;
export type Listed = { table: TableName; row: Row; item: ItemChange };

/**
 * Names the listed items of the changes' tables for people: a contract as a report names it ("Acme B.V. –
 * Zaaksysteem (c1)"), an interface by its ends ("BRP-bevraging → Zaaksysteem (i1)"), and in `names` the
 * values of changed fields that refer to other rows (a supplier, platform, application) by those rows' names.
 * A name is the landscape's as it is now; of a row that is gone, the name its own changed row had; else the id.
 */
export async function namedItems(driver: Driver, listed: Listed[], rows: { uid: string; before: Row | null; after: Row | null }[], organisations: string[], language: Language): Promise<void> {
  const refers = (table: TableName, field: string) => REFERS[table][field];
  if (!listed.some(({ table, item }) => table === 'contracts' || table === 'interfaces' || item.fields?.some(field => refers(table, field.field)))) return;
  const landscape = await fetchLandscape(driver, organisations);
  const former = new Map<string, string>();
  for (const change of rows) for (const row of [change.before, change.after]) if (typeof row?.name === 'string') former.set(change.uid, row.name);
  const name = (ref: string) => {
    const now = nameOf(landscape, ref);
    return now !== ref ? now : former.get(ref);
  };
  // One id, or a list of them (a contract's applications, sorted by name): named, or kept as the id.
  const named = (table: TableName, field: string, value: unknown, organisation: string): unknown => {
    const ref = refers(table, field);
    if (!ref || value === null || value === undefined) return value ?? null;
    if (Array.isArray(value)) return value.map(id => String(name(ref(String(id), organisation)) ?? id)).sort((a, b) => a.localeCompare(b, 'nl'));
    return name(ref(String(value), organisation)) ?? value;
  };
  for (const { table, row, item } of listed) {
    const organisation = String(row.organisation ?? '');
    const id = String(row.id ?? item.name);
    const value = (field: string) => named(table, field, row[field], organisation) as string | string[] | null;
    if (table === 'contracts') {
      item.name = contractTitle({ id, suppliers: row.supplier ? [value('supplier') as string] : [], applications: (value('applications') as string[] | null) ?? [] }, language);
    } else if (table === 'interfaces') {
      const ends = interfaceName(id, null, { from: value('from') as string | null, to: value('to') as string | null, via: value('via') as string | null });
      item.name = ends === id ? id : `${ends} (${id})`;
    }
    for (const field of item.fields ?? []) {
      if (refers(table, field.field)) field.names = { before: named(table, field.field, field.before, organisation), after: named(table, field.field, field.after, organisation) };
    }
  }
}
