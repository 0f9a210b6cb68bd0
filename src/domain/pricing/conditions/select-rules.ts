import { memoCache, memoised, memoisedPerOwner } from '../../core/memo.js';
import type { Charge, Coefficient, Regime, When } from '../../rule-set/tariff.js';
import type { LegContext } from '../shipment.js';
import { conditionFields, conditionValues, matches } from './match-when.js';

/** The rules of a regime that apply to one leg: its first matching rate, its matching charges and coefficients. */
export interface RuleSelection {
  readonly base: Charge | undefined;
  readonly charges: readonly Charge[];
  readonly coefficients: readonly Coefficient[];
}

const fieldsRead = new WeakMap<Regime, readonly (keyof When)[]>();
const selections = memoCache<Regime, RuleSelection>();

/**
 * Which of a regime's rules apply to a leg depends only on what their conditions read of it (a few of the eighteen
 * things a condition may look at: the kind and size of the unit, the cargo, the date…), so the rules are matched
 * once for every combination of those and the selection is reused.
 */
export function selectRules(regime: Regime, ctx: LegContext): RuleSelection {
  const fields = memoisedPerOwner(fieldsRead, regime, () =>
    conditionFields([...regime.rates, ...regime.charges, ...regime.coefficients].map((r) => r.when)),
  );
  return memoised(selections, regime, conditionValues(fields, ctx), () => ({
    base: regime.rates.find((rate) => matches(rate.when, ctx)),
    charges: regime.charges.filter((c) => matches(c.when, ctx)),
    coefficients: regime.coefficients.filter((c) => matches(c.when, ctx)),
  }));
}
