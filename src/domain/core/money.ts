import { Decimal } from 'decimal.js';

/**
 * The only module that touches decimal.js. Amounts leave it as decimal strings with a currency;
 * rounding happens only at the named steps the rule files declare.
 */
const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -34, toExpPos: 34 });

export type Amount = Decimal;

export const ROUNDING_MODES = ['half-up', 'half-even', 'half-down', 'up', 'down'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export interface Rounding {
  readonly scale: number;
  readonly mode: RoundingMode;
}

/** An amount crossing a boundary: decimal string plus ISO 4217 currency code. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

const MODES: Record<RoundingMode, Decimal.Rounding> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  'half-down': Decimal.ROUND_HALF_DOWN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

const parsed = new Map<string, Amount>();

/**
 * A decimal from its text (or a number). Texts recur — rule values, line amounts read back — and a Decimal never
 * changes once made, so the parse of a text is kept (bounded) and shared.
 */
export function amount(value: string | number): Amount {
  if (typeof value !== 'string') return new Dec(value);
  let found = parsed.get(value);
  if (found === undefined) {
    found = new Dec(value);
    if (parsed.size >= 16384) parsed.clear();
    parsed.set(value, found);
  }
  return found;
}

export const ZERO = amount(0);
export const ONE = amount(1);

export function roundAmount(value: Amount, rounding: Rounding): Amount {
  // A Decimal never changes: one that already has no more places than the scale is its own rounding.
  if (value.decimalPlaces() <= rounding.scale) return value;
  return value.toDecimalPlaces(rounding.scale, MODES[rounding.mode]);
}

export function sum(values: readonly Amount[]): Amount {
  let total = values[0] ?? ZERO;
  for (let i = 1; i < values.length; i++) total = total.plus(values[i] as Amount);
  return total;
}

/** An amount per unit times the number of units, plus what is charged once per shipment. */
export function perCount(perUnit: Amount, count: number, once: Amount = ZERO): Amount {
  const units = count === 1 ? perUnit : perUnit.times(count);
  return once.isZero() ? units : units.plus(once);
}

/** Plain decimal string; with a scale, exactly that many places (padded, or rounded half up if longer). */
export function toDecimalString(value: Amount, scale?: number): string {
  const text = value.toFixed();
  if (scale === undefined) return text;
  const places = decimalsIn(text);
  return places > scale ? value.toFixed(scale) : padded(text, places, scale);
}

/** Money with at least two decimals, more only where a rule's rounding kept more (never rounded here). */
export function moneyOf(value: Amount, currency: string): Money {
  const text = value.toFixed();
  return { amount: padded(text, decimalsIn(text), 2), currency };
}

function decimalsIn(text: string): number {
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** A decimal string with `places` decimals, given at least `atLeast` by adding zeros. */
function padded(text: string, places: number, atLeast: number): string {
  if (places >= atLeast) return text;
  return (places === 0 ? `${text}.` : text) + '0'.repeat(atLeast - places);
}

export function toMoney(value: Amount, currency: string, scale?: number): Money {
  return { amount: toDecimalString(value, scale), currency };
}

export function fromMoney(money: Money): Amount {
  return amount(money.amount);
}

/** Human-readable figure for formulas: thousands grouped with spaces ("105 887.28"). */
export function formatFigure(value: Amount | string | number): string {
  const text = typeof value === 'object' ? value.toFixed() : String(value);
  const point = text.indexOf('.');
  const end = point === -1 ? text.length : point;
  const start = text.startsWith('-') ? 1 : 0;
  if (end - start <= 3) return text;
  let grouped = text.slice(0, start);
  for (let i = start; i < end; i++) {
    if (i > start && (end - i) % 3 === 0) grouped += ' ';
    grouped += text[i];
  }
  return grouped + text.slice(end);
}
