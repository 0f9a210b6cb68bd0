import { DomainError } from '../../core/domain-error.js';
import { formatFigure, toDecimalString } from '../../core/money.js';
import type { GuideShipment, WagonTariff } from '../../rule-set/tariff-guide/wagon-tariff.js';
import { ChainRecorder } from './chain-recorder.js';
import { indexationFactors, type PricedPart } from './loaded-run.js';
import { baseRate } from './rate-lookup.js';
import { applyShipmentCorrection } from './shipment-correction.js';

export interface EmptyLegInput {
  readonly part: 'empty run' | 'empty leg of a general-fleet wagon';
  readonly scheme: string;
  readonly km: number;
  readonly axles: number;
  readonly shipment: GuideShipment;
  readonly wagons: number;
  readonly date: string;
  /** How the distance was obtained (point 16.5.1: 60 % of the loaded run). */
  readonly distanceNote?: string | undefined;
}

/**
 * One empty leg, per wagon: an own wagon's empty run (Table 17) or a general-fleet wagon's empty leg (point 16.5.1).
 * Base per axle → Table 5 correction → empty-run coefficient → indexation → × axles → to kopecks.
 */
export function emptyLeg(tariff: WagonTariff, input: EmptyLegInput): PricedPart {
  const rec = new ChainRecorder(tariff);
  const base = baseRate(tariff, input.scheme, input.km);
  if (base.table.unit !== 'per-axle') {
    throw new DomainError(
      'INVALID_RULES',
      `${tariff.id} scheme ${input.scheme}: empty-run rates are per axle`,
    );
  }
  let v = rec.amount(
    'charge',
    `ТР-1 scheme ${input.scheme} ${input.part}, base rate per axle, ${base.belt.fromKm}–${base.belt.toKm} km`,
    base.rate,
    `${input.distanceNote ? `${input.distanceNote}; ` : ''}${input.km} km in belt ${base.belt.fromKm}–${base.belt.toKm} km: ${formatFigure(toDecimalString(base.rate, 2))} RUB per axle`,
    base.source,
    { distanceKm: input.km, basis: 'axle' },
  );
  const k4 = tariff.shipmentK4;
  if (tariff.emptyRun.shipmentCoefficient.applies && k4.appliesToSchemes.includes(input.scheme)) {
    v = applyShipmentCorrection(tariff, rec, {
      km: input.km,
      base: v,
      shipment: input.shipment,
      wagons: input.wagons,
      baseAt: (atKm) => baseRate(tariff, input.scheme, atKm).rate,
    });
  }
  for (const c of tariff.emptyRun.coefficients.filter((x) => x.schemes.includes(input.scheme))) {
    v = rec.multiply(v, { factor: c.factor, label: `empty-run coefficient (${c.id})`, source: c });
  }
  for (const f of indexationFactors(tariff, { date: input.date }, 'empty-run')) v = rec.multiply(v, f);
  v = rec.multiply(v, {
    factor: String(input.axles),
    label: `× ${input.axles} axles`,
    source: { ...base.source, reference: `${base.table.reference}; rate per axle` },
  });
  const settled = rec.settle(v, `scheme ${input.scheme}`);
  return { part: input.part, scheme: input.scheme, steps: rec.steps, amount: settled };
}

export function emptySchemeFor(tariff: WagonTariff, kind: string) {
  return tariff.emptyRun.schemeByWagonKind.find((r) => r.wagonKinds.includes(kind));
}
