import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { BUNDLED_RULES_DIR } from '../src/config.js';
import { RatesResponseSchema } from '../src/contract/rates-schemas.js';
import { canonicalJson } from '../src/domain/core/canonical-json.js';
import { calculateRates } from '../src/domain/pricing/calculate-rates.js';
import type { RateRequest } from '../src/domain/pricing/shipment.js';
import { loadRuleSet } from '../src/rules/load-rule-set.js';
import { ratesHttp } from './rates-http.js';
import { medianOpsPerSecond, medianWallAndCpu, printRow } from './suite.js';

export const FOUR_RAILWAYS: RateRequest = {
  origin: 'MOSKVA',
  destination: 'BANDAR-ABBAS',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', loaded: true, ownership: 'private', count: 2 },
  currency: 'USD',
  via: ['KIGASH', 'AKYAYLA'],
};

const ONE_RAILWAY: RateRequest = { ...FOUR_RAILWAYS, destination: 'KIGASH', via: [] };
const ALL_ROUTES: RateRequest = { ...FOUR_RAILWAYS, via: [] };
/** A group of 6 own gondolas of crushed stone, Moscow → Kigash (export) under the ТР-1 wagon chain. */
const WAGONS_TR1: RateRequest = {
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-06-08',
  cargo: { etsng: '232431' },
  units: {
    kind: 'wagon',
    wagonType: 'gondola',
    loaded: true,
    ownership: 'private',
    count: 6,
    axles: 4,
    shipmentType: 'group',
    loadCapacityTonnes: 69.5,
    grossMassTonnes: 69,
    emptyReturn: true,
  },
  currency: 'USD',
};
/** The same box, one railway, for the wagon row's comparison. */
const ONE_RAILWAY_JUNE: RateRequest = {
  ...FOUR_RAILWAYS,
  destination: 'KIGASH',
  via: [],
  acceptanceDate: '2026-06-08',
};
/** The same box on a date when no corridor agreement covers the route: local tariffs only. */
const FOUR_RAILWAYS_LOCAL: RateRequest = { ...FOUR_RAILWAYS, acceptanceDate: '2025-06-15' };

/**
 * Shipments on the pinned four-railway route that differ in what the rules look at — box size and ownership, count,
 * cargo, and dates on either side of a tariff version and of the corridor agreement — so that no two calls in a
 * row ask the same thing.
 */
function variedShipments(): RateRequest[] {
  const shipments: RateRequest[] = [];
  for (const acceptanceDate of ['2025-06-15', '2025-11-20', '2026-03-01', '2026-07-10'])
    for (const etsng of ['693000', '011005'])
      for (const size of ['20', '40'] as const)
        for (const ownership of ['private', 'railway'] as const)
          for (const count of [1, 3]) {
            shipments.push({
              ...FOUR_RAILWAYS,
              acceptanceDate,
              cargo: { etsng },
              units: { kind: 'container', size, loaded: true, ownership, count },
            });
          }
  return shipments;
}

/** The engine on one core; the cost of serialising a quote; POST /v1/rates against a bare endpoint (rates-http.ts). */
export async function rates(): Promise<void> {
  const started = performance.now();
  const ruleSet = await loadRuleSet(BUNDLED_RULES_DIR);
  printRow(
    'load and validate the bundled rules (first load)',
    `${(performance.now() - started).toFixed(0)} ms`,
  );

  const varied = variedShipments();
  let next = 0;
  let km = 0;
  // Every call a Russian distance not asked before in a row of 2 000: the figures kept per distance (rate tables
  // read at a distance, through-rate shares, conversions of the amounts) are worked out afresh as for a new lane.
  const newDistance = (): RateRequest => ({
    ...FOUR_RAILWAYS,
    declaredDistances: [{ railway: 'RZD', distanceKm: 1000 + (km++ % 2000) }],
  });
  const both = medianWallAndCpu({
    one: () => calculateRates(ruleSet, ONE_RAILWAY),
    fourLocal: () => calculateRates(ruleSet, FOUR_RAILWAYS_LOCAL),
    four: () => calculateRates(ruleSet, FOUR_RAILWAYS),
    varied: () => calculateRates(ruleSet, varied[next++ % varied.length] as RateRequest),
    newDistance: () => calculateRates(ruleSet, newDistance()),
    all: () => calculateRates(ruleSet, ALL_ROUTES),
    boxJune: () => calculateRates(ruleSet, ONE_RAILWAY_JUNE),
    wagons: () => calculateRates(ruleSet, WAGONS_TR1),
  });
  const row = (label: string, key: keyof typeof both, target = '') => {
    const { wall, cpu } = both[key];
    printRow(
      label,
      `${wall.toFixed(0)} /s  (${(wall / both.one.wall).toFixed(2)} × baseline${target}; CPU ${cpu.toFixed(0)} /s, ${(cpu / both.one.cpu).toFixed(2)} ×)`,
    );
  };
  printRow(
    'calculateRates, 1 railway (baseline; median of 5 interleaved rounds)',
    `${both.one.wall.toFixed(0)} /s  (CPU ${both.one.cpu.toFixed(0)} /s: calls per second of this process's CPU time)`,
  );
  row('calculateRates, 4 railways pinned, local tariffs (2025-06-15)', 'fourLocal', '; target ≥ 20 000 /s');
  row('calculateRates, 4 railways pinned, agreed through rate (2026-03-01)', 'four', '; target ≥ 20 000 /s');
  row(
    `calculateRates, 4 railways pinned, ${varied.length} different shipments in turn`,
    'varied',
    '; target ≥ 20 000 /s',
  );
  row(
    'calculateRates, 4 railways pinned, a new RZD distance every call (declared, 1 000–2 999 km)',
    'newDistance',
    '; target ≥ 20 000 /s',
  );
  row(
    `calculateRates, 4 railways, all ${ruleSet.routes('MOSKVA', 'BANDAR-ABBAS').length} routes priced, best 3`,
    'all',
  );
  row('calculateRates, RZD container path: 2 × 40 ft Moscow → Kigash (2026-06-08)', 'boxJune');
  row('calculateRates, RZD wagon path (ТР-1): 6 gondolas + empty return, Moscow → Kigash', 'wagons');

  // The route serialises with JSON.stringify; a serialiser compiled from the route's JSON Schema is kept only if it wins.
  const quote = calculateRates(ruleSet, FOUR_RAILWAYS);
  const compiled = fastJson(
    z.toJSONSchema(RatesResponseSchema, { target: 'draft-7', io: 'output' }) as Parameters<
      typeof fastJson
    >[0],
  );
  if (canonicalJson(JSON.parse(compiled(quote))) !== canonicalJson(quote))
    throw new Error('the compiled serialiser changes the quote');
  const serialise = medianOpsPerSecond({
    stringify: () => JSON.stringify(quote),
    compiled: () => compiled(quote),
  });
  printRow(
    'serialise the 4-railway quote, JSON.stringify (the route)',
    `${serialise.stringify.toFixed(0)} /s`,
  );
  printRow(
    'serialise it, fast-json-stringify compiled from the response schema',
    `${serialise.compiled.toFixed(0)} /s  (${(serialise.compiled / serialise.stringify).toFixed(2)} × JSON.stringify)`,
  );

  await ratesHttp(ruleSet, FOUR_RAILWAYS);
}
