import type { IsoDate } from '../core/dates.js';
import { withinWindow } from '../core/dates.js';
import { DomainError } from '../core/domain-error.js';
import type { Amount } from '../core/money.js';
import type { RuleRef, Sourced } from './tariff.js';

/** 1 base = rate × quote, in force from its date until the next one. */
export interface FxRate extends Sourced {
  readonly date: IsoDate;
  readonly base: string;
  readonly quote: string;
  readonly rate: Amount;
  readonly rule: RuleRef;
}

export interface CoefficientPeriod extends Sourced {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly coefficients: ReadonlyMap<string, Amount>;
  readonly rule: RuleRef;
}

export interface CoefficientTable {
  readonly id: string;
  readonly name: string;
  readonly periods: readonly CoefficientPeriod[];
}

export interface FxRules {
  /** Per "BASE/QUOTE", sorted by date ascending. */
  readonly rates: ReadonlyMap<string, readonly FxRate[]>;
  readonly tables: ReadonlyMap<string, CoefficientTable>;
}

export function rateInForce(fx: FxRules, base: string, quote: string, date: IsoDate): FxRate | undefined {
  const series = fx.rates.get(`${base}/${quote}`);
  if (!series) return undefined;
  let found: FxRate | undefined;
  for (const rate of series) {
    if (rate.date > date) break;
    found = rate;
  }
  return found;
}

export function coefficientInForce(
  fx: FxRules,
  tableId: string,
  currency: string,
  date: IsoDate,
): { value: Amount; period: CoefficientPeriod } | undefined {
  const table = fx.tables.get(tableId);
  const period = table?.periods.find((p) => withinWindow(date, p.from, p.to));
  const value = period?.coefficients.get(currency);
  return period && value ? { value, period } : undefined;
}

export function missingRate(from: string, to: string, date: IsoDate): DomainError {
  return new DomainError(
    'NO_EXCHANGE_RATE',
    `no exchange rate ${from} → ${to} is declared on or before ${date}`,
    {
      pointer: '/currency',
    },
  );
}
