/**
 * Charts as SVG strings, with no dependency: the CLI's HTML what-if report and the browser pages (quote desk,
 * committee workbench) draw with these same functions, so the two never drift. Values are numbers for the geometry
 * only; every figure shown is text the caller formatted from its decimal string.
 */

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** The figure printed beside the bar, e.g. "+12 345.67 USD". */
  readonly text: string;
}

export interface RangeBar {
  readonly label: string;
  readonly low: number;
  readonly high: number;
  readonly mid: number;
  readonly text: string;
  readonly highlight?: boolean;
}

export interface ChartOptions {
  /** The accessible name of the chart (its <title>) and the caption under the axis. */
  readonly title: string;
  /** Unit written after the axis ticks, e.g. "USD" or "days". */
  readonly unit?: string;
  readonly width?: number;
}

const FONT = 'font-family="system-ui,sans-serif" font-size="12"';
const POSITIVE = '#2e7d32';
const NEGATIVE = '#b3261e';
const NEUTRAL = '#1f5f99';
const MUTED = '#5f6b7a';

/** Digits grouped by thin no-break spaces ("1 234 567.89"): a figure never wraps mid-value. */
export function groupDigits(text: string): string {
  const match = /^([−+-]?)(\d+)(.*)$/.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', rest = ''] = match;
  return sign + whole.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f') + rest;
}

/** Round tick values covering [low, high]: 1, 2 or 5 times a power of ten apart. */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [0];
  if (low === high) return low === 0 ? [0, 1] : [Math.min(0, low), Math.max(0, high)];
  const raw = (high - low) / Math.max(count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.floor(low / step) * step; t <= high + step * 1e-9; t += step) ticks.push(round(t, step));
  if ((ticks[ticks.length - 1] ?? high) < high)
    ticks.push(round((ticks[ticks.length - 1] ?? 0) + step, step));
  return ticks;
}

/** A tick as a short figure: 1 200 000 → "1.2 M", 15 000 → "15 k". */
export function tickText(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (abs >= 1e6) return `${sign}${trim(abs / 1e6)}\u202fM`;
  if (abs >= 1e4) return `${sign}${trim(abs / 1e3)}\u202fk`;
  return sign + groupDigits(trim(abs));
}

/** Horizontal bars from a zero line, gains right (green) and losses left (red), with a scale below. */
export function divergingBars(bars: readonly Bar[], options: ChartOptions): string {
  if (bars.length === 0) return '';
  const width = options.width ?? 860;
  const labelWidth = Math.min(300, Math.round(width * 0.35));
  const textRoom = 130;
  const row = 26;
  const top = 8;
  const plotHeight = bars.length * row;
  const ticks = niceTicks(Math.min(0, ...bars.map((b) => b.value)), Math.max(0, ...bars.map((b) => b.value)));
  const lo = ticks[0] ?? 0;
  const hi = ticks[ticks.length - 1] ?? 1;
  const x0 = labelWidth + (lo < 0 ? textRoom : 8);
  const x1 = width - textRoom;
  const x = (v: number) => x0 + ((v - lo) / (hi - lo || 1)) * (x1 - x0);
  const zero = x(0);
  const items = bars.map((b, i) => {
    const y = top + i * row;
    const end = x(b.value);
    const left = Math.min(zero, end);
    const fill = b.value < 0 ? NEGATIVE : POSITIVE;
    const textX = b.value < 0 ? left - 6 : Math.max(zero, end) + 6;
    return (
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${esc(clip(b.label, fits(labelWidth)))}</text>` +
      `<rect x="${f(left)}" y="${y + 4}" width="${f(Math.max(Math.abs(end - zero), 0.5))}" height="${row - 8}" fill="${fill}"><title>${esc(`${b.label}: ${b.text}`)}</title></rect>` +
      `<text x="${f(textX)}" y="${y + 17}"${b.value < 0 ? ' text-anchor="end"' : ''}>${esc(b.text)}</text>`
    );
  });
  const axisY = top + plotHeight + 4;
  const body =
    gridAndAxis(ticks, x, top, axisY, options.unit) +
    `<line x1="${f(zero)}" y1="${top}" x2="${f(zero)}" y2="${axisY}" stroke="#333"/>` +
    items.join('');
  return frame(width, axisY + 40, options.title, body);
}

/** Vertical columns from zero with a scale on the left: a distribution, a count per category. */
export function columnChart(bars: readonly Bar[], options: ChartOptions): string {
  if (bars.length === 0) return '';
  const width = options.width ?? 860;
  const height = 260;
  const left = 64;
  const top = 22;
  const bottom = height - 64;
  const ticks = niceTicks(0, Math.max(0, ...bars.map((b) => b.value)));
  const hi = ticks[ticks.length - 1] || 1;
  const y = (v: number) => bottom - (v / hi) * (bottom - top);
  const slot = (width - left - 10) / bars.length;
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${left}" y1="${f(y(t))}" x2="${width - 10}" y2="${f(y(t))}" stroke="#e3e6ea"/>` +
        `<text x="${left - 6}" y="${f(y(t) + 4)}" text-anchor="end" fill="${MUTED}">${esc(tickText(t))}</text>`,
    )
    .join('');
  const items = bars.map((b, i) => {
    const x = left + i * slot;
    const top = y(Math.max(b.value, 0));
    const lines = wrapLabel(b.label, Math.max(6, Math.floor(slot / 6.5)));
    return (
      `<rect x="${f(x + slot * 0.15)}" y="${f(top)}" width="${f(slot * 0.7)}" height="${f(bottom - top)}" fill="${NEUTRAL}"><title>${esc(`${b.label}: ${b.text}`)}</title></rect>` +
      `<text x="${f(x + slot / 2)}" y="${f(top - 5)}" text-anchor="middle">${esc(b.text)}</text>` +
      lines
        .map(
          (line, k) =>
            `<text x="${f(x + slot / 2)}" y="${bottom + 16 + k * 13}" text-anchor="middle" font-size="11">${esc(line)}</text>`,
        )
        .join('')
    );
  });
  const caption = `<text x="${left}" y="${height - 8}" fill="${MUTED}">${esc(options.title)}${options.unit ? ` (${esc(options.unit)})` : ''}</text>`;
  return frame(
    width,
    height,
    options.title,
    `${grid}<line x1="${left}" y1="${bottom}" x2="${width - 10}" y2="${bottom}" stroke="#333"/>${items.join('')}${caption}`,
  );
}

/** Horizontal ranges low–high with a mark at mid: cost, days or CO2e of each alternative; one may be highlighted. */
export function rangeBars(items: readonly RangeBar[], options: ChartOptions): string {
  if (items.length === 0) return '';
  const width = options.width ?? 640;
  const labelWidth = Math.min(220, Math.round(width * 0.34));
  const textRoom = 200;
  const row = 26;
  const top = 8;
  const ticks = niceTicks(0, Math.max(0, ...items.map((b) => b.high)));
  const hi = ticks[ticks.length - 1] || 1;
  const x0 = labelWidth + 4;
  const x1 = width - textRoom;
  const x = (v: number) => x0 + (v / hi) * (x1 - x0);
  const rows = items.map((b, i) => {
    const y = top + i * row;
    const fill = b.highlight ? '#0b5394' : '#7fa7cf';
    const span = Math.max(x(b.high) - x(b.low), 3);
    return (
      `<text x="${labelWidth - 6}" y="${y + 17}" text-anchor="end"${b.highlight ? ' font-weight="bold"' : ''}>${esc(clip(b.label, fits(labelWidth)))}</text>` +
      `<rect x="${f(x(0))}" y="${y + 10}" width="${f(x(b.low) - x(0))}" height="4" fill="#d5dde6"/>` +
      `<rect x="${f(x(b.low))}" y="${y + 5}" width="${f(span)}" height="${row - 10}" rx="3" fill="${fill}"><title>${esc(`${b.label}: ${b.text}`)}</title></rect>` +
      `<line x1="${f(x(b.mid))}" y1="${y + 2}" x2="${f(x(b.mid))}" y2="${y + row - 2}" stroke="#111" stroke-width="2"/>` +
      `<text x="${f(x(b.high) + 6)}" y="${y + 17}">${esc(b.text)}</text>`
    );
  });
  const axisY = top + items.length * row + 4;
  return frame(
    width,
    axisY + 40,
    options.title,
    gridAndAxis(ticks, x, top, axisY, options.unit) + rows.join(''),
  );
}

function gridAndAxis(
  ticks: readonly number[],
  x: (v: number) => number,
  top: number,
  axisY: number,
  unit: string | undefined,
): string {
  const lines = ticks
    .map(
      (t) =>
        `<line x1="${f(x(t))}" y1="${top}" x2="${f(x(t))}" y2="${axisY}" stroke="#e3e6ea"/>` +
        `<text x="${f(x(t))}" y="${axisY + 14}" text-anchor="middle" fill="${MUTED}">${esc(tickText(t))}</text>`,
    )
    .join('');
  const last = ticks[ticks.length - 1] ?? 0;
  const unitText = unit
    ? `<text x="${f(x(last))}" y="${axisY + 30}" text-anchor="end" fill="${MUTED}">${esc(unit)}</text>`
    : '';
  return `${lines}<line x1="${f(x(ticks[0] ?? 0))}" y1="${axisY}" x2="${f(x(last))}" y2="${axisY}" stroke="#333"/>${unitText}`;
}

function frame(width: number, height: number, title: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${width} ${f(height)}" width="100%" style="max-width:${width}px" role="img" ${FONT}><title>${esc(title)}</title>${body}</svg>`;
}

function wrapLabel(label: string, perLine: number): string[] {
  const words = label.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line && line.length + word.length + 1 > perLine) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.slice(0, 3).map((l) => clip(l, perLine + 2));
}

/** How many characters of a 12 px label fit in a width. */
function fits(width: number): number {
  return Math.max(8, Math.floor((width - 12) / 7.6));
}

function round(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return Number(value.toFixed(decimals));
}

function trim(value: number): string {
  return String(Number(value.toFixed(2)));
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

function f(n: number): string {
  return n.toFixed(1);
}

export function esc(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}
