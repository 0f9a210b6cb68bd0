import { compareModes } from '../comparison/compare-modes.js';
import { isDomainError } from '../core/domain-error.js';
import type { RateRequest } from '../pricing/shipment.js';
import type { RuleSet } from '../rule-set/rule-set.js';

/** The cheapest way to move a shipment among rail and the alternatives in force: first of the ranking by cost. */
export interface ModeChoice {
  /** 'rail', 'caspian-sea', 'deep-sea', 'road'… */
  readonly mode: string;
  /** The option's id in the comparison (rail-1, caspian-astrakhan-amirabad…). */
  readonly option: string;
  /** The figure ranked (midpoint of the cost range), in the requested currency. */
  readonly cost: string;
}

export const MODE_SHIFT_RULE =
  'the cheapest mode is the first of the comparison ranked by cost (the midpoint of each cost range), ' +
  'among the best rail options and every alternative rate card in force on the acceptance date';

/** Undefined when nothing can be compared (no rail option and no alternative, or a request compareModes refuses). */
export function cheapestMode(ruleSet: RuleSet, request: RateRequest): ModeChoice | undefined {
  try {
    const result = compareModes(ruleSet, request);
    const first = result.rankings.cost[0];
    const option = result.options.find((o) => o.id === first?.id);
    return first && option ? { mode: option.mode, option: option.id, cost: first.value } : undefined;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return undefined;
  }
}
