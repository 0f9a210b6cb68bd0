import type { z } from 'zod';
import type { RuleIssue } from './rule-issue.js';
import type { SourceFile } from './source-file.js';

/** Issues located and listed per file; beyond them one issue says how many more there are. */
export const MAX_ISSUES_PER_FILE = 100;

/** Validates a parsed file against its schema; every zod issue becomes a located rule issue (up to the cap). */
export function validateFile<S extends z.ZodType>(
  source: SourceFile,
  schema: S,
): { value?: z.output<S>; issues: RuleIssue[] } {
  const result = schema.safeParse(source.data ?? {}, { reportInput: true });
  if (result.success) return { value: result.data, issues: [] };
  const issues: RuleIssue[] = [];
  let more = 0;
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (issues.length >= MAX_ISSUES_PER_FILE) {
          more++;
          continue;
        }
        issues.push(
          source.issueAt(
            issue.path,
            `unknown key "${key}" (misspelt? allowed keys are in rules/README.md)`,
            key,
          ),
        );
      }
    } else if (issues.length >= MAX_ISSUES_PER_FILE) {
      more++;
    } else {
      issues.push(source.issueAt(issue.path, describe(issue)));
    }
  }
  if (more > 0) issues.push(source.issueAt([], `… and ${more} more error(s) in this file, not listed`));
  return { issues };
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return `missing required key (${issue.expected})`;
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input')
    return 'does not match any allowed form (see rules/README.md)';
  return issue.message;
}
