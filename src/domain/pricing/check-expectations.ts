import { type Amount, amount, formatFigure, type Money } from '../core/money.js';
import type { RatesResult } from './rate-option.js';

/** What a rule test expects of a shipment's cheapest option. */
export interface Expectation {
  readonly total?: Money | undefined;
  /** Per railway, in its tariff currency or in the requested one (the currency says which). */
  readonly byRailway?: Readonly<Record<string, Money>> | undefined;
  /** The route's stations, origin to destination. */
  readonly route?: readonly string[] | undefined;
  /** Largest difference accepted, in each amount's own currency; default 0. */
  readonly tolerance?: string | undefined;
  /** The error code expected instead of a price. */
  readonly unpriceable?: string | undefined;
}

export type PricingResult =
  | { readonly result: RatesResult }
  | { readonly error: { readonly code: string; readonly message: string } };

/** The lines on which a pricing differs from an expectation; none when it meets it. */
export function checkExpectations(pricing: PricingResult, expect: Expectation): string[] {
  if ('error' in pricing) {
    if (expect.unpriceable === pricing.error.code) return [];
    return [
      expect.unpriceable
        ? `expected ${expect.unpriceable}, got ${pricing.error.code}: ${pricing.error.message}`
        : `expected a price, got ${pricing.error.code}: ${pricing.error.message}`,
    ];
  }
  const option = pricing.result.options[0];
  if (expect.unpriceable)
    return [
      `expected ${expect.unpriceable}, got a price of ${option?.total.amount} ${option?.total.currency}`,
    ];
  if (!option) return ['no option was priced'];
  const tolerance = amount(expect.tolerance ?? '0');
  const failures: string[] = [];
  if (expect.total) {
    failures.push(...compare('total', expect.total, option.total, tolerance));
  }
  for (const [railway, expected] of Object.entries(expect.byRailway ?? {})) {
    const share = option.byRailway.find((s) => s.railway === railway);
    if (!share) {
      failures.push(
        `${railway}: expected ${show(expected)}, but ${railway} has no leg on ${option.route.stations.join(' → ')}`,
      );
      continue;
    }
    const actual = expected.currency === share.local.currency ? share.local : share.total;
    if (actual.currency !== expected.currency) {
      failures.push(
        `${railway}: expected ${show(expected)}, but its share is in ${share.local.currency} (${share.total.currency} converted)`,
      );
      continue;
    }
    failures.push(...compare(railway, expected, actual, tolerance));
  }
  if (expect.route && expect.route.join('>') !== option.route.stations.join('>')) {
    failures.push(`route: expected ${expect.route.join(' → ')}, got ${option.route.stations.join(' → ')}`);
  }
  return failures;
}

function compare(label: string, expected: Money, actual: Money, tolerance: Amount): string[] {
  if (expected.currency !== actual.currency)
    return [`${label}: expected ${show(expected)}, got ${show(actual)} (another currency)`];
  const off = amount(actual.amount).minus(expected.amount);
  if (off.abs().lte(tolerance)) return [];
  const sign = off.isNegative() ? '−' : '+';
  return [
    `${label}: expected ${show(expected)}, got ${show(actual)} (off by ${sign}${formatFigure(twoPlaces(off.abs()))}; tolerance ${formatFigure(tolerance)})`,
  ];
}

function show(money: Money): string {
  return `${formatFigure(money.amount)} ${money.currency}`;
}

function twoPlaces(value: Amount): string {
  return value.toFixed(Math.max(2, value.decimalPlaces()));
}
