import { describe, expect, it } from 'vitest';
import { applyOverrides } from '../../src/workbench/drafts/apply-overrides.js';
import { mergeOrderForTest } from '../../src/workbench/drafts/apply-rule-changes.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

const FILE = 'railways/KTZ/2026-01-01.yaml';
const RATE = 'regimes[national].rates[container-40-loaded].formula.perKm';

describe('applying a large override map', () => {
  it('applies 5 000 values to one file in seconds, each in turn, the last one winning', () => {
    const base = ruleFilesIn(BUNDLED_RULES);
    // 5 000 keys: the same rate spelt with different surrounding spaces, then values the file does not have yet.
    const overrides = Array.from({ length: 5_000 }, (_, i) =>
      i < 2_500
        ? {
            target: `${FILE}#${' '.repeat(i % 50)}${RATE}${' '.repeat(Math.floor(i / 50))}`,
            value: `${100 + i}.5`,
          }
        : { target: `${FILE}#extra${i}`, value: i },
    );
    const started = performance.now();
    const result = applyOverrides(base, overrides);
    const ms = performance.now() - started;
    expect(result.problems).toEqual([]);
    const text = result.files.find((f) => f.path === FILE)?.text ?? '';
    expect(text).toContain('perKm: "2599.5"');
    expect(text).toContain('extra4999: 4999');
    // Before the file was parsed once per value this took minutes; a generous bound for a loaded machine.
    expect(ms).toBeLessThan(20_000);
  });

  it('merges the order of a list of 40 000 items in linear time, new items after their predecessor', () => {
    const primary = Array.from({ length: 20_000 }, (_, i) => `p${i}`);
    const secondary = ['n-first', ...primary.flatMap((id, i) => (i % 2 === 0 ? [id, `n${i}`] : [id]))];
    const started = performance.now();
    const merged = mergeOrderForTest(primary, secondary);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(merged.length).toBe(30_001);
    expect(merged.slice(0, 4)).toEqual(['n-first', 'p0', 'n0', 'p1']);
    expect(mergeOrderForTest(['a', 'b'], ['x', 'b', 'y', 'z', 'a'])).toEqual(['x', 'a', 'b', 'y', 'z']);
  });
});
