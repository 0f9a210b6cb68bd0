import {
  type Amount,
  amount,
  formatFigure,
  type Money,
  type Rounding,
  roundAmount,
  toMoney,
} from '../core/money.js';
import type { Estimate } from '../rule-set/alternative-cards.js';
import type { Confidence } from '../rule-set/tariff.js';
import type { DayRange, MoneyRange } from './compare-result.js';

/** Small helpers shared by the comparison: rounding at the currency's scale, midpoints, ranges, confidence. */

/** Every amount of a comparison is at two decimal places, half-up: the scale the declared-rate conversions use. */
export const COMPARE_ROUNDING: Rounding = { scale: 2, mode: 'half-up' };

export const RANKING_RULE =
  'ranges are ranked by their midpoint, (low + high) / 2, rounded to the currency scale (money) or to 0.1 day; ' +
  'ties are broken by listing rail options first, then by id';

export function money2(value: Amount): Amount {
  return roundAmount(value, COMPARE_ROUNDING);
}

export function asMoney(value: Amount, currency: string): Money {
  return toMoney(value, currency, COMPARE_ROUNDING.scale);
}

export function days1(value: Amount): Amount {
  return roundAmount(value, { scale: 1, mode: 'half-up' });
}

export function point(value: Amount): Estimate {
  return { low: value, high: value };
}

export function addEstimates(values: readonly Estimate[]): Estimate {
  let low = amount(0);
  let high = amount(0);
  for (const v of values) {
    low = low.plus(v.low);
    high = high.plus(v.high);
  }
  return { low, high };
}

export function midpoint(value: Estimate): Amount {
  return value.low.plus(value.high).dividedBy(2);
}

export function moneyRange(value: Estimate, currency: string): MoneyRange {
  return {
    low: asMoney(value.low, currency),
    high: asMoney(value.high, currency),
    mid: asMoney(money2(midpoint(value)), currency),
  };
}

export function dayRange(value: Estimate): DayRange {
  return {
    low: Number(days1(value.low).toFixed(1)),
    high: Number(days1(value.high).toFixed(1)),
    mid: Number(days1(midpoint(value)).toFixed(1)),
  };
}

export function isPoint(value: Estimate): boolean {
  return value.low.equals(value.high);
}

/** "250 USD" or "200–300 USD", figures grouped for reading. */
export function showEstimate(value: Estimate, unit: string): string {
  return isPoint(value)
    ? `${formatFigure(value.low)} ${unit}`
    : `${formatFigure(value.low)}–${formatFigure(value.high)} ${unit}`;
}

const ORDER: Record<Confidence, number> = { sourced: 0, approximate: 1, illustrative: 2 };

export function weakest(values: readonly Confidence[]): Confidence {
  let found: Confidence = 'sourced';
  for (const v of values) if (ORDER[v] > ORDER[found]) found = v;
  return found;
}
