import { isDomainError } from '../core/domain-error.js';
import { calculateRates } from '../pricing/calculate-rates.js';
import type { RateOption } from '../pricing/rate-option.js';
import type { RateRequest } from '../pricing/shipment.js';
import type { RuleSet } from '../rule-set/rule-set.js';

/** One railway's share of a priced shipment: in its tariff currency and converted to the requested one. */
export interface RailwayAmount {
  readonly railway: string;
  /** The railway's tariff currency for this leg (a railway may charge transit and national legs differently). */
  readonly currency: string;
  readonly local: string;
  /** In the requested currency. */
  readonly converted: string;
}

/** A shipment's price under one rule set: the cheapest route, or why it cannot be priced. */
export type Outcome =
  | {
      readonly priced: true;
      /** The cheapest route's total in the requested currency, a decimal string. */
      readonly total: string;
      /** The route's stations joined by '>'. */
      readonly route: string;
      /** "RZD → KTZ → TDY → RAI via ILETSK-I, BOLASHAK, AKYAYLA". */
      readonly corridor: string;
      readonly railways: RailwayAmount[];
    }
  | { readonly priced: false; readonly code: string; readonly reason: string };

/** Prices a shipment and keeps what a what-if needs: the cheapest option's total and each railway's share. */
export function priceOutcome(ruleSet: RuleSet, request: RateRequest): Outcome {
  try {
    const result = calculateRates(ruleSet, { ...request, maxOptions: 1 });
    const best = result.options[0];
    if (!best) return { priced: false, code: 'NO_ROUTE', reason: 'no route could be priced' };
    return {
      priced: true,
      total: best.total.amount,
      route: best.id,
      corridor: corridorOf(best),
      railways: best.byRailway.map((share) => ({
        railway: share.railway,
        currency: share.local.currency,
        local: share.local.amount,
        converted: share.total.amount,
      })),
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { priced: false, code: error.code, reason: error.message };
  }
}

function corridorOf(option: RateOption): string {
  const railways = option.route.railways.join(' → ');
  const exits = option.route.crossings.map((id) => id.split('--')[0]);
  return exits.length > 0 ? `${railways} via ${exits.join(', ')}` : railways;
}
