import { type Amount, amount } from '../core/money.js';
import type { RailwayShare, RateOption } from '../pricing/rate-option.js';
import type { EmissionFactor, LegStage } from '../rule-set/alternative-cards.js';
import type { RuleRef } from '../rule-set/tariff.js';
import { point, weakest } from './compare-figures.js';
import type { ComparedItem } from './compare-result.js';
import { emissionsOf, type PricedLeg } from './priced-option.js';

/**
 * One rail option of the engine as a compared leg: its total and transit days as calculateRates found them, one item
 * per railway share (the rule of that railway's rate line; the full itemisation is POST /v1/rates').
 */
export function railLeg(
  option: RateOption,
  stage: LegStage,
  massTonnes: Amount,
  factor: EmissionFactor | undefined,
): PricedLeg {
  const km = option.route.distanceKm;
  const { emissions, co2Kg, tonneKm } = emissionsOf(massTonnes, km, factor);
  const items = option.byRailway.map((share) => railItem(option, share));
  const stations = option.route.stations;
  const dwell = option.transit.crossings.reduce((acc, c) => acc + c.dwellHours, 0);
  const range = option.transitDaysRange;
  return {
    cost: point(amount(option.total.amount)),
    days: { low: amount(range.low), high: amount(range.high) },
    co2Kg,
    tonneKm,
    confidence: weakest([...option.lines.map((l) => l.confidence), ...(factor ? [factor.confidence] : [])]),
    leg: {
      stage,
      mode: 'rail',
      from: stations[0] ?? '',
      to: stations.at(-1) ?? '',
      description: `Rail ${stations.join(' → ')}`,
      km,
      cost: { low: option.total, high: option.total },
      days: { low: range.low, high: range.high },
      daysFormula:
        option.transit.legs
          .map((l) => `${l.railway} ${l.distanceKm} km ÷ ${l.speedKmPerDay} km/day`)
          .join(' + ') +
        (dwell > 0 ? ` + ${dwell} h at border crossings (processing and the queue at each)` : '') +
        ` = ${option.transitDays} days expected, ${range.low}–${range.high} days from no queue to long waits`,
      emissions,
      items,
      rule: items[0]?.rule ?? { file: '', version: '', path: '' },
    },
  };
}

function railItem(option: RateOption, share: RailwayShare): ComparedItem {
  const lines = option.lines.filter((l) => l.railway === share.railway);
  const main = lines.find((l) => l.kind === 'rate') ?? lines[0];
  const converted = share.local.currency !== share.total.currency;
  const rule: RuleRef = main?.rule ?? { file: '', version: '', path: '' };
  return {
    description: `${share.railway} ${share.from} → ${share.to}, ${share.distanceKm} km ${share.direction} (${share.regime}), ~${share.transitDays} days`,
    formula: converted
      ? `${share.local.amount} ${share.local.currency} → ${share.total.amount} ${share.total.currency} (${share.conversion.method} rate ${share.conversion.rate})`
      : `${share.total.amount} ${share.total.currency}`,
    amount: { low: share.total, high: share.total },
    local: converted ? { low: share.local, high: share.local } : undefined,
    rule,
    reference: main?.reference ?? '',
    confidence: weakest(lines.map((l) => l.confidence)),
  };
}
