import { formatFigure } from '../domain/money.js';
import type { GroupRevenue } from '../domain/whatif-summary.js';

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
