import type { CrossingDwell } from '../capacity/border-dwell.js';
import type { Amount } from '../core/money.js';
import type { Route } from '../rule-set/find-routes.js';
import type { FxRules } from '../rule-set/fx.js';
import type { Crossing } from '../rule-set/network.js';
import type { Conversion } from './convert.js';
import type { RouteTerms } from './corridor/corridor-terms.js';
import type { LegPrice } from './price-leg.js';
import type { QuoteLine, RailwayShare } from './rate-option.js';
import type { Shipment } from './shipment.js';

/** What a route is priced from: the route, the shipment, its legs priced with and without corridor terms. */
export interface OptionInput {
  readonly route: Route;
  readonly shipment: Shipment;
  readonly currency: string;
  readonly fx: FxRules;
  readonly terms: RouteTerms;
  /** Each railway's leg priced with the corridor terms that reach it. */
  readonly legs: readonly LegPrice[];
  /** The same legs on local tariffs alone, when corridor terms changed any of them. */
  readonly localLegs?: readonly LegPrice[] | undefined;
  readonly conversionOf: (leg: LegPrice) => Conversion;
  /** The dwell at a crossing on the acceptance date, from its section's capacity and traffic. */
  readonly dwellOf: (crossing: Crossing) => CrossingDwell;
}

export interface Priced {
  readonly lines: QuoteLine[];
  readonly share: RailwayShare;
  readonly total: Amount;
  /** The VAT on the share in the requested currency (zero where none is stated or a through rate replaced it). */
  readonly vat: Amount;
}
