import { memoisedPerOwner } from '../../core/memo.js';
import { type Amount, formatFigure } from '../../core/money.js';
import type { ThroughRate } from '../../rule-set/corridor-agreement.js';
import type { Charge } from '../../rule-set/tariff.js';
import { selectRules } from '../conditions/select-rules.js';
import type { Conversion } from '../convert.js';
import type { OptionInput } from '../option-input.js';
import { chargeValue, type LegPrice } from '../price-leg.js';
import { legContext } from './corridor-terms.js';

/** A railway's own gauge-change charge kept on top of an agreed through rate that does not include it. */
export interface GaugeChangeCharge {
  readonly leg: LegPrice;
  readonly charge: Charge;
  /** Per unit in the railway's tariff currency (or once per shipment, when the charge says so). */
  readonly value: Amount;
  readonly once: boolean;
  readonly conversion: Conversion;
  /** `value` in the requested currency. */
  readonly converted: Amount;
}

/**
 * The gauge-change charges of the legs an agreed through rate replaces — charges the tariff levies at a crossing of
 * the route where the gauge changes (container transfer, wheelset exchange) — when the agreement says its rate does
 * not include the gauge change. An agreement that includes it, or says nothing, adds none (a note says which).
 */
export function gaugeChangeCharges(
  input: OptionInput,
  rate: ThroughRate,
  covered: readonly LegPrice[],
): GaugeChangeCharge[] {
  if (rate.gaugeChange?.included !== false) return [];
  const stations = gaugeStations(input);
  if (stations.size === 0) return [];
  const found: GaugeChangeCharge[] = [];
  for (const leg of covered) {
    if (!stations.has(leg.leg.from) && !stations.has(leg.leg.to)) continue;
    found.push(...legCharges(input, leg, stations));
  }
  return found;
}

/** The leg's charges levied at the gauge-change stations where it starts or ends. */
function legCharges(input: OptionInput, leg: LegPrice, gauge: ReadonlySet<string>): GaugeChangeCharge[] {
  const { shipment } = input;
  const found: GaugeChangeCharge[] = [];
  const ends = (s: string) => gauge.has(s) && (s === leg.leg.from || s === leg.leg.to);
  const ctx = legContext(leg.leg, input.route, shipment);
  for (const charge of selectRules(leg.regime, ctx).charges) {
    const { leavesAt = [], entersAt = [] } = charge.when;
    if (!leavesAt.some(ends) && !entersAt.some(ends)) continue;
    const quantity =
      charge.basis === 'tonne'
        ? shipment.unit.chargedMassTonnes
        : charge.basis === 'axle'
          ? shipment.unit.axles
          : 1;
    const value = chargeValue(charge, leg.leg.km, quantity, leg.regime.stepRounding);
    const conversion = input.conversionOf(leg);
    found.push({
      leg,
      charge,
      value,
      once: charge.basis === 'shipment',
      conversion,
      converted: conversion.convert(value),
    });
  }
  return found;
}

/** Words for the notes: whether the agreed rate includes the gauge change at the route's gauge-change crossings. */
export function gaugeChangeNote(
  input: OptionInput,
  rate: ThroughRate,
  agreementName: string,
): string | undefined {
  const crossings = input.route.crossings.filter((c) => c.gaugeChange !== 'none');
  if (crossings.length === 0) return undefined;
  const where = crossings.map((c) => `${c.name} (${c.gaugeChange})`).join(', ');
  const terms = rate.gaugeChange;
  if (!terms)
    return `${agreementName}, through rate ${rate.id}: the agreement does not say whether its rate includes the gauge change at ${where}; no gauge-change charge is added to it`;
  return terms.included
    ? `${agreementName}, through rate ${rate.id}: the agreed rate includes the gauge change at ${where} (${terms.reference})`
    : `${agreementName}, through rate ${rate.id}: the agreed rate does not include the gauge change at ${where}; the railway's own gauge-change charge is added (${terms.reference})`;
}

export function gaugeChangeFormula(g: GaugeChangeCharge): string {
  return `${formatFigure(g.value)} ${g.leg.regime.currency} per ${g.once ? 'shipment' : 'unit'}, not included in the agreed through rate`;
}

const stationsOf = new WeakMap<OptionInput['route']['crossings'], ReadonlySet<string>>();

/** The stations of the route's gauge-change crossings (once per route's crossings: they never change once found). */
function gaugeStations({ route: { crossings } }: OptionInput): ReadonlySet<string> {
  return memoisedPerOwner(
    stationsOf,
    crossings,
    () => new Set(crossings.filter((c) => c.gaugeChange !== 'none').flatMap((c) => c.stations)),
  );
}
