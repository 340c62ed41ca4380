// "Make it once per key, then hand out the same one": how Roer shares strings, lists and values
// derived from an immutable snapshot, so memory holds one copy however often a thing is named.

/** The value kept under `key` in `store`, made with `make` (and kept) the first time. */
export function once<K, V>(store: { get(key: K): V | undefined; set(key: K, value: V): unknown }, key: K, make: (key: K) => V): V {
  let value = store.get(key);
  if (value === undefined) store.set(key, (value = make(key)));
  return value;
}

const itself = <T>(value: T) => value;

/** A function returning one shared string object per distinct string it is given. */
export function stringInterner(): (value: string) => string {
  const strings = new Map<string, string>();
  return value => once(strings, value, itself);
}
