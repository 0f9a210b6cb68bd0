import { type Amount, amount, formatFigure, sum, toDecimalString } from '../../core/money.js';
import { weakestConfidence } from '../../rule-set/rule-ref.js';
import type { QuoteLine, RailwayShare } from '../rate-option.js';

export { weakestConfidence };

/** How many placeholder figures a warning list names before it sums up the rest. */
export const WARNED_FIGURES = 5;

/** One illustrative figure behind a price, with how much of the price (in the requested currency) rests on it. */
export interface PlaceholderFigure {
  readonly railway: string;
  readonly description: string;
  readonly file: string;
  readonly path: string;
  /** In the requested currency: the absolute amount of the lines this figure produced (converted, approximately). */
  readonly amount: Amount;
  /** The same in the line's own currency, when that is another. */
  readonly own?: { readonly amount: Amount; readonly currency: string } | undefined;
}

/**
 * The illustrative figures behind an option's lines, largest first: lines of one rule are added up, and each
 * line's amount is brought into the requested currency with its railway's own conversion (share total ÷ local).
 */
export function placeholderFigures(
  lines: readonly QuoteLine[],
  shares: readonly RailwayShare[],
  currency: string,
): PlaceholderFigure[] {
  // An option has a few illustrative rules and rates at most: looked up in short lists, no key built per line.
  const byRule: { first: QuoteLine; amounts: Amount[]; own: Amount[] }[] = [];
  const rates: { railway: string; currency: string; rate: Rate | undefined }[] = [];
  for (const line of lines) {
    if (line.confidence !== 'illustrative') continue;
    let rate = rates.find((r) => r.railway === line.railway && r.currency === line.amount.currency);
    if (!rate) {
      rate = {
        railway: line.railway,
        currency: line.amount.currency,
        rate: shareRate(line, shares, currency),
      };
      rates.push(rate);
    }
    const parsed = amount(line.amount.amount);
    const own = parsed.isNegative() ? parsed.abs() : parsed;
    const inRequested = convertedAbs(own, rate.rate);
    const entry = byRule.find(
      ({ first }) =>
        first.railway === line.railway &&
        first.rule.file === line.rule.file &&
        first.rule.path === line.rule.path,
    );
    if (entry) {
      entry.amounts.push(inRequested);
      entry.own.push(own);
    } else {
      byRule.push({ first: line, amounts: [inRequested], own: [own] });
    }
  }
  return byRule
    .map(({ first, amounts, own }) => ({
      railway: first.railway,
      description: first.description,
      file: first.rule.file,
      path: first.rule.path,
      amount: sum(amounts),
      own:
        first.amount.currency === currency
          ? undefined
          : { amount: sum(own), currency: first.amount.currency },
    }))
    .sort((a, b) => b.amount.comparedTo(a.amount) || a.file.localeCompare(b.file));
}

/** Plain words for the placeholder figures that matter most, by the amount resting on each. */
export function placeholderWarnings(figures: readonly PlaceholderFigure[], currency: string): string[] {
  const named = figures
    .slice(0, WARNED_FIGURES)
    .map(
      (f) =>
        `${formatFigure(toDecimalString(f.amount, 2))} ${currency} rests on an illustrative placeholder, not a published figure: ` +
        `${f.description} (${f.railway}; ${f.file} at ${f.path})`,
    );
  const rest = figures.length - named.length;
  if (rest > 0)
    named.push(`${rest} more illustrative figure(s) behind this price: see the lines labelled illustrative`);
  return named;
}

/** A line's amount in the requested currency, converted at its railway's own rate (share total ÷ local). */
export function requested(line: QuoteLine, shares: readonly RailwayShare[], currency: string): Amount {
  return converted(line, shareRate(line, shares, currency));
}

/** A railway's own rate, share total over local; undefined where a line's amount is taken as it stands. */
interface Rate {
  readonly total: Amount;
  readonly local: Amount;
}

function shareRate(line: QuoteLine, shares: readonly RailwayShare[], currency: string): Rate | undefined {
  if (line.amount.currency === currency) return undefined;
  const share = shares.find((s) => s.railway === line.railway);
  if (!share || share.local.currency !== line.amount.currency) return undefined;
  const local = amount(share.local.amount);
  return local.isZero() ? undefined : { total: amount(share.total.amount), local };
}

function converted(line: QuoteLine, rate: Rate | undefined): Amount {
  const parsed = amount(line.amount.amount);
  return convertedAbs(parsed.isNegative() ? parsed.abs() : parsed, rate);
}

/** An absolute amount in the requested currency, at a railway's own rate where it has one. */
function convertedAbs(value: Amount, rate: Rate | undefined): Amount {
  return rate ? value.times(rate.total).dividedBy(rate.local) : value;
}
