import { parseArgs } from 'node:util';
import { readRuleFiles } from '../rules/read-rule-files.js';
import { formatIssue } from '../rules/rule-issue.js';
import { readRuleSide } from '../workbench/drafts/read-draft.js';
import { diffRules } from '../workbench/rule-diff/diff-rules.js';
import { rulesDirFor } from './cli-config.js';
import { type CliIo, UsageError } from './io.js';

/**
 * `throughrate rules diff <old> <new> [--json] [--rules DIR]`: what changed in tariff terms. Each side is a rules
 * directory, or draft files and directories laid over the rules in force (several paths joined with commas).
 */
export async function rulesDiff(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean', default: false }, rules: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const [oldSide, newSide, extra] = positionals;
  if (oldSide === undefined || newSide === undefined || extra !== undefined)
    throw new UsageError('rules diff expects two arguments: <old> <new> (directories or files)');
  const base = await readRuleFiles(rulesDirFor(io, values.rules));
  const sides = [];
  for (const side of [oldSide, newSide]) {
    const read = await readRuleSide(side.split(','), base, readRuleFiles);
    if (read.issues.length > 0) {
      io.stderr.write(`${read.issues.map(formatIssue).join('\n')}\n`);
      return 1;
    }
    sides.push(read.files);
  }
  const diff = diffRules(sides[0] ?? [], sides[1] ?? []);
  if (diff.issues) {
    for (const [label, issues] of [
      [oldSide, diff.issues.old],
      [newSide, diff.issues.new],
    ] as const) {
      if (issues.length === 0) continue;
      io.stderr.write(
        `${label} does not validate (${issues.length} error(s)):\n${issues.map(formatIssue).join('\n')}\n`,
      );
    }
    return 1;
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify({ old: oldSide, new: newSide, changes: diff.entries }, null, 2)}\n`);
    return 0;
  }
  if (diff.entries.length === 0) {
    io.stdout.write(`no changes in substance between ${oldSide} and ${newSide}\n`);
    return 0;
  }
  io.stdout.write(`${diff.entries.length} change(s) from ${oldSide} to ${newSide}:\n`);
  for (const entry of diff.entries) io.stdout.write(`  ${entry.text}\n`);
  return 0;
}
