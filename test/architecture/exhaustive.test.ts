import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RatesRequestSchema, UnitsSchema } from '../../src/contract/rates-schemas.js';
import { CONDITION_FIELDS, matches } from '../../src/domain/pricing/conditions/match-when.js';
import type { LegContext } from '../../src/domain/pricing/shipment.js';
import type { When } from '../../src/domain/rule-set/tariff.js';
import { NOT_IN_SHIPMENT_KEY, SHIPMENT_KEY_FIELDS } from '../../src/domain/whatif/impact-cache.js';
import { WhenSchema } from '../../src/rules/schema/common.js';

/** The keys of an object schema that a table does not name: each one a field the table would silently ignore. */
function uncovered(schema: { readonly shape: object }, covered: readonly string[]): string[] {
  return Object.keys(schema.shape).filter((key) => !covered.includes(key));
}

/** Every table that must cover a schema: the schema, and what the table names. */
const TABLES = {
  'the rule conditions (match-when)': (when: typeof WhenSchema) => uncovered(when, CONDITION_FIELDS),
  'the what-if shipment key, request fields': (request: typeof RatesRequestSchema) =>
    uncovered(request, [...SHIPMENT_KEY_FIELDS.request, ...NOT_IN_SHIPMENT_KEY]),
  'the what-if shipment key, unit fields': (units: typeof UnitsSchema) =>
    uncovered(units, SHIPMENT_KEY_FIELDS.units),
};

describe('tables derived from a schema cover every key of it', () => {
  it('has a check for every condition a rule file may state, and no check for a condition it may not', () => {
    expect(TABLES['the rule conditions (match-when)'](WhenSchema)).toEqual([]);
    expect([...CONDITION_FIELDS].sort()).toEqual(Object.keys(WhenSchema.shape).sort());
  });

  it('refuses, rather than ignores, a condition it has no check for in a compiled rule', () => {
    const when = { unitKind: 'container', season: 'winter' } as unknown as When;
    expect(() => matches(when, {} as LegContext)).toThrow(/season/);
  });

  it('keys a what-if shipment on every field of the rate request but the date (by epoch) and maxOptions', () => {
    expect(TABLES['the what-if shipment key, request fields'](RatesRequestSchema)).toEqual([]);
    expect(TABLES['the what-if shipment key, unit fields'](UnitsSchema)).toEqual([]);
  });

  it('fails when the rule-file schema gains a condition the engine does not check', () => {
    const extended = WhenSchema.extend({ season: z.enum(['winter', 'summer']).optional() });
    expect(TABLES['the rule conditions (match-when)'](extended)).toEqual(['season']);
  });

  it('fails when the request schema gains a field the what-if key leaves out', () => {
    const request = RatesRequestSchema.extend({ incoterm: z.string().optional() });
    const units = UnitsSchema.extend({ temperatureC: z.number().optional() });
    expect(TABLES['the what-if shipment key, request fields'](request)).toEqual(['incoterm']);
    expect(TABLES['the what-if shipment key, unit fields'](units)).toEqual(['temperatureC']);
  });
});
