import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDiscount } from '../../src/domain/comparison/break-even.js';
import { type CompareOptions, compareModes } from '../../src/domain/comparison/compare-modes.js';
import type {
  BreakEvenResult,
  ComparedOption,
  CompareResult,
} from '../../src/domain/comparison/compare-result.js';
import { isDomainError } from '../../src/domain/core/domain-error.js';
import { amount, roundAmount, sum } from '../../src/domain/core/money.js';
import type { RateRequest } from '../../src/domain/pricing/shipment.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { bundledRuleSet } from '../helpers/app.js';

/** Invariants of the comparison on random shipments over the bundled rules. */
const ORIGINS = ['MOSKVA', 'VORSINO', 'SARATOV', 'ASTRAKHAN', 'CHELYABINSK', 'YEKATERINBURG'];
const DESTINATIONS = ['BANDAR-ABBAS', 'AMIRABAD', 'TEHRAN', 'MASHHAD', 'GORGAN', 'AKTAU-PORT'];
const RAILWAYS = ['RZD', 'KTZ', 'TDY', 'RAI'];

const request: fc.Arbitrary<RateRequest> = fc.record({
  origin: fc.constantFrom(...ORIGINS),
  destination: fc.constantFrom(...DESTINATIONS),
  acceptanceDate: fc
    .date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2026-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  cargo: fc.constantFrom('693000', '011005', '434000').map((etsng) => ({ etsng })),
  units: fc.oneof(
    fc.record({
      kind: fc.constant('container' as const),
      size: fc.constantFrom('20' as const, '40' as const),
      loaded: fc.constant(true),
      ownership: fc.constantFrom('railway' as const, 'private' as const),
      count: fc.integer({ min: 1, max: 40 }),
      grossMassTonnes: fc.integer({ min: 8, max: 30 }),
    }),
    fc.record({
      kind: fc.constant('wagon' as const),
      loaded: fc.constant(true),
      ownership: fc.constant('private' as const),
      count: fc.integer({ min: 1, max: 60 }),
      grossMassTonnes: fc.integer({ min: 20, max: 70 }),
    }),
  ),
  currency: fc.constantFrom('USD', 'RUB', 'EUR', 'CHF'),
  maxOptions: fc.integer({ min: 1, max: 3 }),
});

const options: fc.Arbitrary<CompareOptions> = fc.record(
  {
    valueOfTimePerTonneDay: fc.integer({ min: 0, max: 5000 }).map((cents) => (cents / 100).toFixed(2)),
    discountLegs: fc.subarray(RAILWAYS, { minLength: 1 }),
  },
  { requiredKeys: [] },
);

function compareOrSkip(ruleSet: RuleSet, req: RateRequest, opts: CompareOptions): CompareResult | undefined {
  try {
    return compareModes(ruleSet, req, opts);
  } catch (error) {
    if (isDomainError(error)) return undefined;
    throw error;
  }
}

const MEASURES: Record<keyof CompareResult['rankings'], (o: ComparedOption) => string | undefined> = {
  cost: (o) => o.cost.mid.amount,
  time: (o) => o.transitDays.mid.toFixed(1),
  co2: (o) => o.co2e?.kg,
  generalisedCost: (o) => o.generalisedCost.mid.amount,
};

describe('comparison invariants', () => {
  let ruleSet: RuleSet;
  beforeAll(async () => {
    ruleSet = await bundledRuleSet();
  });

  it('applying the reported break-even discount makes rail cost exactly what the alternative costs, to the cent', () => {
    const seen = { discount: 0, cheaper: 0, unreachable: 0 };
    fc.assert(
      fc.property(request, options, (req, opts) => {
        const result = compareOrSkip(ruleSet, req, opts);
        if (!result) return;
        for (const b of result.breakEven) {
          const discountable = amount(b.discountable.amount);
          for (const r of [b.onCost, b.onGeneralisedCost].filter(
            (x): x is BreakEvenResult => x !== undefined,
          )) {
            const rail = amount(r.rail.amount);
            const target = amount(r.target.amount);
            if (r.status === 'discount') {
              seen.discount++;
              const applied = applyDiscount(rail, discountable, r.discountPercent ?? 'missing');
              expect(roundAmount(applied, result.rounding).toFixed(2)).toBe(target.toFixed(2));
              const percent = amount(r.discountPercent ?? '0');
              expect(percent.greaterThan(0) && percent.lessThan(100)).toBe(true);
            } else if (r.status === 'already-cheaper') {
              seen.cheaper++;
              expect(rail.lessThanOrEqualTo(target)).toBe(true);
            } else {
              seen.unreachable++;
              expect(rail.minus(discountable).greaterThanOrEqualTo(target)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
    expect(seen.discount, JSON.stringify(seen)).toBeGreaterThan(0);
  });

  it('every ranking lists each option once, in the order of the figures shown on the options', () => {
    fc.assert(
      fc.property(request, options, (req, opts) => {
        const result = compareOrSkip(ruleSet, req, opts);
        if (!result) return;
        const byId = new Map(result.options.map((o) => [o.id, o]));
        for (const [measure, entries] of Object.entries(result.rankings)) {
          const figure = MEASURES[measure as keyof CompareResult['rankings']];
          const expectedIds = result.options.filter((o) => figure(o) !== undefined).map((o) => o.id);
          expect(entries.map((e) => e.id).sort()).toEqual(expectedIds.sort());
          entries.forEach((entry, i) => {
            const option = byId.get(entry.id);
            expect(option && figure(option)).toBe(entry.value);
            const previous = entries[i - 1];
            if (!previous) {
              expect(entry.rank).toBe(1);
              return;
            }
            const order = amount(previous.value).comparedTo(amount(entry.value));
            expect(order).toBeLessThanOrEqual(0);
            expect(entry.rank).toBe(order === 0 ? previous.rank : i + 1);
          });
        }
      }),
      { numRuns: 80 },
    );
  });

  it('an option costs the sum of its legs, and a leg the sum of its items, low and high', () => {
    fc.assert(
      fc.property(request, (req) => {
        const result = compareOrSkip(ruleSet, req, {});
        if (!result) return;
        for (const o of result.options) {
          for (const bound of ['low', 'high'] as const) {
            const legs = sum(o.legs.map((l) => amount(l.cost[bound].amount)));
            expect(legs.toFixed(2), `${o.id} ${bound}`).toBe(amount(o.cost[bound].amount).toFixed(2));
            for (const leg of o.legs) {
              const items = sum(leg.items.map((i) => amount(i.amount[bound].amount)));
              expect(items.toFixed(2)).toBe(amount(leg.cost[bound].amount).toFixed(2));
            }
          }
          expect(amount(o.cost.low.amount).lessThanOrEqualTo(amount(o.cost.high.amount))).toBe(true);
          expect(o.transitDays.low).toBeLessThanOrEqual(o.transitDays.high);
        }
      }),
      { numRuns: 60 },
    );
  });
});
