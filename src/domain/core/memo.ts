/**
 * A part of a memo's key: texts, numbers and objects the caller already holds, so that no key is concatenated per
 * call (an object part is held by the memo until its level is cleared).
 */
export type MemoKey = string | number | boolean | object | undefined;

/** One level of a memo: the levels reached by each next key part (made on first use), and the value kept here. */
interface MemoNode<V> {
  next?: Map<MemoKey, MemoNode<V>>;
  kept?: { readonly value: V };
}

/** An owner's memo: its tree of key parts, and how many values it keeps. */
interface MemoRoot<V> extends MemoNode<V> {
  size: number;
}

/** A memo's store: one tree of key parts per owner, dropped with its owner. */
export type MemoCache<O extends object, V> = WeakMap<O, MemoRoot<V>>;

export function memoCache<O extends object, V>(): MemoCache<O, V> {
  return new WeakMap();
}

/**
 * Memoises a pure computation per immutable owner (a rule set's regime, route, rate…) and key (one part or several).
 * Rule sets never change once loaded, so an entry is never stale; an owner keeps at most `max` values (then its memo
 * starts afresh), so that a stream of distinct keys (dates, distances, masses) cannot grow it without limit. The
 * parts are looked up one after another, each a text, number or object already at hand: a key joined into one new
 * text per call would cost its hashing on every look-up. Name the parts that vary least first (a currency before an
 * amount), so that a new value adds one level, not several. A single part is never an array.
 */
export function memoised<O extends object, V>(
  cache: MemoCache<O, V>,
  owner: O,
  key: MemoKey | readonly MemoKey[],
  compute: () => V,
  max = 4096,
): V {
  let root = cache.get(owner);
  if (!root) {
    root = { size: 0 };
    cache.set(owner, root);
  } else if (root.size >= max) {
    root.next = undefined;
    root.size = 0;
  }
  let node: MemoNode<V> = root;
  if (Array.isArray(key)) for (const part of key) node = childOf(node, part);
  else node = childOf(node, key);
  if (!node.kept) {
    node.kept = { value: compute() };
    root.size++;
  }
  return node.kept.value;
}

function childOf<V>(node: MemoNode<V>, part: MemoKey): MemoNode<V> {
  node.next ??= new Map();
  let child = node.next.get(part);
  if (!child) {
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
