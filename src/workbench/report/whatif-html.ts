import { formatFigure } from '../../domain/core/money.js';
import type { CapacityImpact } from '../../domain/whatif/capacity-impact.js';
import type { ShipmentResult, WhatIfReport } from '../../domain/whatif/whatif-report.js';
import type { GroupRevenue } from '../../domain/whatif/whatif-summary.js';
import { CAPACITY_HEADER, capacityChartSvg, capacityRows } from './capacity-figures.js';
import { goalSeekFigures, groupRows, money, signed } from './whatif-figures.js';

/**
 * The what-if as one self-contained HTML file: inline styles and inline SVG charts, no script, no external
 * resource, so it opens offline and can be mailed to a committee as it is.
 */
export function whatIfHtml(report: WhatIfReport, shipments: readonly ShipmentResult[]): string {
  const s = report.summary;
  const c = report.currency;
  const railwayBars = s.byRailway.map((r) => ({
    label: `${r.railway} (${r.currency})`,
    value: r.converted.change,
  }));
  const changeBars = s.byChange.map((x) => ({ label: changeLabel(report, x.changes), value: x.amount }));
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
    barChart(railwayBars, c),
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
    histogram(
      s.distribution.map((d) => ({ label: d.label, value: d.weight })),
      'weighted shipments by change in price',
    ),
    `<h2>Which changes caused it (${esc(c)})</h2>`,
    `<p>${esc(`Order: ${report.draft.order}.`)}</p>`,
    tableHtml(
      ['#', 'change'],
      report.draft.changes.map((x) => [String(x.index), x.text]),
    ),
    changeBars.length > 0 ? barChart(changeBars, c) : '<p>No change moved any price.</p>',
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
    ...modeShiftHtml(report),
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
td:first-child,th:first-child{text-align:left}td.text{text-align:left}.meta,.note{color:#555}
svg text{font:12px system-ui,sans-serif}
</style></head><body>
${body.join('\n')}
</body></html>
`;
}

/** "#7 KTZ transit-container-40-loaded": the change numbers and the items they touch. */
function changeLabel(report: WhatIfReport, numbers: readonly number[]): string {
  const names = numbers.map((n) => {
    const change = report.draft.changes.find((c) => c.index === n);
    const item = change?.path.match(/\[([^\]]+)\]$/)?.[1] ?? change?.file ?? '';
    return `#${n} ${change?.railway ? `${change.railway} ` : ''}${item}`;
  });
  return names.join(' + ');
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

function modeShiftHtml(report: WhatIfReport): string[] {
  const m = report.summary.modeShift;
  if (!report.modeShift.available || !m) return [`<p>${esc(report.modeShift.note)}</p>`];
  return [
    `<p>${esc(`How: ${report.modeShift.note}. ${m.assessed} shipments compared; rail is the cheapest mode for ${formatFigure(m.railCheapest.baseline)} weighted shipments under the rules in force and ${formatFigure(m.railCheapest.draft)} under the draft.`)}</p>`,
    histogram(
      [
        { label: 'rail cheapest, in force', value: m.railCheapest.baseline },
        { label: 'rail cheapest, draft', value: m.railCheapest.draft },
        ...m.shifts.map((x) => ({ label: `${x.from} → ${x.to}`, value: x.weight })),
      ],
      'weighted shipments',
    ),
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
        `<tr>${r.map((cell) => `<td${/^[−+\d .%-]*$/.test(cell) ? '' : ' class="text"'}>${esc(cell)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table>${head}${body}</table>`;
}

/** Horizontal bars from a zero line: gains to the right, losses to the left; the line sits where the data need it. */
function barChart(bars: readonly { label: string; value: string }[], currency: string): string {
  if (bars.length === 0) return '';
  const width = 860;
  const labelWidth = 300;
  const valueWidth = 150;
  const row = 24;
  const height = bars.length * row + 20;
  const values = bars.map((b) => Number(b.value));
  const most = Math.max(...values, 0);
  const least = Math.min(...values, 0);
  const span = Math.max(most - least, 1e-9);
  const plot = width - labelWidth - valueWidth - (least < 0 ? valueWidth : 0);
  const zero = labelWidth + (least < 0 ? valueWidth : 0) + (-least / span) * plot;
  const items = bars.map((b, i) => {
    const v = Number(b.value);
    const length = (Math.abs(v) / span) * plot;
    const x = v < 0 ? zero - length : zero;
    const y = i * row + 10;
    const fill = v < 0 ? '#c0392b' : '#2e7d32';
    const valueX = v < 0 ? x - 6 : zero + length + 6;
    return (
      `<text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end">${esc(clip(b.label, 44))}</text>` +
      `<rect x="${x.toFixed(1)}" y="${y + 3}" width="${Math.max(length, 0.5).toFixed(1)}" height="${row - 8}" fill="${fill}"/>` +
      `<text x="${valueX.toFixed(1)}" y="${y + 15}"${v < 0 ? ' text-anchor="end"' : ''}>${esc(signed(b.value))} ${esc(currency)}</text>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img"><line x1="${zero.toFixed(1)}" y1="4" x2="${zero.toFixed(1)}" y2="${height - 4}" stroke="#888"/>${items.join('')}</svg>`;
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function histogram(bins: readonly { label: string; value: string }[], caption: string): string {
  const width = 860;
  const height = 220;
  const bottom = height - 50;
  const slot = (width - 20) / bins.length;
  const max = Math.max(...bins.map((b) => Number(b.value)), 1e-9);
  const items = bins.map((b, i) => {
    const h = (Number(b.value) / max) * (bottom - 20);
    const x = 10 + i * slot;
    return (
      `<rect x="${(x + 4).toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${(slot - 8).toFixed(1)}" height="${h.toFixed(1)}" fill="#1f5f99"/>` +
      `<text x="${(x + slot / 2).toFixed(1)}" y="${(bottom - h - 4).toFixed(1)}" text-anchor="middle">${esc(formatFigure(b.value))}</text>` +
      `<text x="${(x + slot / 2).toFixed(1)}" y="${bottom + 16}" text-anchor="middle" font-size="10">${esc(clip(b.label, 24))}</text>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img"><line x1="10" y1="${bottom}" x2="${width - 10}" y2="${bottom}" stroke="#888"/>${items.join('')}<text x="10" y="${height - 8}">${esc(caption)}</text></svg>`;
}

function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
