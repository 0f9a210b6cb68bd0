import type {
  AlternativeItem,
  AlternativeRoute,
  EmissionFactor,
  Estimate,
  PortLeg,
  RailLeg,
  RoadLeg,
  SeaLeg,
} from './alternatives.js';
import { addEstimates, asMoney, days1, money2, point, showEstimate, weakest } from './compare-figures.js';
import type { ComparedItem } from './comparison.js';
import type { Conversion } from './convert.js';
import { isDomainError } from './domain-error.js';
import { type Amount, amount, formatFigure, sum } from './money.js';
import { emissionsOf, type PricedLeg, type PricedOption } from './priced-leg.js';
import type { RateOption } from './quote.js';
import { railLeg } from './rail-leg.js';
import type { Shipment } from './shipment.js';
import type { Confidence } from './tariff.js';

/** What pricing an alternative needs from the comparison: the shipment, conversions and the rail engine. */
export interface AlternativeContext {
  readonly origin: string;
  readonly destination: string;
  readonly shipment: Shipment;
  readonly currency: string;
  readonly massTonnes: Amount;
  readonly factors: ReadonlyMap<string, EmissionFactor>;
  /** The declared-rate conversion from a rate card's currency into the requested one. */
  conversion(from: string): Conversion;
  /** The cheapest rail option between two stations for the same shipment (throws a DomainError if none). */
  rail(from: string, to: string): RateOption;
}

export type AlternativeOutcome =
  | { readonly ok: true; readonly option: PricedOption }
  | { readonly ok: false; readonly reason: string };

class Unavailable extends Error {}

const TEU: Record<string, number> = { '20': 1, '30': 1.5, '40': 2, '45': 2.25 };

/** Prices one alternative route for the shipment, leg by leg; says why when it cannot carry it. */
export function priceAlternative(route: AlternativeRoute, ctx: AlternativeContext): AlternativeOutcome {
  const first = route.legs[0];
  const last = route.legs.at(-1);
  const start = first?.kind === 'port' ? first.at : first?.from;
  const end = last?.kind === 'port' ? last.at : last?.to;
  const opens = start === 'origin' ? 'any origin reached by rail' : start;
  const closes = end === 'destination' ? 'any destination reached by rail' : end;
  if ((start !== 'origin' && start !== ctx.origin) || (end !== 'destination' && end !== ctx.destination)) {
    return { ok: false, reason: `serves ${opens} → ${closes} only` };
  }
  try {
    const legs: PricedLeg[] = [];
    const notes: string[] = [...route.notes];
    for (const leg of route.legs) {
      if (leg.kind === 'rail') {
        const priced = priceRailLeg(leg, ctx);
        if (priced) legs.push(priced);
        else
          notes.push(
            `no ${leg.stage}: the shipment ${leg.stage === 'pre-carriage' ? 'starts' : 'ends'} at the port`,
          );
      } else if (leg.kind === 'sea') legs.push(priceSeaLeg(leg, route, ctx));
      else if (leg.kind === 'port') legs.push(pricePortLeg(leg, route, ctx));
      else legs.push(priceRoadLeg(leg, route, ctx));
    }
    const missing = legs.filter((l) => l.tonneKm !== undefined && l.co2Kg === undefined);
    if (missing.length > 0)
      notes.push('CO2e not computed: an emission factor this route names is not in force on the date');
    const stations = [legs[0]?.leg.from ?? '', ...legs.map((l) => l.leg.to)].filter(
      (s, i, all) => s !== all[i - 1],
    );
    return {
      ok: true,
      option: { id: route.id, mode: route.mode, name: route.name, route: stations, legs, notes },
    };
  } catch (error) {
    if (error instanceof Unavailable) return { ok: false, reason: error.message };
    if (isDomainError(error)) return { ok: false, reason: error.message };
    throw error;
  }
}

function priceRailLeg(leg: RailLeg, ctx: AlternativeContext): PricedLeg | undefined {
  const from = leg.from === 'origin' ? ctx.origin : leg.from;
  const to = leg.to === 'destination' ? ctx.destination : leg.to;
  if (from === to) return undefined;
  let option: RateOption;
  try {
    option = ctx.rail(from, to);
  } catch (error) {
    if (isDomainError(error)) throw new Unavailable(`${leg.stage} by rail ${from} → ${to}: ${error.message}`);
    throw error;
  }
  const priced = railLeg(option, leg.stage, ctx.massTonnes, ctx.factors.get(leg.emissionFactor));
  return { ...priced, leg: { ...priced.leg, rule: leg.rule } };
}

function priceSeaLeg(leg: SeaLeg, route: AlternativeRoute, ctx: AlternativeContext): PricedLeg {
  const rate = leg.rates.find((r) => applies(r, ctx.shipment));
  if (!rate) {
    throw new Unavailable(`the sea leg ${leg.from} → ${leg.to} has no rate for ${unitsOf(ctx.shipment)}`);
  }
  const items = [rate, ...leg.charges.filter((c) => applies(c, ctx.shipment))].map((i) =>
    priceItem(i, route.currency, ctx, 0),
  );
  const waiting: Estimate = leg.sailings
    ? { low: amount(0), high: days1(amount(30).dividedBy(leg.sailings.perMonth)) }
    : point(amount(0));
  const days = addEstimates([leg.days, waiting]);
  const factor = ctx.factors.get(leg.emissionFactor);
  const { emissions, co2Kg, tonneKm } = emissionsOf(ctx.massTonnes, leg.km, factor);
  const confidences: Confidence[] = [leg.confidence, ...items.map((i) => i.confidence)];
  if (leg.sailings) confidences.push(leg.sailings.confidence);
  if (factor) confidences.push(factor.confidence);
  return finish(
    items,
    days,
    {
      stage: leg.stage,
      mode: 'sea',
      from: leg.from,
      to: leg.to,
      description: `Sea ${leg.from} → ${leg.to}, ${formatFigure(leg.km)} km`,
      km: leg.km,
      daysFormula:
        `${showEstimate(leg.days, 'days')} at sea` +
        (leg.sailings
          ? ` + waiting for a sailing: ${leg.sailings.perMonth} a month, one every 30 ÷ ${leg.sailings.perMonth} = ${formatFigure(waiting.high)} days, so 0–${formatFigure(waiting.high)} days`
          : ''),
      emissions,
      rule: leg.rule,
    },
    { co2Kg, tonneKm, confidence: weakest(confidences) },
    ctx.currency,
  );
}

function pricePortLeg(leg: PortLeg, route: AlternativeRoute, ctx: AlternativeContext): PricedLeg {
  const items = leg.charges
    .filter((c) => applies(c, ctx.shipment))
    .map((i) => priceItem(i, route.currency, ctx, 0));
  return finish(
    items,
    leg.days,
    {
      stage: leg.stage,
      mode: 'port',
      from: leg.at,
      to: leg.at,
      description: `Port of ${leg.at}: handling and dwell`,
      daysFormula: `${showEstimate(leg.days, 'days')} in port`,
      rule: leg.rule,
    },
    { confidence: weakest([leg.confidence, ...items.map((i) => i.confidence)]) },
    ctx.currency,
  );
}

function priceRoadLeg(leg: RoadLeg, route: AlternativeRoute, ctx: AlternativeContext): PricedLeg {
  const trucks = trucksFor(leg, ctx);
  const items: ComparedItem[] = [];
  const stopDays: Estimate[] = [];
  for (const segment of leg.segments) {
    const local = {
      low: segment.perTruckKm.low.times(trucks * segment.km),
      high: segment.perTruckKm.high.times(trucks * segment.km),
    };
    items.push(
      convertItem(local, route.currency, ctx, {
        description: `${segment.description} (${segment.country}, ${segment.carrier} truck), ${formatFigure(segment.km)} km`,
        formula: `${trucks} truck(s) × ${formatFigure(segment.km)} km × ${showEstimate(segment.perTruckKm, `${route.currency}/truck-km`)}`,
        rule: segment.rule,
        reference: segment.reference,
        confidence: segment.confidence,
      }),
    );
    for (const stop of leg.stops.filter((s) => s.after === segment.id)) {
      stopDays.push(stop.days);
      for (const charge of stop.charges.filter((c) => applies(c, ctx.shipment))) {
        items.push(priceItem(charge, route.currency, ctx, trucks, `${stop.description}: `));
      }
    }
  }
  const km = leg.segments.reduce((acc, s) => acc + s.km, 0);
  const driving: Estimate = {
    low: days1(amount(km).dividedBy(leg.kmPerDay.high)),
    high: days1(amount(km).dividedBy(leg.kmPerDay.low)),
  };
  const days = addEstimates([driving, ...stopDays]);
  const factor = ctx.factors.get(leg.emissionFactor);
  const { emissions, co2Kg, tonneKm } = emissionsOf(ctx.massTonnes, km, factor);
  const confidences: Confidence[] = [leg.confidence, leg.truck.confidence, ...items.map((i) => i.confidence)];
  for (const stop of leg.stops) confidences.push(stop.confidence);
  if (factor) confidences.push(factor.confidence);
  const waits = leg.stops.map((s) => `${s.description} ${showEstimate(s.days, 'days')}`);
  return finish(
    items,
    days,
    {
      stage: leg.stage,
      mode: 'road',
      from: leg.from,
      to: leg.to,
      description: `Road ${leg.from} → ${leg.to}, ${formatFigure(km)} km, ${trucks} truck(s)`,
      km,
      daysFormula:
        `${formatFigure(km)} km ÷ ${leg.kmPerDay.high}–${leg.kmPerDay.low} km/day = ${showEstimate(driving, 'days')} driving` +
        (waits.length > 0 ? ` + ${waits.join(' + ')}` : ''),
      emissions,
      rule: leg.rule,
    },
    { co2Kg, tonneKm, confidence: weakest(confidences) },
    ctx.currency,
  );
}

/** Trucks needed: boxes per truck for containers, payload per truck for cargo carried in wagons by rail. */
function trucksFor(leg: RoadLeg, ctx: AlternativeContext): number {
  const unit = ctx.shipment.unit;
  if (unit.kind === 'container') return Math.ceil(unit.count / leg.truck.boxesPerTruck);
  return Math.max(1, ctx.massTonnes.dividedBy(leg.truck.payloadTonnes).ceil().toNumber());
}

function applies(item: AlternativeItem, shipment: Shipment): boolean {
  const unit = shipment.unit;
  if ((item.basis === 'box' || item.basis === 'teu') && unit.kind !== 'container') return false;
  const when = item.when;
  if (when.unitKind !== undefined && when.unitKind !== unit.kind) return false;
  if (when.sizes !== undefined && (unit.size === undefined || !when.sizes.includes(unit.size))) return false;
  if (when.loaded !== undefined && when.loaded !== unit.loaded) return false;
  return true;
}

function unitsOf(shipment: Shipment): string {
  const u = shipment.unit;
  return u.kind === 'container' ? `${u.size} ft containers` : 'cargo in wagons (bulk)';
}

/** How many basis units a shipment is: boxes, TEU, tonnes, trucks or one shipment. */
function quantity(
  item: AlternativeItem,
  ctx: AlternativeContext,
  trucks: number,
): { qty: Amount; unit: string } {
  const u = ctx.shipment.unit;
  switch (item.basis) {
    case 'box':
      return { qty: amount(u.count), unit: 'box(es)' };
    case 'teu':
      return { qty: amount(TEU[u.size ?? '20'] ?? 1).times(u.count), unit: 'TEU' };
    case 'tonne':
      return { qty: ctx.massTonnes, unit: 't' };
    case 'truck':
      return { qty: amount(trucks), unit: 'truck(s)' };
    case 'shipment':
      return { qty: amount(1), unit: 'shipment' };
  }
}

function priceItem(
  item: AlternativeItem,
  currency: string,
  ctx: AlternativeContext,
  trucks: number,
  prefix = '',
): ComparedItem {
  const { qty, unit } = quantity(item, ctx, trucks);
  const local = { low: item.amount.low.times(qty), high: item.amount.high.times(qty) };
  return convertItem(local, currency, ctx, {
    description: `${prefix}${item.description}`,
    formula: `${formatFigure(qty)} ${unit} × ${showEstimate(item.amount, currency)}`,
    rule: item.rule,
    reference: item.reference,
    confidence: item.confidence,
  });
}

/** Rounds a local range to the currency scale, converts it with the declared rate and shows both. */
function convertItem(
  local: Estimate,
  currency: string,
  ctx: AlternativeContext,
  base: Omit<ComparedItem, 'amount' | 'local'>,
): ComparedItem {
  const conversion = ctx.conversion(currency);
  const rounded = { low: money2(local.low), high: money2(local.high) };
  const converted = {
    low: money2(conversion.convert(rounded.low)),
    high: money2(conversion.convert(rounded.high)),
  };
  const same = conversion.info.method === 'none';
  return {
    ...base,
    formula:
      `${base.formula} = ${showEstimate(rounded, currency)}` +
      (same
        ? ''
        : ` × ${conversion.info.rate} ${ctx.currency}/${currency} = ${showEstimate(converted, ctx.currency)}`),
    amount: { low: asMoney(converted.low, ctx.currency), high: asMoney(converted.high, ctx.currency) },
    local: same ? undefined : { low: asMoney(rounded.low, currency), high: asMoney(rounded.high, currency) },
    confidence: weakest([base.confidence, conversion.confidence]),
  };
}

function finish(
  items: readonly ComparedItem[],
  days: Estimate,
  leg: Omit<PricedLeg['leg'], 'cost' | 'days' | 'items'>,
  extra: Pick<PricedLeg, 'co2Kg' | 'tonneKm' | 'confidence'>,
  currency: string,
): PricedLeg {
  const cost = {
    low: sum(items.map((i) => amount(i.amount.low.amount))),
    high: sum(items.map((i) => amount(i.amount.high.amount))),
  };
  const shownDays = { low: days1(days.low), high: days1(days.high) };
  return {
    ...extra,
    cost,
    days: shownDays,
    leg: {
      ...leg,
      cost: { low: asMoney(cost.low, currency), high: asMoney(cost.high, currency) },
      days: { low: shownDays.low.toNumber(), high: shownDays.high.toNumber() },
      items: [...items],
    },
  };
}
