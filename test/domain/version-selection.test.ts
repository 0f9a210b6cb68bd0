import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/core/domain-error.js';
import { ruleFilesIn, ruleSetFrom, VALID_RULES } from '../helpers/rule-files.js';

const ruleSet = ruleSetFrom(ruleFilesIn(VALID_RULES));

describe('the tariff in force on a date', () => {
  it('refuses a date before the first version with a clear "no tariff in force" error', () => {
    expect(() => ruleSet.tariff('AAA', '2024-12-31')).toThrowError(DomainError);
    try {
      ruleSet.tariff('AAA', '2024-12-31');
    } catch (error) {
      expect((error as DomainError).code).toBe('NO_TARIFF_IN_FORCE');
      expect((error as DomainError).message).toMatch(
        /no AAA tariff is in force on 2024-12-31.*first version takes effect on 2025-01-01/,
      );
    }
  });

  it('selects a version on its first day', () => {
    expect(ruleSet.tariff('AAA', '2025-01-01').version.effectiveFrom).toBe('2025-01-01');
    expect(ruleSet.tariff('AAA', '2025-12-31').version.effectiveFrom).toBe('2025-01-01');
    expect(ruleSet.tariff('AAA', '2026-01-01').version.effectiveFrom).toBe('2026-01-01');
  });

  it('applies an amendment from its first day to its last day, and not the day after', () => {
    const ids = (date: string) => ruleSet.tariff('AAA', date).amendments.map((a) => a.id);
    expect(ids('2026-01-31')).toEqual([]);
    expect(ids('2026-02-01')).toEqual(['winter-2026']);
    expect(ids('2026-02-28')).toEqual(['winter-2026']);
    expect(ids('2026-03-01')).toEqual([]);
  });

  it('overlays an amendment without changing the version it amends', () => {
    const amended = ruleSet.tariff('AAA', '2026-02-15').regimes[0]?.coefficients.map((c) => c.id);
    const plain = ruleSet.tariff('AAA', '2026-03-01').regimes[0]?.coefficients.map((c) => c.id);
    expect(amended).toEqual(['private-discount', 'winter']);
    expect(plain).toEqual(['private-discount']);
  });

  it('lists every railway in force on a date', () => {
    expect([...ruleSet.at('2025-06-01').keys()].sort()).toEqual(['AAA', 'BBB']);
    expect([...ruleSet.at('2024-06-01').keys()]).toEqual([]);
  });
});
