import { type Amount, type Money, toDecimalString } from './money.js';

/** Money with at least two decimals, more only where a rule's rounding kept more. */
export function moneyOf(value: Amount, currency: string): Money {
  const text = toDecimalString(value);
  const point = text.indexOf('.');
  if (point === -1) return { amount: `${text}.00`, currency };
  return { amount: text.length - point > 2 ? text : `${text}0`, currency };
}
