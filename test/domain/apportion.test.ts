import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amount, sum } from '../../src/domain/core/money.js';
import { apportion } from '../../src/domain/pricing/corridor/apportion.js';

const cents = { scale: 2, mode: 'half-up' } as const;

describe('apportioning a through rate', () => {
  it('gives the rounding remainder to the railway the agreement names', () => {
    const legs = [
      { railway: 'KTZ', km: 1000 },
      { railway: 'TDY', km: 1000 },
      { railway: 'RAI', km: 1000 },
    ];
    const toTdy = apportion(amount('1000'), legs, { method: 'distance', remainderTo: 'TDY' }, cents);
    expect(toTdy.map((s) => `${s.railway} ${s.amount.toFixed(2)}`)).toEqual([
      'KTZ 333.33',
      'TDY 333.34',
      'RAI 333.33',
    ]);
    const toRai = apportion(amount('1000'), legs, { method: 'distance', remainderTo: 'RAI' }, cents);
    expect(toRai.map((s) => s.amount.toFixed(2))).toEqual(['333.33', '333.33', '333.34']);
  });

  it('splits by agreed fixed shares', () => {
    const shares = new Map([
      ['KTZ', amount('0.5')],
      ['TDY', amount('0.3')],
      ['RAI', amount('0.2')],
    ]);
    const legs = [
      { railway: 'KTZ', km: 1 },
      { railway: 'TDY', km: 1 },
      { railway: 'RAI', km: 1 },
    ];
    const split = apportion(amount('999.99'), legs, { method: 'shares', shares, remainderTo: 'KTZ' }, cents);
    // TDY 999.99 × 0.3 = 299.997 → 300.00; RAI × 0.2 = 199.998 → 200.00; KTZ 999.99 − 500.00 = 499.99
    expect(split.map((s) => s.amount.toFixed(2))).toEqual(['499.99', '300.00', '200.00']);
  });

  it('always adds up exactly to the rate, whatever the distances and the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }).map((c) => amount(c).dividedBy(100)),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 5 }),
        (total, kms) => {
          const legs = kms.map((km, i) => ({ railway: `R${i}`, km }));
          const remainderTo = `R${kms.length - 1}`;
          const shares = apportion(total, legs, { method: 'distance', remainderTo }, cents);
          expect(sum(shares.map((s) => s.amount)).eq(total)).toBe(true);
          expect(shares.map((s) => s.railway)).toEqual(legs.map((l) => l.railway));
        },
      ),
      { numRuns: 500 },
    );
  });
});
