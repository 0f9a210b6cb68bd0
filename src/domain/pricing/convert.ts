import type { IsoDate } from '../core/dates.js';
import { memoCache, memoised } from '../core/memo.js';
import { type Amount, amount, formatFigure, type Rounding, roundAmount } from '../core/money.js';
import { coefficientInForce, type FxRate, type FxRules, missingRate, rateInForce } from '../rule-set/fx.js';
import type { Confidence, Regime, RuleRef, UnitKind } from '../rule-set/tariff.js';
import type { ConversionInfo } from './rate-option.js';

const MARKET_ROUNDING: Rounding = { scale: 2, mode: 'half-up' };

export interface Conversion {
  readonly info: ConversionInfo;
  /** Converts a per-unit amount and rounds it as the conversion says. */
  readonly convert: (value: Amount) => Amount;
  readonly formula: (value: Amount, result: Amount) => string;
  readonly rule?: RuleRef | undefined;
  readonly reference: string;
  readonly confidence: Confidence;
}

/**
 * How a regime's amounts become the requested currency on a date: the CIS payment coefficient where the regime
 * declares one for that currency, otherwise the declared market rates (direct, inverse, or crossed through USD).
 */
function buildConversion(
  fx: FxRules,
  regime: Regime,
  to: string,
  date: IsoDate,
  unitKind: UnitKind,
): Conversion {
  const from = regime.currency;
  if (from === to) return identity(to);
  if (regime.conversion) {
    const found = coefficientInForce(fx, regime.conversion.table, to, date);
    if (found) {
      const rounding = regime.conversion.rounding[unitKind];
      const period = found.period;
      return {
        info: {
          method: 'coefficient',
          from,
          to,
          rate: amount(1).dividedBy(found.value).toSignificantDigits(12).toFixed(),
          date: period.from,
          source: `${regime.conversion.table} payment coefficient ${found.value.toFixed()} (${period.from} to ${period.to}): ${period.reference}`,
        },
        convert: (v) => divided(v, found.value, rounding),
        formula: (v, r) =>
          `${formatFigure(v)} ${from} ÷ ${found.value.toFixed()} (payment coefficient ${to}, ${period.from}–${period.to}) = ${formatFigure(r)} ${to}`,
        rule: period.rule,
        reference: period.reference,
        confidence: period.confidence,
      };
    }
  }
  return marketConversion(fx, from, to, date);
}

function identity(currency: string): Conversion {
  return {
    info: { method: 'none', from: currency, to: currency, rate: '1', source: 'same currency' },
    convert: (v) => v,
    formula: (v) => `${formatFigure(v)} ${currency}`,
    reference: 'no conversion',
    confidence: 'sourced',
  };
}

/** Conversion at the declared market rates in force on a date (direct, inverse, or crossed through USD). */
function buildMarketConversion(fx: FxRules, from: string, to: string, date: IsoDate): Conversion {
  if (from === to) return identity(to);
  const direct = rateInForce(fx, from, to, date);
  const inverse = rateInForce(fx, to, from, date);
  let rate: Amount;
  let used: FxRate[];
  let shown: string;
  if (direct) {
    rate = direct.rate;
    used = [direct];
    shown = `× ${direct.rate.toFixed()} ${to}/${from}`;
  } else if (inverse) {
    rate = amount(1).dividedBy(inverse.rate);
    used = [inverse];
    shown = `÷ ${inverse.rate.toFixed()} ${from}/${to}`;
  } else {
    const fromUsd = rateInForce(fx, 'USD', from, date);
    const toUsd = rateInForce(fx, 'USD', to, date);
    if (!fromUsd || !toUsd) throw missingRate(from, to, date);
    rate = toUsd.rate.dividedBy(fromUsd.rate);
    used = [fromUsd, toUsd];
    shown = `÷ ${fromUsd.rate.toFixed()} ${from}/USD × ${toUsd.rate.toFixed()} ${to}/USD`;
  }
  const weakest = used.some((u) => u.confidence === 'illustrative')
    ? 'illustrative'
    : used.some((u) => u.confidence === 'approximate')
      ? 'approximate'
      : 'sourced';
  return {
    info: {
      method: 'market',
      from,
      to,
      rate: rate.toSignificantDigits(12).toFixed(),
      date: used
        .map((u) => u.date)
        .sort()
        .at(-1),
      source: used
        .map((u) => `${u.base}/${u.quote} ${u.rate.toFixed()} on ${u.date}: ${u.reference}`)
        .join('; '),
    },
    convert: (v) => roundAmount(v.times(rate), MARKET_ROUNDING),
    formula: (v, r) =>
      `${formatFigure(v)} ${from} ${shown} (${used.map((u) => u.date).join(', ')}) = ${formatFigure(r)} ${to}`,
    rule: used[0]?.rule,
    reference: used.map((u) => u.reference).join('; '),
    confidence: weakest,
  };
}

const quotients = memoCache<Amount, Amount>();

/**
 * An amount divided by a payment coefficient and rounded, kept per coefficient (a figure of the rules) and amount: a
 * division costs ten multiplications, and the amounts a conversion meets recur (tariff tables give a few hundred).
 */
function divided(value: Amount, coefficient: Amount, rounding: Rounding): Amount {
  return memoised(quotients, coefficient, [rounding.scale, rounding.mode, value.toFixed()], () =>
    roundAmount(value.dividedBy(coefficient), rounding),
  );
}

/** Conversions depend only on immutable rules, the currency and the date: memoised per regime. */
const byRegime = memoCache<Regime, Conversion>();

export function conversionFor(
  fx: FxRules,
  regime: Regime,
  to: string,
  date: IsoDate,
  unitKind: UnitKind,
): Conversion {
  return memoised(byRegime, regime, [to, unitKind, date], () =>
    buildConversion(fx, regime, to, date, unitKind),
  );
}

const byRates = memoCache<FxRules, Conversion>();

/** Conversion at the declared market rates in force on a date (memoised: the rates never change once loaded). */
export function marketConversion(fx: FxRules, from: string, to: string, date: IsoDate): Conversion {
  return memoised(byRates, fx, [from, to, date], () => buildMarketConversion(fx, from, to, date));
}
