import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import type { RuleIssue } from '../../rules/rule-issue.js';
import { isRecord } from '../../rules/rule-path.js';
import { parseSourceFile } from '../../rules/source-file.js';
import { layOver } from './build-draft.js';
import { draftFromOverrideMap, isOverrideMap } from './override-map.js';

/** Top-level folders of a rules directory; a draft file's path under the rules is found from the last of them. */
const RULE_FOLDERS = new Set([
  'railways',
  'amendments',
  'network',
  'cargo',
  'fx',
  'corridors',
  'alternatives',
]);

export interface DraftFiles {
  /** Rule files to lay over the baseline, by path under the rules directory. */
  readonly files: RuleFileText[];
  readonly notes: string[];
  /** Problems in override maps (file, line, key). */
  readonly issues: RuleIssue[];
}

/**
 * Reads a draft: directories (their YAML files, by path relative to the directory), single rule files (placed by
 * the rules folder in their path, or by what they declare), and override maps (any YAML with `overrides:`),
 * which are applied to the baseline with the other draft files already laid over it.
 */
export async function readDraft(
  paths: readonly string[],
  base: readonly RuleFileText[],
): Promise<DraftFiles> {
  const files: RuleFileText[] = [];
  const maps: { file: string; text: string }[] = [];
  for (const path of paths) {
    const full = resolve(path);
    const info = await stat(full);
    const found = info.isDirectory() ? await yamlFilesIn(full) : [full];
    for (const file of found) {
      const text = await readFile(file, 'utf8');
      if (isOverrideMap(text)) maps.push({ file: relative(process.cwd(), file).split(sep).join('/'), text });
      else files.push({ path: rulePathOf(info.isDirectory() ? full : undefined, file, text), text });
    }
  }
  const notes: string[] = [];
  const issues: RuleIssue[] = [];
  let overlay = files;
  for (const map of maps) {
    const result = draftFromOverrideMap(map.file, map.text, layOver(base, overlay));
    notes.push(...result.notes);
    issues.push(...result.issues);
    overlay = layOver(overlay, result.files);
  }
  return { files: overlay, notes, issues };
}

/** Reads one side of a comparison: a whole rules directory as it is, or draft files laid over `base`. */
export async function readRuleSide(
  paths: readonly string[],
  base: readonly RuleFileText[],
  readDir: (dir: string) => Promise<RuleFileText[]>,
): Promise<{ files: RuleFileText[]; issues: RuleIssue[]; notes: string[] }> {
  const [only] = paths;
  if (paths.length === 1 && only !== undefined && (await isRulesDirectory(only)))
    return { files: await readDir(resolve(only)), issues: [], notes: [] };
  const draft = await readDraft(paths, base);
  return { files: layOver(base, draft.files), issues: draft.issues, notes: draft.notes };
}

async function isRulesDirectory(path: string): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isDirectory()) return false;
  const network = await stat(join(path, 'network')).catch(() => undefined);
  return network?.isDirectory() ?? false;
}

async function yamlFilesIn(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await yamlFilesIn(full)));
    else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Where a draft file belongs under the rules directory. */
export function rulePathOf(dir: string | undefined, file: string, text: string): string {
  const parts = (dir ? relative(dir, file) : file).split(sep).join('/').split('/');
  for (let at = parts.length - 2; at >= 0; at--) {
    if (RULE_FOLDERS.has(parts[at] ?? '')) return parts.slice(at).join('/');
  }
  const data = parseSourceFile(file, text).data;
  if (isRecord(data) && typeof data.railway === 'string') {
    if (typeof data.id === 'string' && 'changes' in data)
      return `amendments/${data.railway}/${basename(file)}`;
    if (typeof data.effectiveFrom === 'string') return `railways/${data.railway}/${data.effectiveFrom}.yaml`;
  }
  return parts.join('/');
}
