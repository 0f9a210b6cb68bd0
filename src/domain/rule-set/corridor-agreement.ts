import type { IsoDate } from '../core/dates.js';
import type { Amount, Rounding } from '../core/money.js';
import type { CargoMatch, ReductionPolicy, RuleRef, Sourced, When } from './tariff.js';

/** One step of a covered route: any of a set of crossings, or any crossing between two countries. */
export type RouteStep =
  | { readonly kind: 'crossings'; readonly ids: readonly string[] }
  | { readonly kind: 'between'; readonly countries: readonly [string, string] };

export interface CoveredRoute {
  readonly id: string;
  readonly description: string;
  readonly steps: readonly RouteStep[];
}

export interface ThroughRateAmount extends Sourced {
  readonly when: When;
  readonly perUnit?: Amount | undefined;
  readonly perUnitKm?: Amount | undefined;
  readonly rule: RuleRef;
}

export type Apportionment =
  | { readonly method: 'distance'; readonly remainderTo: string }
  | { readonly method: 'shares'; readonly shares: ReadonlyMap<string, Amount>; readonly remainderTo: string }
  | { readonly method: 'own-rate'; readonly perUnitKm: ReadonlyMap<string, Amount> };

/** One rate for the covered railways' part of the route, apportioned between them. */
export interface ThroughRate extends Sourced {
  readonly id: string;
  readonly description: string;
  readonly routes: readonly string[];
  readonly railways: readonly string[];
  readonly when: When;
  readonly currency: string;
  readonly rounding: Rounding;
  readonly amounts: readonly ThroughRateAmount[];
  readonly apportionment: Apportionment;
  /** Whether the rate includes the gauge change at a crossing of its route; absent when the agreement is silent. */
  readonly gaugeChange?: (Sourced & { readonly included: boolean; readonly rule: RuleRef }) | undefined;
  readonly rule: RuleRef;
}

/** A reduction (factor < 1) or an increasing coefficient (factor > 1) on one railway's tariff rate. */
export interface CorridorDiscount extends Sourced {
  readonly id: string;
  readonly description: string;
  readonly railway: string;
  readonly routes?: readonly string[] | undefined;
  readonly when: When;
  readonly factor: Amount;
  readonly factorText: string;
  readonly combine?: ReductionPolicy | undefined;
  readonly rule: RuleRef;
}

export interface PriorityTerm extends Sourced {
  readonly id: string;
  readonly name: string;
  readonly cargo: CargoMatch;
  readonly railways: readonly string[];
  readonly routes?: readonly string[] | undefined;
  readonly when: When;
  readonly rate?:
    | { readonly kind: 'factor'; readonly factor: Amount; readonly factorText: string }
    | { readonly kind: 'fixed'; readonly perUnit: Amount }
    | undefined;
  readonly service?:
    | {
        readonly maxTransitDays?: number | undefined;
        readonly borderDwellHours?: number | undefined;
        /** The share of each section's capacity the agreement keeps for priority trains. */
        readonly reservedCapacityShare?: number | undefined;
      }
    | undefined;
  readonly rule: RuleRef;
}

/** A corridor agreement: who takes part, which routes it covers, when, and its terms. */
export interface CorridorAgreement extends Sourced {
  readonly corridor: string;
  readonly name: string;
  readonly effectiveFrom: IsoDate;
  readonly effectiveTo?: IsoDate | undefined;
  readonly participants: readonly string[];
  readonly combine: ReductionPolicy;
  readonly routes: readonly CoveredRoute[];
  readonly throughRates: readonly ThroughRate[];
  readonly discounts: readonly CorridorDiscount[];
  readonly priority: readonly PriorityTerm[];
  readonly file: string;
  readonly hash: string;
  readonly version: string;
}
