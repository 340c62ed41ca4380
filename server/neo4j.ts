// One driver per process; every query goes through executeQuery (no leaked sessions) with a timeout.
import neo4j, { type Driver, type RoutingControl } from 'neo4j-driver';

export type DriverOptions = { uri: string; user?: string; password?: string; database?: string };

let defaultDatabase = 'neo4j';
let queryTimeoutMs = 30_000;

export function createDriver(options: DriverOptions & { queryTimeoutMs?: number }): Driver {
  defaultDatabase = options.database ?? 'neo4j';
  if (options.queryTimeoutMs) queryTimeoutMs = options.queryTimeoutMs;
  const auth = options.password ? neo4j.auth.basic(options.user ?? 'neo4j', options.password) : undefined;
  return neo4j.driver(options.uri, auth, {
    // Plain JS numbers: ids are strings, counts stay far below 2^53.
    disableLosslessIntegers: true,
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 5_000,
  });
}

export const database = () => defaultDatabase;

/**
 * A read query, routed as a read so a cluster spreads it over its followers. `map` turns each row
 * (plain values) into what the caller keeps, as it arrives.
 */
export const read = <T = Record<string, unknown>>(driver: Driver, cypher: string, params: Record<string, unknown> = {}, map: (row: T) => T = row => row) =>
  run<T>(driver, cypher, params, neo4j.routing.READ, map);

export const write = <T = Record<string, unknown>>(driver: Driver, cypher: string, params: Record<string, unknown> = {}) =>
  run<T>(driver, cypher, params, neo4j.routing.WRITE, row => row);

/**
 * Each record becomes a plain row the moment it arrives and is then dropped, so a large answer
 * (150,000 applications for the country) is never held as driver records and plain rows at once.
 */
function run<T>(driver: Driver, cypher: string, params: Record<string, unknown>, routing: RoutingControl, map: (row: T) => T): Promise<T[]> {
  const resultTransformer = neo4j.resultTransformers.mapped({ map: record => map(toPlain(record.toObject()) as T), collect: (rows: T[]) => rows });
  return driver.executeQuery(cypher, params, { database: defaultDatabase, routing, transactionConfig: { timeout: queryTimeoutMs }, resultTransformer });
}

/** Neo4j temporal values and nodes → JSON-friendly values (dates as ISO strings). */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value !== 'object') return value;
  // Byte arrays (a row bucket's deflated rows) stay bytes.
  if (ArrayBuffer.isView(value)) return value;
  if (neo4j.isInt(value as never)) return (value as { toNumber(): number }).toNumber();
  if (neo4j.isDate(value as never) || neo4j.isDateTime(value as never) || neo4j.isLocalDateTime(value as never) || neo4j.isDuration(value as never)) {
    return String(value);
  }
  if (value instanceof neo4j.types.Node) return toPlain({ ...value.properties, labels: value.labels });
  if (value instanceof neo4j.types.Relationship) return toPlain({ ...value.properties, type: value.type });
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, toPlain(inner)]));
}

/** Integer parameters must be sent as Neo4j integers: JS numbers travel as floats. */
export const int = (value: number) => neo4j.int(value);
