import { addDays, type IsoDate } from '../../core/dates.js';
import { memoCache, memoised } from '../../core/memo.js';
import type { ConversionInfo } from '../rate-option.js';

/**
 * How far a figure may run past its own date before a quote says it is carried forward: railway tariffs and
 * corridor agreements are re-issued every freight year, so a version more than a year old with nothing after it
 * is an old figure used for a later date; the exchange rates in `fx/` are dated every half year.
 */
export const CARRY_FORWARD_DAYS = { tariff: 365, fx: 183 } as const;

export interface DatedFigure {
  /** What the figure is, in words: "RZD tariff version 2026-01-01 (railways/RZD/2026-01-01.yaml)". */
  readonly what: string;
  readonly from: IsoDate;
  /** The figure's own end; a figure that ends never carries forward. */
  readonly to?: IsoDate | undefined;
}

/** A warning per figure whose own date lies more than the allowed span before the acceptance date. */
export function carriedForward(
  figures: readonly DatedFigure[],
  date: IsoDate,
  spanDays: number = CARRY_FORWARD_DAYS.tariff,
): string[] {
  const warnings: string[] = [];
  for (const f of figures) {
    if (f.to !== undefined) continue;
    if (date <= addDays(f.from, spanDays)) continue;
    warnings.push(
      `carried forward: ${f.what} took effect on ${f.from}, ${daysBetween(f.from, date)} days before the acceptance date ${date}; ` +
        'no later version is published, so its figures are used as they stand',
    );
  }
  return warnings;
}

const ratesCarried = memoCache<ConversionInfo, readonly string[]>();

/**
 * The exchange rates of a conversion that are older than the fx span on the acceptance date (memoised: a
 * conversion is worked out once from the rules and never changes).
 */
export function carriedForwardRates(conversion: ConversionInfo, date: IsoDate): readonly string[] {
  const rateDates = conversion.date;
  if (conversion.method !== 'market' || !rateDates) return [];
  return memoised(ratesCarried, conversion, date, () => ratesCarriedForward(conversion, rateDates, date));
}

function ratesCarriedForward(
  conversion: ConversionInfo,
  rateDates: string,
  date: IsoDate,
): readonly string[] {
  return carriedForward(
    rateDates
      .split(', ')
      .map((d) => ({ what: `the exchange rate ${conversion.from} → ${conversion.to} dated ${d}`, from: d })),
    date,
    CARRY_FORWARD_DAYS.fx,
  ).map((w) => w.replace('no later version is published', 'no later rate is in the rules'));
}

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
