import type { UnitKind } from '../rule-set/tariff.js';
import type { LegPrice } from './price-leg.js';
import type { RailwayShare } from './rate-option.js';

/** What a railway's share says besides its leg: its amounts, their conversion and their weakest label. */
export type ShareFigures = Pick<
  RailwayShare,
  'total' | 'local' | 'vat' | 'conversion' | 'confidence' | 'throughRate'
>;

/** One railway's share of an option: its leg as priced, with the figures the option settled on. */
export function railwayShare(leg: LegPrice, unitKind: UnitKind, figures: ShareFigures): RailwayShare {
  const { railway, from, to, km, distance, direction } = leg.leg;
  return {
    railway,
    from,
    to,
    distanceKm: km,
    distance,
    direction,
    regime: leg.regime.id,
    total: figures.total,
    local: figures.local,
    vat: figures.vat,
    conversion: figures.conversion,
    confidence: figures.confidence,
    transitDays: roundDays(km / leg.tariff.version.speedKmPerDay[unitKind]),
    throughRate: figures.throughRate,
  };
}

/** Days to one decimal place. */
export function roundDays(days: number): number {
  return Math.round(days * 10) / 10;
}
