import { type Amount, type Money, toDecimalString } from './money.js';

/** Money with at least two decimals, more only where a rule's rounding kept more. */
export function moneyOf(value: Amount, currency: string): Money {
  const text = toDecimalString(value);
  const point = text.indexOf('.');
  const places = point === -1 ? 0 : text.length - point - 1;
  return { amount: places >= 2 ? text : toDecimalString(value, 2), currency };
}
