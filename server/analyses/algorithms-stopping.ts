// What the analyses add from the Algoritmeregister: the algorithms that stop with the applications
// that fail (impact, what-if), and the impactful or high-risk ones on applications exposed to non-EU
// law (sovereignty). Read after the snapshot answer, by the applications' uids (server/algorithms.ts).
import type { Driver } from 'neo4j-driver';
import { algorithmsOn, type RunningAlgorithm } from '../algorithms.js';
import { read } from '../neo4j.js';
import { query } from '../queries.js';

/** The algorithms on the applications that fail: confirmed links, and likely ones marked `link: 'likely'`. */
export const algorithmsStopping = (driver: Driver, failedApplications: Iterable<string>): Promise<RunningAlgorithm[]> => algorithmsOn(driver, failedApplications);

/** Impactful or high-risk algorithms on the exposed applications; null while no register has been imported (nothing to say yet). */
export async function sensitiveAlgorithmsOn(driver: Driver, applications: Iterable<string>): Promise<RunningAlgorithm[] | null> {
  const [{ imported }] = await read<{ imported: boolean }>(driver, query('algorithms/imported').text);
  if (!imported) return null;
  return (await algorithmsOn(driver, applications)).filter(algorithm => algorithm.impactful || algorithm.highRisk);
}
