import { isDomainError } from '../core/domain-error.js';
import { amount, formatFigure } from '../core/money.js';
import type { RateOption } from '../pricing/rate-option.js';
import type {
  AlternativeRoute,
  EmissionFactor,
  Estimate,
  PortLeg,
  RailLeg,
  SeaLeg,
} from '../rule-set/alternative-cards.js';
import type { Confidence } from '../rule-set/tariff.js';
import { addEstimates, days1, point, showEstimate, weakest } from './compare-figures.js';
import { applies, finishLeg, type ItemContext, priceItem, unitsOf } from './price-items.js';
import { priceRoadLeg } from './price-road-leg.js';
import { emissionsOf, type PricedLeg, type PricedOption } from './priced-option.js';
import { railLeg } from './rail-alternative-leg.js';

/** What pricing an alternative needs from the comparison: the shipment, conversions and the rail engine. */
export interface AlternativeContext extends ItemContext {
  readonly origin: string;
  readonly destination: string;
  readonly factors: ReadonlyMap<string, EmissionFactor>;
  /** The cheapest rail option between two stations for the same shipment (throws a DomainError if none). */
  rail(from: string, to: string): RateOption;
}

export type AlternativeOutcome =
  | { readonly ok: true; readonly option: PricedOption }
  | { readonly ok: false; readonly reason: string };

class Unavailable extends Error {}

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
  return finishLeg(
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
  return finishLeg(
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
