/**
 * Memoises a pure computation per immutable owner (a rule set's regime, route, rate…) and key. Rule sets never
 * change once loaded, so an entry is never stale; each owner's map is bounded so that a stream of distinct keys
 * (dates, amounts) cannot grow it without limit.
 */
export function memoised<O extends object, K, V>(
  cache: WeakMap<O, Map<K, V>>,
  owner: O,
  key: K,
  compute: () => V,
  max = 4096,
): V {
  let byKey = cache.get(owner);
  if (!byKey) {
    byKey = new Map();
    cache.set(owner, byKey);
  }
  let value = byKey.get(key);
  if (value === undefined) {
    if (byKey.size >= max) byKey.clear();
    value = compute();
    byKey.set(key, value);
  }
  return value;
}

/** Memoises one value per immutable owner (a route, a rule object): computed on first use, then kept. */
export function memoisedPerOwner<O extends object, V>(cache: WeakMap<O, V>, owner: O, compute: () => V): V {
  let value = cache.get(owner);
  if (value === undefined) {
    value = compute();
    cache.set(owner, value);
  }
  return value;
}
