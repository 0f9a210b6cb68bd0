import { formatFigure } from '../../domain/core/money.js';
import type { CapacityImpact } from '../../domain/whatif/capacity-impact.js';
import type { ShipmentResult, WhatIfReport } from '../../domain/whatif/whatif-report.js';
import type { GroupRevenue } from '../../domain/whatif/whatif-summary.js';
import { CAPACITY_HEADER, capacityChartSvg, capacityRows } from './capacity-figures.js';
import { esc } from './svg-charts.js';
import { whatIfCharts } from './whatif-charts.js';
import { goalSeekFigures, groupRows, money, signed } from './whatif-figures.js';

/**
 * The what-if as one self-contained HTML file: inline styles and inline SVG charts, no script, no external
 * resource, so it opens offline and can be mailed to a committee as it is. The charts are the browser workbench's
 * (whatif-charts.ts).
 */
export function whatIfHtml(report: WhatIfReport, shipments: readonly ShipmentResult[]): string {
  const s = report.summary;
  const c = report.currency;
  const charts = whatIfCharts(report);
  const body = [
    `<h1>What-if: the draft against the rules in force</h1>`,
    `<p class="meta">${esc(`${s.shipments.rows} shipments (weight ${formatFigure(s.shipments.weight)}), amounts in ${c}. Draft files: ${report.draft.files.join(', ') || 'none'}. Rule sets: in force ${report.baselineRuleSetHash.slice(0, 12)}, draft ${report.draftRuleSetHash.slice(0, 12)}.`)}</p>`,
    ...report.draft.notes.map((n) => `<p class="note">${esc(n)}</p>`),
    `<h2>Revenue</h2>`,
    tableHtml(
      ['', 'rules in force', 'draft', 'change', '%'],
      [
        [
          `all shipments (weighted, ${c})`,
          money(s.revenue.baseline),
          money(s.revenue.draft),
          signed(s.revenue.change),
          s.revenue.percent ?? '',
        ],
      ],
    ),
    `<p>${esc(`Of the change: shipments priced under both ${signed(s.revenue.pricedBoth)}; lost with shipments that became unpriceable −${money(s.revenue.lost)}; gained ${signed(s.revenue.gained)}. Shipments: ${s.shipments.changed} changed, ${s.shipments.unchanged} unchanged, ${s.shipments.becameUnpriceable} became unpriceable, ${s.shipments.becamePriceable} became priceable, ${s.shipments.unpriceable} unpriceable under both, ${s.shipments.routeChanged} changed route.`)}</p>`,
    `<h2>Revenue change per railway (${esc(c)})</h2>`,
    charts.revenue,
    tableHtml(
      ['railway', 'currency', 'rules in force', 'draft', 'change', '%', `change in ${c}`],
      s.byRailway.map((r) => [
        r.railway,
        r.currency,
        money(r.baseline),
        money(r.draft),
        signed(r.change),
        r.percent ?? '',
        signed(r.converted.change),
      ]),
    ),
    `<h2>Distribution of price changes</h2>`,
    charts.distribution,
    `<h2>Which changes caused it (${esc(c)})</h2>`,
    `<p>${esc(`Order: ${report.draft.order}.`)}</p>`,
    tableHtml(
      ['#', 'change'],
      report.draft.changes.map((x) => [String(x.index), x.text]),
    ),
    s.byChange.length > 0 ? charts.contribution : '<p>No change moved any price.</p>',
    tableHtml(
      ['change', 'contribution', 'shipments'],
      s.byChange.map((x) => [`#${x.changes.join(' + #')}`, signed(x.amount), String(x.shipments)]),
    ),
    `<h2>By corridor</h2>`,
    groupTable('corridor (cheapest route under the rules in force)', s.byCorridor),
    `<h2>By cargo group</h2>`,
    groupTable('cargo group', s.byCargoGroup),
    `<h2>Shipments that became unpriceable (${s.unpriceable.total})</h2>`,
    s.unpriceable.listed.length === 0
      ? '<p>None.</p>'
      : tableHtml(
          ['line', 'shipment', 'why', 'after change'],
          s.unpriceable.listed.map((l) => [
            String(l.line),
            `${l.origin} → ${l.destination}, ${l.cargo}, ${l.count} × ${l.units}, ${l.date}`,
            l.reason ?? '',
            l.cause ? `#${l.cause.join(', #')}` : '',
          ]),
        ),
    ...(report.capacity ? capacityHtml(report.capacity) : []),
    `<h2>Mode shift</h2>`,
    ...modeShiftHtml(report, charts.modeShift),
    ...(report.goalSeek ? goalSeekHtml(report) : []),
    `<h2>Shipments${shipments.length < s.shipments.rows ? ` (the first ${shipments.length} of ${s.shipments.rows}; the CSV and JSON reports list all)` : ''}</h2>`,
    tableHtml(
      ['line', 'id', 'shipment', 'date', 'rules in force', 'draft', 'difference', '%', 'caused by'],
      shipments.map((r) => [
        String(r.line),
        r.id,
        `${r.origin} → ${r.destination}, ${r.cargo}, ${r.count} × ${r.units}`,
        r.date,
        r.baseline === undefined ? '—' : money(r.baseline),
        r.draft === undefined ? '—' : money(r.draft),
        r.difference === undefined ? (r.reason ?? '') : signed(r.difference),
        r.percent ?? '',
        r.contributions.map((x) => `#${x.changes.join('+#')} ${signed(x.amount)}`).join('; '),
      ]),
    ),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ThroughRate what-if</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.6em 0}td,th{padding:.2em .6em;border-bottom:1px solid #eee;text-align:right;vertical-align:top}
td:first-child,th:first-child{text-align:left}td.text{text-align:left}td.num{white-space:nowrap;font-variant-numeric:tabular-nums}
th{position:sticky;top:0;background:#fff}.meta,.note{color:#555}.scroll{max-height:40em;overflow:auto}
</style></head><body>
${body.join('\n')}
</body></html>
`;
}

function capacityHtml(capacity: CapacityImpact): string[] {
  return [
    `<h2>Capacity on ${esc(capacity.date)}</h2>`,
    ...capacity.flags.map((flag) => `<p class="flag"><strong>Over capacity:</strong> ${esc(flag)}</p>`),
    capacityChartSvg(capacity),
    tableHtml(CAPACITY_HEADER, capacityRows(capacity)),
    ...capacity.notes.map((note) => `<p>${esc(note)}</p>`),
    `<p>${esc(capacity.approximation)}</p>`,
  ];
}

function modeShiftHtml(report: WhatIfReport, chart: string): string[] {
  const m = report.summary.modeShift;
  if (!report.modeShift.available || !m) return [`<p>${esc(report.modeShift.note)}</p>`];
  return [
    `<p>${esc(`How: ${report.modeShift.note}. ${m.assessed} shipments compared; rail is the cheapest mode for ${formatFigure(m.railCheapest.baseline)} weighted shipments under the rules in force and ${formatFigure(m.railCheapest.draft)} under the draft.`)}</p>`,
    chart,
    m.shifts.length === 0
      ? '<p>No shipment changes its cheapest mode.</p>'
      : tableHtml(
          ['line', 'shipment', 'cheapest under the rules in force', 'cheapest under the draft'],
          m.listed.map((l) => [
            String(l.line),
            `${l.origin} → ${l.destination}, ${l.cargo}, ${l.count} × ${l.units}, ${l.date}`,
            l.from,
            l.to,
          ]),
        ),
  ];
}

function goalSeekHtml(report: WhatIfReport): string[] {
  const g = report.goalSeek;
  if (!g) return [];
  const { aim, measure, rows } = goalSeekFigures(g);
  return [
    `<h2>Goal seek</h2>`,
    `<p>${esc(`${aim}.`)}</p>`,
    tableHtml(['', 'value', measure, 'residual'], rows),
    `<p>${esc(`${g.explanation} (${g.evaluations} trial values).`)}</p>`,
  ];
}

function groupTable(label: string, rows: readonly GroupRevenue[]): string {
  return tableHtml([label, 'shipments', 'rules in force', 'draft', 'change', '%'], groupRows(rows));
}

function tableHtml(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = `<tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((cell) => `<td class="${/^[−+\d .%—-]*$/.test(cell) ? 'num' : 'text'}">${esc(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  const table = `<table>${head}${body}</table>`;
  return rows.length > 40 ? `<div class="scroll" tabindex="0">${table}</div>` : table;
}
