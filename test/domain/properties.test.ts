import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/domain/core/domain-error.js';
import { amount, sum } from '../../src/domain/core/money.js';
import { calculateRates } from '../../src/domain/pricing/calculate-rates.js';
import { failedCondition, matches } from '../../src/domain/pricing/conditions/match-when.js';
import { selectRules } from '../../src/domain/pricing/conditions/select-rules.js';
import { legContext } from '../../src/domain/pricing/corridor/corridor-terms.js';
import { rateAt } from '../../src/domain/pricing/price-leg.js';
import type { RatesResult } from '../../src/domain/pricing/rate-option.js';
import { buildShipment, type LegContext, type RateRequest } from '../../src/domain/pricing/shipment.js';
import { resolveCargo } from '../../src/domain/rule-set/cargo.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import type { Regime, TariffInForce } from '../../src/domain/rule-set/tariff.js';
import { bundledRuleSet } from '../helpers/app.js';
import { BUNDLED_RULES, ruleFilesIn, ruleSetFrom } from '../helpers/rule-files.js';

const ORIGINS = ['MOSKVA', 'VORSINO', 'SARATOV', 'ASTRAKHAN', 'CHELYABINSK', 'NOVOSIBIRSK', 'CHEREPOVETS-2'];
const DESTINATIONS = [
  'KIGASH',
  'AKTOBE',
  'ATYRAU',
  'ALMATY',
  'AKTAU-PORT',
  'ASHGABAT',
  'BANDAR-ABBAS',
  'TEHRAN',
  'GORGAN',
];
const CARGO = ['693000', '011005', '161005', '201005', '434000'];

const request = fc.record({
  origin: fc.constantFrom(...ORIGINS),
  destination: fc.constantFrom(...DESTINATIONS),
  acceptanceDate: fc
    .date({
      min: new Date('2025-01-01T00:00:00Z'),
      max: new Date('2026-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  cargo: fc.constantFrom(...CARGO).map((etsng) => ({ etsng })),
  units: fc.oneof(
    fc.record({
      kind: fc.constant('container' as const),
      size: fc.constantFrom('20' as const, '40' as const),
      loaded: fc.boolean(),
      ownership: fc.constantFrom('railway' as const, 'private' as const),
      count: fc.integer({ min: 1, max: 6 }),
    }),
    fc.record({
      kind: fc.constant('wagon' as const),
      loaded: fc.constant(true),
      ownership: fc.constantFrom('railway' as const, 'private' as const),
      count: fc.integer({ min: 1, max: 6 }),
      grossMassTonnes: fc.integer({ min: 5, max: 70 }),
    }),
  ),
  currency: fc.constantFrom('USD', 'RUB', 'CHF', 'EUR'),
}) as fc.Arbitrary<RateRequest>;

/** Dates when corridor terms are in force (2023) or an agreed through rate exists (2026). */
const corridorDate = fc.constantFrom('2023-04-15', '2023-06-15', '2023-11-30', '2026-02-01', '2026-06-30');
/** A request on a random date, or on a date some corridor agreement is in force. */
const requestOnAnyDate = fc.oneof(
  request,
  fc.tuple(request, corridorDate).map(([r, d]) => ({ ...r, acceptanceDate: d })),
);

function priced(ruleSet: RuleSet, r: RateRequest): RatesResult | undefined {
  try {
    return calculateRates(ruleSet, r);
  } catch (error) {
    if (isDomainError(error)) return undefined;
    throw error;
  }
}

describe('invariants of a quote', () => {
  let ruleSet: RuleSet;
  beforeAll(async () => {
    ruleSet = await bundledRuleSet();
  });

  /** Every regime of every leg's tariff in force, on every route of a request, with the leg's context. */
  function forEachRegimeOnLegs(r: RateRequest, visit: (regime: Regime, ctx: LegContext) => void): void {
    const shipment = buildShipment(r, resolveCargo(ruleSet.cargo, r.cargo));
    for (const route of ruleSet.routes(r.origin, r.destination)) {
      for (const leg of route.legs) {
        let tariff: TariffInForce;
        try {
          tariff = ruleSet.tariff(leg.railway, shipment.date);
        } catch {
          continue;
        }
        const ctx = legContext(leg, route, shipment);
        for (const regime of tariff.regimes) visit(regime, ctx);
      }
    }
  }

  it('lines add up to each railway share, and the shares to the total', () => {
    let pricedCount = 0;
    fc.assert(
      fc.property(request, (r) => {
        const result = priced(ruleSet, r);
        if (result) pricedCount++;
        for (const option of result?.options ?? []) {
          for (const share of option.byRailway) {
            const own = option.lines.filter((l) => l.railway === share.railway);
            const sumOf = (lines: typeof own) => sum(lines.map((l) => amount(l.amount.amount)));
            const priced = own.filter((l) => l.kind !== 'vat');
            if (share.throughRate) {
              // The agreed share, plus any gauge-change charge the rate does not include (in the railway's currency).
              const through = sumOf(priced.filter((l) => l.kind === 'through-rate'));
              expect(through.eq(amount(share.throughRate.share.amount))).toBe(true);
            } else {
              const local = sumOf(priced.filter((l) => l.kind !== 'conversion'));
              expect(local.eq(amount(share.local.amount))).toBe(true);
              const vat = sumOf(own.filter((l) => l.kind === 'vat'));
              expect(vat.eq(amount(share.vat?.local.amount ?? '0'))).toBe(true);
            }
            // In the requested currency, before VAT: every conversion line, and every line already in that currency.
            const inRequested = sumOf(
              priced.filter((l) => l.kind === 'conversion' || l.amount.currency === share.total.currency),
            );
            expect(inRequested.eq(amount(share.total.amount))).toBe(true);
          }
          const shares = sum(option.byRailway.map((s) => amount(s.total.amount)));
          expect(shares.eq(amount(option.total.amount))).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
    expect(pricedCount, 'most generated shipments are priceable').toBeGreaterThan(75);
  });

  it('a corridor agreement never makes a quote dearer than the sum of local tariffs', () => {
    let withTerms = 0;
    fc.assert(
      fc.property(request, corridorDate, (r, date) => {
        for (const option of priced(ruleSet, { ...r, acceptanceDate: date, destination: 'BANDAR-ABBAS' })
          ?.options ?? []) {
          if (!option.corridor) continue;
          withTerms++;
          const { localTariffTotal, saving } = option.corridor;
          expect(amount(saving.amount).gte(0)).toBe(true);
          expect(amount(localTariffTotal.amount).minus(saving.amount).eq(amount(option.total.amount))).toBe(
            true,
          );
        }
      }),
      { numRuns: 120 },
    );
    expect(withTerms, 'corridor terms were exercised').toBeGreaterThan(10);
  });

  it('apportioned shares of a through rate add up exactly to it', () => {
    fc.assert(
      fc.property(request, corridorDate, (r, date) => {
        for (const option of priced(ruleSet, { ...r, acceptanceDate: date, destination: 'BANDAR-ABBAS' })
          ?.options ?? []) {
          const through = option.corridor?.throughRate;
          if (!through) continue;
          const shares = option.byRailway.flatMap((s) =>
            s.throughRate ? [amount(s.throughRate.share.amount)] : [],
          );
          expect(sum(shares).eq(amount(through.total.amount))).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('n units cost n times one unit where every rule is per unit', () => {
    // RZD wagons are priced by the ТР-1 chain (from 2026, and carried back to Price List 10-01 before): not per
    // unit, since Table 5 takes a row by the number of wagons and the waybill is rounded as a whole (point 15.5).
    const rzdWagons = (r: RateRequest, option: { byRailway: readonly { railway: string }[] }) =>
      r.units.kind === 'wagon' && option.byRailway.some((b) => b.railway === 'RZD');
    fc.assert(
      fc.property(request, (r) => {
        const one = priced(ruleSet, { ...r, units: { ...r.units, count: 1 } });
        const many = priced(ruleSet, r);
        if (!one || !many) return;
        const byRoute = new Map(one.options.map((o) => [o.id, o.total.amount]));
        for (const option of many.options) {
          const single = byRoute.get(option.id);
          if (single === undefined || rzdWagons(r, option)) continue;
          expect(amount(option.total.amount).eq(amount(single).times(r.units.count))).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('options come sorted by total, cheapest first', () => {
    fc.assert(
      fc.property(request, (r) => {
        const totals = (priced(ruleSet, r)?.options ?? []).map((o) => amount(o.total.amount));
        for (const [i, t] of totals.slice(1).entries()) expect(t.gte(totals[i] ?? t)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('a longer distance never costs less within one rate table', () => {
    const tables = [...ruleSet.railways.values()]
      .flat()
      .flatMap((v) =>
        v.regimes.flatMap((g) => [...g.rates, ...g.charges].map((c) => ({ c, step: g.stepRounding }))),
      );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 8000 }), fc.integer({ min: 0, max: 8000 }), (a, b) => {
        const [near, far] = a <= b ? [a, b] : [b, a];
        for (const { c, step } of tables) {
          expect(rateAt(c, far, step).rate.gte(rateAt(c, near, step).rate)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same rule-set hash and the same quote whatever order the rule files are loaded in', () => {
    const files = ruleFilesIn(BUNDLED_RULES);
    const reference = ruleSetFrom(files);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }),
        request,
        (shuffled, r) => {
          const other = ruleSetFrom(shuffled);
          expect(other.hash).toBe(reference.hash);
          expect(priced(other, r)).toEqual(priced(reference, r));
        },
      ),
      { numRuns: 10 },
    );
    // eleven rule sets loaded from text, the ETSNG classifier and the ТР-1 tables among them
  }, 90_000);

  it('figures kept from earlier quotes change nothing: two rule sets quoting in opposite orders agree', () => {
    const files = ruleFilesIn(BUNDLED_RULES);
    const forwards = ruleSetFrom(files);
    const backwards = ruleSetFrom(files);
    fc.assert(
      fc.property(fc.array(requestOnAnyDate, { minLength: 2, maxLength: 12 }), (requests) => {
        const first = requests.map((r) => priced(forwards, r));
        const second = [...requests].reverse().map((r) => priced(backwards, r));
        expect(second.reverse()).toEqual(first);
      }),
      { numRuns: 40 },
    );
  });

  it('a rule matches a leg exactly when no condition of it fails', () => {
    let checked = 0;
    fc.assert(
      fc.property(requestOnAnyDate, (r) => {
        forEachRegimeOnLegs(r, (regime, ctx) => {
          for (const item of [...regime.rates, ...regime.charges, ...regime.coefficients]) {
            expect(matches(item.when, ctx)).toBe(failedCondition(item.when, ctx) === undefined);
            checked++;
          }
        });
      }),
      { numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it("the rules selected for a leg are those matching it, whichever legs' selections were kept before", () => {
    let checked = 0;
    fc.assert(
      fc.property(requestOnAnyDate, (r) => {
        forEachRegimeOnLegs(r, (regime, ctx) => {
          expect(selectRules(regime, ctx)).toEqual({
            base: regime.rates.find((rate) => matches(rate.when, ctx)),
            charges: regime.charges.filter((c) => matches(c.when, ctx)),
            coefficients: regime.coefficients.filter((c) => matches(c.when, ctx)),
          });
          checked++;
        });
      }),
      { numRuns: 80 },
    );
    expect(checked).toBeGreaterThan(200);
  });
});
