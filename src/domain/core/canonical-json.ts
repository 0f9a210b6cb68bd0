/**
 * JSON with object keys sorted and undefined members left out, so that equal documents give equal text whatever
 * order their keys were built or stored in (jsonb reorders them). The text is what
 * `JSON.stringify(value, replacer)` gives with a replacer that sorts each object's entries, written out in one pass
 * without the sorted copies: it keys the response cache on every quote request.
 */
export function canonicalJson(value: unknown): string {
  return write(value, false) as string;
}

/** The JSON of a value, or undefined where JSON.stringify leaves a member out (undefined, a function, a symbol). */
function write(value: unknown, inArray: boolean): string | undefined {
  let v = value;
  if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function')
    v = (v as { toJSON: () => unknown }).toJSON();
  switch (typeof v) {
    case 'string':
      return JSON.stringify(v);
    case 'number':
      return Number.isFinite(v) ? String(v) : 'null';
    case 'boolean':
      return v ? 'true' : 'false';
    case 'bigint':
      return JSON.stringify(v); // throws, as JSON.stringify does
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) return `[${v.map((item) => write(item, true) ?? 'null').join(',')}]`;
      if (v instanceof Number || v instanceof String || v instanceof Boolean) return JSON.stringify(v);
      const keys = sortedKeys(v);
      let out = '';
      for (const key of keys) {
        const member = write((v as Record<string, unknown>)[key], false);
        if (member === undefined) continue;
        out += `${out === '' ? '' : ','}${JSON.stringify(key)}:${member}`;
      }
      return `{${out}}`;
    }
    default:
      return inArray ? 'null' : undefined;
  }
}

/**
 * The keys in the order the sorted copy enumerates them: an object lists integer-like keys first, in numeric order,
 * whatever order they were added in, then the rest in the order given (here, by UTF-16 code units).
 */
function sortedKeys(object: object): string[] {
  const keys = Object.keys(object).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (!keys.some(isArrayIndex)) return keys;
  const indices = keys.filter(isArrayIndex).sort((a, b) => Number(a) - Number(b));
  return [...indices, ...keys.filter((key) => !isArrayIndex(key))];
}

function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  return first >= 48 && first <= 57 && /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}
