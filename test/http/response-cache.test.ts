import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RatesRequestSchema } from '../../src/contract/rates-schemas.js';
import { calculateRates } from '../../src/domain/pricing/calculate-rates.js';
import type { RateRequest } from '../../src/domain/pricing/shipment.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { buildApp } from '../../src/http/build-app.js';
import { ResponseCache } from '../../src/http/response-cache.js';
import { BUNDLED_RULES, ruleFilesIn, ruleSetFrom, withFile } from '../helpers/rule-files.js';

/** A private 40 ft box Moscow → Kigash: RZD alone, so that one RZD figure changed changes the price. */
const box = {
  origin: 'MOSKVA',
  destination: 'KIGASH',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1 },
  currency: 'RUB',
} as const;
const onDate = (acceptanceDate: string) => ({ ...box, acceptanceDate });

let bundled: RuleSet;
/** The bundled rules with RZD's 2026 fixed charge for a private 40 ft box raised from 23 360 to 33 360 RUB. */
let dearer: RuleSet;
beforeAll(() => {
  const files = ruleFilesIn(BUNDLED_RULES);
  bundled = ruleSetFrom(files);
  const rzd = files.find((f) => f.path === 'railways/RZD/2026-01-01.yaml');
  if (!rzd) throw new Error('the bundled RZD 2026 tariff is missing');
  const changed = rzd.text.replace('fixed: "23360"', 'fixed: "33360"');
  expect(changed).not.toBe(rzd.text);
  dearer = ruleSetFrom(withFile(files, rzd.path, changed));
});

const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

async function appWith(options: { ruleSet?: RuleSet; cache?: ResponseCache; now?: () => Date } = {}) {
  const app = await buildApp({
    ruleSet: options.ruleSet ?? bundled,
    responseCache: options.cache ?? new ResponseCache(8 * 1024 * 1024),
    now: options.now ?? (() => new Date('2026-03-01T09:00:00Z')),
  });
  apps.push(app);
  return app;
}

const post = (
  app: FastifyInstance,
  payload: object,
  headers: Record<string, string> = {},
  url = '/v1/rates',
) => app.inject({ method: 'POST', url, payload, headers });

/** The quote as the engine prices it now, as JSON: what any answer, cached or not, must equal. */
const priced = (ruleSet: RuleSet, request: object) =>
  JSON.parse(JSON.stringify(calculateRates(ruleSet, RatesRequestSchema.parse(request) as RateRequest)));

describe('the response cache of POST /v1/rates and /v1/compare', () => {
  it('answers a repeated request from the cache with the same bytes, and a compare request too', async () => {
    const app = await appWith();
    const first = await post(app, onDate('2026-03-01'));
    const second = await post(app, onDate('2026-03-01'));
    expect([first.statusCode, first.headers['x-cache']]).toEqual([200, 'miss']);
    expect([second.statusCode, second.headers['x-cache']]).toEqual([200, 'hit']);
    expect(second.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.json()).toEqual(priced(bundled, onDate('2026-03-01')));

    const compare = { ...onDate('2025-05-15'), destination: 'BANDAR-ABBAS', currency: 'USD', maxOptions: 1 };
    const c1 = await post(app, compare, {}, '/v1/compare');
    const c2 = await post(app, compare, {}, '/v1/compare');
    expect([c1.statusCode, c1.headers['x-cache'], c2.headers['x-cache']]).toEqual([200, 'miss', 'hit']);
    expect(c2.body).toBe(c1.body);
  });

  it('never answers with another rule set’s price, even from one cache shared by two rule sets', async () => {
    const cache = new ResponseCache(8 * 1024 * 1024);
    const served = await appWith({ ruleSet: bundled, cache });
    const draft = await appWith({ ruleSet: dearer, cache });
    const request = onDate('2026-03-01');

    const a = await post(served, request);
    const b = await post(draft, request);
    const again = await post(served, request);
    expect(b.headers['x-cache']).toBe('miss');
    expect(again.headers['x-cache']).toBe('miss');
    expect(a.json().options[0].total).toEqual({ amount: '105887.00', currency: 'RUB' });
    expect(b.json()).toEqual(priced(dearer, request));
    expect(b.json().options[0].total.amount).not.toBe(a.json().options[0].total.amount);
    expect(again.body).toBe(a.body);
    expect(b.headers.etag).not.toBe(a.headers.etag);
    // Only the responses of the rule set last asked for are kept.
    expect(cache.entries).toBe(1);
  });

  it('prices a request without a date on the day it arrives, across midnight', async () => {
    let clock = new Date('2025-12-31T23:59:59.900Z');
    const app = await appWith({ now: () => clock });
    // In USD: the year's new RZD tariff gives the same roubles as the old one indexed, but the rouble moved.
    const usd = { ...box, currency: 'USD' };
    const before = await post(app, usd);
    const sameDay = await post(app, { ...usd, acceptanceDate: '2025-12-31' });
    clock = new Date('2026-01-01T00:00:00.100Z');
    const after = await post(app, usd);

    expect(before.json().acceptanceDate).toBe('2025-12-31');
    expect(before.json()).toEqual(priced(bundled, { ...usd, acceptanceDate: '2025-12-31' }));
    // The defaulted date is part of the key: the same day's explicit date is the same request.
    expect(sameDay.headers['x-cache']).toBe('hit');
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json().acceptanceDate).toBe('2026-01-01');
    expect(after.json()).toEqual(priced(bundled, { ...usd, acceptanceDate: '2026-01-01' }));
    expect(after.json().options[0].total).not.toEqual(before.json().options[0].total);
  });

  it('never keeps an error: unknown stations, invalid bodies and unpriceable requests are answered afresh', async () => {
    const cache = new ResponseCache(8 * 1024 * 1024);
    const app = await appWith({ cache });
    for (const body of [
      { ...onDate('2026-03-01'), destination: 'KIGAS' },
      { ...onDate('2026-03-01'), units: { kind: 'container', size: '40', count: 0 } },
      { ...onDate('1990-01-01') },
    ]) {
      const first = await post(app, body);
      const second = await post(app, body);
      expect(first.statusCode).toBeGreaterThanOrEqual(400);
      expect(second.statusCode).toBe(first.statusCode);
      expect(second.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(second.headers['x-cache']).toBeUndefined();
      expect(second.headers.etag).toBeUndefined();
    }
    expect(cache.entries).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('keeps no more bytes than its bound, dropping the least recently used', async () => {
    const cache = new ResponseCache(8 * 1024);
    const app = await appWith({ cache });
    const dates = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'];
    let bodyBytes = 0;
    for (const date of dates) {
      const res = await post(app, onDate(date));
      bodyBytes += res.rawPayload.length;
      expect(cache.bytes).toBeLessThanOrEqual(8 * 1024);
    }
    expect(bodyBytes).toBeGreaterThan(8 * 1024);
    expect(cache.entries).toBeLessThan(dates.length);
    expect((await post(app, onDate(dates.at(-1) as string))).headers['x-cache']).toBe('hit');
    expect((await post(app, onDate(dates[0] as string))).headers['x-cache']).toBe('miss');
  });

  it('keeps nothing with a bound of 0, and still answers', async () => {
    const cache = new ResponseCache(0);
    const app = await appWith({ cache });
    await post(app, onDate('2026-03-01'));
    const again = await post(app, onDate('2026-03-01'));
    expect([again.statusCode, again.headers['x-cache'], cache.bytes]).toEqual([200, 'miss', 0]);
  });
});

describe('conditional requests to POST /v1/rates', () => {
  for (const bound of [8 * 1024 * 1024, 0]) {
    it(`answers 304 only to the ETag of the response it would send (cache of ${bound} bytes)`, async () => {
      const app = await appWith({ cache: new ResponseCache(bound) });
      const first = await post(app, onDate('2026-03-01'));
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);

      const notModified = await post(app, onDate('2026-03-01'), { 'if-none-match': etag });
      expect(notModified.statusCode).toBe(304);
      expect(notModified.rawPayload.length).toBe(0);
      expect(notModified.headers.etag).toBe(etag);
      expect((await post(app, onDate('2026-03-01'), { 'if-none-match': `"x", W/${etag}` })).statusCode).toBe(
        304,
      );

      // Another tag, another request's tag, the same request in another coding: the full response.
      const other = await post(app, onDate('2026-03-02'));
      expect(other.headers.etag).not.toBe(etag);
      for (const [request, headers] of [
        [onDate('2026-03-01'), { 'if-none-match': '"not-this-one"' }],
        [onDate('2026-03-01'), { 'if-none-match': other.headers.etag as string }],
        [onDate('2026-03-02'), { 'if-none-match': etag }],
        [onDate('2026-03-01'), { 'if-none-match': etag, 'accept-encoding': 'gzip' }],
      ] as const) {
        const res = await post(app, request, headers);
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('compressed responses of POST /v1/rates', () => {
  it('are coded as Accept-Encoding asks, and decode to the very bytes of the plain response, hit or miss', async () => {
    const app = await appWith();
    const plain = await post(app, onDate('2026-03-01'));
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/);
    const decode = { gzip: gunzipSync, br: brotliDecompressSync } as const;
    const tags = new Set([plain.headers.etag]);
    for (const [accept, coding] of [
      ['gzip', 'gzip'],
      ['br', 'br'],
      ['gzip, deflate, br', 'br'],
      ['gzip;q=1, br;q=0.5', 'gzip'],
    ] as const) {
      for (const cached of ['hit', 'hit']) {
        const res = await post(app, onDate('2026-03-01'), { 'accept-encoding': accept });
        expect(res.headers['x-cache']).toBe(cached);
        expect(res.headers['content-encoding']).toBe(coding);
        expect(res.headers.vary).toMatch(/accept-encoding/);
        expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
        expect(decode[coding](res.rawPayload).equals(plain.rawPayload)).toBe(true);
        tags.add(res.headers.etag);
      }
    }
    // One strong tag per coding.
    expect(tags.size).toBe(3);

    const fresh = await post(app, onDate('2026-04-01'), { 'accept-encoding': 'br' });
    expect([fresh.headers['x-cache'], fresh.headers['content-encoding']]).toEqual(['miss', 'br']);
    expect(JSON.parse(brotliDecompressSync(fresh.rawPayload).toString())).toEqual(
      priced(bundled, onDate('2026-04-01')),
    );
    const identityAsked = await post(app, onDate('2026-04-01'), { 'accept-encoding': 'identity' });
    expect(identityAsked.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(identityAsked.body)).toEqual(priced(bundled, onDate('2026-04-01')));
  });
});
