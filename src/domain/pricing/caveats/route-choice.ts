import { type Amount, amount, formatFigure, sum, toDecimalString } from '../../core/money.js';
import type { QuoteLine, RateOption } from '../rate-option.js';
import { requested } from './option-confidence.js';

/** How many surcharges or discounts a routing note names. */
const NAMED = 3;

/**
 * Why the cheapest route is not the shortest: the surcharges the shortest route pays and the cheaper one does not,
 * and the reductions the cheaper one gets and the shortest does not, each with its amount in the requested currency.
 */
export function routeChoiceNote(cheapest: RateOption, shortest: RateOption): string {
  const currency = cheapest.total.currency;
  const saving = amount(shortest.total.amount).minus(amount(cheapest.total.amount));
  const extraKm = cheapest.route.distanceKm - shortest.route.distanceKm;
  const extraDays = Math.round((cheapest.transitDays - shortest.transitDays) * 10) / 10;
  const surcharges = onlyIn(shortest, cheapest, (l) => l.kind === 'coefficient' || l.kind === 'charge').map(
    (d) => `on the shortest route ${d.railway}'s "${d.description}" adds ${money(d.amount, currency)}`,
  );
  const reductions = onlyIn(cheapest, shortest, (l) => l.kind === 'reduction').map(
    (d) => `on this route ${d.railway}'s "${d.description}" takes off ${money(d.amount, currency)}`,
  );
  const why = [...surcharges, ...reductions].slice(0, NAMED);
  return (
    `cheapest route, not the shortest: ${shortest.route.stations.join(' → ')} (${formatFigure(shortest.route.distanceKm)} km, ` +
    `~${shortest.transitDays} days) costs ${money(saving, currency)} more, though this route is ${formatFigure(extraKm)} km and ` +
    `${extraDays} days longer; ` +
    (why.length > 0
      ? `${why.join('; ')}`
      : 'no surcharge or discount tells them apart: the difference is in the railways’ own rates over their distances') +
    ` (the shortest route is option ${shortest.id})`
  );
}

interface Difference {
  readonly railway: string;
  readonly description: string;
  readonly amount: Amount;
}

/** Lines of a kind in `option` whose rule no line of `other` uses, added up per rule, largest first. */
function onlyIn(option: RateOption, other: RateOption, kind: (l: QuoteLine) => boolean): Difference[] {
  const rulesOf = (o: RateOption) =>
    new Set(o.lines.filter(kind).map((l) => `${l.rule.file}#${l.rule.path}`));
  const others = rulesOf(other);
  const byRule = new Map<string, { line: QuoteLine; amounts: Amount[] }>();
  for (const line of option.lines) {
    const key = `${line.rule.file}#${line.rule.path}`;
    if (!kind(line) || others.has(key)) continue;
    const value = requested(line, option.byRailway, option.total.currency);
    const entry = byRule.get(key);
    if (entry) entry.amounts.push(value);
    else byRule.set(key, { line, amounts: [value] });
  }
  return [...byRule.values()]
    .map(({ line, amounts }) => ({
      railway: line.railway,
      description: line.description,
      amount: sum(amounts),
    }))
    .filter((d) => !d.amount.isZero())
    .sort((a, b) => b.amount.comparedTo(a.amount));
}

function money(value: Amount, currency: string): string {
  return `${formatFigure(toDecimalString(value, 2))} ${currency}`;
}
