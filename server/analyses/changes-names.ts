// The contracts in the changes' notice lists named as a report names them (server/reports/contract-name.ts:
// "Leverancier – applicaties (c-0001)"): the recorded headline keeps only the contract's id, so its
// suppliers, the applications it covers and its end are looked up in the landscape as it is now.
import type { Driver } from 'neo4j-driver';
import type { HeadlineItem } from './headlines.js';
import { fetchLandscape, nameOf } from './landscape.js';

export type NamedContract = { id: string; suppliers: string[]; applications: string[]; end: string | null; autoRenew: boolean };
export type NoticeEntry = HeadlineItem & { noticeDeadline?: string; end?: string; contract?: NamedContract };
type Lists = { notice: NoticeEntry[] };

/** Adds `contract` (its suppliers' and applications' names) to the items of the entered and left notice lists. */
export async function namedNotice<T extends { organisation: string; entered: Lists; left: Lists }>(driver: Driver, changes: T[]): Promise<T[]> {
  const items = changes.flatMap(change => [...change.entered.notice, ...change.left.notice]);
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
