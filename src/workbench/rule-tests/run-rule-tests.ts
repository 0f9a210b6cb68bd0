import { isDomainError } from '../../domain/core/domain-error.js';
import { calculateRates } from '../../domain/pricing/calculate-rates.js';
import { checkExpectations, type PricingResult } from '../../domain/pricing/check-expectations.js';
import type { RuleSet } from '../../domain/rule-set/rule-set.js';
import { checkRuleFiles } from '../../rules/load-rule-set.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import { formatIssue, type RuleIssue } from '../../rules/rule-issue.js';
import { parseSourceFile } from '../../rules/source-file.js';
import { validateFile } from '../../rules/validate-file.js';
import { applyOverrides } from '../drafts/apply-overrides.js';
import { layOver } from '../drafts/build-draft.js';
import { type RuleTestCase, RuleTestFileSchema } from './rule-test-file.js';

export interface RuleTestResult {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly passed: boolean;
  /** What differs, one line each (empty when the case passes). */
  readonly failures: readonly string[];
}

export interface RuleTestRun {
  /** Problems in the test files or the rules themselves (file, line, path): no case of a broken file runs. */
  readonly issues: readonly RuleIssue[];
  readonly results: readonly RuleTestResult[];
}

/** Runs rule-test files against rule files. Pure: texts in, results out. */
export function runRuleTests(
  ruleFiles: readonly RuleFileText[],
  testFiles: readonly RuleFileText[],
): RuleTestRun {
  const { ruleSet: baseline, issues: broken } = checkRuleFiles(ruleFiles);
  if (!baseline) return { issues: broken, results: [] };
  const issues: RuleIssue[] = [];
  const results: RuleTestResult[] = [];
  const withOverrides = new Map<string, RuleSet | string[]>();
  for (const file of [...testFiles].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const source = parseSourceFile(file.path, file.text);
    issues.push(...source.issues);
    if (source.issues.length > 0) continue;
    const { value, issues: found } = validateFile(source, RuleTestFileSchema);
    issues.push(...found);
    if (!value) continue;
    value.cases.forEach((testCase, i) => {
      const line = source.issueAt(['cases', i], '').line;
      const rules = rulesFor(testCase, ruleFiles, baseline, withOverrides);
      const failures = Array.isArray(rules)
        ? rules
        : checkExpectations(price(rules, testCase), testCase.expect);
      results.push({ file: file.path, line, name: testCase.name, passed: failures.length === 0, failures });
    });
  }
  return { issues, results };
}

function price(ruleSet: RuleSet, testCase: RuleTestCase): PricingResult {
  try {
    return {
      result: calculateRates(ruleSet, { ...testCase.shipment, acceptanceDate: testCase.acceptanceDate }),
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { error: { code: error.code, message: error.message } };
  }
}

/** The rules for a case: the rules in force, or a copy with the case's overrides (cached by overrides). */
function rulesFor(
  testCase: RuleTestCase,
  ruleFiles: readonly RuleFileText[],
  baseline: RuleSet,
  cache: Map<string, RuleSet | string[]>,
): RuleSet | string[] {
  if (!testCase.overrides || Object.keys(testCase.overrides).length === 0) return baseline;
  const key = JSON.stringify(testCase.overrides);
  const known = cache.get(key);
  if (known) return known;
  const applied = applyOverrides(
    ruleFiles,
    Object.entries(testCase.overrides).map(([target, value]) => ({ target, value })),
  );
  let rules: RuleSet | string[];
  if (applied.problems.length > 0) {
    rules = applied.problems.map((p) => `override ${p.target}: ${p.message}`);
  } else {
    const report = checkRuleFiles(layOver(ruleFiles, applied.files));
    rules =
      report.ruleSet ??
      report.issues.map((i) => `with the overrides the rules do not validate: ${formatIssue(i)}`);
  }
  cache.set(key, rules);
  return rules;
}
