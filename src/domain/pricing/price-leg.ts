import { DomainError } from '../core/domain-error.js';
import { memoCache, memoised } from '../core/memo.js';
import {
  type Amount,
  formatFigure,
  perCount,
  type Rounding,
  roundAmount,
  sum,
  toDecimalString,
  ZERO,
} from '../core/money.js';
import type { Leg } from '../rule-set/find-routes.js';
import type { Band, Charge, Regime, TariffInForce } from '../rule-set/tariff.js';
import { applyCoefficients, type Component } from './apply-coefficients.js';
import { selectRules } from './conditions/select-rules.js';
import type { LegTerms } from './corridor/corridor-terms.js';
import { addLine, figure, type LineContext } from './quote-lines.js';
import type { QuoteLine } from './rate-option.js';
import { chainInForce } from './rzd-wagon/guide-in-force.js';
import { priceWagonLeg } from './rzd-wagon/price-wagon-leg.js';
import { addVat, type LegVat } from './rzd-wagon/vat.js';
import type { LegContext, Shipment } from './shipment.js';

/** One railway's charge for its leg, in its own currency, with the lines that explain it. */
export interface LegPrice {
  readonly leg: Leg;
  readonly tariff: TariffInForce;
  readonly regime: Regime;
  /** Per unit, after the total rounding. */
  readonly unitTotal: Amount;
  /** Charges levied once per shipment. */
  readonly shipmentTotal: Amount;
  /** unitTotal × count + shipmentTotal, before VAT. */
  readonly localTotal: Amount;
  readonly lines: readonly QuoteLine[];
  /** VAT on localTotal, where the regime's tariff guide states a rate. */
  readonly vat?: LegVat | undefined;
}

/**
 * Prices one railway's leg under the regime for its direction: the first matching rate, every matching charge,
 * the coefficients in force (and any corridor terms on the rate), each step rounded as the regime says.
 */
export function priceLeg(
  tariff: TariffInForce,
  ctx: LegContext,
  leg: Leg,
  terms?: LegTerms,
  withLines = true,
): LegPrice {
  const { shipment } = ctx;
  const regime = tariff.regimes.find((r) => r.directions.includes(leg.direction));
  if (!regime) {
    throw new DomainError(
      'UNIT_NOT_CARRIED',
      `${leg.railway} has no tariff regime for ${leg.direction} traffic`,
      {
        railway: leg.railway,
        pointer: '/units',
      },
    );
  }
  const out: LineContext = {
    leg,
    count: shipment.unit.count,
    currency: regime.currency,
    step: regime.stepRounding,
    lines: [],
    withLines,
  };
  const guide = regime.tariffGuide;
  if (guide && shipment.unit.kind === 'wagon' && chainInForce(guide, shipment.date)) {
    const own = selectRules(regime, ctx).coefficients.filter((c) => c.appliesTo.length === 0);
    const wagon = priceWagonLeg(
      guide,
      shipment,
      leg,
      out,
      own.map((c) => ({
        factor: c.factorText,
        label: `${c.description} (${tariff.version.railway} ${tariff.version.effectiveFrom}, coefficient ${c.id})`,
        source: c,
      })),
    );
    return {
      leg,
      tariff,
      regime,
      unitTotal: ZERO,
      shipmentTotal: wagon.total,
      localTotal: wagon.total,
      lines: out.lines,
      vat: wagon.vat,
    };
  }
  const selected = selectRules(regime, ctx);
  const { base } = selected;
  if (!base) throw notCarried(leg, shipment, regime);

  const perUnit: Component[] = [];
  let shipmentTotal = ZERO;
  const fixed = terms?.fixedRate;
  for (const charge of [base, ...selected.charges]) {
    const isBase = charge === base;
    if (isBase && fixed?.term.rate?.kind === 'fixed') {
      const value = fixed.term.rate.perUnit;
      perUnit.push({ charge, isBase, value });
      const description = `Priority cargo ${fixed.term.name}: fixed rate instead of ${charge.description} — ${fixed.agreement.name}`;
      addLine(
        out,
        'rate',
        description,
        `${figure(value, out)} per unit`,
        value,
        1,
        { fixedRate: value.toFixed() },
        fixed.term,
      );
      continue;
    }
    const { value, formula, inputs } = evaluateCharge(charge, leg.km, shipment, out);
    const once = charge.basis === 'shipment';
    if (once) shipmentTotal = shipmentTotal.plus(value);
    else perUnit.push({ charge, isBase, value });
    addLine(
      out,
      isBase ? 'rate' : 'charge',
      charge.description,
      formula,
      value,
      once ? 1 : out.count,
      inputs,
      charge,
    );
  }

  const { coefficients } = selected;
  for (const component of perUnit) {
    if (component.isBase && fixed) continue;
    const own = coefficients.filter((c) =>
      c.appliesTo.length === 0 ? component.isBase : c.appliesTo.includes(component.charge.id),
    );
    applyCoefficients(component, own, component.isBase ? terms : undefined, regime.reductions, out);
  }

  const subtotal = sum(perUnit.map((c) => c.value));
  const rounding = regime.totalRounding[shipment.unit.kind];
  const unitTotal = roundAmount(subtotal, rounding);
  if (withLines && !unitTotal.eq(subtotal)) {
    addLine(
      out,
      'rounding',
      `Total rounded to ${rounding.scale} decimal place(s), ${rounding.mode}`,
      `${formatFigure(subtotal)} ${regime.currency} → ${formatFigure(unitTotal)} ${regime.currency}`,
      unitTotal.minus(subtotal),
      out.count,
      { subtotal: subtotal.toFixed(), scale: rounding.scale, mode: rounding.mode },
      {
        reference: tariff.version.reference,
        confidence: tariff.version.confidence,
        rule: { ...regime.rule, path: `${regime.rule.path}.rounding.total` },
      },
    );
  }
  const localTotal = perCount(unitTotal, out.count, shipmentTotal);
  return {
    leg,
    tariff,
    regime,
    unitTotal,
    shipmentTotal,
    localTotal,
    lines: out.lines,
    // VAT is shown on itemised legs only; a leg priced for its figures (ranking, a replaced leg) does without it
    vat: guide && withLines ? addVat(guide, shipment.date, leg.direction, localTotal, out) : undefined,
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

const valued = memoCache<Charge, Amount>();

/** A charge per basis unit at a distance for a quantity, rounded as the regime's step says (memoised per rule). */
export function chargeValue(charge: Charge, km: number, quantity: number, step: Rounding): Amount {
  return memoised(valued, charge, [step.scale, step.mode, quantity, km], () =>
    roundAmount(rateAt(charge, km, step).rate.times(quantity), step),
  );
}

interface EvaluatedCharge {
  readonly value: Amount;
  readonly formula: string;
  readonly inputs: Readonly<Record<string, string | number>>;
}

const evaluated = memoCache<Charge, EvaluatedCharge>();

/**
 * A charge per basis unit at a distance, with its formula: it depends only on the rule, the distance, the quantity
 * (tonnes, axles) and the regime's currency and step rounding, so it is worked out once per rule and reused.
 */
function evaluateCharge(charge: Charge, km: number, shipment: Shipment, out: LineContext): EvaluatedCharge {
  const { currency, step, withLines } = out;
  const quantity =
    charge.basis === 'tonne'
      ? shipment.unit.chargedMassTonnes
      : charge.basis === 'axle'
        ? shipment.unit.axles
        : 1;
  return memoised(evaluated, charge, [currency, step.scale, step.mode, withLines, quantity, km], () =>
    evaluate(charge, km, quantity, currency, step, withLines),
  );
}

function evaluate(
  charge: Charge,
  km: number,
  quantity: number,
  currency: string,
  step: Rounding,
  withLines: boolean,
): EvaluatedCharge {
  const { rate, band, distance } = rateAt(charge, km, step);
  const value = roundAmount(rate.times(quantity), step);
  if (!withLines) return { value, formula: '', inputs: {} };

  const parts: string[] = [];
  if (!band.perKm.isZero()) parts.push(`${formatFigure(distance)} km × ${band.perKmFigure} ${currency}/km`);
  if (!band.fixed.isZero() || parts.length === 0) parts.push(`${band.fixedFigure} ${currency}`);
  const stepNote =
    distance !== km
      ? `${formatFigure(km)} km → ${formatFigure(distance)} km (${charge.distanceStepKm} km steps); `
      : '';
  const unitLabel = charge.basis === 'tonne' ? 't' : charge.basis === 'axle' ? 'axles' : '';
  const shown = (v: Amount) => `${formatFigure(toDecimalString(v, step.scale))} ${currency}`;
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
  return { value, formula, inputs: Object.freeze(inputs) };
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

function notCarried(leg: Leg, shipment: Shipment, regime: Regime): DomainError {
  const u = shipment.unit;
  const owner = u.ownership === 'private' ? 'private' : 'railway-owned';
  const what =
    u.kind === 'container'
      ? `${u.loaded ? 'loaded' : 'empty'} ${u.size ?? '?'} ft ${owner} container`
      : `${u.loaded ? 'loaded' : 'empty'} ${owner} wagon (class ${shipment.cargo.tariffClass})`;
  return new DomainError(
    'UNIT_NOT_CARRIED',
    `${leg.railway} (${regime.name}) has no rate for a ${what} in ${leg.direction} traffic`,
    { railway: leg.railway, pointer: '/units' },
  );
}
