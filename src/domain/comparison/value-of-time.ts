import { DomainError } from '../core/domain-error.js';
import { type Amount, amount, DECIMAL_PATTERN, moneyOf, ZERO } from '../core/money.js';
import type { Conversion } from '../pricing/convert.js';
import type { ValueOfTime } from '../rule-set/alternative-cards.js';
import { asMoney, money2 } from './compare-figures.js';
import type { CompareResult } from './compare-result.js';

/**
 * The value of time per tonne-day behind the generalised cost: the caller's (in the requested currency), else the
 * rule files' default converted at the declared rate, else zero (generalised cost = cost), saying which.
 */
export function valueOfTimeFor(
  given: string | undefined,
  declared: ValueOfTime | undefined,
  conversion: (from: string) => Conversion,
  currency: string,
  date: string,
): { rate: Amount; shown: CompareResult['valueOfTime'] } {
  if (given !== undefined) {
    if (!DECIMAL_PATTERN.test(given) || amount(given).isNegative()) {
      throw new DomainError('INVALID_REQUEST', 'the value of time is a non-negative decimal, e.g. "1.50"', {
        pointer: '/valueOfTimePerTonneDay',
      });
    }
    const rate = amount(given);
    return {
      rate,
      shown: {
        perTonneDay: moneyOf(rate, currency),
        source: 'given in the request',
        reference: 'request',
        confidence: 'sourced',
      },
    };
  }
  if (!declared) {
    return {
      rate: ZERO,
      shown: {
        perTonneDay: asMoney(ZERO, currency),
        source: `no value of time declared in rules/alternatives on ${date}: generalised cost equals cost`,
        reference: 'none',
        confidence: 'illustrative',
      },
    };
  }
  const c = conversion(declared.currency);
  const rate = money2(c.convert(declared.perTonneDay));
  return {
    rate,
    shown: {
      perTonneDay: asMoney(rate, currency),
      source:
        c.info.method === 'none'
          ? 'rule-file default'
          : `rule-file default ${declared.perTonneDay.toFixed()} ${declared.currency} × ${c.info.rate} ${currency}/${declared.currency}`,
      rule: declared.rule,
      reference: declared.reference,
      confidence: declared.confidence,
    },
  };
}
