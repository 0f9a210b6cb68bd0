import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

/** The definition: JSON.stringify with a replacer that sorts each object's entries. */
const byDefinition = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

describe('canonicalJson', () => {
  it('is JSON.stringify with sorted keys, for any document, undefined members and toJSON included', () => {
    const member = fc.oneof(
      fc.jsonValue(),
      fc.constant(undefined),
      fc.date({ noInvalidDate: true }),
      fc.double(),
      fc.constant(() => 1),
    );
    const documents = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.string(), member),
      fc.dictionary(fc.oneof(fc.string(), fc.nat().map(String), fc.constant('4294967295')), member),
      fc.array(fc.dictionary(fc.string(), member)),
      fc.dictionary(fc.string(), fc.array(member)),
    );
    fc.assert(
      fc.property(documents, (value) => {
        expect(canonicalJson(value)).toBe(byDefinition(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives equal text for equal documents built in another key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      canonicalJson({ a: { c: 3, d: [2, { e: 0, f: 1 }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 3 } })).toBe(
      '{"a":{"c":3,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });
});
