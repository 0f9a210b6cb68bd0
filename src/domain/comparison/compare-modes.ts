import { DomainError, isDomainError } from '../core/domain-error.js';
import { type Amount, amount } from '../core/money.js';
import { calculateRates, DEFAULT_MAX_OPTIONS, withStationIds } from '../pricing/calculate-rates.js';
import { type Conversion, marketConversion } from '../pricing/convert.js';
import type { ConversionInfo, RateOption, RatesResult } from '../pricing/rate-option.js';
import { buildShipment, type RateRequest } from '../pricing/shipment.js';
import { alternativesInForce, RAIL_EMISSION_FACTOR } from '../rule-set/alternative-cards.js';
import { resolveCargo } from '../rule-set/cargo.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import { COMPARE_ROUNDING, dayRange, days1, money2, moneyRange, RANKING_RULE } from './compare-figures.js';
import type { ComparedOption, CompareResult } from './compare-result.js';
import { checkDiscountLegs, optionBreakEven } from './option-break-even.js';
import { priceAlternative } from './price-alternative.js';
import { type PricedOption, totalsOf } from './priced-option.js';
import { railLeg } from './rail-alternative-leg.js';
import { rankOptions } from './rank-options.js';
import { regionMismatch } from './region/serves-region.js';
import { valueOfTimeFor } from './value-of-time.js';

export interface CompareOptions {
  /** Value of time per tonne-day in the requested currency; the rule files' default when absent. */
  readonly valueOfTimePerTonneDay?: string | undefined;
  /** Railways whose legs a break-even discount applies to; every railway of the option when absent. */
  readonly discountLegs?: readonly string[] | undefined;
}

/** Rail failures that leave the alternatives worth showing; any other error (a bad request) is thrown. */
const RAIL_UNAVAILABLE = new Set(['NO_ROUTE', 'NO_TARIFF_IN_FORCE', 'UNIT_NOT_CARRIED']);

/**
 * Sets the best rail options (from calculateRates, so corridor terms are included wherever they apply) beside every
 * alternative rate card in force on the acceptance date: cost, transit days, CO2e, generalised cost, rankings, and the
 * corridor discount at which rail would break even. Pure: the date is in the request, the rules in the rule set.
 */
export function compareModes(
  ruleSet: RuleSet,
  asked: RateRequest,
  options: CompareOptions = {},
): CompareResult {
  const request = withStationIds(ruleSet, asked);
  const discountLegs = checkDiscountLegs(ruleSet, options.discountLegs);
  const currency = request.currency;
  const date = request.acceptanceDate;
  const cargo = resolveCargo(ruleSet.cargo, request.cargo);
  const shipment = buildShipment(request, cargo);
  const massTonnes = amount(shipment.unit.grossMassTonnes).times(shipment.unit.count);
  const inForce = alternativesInForce(ruleSet.alternatives, date);
  const unavailable: { id: string; name: string; reason: string }[] = [];

  let rates: RatesResult | undefined;
  let railError: DomainError | undefined;
  try {
    rates = calculateRates(ruleSet, request);
  } catch (error) {
    if (!isDomainError(error) || !RAIL_UNAVAILABLE.has(error.code)) throw error;
    railError = error;
    unavailable.push({ id: 'rail', name: 'Rail', reason: error.message });
  }

  const conversions = new Map<string, Conversion>();
  const conversion = (from: string): Conversion => {
    let found = conversions.get(from);
    if (!found) {
      found = marketConversion(ruleSet.fx, from, currency, date);
      conversions.set(from, found);
    }
    return found;
  };
  const railCache = new Map<string, RateOption | DomainError>();
  const rail = (from: string, to: string): RateOption => {
    const key = `${from}>${to}`;
    let found = railCache.get(key);
    if (!found) {
      try {
        const best = calculateRates(ruleSet, {
          ...request,
          origin: from,
          destination: to,
          via: undefined,
          maxOptions: 1,
        }).options[0];
        found = best ?? new DomainError('NO_ROUTE', `no rail option ${from} → ${to}`);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        found = error;
      }
      railCache.set(key, found);
    }
    if (found instanceof DomainError) throw found;
    return found;
  };

  const railFactor = inForce.factors.get(RAIL_EMISSION_FACTOR);
  // The rail options asked for (the cheapest few): not the shortest route /v1/rates adds beside them, whose
  // difference the cheapest option's notes explain.
  const railOptions = (rates?.options ?? []).slice(0, request.maxOptions ?? DEFAULT_MAX_OPTIONS);
  const priced: PricedOption[] = railOptions.map((option, i) => ({
    id: `rail-${i + 1}`,
    mode: 'rail',
    name: `Rail ${option.route.stations.join(' → ')}`,
    route: option.route.stations,
    legs: [railLeg(option, 'main', massTonnes, railFactor)],
    notes: [
      ...option.notes,
      ...(railFactor
        ? []
        : [`CO2e not computed: no emission factor "${RAIL_EMISSION_FACTOR}" in force on ${date}`]),
    ],
    warnings: option.warnings,
    ruleVersions: option.ruleVersions,
  }));
  for (const route of inForce.routes) {
    const mismatch = regionMismatch(ruleSet, route, request.origin, request.destination);
    if (mismatch) {
      unavailable.push({ id: route.id, name: route.name, reason: mismatch });
      continue;
    }
    const outcome = priceAlternative(route, {
      origin: request.origin,
      destination: request.destination,
      shipment,
      currency,
      massTonnes,
      factors: inForce.factors,
      conversion,
      rail,
    });
    if (outcome.ok) priced.push(outcome.option);
    else unavailable.push({ id: route.id, name: route.name, reason: outcome.reason });
  }

  // Nothing to set side by side: no rail tariff and no alternative serves the shipment. The same problem as
  // POST /v1/rates, rather than an empty comparison.
  if (railError && priced.length === 0) throw railError;

  const valueOfTime = valueOfTimeFor(
    options.valueOfTimePerTonneDay,
    inForce.valueOfTime,
    conversion,
    currency,
    date,
  );
  const compared = priced.map((p) => finishOption(p, valueOfTime.rate, massTonnes, currency));
  const rankings = rankOptions(compared);
  const breakEven = railOptions.map((option, i) =>
    optionBreakEven(option, `rail-${i + 1}`, compared, rankings, discountLegs, shipment.unit.count, currency),
  );

  return {
    acceptanceDate: date,
    currency,
    ruleSetHash: ruleSet.hash,
    cargo: { etsng: cargo.etsng, name: cargo.name, tariffClass: cargo.tariffClass },
    shipment: {
      kind: shipment.unit.kind,
      size: shipment.unit.size,
      count: shipment.unit.count,
      massTonnes: massTonnes.toFixed(),
      massBasis:
        shipment.unit.kind === 'container'
          ? `${shipment.unit.count} × ${shipment.unit.grossMassTonnes} t gross per box (cargo and tare, as the rail tariff counts it)`
          : `${shipment.unit.count} × ${shipment.unit.grossMassTonnes} t of cargo per wagon`,
    },
    valueOfTime: valueOfTime.shown,
    rounding: {
      scale: COMPARE_ROUNDING.scale,
      mode: 'half-up',
      note: 'amounts in the requested currency at 2 decimal places, half-up, rounded per item before they are added; days to 0.1; CO2e to 0.1 kg per leg',
    },
    rankingRule: RANKING_RULE,
    options: compared,
    rankings,
    breakEven,
    conversions: conversionInfos(rates, conversions),
    unavailable,
    assumptions: [
      ...shipment.assumptions,
      "rail figures are the rail engine's (POST /v1/rates), corridor terms included where they apply",
    ],
  };
}

function finishOption(option: PricedOption, vot: Amount, mass: Amount, currency: string): ComparedOption {
  const totals = totalsOf(option);
  const days = { low: days1(totals.days.low), high: days1(totals.days.high) };
  const timeCost = {
    low: money2(vot.times(mass).times(days.low)),
    high: money2(vot.times(mass).times(days.high)),
  };
  const generalised = { low: totals.cost.low.plus(timeCost.low), high: totals.cost.high.plus(timeCost.high) };
  return {
    id: option.id,
    mode: option.mode,
    name: option.name,
    route: [...option.route],
    cost: moneyRange(totals.cost, currency),
    transitDays: dayRange(days),
    co2e: totals.co2 && { kg: totals.co2.kg.toFixed(1), tonneKm: totals.co2.tonneKm.toFixed() },
    timeCost: moneyRange(timeCost, currency),
    generalisedCost: moneyRange(generalised, currency),
    legs: option.legs.map((l) => l.leg),
    confidence: totals.confidence,
    warnings: option.warnings ? [...option.warnings] : itemWarnings(option, currency),
    notes: [...option.notes],
    ruleVersions: option.ruleVersions,
  };
}

/** How many placeholder items an alternative's warnings name before summing up the rest. */
const WARNED_ITEMS = 5;

/** The illustrative items of an alternative, largest (by the high end of the range) first, in plain words. */
function itemWarnings(option: PricedOption, currency: string): string[] {
  const items = option.legs
    .flatMap((l) => l.leg.items)
    .filter((i) => i.confidence === 'illustrative')
    .sort((a, b) => amount(b.amount.high.amount).comparedTo(amount(a.amount.high.amount)));
  const named = items.slice(0, WARNED_ITEMS).map((i) => {
    const { low, high } = i.amount;
    const range = low.amount === high.amount ? low.amount : `${low.amount}–${high.amount}`;
    return `${range} ${currency} rests on an illustrative placeholder, not a published figure: ${i.description} (${i.rule.file} at ${i.rule.path})`;
  });
  if (items.length > WARNED_ITEMS)
    named.push(`${items.length - WARNED_ITEMS} more illustrative figure(s) behind this option: see its legs`);
  return named;
}

function conversionInfos(
  rates: RatesResult | undefined,
  used: ReadonlyMap<string, Conversion>,
): ConversionInfo[] {
  const all = [
    ...(rates?.options ?? []).flatMap((o) => o.byRailway.map((s) => s.conversion)),
    ...[...used.values()].map((c) => c.info),
  ].filter((info) => info.method !== 'none');
  const seen = new Set<string>();
  return all.filter((info) => {
    const key = `${info.method}|${info.from}|${info.to}|${info.rate}|${info.date ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
