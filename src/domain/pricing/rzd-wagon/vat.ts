import type { IsoDate } from '../../core/dates.js';
import { type Amount, formatFigure, roundAmount, toDecimalString } from '../../core/money.js';
import type { WagonTariff } from '../../rule-set/tariff-guide/wagon-tariff.js';
import { addLine, type LineContext } from '../quote-lines.js';
import { vatInForce } from './guide-in-force.js';

/** VAT on a railway's charge: the guide's rate for the direction on the acceptance date, on the total before VAT. */
export interface LegVat {
  readonly rate: string;
  readonly amount: Amount;
}

/** Adds the `vat` line (also at 0 %, so that the quote says which rate applied) and returns the VAT. */
export function addVat(
  tariff: WagonTariff,
  date: IsoDate,
  direction: string,
  beforeVat: Amount,
  out: LineContext,
): LegVat | undefined {
  const rate = vatInForce(tariff, date, direction);
  if (!rate) return undefined;
  const rounding = tariff.edition.rounding.vat;
  const vat = roundAmount(beforeVat.times(rate.rate), rounding);
  const percent = Number(rate.rate) * 100;
  addLine(
    out,
    'vat',
    `VAT ${percent} % on ${direction} carriage (rate in force on ${date}), added to the charge before VAT`,
    `${formatFigure(beforeVat.toFixed())} ${out.currency} × ${rate.rate} = ${formatFigure(toDecimalString(vat, rounding.scale))} ${out.currency}`,
    vat,
    1,
    { rate: rate.rate, direction, beforeVat: beforeVat.toFixed() },
    rate,
  );
  return { rate: rate.rate, amount: vat };
}
