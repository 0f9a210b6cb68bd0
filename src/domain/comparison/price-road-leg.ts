import { amount, formatFigure } from '../core/money.js';
import type { AlternativeRoute, EmissionFactor, Estimate, RoadLeg } from '../rule-set/alternative-cards.js';
import type { Confidence } from '../rule-set/tariff.js';
import { addEstimates, days1, showEstimate, weakest } from './compare-figures.js';
import type { ComparedItem } from './compare-result.js';
import { applies, convertItem, finishLeg, type ItemContext, priceItem } from './price-items.js';
import { emissionsOf, type PricedLeg } from './priced-option.js';

/**
 * A road leg: per-km rates per segment × trucks, border and transload stops with their charges and days, driving
 * days from the truck's km per day. A change of truck carrier (Iran's bar on foreign trucks loading onward) is a
 * transload stop the rule file must declare.
 */
export function priceRoadLeg(
  leg: RoadLeg,
  route: AlternativeRoute,
  ctx: ItemContext & { readonly factors: ReadonlyMap<string, EmissionFactor> },
): PricedLeg {
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
  return finishLeg(
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
function trucksFor(leg: RoadLeg, ctx: ItemContext): number {
  const unit = ctx.shipment.unit;
  if (unit.kind === 'container') return Math.ceil(unit.count / leg.truck.boxesPerTruck);
  return Math.max(1, ctx.massTonnes.dividedBy(leg.truck.payloadTonnes).ceil().toNumber());
}
