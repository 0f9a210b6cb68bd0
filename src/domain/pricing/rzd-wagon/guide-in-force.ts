import type { IsoDate } from '../../core/dates.js';
import { DomainError } from '../../core/domain-error.js';
import type {
  GuideAmendment,
  VatDirection,
  VatRate,
  WagonTariff,
} from '../../rule-set/tariff-guide/wagon-tariff.js';

/** ТР-1 point 3: the tariff of the acceptance (waybill) date — the edition, its indexations and VAT of that date. */

function within(date: IsoDate, from: IsoDate, to: IsoDate | null): boolean {
  return date >= from && (to === null || date <= to);
}

export function editionInForce(tariff: WagonTariff, date: IsoDate): boolean {
  return within(date, tariff.edition.effectiveFrom, tariff.edition.effectiveTo);
}

/**
 * Does the chain price a wagon on the date: the edition in force, or a date of `carriedBack` before it (Price List
 * 10-01, same structure, at the level of the date).
 */
export function chainInForce(tariff: WagonTariff, date: IsoDate): boolean {
  if (editionInForce(tariff, date)) return true;
  const back = tariff.edition.carriedBack;
  return back !== undefined && date >= back.from && date < tariff.edition.effectiveFrom;
}

/**
 * Before the edition: the history indexations (already inside the base rates) that took effect after the date, in
 * date order — the rates of the date are the base rates divided by each of them.
 */
export function levelsAfter(tariff: WagonTariff, date: IsoDate): readonly GuideAmendment[] {
  if (date >= tariff.edition.effectiveFrom) return [];
  return tariff.amendments
    .filter((a) => a.embeddedInBaseRates && a.effectiveFrom > date)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
}

/** Indexations and surcharges in force on the date for one part of the charge; history already in the rates is left out. */
export function indexationsInForce(
  tariff: WagonTariff,
  date: IsoDate,
  part: GuideAmendment['appliesTo'][number],
): readonly GuideAmendment[] {
  return tariff.amendments.filter(
    (a) =>
      !a.embeddedInBaseRates && within(date, a.effectiveFrom, a.effectiveTo) && a.appliesTo.includes(part),
  );
}

/** The VAT rate for the direction on the date (domestic, export, import; transit has none in the guide). */
export function vatInForce(tariff: WagonTariff, date: IsoDate, direction: string): VatRate | undefined {
  if (direction === 'transit') return undefined;
  const found = tariff.vat.find(
    (v) => v.directions.includes(direction as VatDirection) && within(date, v.effectiveFrom, v.effectiveTo),
  );
  if (!found) {
    throw new DomainError(
      'NO_TARIFF_IN_FORCE',
      `${tariff.id} gives no VAT rate for ${direction} carriage on ${date}`,
      {
        pointer: '/acceptanceDate',
      },
    );
  }
  return found;
}
