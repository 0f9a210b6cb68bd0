import { DomainError } from '../../core/domain-error.js';
import { type Amount, amount, formatFigure, roundAmount, toDecimalString } from '../../core/money.js';
import type { GuideShipment, K4Row, WagonTariff } from '../../rule-set/tariff-guide/wagon-tariff.js';
import type { ChainRecorder } from './chain-recorder.js';

export interface CorrectionInput {
  readonly km: number;
  readonly base: Amount;
  readonly shipment: GuideShipment;
  readonly wagons: number;
  /** The base rate of the same scheme and mass column at `atKm` (the largest distance of the previous belt). */
  readonly baseAt: (atKm: number) => Amount;
}

export function k4Row(tariff: WagonTariff, shipment: GuideShipment, wagons: number): K4Row {
  const row = tariff.shipmentK4.rows.find(
    (r) =>
      r.shipment === shipment &&
      (!r.wagons || (wagons >= r.wagons.min && (r.wagons.max === null || wagons <= r.wagons.max))),
  );
  if (!row) {
    throw new DomainError(
      'INVALID_REQUEST',
      `ТР-1 Table 5 has no row for a ${shipment} shipment of ${wagons} wagon(s)`,
      {
        pointer: '/units/shipmentType',
      },
    );
  }
  return row;
}

/**
 * ТР-1 points 16.7–16.8 with 17.2: the Table 5 coefficient as a correction of the base rate, no smaller in absolute
 * value than the correction at the largest distance of the previous belt.
 */
export function applyShipmentCorrection(
  tariff: WagonTariff,
  rec: ChainRecorder,
  input: CorrectionInput,
): Amount {
  const k4 = tariff.shipmentK4;
  const row = k4Row(tariff, input.shipment, input.wagons);
  const i = k4.belts.findIndex((b) => input.km >= b.fromKm && (b.toKm === null || input.km <= b.toKm));
  const belt = k4.belts[i];
  const factor = row.factors[i];
  if (!belt || factor === undefined)
    throw new DomainError('UNIT_NOT_CARRIED', `Table 5 has no belt for ${input.km} km`);
  const k = amount(factor);
  const d1 = roundAmount(input.base.times(k.minus(1)), rec.step);
  let correction = d1;
  const inputs: Record<string, string | number> = {
    row: row.id,
    belt: belt.id,
    factor,
    d1: toDecimalString(d1, 2),
  };
  let text = `16.7.1: ${formatFigure(toDecimalString(input.base, 2))} × (${factor} − 1) = ${formatFigure(toDecimalString(d1, 2))}`;
  const prev = k4.belts[i - 1];
  const kp = row.factors[i - 1];
  if (prev && prev.toKm !== null && kp !== undefined) {
    const baseP = input.baseAt(prev.toKm);
    const d2 = roundAmount(baseP.times(amount(kp).minus(1)), rec.step);
    inputs.previousBeltEndKm = prev.toKm;
    inputs.baseAtPreviousBeltEnd = toDecimalString(baseP, 2);
    inputs.previousFactor = kp;
    inputs.d2 = toDecimalString(d2, 2);
    text += `; 16.7.2: at ${prev.toKm} km ${formatFigure(toDecimalString(baseP, 2))} × (${kp} − 1) = ${formatFigure(toDecimalString(d2, 2))}`;
    if (d2.abs().gt(d1.abs())) correction = d2;
    text += `; 16.7.3: the larger in absolute value, ${formatFigure(toDecimalString(correction, 2))}`;
  }
  inputs.correction = toDecimalString(correction, 2);
  const corrected = input.base.plus(correction);
  return rec.amount(
    'coefficient',
    `shipment coefficient (Table 5 row ${row.id}, ${belt.id} km) as a correction of the base rate`,
    corrected,
    `${text}; 16.8: ${formatFigure(toDecimalString(input.base, 2))} ${correction.isNegative() ? '−' : '+'} ${formatFigure(toDecimalString(correction.abs(), 2))} = ${formatFigure(toDecimalString(corrected, 2))} RUB`,
    { reference: `${k4.reference}; row ${row.id}`, confidence: row.confidence, rule: row.rule },
    inputs,
  );
}
