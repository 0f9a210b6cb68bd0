import type { CapacityImpact } from '../../domain/whatif/capacity-impact.js';
import { esc } from './svg-charts.js';

export const CAPACITY_HEADER = [
  'section',
  'capacity Mt/yr',
  'traffic Mt/yr',
  'portfolio by rail Mt/yr',
  'utilisation',
  'wait h',
  'over capacity',
];

/** One row per section, "before → after", as both reports show it. */
export function capacityRows(capacity: CapacityImpact): string[][] {
  return capacity.sections.map((s) => [
    s.name,
    pair(mt(s.capacityTonnesPerYear.baseline), mt(s.capacityTonnesPerYear.draft)),
    pair(mt(s.trafficTonnesPerYear.baseline), mt(s.trafficTonnesPerYear.draft)),
    pair(mt(s.portfolioRailTonnesPerYear.baseline, 3), mt(s.portfolioRailTonnesPerYear.draft, 3)),
    pair(pct(s.utilisation.baseline), pct(s.utilisation.draft)),
    pair(String(s.waitHours.baseline), String(s.waitHours.draft)),
    pair(yes(s.overCapacity.baseline), yes(s.overCapacity.draft)),
  ]);
}

/**
 * Utilisation of each section under the rules in force and under the draft, as paired horizontal bars on one
 * scale with the capacity line at 100 %.
 */
export function capacityChartSvg(capacity: CapacityImpact): string {
  const rows = capacity.sections;
  const top = Math.max(1.2, ...rows.flatMap((s) => [s.utilisation.baseline, s.utilisation.draft]));
  const label = 260;
  const width = 420;
  const x = (u: number) => label + (u / top) * width;
  const rowHeight = 46;
  const height = rows.length * rowHeight + 40;
  const bars = rows.flatMap((s, i) => {
    const y = 10 + i * rowHeight;
    return [
      `<text x="${label - 8}" y="${y + 18}" text-anchor="end">${esc(s.name)}</text>`,
      bar(y, x(s.utilisation.baseline) - label, '#8a9bb0', `in force ${pct(s.utilisation.baseline)}`, label),
      bar(
        y + 18,
        x(s.utilisation.draft) - label,
        s.overCapacity.draft ? '#b3261e' : '#1f5fa8',
        `draft ${pct(s.utilisation.draft)}`,
        label,
      ),
    ];
  });
  const line = x(1);
  return [
    `<svg role="img" aria-label="Utilisation per section, in force and under the draft" viewBox="0 0 ${label + width + 140} ${height}" width="100%" font-size="12">`,
    ...bars,
    `<line x1="${line}" x2="${line}" y1="4" y2="${height - 24}" stroke="#000" stroke-dasharray="4 3"/>`,
    `<text x="${line}" y="${height - 8}" text-anchor="middle">capacity (100 %)</text>`,
    '</svg>',
  ].join('\n');
}

function bar(y: number, length: number, fill: string, text: string, start: number): string {
  return (
    `<rect x="${start}" y="${y + 4}" width="${Math.max(length, 1).toFixed(1)}" height="14" fill="${fill}"/>` +
    `<text x="${(start + Math.max(length, 1) + 6).toFixed(1)}" y="${y + 15}">${esc(text)}</text>`
  );
}

function pair(before: string, after: string): string {
  return before === after ? before : `${before} → ${after}`;
}

function mt(tonnes: number, digits = 1): string {
  return (tonnes / 1e6).toFixed(digits);
}

function pct(utilisation: number): string {
  return `${(utilisation * 100).toFixed(1)} %`;
}

function yes(flag: boolean): string {
  return flag ? 'yes' : 'no';
}
