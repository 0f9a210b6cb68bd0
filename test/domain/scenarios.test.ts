import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../../src/workbench/rule-tests/run-rule-tests.js';
import { runCli } from '../helpers/cli.js';
import { BUNDLED_RULES, FIXTURES, ruleFilesIn } from '../helpers/rule-files.js';

/**
 * Golden scenarios a tariff committee can read: each file states a shipment and the amounts worked out by hand,
 * step by step, in its comments. They are in the format of the committee's rule tests (rules/tests, rules/README.md
 * "Rule tests") and run by the same runner as `throughrate rules test`.
 */
const dir = fileURLToPath(new URL('../scenarios', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ path: `test/scenarios/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
const run = runRuleTests(ruleFilesIn(BUNDLED_RULES), files);

describe('golden scenarios', () => {
  it('are well-formed, one case or more in every file', () => {
    expect(run.issues).toEqual([]);
    expect(new Set(run.results.map((r) => r.file)).size).toBe(files.length);
  });

  it.each(run.results.map((r) => [`${r.file}: ${r.name}`, r] as const))('%s', (_, result) => {
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });
});

describe('the golden format', () => {
  it('refuses a misspelt key with its file and line, through `throughrate rules test` too', async () => {
    const fixture = join(FIXTURES, 'golden', 'misspelt-key.yaml');
    const broken = runRuleTests(ruleFilesIn(BUNDLED_RULES), [
      { path: 'golden/misspelt-key.yaml', text: readFileSync(fixture, 'utf8') },
    ]);
    expect(broken.results).toEqual([]);
    expect(broken.issues).toMatchObject([
      { file: 'golden/misspelt-key.yaml', line: 17, path: 'cases[0].expect.totl' },
    ]);
    const cli = await runCli(['rules', 'test', fixture]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toMatch(/misspelt-key\.yaml:17:\d+ at cases\[0\]\.expect\.totl: /);
  });

  it('fails an amount written with decimals that comes out with other decimals, though equal in value', () => {
    const text = readFileSync(join(dir, 'minimum-chargeable-mass.yaml'), 'utf8').replace(
      'total: 147018.00 RUB',
      'total: 147018.0 RUB',
    );
    const rewritten = runRuleTests(ruleFilesIn(BUNDLED_RULES), [{ path: 'scenario.yaml', text }]);
    expect(rewritten.results[0]?.failures).toEqual([
      'total: expected 147 018.0 RUB, got 147 018.00 RUB (written to other decimals)',
    ]);
  });
});
