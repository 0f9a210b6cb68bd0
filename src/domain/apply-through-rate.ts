import { type ApportionedShare, apportion } from './apportion.js';
import { marketConversion } from './convert.js';
import type { ThroughRate } from './corridor.js';
import { memoised } from './memo.js';
import { type Amount, formatFigure, roundAmount, sum, toDecimalString, ZERO } from './money.js';
import { moneyOf } from './money-format.js';
import type { LegPrice } from './price-leg.js';
import type { OptionInput, Priced } from './price-route.js';
import type { QuoteLine } from './quote.js';
import { conversionLine } from './quote-lines.js';

/**
 * An agreed through rate replaces the local tariffs of the railways it covers, apportioned between them — unless it
 * would cost the shipper more than those local tariffs (then they apply, and a note says so).
 */
export function applyThroughRate(input: OptionInput, priced: readonly Priced[], notes: string[]) {
  const applied = input.terms.throughRate;
  if (!applied) return undefined;
  const { rate, amount: rateAmount, agreement } = applied;
  const { shipment, currency, fx } = input;
  const count = shipment.unit.count;
  const covered = input.legs.filter((l) => rate.railways.includes(l.leg.railway));
  const legs = covered.map((l) => ({ railway: l.leg.railway, km: l.leg.km }));
  const totalKm = legs.reduce((acc, l) => acc + l.km, 0);
  let perUnit =
    rateAmount.perUnit ?? roundAmount((rateAmount.perUnitKm ?? ZERO).times(totalKm), rate.rounding);
  const shares = apportionOnce(rate, perUnit, legs);
  if (rate.apportionment.method === 'own-rate') perUnit = sum(shares.map((s) => s.amount));

  const toRequested = marketConversion(fx, rate.currency, currency, shipment.date);
  const convertedShares = shares.map((s) => toRequested.convert(s.amount));
  const throughTotal = sum(convertedShares).times(count);
  const localCovered = sum(priced.filter((p) => rate.railways.includes(p.share.railway)).map((p) => p.total));
  const label = `${agreement.name}, through rate ${rate.id}`;
  if (throughTotal.gt(localCovered)) {
    notes.push(
      `${label}: ${formatFigure(throughTotal)} ${currency} would exceed the local tariffs of ${rate.railways.join(', ')} (${formatFigure(localCovered)} ${currency}); local tariffs apply`,
    );
    return undefined;
  }
  const money = (v: Amount) => `${formatFigure(toDecimalString(v, rate.rounding.scale))} ${rate.currency}`;
  const unitName = shipment.unit.kind === 'container' ? 'box' : 'wagon';
  const rateText = rateAmount.perUnit
    ? `${money(rateAmount.perUnit)} per ${unitName}`
    : `${rateAmount.perUnitKm?.toFixed()} ${rate.currency}/${unitName}-km × ${formatFigure(totalKm)} km = ${money(perUnit)}`;
  const result = priced.map((p): Priced => {
    const index = shares.findIndex((s) => s.railway === p.share.railway);
    const share = shares[index];
    const converted = convertedShares[index];
    if (!share || !converted) return p;
    const leg = covered[index] as LegPrice;
    const lines: QuoteLine[] = [
      {
        railway: share.railway,
        kind: 'through-rate',
        description: `${rate.description}: ${share.railway} share — ${agreement.name}`,
        formula:
          `${rateText}; ${share.basis} → ${money(share.amount)}` +
          (count > 1 ? `; × ${count} units = ${money(share.amount.times(count))}` : ''),
        amount: moneyOf(share.amount.times(count), rate.currency),
        perUnit: moneyOf(share.amount, rate.currency),
        inputs: {
          throughRate: perUnit.toFixed(),
          apportionment: rate.apportionment.method,
          distanceKm: share.km,
          coveredKm: totalKm,
        },
        rule: rateAmount.rule,
        reference: rateAmount.reference,
        confidence: rateAmount.confidence,
      },
    ];
    const total = converted.times(count);
    if (toRequested.info.method !== 'none') {
      lines.push(
        conversionLine(
          share.railway,
          toRequested,
          share.amount,
          converted,
          count,
          total,
          currency,
          `${share.railway} through-rate share`,
        ),
      );
    }
    const inRailwayCurrency = marketConversion(fx, rate.currency, leg.regime.currency, shipment.date);
    return {
      lines,
      total,
      share: {
        ...p.share,
        total: moneyOf(total, currency),
        local: moneyOf(inRailwayCurrency.convert(share.amount).times(count), leg.regime.currency),
        conversion: toRequested.info,
        throughRate: {
          share: moneyOf(share.amount.times(count), rate.currency),
          basis: share.basis,
          localTariff: p.share.local,
        },
      },
    };
  });
  return {
    priced: result,
    summary: {
      id: rate.id,
      total: moneyOf(perUnit.times(count), rate.currency),
      railways: [...rate.railways],
    },
  };
}

const apportioned = new WeakMap<ThroughRate, Map<string, ApportionedShare[]>>();

/** Apportionment depends only on the rate, its amount and the distances: memoised per through rate. */
function apportionOnce(rate: ThroughRate, perUnit: Amount, legs: readonly { railway: string; km: number }[]) {
  const key = `${perUnit.toFixed()}|${legs.map((l) => `${l.railway}:${l.km}`).join(',')}`;
  return memoised(apportioned, rate, key, () => apportion(perUnit, legs, rate.apportionment, rate.rounding));
}
