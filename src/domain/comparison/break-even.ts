import { type Amount, amount, formatFigure, roundAmount } from '../core/money.js';
import { asMoney, money2 } from './compare-figures.js';
import type { BreakEvenResult } from './compare-result.js';

/** The break-even discount is reported as a percentage to this many decimal places, half-up. */
export const DISCOUNT_PERCENT_SCALE = 10;

export interface BreakEvenInput {
  /** Rail's price for the whole shipment. */
  readonly railCost: Amount;
  /** What the discount cannot touch beyond the price: the value of time on a generalised-cost comparison, else 0. */
  readonly timeCost: Amount;
  /** The part of the price the discount applies to (the named legs). */
  readonly discountable: Amount;
  /** The alternative's figure on the same measure (cost, or generalised cost). */
  readonly target: Amount;
  readonly against: string;
  readonly legs: readonly string[];
  readonly count: number;
  readonly currency: string;
}

/**
 * The discount d on the discountable part D at which rail equals the alternative: D × (1 − d) + (the rest) = target,
 * so d = (rail − target) ÷ D. Exact decimals; the percentage is rounded once, to DISCOUNT_PERCENT_SCALE places.
 */
export function breakEvenDiscount(input: BreakEvenInput): BreakEvenResult {
  const { railCost, timeCost, discountable, target, currency } = input;
  const rail = railCost.plus(timeCost);
  const rest = rail.minus(discountable);
  const base = {
    against: input.against,
    target: asMoney(target, currency),
    rail: asMoney(rail, currency),
  };
  const show = (v: Amount) => `${formatFigure(v.toFixed(2))} ${currency}`;
  const legs = input.legs.length > 0 ? input.legs.join(', ') : 'no leg';
  if (rail.lessThanOrEqualTo(target)) {
    return {
      ...base,
      status: 'already-cheaper',
      explanation: `rail ${show(rail)} is already no dearer than ${input.against} ${show(target)}`,
    };
  }
  if (discountable.lessThanOrEqualTo(0) || target.lessThanOrEqualTo(rest)) {
    return {
      ...base,
      status: 'not-reachable',
      explanation:
        `even a 100 % discount on ${legs} leaves rail at ${show(rest)}` +
        `${timeCost.isZero() ? '' : ` (time cost ${show(timeCost)} included)`}, not below ${input.against} ${show(target)}`,
    };
  }
  const gap = rail.minus(target);
  const percent = roundAmount(gap.dividedBy(discountable).times(100), {
    scale: DISCOUNT_PERCENT_SCALE,
    mode: 'half-up',
  });
  const discountedLegs = discountable.minus(gap);
  const railCostAtBreakEven = railCost.minus(gap);
  return {
    ...base,
    status: 'discount',
    discountPercent: percent.toFixed(DISCOUNT_PERCENT_SCALE),
    discountedLegs: asMoney(discountedLegs, currency),
    railCost: asMoney(railCostAtBreakEven, currency),
    railCostPerUnit: asMoney(money2(railCostAtBreakEven.dividedBy(input.count)), currency),
    explanation:
      `(${show(rail)} − ${show(target)}) ÷ ${show(discountable)} on ${legs} = ${percent.toDecimalPlaces(2).toFixed(2)} %` +
      `: those legs at ${show(discountedLegs)}, rail at ${show(railCostAtBreakEven)}`,
  };
}

/** Applies a percentage discount to the discountable part: what the property tests check the reported figure against. */
export function applyDiscount(railValue: Amount, discountable: Amount, percent: string): Amount {
  return railValue.minus(discountable.times(amount(percent)).dividedBy(100));
}
