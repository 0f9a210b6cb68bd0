import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../../src/workbench/rule-tests/run-rule-tests.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

const ruleFiles = ruleFilesIn(BUNDLED_RULES);
const testFiles = readdirSync(join(BUNDLED_RULES, 'tests'))
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => ({ path: `tests/${name}`, text: readFileSync(join(BUNDLED_RULES, 'tests', name), 'utf8') }));
const bundled = runRuleTests(ruleFiles, testFiles);

const box = `
    acceptanceDate: 2026-03-01
    shipment:
      origin: MOSKVA
      destination: KIGASH
      cargo: { etsng: "693000" }
      units: { kind: container, size: "40", ownership: private }
      currency: RUB`;

function runOne(text: string) {
  return runRuleTests(ruleFiles, [{ path: 'tests/case.yaml', text }]);
}

describe('the bundled rule tests (rules/tests)', () => {
  it('are well-formed and there are some', () => {
    expect(bundled.issues).toEqual([]);
    expect(bundled.results.length).toBeGreaterThanOrEqual(8);
  });

  it.each(bundled.results.map((r) => [`${r.file}: ${r.name}`, r] as const))('%s', (_, result) => {
    expect(result.failures).toEqual([]);
    expect(result.passed).toBe(true);
  });
});

describe('the rule-test runner', () => {
  it('fails a case whose expected total is wrong and says by how much', () => {
    const run = runOne(`cases:\n  - name: wrong total${box}\n    expect:\n      total: "105 900 RUB"\n`);
    expect(run.issues).toEqual([]);
    expect(run.results).toHaveLength(1);
    expect(run.results[0]?.passed).toBe(false);
    expect(run.results[0]?.failures).toEqual([
      'total: expected 105 900 RUB, got 105 887.00 RUB (off by −13.00; tolerance 0)',
    ]);
  });

  it('passes a wrong total that is within the tolerance', () => {
    const run = runOne(
      `cases:\n  - name: close enough${box}\n    expect:\n      total: "105 890 RUB"\n      tolerance: "5"\n`,
    );
    expect(run.results[0]?.passed).toBe(true);
  });

  it('fails a per-railway amount, a route and an unpriceable expectation that do not hold', () => {
    const run = runOne(
      `cases:\n  - name: several${box}\n    expect:\n      byRailway: { RZD: "100 000 RUB", KTZ: "1 CHF" }\n      route: [MOSKVA, OZINKI]\n` +
        `  - name: expects an error${box}\n    expect:\n      unpriceable: NO_ROUTE\n`,
    );
    expect(run.results.map((r) => r.passed)).toEqual([false, false]);
    expect(run.results[0]?.failures).toEqual([
      'RZD: expected 100 000 RUB, got 105 887.00 RUB (off by +5 887.00; tolerance 0)',
      'KTZ: expected 1 CHF, but KTZ has no leg on MOSKVA → KIGASH',
      'route: expected MOSKVA → OZINKI, got MOSKVA → KIGASH',
    ]);
    expect(run.results[1]?.failures[0]).toMatch(/^expected NO_ROUTE, got a price of 105887.00 RUB/);
  });

  it('fails the expectations of the hand-worked scenarios that do not hold, each with what it found', () => {
    const expectations = [
      '      byRailway: { RZD: { distanceKm: 1 } }',
      '      throughRateTotal: "1 USD"',
      '      transit: { commitmentDays: 14 }',
      '      versions: { RZD: 2025-01-01 }',
      '      amendments: { RZD: [indexation-2025-12] }',
      '      lineIncludes: no such words',
    ];
    const run = runOne(`cases:\n  - name: scenario keys${box}\n    expect:\n${expectations.join('\n')}\n`);
    expect(run.issues).toEqual([]);
    const failures = run.results[0]?.failures ?? [];
    expect(failures.slice(0, 5)).toEqual([
      'RZD distance: expected 1 km, got 1518 km',
      'through rate: expected 1 USD, but no agreed through rate applies',
      'commitment: expected 14 days, got none',
      'RZD version: expected 2025-01-01, got 2026-01-01',
      'RZD amendments: expected [indexation-2025-12], got []',
    ]);
    expect(failures[5]).toMatch(/^lines: expected one to include "no such words", got: /);
    expect(failures).toHaveLength(6);
  });

  it('fails a case whose override names an item the rule file does not have', () => {
    const run = runOne(
      `cases:\n  - name: bad override${box}\n    overrides:\n      "railways/RZD/2026-01-01.yaml#regimes[national].rates[container-99].formula.perKm": "60"\n    expect:\n      total: "1 RUB"\n`,
    );
    expect(run.results[0]?.passed).toBe(false);
    expect(run.results[0]?.failures[0]).toMatch(/regimes\[national\]\.rates has no item \[container-99\]/);
  });

  it('applies an override to its own case only', () => {
    const run = runOne(
      `cases:\n  - name: overridden${box}\n    overrides:\n      "railways/RZD/2026-01-01.yaml#regimes[national].rates[container-40-private].formula.fixed": "0"\n    expect:\n      total: "82 527 RUB"\n` +
        `  - name: as in force${box}\n    expect:\n      total: "105 887 RUB"\n`,
    );
    expect(run.results.map((r) => r.failures)).toEqual([[], []]);
  });

  it('reports a misspelt key with its file, line and path, and runs no case of that file', () => {
    const run = runOne(`cases:\n  - name: typo${box}\n    expect:\n      totl: "1 RUB"\n`);
    expect(run.results).toEqual([]);
    expect(run.issues[0]).toMatchObject({ file: 'tests/case.yaml', line: 11, path: 'cases[0].expect.totl' });
  });
});
