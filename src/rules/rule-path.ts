/**
 * YAML paths inside a rule file as a committee writes them: `regimes[national].rates[container-40-loaded].formula.perKm`.
 * A bracket holds a list index (`[3]`) or the identity of a list item (`[national]`): its `id`, `code`, `regime`,
 * `from>to` (links, periods) or `date base/quote` (exchange rates). Identities survive reordering; indexes do not.
 */
export type PathSegment =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'identity'; readonly identity: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The identity of a list item, if it has one. */
export function identityOf(item: unknown): string | undefined {
  if (!isRecord(item)) return undefined;
  if (typeof item.id === 'string') return item.id;
  if (typeof item.code === 'string') return item.code;
  if (typeof item.regime === 'string') return item.regime;
  if (typeof item.from === 'string' && typeof item.to === 'string') return `${item.from}>${item.to}`;
  if (typeof item.date === 'string' && typeof item.base === 'string' && typeof item.quote === 'string')
    return `${item.date} ${item.base}/${item.quote}`;
  if (Array.isArray(item.countries)) return item.countries.join('-');
  return undefined;
}

/** A list whose every item has a distinct identity: its items are compared and changed one by one. */
export function isIdentifiedList(value: unknown): value is readonly Record<string, unknown>[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const seen = new Set<string>();
  for (const item of value) {
    const identity = identityOf(item);
    if (identity === undefined || seen.has(identity)) return false;
    seen.add(identity);
  }
  return true;
}

export function parsePath(text: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[') {
      const end = text.indexOf(']', i);
      if (end === -1) return undefined;
      const inside = text.slice(i + 1, end).trim();
      if (inside === '') return undefined;
      segments.push(
        /^\d+$/.test(inside)
          ? { kind: 'index', index: Number(inside) }
          : { kind: 'identity', identity: inside },
      );
      i = end + 1;
      continue;
    }
    if (text[i] === '.') {
      if (segments.length === 0) return undefined;
      i++;
    }
    const match = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
    if (!match) return undefined;
    segments.push({ kind: 'key', key: match[0] });
    i += match[0].length;
  }
  return segments;
}

export function formatSegments(segments: readonly PathSegment[]): string {
  let text = '';
  for (const s of segments) {
    if (s.kind === 'key') text += text ? `.${s.key}` : s.key;
    else text += `[${s.kind === 'index' ? s.index : s.identity}]`;
  }
  return text;
}

/**
 * Turns a path into the plain keys and indexes of one document (identities looked up), or says where it fails.
 * The last segment may name a key that does not exist yet (a value being added).
 */
export function resolvePath(
  data: unknown,
  segments: readonly PathSegment[],
): { keys: (string | number)[] } | { error: string } {
  const keys: (string | number)[] = [];
  let current: unknown = data;
  for (const [n, segment] of segments.entries()) {
    const last = n === segments.length - 1;
    const where = formatSegments(segments.slice(0, n)) || 'the top of the file';
    if (segment.kind === 'key') {
      if (!isRecord(current)) return { error: `${where} is not a mapping, so it has no key ${segment.key}` };
      if (!(segment.key in current) && !last) return { error: `${where} has no key ${segment.key}` };
      keys.push(segment.key);
      current = current[segment.key];
      continue;
    }
    if (!Array.isArray(current)) return { error: `${where} is not a list` };
    const index =
      segment.kind === 'index'
        ? segment.index
        : current.findIndex((item) => identityOf(item) === segment.identity);
    if (index < 0 || index >= current.length) {
      const known = current.map(identityOf).filter((x) => x !== undefined);
      const label = segment.kind === 'index' ? segment.index : segment.identity;
      return {
        error: `${where} has no item [${label}]${known.length ? ` (items: ${known.join(', ')})` : ` (${current.length} items)`}`,
      };
    }
    keys.push(index);
    current = current[index];
  }
  return { keys };
}

/** The value at a resolved path. */
export function valueAt(data: unknown, keys: readonly (string | number)[]): unknown {
  let current: unknown = data;
  for (const key of keys) {
    if (typeof key === 'number') current = Array.isArray(current) ? current[key] : undefined;
    else current = isRecord(current) ? current[key] : undefined;
  }
  return current;
}
