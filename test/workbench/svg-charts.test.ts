import { describe, expect, it } from 'vitest';
import { divergingBars, groupDigits, niceTicks, rangeBars } from '../../src/workbench/report/svg-charts.js';

describe('the shared SVG charts', () => {
  it('groups digits with thin no-break spaces, so that a figure never wraps', () => {
    expect(groupDigits('1234567.891')).toBe('1\u202f234\u202f567.891');
    expect(groupDigits('-1234.5')).toBe('-1\u202f234.5');
    expect(groupDigits('999')).toBe('999');
  });

  it('puts round ticks over the whole range, zero included when the range spans it', () => {
    expect(niceTicks(0, 1_905_834)).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000]);
    const spanning = niceTicks(-120, 380);
    expect(spanning[0]).toBeLessThanOrEqual(-120);
    expect(spanning).toContain(0);
    expect(spanning[spanning.length - 1]).toBeGreaterThanOrEqual(380);
  });

  it('draws losses left of the zero line and gains right of it', () => {
    const svg = divergingBars(
      [
        { label: 'KTZ', value: 100, text: '+100' },
        { label: 'RZD', value: -50, text: '−50' },
      ],
      { title: 'change' },
    );
    const rects = [
      ...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="(#[0-9a-f]+)"/g),
    ];
    expect(rects).toHaveLength(2);
    const [gain, loss] = rects.map((m) => ({ x: Number(m[1]), width: Number(m[2]), fill: m[3] }));
    expect(loss?.x ?? 0).toBeLessThan(gain?.x ?? 0);
    expect((loss?.x ?? 0) + (loss?.width ?? 0)).toBeCloseTo(gain?.x ?? 0, 0);
    expect(gain?.width ?? 0).toBeCloseTo(2 * (loss?.width ?? 0), 0);
  });

  it('escapes labels and names the chart for assistive technology', () => {
    const svg = rangeBars([{ label: '<rail>', low: 1, high: 2, mid: 1.5, text: '1–2' }], {
      title: 'cost & days',
    });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>cost &amp; days</title>');
    expect(svg).not.toContain('<rail>');
  });
});
