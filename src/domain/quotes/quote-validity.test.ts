import { describe, expect, it } from 'vitest';
import { isExpired, quoteValidity } from './quote-validity.js';

const rzd = { railway: 'RZD', version: '2026-01-01', days: 30 };
const terms = [
  rzd,
  { railway: 'KTZ', version: '2026-01-01', days: 20 },
  { railway: 'RAI', version: '2026-01-01', days: 45 },
];

describe('quoteValidity', () => {
  it('counts the smallest quoteValidityDays of the railways from the issue date when the quarter ends later', () => {
    // 2026-01-05 + 20 days (KTZ, the shortest) = 2026-01-25, before the end of Q1 (2026-03-31).
    const validity = quoteValidity('2026-01-05', '2026-02-01', terms);
    expect(validity).toMatchObject({
      validUntil: '2026-01-25',
      days: 20,
      endOfQuarter: '2026-03-31',
      limitedBy: 'days',
    });
    expect(validity.explanation).toContain('KTZ 2026-01-01');
  });

  it('stops at the end of the freight-year quarter of the acceptance date when that comes first', () => {
    // 2026-03-20 + 20 days = 2026-04-09, but the acceptance date 2026-03-25 is in Q1, which ends on 2026-03-31.
    expect(quoteValidity('2026-03-20', '2026-03-25', terms)).toMatchObject({
      validUntil: '2026-03-31',
      limitedBy: 'quarter',
    });
  });

  it('uses the quarter of the acceptance date, not of the issue date', () => {
    // Issued in Q1 for a shipment accepted in Q2: 2026-03-20 + 30 days = 2026-04-19, before Q2 ends (2026-06-30).
    expect(quoteValidity('2026-03-20', '2026-05-10', [rzd])).toMatchObject({
      validUntil: '2026-04-19',
      endOfQuarter: '2026-06-30',
      limitedBy: 'days',
    });
  });

  it('gives a quote for an acceptance date in a quarter already over a validity that has already ended', () => {
    const validity = quoteValidity('2026-04-02', '2026-03-01', terms);
    expect(validity.validUntil).toBe('2026-03-31');
    expect(isExpired(validity.validUntil, '2026-04-02')).toBe(true);
  });

  it('keeps a quote valid through its last day and expires it the day after', () => {
    expect(isExpired('2026-03-31', '2026-03-31')).toBe(false);
    expect(isExpired('2026-03-31', '2026-04-01')).toBe(true);
  });
});
