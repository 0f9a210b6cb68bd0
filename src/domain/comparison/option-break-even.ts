import { DomainError } from '../core/domain-error.js';
import { amount, sum, ZERO } from '../core/money.js';
import type { RateOption } from '../pricing/rate-option.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import { breakEvenDiscount } from './break-even.js';
import { asMoney } from './compare-figures.js';
import type { BreakEven, ComparedOption, CompareResult, RankEntry } from './compare-result.js';

/** The railways a break-even discount may apply to must be railways of the rule set. */
export function checkDiscountLegs(
  ruleSet: RuleSet,
  legs: readonly string[] | undefined,
): ReadonlySet<string> | undefined {
  if (legs === undefined) return undefined;
  legs.forEach((code, i) => {
    if (!ruleSet.railways.has(code)) {
      throw new DomainError(
        'INVALID_REQUEST',
        `discountLegs names ${code}, which is no railway of the rule set`,
        {
          pointer: `/discountLegs/${i}`,
          suggestions: [...ruleSet.railways.keys()],
        },
      );
    }
  });
  return new Set(legs);
}

/**
 * Break-even of one rail option against the alternative ranked cheapest on cost and on generalised cost (rail options
 * skipped): the discount on the named railways' shares at which rail's figure equals the alternative's midpoint.
 */
export function optionBreakEven(
  option: RateOption,
  id: string,
  compared: readonly ComparedOption[],
  rankings: CompareResult['rankings'],
  legs: ReadonlySet<string> | undefined,
  count: number,
  currency: string,
): BreakEven {
  const shares = option.byRailway.filter((s) => legs === undefined || legs.has(s.railway));
  const discountable = sum(shares.map((s) => amount(s.total.amount)));
  const railCost = amount(option.total.amount);
  const named = shares.map((s) => s.railway);
  const byId = new Map(compared.map((o) => [o.id, o]));
  const self = byId.get(id);
  /** The alternative ranked first on a measure (rail options skipped). */
  const cheapest = (entries: readonly RankEntry[]) =>
    entries.map((e) => byId.get(e.id)).find((o): o is ComparedOption => o !== undefined && o.mode !== 'rail');
  const onCost = cheapest(rankings.cost);
  const onGeneralised = cheapest(rankings.generalisedCost);
  const base = { railCost, discountable, legs: named, count, currency };
  return {
    option: id,
    discountLegs: named,
    discountable: asMoney(discountable, currency),
    notDiscountable: asMoney(railCost.minus(discountable), currency),
    onCost:
      onCost &&
      breakEvenDiscount({
        ...base,
        timeCost: ZERO,
        target: amount(onCost.cost.mid.amount),
        against: onCost.id,
      }),
    onGeneralisedCost:
      onGeneralised &&
      self &&
      breakEvenDiscount({
        ...base,
        timeCost: amount(self.timeCost.mid.amount),
        target: amount(onGeneralised.generalisedCost.mid.amount),
        against: onGeneralised.id,
      }),
  };
}
