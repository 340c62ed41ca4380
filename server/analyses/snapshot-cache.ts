// An in-process cache of things computed from the whole graph (landscape snapshots, graph views),
// valid for one version of the database.
//
// The version is the bookmark Neo4j returns for a tiny read transaction: it names the last
// committed transaction, so ANY commit (an import, a source deletion, a test's raw Cypher) changes
// it, from this process or any other Roer process on the same database. Checking it costs one round
// trip per request; a different cluster member answering gives a different bookmark, which only
// costs a reload, never a stale answer. The version is read BEFORE the value is loaded, so a write
// that lands during the load leaves the entry under the older version: re-loaded next time.
//
// Bounded LRU by entries and approximate size; identical concurrent loads share one promise.
import neo4j, { type Driver } from 'neo4j-driver';
import { z } from 'zod';
import { database } from '../neo4j.js';
import { once } from '../once.js';

const Limits = z.object({
  ROER_CACHE_ENTRIES: z.coerce.number().int().min(0).max(10_000).default(64),
  // 192 MB: the country's snapshot (counted as about 150 MB with what the analyses derive from it)
  // fits, next to the smaller answers computed from it. With 256 MB, the answers kept beside it held
  // the server 50 MB higher while the next country-wide answer was computed (docs/performance-history.md, "Memory").
  ROER_CACHE_MB: z.coerce.number().min(0).max(100_000).default(192),
});

type Entry = { version: string; value: unknown; bytes: number };
type Cache = { entries: Map<string, Entry>; loading: Map<string, Promise<unknown>>; bytes: number };

const caches = new WeakMap<Driver, Cache>();
let limits = Limits.parse(process.env);

/** Overrides the bounds (tests); `null` re-reads ROER_CACHE_ENTRIES / ROER_CACHE_MB. */
export function setCacheLimits(override: Partial<z.infer<typeof Limits>> | null): void {
  limits = override ? { ...Limits.parse(process.env), ...override } : Limits.parse(process.env);
}

const cacheOf = (driver: Driver): Cache => once(caches, driver, () => ({ entries: new Map(), loading: new Map(), bytes: 0 }));

type VersionCheck = { running?: Promise<string>; queued?: Promise<string> };
const versionChecks = new WeakMap<Driver, VersionCheck>();

/**
 * The database version for a request arriving now. Concurrent requests share checks, but never one
 * that started before they arrived (it could predate a commit they must see): a request arriving
 * while a check runs joins the next one, which starts when the running one ends. Under 50
 * connections that is two round trips to Neo4j per wave instead of fifty.
 */
export function graphVersion(driver: Driver): Promise<string> {
  const checks = once(versionChecks, driver, (): VersionCheck => ({}));
  const start = () => {
    const check: Promise<string> = readVersion(driver).finally(() => {
      if (checks.running === check) checks.running = undefined;
    });
    return (checks.running = check);
  };
  if (!checks.running) return start();
  checks.queued ??= checks.running.then(() => undefined, () => undefined).then(() => {
    checks.queued = undefined;
    return start();
  });
  return checks.queued;
}

/** The bookmark of an empty read transaction: it names the last committed transaction. */
async function readVersion(driver: Driver): Promise<string> {
  const session = driver.session({ database: database(), defaultAccessMode: neo4j.session.READ });
  try {
    await session.executeRead(tx => tx.run('RETURN 1'));
    return session.lastBookmarks().join(',');
  } finally {
    await session.close();
  }
}

/**
 * `load()`'s value for `key` at the current database version: from the cache when nothing was
 * committed since it was loaded, else loaded (once, however many callers ask at the same time).
 * `bytes` estimates the value's size for the memory bound; a value larger than `maxShare` of the
 * bound is served but not kept. With `update`, a value kept for an older version is first offered to
 * it: what it returns (the old value brought up to date, see snapshot-patch.ts) is kept instead of
 * loading again; null means load. With `keep: false` the value is made as usual but not kept, nor
 * does it replace what is kept (a caller that is about to change the database). Callers must not
 * mutate the value.
 */
export async function cached<T>(
  driver: Driver, key: string, load: () => Promise<T>, bytes: (value: T) => number,
  options: { maxShare?: number; update?: (stale: T) => Promise<T | null>; keep?: boolean } = {},
): Promise<T> {
  const cache = cacheOf(driver);
  const version = await graphVersion(driver);
  const hit = cache.entries.get(key);
  if (hit && hit.version === version) {
    cache.entries.delete(key); // re-insert: Map order is the LRU order
    cache.entries.set(key, hit);
    return hit.value as T;
  }
  const keep = options.keep ?? true;
  const flight = `${version}\u0000${keep}\u0000${key}`;
  const pending = cache.loading.get(flight);
  if (pending) return pending as Promise<T>;
  const fresh = hit && options.update ? options.update(hit.value as T).then(updated => updated ?? load()) : load();
  const promise = fresh
    .then(value => {
      if (keep) store(cache, key, { version, value, bytes: Math.max(0, bytes(value)) }, options.maxShare ?? 1);
      return value;
    })
    .finally(() => cache.loading.delete(flight));
  cache.loading.set(flight, promise);
  return promise;
}

function store(cache: Cache, key: string, entry: Entry, maxShare: number): void {
  const old = cache.entries.get(key);
  if (old) {
    cache.entries.delete(key);
    cache.bytes -= old.bytes;
  }
  const budget = limits.ROER_CACHE_MB * 1024 * 1024;
  if (limits.ROER_CACHE_ENTRIES === 0 || entry.bytes > budget * maxShare) return; // too big to keep: served once, not cached
  cache.entries.set(key, entry);
  cache.bytes += entry.bytes;
  for (const [oldest, value] of cache.entries) {
    if (cache.entries.size <= limits.ROER_CACHE_ENTRIES && cache.bytes <= budget) break;
    cache.entries.delete(oldest);
    cache.bytes -= value.bytes;
  }
}

/** What the cache holds for this driver (tests and diagnostics). */
export function cacheStats(driver: Driver): { entries: number; bytes: number; keys: string[] } {
  const cache = cacheOf(driver);
  return { entries: cache.entries.size, bytes: cache.bytes, keys: [...cache.entries.keys()] };
}

/** Forgets everything cached for this driver. */
export function clearCache(driver: Driver): void {
  const cache = cacheOf(driver);
  cache.entries.clear();
  cache.bytes = 0;
}
