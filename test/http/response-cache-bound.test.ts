import { describe, expect, it } from 'vitest';
import { etagOf, keyDigest, ResponseCache, responseKey } from '../../src/http/response-cache.js';

const stored = (bytes: number) => ({ digest: 'd', variants: { identity: Buffer.alloc(bytes, 0x20) } });

describe('ResponseCache', () => {
  it('counts bodies, variants and keys against its bound, and keeps the most recently used within it', () => {
    const cache = new ResponseCache(10_000);
    for (let i = 0; i < 10; i++) {
      cache.set('rules-1', `k${i}`, stored(2_000));
      cache.get('rules-1', 'k0');
      expect(cache.bytes).toBeLessThanOrEqual(10_000);
    }
    expect(cache.entries).toBe(4);
    expect(cache.get('rules-1', 'k0')).toBeDefined();
    expect(cache.get('rules-1', 'k9')).toBeDefined();
    expect(cache.get('rules-1', 'k1')).toBeUndefined();

    // A variant added is counted: storing the entry again makes room for it.
    const entry = cache.get('rules-1', 'k9');
    if (!entry) throw new Error('k9 is kept');
    entry.variants.br = Buffer.alloc(3_000);
    cache.set('rules-1', 'k9', entry);
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
    expect(cache.entries).toBe(3);
  });

  it('keeps no response larger than its bound', () => {
    const cache = new ResponseCache(1_000);
    cache.set('rules-1', 'big', stored(2_000));
    expect([cache.entries, cache.bytes]).toEqual([0, 0]);
  });

  it('drops everything when asked under another rule set', () => {
    const cache = new ResponseCache(100_000);
    cache.set('rules-1', responseKey('rates', 'rules-1', { a: 1 }), stored(100));
    cache.set('rules-1', responseKey('rates', 'rules-1', { a: 2 }), stored(100));
    expect(cache.get('rules-2', responseKey('rates', 'rules-1', { a: 1 }))).toBeUndefined();
    expect(cache.entries).toBe(0);
  });

  it('keys on the route, the rule set and the canonical request: key order does not matter, a value does', () => {
    const key = responseKey('rates', 'h1', { b: 1, a: { d: 2, c: 3 } });
    expect(responseKey('rates', 'h1', { a: { c: 3, d: 2 }, b: 1 })).toBe(key);
    expect(responseKey('rates', 'h1', { a: { c: 3, d: 2 }, b: 1, e: undefined })).toBe(key);
    for (const other of [
      responseKey('compare', 'h1', { a: { c: 3, d: 2 }, b: 1 }),
      responseKey('rates', 'h2', { a: { c: 3, d: 2 }, b: 1 }),
      responseKey('rates', 'h1', { a: { c: 3, d: 2 }, b: 2 }),
    ])
      expect(other).not.toBe(key);
    expect(etagOf(keyDigest(key), 'identity')).not.toBe(etagOf(keyDigest(key), 'gzip'));
  });
});
