import { beforeAll, describe, expect, it } from 'vitest';
import { calculateRates } from '../../src/domain/pricing/calculate-rates.js';
import type { RateRequest } from '../../src/domain/pricing/shipment.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { bundledRuleSet } from '../helpers/app.js';

/**
 * The legal delivery time of an RZD leg (Mintrans order No. 245, point 2.2; tariff-guides/TR-1/delivery-time.yaml),
 * worked out by hand from the rule file: ⌈km ÷ the daily norm of the distance band⌉ + 1 day of initial and final
 * operations, shown beside the expected running days.
 */
const box: RateRequest = {
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-06-08',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', loaded: true, ownership: 'private', count: 1 },
  currency: 'RUB',
};

describe('normative delivery time of an RZD leg (order No. 245)', () => {
  let ruleSet: RuleSet;
  beforeAll(async () => {
    ruleSet = await bundledRuleSet();
  });
  const rzdLeg = (request: RateRequest) => {
    const leg = calculateRates(ruleSet, request).options[0]?.transit.legs.find((l) => l.railway === 'RZD');
    if (!leg) throw new Error('no RZD leg');
    return leg;
  };

  it('a 40 ft box over 1 518 km: 250 km a day (universal containers, 1 000–1 999 km) → 7 + 1 = 8 days', () => {
    const leg = rzdLeg(box);
    expect(leg.distanceKm).toBe(1518);
    expect(leg.normativeDelivery).toMatchObject({ days: 8, kmPerDay: 250, confidence: 'illustrative' });
    expect(leg.normativeDelivery?.formula).toContain('⌈1518 km ÷ 250 km a day⌉ = 7 + 1');
    expect(leg.normativeDelivery?.rule.file).toBe('tariff-guides/TR-1/delivery-time.yaml');
    expect(leg.days).toBeLessThan(leg.normativeDelivery?.days ?? 0);
  });

  it('a reefer box reads its own column: 320 km a day → 5 + 1 = 6 days', () => {
    const leg = rzdLeg({ ...box, units: { ...box.units, containerType: 'reefer' } });
    expect(leg.normativeDelivery).toMatchObject({ days: 6, kmPerDay: 320 });
  });

  it('a wagon over 841 km: 310 km a day (600–999 km) → 3 + 1 = 4 days; over 3 108 km 480 → 7 + 1 = 8', () => {
    const wagon: RateRequest = {
      ...box,
      destination: 'SARATOV',
      cargo: { etsng: '232431' },
      units: {
        kind: 'wagon',
        loaded: true,
        ownership: 'private',
        count: 1,
        grossMassTonnes: 69,
        shipmentType: 'single-wagon',
      },
      declaredDistances: [{ railway: 'RZD', distanceKm: 841 }],
    };
    expect(rzdLeg(wagon).normativeDelivery).toMatchObject({ days: 4, kmPerDay: 310 });
    const far = { ...wagon, declaredDistances: [{ railway: 'RZD', distanceKm: 3108 }] };
    expect(rzdLeg(far).normativeDelivery).toMatchObject({ days: 8, kmPerDay: 480 });
  });

  it('gives none for a railway without the rules, or for transit', () => {
    const legs = calculateRates(ruleSet, { ...box, destination: 'BANDAR-ABBAS', via: ['KIGASH', 'AKYAYLA'] })
      .options[0]?.transit.legs;
    expect(legs?.find((l) => l.railway === 'RZD')?.normativeDelivery?.days).toBe(8);
    for (const l of legs?.filter((l) => l.railway !== 'RZD') ?? [])
      expect(l.normativeDelivery).toBeUndefined();
  });
});
