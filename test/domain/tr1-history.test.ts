import { beforeAll, describe, expect, it } from 'vitest';
import { type Amount, amount } from '../../src/domain/core/money.js';
import { calculateRates } from '../../src/domain/pricing/calculate-rates.js';
import type { RateRequest } from '../../src/domain/pricing/shipment.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import type { WagonTariff } from '../../src/domain/rule-set/tariff-guide/wagon-tariff.js';
import { bundledRuleSet } from '../helpers/app.js';

/**
 * The history of RZD wagon tariffs is one chain: ТР-1 from 2026, and before it Price List 10-01, priced by the same
 * chain at the level of its date (tariff-guides/TR-1/edition.yaml, carriedBack). A quote of one date and a quote of
 * another differ by exactly the indexations the rule files name — before the one rounding to kopecks (point 15.4)
 * and the one to roubles (15.5) that ТР-1 prescribes.
 */

/** One own gondola of crushed stone, single-wagon, 841 km declared: a loaded run alone, no empty return. */
const wagon = (acceptanceDate: string): RateRequest => ({
  origin: 'MOSKVA',
  destination: 'SARATOV',
  acceptanceDate,
  cargo: { etsng: '232431' },
  units: {
    kind: 'wagon',
    wagonType: 'gondola',
    ownership: 'private',
    loaded: true,
    count: 1,
    axles: 4,
    shipmentType: 'single-wagon',
    loadCapacityTonnes: 75,
    grossMassTonnes: 69,
  },
  declaredDistances: [{ railway: 'RZD', distanceKm: 841 }],
  currency: 'RUB',
});

interface Priced {
  /** The loaded run after every coefficient, carried unrounded (the settle line's left side). */
  readonly carried: Amount;
  readonly total: Amount;
  readonly descriptions: readonly string[];
}

describe('RZD wagon tariffs over time: one chain, related by the indexations', () => {
  let ruleSet: RuleSet;
  let guide: WagonTariff;
  const price = (date: string): Priced => {
    const option = calculateRates(ruleSet, wagon(date)).options[0];
    if (!option) throw new Error(`no option on ${date}`);
    const settle = option.lines.find((l) => l.description.includes('tariff after the coefficients'));
    const carried = settle?.formula.split(' → ')[0];
    if (!carried) throw new Error(`no settled loaded run on ${date}`);
    return {
      carried: amount(carried),
      total: amount(option.total.amount),
      descriptions: option.lines.map((l) => l.description),
    };
  };
  /** The factor of a guide amendment, as its file says. */
  const factor = (id: string): Amount => {
    const found = guide.amendments.find((a) => a.id === id);
    if (!found) throw new Error(`no amendment ${id}`);
    return amount(found.factor);
  };
  const waybill = (carried: Amount) => carried.toDecimalPlaces(2).toDecimalPlaces(0);

  beforeAll(async () => {
    ruleSet = await bundledRuleSet();
    const found = ruleSet.tariffGuides.get('TR-1');
    if (!found) throw new Error('no ТР-1');
    guide = found;
  });

  it('names the indexations it divides by, history already inside the ТР-1 base rates', () => {
    for (const id of ['indexation-2023-12', 'indexation-2024-12', 'indexation-2025-12']) {
      expect(guide.amendments.find((a) => a.id === id)?.embeddedInBaseRates).toBe(true);
    }
    expect(guide.edition.carriedBack?.from).toBe('2023-01-01');
  });

  it('a wagon on 2025-06-01 and on 2026-06-08 differ by exactly ÷ 1.10 and × 1.01', () => {
    const base = price('2026-01-15'); // ТР-1 in force, before the ×1.01 of 1 March 2026
    const june2025 = price('2025-06-01');
    const june2026 = price('2026-06-08');
    const surcharge = amount(guide.amendments.find((a) => a.id === 'surcharge-259r')?.factor ?? '0');
    expect(june2026.carried.eq(base.carried.times(surcharge))).toBe(true);
    expect(june2025.carried.eq(base.carried.div(factor('indexation-2025-12')))).toBe(true);
    // The same unrounded chain, related by the two factors; each quote then rounds once to kopecks and roubles.
    expect(june2026.carried.eq(june2025.carried.times(factor('indexation-2025-12')).times(surcharge))).toBe(
      true,
    );
    expect(june2026.total.eq(waybill(june2026.carried))).toBe(true);
    expect(june2025.total.eq(waybill(june2025.carried))).toBe(true);
    expect(june2025.total.lt(june2026.total)).toBe(true);
    expect(june2025.descriptions.join('\n')).toContain('÷ 1.10');
    expect(june2026.descriptions.join('\n')).not.toContain('÷');
  });

  it('each earlier year is one more indexation down: Dec 2025, Dec 2024, Dec 2023, Jan 2023', () => {
    const base = price('2026-01-15');
    const dec2025 = price('2025-12-10');
    const y2024 = price('2024-06-01');
    const dec2023 = price('2023-12-15');
    const y2023 = price('2023-06-01');
    expect(dec2025.carried.eq(base.carried)).toBe(true);
    const level2025 = base.carried.div(factor('indexation-2025-12'));
    const level2024 = level2025.div(factor('indexation-2024-12'));
    expect(y2024.carried.eq(level2024)).toBe(true);
    expect(dec2023.carried.eq(level2024)).toBe(true);
    expect(y2023.carried.eq(level2024.div(factor('indexation-2023-12')))).toBe(true);
    for (const p of [dec2025, y2024, dec2023, y2023]) expect(p.total.eq(waybill(p.carried))).toBe(true);
  });

  it('prices no wagon by the chain before the date it is carried back to', () => {
    expect(() => calculateRates(ruleSet, wagon('2022-12-31'))).toThrow();
  });
});
