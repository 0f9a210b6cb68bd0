import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { RuleFileText } from '../rules/read-rule-files.js';
import { readRuleFiles } from '../rules/read-rule-files.js';
import { formatIssue } from '../rules/rule-issue.js';
import { runRuleTests } from '../workbench/rule-tests/run-rule-tests.js';
import { rulesDirFor } from './cli-config.js';
import type { CliIo } from './io.js';

/**
 * `throughrate rules test [dir]`: runs the rule tests in <dir>/tests (default: the rules in use) against the rules
 * of <dir>; prints pass or fail per case with the lines that differ; exit 1 on any failure. A path to a tests
 * directory or a single test file runs those cases against the rules in use.
 */
export async function rulesTest(args: readonly string[], io: CliIo): Promise<number> {
  const target = rulesDirFor(io, args[0]);
  const isRulesDir = await exists(join(target, 'network'));
  const rulesDir = isRulesDir ? target : rulesDirFor(io);
  const testsPath = isRulesDir ? join(target, 'tests') : target;
  const tests = await readTests(testsPath);
  if (tests.length === 0) {
    io.stderr.write(`no rule tests (*.yaml) in ${testsPath}\n`);
    return 1;
  }
  const run = runRuleTests(await readRuleFiles(rulesDir), tests);
  for (const issue of run.issues) io.stdout.write(`${formatIssue(issue)}\n`);
  let file = '';
  for (const result of run.results) {
    if (result.file !== file) {
      file = result.file;
      io.stdout.write(`${file}\n`);
    }
    io.stdout.write(`  ${result.passed ? 'pass' : 'FAIL'}  ${result.name}  (line ${result.line})\n`);
    for (const failure of result.failures) io.stdout.write(`          ${failure}\n`);
  }
  const failed = run.results.filter((r) => !r.passed).length;
  io.stdout.write(
    `\n${run.results.length - failed} passed, ${failed} failed, ${run.results.length} case(s) in ${new Set(run.results.map((r) => r.file)).size} file(s)` +
      `${run.issues.length ? `; ${run.issues.length} error(s) in the files` : ''}\n`,
  );
  return failed > 0 || run.issues.length > 0 ? 1 : 0;
}

async function readTests(path: string): Promise<RuleFileText[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (info.isFile())
    return [{ path: relative(process.cwd(), path).split(sep).join('/'), text: await readFile(path, 'utf8') }];
  const out: RuleFileText[] = [];
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.ya?ml$/.test(entry.name))
        out.push({
          path: `tests/${relative(path, full).split(sep).join('/')}`,
          text: await readFile(full, 'utf8'),
        });
    }
  };
  await walk(path);
  return out;
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined)) !== undefined;
}
