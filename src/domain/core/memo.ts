/**
 * A part of a memo's key: texts, numbers and objects the caller already holds, so that no key is concatenated per
 * call (an object part is held by the memo until its level is cleared).
 */
export type MemoKey = string | number | boolean | object | undefined;

/** One level of a memo: the levels reached by each next key part (made on first use), and the value kept here. */
export interface MemoNode<V> {
  next?: Map<MemoKey, MemoNode<V>>;
  kept?: { readonly value: V };
}

/** A memo's store: one tree of key parts per owner, dropped with its owner. */
export type MemoCache<O extends object, V> = WeakMap<O, MemoNode<V>>;

export function memoCache<O extends object, V>(): MemoCache<O, V> {
  return new WeakMap();
}

/**
 * Memoises a pure computation per immutable owner (a rule set's regime, route, rate…) and key (one part or several).
 * Rule sets never change once loaded, so an entry is never stale; each level is bounded so that a stream of distinct
 * keys (dates, amounts) cannot grow it without limit. The parts are looked up one after another, each a text or a
 * number already at hand: a key joined into one new text per call would cost its hashing on every look-up. Name the
 * parts that vary least first (a currency before an amount), so that a new value adds one level, not several.
 */
export function memoised<O extends object, V>(
  cache: MemoCache<O, V>,
  owner: O,
  key: MemoKey | readonly MemoKey[],
  compute: () => V,
  max = 4096,
): V {
  let node = cache.get(owner);
  if (!node) {
    node = {};
    cache.set(owner, node);
  }
  if (Array.isArray(key)) for (const part of key) node = childOf(node, part, max);
  else node = childOf(node, key, max);
  node.kept ??= { value: compute() };
  return node.kept.value;
}

function childOf<V>(node: MemoNode<V>, part: MemoKey, max: number): MemoNode<V> {
  node.next ??= new Map();
  let child = node.next.get(part);
  if (!child) {
    if (node.next.size >= max) node.next.clear();
    child = {};
    node.next.set(part, child);
  }
  return child;
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
