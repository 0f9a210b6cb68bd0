import { amount, formatFigure, roundAmount } from '../../domain/core/money.js';
import type { GoalSeekReport } from '../../domain/whatif/whatif-report.js';
import type { GroupRevenue } from '../../domain/whatif/whatif-summary.js';

/** How the what-if reports (text and HTML) show their figures. */
export function money(value: string): string {
  return formatFigure(value);
}

export function signed(value: string): string {
  return value.startsWith('-') ? `−${formatFigure(value.slice(1))}` : `+${formatFigure(value)}`;
}

/** One row per group: name, shipments, baseline, draft, change, %. */
export function groupRows(rows: readonly GroupRevenue[]): string[][] {
  return rows.map((g) => [
    g.group,
    String(g.shipments),
    money(g.baseline),
    money(g.draft),
    signed(g.change),
    g.percent ?? '',
  ]);
}

/** A goal seek as both reports show it: what it aimed at, and value, measure and residual under each rule set. */
export function goalSeekFigures(g: GoalSeekReport): {
  aim: string;
  measure: string;
  rows: string[][];
  shownResidual: (value: string | undefined) => string;
} {
  const shownResidual = (value: string | undefined) =>
    value === undefined ? '—' : g.objective === 'rail-share' ? signedPercent(value) : signed(value);
  const residual = shownResidual(g.residual);
  if (g.objective === 'keep-revenue') {
    return {
      shownResidual,
      aim: `${g.parameter}: the value that keeps ${g.railway}'s revenue on this portfolio (in ${g.currency}) as under the rules in force`,
      measure: `${g.railway} revenue`,
      rows: [
        ['rules in force', '', money(g.baselineRevenue), ''],
        ['draft as written', g.draftValue, money(g.draftRevenue), ''],
        [
          g.found ? 'found' : 'best found',
          g.value,
          g.revenueAtValue ? money(g.revenueAtValue) : '—',
          residual,
        ],
      ],
    };
  }
  const share = (value: string | undefined) => (value && value !== 'unpriceable' ? percent(value) : '—');
  return {
    shownResidual,
    aim: `${g.parameter}: the value nearest the draft's at which rail is the cheapest mode for at least ${percent(g.targetShare)} of this portfolio (weight ${money(g.comparableWeight)} of shipments that can be compared)`,
    measure: 'rail cheapest',
    rows: [
      ['rules in force', '', share(g.baselineShare), ''],
      ['draft as written', g.draftValue, share(g.draftShare), ''],
      [g.found ? 'found' : 'best found', g.value, share(g.shareAtValue), residual],
    ],
  };
}

/** A share (0.6667) as a percentage ("66.67 %"). */
function percent(share: string): string {
  return `${roundAmount(amount(share).times(100), { scale: 2, mode: 'half-up' }).toFixed()} %`;
}

function signedPercent(share: string): string {
  const text = percent(share.replace(/^-/, ''));
  return share.startsWith('-') ? `−${text}` : `+${text}`;
}
