import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { checkRuleFiles } from '../../src/rules/load-rule-set.js';
import type { RuleFileText } from '../../src/rules/read-rule-files.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
export const VALID_RULES = join(FIXTURES, 'valid-rules');
export const BUNDLED_RULES = fileURLToPath(new URL('../../rules', import.meta.url));

/** Every YAML file (and CSV table) under a directory, as the loader would read it (tests, portfolios and drafts left out). */
export function ruleFilesIn(dir: string): RuleFileText[] {
  const out: RuleFileText[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      const path = relative(dir, full).split(sep).join('/');
      if (entry.isDirectory()) {
        if (!['tests', 'portfolios', 'drafts'].includes(path)) walk(full);
      } else if (/\.(yaml|csv)$/.test(entry.name)) out.push({ path, text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return out;
}

export function ruleSetFrom(files: readonly RuleFileText[]): RuleSet {
  const report = checkRuleFiles(files);
  if (!report.ruleSet)
    throw new Error(report.issues.map((i) => `${i.file}:${i.line} ${i.path} ${i.message}`).join('\n'));
  return report.ruleSet;
}

/** Replaces (or adds) one file of a rule-file list. */
export function withFile(files: readonly RuleFileText[], path: string, text: string): RuleFileText[] {
  return [...files.filter((f) => f.path !== path), { path, text }];
}
