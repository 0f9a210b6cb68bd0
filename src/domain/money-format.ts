import { type Amount, type Money, toMoney } from './money.js';

/** Money with at least two decimals, more only where a rule's rounding kept more. */
export function moneyOf(value: Amount, currency: string): Money {
  return toMoney(value, currency, Math.max(2, value.decimalPlaces()));
}
