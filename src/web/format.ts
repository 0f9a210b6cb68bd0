import { groupDigits } from '../workbench/report/svg-charts.js';

/** Figures as the pages show them: decimal strings grouped by thin spaces, never rounded through a float. */
export function money(m: { amount?: string; currency?: string } | undefined): string {
  if (!m?.amount) return '—';
  return `${groupDigits(m.amount)} ${m.currency ?? ''}`.trim();
}

export function figure(value: string | number | undefined): string {
  return value === undefined ? '—' : groupDigits(String(value));
}

export function days(value: number | undefined): string {
  return value === undefined ? '—' : String(Math.round(value * 10) / 10);
}
