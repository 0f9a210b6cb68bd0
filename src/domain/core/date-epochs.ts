import type { IsoDate } from './dates.js';

/**
 * The number of boundaries on or before a date. When the boundaries are every date the rule files name and each
 * one's next day, two acceptance dates with the same epoch meet exactly the same rules: every comparison a rule
 * makes (date ≥ from, date ≤ to, latest rate on or before the date) comes out the same for both.
 */
export function epochOf(sortedBoundaries: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = sortedBoundaries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sortedBoundaries[mid] ?? '') <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
