import { describe, expect, it } from 'vitest';
import { memoCache, memoised } from './memo.js';

describe('memoised', () => {
  it('computes a value once per owner and key path, and tells paths and owners apart', () => {
    const cache = memoCache<object, string>();
    const owner = {};
    const other = {};
    let calls = 0;
    const compute = (text: string) => () => {
      calls += 1;
      return text;
    };
    expect(memoised(cache, owner, ['a', 1], compute('a1'))).toBe('a1');
    expect(memoised(cache, owner, ['a', 1], compute('again'))).toBe('a1');
    expect(memoised(cache, owner, ['a', 2], compute('a2'))).toBe('a2');
    // The parts are not joined: ['a|1'] is another key than ['a', 1].
    expect(memoised(cache, owner, ['a|1'], compute('joined'))).toBe('joined');
    expect(memoised(cache, other, ['a', 1], compute('other'))).toBe('other');
    expect(calls).toBe(4);
  });

  it('keeps an undefined result instead of working it out again', () => {
    const cache = memoCache<object, number | undefined>();
    const owner = {};
    let calls = 0;
    const compute = () => {
      calls += 1;
      return undefined;
    };
    memoised(cache, owner, 'missing', compute);
    memoised(cache, owner, 'missing', compute);
    expect(calls).toBe(1);
  });

  it('keeps at most `max` values per owner, however they spread over the key parts, then starts afresh', () => {
    const cache = memoCache<object, number>();
    const owner = {};
    let calls = 0;
    const compute = (n: number) => () => {
      calls += 1;
      return n;
    };
    // Three values under three different first parts: the bound counts values, not the entries of one level.
    for (let n = 0; n < 3; n++) memoised(cache, owner, [n, 'x'], compute(n), 3);
    expect(calls).toBe(3);
    memoised(cache, owner, [0, 'x'], compute(0), 3);
    expect(calls).toBe(4);
    memoised(cache, owner, [0, 'x'], compute(0), 3);
    expect(calls).toBe(4);
  });
});
