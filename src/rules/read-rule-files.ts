import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface RuleFileText {
  /** Path relative to the rules directory, with forward slashes (YAML rule files and the CSV tables they name). */
  readonly path: string;
  readonly text: string;
}

/** Folders under rules/ that hold data for tools, not rules in force: they do not change the rule-set hash. */
export const NON_RULE_FOLDERS = new Set(['tests', 'portfolios', 'drafts']);

export async function readRuleFiles(dir: string): Promise<RuleFileText[]> {
  const files: RuleFileText[] = [];
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true });
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile() && /\.(ya?ml|csv)$/.test(entry.name)) {
        const path = relative(dir, full).split(sep).join('/');
        if (!NON_RULE_FOLDERS.has(path.split('/')[0] ?? ''))
          files.push({ path, text: await readFile(full, 'utf8') });
      }
    }
  }
  await walk(dir);
  return files;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
