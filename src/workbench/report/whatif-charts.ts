import { columnChart, divergingBars, groupDigits } from './svg-charts.js';

/**
 * The what-if's four charts — revenue change per railway, distribution of price changes, contribution per change,
 * mode shift — from the summary as the API returns it. The CLI's HTML report and the browser workbench both call
 * this, so the two show the same charts. Labels are in the language given (English by default).
 */

export interface WhatIfChartInput {
  readonly currency: string;
  readonly draft: {
    readonly changes: readonly { index: number; path: string; railway?: string | undefined; file: string }[];
  };
  readonly summary: {
    readonly byRailway: readonly { railway: string; currency: string; converted: { change: string } }[];
    readonly byChange: readonly { changes: readonly number[]; amount: string }[];
    readonly distribution: readonly { label: string; weight: string }[];
    readonly modeShift?:
      | {
          readonly railCheapest: { baseline: string; draft: string };
          readonly shifts: readonly { from: string; to: string; weight: string }[];
        }
      | undefined;
  };
}

export interface WhatIfChartWords {
  readonly revenue: string;
  readonly distribution: string;
  readonly contribution: string;
  readonly modeShift: string;
  readonly weighted: string;
  readonly railInForce: string;
  readonly railDraft: string;
}

export const ENGLISH_CHART_WORDS: WhatIfChartWords = {
  revenue: 'Revenue change per railway',
  distribution: 'Distribution of price changes',
  contribution: 'Contribution of each change',
  modeShift: 'Mode shift',
  weighted: 'weighted shipments',
  railInForce: 'rail cheapest, rules in force',
  railDraft: 'rail cheapest, draft',
};

export interface WhatIfCharts {
  readonly revenue: string;
  readonly distribution: string;
  readonly contribution: string;
  readonly modeShift: string;
}

export function whatIfCharts(
  report: WhatIfChartInput,
  words: WhatIfChartWords = ENGLISH_CHART_WORDS,
): WhatIfCharts {
  const c = report.currency;
  const s = report.summary;
  const m = s.modeShift;
  return {
    revenue: divergingBars(
      s.byRailway.map((r) => ({
        label: `${r.railway} (${r.currency})`,
        value: Number(r.converted.change),
        text: `${signedFigure(r.converted.change)} ${c}`,
      })),
      { title: `${words.revenue}, ${c}`, unit: c },
    ),
    distribution: columnChart(
      s.distribution.map((d) => ({ label: d.label, value: Number(d.weight), text: groupDigits(d.weight) })),
      { title: words.distribution, unit: words.weighted },
    ),
    contribution: divergingBars(
      s.byChange.map((x) => ({
        label: changeLabel(report, x.changes),
        value: Number(x.amount),
        text: `${signedFigure(x.amount)} ${c}`,
      })),
      { title: `${words.contribution}, ${c}`, unit: c },
    ),
    modeShift: m
      ? columnChart(
          [
            {
              label: words.railInForce,
              value: Number(m.railCheapest.baseline),
              text: groupDigits(m.railCheapest.baseline),
            },
            {
              label: words.railDraft,
              value: Number(m.railCheapest.draft),
              text: groupDigits(m.railCheapest.draft),
            },
            ...m.shifts.map((x) => ({
              label: `${x.from} → ${x.to}`,
              value: Number(x.weight),
              text: groupDigits(x.weight),
            })),
          ],
          { title: words.modeShift, unit: words.weighted },
        )
      : '',
  };
}

/** "+1 234.50" or "−1 234.50" (a true minus sign), digits grouped so that the figure never wraps. */
export function signedFigure(value: string): string {
  return value.startsWith('-') ? `−${groupDigits(value.slice(1))}` : `+${groupDigits(value)}`;
}

/** "#7 KTZ container-40-loaded": the change numbers and the items they touch. */
export function changeLabel(report: WhatIfChartInput, numbers: readonly number[]): string {
  const names = numbers.map((n) => {
    const change = report.draft.changes.find((c) => c.index === n);
    const item = change?.path.match(/\[([^\]]+)\]$/)?.[1] ?? change?.file ?? '';
    return `#${n} ${change?.railway ? `${change.railway} ` : ''}${item}`;
  });
  return names.join(' + ');
}
