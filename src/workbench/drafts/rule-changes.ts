import {
  formatSegments,
  identityOf,
  isIdentifiedList,
  isRecord,
  type PathSegment,
} from '../../rules/rule-path.js';

/** A parsed rule file: its path under the rules directory and its YAML as plain data. */
export interface RuleFileData {
  readonly path: string;
  readonly data: unknown;
}

/**
 * One change between two sets of rule files, at the grain a committee decides on: a whole file, the settings of a
 * file or a regime (dates, titles, rounding, reduction policy…), one item of a list (a rate, a charge, a coefficient,
 * a station, a link, an exchange rate…), or the order of a list.
 */
export interface RuleChange {
  /** The rule file the change lands in (its path on the new side). */
  readonly file: string;
  /** YAML path inside the file, items named by identity; '' for the file itself or its top-level settings. */
  readonly path: string;
  readonly scope: 'file' | 'settings' | 'item' | 'order';
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before: unknown;
  readonly after: unknown;
  /** For a new railway version: the version file it is compared with (the one it supersedes). */
  readonly copiedFrom?: string | undefined;
}

/** The key under which a change is recorded as applied. */
export function changeKey(change: Pick<RuleChange, 'file' | 'path' | 'scope'>): string {
  return `${change.file}#${change.scope}:${change.path}`;
}

/**
 * Every change from `base` to `next`, sorted by file path, then YAML path (plain code-unit order). A railway
 * version file that exists only in `next` is compared with the version it supersedes, so that a new dated version
 * reads as the few rates it changes rather than as a whole new file.
 */
export function ruleChanges(base: readonly RuleFileData[], next: readonly RuleFileData[]): RuleChange[] {
  const before = new Map(base.map((f) => [f.path, f.data]));
  const after = new Map(next.map((f) => [f.path, f.data]));
  const out: RuleChange[] = [];
  for (const [file, data] of after) {
    if (before.has(file)) {
      decomposeContainer(file, before.get(file), data, [], out);
      continue;
    }
    const basis = supersededVersion(file, data, before);
    if (basis) {
      const sub: RuleChange[] = [];
      decomposeContainer(file, before.get(basis), data, [], sub);
      const settings = sub.find((c) => c.scope === 'settings' && c.path === '');
      out.push({
        file,
        path: '',
        scope: 'settings',
        kind: 'added',
        before: settings?.before ?? settingsOf(before.get(basis)),
        after: settings?.after ?? settingsOf(data),
        copiedFrom: basis,
      });
      out.push(...sub.filter((c) => c !== settings));
      continue;
    }
    out.push({ file, path: '', scope: 'file', kind: 'added', before: undefined, after: data });
  }
  for (const [file, data] of before) {
    if (!after.has(file))
      out.push({ file, path: '', scope: 'file', kind: 'removed', before: data, after: undefined });
  }
  return out.sort((a, b) => compareText(a.file, b.file) || compareText(a.path, b.path));
}

function supersededVersion(file: string, data: unknown, before: ReadonlyMap<string, unknown>) {
  const [folder, railway] = file.split('/');
  if (folder !== 'railways' || !isRecord(data) || typeof data.supersedes !== 'string') return undefined;
  const basis = `railways/${railway}/${data.supersedes}.yaml`;
  return before.has(basis) ? basis : undefined;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A key holds a list of identified items when either side has one and the other has one, nothing or []. */
export function isListKey(b: unknown, a: unknown): boolean {
  const listOrNothing = (v: unknown) =>
    v === undefined || isIdentifiedList(v) || (Array.isArray(v) && !v.length);
  return (isIdentifiedList(b) || isIdentifiedList(a)) && listOrNothing(b) && listOrNothing(a);
}

export function hasListKey(b: unknown, a: unknown): boolean {
  const rb = isRecord(b) ? b : {};
  const ra = isRecord(a) ? a : {};
  return [...new Set([...Object.keys(rb), ...Object.keys(ra)])].some((k) => isListKey(rb[k], ra[k]));
}

function settingsOf(data: unknown, other: unknown = undefined): Record<string, unknown> {
  const record = isRecord(data) ? data : {};
  const otherRecord = isRecord(other) ? other : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!isListKey(v, otherRecord[k])) out[k] = v;
  return out;
}

function decomposeContainer(
  file: string,
  b: unknown,
  a: unknown,
  at: readonly PathSegment[],
  out: RuleChange[],
): void {
  const rb = isRecord(b) ? b : {};
  const ra = isRecord(a) ? a : {};
  const path = formatSegments(at);
  const settingsBefore = settingsOf(rb, ra);
  const settingsAfter = settingsOf(ra, rb);
  if (!deepEqual(settingsBefore, settingsAfter)) {
    out.push({
      file,
      path,
      scope: 'settings',
      kind: 'changed',
      before: settingsBefore,
      after: settingsAfter,
    });
  }
  for (const key of unionKeys(rb, ra)) {
    if (!isListKey(rb[key], ra[key])) continue;
    decomposeList(file, listOf(rb[key]), listOf(ra[key]), [...at, { kind: 'key', key }], out);
  }
}

function decomposeList(
  file: string,
  b: readonly unknown[],
  a: readonly unknown[],
  at: readonly PathSegment[],
  out: RuleChange[],
): void {
  const byIdBefore = new Map(b.map((item) => [identityOf(item) ?? '', item]));
  const byIdAfter = new Map(a.map((item) => [identityOf(item) ?? '', item]));
  for (const [identity, item] of byIdAfter) {
    const segments = [...at, { kind: 'identity', identity } as const];
    const path = formatSegments(segments);
    if (!byIdBefore.has(identity)) {
      out.push({ file, path, scope: 'item', kind: 'added', before: undefined, after: item });
      continue;
    }
    const old = byIdBefore.get(identity);
    if (deepEqual(old, item)) continue;
    if (isRecord(old) && isRecord(item) && hasListKey(old, item))
      decomposeContainer(file, old, item, segments, out);
    else out.push({ file, path, scope: 'item', kind: 'changed', before: old, after: item });
  }
  for (const [identity, item] of byIdBefore) {
    if (byIdAfter.has(identity)) continue;
    const path = formatSegments([...at, { kind: 'identity', identity }]);
    out.push({ file, path, scope: 'item', kind: 'removed', before: item, after: undefined });
  }
  const orderBefore = [...byIdBefore.keys()].filter((id) => byIdAfter.has(id));
  const orderAfter = [...byIdAfter.keys()].filter((id) => byIdBefore.has(id));
  if (!deepEqual(orderBefore, orderAfter)) {
    out.push({
      file,
      path: formatSegments(at),
      scope: 'order',
      kind: 'changed',
      before: orderBefore,
      after: orderAfter,
    });
  }
}

export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function unionKeys(first: Record<string, unknown>, second: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(first), ...Object.keys(second)])];
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
