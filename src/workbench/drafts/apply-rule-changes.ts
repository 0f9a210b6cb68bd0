import { formatSegments, identityOf, isRecord, type PathSegment } from '../../rules/rule-path.js';
import {
  changeKey,
  deepEqual,
  hasListKey,
  isListKey,
  listOf,
  type RuleChange,
  type RuleFileData,
  unionKeys,
} from './rule-changes.js';

/**
 * The files of `base` with some of the changes from `base` to `next` applied (those whose key is in `applied`).
 * With none applied it gives `base` back; with all applied, `next`. Only files touched by a change are returned
 * rebuilt; the others are returned as they were.
 */
export function applyRuleChanges(
  base: readonly RuleFileData[],
  next: readonly RuleFileData[],
  changes: readonly RuleChange[],
  applied: ReadonlySet<string>,
): RuleFileData[] {
  const before = new Map(base.map((f) => [f.path, f.data]));
  const after = new Map(next.map((f) => [f.path, f.data]));
  const result = new Map(before);
  const builder = new Builder(applied);
  for (const file of new Set(changes.map((c) => c.file))) {
    const whole = changes.find((c) => c.file === file && c.scope === 'file');
    if (whole) {
      if (!applied.has(changeKey(whole))) continue;
      if (whole.kind === 'added') result.set(file, after.get(file));
      else result.delete(file);
      continue;
    }
    const copy = changes.find((c) => c.file === file && c.copiedFrom !== undefined);
    if (copy?.copiedFrom !== undefined) {
      if (applied.has(changeKey(copy)))
        result.set(file, builder.container(file, before.get(copy.copiedFrom), after.get(file), []));
      continue;
    }
    result.set(file, builder.container(file, before.get(file), after.get(file), []));
  }
  return [...result].map(([path, data]) => ({ path, data }));
}

/** Rebuilds a file with some changes applied, mirroring the decomposition above. */
class Builder {
  constructor(private readonly applied: ReadonlySet<string>) {}

  private has(file: string, scope: RuleChange['scope'], at: readonly PathSegment[]): boolean {
    return this.applied.has(changeKey({ file, scope, path: formatSegments(at) }));
  }

  container(file: string, b: unknown, a: unknown, at: readonly PathSegment[]): Record<string, unknown> {
    const rb = isRecord(b) ? b : {};
    const ra = isRecord(a) ? a : {};
    const source = this.has(file, 'settings', at) ? ra : rb;
    const other = source === ra ? rb : ra;
    const result: Record<string, unknown> = {};
    for (const key of unionKeys(source, other)) {
      if (isListKey(rb[key], ra[key])) {
        const list = this.list(file, listOf(rb[key]), listOf(ra[key]), [...at, { kind: 'key', key }]);
        if (list.length > 0 || key in source) result[key] = list;
      } else if (key in source) {
        result[key] = source[key];
      }
    }
    return result;
  }

  private list(
    file: string,
    b: readonly unknown[],
    a: readonly unknown[],
    at: readonly PathSegment[],
  ): unknown[] {
    const byIdBefore = new Map(b.map((item) => [identityOf(item) ?? '', item]));
    const byIdAfter = new Map(a.map((item) => [identityOf(item) ?? '', item]));
    const newOrder = this.has(file, 'order', at);
    const order = mergeOrder(
      newOrder ? [...byIdAfter.keys()] : [...byIdBefore.keys()],
      newOrder ? [...byIdBefore.keys()] : [...byIdAfter.keys()],
    );
    const result: unknown[] = [];
    for (const identity of order) {
      const segments = [...at, { kind: 'identity', identity } as const];
      const old = byIdBefore.get(identity);
      const item = byIdAfter.get(identity);
      if (!byIdAfter.has(identity)) {
        if (!this.has(file, 'item', segments)) result.push(old);
      } else if (!byIdBefore.has(identity)) {
        if (this.has(file, 'item', segments)) result.push(item);
      } else if (deepEqual(old, item)) {
        result.push(old);
      } else if (isRecord(old) && isRecord(item) && hasListKey(old, item)) {
        result.push(this.container(file, old, item, segments));
      } else {
        result.push(this.has(file, 'item', segments) ? item : old);
      }
    }
    return result;
  }
}

/**
 * `primary` in its order, with the items only `secondary` has placed after their predecessor there (the first one
 * at the front). Each such item follows the item before it in `secondary`, already placed: a chain per anchor, so
 * the merge is linear.
 */
function mergeOrder(primary: readonly string[], secondary: readonly string[]): string[] {
  const placed = new Set(primary);
  const after = new Map<string | undefined, string>();
  secondary.forEach((id, i) => {
    if (placed.has(id)) return;
    after.set(i === 0 ? undefined : secondary[i - 1], id);
    placed.add(id);
  });
  const result: string[] = [];
  const follow = (from: string | undefined) => {
    for (let id = after.get(from); id !== undefined; id = after.get(id)) result.push(id);
  };
  follow(undefined);
  for (const id of primary) {
    result.push(id);
    follow(id);
  }
  return result;
}

/** For the tests: the merge of two list orders. */
export const mergeOrderForTest = mergeOrder;
