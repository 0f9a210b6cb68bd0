import { type Amount, amount } from '../core/money.js';
import type { ComparedOption, CompareResult, RankEntry } from './compare-result.js';

type Measure = (option: ComparedOption) => string | undefined;

const MEASURES: Record<keyof CompareResult['rankings'], Measure> = {
  cost: (o) => o.cost.mid.amount,
  time: (o) => o.transitDays.mid.toFixed(1),
  co2: (o) => o.co2e?.kg,
  generalisedCost: (o) => o.generalisedCost.mid.amount,
};

/**
 * Ranks the options on each measure by the figure shown on them (the midpoint of a range), lowest first. Equal figures
 * share a rank; among them rail options come first, then ids in alphabetical order. Options without the figure (no
 * CO2e) are left out of that ranking.
 */
export function rankOptions(options: readonly ComparedOption[]): CompareResult['rankings'] {
  return {
    cost: rank(options, MEASURES.cost),
    time: rank(options, MEASURES.time),
    co2: rank(options, MEASURES.co2),
    generalisedCost: rank(options, MEASURES.generalisedCost),
  };
}

function rank(options: readonly ComparedOption[], measure: Measure): RankEntry[] {
  const keyed: { option: ComparedOption; value: string; key: Amount }[] = [];
  for (const option of options) {
    const value = measure(option);
    if (value !== undefined) keyed.push({ option, value, key: amount(value) });
  }
  keyed.sort(
    (a, b) =>
      a.key.comparedTo(b.key) ||
      Number(b.option.mode === 'rail') - Number(a.option.mode === 'rail') ||
      a.option.id.localeCompare(b.option.id),
  );
  const entries: RankEntry[] = [];
  keyed.forEach((k, i) => {
    const previous = keyed[i - 1];
    const sameAsPrevious = previous?.key.equals(k.key) ?? false;
    const rankNo = sameAsPrevious ? (entries[i - 1]?.rank ?? i + 1) : i + 1;
    entries.push({ rank: rankNo, id: k.option.id, value: k.value });
  });
  return entries;
}
