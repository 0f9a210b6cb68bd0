import { DomainError } from './domain-error.js';
import { failedCondition } from './match-when.js';
import { type Amount, amount, formatFigure, type Rounding, roundAmount, ZERO } from './money.js';
import { moneyOf } from './money-format.js';
import type { QuoteLine } from './quote.js';
import type { Leg } from './routes.js';
import type { LegContext, Shipment } from './shipment.js';
import type { Band, Charge, Coefficient, Regime, TariffInForce } from './tariff.js';

/** One railway's charge for its leg, in its own currency, with the lines that explain it. */
export interface LegPrice {
  readonly leg: Leg;
  readonly tariff: TariffInForce;
  readonly regime: Regime;
  /** Per unit, after the total rounding. */
  readonly unitTotal: Amount;
  /** Charges levied once per shipment. */
  readonly shipmentTotal: Amount;
  /** unitTotal × count + shipmentTotal. */
  readonly localTotal: Amount;
  readonly lines: readonly QuoteLine[];
}

interface Component {
  readonly charge: Charge;
  readonly isBase: boolean;
  value: Amount;
}

export function priceLeg(
  tariff: TariffInForce,
  leg: Leg,
  shipment: Shipment,
  routeStations: ReadonlySet<string>,
): LegPrice {
  const ctx: LegContext = {
    shipment,
    direction: leg.direction,
    entersAt: leg.from,
    leavesAt: leg.to,
    km: leg.km,
    routeStations,
  };
  const regime = tariff.regimes.find((r) => r.directions.includes(leg.direction));
  if (!regime) {
    throw new DomainError(
      'UNIT_NOT_CARRIED',
      `${leg.railway} has no tariff regime for ${leg.direction} traffic`,
      {
        railway: leg.railway,
      },
    );
  }
  const base = regime.rates.find((rate) => failedCondition(rate.when, ctx) === undefined);
  if (!base) throw notCarried(leg, shipment, regime);

  const count = shipment.unit.count;
  const currency = regime.currency;
  const lines: QuoteLine[] = [];
  const perUnit: Component[] = [];
  let shipmentTotal = ZERO;
  for (const charge of [base, ...regime.charges.filter((c) => failedCondition(c.when, ctx) === undefined)]) {
    const { value, formula, inputs } = evaluateCharge(
      charge,
      leg.km,
      shipment,
      currency,
      regime.stepRounding,
    );
    const once = charge.basis === 'shipment';
    if (once) shipmentTotal = shipmentTotal.plus(value);
    else perUnit.push({ charge, isBase: charge === base, value });
    lines.push(
      line(
        leg,
        charge === base ? 'rate' : 'charge',
        charge.description,
        formula,
        value,
        once ? 1 : count,
        currency,
        inputs,
        charge,
      ),
    );
  }

  const coefficients = regime.coefficients.filter((c) => failedCondition(c.when, ctx) === undefined);
  for (const component of perUnit) {
    const applicable = coefficients.filter((c) =>
      c.appliesTo.length === 0 ? component.isBase : c.appliesTo.includes(component.charge.id),
    );
    if (applicable.length > 0) applyCoefficients(component, applicable, regime, leg, count, lines);
  }

  const subtotal = perUnit.reduce((acc, c) => acc.plus(c.value), ZERO);
  const rounding = regime.totalRounding[shipment.unit.kind];
  const unitTotal = roundAmount(subtotal, rounding);
  if (!unitTotal.eq(subtotal)) {
    lines.push({
      railway: leg.railway,
      kind: 'rounding',
      description: `Total rounded to ${rounding.scale} decimal place(s), ${rounding.mode}`,
      formula: `${formatFigure(subtotal)} ${currency} → ${formatFigure(unitTotal)} ${currency}`,
      amount: moneyOf(unitTotal.minus(subtotal).times(count), currency),
      perUnit: moneyOf(unitTotal.minus(subtotal), currency),
      inputs: { subtotal: subtotal.toFixed(), scale: rounding.scale, mode: rounding.mode },
      rule: { ...regime.rule, path: `${regime.rule.path}.rounding.total` },
      reference: tariff.version.reference,
      confidence: tariff.version.confidence,
    });
  }
  return {
    leg,
    tariff,
    regime,
    unitTotal,
    shipmentTotal,
    localTotal: unitTotal.times(count).plus(shipmentTotal),
    lines,
  };
}

/** The amount per basis unit (box, wagon, tonne, axle) a rate table gives for a distance, before any coefficient. */
export function rateAt(
  charge: Charge,
  km: number,
  step: Rounding,
): { rate: Amount; band: Band; distance: number } {
  const distance = charge.distanceStepKm ? Math.ceil(km / charge.distanceStepKm) * charge.distanceStepKm : km;
  const band = findBand(charge, distance);
  return { rate: roundAmount(band.fixed.plus(band.perKm.times(distance)), step), band, distance };
}

function evaluateCharge(charge: Charge, km: number, shipment: Shipment, currency: string, step: Rounding) {
  const { rate, band, distance } = rateAt(charge, km, step);
  const quantity =
    charge.basis === 'tonne'
      ? shipment.unit.chargedMassTonnes
      : charge.basis === 'axle'
        ? shipment.unit.axles
        : 1;
  const value = roundAmount(rate.times(quantity), step);

  const parts: string[] = [];
  if (!band.perKm.isZero()) parts.push(`${formatFigure(distance)} km × ${band.perKmFigure} ${currency}/km`);
  if (!band.fixed.isZero() || parts.length === 0) parts.push(`${band.fixedFigure} ${currency}`);
  const stepNote =
    distance !== km
      ? `${formatFigure(km)} km → ${formatFigure(distance)} km (${charge.distanceStepKm} km steps); `
      : '';
  const unitLabel = charge.basis === 'tonne' ? 't' : charge.basis === 'axle' ? 'axles' : '';
  const shown = (v: Amount) => `${formatFigure(v.toFixed(step.scale))} ${currency}`;
  let formula: string;
  if (quantity === 1 && unitLabel === '') {
    formula = band.perKm.isZero()
      ? `${shown(value)} per ${charge.basis === 'shipment' ? 'shipment' : 'unit'}`
      : `${stepNote}${parts.join(' + ')} = ${shown(value)}`;
  } else {
    const rateText = parts.length === 1 && band.perKm.isZero() ? '' : `(${parts.join(' + ')}) = `;
    formula = `${stepNote}${rateText}${shown(rate)}/${charge.basis} × ${formatFigure(quantity)} ${unitLabel} = ${shown(value)}`;
  }
  const inputs: Record<string, string | number> = { distanceKm: km, basis: charge.basis };
  if (distance !== km) inputs.chargedDistanceKm = distance;
  if (!charge.isFormula) inputs.band = `${band.fromKm}–${band.toKm ?? '…'} km`;
  if (!band.fixed.isZero()) inputs.fixed = band.fixedFigure.replaceAll(' ', '');
  if (!band.perKm.isZero()) inputs.perKm = band.perKmFigure.replaceAll(' ', '');
  if (charge.basis === 'tonne') inputs.chargedMassTonnes = quantity;
  if (charge.basis === 'axle') inputs.axles = quantity;
  return { value, formula, inputs };
}

function findBand(charge: Charge, km: number): Band {
  for (const band of charge.bands) {
    if (km >= band.fromKm && (band.toKm === undefined || km <= band.toKm)) return band;
  }
  throw new DomainError(
    'UNIT_NOT_CARRIED',
    `${km} km is beyond the distance table of ${charge.rule.file} ${charge.rule.path}`,
  );
}

function applyCoefficients(
  component: Component,
  applicable: readonly Coefficient[],
  regime: Regime,
  leg: Leg,
  count: number,
  lines: QuoteLine[],
) {
  const step = regime.stepRounding;
  const currency = regime.currency;
  const multiplyAll = regime.reductions.combine === 'multiply';
  const sequential = multiplyAll ? applicable : applicable.filter((c) => c.factor.gt(1));
  for (const coefficient of sequential) {
    const before = component.value;
    component.value = roundAmount(before.times(coefficient.factor), step);
    lines.push(
      line(
        leg,
        coefficient.factor.lt(1) ? 'reduction' : 'coefficient',
        `${coefficient.description} (on ${component.charge.id})`,
        `${formatFigure(before.toFixed(step.scale))} ${currency} × ${coefficient.factorText} = ${formatFigure(component.value.toFixed(step.scale))} ${currency}`,
        component.value.minus(before),
        count,
        currency,
        { factor: coefficient.factorText, appliedTo: component.charge.id },
        coefficient,
      ),
    );
  }
  if (multiplyAll) return;
  const reductions = applicable.filter((c) => c.factor.lt(1));
  if (reductions.length === 0) return;
  const { factor, chosen, explanation } = combineReductions(reductions, regime);
  const before = component.value;
  component.value = roundAmount(before.times(factor), step);
  lines.push(
    line(
      leg,
      'reduction',
      `${explanation} (on ${component.charge.id})`,
      `${formatFigure(before.toFixed(step.scale))} ${currency} × ${factor.toFixed()} = ${formatFigure(component.value.toFixed(step.scale))} ${currency}`,
      component.value.minus(before),
      count,
      currency,
      {
        factor: factor.toFixed(),
        combine: regime.reductions.combine,
        competing: reductions.map((r) => `${r.id} ×${r.factorText}`).join(', '),
        appliedTo: component.charge.id,
      },
      chosen,
    ),
  );
}

/** Several reductions on one charge combine as the regime says; CIS terms take the largest. */
export function combineReductions(reductions: readonly Coefficient[], regime: Regime) {
  const describe = (c: Coefficient) => `×${c.factorText} ${c.description}`;
  if (reductions.length === 1) {
    const only = reductions[0] as Coefficient;
    return { factor: only.factor, chosen: only, explanation: only.description };
  }
  const { combine, cap } = regime.reductions;
  if (combine === 'largest') {
    const chosen = reductions.reduce((best, c) => (c.factor.lt(best.factor) ? c : best));
    const others = reductions.filter((c) => c !== chosen).map(describe);
    return {
      factor: chosen.factor,
      chosen,
      explanation: `largest reduction applied: ${describe(chosen)}; not combined with ${others.join(', ')}`,
    };
  }
  const totalCut = reductions.reduce((acc, c) => acc.plus(amount(1).minus(c.factor)), ZERO);
  const cut = combine === 'add-capped' && cap !== undefined && totalCut.gt(cap) ? cap : totalCut;
  const factor = atLeastZero(amount(1).minus(cut));
  const capped = cut !== totalCut ? ` (capped at ${cap?.times(100).toFixed()} %)` : '';
  return {
    factor,
    chosen: reductions[0] as Coefficient,
    explanation: `reductions added${capped}: ${reductions.map(describe).join(' + ')}`,
  };
}

function atLeastZero(value: Amount): Amount {
  return value.isNegative() ? ZERO : value;
}

function line(
  leg: Leg,
  kind: QuoteLine['kind'],
  description: string,
  formula: string,
  perUnit: Amount,
  count: number,
  currency: string,
  inputs: Record<string, string | number>,
  source: Charge | Coefficient,
): QuoteLine {
  const total = perUnit.times(count);
  return {
    railway: leg.railway,
    kind,
    description,
    formula: count === 1 ? formula : `${formula}; × ${count} units = ${formatFigure(total)} ${currency}`,
    amount: moneyOf(total, currency),
    perUnit: moneyOf(perUnit, currency),
    inputs,
    rule: source.rule,
    reference: source.reference,
    confidence: source.confidence,
  };
}

function notCarried(leg: Leg, shipment: Shipment, regime: Regime): DomainError {
  const u = shipment.unit;
  const what =
    u.kind === 'container'
      ? `${u.loaded ? 'loaded' : 'empty'} ${u.size ?? '?'} ft ${u.ownership === 'private' ? 'private' : 'railway-owned'} container`
      : `${u.loaded ? 'loaded' : 'empty'} ${u.ownership === 'private' ? 'private' : 'railway-owned'} wagon (class ${shipment.cargo.tariffClass})`;
  return new DomainError(
    'UNIT_NOT_CARRIED',
    `${leg.railway} (${regime.name}) has no rate for a ${what} in ${leg.direction} traffic`,
    { railway: leg.railway, pointer: '/units' },
  );
}
