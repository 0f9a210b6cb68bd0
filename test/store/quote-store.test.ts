import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../src/store/apply-migrations.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { quoteStoreOn } from '../../src/store/open-quote-store.js';
import { purgeExpiredQuotes } from '../../src/store/quote-retention.js';
import type { QuoteStore } from '../../src/store/quote-store.js';
import type { SqlDatabase } from '../../src/store/sql-database.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { bearer, createKey } from '../helpers/keys.js';
import { BUNDLED_RULES, ruleFilesIn, ruleSetFrom, withFile } from '../helpers/rule-files.js';
import {
  pgliteBackend,
  postgresBackend,
  type StoreBackend,
  TEST_DATABASE_URL,
} from '../helpers/store-backends.js';

/** One private 40 ft box Moscow → Kigash in roubles: ТР-1 Table 24, 1 518 km, priced by RZD alone. */
const box = (overrides: Record<string, unknown> = {}) => ({
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1 },
  currency: 'RUB',
  ...overrides,
});

const RZD_2026 = 'railways/RZD/2026-01-01.yaml';
const fileHash = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(BUNDLED_RULES, file), 'utf8'))
    .digest('hex');
const clock = (instant: string) => () => new Date(instant);

function storeSuite(backend: StoreBackend) {
  let db: SqlDatabase;
  let store: QuoteStore;
  let second: QuoteStore;
  let a: RunningApp;
  let b: RunningApp;
  /** A shipper's key: every quote of this suite is issued and read with it, unless a test says otherwise. */
  let auth: { authorization: string };
  const extra: RunningApp[] = [];
  /** Another instance on the same database, with its own clock or rules. */
  const instance = async (options: Parameters<typeof startApp>[0]) => {
    const app = await startApp({ store: second, ...options });
    extra.push(app);
    return app;
  };
  const issue = (app: RunningApp, body: object = box(), key?: string) => {
    const call = request(app.url).post('/v1/quotes').set(auth);
    return (key === undefined ? call : call.set('Idempotency-Key', key)).send(body);
  };

  beforeAll(async () => {
    await backend.setUp();
    db = await backend.openDatabase();
    store = await quoteStoreOn(backend.kind, db);
    second = await backend.secondInstance(store);
    auth = bearer(await createKey(store, 'shipper'));
    a = await startApp({ store });
    b = await startApp({ store: second });
  });
  afterAll(async () => {
    for (const app of [a, b, ...extra]) await app?.close();
    await second?.close();
    await store?.close();
    await backend.tearDown();
  });

  it('migrates a fresh database once and refuses to start on a released migration that was edited', async () => {
    expect(await applyMigrations(db)).toEqual([]);
    const rows = await db.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    const [first] = MIGRATIONS;
    if (!first) throw new Error('no migrations');
    await expect(applyMigrations(db, [{ ...first, sql: `${first.sql}\n-- edited` }])).rejects.toThrow(
      /migration 1 \(quotes\) was edited after it was applied/,
    );
  });

  it('issues a quote with 201, a Location, the itemised option, its validity and the hashes of its rule files', async () => {
    const res = await issue(a).expect(201);
    expect(res.headers.location).toBe(`/v1/quotes/${res.body.id}`);
    const quote = res.body;
    // 1 518 km × 54.3658 RUB/km + 23 360 RUB = 105 887.2844 → 105 887.28 (kopecks) → 105 887 (whole roubles).
    expect(quote.option.total).toEqual({ amount: '105887.00', currency: 'RUB' });
    expect(quote.option.id).toBe('MOSKVA>KIGASH');
    // Issued 2026-03-01 + 30 days (RZD quoteValidityDays) = 2026-03-31, which is also the end of Q1.
    expect(quote).toMatchObject({
      issuedAt: '2026-03-01T09:00:00.000Z',
      validUntil: '2026-03-31',
      expired: false,
    });
    expect(quote.validity.terms).toEqual([{ railway: 'RZD', version: '2026-01-01', days: 30 }]);
    expect(quote.ruleFiles).toContainEqual({ file: RZD_2026, hash: fileHash(RZD_2026) });
    const files = quote.ruleFiles.map((f: { file: string }) => f.file);
    expect(files).toContain('network/links.yaml');
    // Roubles to roubles on RZD alone: no other railway's tariff, no exchange rate.
    expect(files).not.toContain('railways/KTZ/2026-01-01.yaml');
    expect(files.filter((f: string) => f.startsWith('fx/'))).toEqual([]);
    const health = await request(a.url).get('/health').set(auth).expect(200);
    expect(quote.ruleSetHash).toBe(health.body.ruleSetHash);
    expect(await store.count()).toBeGreaterThanOrEqual(1);
  });

  it('returns a quote issued on one instance from the other, by id and in its listings', async () => {
    const issued = (await issue(a, box({ units: { kind: 'container', size: '20', count: 3 } })).expect(201))
      .body;
    const read = await request(b.url).get(`/v1/quotes/${issued.id}`).set(auth).expect(200);
    expect(read.body).toEqual(issued);
    const listed = await request(b.url)
      .get('/v1/quotes?origin=MOSKVA&destination=KIGASH&limit=100')
      .set(auth)
      .expect(200);
    expect(listed.body.quotes.map((q: { id: string }) => q.id)).toContain(issued.id);
  });

  it('issues exactly one quote for 50 concurrent requests with one Idempotency-Key, across two instances', async () => {
    const before = await store.count();
    const key = `order-${Math.random().toString(36).slice(2)}`;
    const body = box({ units: { kind: 'container', size: '40', ownership: 'railway', count: 2 } });
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => issue(i % 2 ? a : b, body, key)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await store.count()).toBe(before + 1);
    const again = await issue(b, body, key).expect(200);
    expect(again.headers.location).toBe(`/v1/quotes/${responses[0]?.body.id}`);
  });

  it('answers the same Idempotency-Key with another body with a 409 problem and stores nothing', async () => {
    const key = `order-${Math.random().toString(36).slice(2)}`;
    await issue(a, box(), key).expect(201);
    const before = await store.count();
    const res = await issue(b, box({ units: { kind: 'container', size: '40', count: 2 } }), key).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 409, code: 'IDEMPOTENCY_CONFLICT' });
    expect(await store.count()).toBe(before);
  });

  it('answers an unknown quote id with a 404 problem, for reading and for replaying', async () => {
    const res = await request(a.url).get('/v1/quotes/no-such-quote').set(auth).expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'QUOTE_NOT_FOUND' });
    await request(a.url).post('/v1/quotes/no-such-quote/replay').set(auth).expect(404);
  });

  it('refuses a binding quote on illustrative figures, naming them, and issues it marked indicative on request', async () => {
    const body = box({ destination: 'BANDAR-ABBAS', currency: 'USD' });
    const refused = await issue(a, body).expect(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      code: 'ILLUSTRATIVE_FIGURES',
      errors: [{ pointer: '/indicative' }],
    });
    // The agreed 2026 through rate (USD 1 050 per box) is a placeholder: it is among the figures named.
    expect(refused.body.figures.join('\n')).toContain('corridors/north-south-2026/2026-01-01.yaml');

    const issued = (await issue(a, { ...body, indicative: true }).expect(201)).body;
    expect(issued).toMatchObject({ indicative: true, binding: false });
    expect(issued.option.confidence).toBe('illustrative');
    expect(issued.option.warnings.join('\n')).toContain('illustrative placeholder');
    const read = (await request(b.url).get(`/v1/quotes/${issued.id}`).set(auth).expect(200)).body;
    expect(read).toMatchObject({ indicative: true, binding: false });
    const listed = (await request(b.url).get('/v1/quotes?destination=BANDAR-ABBAS').set(auth).expect(200))
      .body;
    expect(listed.quotes.find((q: { id: string }) => q.id === issued.id)).toMatchObject({ indicative: true });

    // Moscow → Kigash in roubles rests on ТР-1 Table 24 alone (sourced): a binding quote, no flag needed.
    const binding = (await issue(a, box()).expect(201)).body;
    expect(binding).toMatchObject({ indicative: false, binding: true });
    expect(binding.option.confidence).not.toBe('illustrative');
  });

  it('replays a stored quote with the same rules into exactly the stored option', async () => {
    const issued = (
      await issue(a, box({ destination: 'BANDAR-ABBAS', currency: 'USD', indicative: true })).expect(201)
    ).body;
    const replay = (await request(b.url).post(`/v1/quotes/${issued.id}/replay`).set(auth).expect(200)).body;
    expect(replay.identical).toBe(true);
    expect(replay.option).toEqual(issued.option);
    expect(replay.difference.lines.length).toBe(issued.option.lines.length);
    expect(replay.difference.lines.every((l: { status: string }) => l.status === 'same')).toBe(true);
    expect(replay.difference.total.difference).toEqual({ amount: '0.00', currency: 'USD' });
    expect(replay).toMatchObject({ ruleFilesChanged: [], warnings: [], versionChanges: [] });
    expect(issued.ruleFiles.map((f: { file: string }) => f.file)).toEqual(
      expect.arrayContaining(['fx/rates.yaml', 'railways/RAI/2026-01-01.yaml']),
    );
  });

  it('says loudly when a rule file the quote used has been changed in place since it was issued', async () => {
    const issued = (await issue(a).expect(201)).body;
    const text = readFileSync(join(BUNDLED_RULES, RZD_2026), 'utf8');
    const edited = text.replace('fixed: "23360", perKm: "54.3658"', 'fixed: "24360", perKm: "54.3658"');
    expect(edited).not.toBe(text);
    const ruleSet = ruleSetFrom(withFile(ruleFilesIn(BUNDLED_RULES), RZD_2026, edited));
    const served = await instance({ ruleSet });
    const replay = (
      await request(served.url).post(`/v1/quotes/${issued.id}/replay`).set(auth).send({}).expect(200)
    ).body;
    expect(replay.identical).toBe(false);
    expect(replay.ruleFilesChanged).toEqual([
      {
        file: RZD_2026,
        storedHash: fileHash(RZD_2026),
        currentHash: ruleSet.files.find((f) => f.file === RZD_2026)?.hash,
      },
    ]);
    expect(replay.warnings.join('\n')).toMatch(/railways\/RZD\/2026-01-01\.yaml has been changed in place/);
    // A: 23 360 → 24 360 RUB: the rate line and the total both rise by 1 000 RUB; the rounding line stays −0.28,
    // only its formula shows the new subtotal (106 887.28 → 106 887).
    const [rate, rounding] = replay.difference.lines;
    expect(rate).toMatchObject({
      kind: 'rate',
      status: 'changed',
      difference: { amount: '1000.00', currency: 'RUB' },
    });
    expect(rounding).toMatchObject({ kind: 'rounding', status: 'changed', changed: ['formula'] });
    expect(rounding.difference).toEqual({ amount: '0.00', currency: 'RUB' });
    expect(rounding.replayed.formula).toBe('106 887.28 RUB → 106 887 RUB');
    expect(replay.difference.total.difference).toEqual({ amount: '1000.00', currency: 'RUB' });
  });

  it('replays on another acceptance date with the versions in force then, line by line', async () => {
    const issued = (await issue(a).expect(201)).body;
    const replay = (
      await request(a.url)
        .post(`/v1/quotes/${issued.id}/replay`)
        .set(auth)
        .send({ acceptanceDate: '2025-06-01' })
        .expect(200)
    ).body;
    expect(replay).toMatchObject({
      acceptanceDate: '2025-06-01',
      storedAcceptanceDate: '2026-03-01',
      warnings: [],
    });
    expect(replay.versionChanges).toEqual([{ railway: 'RZD', stored: '2026-01-01', replayed: '2024-12-01' }]);
    // 2024-12-01 version: 1 518 km × 49.4235 + 21 236.36 = 96 261.233 → 96 261.23 → 96 261 RUB.
    // Rate 96 261.23 − 105 887.28 = −9 626.05; rounding −0.23 − (−0.28) = +0.05; total 96 261 − 105 887 = −9 626.
    // VAT on this domestic haul (tariff-guides/TR-1/vat.yaml): 96 261 × 0.20 − 105 887 × 0.22 = 19 252.20 − 23 295.14.
    expect(
      replay.difference.lines.map((l: { kind: string; difference: { amount: string } }) => [
        l.kind,
        l.difference.amount,
      ]),
    ).toEqual([
      ['rate', '-9626.05'],
      ['rounding', '0.05'],
      ['vat', '-4042.94'],
    ]);
    expect(replay.difference.total).toEqual({
      stored: { amount: '105887.00', currency: 'RUB' },
      replayed: { amount: '96261.00', currency: 'RUB' },
      difference: { amount: '-9626.00', currency: 'RUB' },
    });
  });

  it('still returns a quote after its validUntil, marked expired', async () => {
    const issued = (await issue(a).expect(201)).body;
    const lastDay = await instance({ now: clock('2026-03-31T23:59:00Z') });
    const dayAfter = await instance({ now: clock('2026-04-01T00:00:00Z') });
    expect(
      (await request(lastDay.url).get(`/v1/quotes/${issued.id}`).set(auth).expect(200)).body.expired,
    ).toBe(false);
    const read = await request(dayAfter.url).get(`/v1/quotes/${issued.id}`).set(auth).expect(200);
    expect(read.body).toEqual({ ...issued, expired: true });
    const listed = await request(dayAfter.url).get('/v1/quotes?limit=100').set(auth).expect(200);
    expect(listed.body.quotes.find((q: { id: string }) => q.id === issued.id)).toMatchObject({
      expired: true,
    });
  });

  it('pages through quotes newest first, with no gaps or repeats while quotes are being added', async () => {
    const day = await instance({ now: clock('2026-02-10T12:00:00Z') });
    const body = (count: number) => box({ units: { kind: 'container', size: '40', count } });
    const seeded = await Promise.all(
      Array.from({ length: 12 }, (_, i) => issue(day, body(i + 1)).expect(201)),
    );
    const expected = seeded.map((r) => r.body.id as string);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await request(b.url)
        .get('/v1/quotes')
        .set(auth)
        .query({ from: '2026-02-10', to: '2026-02-10', limit: 5, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...page.body.quotes.map((q: { id: string }) => q.id));
      cursor = page.body.nextCursor;
      // Quotes issued between two pages, on both instances, with the same issue instant as the seeded ones.
      await Promise.all([issue(day, body(20 + pages)), issue(a, body(40 + pages))]);
      pages += 1;
    } while (cursor && pages < 20);
    expect(cursor).toBeUndefined();
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(expected));
    expect(pages).toBeGreaterThanOrEqual(3);
  });

  it('lists quotes newest first and filters them by route and issue date', async () => {
    const early = await instance({ now: clock('2026-01-15T08:00:00Z') });
    const late = await instance({ now: clock('2026-01-16T08:00:00Z') });
    const indicative = box({ destination: 'BANDAR-ABBAS', currency: 'USD', indicative: true });
    const first = (await issue(early, indicative).expect(201)).body;
    const second = (await issue(late, indicative).expect(201)).body;
    const both = await request(a.url)
      .get('/v1/quotes?origin=MOSKVA&destination=BANDAR-ABBAS&from=2026-01-15&to=2026-01-16')
      .set(auth)
      .expect(200);
    expect(both.body.quotes.map((q: { id: string }) => q.id)).toEqual([second.id, first.id]);
    expect(both.body.quotes[1]).toMatchObject({
      issuedAt: '2026-01-15T08:00:00.000Z',
      acceptanceDate: '2026-03-01',
      optionId: first.option.id,
      total: first.option.total,
    });
    const oneDay = await request(a.url)
      .get('/v1/quotes?destination=BANDAR-ABBAS&from=2026-01-16&to=2026-01-16')
      .set(auth);
    expect(oneDay.body.quotes.map((q: { id: string }) => q.id)).toEqual([second.id]);
  });

  it('answers a cursor it did not issue with a 400 problem pointing at it', async () => {
    const res = await request(a.url).get('/v1/quotes?cursor=not-a-cursor').set(auth).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_REQUEST', errors: [{ pointer: '#querystring/cursor' }] });
  });

  it('refuses to issue, list, read or replay quotes without a key: 401 problem with WWW-Authenticate', async () => {
    const before = await store.count();
    const res = await request(a.url).post('/v1/quotes').send(box()).expect(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="throughrate"');
    expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHORIZED', roles: ['shipper', 'admin'] });
    expect(await store.count()).toBe(before);
    const issued = (await issue(a).expect(201)).body;
    await request(a.url).get('/v1/quotes').expect(401);
    await request(a.url).get(`/v1/quotes/${issued.id}`).expect(401);
    await request(a.url).post(`/v1/quotes/${issued.id}/replay`).expect(401);
    const forged = `${auth.authorization.slice(0, -4)}AAAA`;
    const wrong = await request(a.url)
      .get(`/v1/quotes/${issued.id}`)
      .set({ authorization: forged })
      .expect(401);
    expect(wrong.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it("keeps each shipper to its own quotes: another account's quote is a 404, an admin reads them all", async () => {
    const other = bearer(await createKey(store, 'shipper', { name: 'another shipper' }));
    const admin = bearer(await createKey(store, 'admin'));
    const mine = (await issue(a, box({ units: { kind: 'container', size: '20', count: 5 } })).expect(201))
      .body;
    const theirs = (
      await request(b.url)
        .post('/v1/quotes')
        .set(other)
        .send(box({ units: { kind: 'container', size: '20', count: 6 } }))
        .expect(201)
    ).body;
    for (const [caller, hidden] of [
      [other, mine.id],
      [auth, theirs.id],
    ] as const) {
      const res = await request(b.url).get(`/v1/quotes/${hidden}`).set(caller).expect(404);
      expect(res.body).toMatchObject({ code: 'QUOTE_NOT_FOUND', detail: `no quote ${hidden}` });
      await request(a.url).post(`/v1/quotes/${hidden}/replay`).set(caller).expect(404);
    }
    const listed = async (caller: { authorization: string }) =>
      (await request(a.url).get('/v1/quotes?limit=100').set(caller).expect(200)).body.quotes.map(
        (q: { id: string }) => q.id,
      );
    expect(await listed(other)).toEqual([theirs.id]);
    expect(await listed(auth)).toContain(mine.id);
    expect(await listed(auth)).not.toContain(theirs.id);
    expect(await listed(admin)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect((await request(b.url).get(`/v1/quotes/${theirs.id}`).set(admin).expect(200)).body).toEqual(theirs);
  });

  it('scopes an Idempotency-Key to the account: two shippers using one key get a quote each', async () => {
    const other = bearer(await createKey(store, 'shipper', { name: 'a shipper choosing the same keys' }));
    const key = `order-${Math.random().toString(36).slice(2)}`;
    const mine = await issue(a, box(), key).expect(201);
    const theirs = await request(b.url).post('/v1/quotes').set(other).set('Idempotency-Key', key).send(box());
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect((await issue(b, box(), key).expect(200)).body.id).toBe(mine.body.id);
  });

  it('refuses quotes to a committee key (403), which is not a shipper', async () => {
    const committee = bearer(await createKey(store, 'committee'));
    const res = await request(a.url).post('/v1/quotes').set(committee).send(box()).expect(403);
    expect(res.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it('purges a quote the day after its retention ends, and keeps the others', async () => {
    const old = await instance({ now: clock('2023-03-01T10:00:00Z') });
    const ancient = (await issue(old, box({ acceptanceDate: '2023-03-01', indicative: true })).expect(201))
      .body;
    const recent = (await issue(a).expect(201)).body;
    expect(ancient.validUntil).toBe('2023-03-31');
    // A year's retention: valid through 2023-03-31, kept through 2024-03-30 (365 days on), purged from 2024-03-31.
    expect(await purgeExpiredQuotes(store, '2024-03-30', 365)).toBe(0);
    const before = await store.count();
    expect(await purgeExpiredQuotes(store, '2024-03-31', 365)).toBe(1);
    expect(await store.count()).toBe(before - 1);
    await request(a.url).get(`/v1/quotes/${ancient.id}`).set(auth).expect(404);
    await request(a.url).get(`/v1/quotes/${recent.id}`).set(auth).expect(200);
  });

  it('answers a burst over the per-key limit with 429 and Retry-After', async () => {
    const limited = await instance({ store, rateLimits: { anonymousPerMinute: 2, perKeyPerMinute: 3 } });
    const key = bearer(await createKey(store, 'shipper'));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await request(limited.url).get('/v1/quotes').set(key)).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const res = await request(limited.url).get('/v1/quotes').set(key).expect(429);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.body).toMatchObject({ status: 429, code: 'RATE_LIMITED', limit: 3 });
    // Another key has a budget of its own.
    await request(limited.url).get('/v1/quotes').set(auth).expect(200);
  });

  it.skipIf(backend.kind !== 'postgres')(
    'holds a rate limit across two instances on one PostgreSQL: they count in the same window',
    async () => {
      const limits = { anonymousPerMinute: 4, perKeyPerMinute: 0 };
      const first = await instance({ store, rateLimits: limits });
      const other = await instance({ store: second, rateLimits: limits });
      const stations = (app: RunningApp) => request(app.url).get('/v1/stations?q=kigash');
      // Four windows a minute long: a burst that straddles a window's end would be counted in two.
      const left = 60_000 - (Date.now() % 60_000);
      if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
      const statuses = [];
      for (const app of [first, other, first, other, first, other])
        statuses.push((await stations(app)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      // A key is not counted against the address: it has no limit here.
      await stations(first).set(auth).expect(200);
    },
  );

  it('keeps every issued quote across a restart of the service', async () => {
    const issued = (await issue(a, box({ units: { kind: 'container', size: '20', count: 7 } })).expect(201))
      .body;
    const count = await store.count();
    await a.close();
    await store.close();
    store = await backend.openStore();
    a = await startApp({ store });
    expect(await store.count()).toBe(count);
    expect((await request(a.url).get(`/v1/quotes/${issued.id}`).set(auth).expect(200)).body).toEqual(issued);
  });
}

describe('quote store on PGlite (embedded, in a temporary data directory)', () => {
  storeSuite(pgliteBackend());
});

describe.skipIf(!TEST_DATABASE_URL)(
  'quote store on PostgreSQL (skipped unless TEST_DATABASE_URL is set, as .ci/run sets it)',
  () => {
    storeSuite(postgresBackend(TEST_DATABASE_URL ?? ''));
  },
);
