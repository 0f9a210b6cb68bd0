import { type MemoKey, memoCache, memoised } from '../../core/memo.js';
import {
  type Amount,
  formatFigure,
  moneyOf,
  roundAmount,
  sum,
  toDecimalString,
  ZERO,
} from '../../core/money.js';
import type { ThroughRateAmount } from '../../rule-set/corridor-agreement.js';
import { weakestConfidence } from '../../rule-set/rule-ref.js';
import { type Conversion, marketConversion } from '../convert.js';
import type { OptionInput, Priced } from '../option-input.js';
import type { LegPrice } from '../price-leg.js';
import { conversionLine } from '../quote-lines.js';
import { railwayShare } from '../railway-share.js';
import type { CorridorSummary, QuoteLine } from '../rate-option.js';
import { type ApportionedShare, apportion } from './apportion.js';
import type { AppliedThroughRate } from './corridor-terms.js';
import {
  type GaugeChangeCharge,
  gaugeChangeCharges,
  gaugeChangeFormula,
  gaugeChangeNote,
} from './gauge-change.js';

/**
 * An agreed through rate replaces the local tariffs of the railways it covers, apportioned between them — unless it
 * would cost the shipper more than those local tariffs (then they apply, and a note says so).
 */
export function applyThroughRate(
  input: OptionInput,
  localTotals: readonly Amount[],
  notes: string[],
): { priced: ReadonlyMap<string, Priced>; summary: NonNullable<CorridorSummary['throughRate']> } | undefined {
  const decided = decide(input, localTotals, notes);
  if (!decided) return undefined;
  const { rate, unit, gauge, covered } = decided;
  const { currency, shipment } = input;
  const count = shipment.unit.count;
  const gaugeNote = gaugeChangeNote(input, rate, input.terms.throughRate?.agreement.name ?? rate.id);
  if (gaugeNote) notes.push(gaugeNote);
  const priced = new Map<string, Priced>();
  for (const [i, leg] of covered.entries()) {
    const unitShare = unit.shares[i];
    if (!unitShare) continue;
    const { share, converted, local, line } = unitShare;
    const shareTotal = share.amount.times(count);
    const shareMoney = moneyOf(shareTotal, rate.currency);
    const lines: QuoteLine[] = [
      {
        ...line,
        formula: count > 1 ? `${line.formula}; × ${count} units = ${unit.money(shareTotal)}` : line.formula,
        amount: shareMoney,
      },
    ];
    let total = converted.times(count);
    let localTotal = local.times(count);
    if (unit.toRequested.info.method !== 'none') {
      lines.push(
        conversionLine(
          share.railway,
          unit.toRequested,
          share.amount,
          converted,
          count,
          total,
          currency,
          `${share.railway} through-rate share`,
        ),
      );
    }
    for (const g of gauge) {
      if (g.leg !== leg) continue;
      const n = g.once ? 1 : count;
      lines.push(...gaugeChangeLines(g, rate.id, n, currency));
      total = total.plus(g.converted.times(n));
      localTotal = localTotal.plus(g.value.times(n));
    }
    const regimeCurrency = leg.regime.currency;
    priced.set(share.railway, {
      lines,
      total,
      vat: ZERO,
      share: railwayShare(leg, shipment.unit.kind, {
        total: moneyOf(total, currency),
        local: moneyOf(localTotal, regimeCurrency),
        vat: undefined,
        conversion: unit.toRequested.info,
        confidence: weakestConfidence(lines.map((l) => l.confidence)),
        throughRate: {
          share: shareMoney,
          basis: share.basis,
          localTariff: moneyOf(leg.localTotal, regimeCurrency),
        },
      }),
    });
  }
  return {
    priced,
    summary: {
      id: rate.id,
      total: moneyOf(unit.perUnit.times(count), rate.currency),
      railways: [...rate.railways],
    },
  };
}

/**
 * A route's total when an agreed through rate replaces the local tariffs it covers, given each leg's local total in
 * the requested currency; undefined when no through rate applies.
 */
export function throughRateTotal(input: OptionInput, localTotals: readonly Amount[]): Amount | undefined {
  const decided = decide(input, localTotals);
  if (!decided) return undefined;
  const { railways } = decided.rate;
  return sum([
    decided.throughTotal,
    ...localTotals.filter((_, i) => !railways.includes(input.legs[i]?.leg.railway ?? '')),
  ]);
}

/** Whether the through rate applies: only when it costs the shipper no more than the local tariffs it replaces. */
function decide(input: OptionInput, localTotals: readonly Amount[], notes?: string[]) {
  const applied = input.terms.throughRate;
  if (!applied) return undefined;
  const { rate, agreement } = applied;
  const { currency } = input;
  const covers = (i: number) => rate.railways.includes(input.legs[i]?.leg.railway ?? '');
  const covered = input.legs.filter((_, i) => covers(i));
  const unit = perUnitShares(applied, input, covered);
  const count = input.shipment.unit.count;
  const gauge = gaugeChangeCharges(input, rate, covered);
  const throughTotal = sum([
    unit.convertedTotal.times(count),
    ...gauge.map((g) => g.converted.times(g.once ? 1 : count)),
  ]);
  const localCovered = sum(localTotals.filter((_, i) => covers(i)));
  if (throughTotal.gt(localCovered)) {
    notes?.push(
      `${agreement.name}, through rate ${rate.id}: ${formatFigure(throughTotal)} ${currency} would exceed the local tariffs of ${rate.railways.join(', ')} (${formatFigure(localCovered)} ${currency}); local tariffs apply`,
    );
    return undefined;
  }
  return { rate, unit, throughTotal, gauge, covered };
}

/** A gauge-change charge kept on top of a through rate, in the railway's currency, and its conversion. */
function gaugeChangeLines(g: GaugeChangeCharge, rateId: string, n: number, currency: string): QuoteLine[] {
  const railway = g.leg.leg.railway;
  const regimeCurrency = g.leg.regime.currency;
  const lines: QuoteLine[] = [
    {
      railway,
      kind: 'charge',
      description: `${g.charge.description} — not included in the agreed through rate ${rateId}`,
      formula: gaugeChangeFormula(g),
      amount: moneyOf(g.value.times(n), regimeCurrency),
      perUnit: moneyOf(g.value, regimeCurrency),
      inputs: Object.freeze({ distanceKm: g.leg.leg.km, basis: g.charge.basis, throughRate: rateId }),
      rule: g.charge.rule,
      reference: g.charge.reference,
      confidence: g.charge.confidence,
    },
  ];
  if (g.conversion.info.method !== 'none') {
    lines.push(
      conversionLine(
        railway,
        g.conversion,
        g.value,
        g.converted,
        n,
        g.converted.times(n),
        currency,
        `${railway} gauge-change charge`,
      ),
    );
  }
  return lines;
}

/** One railway's share of a through rate for one unit, in the rate's, the requested and its own currency. */
interface UnitShare {
  readonly share: ApportionedShare;
  readonly converted: Amount;
  readonly local: Amount;
  /** The quote line for one unit; the count multiplies it. */
  readonly line: QuoteLine;
}

interface UnitThroughRate {
  readonly perUnit: Amount;
  readonly shares: readonly UnitShare[];
  readonly convertedTotal: Amount;
  readonly toRequested: Conversion;
  readonly money: (value: Amount) => string;
}

const perUnitCache = memoCache<ThroughRateAmount, UnitThroughRate>();

/**
 * Everything about a through rate that does not depend on the number of units — its apportionment, the shares
 * converted to the requested and to each railway's currency, the line for one unit — depends only on the rules,
 * the distances, the currency, the date and the kind of unit: worked out once per rate amount and reused.
 */
function perUnitShares(
  { rate, amount: rateAmount, agreement }: AppliedThroughRate,
  input: OptionInput,
  covered: readonly LegPrice[],
): UnitThroughRate {
  const { shipment, currency, fx } = input;
  // The crossings and distances name the covered legs; the date, their regimes and so their currencies.
  const key: MemoKey[] = [currency, shipment.unit.kind, input.route.crossings, shipment.date];
  for (const l of covered) key.push(l.leg.km);
  return memoised(perUnitCache, rateAmount, key, () => {
    const legs = covered.map((l) => ({ railway: l.leg.railway, km: l.leg.km }));
    const totalKm = legs.reduce((acc, l) => acc + l.km, 0);
    let perUnit =
      rateAmount.perUnit ?? roundAmount((rateAmount.perUnitKm ?? ZERO).times(totalKm), rate.rounding);
    const shares = apportion(perUnit, legs, rate.apportionment, rate.rounding);
    if (rate.apportionment.method === 'own-rate') perUnit = sum(shares.map((s) => s.amount));
    const toRequested = marketConversion(fx, rate.currency, currency, shipment.date);
    const money = (v: Amount) => `${formatFigure(toDecimalString(v, rate.rounding.scale))} ${rate.currency}`;
    const unitName = shipment.unit.kind === 'container' ? 'box' : 'wagon';
    const rateText = rateAmount.perUnit
      ? `${money(rateAmount.perUnit)} per ${unitName}`
      : `${rateAmount.perUnitKm?.toFixed()} ${rate.currency}/${unitName}-km × ${formatFigure(totalKm)} km = ${money(perUnit)}`;
    const unitShares = shares.map((share, i): UnitShare => {
      const regimeCurrency = (covered[i] as LegPrice).regime.currency;
      return {
        share,
        converted: toRequested.convert(share.amount),
        local: marketConversion(fx, rate.currency, regimeCurrency, shipment.date).convert(share.amount),
        line: {
          railway: share.railway,
          kind: 'through-rate',
          description: `${rate.description}: ${share.railway} share — ${agreement.name}`,
          formula: `${rateText}; ${share.basis} → ${money(share.amount)}`,
          amount: moneyOf(share.amount, rate.currency),
          perUnit: moneyOf(share.amount, rate.currency),
          inputs: Object.freeze({
            throughRate: perUnit.toFixed(),
            apportionment: rate.apportionment.method,
            distanceKm: share.km,
            coveredKm: totalKm,
          }),
          rule: rateAmount.rule,
          reference: rateAmount.reference,
          confidence: rateAmount.confidence,
        },
      };
    });
    return {
      perUnit,
      shares: unitShares,
      convertedTotal: sum(unitShares.map((s) => s.converted)),
      toRequested,
      money,
    };
  });
}
