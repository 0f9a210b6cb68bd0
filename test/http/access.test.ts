import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyCache } from '../../src/http/access/key-cache.js';
import { openPgliteQuoteStore } from '../../src/store/open-quote-store.js';
import type { QuoteStore } from '../../src/store/quote-store.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { bearer, createKey } from '../helpers/keys.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

const BOX = {
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1 },
  currency: 'RUB',
};
const EMPTY_WHATIF = {
  draft: { files: [] },
  portfolio: [
    {
      id: 'one',
      origin: 'ATYRAU',
      destination: 'AKTAU-PORT',
      cargo: '693000',
      units: '40ft',
      count: 1,
      date: '2026-08-01',
      ownership: 'private',
    },
  ],
  currency: 'KZT',
};

describe('keys and roles', () => {
  let store: QuoteStore;
  let server: RunningApp;
  let shipper: { authorization: string };
  let committee: { authorization: string };
  let admin: { authorization: string };
  beforeAll(async () => {
    store = await openPgliteQuoteStore('memory://');
    const first = await store.keys.createFirstAdmin(new Date('2026-03-01T08:00:00Z'));
    if (!first) throw new Error('an empty key table gave no first admin key');
    admin = bearer(first.key);
    shipper = bearer(await createKey(store, 'shipper'));
    committee = bearer(await createKey(store, 'committee'));
    server = await startApp({ store, ruleFiles: ruleFilesIn(BUNDLED_RULES) });
    // An in-memory PGlite is created for the keys: seconds, or a minute on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('creates the first admin key only while the key table is empty', async () => {
    expect(await store.keys.createFirstAdmin(new Date())).toBeUndefined();
    const admins = (await store.keys.list()).filter((k) => k.role === 'admin');
    expect(admins).toHaveLength(1);
    expect(admins[0]?.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(admins[0]?.keyHash).not.toContain(admin.authorization.slice(7));
  });

  it('serves the reference routes, rates and comparisons without a key', async () => {
    await request(server.url).get('/health').expect(200);
    await request(server.url).get('/v1/stations?q=kigash').expect(200);
    await request(server.url).get('/v1/railways').expect(200);
    await request(server.url).post('/v1/rates').send(BOX).expect(200);
    await request(server.url)
      .post('/v1/compare')
      .send({ ...BOX, destination: 'BANDAR-ABBAS', currency: 'USD' })
      .expect(200);
    // A key of any role may call them too.
    await request(server.url).post('/v1/rates').set(committee).send(BOX).expect(200);
  });

  it('lets a committee key run a what-if, refuses a shipper key (403) and no key (401)', async () => {
    const anonymous = await request(server.url).post('/v1/whatif').send(EMPTY_WHATIF).expect(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="throughrate"');
    const refused = await request(server.url).post('/v1/whatif').set(shipper).send(EMPTY_WHATIF).expect(403);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 403, code: 'FORBIDDEN', roles: ['committee', 'admin'] });
    const admitted = await request(server.url)
      .post('/v1/whatif')
      .set(committee)
      .send(EMPTY_WHATIF)
      .expect(200);
    expect(admitted.body.shipments).toHaveLength(1);
    await request(server.url).post('/v1/whatif').set(admin).send(EMPTY_WHATIF).expect(200);
  });

  it('refuses a malformed, unknown or forged key with 401 on any route, public ones included', async () => {
    for (const authorization of [
      'Basic dXNlcjpwYXNz',
      'Bearer not-a-key',
      `Bearer tr_0123456789abcdef_${'A'.repeat(43)}`,
      `${shipper.authorization.slice(0, -1)}${shipper.authorization.endsWith('A') ? 'B' : 'A'}`,
    ]) {
      const res = await request(server.url).post('/v1/rates').set({ authorization }).send(BOX).expect(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
    }
  });

  it('lets an admin create, list and revoke keys over HTTP; a revoked key stops at once on this server', async () => {
    const created = await request(server.url)
      .post('/v1/keys')
      .set(admin)
      .send({ role: 'shipper', name: 'Caspian Freight' })
      .expect(201);
    expect(created.body).toMatchObject({
      role: 'shipper',
      name: 'Caspian Freight',
      account: created.body.id,
    });
    expect(created.body.keyHash).toBeUndefined();
    const key = bearer(created.body.key);
    await request(server.url).post('/v1/quotes').set(key).send(BOX).expect(201);
    const listed = await request(server.url).get('/v1/keys').set(admin).expect(200);
    expect(listed.body.keys.map((k: { id: string }) => k.id)).toContain(created.body.id);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    await request(server.url).get('/v1/keys').set(shipper).expect(403);
    await request(server.url).get('/v1/keys').expect(401);
    const revoked = await request(server.url).delete(`/v1/keys/${created.body.id}`).set(admin).expect(200);
    expect(revoked.body.revokedAt).toBeDefined();
    await request(server.url).get('/v1/quotes').set(key).expect(401);
    await request(server.url).delete('/v1/keys/no-such-key').set(admin).expect(404);
  });

  it('honours a key revoked elsewhere within the key cache time to live, not before', async () => {
    let now = 0;
    const cache = new KeyCache(
      (id) => store.keys.find(id),
      10_000,
      100,
      () => now,
    );
    const other = await startApp({ store, keyCache: cache });
    try {
      const created = await store.keys.create({ role: 'shipper', name: 'rotating' }, new Date());
      const key = bearer(created.key);
      await request(other.url).get('/v1/quotes').set(key).expect(200);
      await store.keys.revoke(created.record.id, new Date()); // as `throughrate keys revoke` would, elsewhere
      now = 9_999;
      await request(other.url).get('/v1/quotes').set(key).expect(200);
      now = 10_000;
      await request(other.url).get('/v1/quotes').set(key).expect(401);
    } finally {
      await other.close();
    }
  });

  it('answers an anonymous burst with 429 and Retry-After, and leaves a key unlimited when its limit is 0', async () => {
    const limited = await startApp({ store, rateLimits: { anonymousPerMinute: 3, perKeyPerMinute: 0 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await request(limited.url).post('/v1/rates').send(BOX)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await request(limited.url).get('/v1/stations?q=kigash').expect(429);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(res.body).toMatchObject({ status: 429, code: 'RATE_LIMITED', limit: 3 });
      for (let i = 0; i < 5; i++)
        await request(limited.url).post('/v1/rates').set(shipper).send(BOX).expect(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the key cache', () => {
  it('keeps at most its bound of keys, the oldest going first, and asks once for concurrent lookups', async () => {
    const asked: string[] = [];
    const cache = new KeyCache(
      async (id) => {
        asked.push(id);
        return undefined;
      },
      10_000,
      2,
    );
    await Promise.all([cache.get('a'), cache.get('a')]);
    await cache.get('b');
    await cache.get('c');
    expect(cache.size).toBe(2);
    await cache.get('b');
    await cache.get('a');
    expect(asked).toEqual(['a', 'b', 'c', 'a']);
  });
});
