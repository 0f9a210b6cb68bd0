import { parseDocument } from 'yaml';
import { addDays } from '../../domain/core/dates.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import { isRecord, parsePath, resolvePath, valueAt } from '../../rules/rule-path.js';
import { MAX_ALIAS_COUNT } from '../../rules/source-file.js';

/** One value to set: `railways/KTZ/2026-01-01.yaml#regimes[cis-transit].coefficients[x].factor` → "0.75". */
export interface Override {
  /** "<rule file>#<YAML path>". */
  readonly target: string;
  /** A decimal stays a string ("0.75"); numbers given for quoted values are turned into strings, and back. */
  readonly value: unknown;
}

export interface OverrideProblem {
  readonly target: string;
  readonly message: string;
}

export interface OverrideResult {
  /** Files changed or added (laid over the base files by path). */
  readonly files: RuleFileText[];
  readonly problems: OverrideProblem[];
  /** What was done, for the report: "railways/KTZ/2026-04-01.yaml: new version from 2026-04-01, copied from …". */
  readonly notes: string[];
}

export function splitTarget(target: string): { file: string; path: string } | undefined {
  const hash = target.indexOf('#');
  if (hash <= 0 || hash === target.length - 1) return undefined;
  return { file: target.slice(0, hash).trim(), path: target.slice(hash + 1).trim() };
}

/** Sets one value in a rule file's text, keeping its comments and layout. */
export function setRuleValue(
  text: string,
  pathText: string,
  value: unknown,
): { text: string } | { error: string } {
  const result = setRuleValues(text, [{ path: pathText, value, target: pathText }]);
  const problem = result.problems[0];
  return problem ? { error: problem.message } : { text: result.text };
}

/**
 * Sets values in a rule file's text one after another, keeping its comments and layout. The file is parsed once,
 * whatever the number of values: each path is resolved on a plain copy of the data kept in step with the document,
 * so the cost grows with the file plus the values, not with their product.
 */
export function setRuleValues(
  text: string,
  edits: readonly { readonly path: string; readonly value: unknown; readonly target: string }[],
): { text: string; problems: OverrideProblem[] } {
  const problems: OverrideProblem[] = [];
  const doc = parseDocument(text);
  const data: unknown = doc.errors.length === 0 ? plainData(doc) : undefined;
  if (data === undefined) {
    const why = doc.errors[0]?.message ?? 'its aliases expand beyond the limit';
    return {
      text,
      problems: edits.map((e) => ({ target: e.target, message: `the file does not parse: ${why}` })),
    };
  }
  for (const edit of edits) {
    const segments = parsePath(edit.path);
    if (!segments || segments.length === 0) {
      problems.push({
        target: edit.target,
        message: `"${edit.path}" is not a YAML path such as regimes[national].rates[container-40].formula.perKm`,
      });
      continue;
    }
    const resolved = resolvePath(data, segments);
    if ('error' in resolved) {
      problems.push({ target: edit.target, message: resolved.error });
      continue;
    }
    const next = matchType(valueAt(data, resolved.keys), edit.value);
    doc.setIn(resolved.keys, next);
    setAt(data, resolved.keys, next);
  }
  return { text: doc.toString(), problems };
}

function plainData(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return undefined;
  }
}

/** The plain copy's side of doc.setIn: resolvePath has checked that every key but the last exists. */
function setAt(data: unknown, keys: readonly (string | number)[], value: unknown): void {
  const parent = valueAt(data, keys.slice(0, -1));
  const last = keys.at(-1);
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isRecord(parent) && last !== undefined) parent[String(last)] = value;
}

/** Keeps a quoted decimal quoted and a plain number plain, whichever way the new value was written. */
function matchType(current: unknown, value: unknown): unknown {
  if (typeof current === 'string' && typeof value === 'number') return String(value);
  if (typeof current === 'number' && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))
    return Number(value);
  return value;
}

/**
 * Applies overrides to rule files. Without a date every override edits its file in place. With `effectiveFrom`,
 * an override of a railway version becomes a new dated version: a copy of the version in force on that date with
 * the new values, superseding it (the next version, if any, then supersedes the new one). Files that carry no
 * versions (network, cargo, fx, amendments) are edited in place, and the notes say so.
 */
export function applyOverrides(
  base: readonly RuleFileText[],
  overrides: readonly Override[],
  effectiveFrom?: string,
  title?: string,
): OverrideResult {
  const texts = new Map(base.map((f) => [f.path, f.text]));
  const changed = new Map<string, string>();
  const problems: OverrideProblem[] = [];
  const notes: string[] = [];
  const byFile = new Map<string, { path: string; value: unknown; target: string }[]>();
  for (const o of overrides) {
    const split = splitTarget(o.target);
    if (!split) {
      problems.push({ target: o.target, message: 'expected "<rule file>#<YAML path>"' });
      continue;
    }
    if (!texts.has(split.file)) {
      problems.push({ target: o.target, message: `no rule file ${split.file}` });
      continue;
    }
    const list = byFile.get(split.file) ?? [];
    list.push({ ...split, value: o.value, target: o.target });
    byFile.set(split.file, list);
  }

  for (const [file, list] of byFile) {
    let destination = file;
    const original = texts.get(file) ?? '';
    let text = original;
    const [folder, railway, name] = file.split('/');
    const version = name?.replace(/\.ya?ml$/, '');
    if (effectiveFrom && folder === 'railways' && version !== undefined && version !== effectiveFrom) {
      const versions = [...texts.keys()]
        .filter((p) => p.startsWith(`railways/${railway}/`))
        .map((p) => p.split('/')[2]?.replace(/\.ya?ml$/, '') ?? '')
        .sort();
      const inForce = versions.filter((v) => v <= effectiveFrom).at(-1);
      if (inForce !== version) {
        problems.push({
          target: list[0]?.target ?? file,
          message: `${file} is not the ${railway} version in force on ${effectiveFrom}${inForce ? ` (railways/${railway}/${inForce}.yaml is)` : ''}: name that file, or give no effectiveFrom`,
        });
        continue;
      }
      destination = `railways/${railway}/${effectiveFrom}.yaml`;
      const copy = newVersionText(text, effectiveFrom, version, title);
      if ('error' in copy) {
        problems.push({ target: list[0]?.target ?? file, message: copy.error });
        continue;
      }
      text = copy.text;
      const previous = trimmedPrevious(original, effectiveFrom);
      if (previous !== undefined) changed.set(file, previous);
      const next = versions.find((v) => v > effectiveFrom);
      if (next !== undefined) {
        const nextFile = `railways/${railway}/${next}.yaml`;
        const relinked = setRuleValue(
          changed.get(nextFile) ?? texts.get(nextFile) ?? '',
          'supersedes',
          effectiveFrom,
        );
        if ('text' in relinked) changed.set(nextFile, relinked.text);
      }
      notes.push(
        `${destination}: new ${railway} version from ${effectiveFrom}, a copy of ${file} with ${list.length} value(s) changed`,
      );
    } else if (folder !== 'railways' && effectiveFrom) {
      notes.push(
        `${file}: edited in place (only railway versions are copied into a new dated version), so the change applies whenever this file is in force`,
      );
    }
    const result = setRuleValues(text, list);
    problems.push(...result.problems);
    changed.set(destination, result.text);
  }
  return { files: [...changed].map(([path, text]) => ({ path, text })), problems, notes };
}

function newVersionText(
  text: string,
  effectiveFrom: string,
  supersedes: string,
  title: string | undefined,
): { text: string } | { error: string } {
  const doc = parseDocument(text);
  const data: unknown = doc.toJS();
  if (!isRecord(data)) return { error: 'the version file is not a mapping' };
  doc.set('effectiveFrom', effectiveFrom);
  doc.set('supersedes', supersedes);
  const to = data.effectiveTo;
  if (typeof to === 'string' && to < effectiveFrom) doc.delete('effectiveTo');
  if (title) doc.set('title', `${String(data.title ?? '')} (draft: ${title})`);
  doc.commentBefore = ` Draft version from ${effectiveFrom}, generated from the version of ${supersedes} by an override map.${
    doc.commentBefore ? `\n${doc.commentBefore}` : ''
  }`;
  return { text: doc.toString() };
}

/** A version that ran past the new date now ends the day before it. */
function trimmedPrevious(text: string, effectiveFrom: string): string | undefined {
  const doc = parseDocument(text);
  const to = doc.get('effectiveTo');
  if (typeof to !== 'string' || to < effectiveFrom) return undefined;
  doc.set('effectiveTo', addDays(effectiveFrom, -1));
  return doc.toString();
}
