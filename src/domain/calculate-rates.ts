import { resolveCargo } from './cargo.js';
import { type Conversion, conversionFor } from './convert.js';
import { DomainError, isDomainError } from './domain-error.js';
import { searchStations } from './find-stations.js';
import { type Amount, amount, formatFigure, sum, ZERO } from './money.js';
import { moneyOf } from './money-format.js';
import { type LegPrice, priceLeg } from './price-leg.js';
import type { QuoteLine, RailwayShare, RateOption, RatesResult, RuleVersionUsed } from './quote.js';
import type { Leg, Route } from './routes.js';
import type { RuleSet } from './rule-set.js';
import { buildShipment, type RateRequest, type Shipment } from './shipment.js';
import type { TariffInForce } from './tariff.js';

export const DEFAULT_MAX_OPTIONS = 3;

/**
 * Prices every route from origin to destination on the acceptance date and returns the cheapest few, itemised.
 * Pure: the date comes in the request, the rules in the rule set.
 */
export function calculateRates(ruleSet: RuleSet, request: RateRequest): RatesResult {
  requireStation(ruleSet, request.origin, '/origin');
  requireStation(ruleSet, request.destination, '/destination');
  for (const [i, code] of (request.via ?? []).entries()) requireStation(ruleSet, code, `/via/${i}`);
  if (request.origin === request.destination) {
    throw new DomainError('INVALID_REQUEST', 'origin and destination are the same station', {
      pointer: '/destination',
    });
  }
  if (request.units.kind === 'container' && request.units.size === undefined) {
    throw new DomainError('INVALID_REQUEST', 'a container shipment needs its size (20, 30, 40 or 45)', {
      pointer: '/units/size',
    });
  }
  const cargo = resolveCargo(ruleSet.cargo, request.cargo);
  const shipment = buildShipment(request, cargo);
  const via = request.via ?? [];
  const routes = ruleSet
    .routes(request.origin, request.destination)
    .filter((route) => via.every((code) => route.borderStations.has(code)));
  if (routes.length === 0) {
    throw new DomainError(
      'NO_ROUTE',
      `no route from ${request.origin} to ${request.destination}${via.length ? ` via ${via.join(', ')}` : ''}`,
      { pointer: via.length ? '/via' : '/destination' },
    );
  }

  const options: RateOption[] = [];
  const unpriced: { route: string[]; reason: string }[] = [];
  let firstError: DomainError | undefined;
  const pricing = new RoutePricing(ruleSet, shipment, request.currency);
  for (const route of routes) {
    try {
      options.push(pricing.price(route));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      firstError ??= error;
      unpriced.push({ route: [...route.stations], reason: error.message });
    }
  }
  if (options.length === 0 && firstError) throw firstError;
  options.sort(
    (a, b) => compareAmounts(a.total.amount, b.total.amount) || a.route.distanceKm - b.route.distanceKm,
  );
  return {
    acceptanceDate: request.acceptanceDate,
    currency: request.currency,
    ruleSetHash: ruleSet.hash,
    cargo: { etsng: cargo.etsng, gng: cargo.gng, name: cargo.name, tariffClass: cargo.tariffClass },
    options: options.slice(0, request.maxOptions ?? DEFAULT_MAX_OPTIONS),
    unpriced,
  };
}

/**
 * Prices routes of one shipment. Legs and conversions recur across the routes of a request (the same Turkmen and
 * Iranian legs follow every Russia–Kazakhstan crossing), so each is computed once per request.
 */
export class RoutePricing {
  private readonly legs = new Map<string, LegPrice>();
  private readonly conversions = new Map<string, Conversion>();

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly shipment: Shipment,
    private readonly currency: string,
  ) {}

  price(route: Route): RateOption {
    return priceRoute(
      route,
      this.shipment,
      this.currency,
      (leg) => this.leg(leg, route),
      (leg) => this.conversion(leg),
    );
  }

  private leg(leg: Leg, route: Route): LegPrice {
    const tariff = this.ruleSet.tariff(leg.railway, this.shipment.date);
    const key = `${leg.railway}|${leg.from}|${leg.to}|${leg.direction}${usesRouteCrosses(tariff) ? `|${route.stations.join('>')}` : ''}`;
    let price = this.legs.get(key);
    if (!price) {
      price = priceLeg(tariff, leg, this.shipment, route.borderStations);
      this.legs.set(key, price);
    }
    return price;
  }

  private conversion(leg: LegPrice): Conversion {
    const key = `${leg.leg.railway}|${leg.regime.id}`;
    let conversion = this.conversions.get(key);
    if (!conversion) {
      conversion = conversionFor(
        this.ruleSet.fx,
        leg.regime,
        this.currency,
        this.shipment.date,
        this.shipment.unit.kind,
      );
      this.conversions.set(key, conversion);
    }
    return conversion;
  }
}

export function priceRoute(
  route: Route,
  shipment: Shipment,
  currency: string,
  priceOf: (leg: Leg) => LegPrice,
  conversionOf: (leg: LegPrice) => Conversion,
): RateOption {
  const count = shipment.unit.count;
  const legs: LegPrice[] = route.legs.map(priceOf);
  const lines: QuoteLine[] = [];
  const byRailway: RailwayShare[] = [];
  const converted: Amount[] = [];
  for (const leg of legs) {
    const conversion = conversionOf(leg);
    const unit = conversion.convert(leg.unitTotal);
    const once = leg.shipmentTotal.isZero() ? ZERO : conversion.convert(leg.shipmentTotal);
    const total = unit.times(count).plus(once);
    converted.push(total);
    lines.push(...leg.lines);
    if (conversion.info.method !== 'none') {
      lines.push({
        railway: leg.leg.railway,
        kind: 'conversion',
        description: `${leg.leg.railway} share converted ${conversion.info.from} → ${currency}`,
        formula:
          conversion.formula(leg.unitTotal, unit) +
          (count > 1 ? `; × ${count} units = ${formatFigure(unit.times(count))} ${currency}` : ''),
        amount: moneyOf(total, currency),
        perUnit: moneyOf(unit, currency),
        inputs: {
          rate: conversion.info.rate,
          method: conversion.info.method,
          source: conversion.info.source,
        },
        rule: conversion.rule ?? leg.regime.rule,
        reference: conversion.reference,
        confidence: conversion.confidence,
      });
    }
    const speed = leg.tariff.version.speedKmPerDay[shipment.unit.kind];
    byRailway.push({
      railway: leg.leg.railway,
      from: leg.leg.from,
      to: leg.leg.to,
      distanceKm: leg.leg.km,
      direction: leg.leg.direction,
      regime: leg.regime.id,
      total: moneyOf(total, currency),
      local: moneyOf(leg.localTotal, leg.regime.currency),
      conversion: conversion.info,
      transitDays: roundDays(leg.leg.km / speed),
    });
  }
  const dwellHours = route.crossings.reduce((acc, c) => acc + c.dwellHours, 0);
  const runningDays = legs.reduce(
    (acc, l) => acc + l.leg.km / l.tariff.version.speedKmPerDay[shipment.unit.kind],
    0,
  );
  return {
    id: route.stations.join('>'),
    route: {
      stations: [...route.stations],
      crossings: route.crossings.map((c) => c.id),
      railways: route.legs.map((l) => l.railway),
      distanceKm: route.legs.reduce((acc, l) => acc + l.km, 0),
    },
    total: moneyOf(sum(converted), currency),
    byRailway,
    lines,
    transitDays: roundDays(runningDays + dwellHours / 24),
    transit: {
      legs: legs.map((l) => ({
        railway: l.leg.railway,
        distanceKm: l.leg.km,
        speedKmPerDay: l.tariff.version.speedKmPerDay[shipment.unit.kind],
        days: roundDays(l.leg.km / l.tariff.version.speedKmPerDay[shipment.unit.kind]),
      })),
      crossings: route.crossings.map((c) => ({
        crossing: c.id,
        name: c.name,
        gaugeChange: c.gaugeChange,
        dwellHours: c.dwellHours,
      })),
    },
    assumptions: [...shipment.assumptions],
    notes: [],
    ruleVersions: legs.map(versionUsed),
  };
}

function versionUsed(leg: LegPrice): RuleVersionUsed {
  const { version, amendments } = leg.tariff;
  return {
    railway: version.railway,
    version: version.effectiveFrom,
    file: version.file,
    hash: version.hash,
    amendments: amendments.map((a) => ({ id: a.id, file: a.file, hash: a.hash })),
  };
}

function requireStation(ruleSet: RuleSet, code: string, pointer: string): void {
  if (ruleSet.network.stations.has(code)) return;
  const suggestions = searchStations(ruleSet.network, code, 5).map((s) => `${s.code} (${s.name})`);
  throw new DomainError('UNKNOWN_STATION', `unknown station ${code}`, { pointer, suggestions });
}

function roundDays(days: number): number {
  return Math.round(days * 10) / 10;
}

function compareAmounts(a: string, b: string): number {
  return amount(a).comparedTo(amount(b));
}

const routeCrossesUse = new WeakMap<TariffInForce, boolean>();

/** Whether any rule of a tariff looks beyond its own leg (a `routeCrosses` condition). */
function usesRouteCrosses(tariff: TariffInForce): boolean {
  let uses = routeCrossesUse.get(tariff);
  if (uses === undefined) {
    uses = tariff.regimes.some((r) =>
      [...r.rates, ...r.charges, ...r.coefficients].some((item) => item.when.routeCrosses !== undefined),
    );
    routeCrossesUse.set(tariff, uses);
  }
  return uses;
}
