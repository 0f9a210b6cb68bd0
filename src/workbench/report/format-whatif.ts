import { formatFigure } from '../../domain/core/money.js';
import type { CapacityImpact } from '../../domain/whatif/capacity-impact.js';
import type { GoalSeekReport, WhatIfReport } from '../../domain/whatif/whatif-report.js';
import type { GroupRevenue, RevenueFigures, ShipmentLine } from '../../domain/whatif/whatif-summary.js';
import { CAPACITY_HEADER, capacityRows } from './capacity-figures.js';
import { goalSeekFigures, groupRows, money, signed } from './whatif-figures.js';

/** The what-if summary as text tables for the terminal. */
export function formatWhatIf(report: WhatIfReport): string {
  const s = report.summary;
  const c = report.currency;
  const out: string[] = [];
  out.push(
    `What-if over ${s.shipments.rows} shipment(s) (weight ${formatFigure(s.shipments.weight)}), amounts in ${c}`,
  );
  out.push(`Draft files: ${report.draft.files.join(', ') || '(none)'}`);
  for (const note of report.draft.notes) out.push(`  note: ${note}`);
  out.push('', `Changes (${report.draft.order}):`);
  if (report.draft.changes.length === 0) out.push('  none: the draft is the same as the rules in force');
  for (const change of report.draft.changes) out.push(`  #${change.index}  ${change.text}`);

  const n = s.shipments;
  out.push(
    '',
    `Shipments: ${n.changed} changed, ${n.unchanged} unchanged, ${n.becameUnpriceable} became unpriceable, ` +
      `${n.becamePriceable} became priceable, ${n.unpriceable} unpriceable under both; ${n.routeChanged} changed route`,
  );
  out.push(
    `Revenue (weighted): baseline ${money(s.revenue.baseline)}, draft ${money(s.revenue.draft)}, change ${signed(s.revenue.change)}${percent(s.revenue)}`,
  );
  out.push(
    `  of the change: shipments priced under both ${signed(s.revenue.pricedBoth)}, lost with shipments that became unpriceable ${money(s.revenue.lost)}, gained ${signed(s.revenue.gained)}`,
  );

  out.push('', `By railway (its tariff currency; then the change in ${c})`);
  out.push(
    table(
      ['railway', 'currency', 'baseline', 'draft', 'change', '%', `change ${c}`],
      s.byRailway.map((r) => [
        r.railway,
        r.currency,
        money(r.baseline),
        money(r.draft),
        signed(r.change),
        r.percent === undefined ? '' : signed(r.percent),
        signed(r.converted.change),
      ]),
    ),
  );

  out.push('', `By change, in ${c} (contributions add up to the change of shipments priced under both)`);
  out.push(
    table(
      ['change', 'contribution', 'shipments'],
      s.byChange.map((x) => [`#${x.changes.join(' + #')}`, signed(x.amount), String(x.shipments)]),
    ),
  );
  out.push(
    '',
    `By corridor (cheapest route under the rules in force), in ${c}`,
    groupTable('corridor', s.byCorridor),
  );
  out.push('', `By cargo group, in ${c}`, groupTable('cargo group', s.byCargoGroup));
  out.push('', 'Price changes (weighted shipments priced under both)');
  out.push(
    table(
      ['change', 'shipments'],
      s.distribution.map((d) => [d.label, formatFigure(d.weight)]),
    ),
  );

  if (s.largest.length > 0) {
    out.push('', 'Largest changes (difference × weight)');
    for (const line of s.largest.slice(0, 10)) out.push(`  ${shipmentText(line)}`);
  }
  out.push('', `Became unpriceable under the draft: ${s.unpriceable.total}`);
  for (const line of s.unpriceable.listed.slice(0, 20))
    out.push(
      `  ${shipmentText(line)}: ${line.reason}${line.cause ? ` (after change #${line.cause.join(', #')})` : ''}`,
    );
  if (report.capacity) out.push('', ...capacityText(report.capacity));
  out.push('', ...modeShiftText(report));
  if (report.goalSeek) out.push('', ...goalSeekText(report.goalSeek));
  return `${out.join('\n')}\n`;
}

function capacityText(capacity: CapacityImpact): string[] {
  return [
    `Capacity on ${capacity.date} (in force → draft):`,
    ...capacity.flags.map((flag) => `  FLAG: ${flag}`),
    table(CAPACITY_HEADER, capacityRows(capacity)),
    ...capacity.notes.map((note) => `  ${note}`),
    `  (${capacity.approximation})`,
  ];
}

function modeShiftText(report: WhatIfReport): string[] {
  const m = report.summary.modeShift;
  if (!report.modeShift.available || !m) return [`Mode shift: ${report.modeShift.note}`];
  const out = [
    `Mode shift (${report.modeShift.note}):`,
    `  ${m.assessed} shipment(s) compared; rail cheapest for ${formatFigure(m.railCheapest.baseline)} weighted shipment(s) under the rules in force, ${formatFigure(m.railCheapest.draft)} under the draft`,
  ];
  if (m.shifts.length === 0) out.push('  no shipment changes its cheapest mode');
  for (const s of m.shifts)
    out.push(`  ${s.from} → ${s.to}: ${s.shipments} shipment(s), weight ${formatFigure(s.weight)}`);
  for (const line of m.listed.slice(0, 10)) out.push(`    ${shipmentText(line)}: ${line.from} → ${line.to}`);
  return out;
}

function goalSeekText(g: GoalSeekReport): string[] {
  const { aim, measure, rows, shownResidual } = goalSeekFigures(g);
  return [
    `Goal seek: ${aim}`,
    `  ${g.found ? 'found' : 'not found'}: ${g.value} (draft value ${g.draftValue}); ${g.explanation}; ${g.evaluations} trial values`,
    table(['', 'value', measure, 'residual'], rows),
    ...(g.bracket
      ? [
          `  bracket: ${g.bracket[0].value} → ${shownResidual(g.bracket[0].residual)}, ` +
            `${g.bracket[1].value} → ${shownResidual(g.bracket[1].residual)}`,
        ]
      : []),
  ];
}

export function shipmentText(line: ShipmentLine): string {
  const head = `line ${line.line} (${line.id}) ${line.origin} → ${line.destination}, ${line.cargo}, ${line.count} × ${line.units}, ${line.date}`;
  if (line.baseline === undefined || line.draft === undefined) return head;
  return `${head}: ${money(line.baseline)} → ${money(line.draft)} (${signed(line.difference ?? '0')}${line.percent ? `, ${signedPercent(line.percent)}` : ''})`;
}

function groupTable(label: string, rows: readonly GroupRevenue[]): string {
  return table([label, 'shipments', 'baseline', 'draft', 'change', '%'], groupRows(rows));
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const render = (cells: readonly string[]) =>
    `  ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ')}`.trimEnd();
  return [render(header), ...rows.map(render)].join('\n');
}

function signedPercent(value: string): string {
  return `${signed(value)} %`;
}

function percent(figures: RevenueFigures): string {
  return figures.percent === undefined ? '' : ` (${signedPercent(figures.percent)})`;
}
