import { type Amount, amount, formatFigure, sum } from '../core/money.js';
import type { Conversion } from '../pricing/convert.js';
import type { Shipment } from '../pricing/shipment.js';
import type { AlternativeItem, Estimate } from '../rule-set/alternative-cards.js';
import { asMoney, days1, money2, showEstimate, weakest } from './compare-figures.js';
import type { ComparedItem } from './compare-result.js';
import type { PricedLeg } from './priced-option.js';

/** Pricing the items of an alternative's legs: which apply, how many basis units, conversion, the leg's totals. */
export interface ItemContext {
  readonly shipment: Shipment;
  /** The requested currency. */
  readonly currency: string;
  readonly massTonnes: Amount;
  /** The declared-rate conversion from a rate card's currency into the requested one. */
  conversion(from: string): Conversion;
}

const TEU: Record<string, number> = { '20': 1, '30': 1.5, '40': 2, '45': 2.25 };

export function applies(item: AlternativeItem, shipment: Shipment): boolean {
  const unit = shipment.unit;
  if ((item.basis === 'box' || item.basis === 'teu') && unit.kind !== 'container') return false;
  const when = item.when;
  if (when.unitKind !== undefined && when.unitKind !== unit.kind) return false;
  if (when.sizes !== undefined && (unit.size === undefined || !when.sizes.includes(unit.size))) return false;
  if (when.loaded !== undefined && when.loaded !== unit.loaded) return false;
  return true;
}

export function unitsOf(shipment: Shipment): string {
  const u = shipment.unit;
  return u.kind === 'container' ? `${u.size} ft containers` : 'cargo in wagons (bulk)';
}

/** How many basis units a shipment is: boxes, TEU, tonnes, trucks or one shipment. */
function quantity(item: AlternativeItem, ctx: ItemContext, trucks: number): { qty: Amount; unit: string } {
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

export function priceItem(
  item: AlternativeItem,
  currency: string,
  ctx: ItemContext,
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
export function convertItem(
  local: Estimate,
  currency: string,
  ctx: ItemContext,
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

/** A leg's cost is the sum of its items as shown (each already at the currency scale); days to 0.1. */
export function finishLeg(
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
