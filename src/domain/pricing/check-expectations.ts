import { type Amount, amount, formatFigure, type Money } from '../core/money.js';
import type { RateOption, RatesResult } from './rate-option.js';

/** What a golden case expects of one railway's share of the cheapest option. */
export interface RailwayExpectation {
  /** In its tariff currency or in the requested one (the currency says which). */
  readonly amount?: Money | undefined;
  readonly local?: Money | undefined;
  readonly total?: Money | undefined;
  readonly distanceKm?: number | undefined;
  /** Its apportioned share of an agreed through rate. */
  readonly throughShare?: Money | undefined;
}

/** What a golden case (a rule test or a hand-worked scenario) expects of a shipment's cheapest option. */
export interface Expectation {
  readonly total?: Money | undefined;
  readonly byRailway?: Readonly<Record<string, RailwayExpectation>> | undefined;
  /** The route's stations, origin to destination. */
  readonly route?: readonly string[] | undefined;
  /** Largest difference accepted, in each amount's own currency; default 0. */
  readonly tolerance?: string | undefined;
  /** The error code expected instead of a price. */
  readonly unpriceable?: string | undefined;
  /** The agreed through rate's total. */
  readonly throughRateTotal?: Money | undefined;
  readonly transit?: {
    readonly commitmentDays?: number | undefined;
    readonly maxDwellHours?: number | undefined;
    readonly days?: number | undefined;
    readonly daysRange?: readonly [number, number] | undefined;
    readonly dwellHours?: Readonly<Record<string, number>> | undefined;
  };
  /** The tariff version used per railway, and the amendments in force with it. */
  readonly versions?: Readonly<Record<string, string>> | undefined;
  readonly amendments?: Readonly<Record<string, readonly string[]>> | undefined;
  /** Text that one of the option's notes, line descriptions or assumptions includes. */
  readonly noteIncludes?: string | undefined;
  readonly lineIncludes?: string | undefined;
  readonly assumptionIncludes?: string | undefined;
  /** The stations of an option that must be among those returned (the shortest route, say). */
  readonly shortestOffered?: readonly string[] | undefined;
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
  for (const [railway, expected] of Object.entries(expect.byRailway ?? {}))
    failures.push(...checkRailway(option, railway, expected, tolerance));
  if (expect.route && expect.route.join('>') !== option.route.stations.join('>')) {
    failures.push(`route: expected ${expect.route.join(' → ')}, got ${option.route.stations.join(' → ')}`);
  }
  if (expect.throughRateTotal) {
    const through = option.corridor?.throughRate;
    failures.push(
      ...(through
        ? compare('through rate', expect.throughRateTotal, through.total, tolerance)
        : [`through rate: expected ${show(expect.throughRateTotal)}, but no agreed through rate applies`]),
    );
  }
  failures.push(...checkTransit(option, expect.transit), ...checkVersions(option, expect));
  const offered = pricing.result.options.map((o) => o.route.stations.join('>'));
  if (expect.shortestOffered && !offered.includes(expect.shortestOffered.join('>')))
    failures.push(
      `options: expected ${expect.shortestOffered.join(' → ')} among them, got ${offered.join(' | ')}`,
    );
  const texts: [string, string | undefined, readonly string[]][] = [
    ['notes', expect.noteIncludes, option.notes],
    ['lines', expect.lineIncludes, option.lines.map((l) => l.description)],
    ['assumptions', expect.assumptionIncludes, option.assumptions],
  ];
  for (const [label, wanted, found] of texts)
    if (wanted !== undefined && !found.join('\n').includes(wanted))
      failures.push(`${label}: expected one to include "${wanted}", got: ${found.join(' | ') || 'none'}`);
  return failures;
}

function checkRailway(option: RateOption, railway: string, expected: RailwayExpectation, tolerance: Amount) {
  const share = option.byRailway.find((s) => s.railway === railway);
  if (!share) {
    const what = expected.amount ? show(expected.amount) : 'a leg';
    return [
      `${railway}: expected ${what}, but ${railway} has no leg on ${option.route.stations.join(' → ')}`,
    ];
  }
  const failures: string[] = [];
  if (expected.amount) {
    const actual = expected.amount.currency === share.local.currency ? share.local : share.total;
    failures.push(
      ...(actual.currency === expected.amount.currency
        ? compare(railway, expected.amount, actual, tolerance)
        : [
            `${railway}: expected ${show(expected.amount)}, but its share is in ${share.local.currency} (${share.total.currency} converted)`,
          ]),
    );
  }
  if (expected.local) failures.push(...compare(`${railway} local`, expected.local, share.local, tolerance));
  if (expected.total) failures.push(...compare(`${railway} total`, expected.total, share.total, tolerance));
  if (expected.distanceKm !== undefined && expected.distanceKm !== share.distanceKm)
    failures.push(`${railway} distance: expected ${expected.distanceKm} km, got ${share.distanceKm} km`);
  if (expected.throughShare) {
    const through = share.throughRate?.share;
    failures.push(
      ...(through
        ? compare(`${railway} through-rate share`, expected.throughShare, through, tolerance)
        : [`${railway} through-rate share: expected ${show(expected.throughShare)}, but it has none`]),
    );
  }
  return failures;
}

function checkTransit(option: RateOption, transit: Expectation['transit']): string[] {
  const failures: string[] = [];
  const days = option.transit.commitmentDays;
  if (transit?.commitmentDays !== undefined && transit.commitmentDays !== days)
    failures.push(`commitment: expected ${transit.commitmentDays} days, got ${days ?? 'none'}`);
  const dwell = Math.max(...option.transit.crossings.map((c) => c.dwellHours));
  if (transit?.maxDwellHours !== undefined && !(dwell <= transit.maxDwellHours))
    failures.push(`border dwell: expected at most ${transit.maxDwellHours} h, got ${dwell} h`);
  if (transit?.days !== undefined && transit.days !== option.transitDays)
    failures.push(`transit: expected ${transit.days} days, got ${option.transitDays}`);
  const range = option.transitDaysRange;
  if (transit?.daysRange && (transit.daysRange[0] !== range.low || transit.daysRange[1] !== range.high))
    failures.push(
      `transit range: expected ${transit.daysRange.join('–')} days, got ${range.low}–${range.high}`,
    );
  for (const [crossing, hours] of Object.entries(transit?.dwellHours ?? {})) {
    const found = option.transit.crossings.find((c) => c.crossing === crossing)?.dwellHours;
    if (found !== hours)
      failures.push(`dwell at ${crossing}: expected ${hours} h, got ${found ?? 'no such crossing'}`);
  }
  return failures;
}

function checkVersions(option: RateOption, expect: Expectation): string[] {
  const failures: string[] = [];
  const used = (railway: string) => option.ruleVersions.find((v) => v.railway === railway);
  for (const [railway, version] of Object.entries(expect.versions ?? {}))
    if (used(railway)?.version !== version)
      failures.push(`${railway} version: expected ${version}, got ${used(railway)?.version ?? 'none'}`);
  for (const [railway, ids] of Object.entries(expect.amendments ?? {})) {
    const found = used(railway)?.amendments.map((a) => a.id) ?? [];
    if (found.join(',') !== ids.join(','))
      failures.push(`${railway} amendments: expected [${ids.join(', ')}], got [${found.join(', ')}]`);
  }
  return failures;
}

/**
 * An amount against the one expected, within the tolerance. An expected amount written with decimals ("74350.00")
 * must also come out with as many, when no tolerance is given.
 */
function compare(label: string, expected: Money, actual: Money, tolerance: Amount): string[] {
  if (expected.currency !== actual.currency)
    return [`${label}: expected ${show(expected)}, got ${show(actual)} (another currency)`];
  const off = amount(actual.amount).minus(expected.amount);
  const decimals = (text: string) => text.split('.')[1]?.length ?? 0;
  if (off.isZero() && decimals(expected.amount) > 0 && decimals(actual.amount) !== decimals(expected.amount))
    return [`${label}: expected ${show(expected)}, got ${show(actual)} (written to other decimals)`];
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
