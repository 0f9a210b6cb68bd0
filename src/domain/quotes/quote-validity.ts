import { addDays, endOfQuarter, type IsoDate } from '../core/dates.js';

/** One railway's say in how long a quote stays valid: `quoteValidityDays` of its version in force. */
export interface ValidityTerm {
  readonly railway: string;
  readonly version: string;
  readonly days: number;
}

/** What set `validUntil`: the railways' days from issue, or the end of the acceptance date's quarter. */
export const VALIDITY_LIMITS = ['days', 'quarter'] as const;

/** How long an issued quote binds the railways, and why. */
export interface QuoteValidity {
  /** Last day (inclusive) on which the quote may be booked on. */
  readonly validUntil: IsoDate;
  readonly issuedOn: IsoDate;
  /** The smallest `quoteValidityDays` of the railways on the route. */
  readonly days: number;
  readonly terms: ValidityTerm[];
  /** The end of the freight-year quarter of the acceptance date. */
  readonly endOfQuarter: IsoDate;
  readonly limitedBy: (typeof VALIDITY_LIMITS)[number];
  /** The rule as applied, in words. */
  readonly explanation: string;
}

/**
 * A quote is valid until the sooner of (issue date + the smallest `quoteValidityDays` of the railways it uses)
 * and the last day of the freight-year quarter of its acceptance date: transit tariffs and payment coefficients
 * are set per quarter, so no railway honours a price past the quarter it was computed for.
 */
export function quoteValidity(
  issuedOn: IsoDate,
  acceptanceDate: IsoDate,
  terms: readonly ValidityTerm[],
): QuoteValidity {
  if (terms.length === 0) throw new Error('a quote uses at least one railway');
  const shortest = terms.reduce((a, b) => (b.days < a.days ? b : a));
  const byDays = addDays(issuedOn, shortest.days);
  const quarterEnd = endOfQuarter(acceptanceDate);
  const limitedBy = byDays <= quarterEnd ? 'days' : 'quarter';
  const validUntil = limitedBy === 'days' ? byDays : quarterEnd;
  return {
    validUntil,
    issuedOn,
    days: shortest.days,
    terms: [...terms],
    endOfQuarter: quarterEnd,
    limitedBy,
    explanation:
      `valid until ${validUntil}: the sooner of ${issuedOn} + ${shortest.days} days ` +
      `(${shortest.railway} ${shortest.version}, the shortest quoteValidityDays on the route) = ${byDays} ` +
      `and the end of the quarter of acceptance date ${acceptanceDate} = ${quarterEnd}`,
  };
}

/** A quote is expired from the day after its `validUntil`. */
export function isExpired(validUntil: IsoDate, today: IsoDate): boolean {
  return today > validUntil;
}
