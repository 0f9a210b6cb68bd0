import { describe, expect, it } from 'vitest';
import type { QuoteLine, RateOption } from '../pricing/rate-option.js';
import { diffOptions } from './diff-options.js';

const line = (
  railway: string,
  kind: QuoteLine['kind'],
  amount: string,
  path: string,
  file = `railways/${railway}/2026-01-01.yaml`,
): QuoteLine => ({
  railway,
  kind,
  description: `${railway} ${kind} ${path}`,
  formula: `${amount} by ${path}`,
  amount: { amount, currency: 'CHF' },
  inputs: {},
  rule: { file, version: file.slice(-15, -5), path },
  reference: 'test',
  confidence: 'illustrative',
});

const option = (lines: QuoteLine[], total: string): RateOption => ({
  id: 'A>B',
  route: { stations: ['A', 'B'], crossings: [], railways: ['KTZ'], distanceKm: 100 },
  total: { amount: total, currency: 'CHF' },
  totalWithVat: { amount: total, currency: 'CHF' },
  byRailway: [],
  lines,
  transitDaysRange: { low: 1, high: 1 },
  transitDays: 1,
  transit: { legs: [], crossings: [] },
  confidence: 'illustrative',
  warnings: [],
  assumptions: [],
  notes: [],
  ruleVersions: [],
});

describe('diffOptions', () => {
  it('marks every line the same, with zero differences, when an option is compared with itself', () => {
    const stored = option([line('KTZ', 'rate', '1931.90', 'regimes[1].rates[2]')], '1931.90');
    const diff = diffOptions(stored, stored);
    expect(diff.lines.map((l) => [l.status, l.difference?.amount])).toEqual([['same', '0.00']]);
    expect(diff.total.difference).toEqual({ amount: '0.00', currency: 'CHF' });
  });

  it('pairs a line with the same rule item in another version file and shows the change', () => {
    const stored = option([line('KTZ', 'rate', '1931.90', 'regimes[1].rates[2]')], '1931.90');
    const replayed = option(
      [line('KTZ', 'rate', '1857.60', 'regimes[1].rates[2]', 'railways/KTZ/2025-01-01.yaml')],
      '1857.60',
    );
    const [rate] = diffOptions(stored, replayed).lines;
    // 1 857.60 − 1 931.90 = −74.30
    expect(rate).toMatchObject({ status: 'changed', changed: ['amount', 'formula', 'rule'] });
    expect(rate?.difference).toEqual({ amount: '-74.30', currency: 'CHF' });
  });

  it('lists a reduction that no longer applies as removed and a new charge as added, each against zero', () => {
    const rate = line('TDY', 'rate', '742.00', 'regimes[0].rates[2]');
    const reduction = line(
      'TDY',
      'reduction',
      '-371.00',
      'changes[0].coefficients[0]',
      'amendments/TDY/x.yaml',
    );
    const charge = line('TDY', 'charge', '165.00', 'regimes[0].charges[4]');
    const diff = diffOptions(option([rate, reduction], '371.00'), option([rate, charge], '907.00'));
    expect(diff.lines.map((l) => [l.kind, l.status, l.difference?.amount])).toEqual([
      ['rate', 'same', '0.00'],
      ['reduction', 'removed', '371.00'],
      ['charge', 'added', '165.00'],
    ]);
    // 907.00 − 371.00 = 536.00
    expect(diff.total.difference?.amount).toBe('536.00');
  });

  it('pairs lines of one kind by rule path first, so a reordered pair is not reported as two changes', () => {
    const a = line('RZD', 'coefficient', '-10.00', 'regimes[0].coefficients[0]');
    const b = line('RZD', 'coefficient', '-20.00', 'regimes[0].coefficients[1]');
    const diff = diffOptions(option([a, b], '0'), option([b, a], '0'));
    expect(diff.lines.map((l) => l.status)).toEqual(['same', 'same']);
  });

  it('reports every stored line removed, and no total difference, when the route is no longer priced', () => {
    const stored = option([line('RAI', 'rate', '1048.95', 'regimes[0].rates[2]')], '1048.95');
    const diff = diffOptions(stored, undefined);
    expect(diff.lines.map((l) => l.status)).toEqual(['removed']);
    expect(diff.lines[0]?.difference?.amount).toBe('-1048.95');
    expect(diff.total).toEqual({ stored: stored.total, replayed: undefined });
  });
});
