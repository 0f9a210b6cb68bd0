import { describe, expect, it } from 'vitest';
import { type Amount, amount, roundAmount } from '../core/money.js';
import { goalSeek } from './goal-seek.js';

const wholeUnits = (value: Amount) => roundAmount(value, { scale: 0, mode: 'half-up' });

describe('goalSeek', () => {
  it('lands where a rounded price meets its target exactly when the precision allows it', () => {
    // 28 875 + 930 p + 39 060, rounded to whole units, must equal 289 905: p in [238.67688, 238.67796).
    const residual = (p: Amount) => wholeUnits(amount(67_935).plus(p.times(930))).minus(289_905);
    const result = goalSeek(residual, amount('265.65'), { scale: 4 });
    expect(result.found).toBe(true);
    expect(result.residual).toBe('0');
    expect(amount(result.value).gte('238.6769') && amount(result.value).lte('238.6779')).toBe(true);
  });

  it('keeps the nearer of two neighbouring values when the target falls between them', () => {
    // 238.67 → 289 898 (−7); 238.68 → 289 907 (+2).
    const residual = (p: Amount) => wholeUnits(amount(67_935).plus(p.times(930))).minus(289_905);
    const result = goalSeek(residual, amount('265.65'), { scale: 2 });
    expect(result).toMatchObject({ found: true, value: '238.68', residual: '2' });
    expect(result.bracket?.map((p) => [p.value, p.residual])).toEqual([
      ['238.67', '-7'],
      ['238.68', '2'],
    ]);
  });

  it('walks downwards when a lower value brings the residual nearer the target', () => {
    // A factor on 1 200: 1 200 f must reach 1 000; 0.83 → 996 (−4), 0.84 → 1 008 (+8).
    const residual = (f: Amount) => roundAmount(f.times(1200), { scale: 2, mode: 'half-up' }).minus(1000);
    expect(goalSeek(residual, amount('1.10'), { scale: 2 })).toMatchObject({ found: true, value: '0.83' });
  });

  it('finds where a share that moves in steps meets its target, on the side that meets it', () => {
    // Three shipments go to rail below 1.20, 1.37 and 2.05 per km: a share of 2/3 holds up to 1.37 and not above.
    const thresholds = [amount('1.20'), amount('1.37'), amount('2.05')];
    const share = (v: Amount) => amount(thresholds.filter((t) => v.lte(t)).length).dividedBy(3);
    const residual = (v: Amount) => share(v).minus(amount(2).dividedBy(3));
    const result = goalSeek(residual, amount('1.60'), { scale: 2, keep: 'at-least' });
    expect(result).toMatchObject({ found: true, value: '1.37' });
    expect(result.bracket?.map((p) => p.value)).toEqual(['1.37', '1.38']);
    // Far below every threshold the first steps see no change; the steps double until they do.
    expect(goalSeek(residual, amount('9.00'), { scale: 2, keep: 'at-least' })).toMatchObject({
      found: true,
      value: '1.37',
    });
    expect(goalSeek(residual, amount('1.30'), { scale: 2, keep: 'at-least' })).toMatchObject({
      found: true,
      value: '1.30',
      explanation: 'the draft value already meets the target',
    });
  });

  it('says so when the parameter does not move the target', () => {
    const result = goalSeek(() => amount(50), amount('1.00'), { scale: 2 });
    expect(result.found).toBe(false);
    expect(result.explanation).toMatch(/does not move towards the target/);
  });

  it('stays at or above the smallest value allowed', () => {
    const residual = (v: Amount) => v.plus(10);
    const result = goalSeek(residual, amount('5'), { scale: 0 });
    expect(result.found).toBe(false);
    expect(amount(result.value).gte(0)).toBe(true);
  });
});
