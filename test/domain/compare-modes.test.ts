import { describe, expect, it } from 'vitest';
import { compareModes } from '../../src/domain/comparison/compare-modes.js';
import type { ComparedOption } from '../../src/domain/comparison/compare-result.js';
import { isDomainError } from '../../src/domain/core/domain-error.js';
import type { RateRequest } from '../../src/domain/pricing/shipment.js';
import { ruleFilesIn, ruleSetFrom, VALID_RULES, withFile } from '../helpers/rule-files.js';

/**
 * The comparison on the small test rule set (test/fixtures/valid-rules): railway AAA (RUB, 1 000 km A1 → A2, 40 ft box
 * 1 000 RUB + 10 RUB/km, private ×0.90), USD/RUB 100, and alternatives/sea/2025-01-01.yaml (a sea route from A2 to B2
 * and a road route A1 → B2 with a transfer to a local truck). Every expected figure is worked out in the test's comment.
 */
const files = ruleFilesIn(VALID_RULES);
const ruleSet = ruleSetFrom(files);

const box = (overrides: Partial<RateRequest> = {}): RateRequest => ({
  origin: 'A1',
  destination: 'B2',
  acceptanceDate: '2025-06-02',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1, loaded: true, grossMassTonnes: 24 },
  currency: 'USD',
  maxOptions: 1,
  ...overrides,
});

const option = (options: readonly ComparedOption[], id: string): ComparedOption => {
  const found = options.find((o) => o.id === id);
  if (!found) throw new Error(`no option ${id} among ${options.map((o) => o.id).join(', ')}`);
  return found;
};

describe('compareModes on the test rule set', () => {
  it('prices a road route with a change of truck, the transfer costing money and days', () => {
    // Segment a: 1 truck × 1 000 km × 1.00 = 1 000.00; transfer lift 50 per box; segment b: 500 km × 0.50–0.70 =
    // 250.00–350.00. Total 1 300.00–1 400.00 USD. Days: 1 500 km ÷ 500 = 3.0, ÷ 400 = 3.75 → 3.8; + transfer 1–2:
    // 4.0–5.8. CO2e: 24 t × 1 500 km × 80 g = 2 880.0 kg.
    const road = option(compareModes(ruleSet, box()).options, 'test-road');
    expect([road.cost.low.amount, road.cost.high.amount, road.cost.mid.amount]).toEqual([
      '1300.00',
      '1400.00',
      '1350.00',
    ]);
    expect([road.transitDays.low, road.transitDays.high]).toEqual([4, 5.8]);
    expect(road.co2e?.kg).toBe('2880.0');
    const items = road.legs[0]?.items.map((i) => i.description) ?? [];
    expect(items).toEqual([
      'Alpha side (RU, RU truck), 1 000 km',
      'Transfer to a local truck: Lift per box',
      'Beta side, local truck (KZ, KZ truck), 500 km',
    ]);
  });

  it('prices rail pre-carriage with the rail engine, then port and sea legs', () => {
    // Rail A1 → A2 (AAA, 1 000 km): 1 000 + 10 × 1 000 = 11 000 RUB × 0.90 (private) = 9 900 RUB ÷ 100 = 99.00 USD,
    // 1 000 ÷ 500 km/day = 2.0 days. Port A2: 100 per box, 1 day. Sea: 800–1 200, 2–4 days, no sailings given.
    // Cost 999.00–1 399.00; days 5.0–7.0; CO2e 24 × 1 000 × 20 = 480.0 + 24 × 500 × 10 = 120.0 → 600.0 kg.
    const sea = option(compareModes(ruleSet, box()).options, 'test-sea');
    expect(sea.legs.map((l) => [l.stage, l.mode, l.cost.low.amount, l.cost.high.amount])).toEqual([
      ['pre-carriage', 'rail', '99.00', '99.00'],
      ['port', 'port', '100.00', '100.00'],
      ['main', 'sea', '800.00', '1200.00'],
    ]);
    expect([sea.cost.low.amount, sea.cost.high.amount]).toEqual(['999.00', '1399.00']);
    expect([sea.transitDays.low, sea.transitDays.high]).toEqual([5, 7]);
    expect(sea.co2e?.kg).toBe('600.0');
  });

  it('converts the rate cards at the declared rate and lists the conversion it used', () => {
    // USD/RUB 100 on 2025-01-01: the road route's 1 300.00–1 400.00 USD is 130 000.00–140 000.00 RUB.
    const result = compareModes(ruleSet, box({ currency: 'RUB' }));
    const road = option(result.options, 'test-road');
    expect([road.cost.low.amount, road.cost.high.amount]).toEqual(['130000.00', '140000.00']);
    expect(road.legs[0]?.items[0]?.local).toEqual({
      low: { amount: '1000.00', currency: 'USD' },
      high: { amount: '1000.00', currency: 'USD' },
    });
    expect(result.conversions).toContainEqual(
      expect.objectContaining({ method: 'market', from: 'USD', to: 'RUB', rate: '100' }),
    );
  });

  it('adds the value of time to make the generalised cost: the rule files’ default, or the caller’s', () => {
    // Default 2.00 USD per tonne-day × 24 t: the road route's 4.0–5.8 days cost 192.00–278.40; generalised
    // 1 492.00–1 678.40. With 0.50 given: 48.00–69.60, generalised 1 348.00–1 469.60.
    const byDefault = compareModes(ruleSet, box());
    expect(byDefault.valueOfTime.perTonneDay).toEqual({ amount: '2.00', currency: 'USD' });
    const road = option(byDefault.options, 'test-road');
    expect([road.generalisedCost.low.amount, road.generalisedCost.high.amount]).toEqual([
      '1492.00',
      '1678.40',
    ]);
    const given = option(
      compareModes(ruleSet, box(), { valueOfTimePerTonneDay: '0.50' }).options,
      'test-road',
    );
    expect([given.generalisedCost.low.amount, given.generalisedCost.high.amount]).toEqual([
      '1348.00',
      '1469.60',
    ]);
  });

  it('trucks the mass of a wagon shipment: 3 wagons of 20 t at 20 t a truck are 3 trucks', () => {
    // Segment a: 3 trucks × 1 000 km × 1.00 = 3 000.00; segment b: 3 × 500 × 0.50–0.70 = 750.00–1 050.00; the
    // per-box lift does not apply to wagons. Total 3 750.00–4 050.00.
    const wagons = box({
      units: { kind: 'wagon', ownership: 'private', count: 3, loaded: true, grossMassTonnes: 20 },
    });
    const road = option(compareModes(ruleSet, wagons).options, 'test-road');
    expect([road.cost.low.amount, road.cost.high.amount]).toEqual(['3750.00', '4050.00']);
    expect(road.legs[0]?.description).toContain('3 truck(s)');
  });

  it('lists a route that does not serve the shipment as not available, saying what it serves', () => {
    const result = compareModes(ruleSet, box({ destination: 'B1' }));
    expect(result.options.map((o) => o.id)).not.toContain('test-road');
    expect(result.unavailable).toContainEqual({
      id: 'test-road',
      name: 'Test road route',
      reason: 'serves A1 → B2 only',
    });
  });

  it('leaves CO2e out, and the option out of the CO2 ranking, when no emission factor is in force', () => {
    // The factors move to a series that takes effect only in 2026: on 2 June 2025 no factor is in force.
    const text = files.find((f) => f.path === 'alternatives/sea/2025-01-01.yaml')?.text ?? '';
    const [routes, factors] = text.split('emissionFactors:');
    const split = withFile(
      withFile(files, 'alternatives/sea/2025-01-01.yaml', routes ?? ''),
      'alternatives/params/2026-01-01.yaml',
      `title: Factors\neffectiveFrom: 2026-01-01\ncurrency: USD\nreference: test fixture\nconfidence: illustrative\nemissionFactors:${factors}`,
    );
    const result = compareModes(ruleSetFrom(split), box());
    const road = option(result.options, 'test-road');
    expect(road.co2e).toBeUndefined();
    expect(road.notes.join(' ')).toMatch(/CO2e not computed/);
    expect(result.rankings.co2).toEqual([]);
    expect(result.valueOfTime.source).toMatch(/no value of time declared/);
  });

  it('refuses a discount on a railway the rule set does not know, pointing at it', () => {
    try {
      compareModes(ruleSet, box(), { discountLegs: ['AAA', 'ZZZ'] });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error) && error.code).toBe('INVALID_REQUEST');
      expect(isDomainError(error) && error.details.pointer).toBe('/discountLegs/1');
    }
  });
});
