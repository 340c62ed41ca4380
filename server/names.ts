// Names for what documents refer to by key: organisations by their name (or their id made readable),
// applications, platforms, suppliers, groups and functions by theirs, from the cached snapshot.
import type { Driver } from 'neo4j-driver';
import { fetchLandscape, nameOf } from './analyses/landscape.js';
import { cached } from './analyses/snapshot-cache.js';
import type { Names } from './exports/columns.js';
import { organisationName } from './labels.js';
import { read } from './neo4j.js';
import { query } from './queries.js';

export type OrganisationRow = { uid: string; id: string; name: string; applications: number; contracts: number };

/**
 * Every organisation with its counts and the name people know it by (GET /api/organisations; an
 * organisation imported without a name is called after its id, "gemeente-roerdam" → "Gemeente
 * Roerdam"), kept while the database is unchanged.
 */
export const organisationList = (driver: Driver) =>
  cached(driver, 'organisations', async () => (await read<OrganisationRow>(driver, query('views/organisations').text)).map(row => ({ ...row, name: organisationName(row.id, row.name) })), rows => 1_000 + 300 * rows.length);

/** An organisation id → the name people know it by. */
export async function organisationNames(driver: Driver): Promise<(id: string) => string> {
  const byId = new Map((await organisationList(driver)).map(row => [row.id, row.name]));
  return id => byId.get(id) ?? organisationName(id);
}

/** Names for the uids and organisation ids in the rows of `organisations` (null: all). */
export async function namesFor(driver: Driver, organisations: string[] | null): Promise<Names> {
  const [landscape, organisation] = await Promise.all([fetchLandscape(driver, organisations), organisationNames(driver)]);
  return {
    node: uid => {
      const name = nameOf(landscape, uid);
      return name === uid ? undefined : name;
    },
    organisation,
  };
}
