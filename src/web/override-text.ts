/**
 * An override-map file (title, effectiveFrom, overrides: "<file>#<path>": value) read in the browser without a YAML
 * library: the format is flat by design (rules/README.md, "Override maps"). Anything else is refused with a reason;
 * the service validates the map again, with the file's own schema.
 */
export interface OverrideMap {
  title?: string;
  effectiveFrom?: string;
  values: Record<string, string | number | boolean>;
}

export function isOverrideMap(text: string): boolean {
  return /^overrides:\s*$/m.test(text);
}

export function parseOverrideMap(text: string): OverrideMap {
  const map: OverrideMap = { values: {} };
  let inside = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indented = /^\s/.test(line);
    const at = line.search(/:(\s|$)/);
    if (at === -1) throw new Error(`not a "key: value" line: ${raw.trim()}`);
    const key = unquote(line.slice(0, at).trim());
    const value = line.slice(at + 1).trim();
    if (!indented) {
      inside = key === 'overrides';
      if (key === 'title') map.title = String(scalar(value));
      else if (key === 'effectiveFrom') map.effectiveFrom = String(scalar(value));
      else if (!inside) throw new Error(`unknown key ${key}`);
    } else if (inside) map.values[key] = scalar(value);
    else throw new Error(`unexpected indented line: ${raw.trim()}`);
  }
  return map;
}

function unquote(text: string): string {
  const m = /^(["'])(.*)\1$/.exec(text);
  return m ? (m[2] ?? '') : text;
}

function scalar(text: string): string | number | boolean {
  if (/^(["']).*\1$/.test(text)) return unquote(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}
