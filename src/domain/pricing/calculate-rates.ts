import { type CrossingDwell, crossingDwell } from '../capacity/border-dwell.js';
import { DomainError, isDomainError } from '../core/domain-error.js';
import { memoisedPerOwner } from '../core/memo.js';
import { type Amount, amount } from '../core/money.js';
import { resolveCargo } from '../rule-set/cargo.js';
import type { Leg, Route } from '../rule-set/find-routes.js';
import { searchStations } from '../rule-set/find-stations.js';
import type { Crossing } from '../rule-set/network.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import type { Regime, TariffInForce } from '../rule-set/tariff.js';
import { checkBlockTrain, checkBoxMass } from './caveats/plausibility.js';
import { routeChoiceNote } from './caveats/route-choice.js';
import { type Conversion, conversionFor } from './convert.js';
import { corridorTerms, type LegTerms, legContext, type RouteTerms } from './corridor/corridor-terms.js';
import type { OptionInput } from './option-input.js';
import { type LegPrice, priceLeg } from './price-leg.js';
import { buildOption, routeTotal } from './price-route.js';
import type { RateOption, RatesResult } from './rate-option.js';
import { checkWagonUnits } from './rzd-wagon/check-wagon-units.js';
import { buildShipment, type DeclaredDistance, type RateRequest, type Shipment } from './shipment.js';

export const DEFAULT_MAX_OPTIONS = 3;

/**
 * Prices every route from origin to destination on the acceptance date and returns the cheapest few, itemised.
 * Pure: the date comes in the request, the rules in the rule set.
 */
export function calculateRates(ruleSet: RuleSet, asked: RateRequest): RatesResult {
  const request = withStationIds(ruleSet, asked);
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
  checkBoxMass(ruleSet.cargo, shipment);
  for (const guide of ruleSet.tariffGuides.values())
    checkWagonUnits(guide, shipment, request.units.wagons !== undefined);
  const via = request.via ?? [];
  const routes = withDeclaredDistances(
    ruleSet
      .routes(request.origin, request.destination)
      .filter((route) => via.every((code) => route.borderStations.has(code))),
    request.declaredDistances ?? [],
  );
  if (routes.length === 0) {
    throw new DomainError(
      'NO_ROUTE',
      `no route from ${request.origin} to ${request.destination}${via.length ? ` via ${via.join(', ')}` : ''}${noRouteReason(ruleSet, request)}`,
      { pointer: via.length ? '/via' : '/destination' },
    );
  }

  const maxOptions = request.maxOptions ?? DEFAULT_MAX_OPTIONS;
  // With more routes than options to return, every route is first priced for its total alone and only the
  // options returned are itemised; the totals are the same either way.
  const totalsFirst = routes.length > maxOptions;
  const ranked: { route: Route; total: Amount; option?: RateOption }[] = [];
  const unpriced: { route: string[]; reason: string }[] = [];
  let firstError: DomainError | undefined;
  const pricing = new RoutePricing(ruleSet, shipment, request.currency);
  for (const route of routes) {
    try {
      if (totalsFirst) {
        ranked.push({ route, total: pricing.total(route) });
      } else {
        const option = pricing.price(route);
        ranked.push({ route, total: amount(option.total.amount), option });
      }
    } catch (error) {
      if (!isDomainError(error)) throw error;
      firstError ??= error;
      unpriced.push({ route: [...route.stations], reason: error.message });
    }
  }
  if (ranked.length === 0 && firstError) throw firstError;
  ranked.sort((a, b) => a.total.comparedTo(b.total) || a.route.distanceKm - b.route.distanceKm);
  const options = ranked.slice(0, maxOptions).map((r) => r.option ?? pricing.price(r.route));
  explainRouteChoice(ranked, options, pricing);
  return {
    acceptanceDate: request.acceptanceDate,
    currency: request.currency,
    ruleSetHash: ruleSet.hash,
    cargo: { etsng: cargo.etsng, gng: cargo.gng, name: cargo.name, tariffClass: cargo.tariffClass },
    options,
    unpriced,
  };
}

/**
 * Prices the routes of one shipment. Legs and conversions recur across the routes of a request (the same Turkmen
 * and Iranian legs follow every Russia–Kazakhstan crossing), so each is computed once per request.
 */
export class RoutePricing {
  private readonly legs = new Map<string, PricedLeg[]>();
  private readonly conversions = new Map<Regime, Conversion>();
  private readonly tariffs = new Map<string, TariffInForce>();
  private readonly dwells = new Map<string, CrossingDwell>();

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly shipment: Shipment,
    private readonly currency: string,
  ) {}

  /** One route, itemised. */
  price(route: Route): RateOption {
    const terms = this.terms(route);
    const build = (replaced: readonly string[]) =>
      buildOption(this.optionInput(route, terms, (railway) => !replaced.includes(railway), true));
    // Legs an agreed through rate will replace need their figures only; should the rate not apply after all
    // (dearer than the local tariffs), the route is priced again with every line.
    const replaced = terms.throughRate?.rate.railways ?? [];
    const option = build(replaced);
    return replaced.length > 0 && !option.corridor?.throughRate ? build([]) : option;
  }

  /** One route's total in the requested currency, without lines: what ranks the routes. */
  total(route: Route): Amount {
    return routeTotal(this.optionInput(route, this.terms(route), () => false, false));
  }

  private terms(route: Route): RouteTerms {
    return corridorTerms(this.ruleSet.corridors, this.ruleSet.network, route, this.shipment);
  }

  private optionInput(
    route: Route,
    terms: RouteTerms,
    withLines: (railway: string) => boolean,
    withLocalLegs: boolean,
  ): OptionInput {
    return {
      route,
      shipment: this.shipment,
      currency: this.currency,
      fx: this.ruleSet.fx,
      terms,
      legs: route.legs.map((leg) =>
        this.leg(leg, route, terms.legs.get(leg.railway), withLines(leg.railway)),
      ),
      localLegs:
        withLocalLegs && terms.legs.size > 0
          ? route.legs.map((leg) => this.leg(leg, route, undefined, false))
          : undefined,
      conversionOf: this.conversionOf,
      dwellOf: this.dwellOf,
    };
  }

  private readonly dwellOf = (crossing: Crossing): CrossingDwell => {
    let dwell = this.dwells.get(crossing.id);
    if (!dwell) {
      dwell = crossingDwell(this.ruleSet.capacity, crossing, this.shipment.date);
      this.dwells.set(crossing.id, dwell);
    }
    return dwell;
  };

  private readonly conversionOf = (leg: LegPrice): Conversion => this.conversion(leg);

  private leg(leg: Leg, route: Route, terms: LegTerms | undefined, withLines: boolean): LegPrice {
    let tariff = this.tariffs.get(leg.railway);
    if (!tariff) {
      tariff = this.ruleSet.tariff(leg.railway, this.shipment.date);
      this.tariffs.set(leg.railway, tariff);
    }
    const scope = usesRouteCrosses(tariff) ? route.id : '';
    const termIds = terms ? legTermIds(terms) : '';
    // A railway's legs on one request are few: they are told apart by their ends, direction and what else they read.
    let ofRailway = this.legs.get(leg.railway);
    if (!ofRailway) {
      ofRailway = [];
      this.legs.set(leg.railway, ofRailway);
    }
    let priced = ofRailway.find(
      (p) =>
        p.from === leg.from &&
        p.to === leg.to &&
        p.direction === leg.direction &&
        p.scope === scope &&
        p.termIds === termIds,
    );
    if (!priced) {
      priced = { from: leg.from, to: leg.to, direction: leg.direction, scope, termIds };
      ofRailway.push(priced);
    }
    // A leg priced with its lines has the same figures as one priced for its figures only: either serves the latter.
    const found = priced.withLines ?? (withLines ? undefined : priced.figures);
    if (found) return found;
    checkBlockTrain(tariff.version, this.shipment);
    const price = priceLeg(tariff, legContext(leg, route, this.shipment), leg, terms, withLines);
    if (withLines) priced.withLines = price;
    else priced.figures = price;
    return price;
  }

  private conversion(leg: LegPrice): Conversion {
    let conversion = this.conversions.get(leg.regime);
    if (!conversion) {
      conversion = conversionFor(
        this.ruleSet.fx,
        leg.regime,
        this.currency,
        this.shipment.date,
        this.shipment.unit.kind,
      );
      this.conversions.set(leg.regime, conversion);
    }
    return conversion;
  }
}

/** A leg priced for one request: what tells it apart from the railway's other legs, and its prices. */
interface PricedLeg {
  readonly from: string;
  readonly to: string;
  readonly direction: string;
  /** The route, where the railway's rules look beyond its own leg. */
  readonly scope: string;
  /** The corridor terms that reach the leg. */
  readonly termIds: string;
  withLines?: LegPrice;
  figures?: LegPrice;
}

/**
 * When the cheapest route is not the shortest, its notes say why (the surcharges and discounts that made the
 * difference, with their amounts) and the shortest route is among the options, even beyond `maxOptions`.
 */
function explainRouteChoice(
  ranked: readonly { route: Route; option?: RateOption }[],
  options: RateOption[],
  pricing: RoutePricing,
): void {
  const first = ranked[0];
  const cheapest = options[0];
  if (!first || !cheapest) return;
  const shortest = ranked.reduce((a, b) => (b.route.distanceKm < a.route.distanceKm ? b : a));
  if (shortest === first || shortest.route.distanceKm === first.route.distanceKm) return;
  const id = shortest.route.id;
  let short = options.find((o) => o.id === id);
  if (!short) {
    short = shortest.option ?? pricing.price(shortest.route);
    options.push(short);
  }
  options[0] = { ...cheapest, notes: [...cheapest.notes, routeChoiceNote(cheapest, short)] };
}

/** A railway's distance declared by the shipper replaces the network's on that railway's leg, marked declared. */
function withDeclaredDistances(
  routes: readonly Route[],
  declared: readonly DeclaredDistance[],
): readonly Route[] {
  if (declared.length === 0) return routes;
  declared.forEach((d, i) => {
    if (!routes.some((r) => r.legs.some((l) => l.railway === d.railway))) {
      throw new DomainError(
        'INVALID_REQUEST',
        `no route crosses ${d.railway}: its declared distance cannot be used`,
        {
          pointer: `/declaredDistances/${i}/railway`,
        },
      );
    }
  });
  return routes.map((route) => {
    const legs = route.legs.map((leg) => {
      const d = declared.find((x) => x.railway === leg.railway);
      if (!d) return leg;
      const distance = {
        km: d.distanceKm,
        basis: 'declared' as const,
        formula: `${d.distanceKm} km declared by the shipper (waybill); the network's figure: ${leg.distance.formula}`,
        via: [],
        reference: "the shipper's declaration (declaredDistances)",
        confidence: leg.distance.confidence,
      };
      return { ...leg, km: d.distanceKm, distance, declared: true };
    });
    return { ...route, legs, distanceKm: legs.reduce((n, l) => n + l.km, 0) };
  });
}

/**
 * The request with every station named by its code in the network: a station may be asked for by our code or by
 * its ESR code (an ESR code of one of our corridor stations names that station).
 */
export function withStationIds(ruleSet: RuleSet, request: RateRequest): RateRequest {
  const origin = stationId(ruleSet, request.origin, '/origin');
  const destination = stationId(ruleSet, request.destination, '/destination');
  const via = request.via?.map((code, i) => stationId(ruleSet, code, `/via/${i}`));
  return { ...request, origin, destination, ...(via ? { via } : {}) };
}

function stationId(ruleSet: RuleSet, code: string, pointer: string): string {
  const station = ruleSet.network.resolve(code);
  if (station) return station.code;
  const suggestions = searchStations(ruleSet.network, code, 5).map((s) => `${s.code} (${s.name})`);
  throw new DomainError('UNKNOWN_STATION', `unknown station ${code}`, { pointer, suggestions });
}

/** Why no route could be found, when a station's own data says so. */
function noRouteReason(ruleSet: RuleSet, request: RateRequest): string {
  const { network } = ruleSet;
  for (const code of [request.origin, request.destination]) {
    const station = network.stations.get(code);
    if (!station?.esr || station.code !== station.esr) continue;
    const name = `${station.nameLocal ?? station.name} (${station.esr})`;
    if (station.railway !== 'RZD')
      return `: ${name} is in the ${station.railway} station list, but ${station.railway} tariff distances are known only between the corridor's stations (GET /v1/stations lists them)`;
    if (network.tr4 && network.tr4.distances.transitPointsOf(station.esr).length === 0)
      return `: Tariff Guide No. 4's list gives ${name} no transit point, so no tariff distance can be computed for it`;
    const exits = network.crossings
      .flatMap((c) => c.stations)
      .filter((s) => network.stations.get(s)?.railway === 'RZD');
    if (!exits.some((exit) => network.distanceKm(station.code, exit) !== undefined))
      return `: Tariff Guide No. 4's Book 3 joins ${name} to none of RZD's border points (the digitised Book 3 holds no distance between its transit points and theirs: so it is for the Kaliningrad region, reached through other states, and for the Crimean railway)`;
  }
  return '';
}

/** The corridor terms on a leg as a key: the rules of its competing and stacked terms and its fixed rate. */
function legTermIds(terms: LegTerms): string {
  return `${[...terms.competing, ...terms.stacked].map((c) => c.rule.file + c.rule.path).join(',')}|${terms.fixedRate?.term.id ?? ''}`;
}

const routeCrossesUse = new WeakMap<TariffInForce, boolean>();

/** Whether any rule of a tariff looks beyond its own leg (a `routeCrosses` condition). */
function usesRouteCrosses(tariff: TariffInForce): boolean {
  return memoisedPerOwner(routeCrossesUse, tariff, () =>
    tariff.regimes.some((r) =>
      [...r.rates, ...r.charges, ...r.coefficients].some((item) => item.when.routeCrosses !== undefined),
    ),
  );
}
