import { isMap, isScalar, LineCounter, type Node, parseDocument, visit } from 'yaml';
import { formatPath, type RuleIssue } from './rule-issue.js';

/** A parsed YAML rule file that can say on which line any path of it stands. */
export interface SourceFile {
  readonly file: string;
  readonly data: unknown;
  readonly issues: readonly RuleIssue[];
  issueAt(path: readonly PropertyKey[], message: string, key?: string): RuleIssue;
}

/**
 * Parsed files kept by path for a run that checks many rule sets made of mostly the same texts (the steps of a
 * draft): a file whose text is unchanged is not parsed again. The data of a cached file must not be mutated.
 */
export type SourceCache = Map<string, { readonly text: string; readonly source: SourceFile }>;

/** parseSourceFile through a cache (none: no caching). */
export function cachedSourceFile(cache: SourceCache | undefined, file: string, text: string): SourceFile {
  const hit = cache?.get(file);
  if (hit && hit.text === text) return hit.source;
  const source = parseSourceFile(file, text);
  cache?.set(file, { text, source });
  return source;
}

/** Aliases a rule file may expand; rule files need none, and an alias can stand for a whole subtree. */
export const MAX_ALIAS_COUNT = 100;

export function parseSourceFile(file: string, text: string): SourceFile {
  const lineCounter = new LineCounter();
  // Unique keys are checked below in one pass: yaml's own check compares every key of a mapping with every other.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
  const position = (offset: number) => lineCounter.linePos(offset);

  function nodeAt(path: readonly PropertyKey[], key?: string): { node: Node | undefined; exact: boolean } {
    for (let depth = path.length; depth >= 0; depth--) {
      const prefix = path.slice(0, depth);
      const node = (prefix.length === 0 ? doc.contents : doc.getIn(prefix, true)) as Node | undefined;
      if (!node) continue;
      if (key !== undefined && depth === path.length && isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
        if (pair && isScalar(pair.key)) return { node: pair.key, exact: true };
      }
      return { node, exact: depth === path.length };
    }
    return { node: undefined, exact: false };
  }

  function issueAt(path: readonly PropertyKey[], message: string, key?: string): RuleIssue {
    const { node } = nodeAt(path, key);
    const { line, col } = position(node?.range?.[0] ?? 0);
    const fullPath = key === undefined ? path : [...path, key];
    return { file, line, column: col, path: formatPath(fullPath), message };
  }

  // The first syntax error only: the ones after it are nearly always its echoes.
  const first = [...doc.errors, ...doc.warnings][0];
  const issues: RuleIssue[] = [];
  if (first) {
    const { line, col } = position(first.pos[0]);
    issues.push({
      file,
      line,
      column: col,
      path: '',
      message: first.message.split('\n')[0] ?? first.message,
    });
  } else {
    const duplicate = firstDuplicateKey(doc.contents);
    if (duplicate !== undefined) {
      const { line, col } = position(duplicate);
      issues.push({
        file,
        line,
        column: col,
        path: '',
        message: `Map keys must be unique at line ${line}, column ${col}:`,
      });
    }
  }
  let data: unknown;
  if (issues.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // yaml refuses aliases (and merge keys, which are aliases) that expand beyond the count: a resource attack.
      const message = error instanceof Error ? error.message : String(error);
      issues.push({
        file,
        line: 1,
        column: 1,
        path: '',
        message: `the file cannot be read: ${message} (at most ${MAX_ALIAS_COUNT} aliases may be expanded)`,
      });
    }
  }
  return { file, data, issues, issueAt };
}

/** The offset of the first key that repeats an earlier key of its mapping, if any (scalar keys, by value). */
function firstDuplicateKey(contents: unknown): number | undefined {
  let found: number | undefined;
  visit(contents as Node, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          found = isScalar(pair.key) ? (pair.key.range?.[0] ?? 0) : 0;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}
