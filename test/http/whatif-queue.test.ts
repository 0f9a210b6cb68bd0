import { request as httpRequest } from 'node:http';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppOptions } from '../../src/http/build-app.js';
import { openPgliteQuoteStore } from '../../src/store/open-quote-store.js';
import type { QuoteStore } from '../../src/store/quote-store.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { bearer, createKey } from '../helpers/keys.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

const ROW = {
  origin: 'ATYRAU',
  destination: 'AKTAU-PORT',
  cargo: '693000',
  units: '40ft',
  date: '2026-08-01',
};
const BODY = {
  draft: {
    overrides: {
      values: {
        'railways/KTZ/2026-01-01.yaml#regimes[national].rates[container-40-loaded].formula.perKm': '200',
      },
    },
  },
  portfolio: [ROW],
  currency: 'KZT',
};

/** A sample of a metric from GET /metrics (0 when absent). */
async function metric(url: string, line: RegExp): Promise<number> {
  const text = (await request(url).get('/metrics')).text;
  const found = text.split('\n').find((l) => line.test(l));
  return found ? Number(found.split(' ').at(-1)) : 0;
}

async function until(check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Posts a what-if on a connection of its own, which the test can cut. */
function postRaw(url: string, body: object, auth: { authorization: string }) {
  const { port } = new URL(url);
  const req = httpRequest({
    host: '127.0.0.1',
    port: Number(port),
    method: 'POST',
    path: '/v1/whatif',
    headers: { 'content-type': 'application/json', ...auth },
  });
  req.on('error', () => undefined);
  req.end(JSON.stringify(body));
  return req;
}

const QUEUE = /^throughrate_whatif_queue_length /;

describe('the what-if queue', () => {
  let server: RunningApp | undefined;
  let store: QuoteStore | undefined;
  /** What-ifs are a committee's: a server with a store holding a committee key, sent with every what-if. */
  let auth: { authorization: string };
  const startWithKeys = async (options: Partial<AppOptions>) => {
    store = await openPgliteQuoteStore('memory://');
    auth = bearer(await createKey(store, 'committee'));
    return startApp({ ...options, store });
  };
  afterEach(async () => {
    await server?.close();
    await store?.close();
    server = undefined;
    store = undefined;
  });

  it('refuses a what-if beyond the queue with 429 and Retry-After, and drops a job whose client has gone', async () => {
    server = await startWithKeys({
      ruleFiles: ruleFilesIn(BUNDLED_RULES),
      whatif: { queueLimit: 2, timeoutMs: 120_000 },
    });
    const { url } = server;
    // Two accepted: the first waits for the thread to read the rules, the second behind it.
    const first = postRaw(url, BODY, auth);
    const second = postRaw(url, BODY, auth);
    await until(async () => (await metric(url, QUEUE)) === 2);
    const refused = await request(url).post('/v1/whatif').set(auth).send(BODY);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body.code).toBe('WHATIF_BUSY');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Both clients go away: their jobs are cancelled and the queue empties.
    first.destroy();
    second.destroy();
    await until(async () => (await metric(url, QUEUE)) === 0);
    expect(await metric(url, /^throughrate_whatif_job_duration_seconds_count\{outcome="cancelled"\}/)).toBe(
      2,
    );
    // The thread is there again for the next one, which says it waited behind nobody.
    const next = await request(url).post('/v1/whatif').set(auth).send(BODY);
    expect(next.status).toBe(200);
    expect(next.headers['x-whatif-queue-position']).toBe('0');
    expect(await metric(url, /^throughrate_whatif_job_duration_seconds_count\{outcome="done"\}/)).toBe(1);
  }, 180_000);

  it('stops a what-if that runs past its time limit, with 503 problem+json', async () => {
    server = await startWithKeys({ ruleFiles: ruleFilesIn(BUNDLED_RULES), whatif: { timeoutMs: 1 } });
    const res = await request(server.url).post('/v1/whatif').set(auth).send(BODY);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('WHATIF_TIMEOUT');
    expect(
      await metric(server.url, /^throughrate_whatif_job_duration_seconds_count\{outcome="timeout"\}/),
    ).toBe(1);
  }, 180_000);
});

describe('operations', () => {
  let server: RunningApp | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('is ready with its rule set and a reachable store, and says 503 when the store fails', async () => {
    server = await startApp();
    const ready = await request(server.url).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', store: 'none' });
    await server.close();
    const failing = {
      kind: 'postgres' as const,
      count: () => Promise.reject(new Error('connection refused')),
      issue: () => Promise.reject(new Error('unused')),
      findByIdempotencyKey: () => Promise.resolve(undefined),
      get: () => Promise.resolve(undefined),
      list: () => Promise.resolve({ quotes: [] }),
      purgeExpiredBefore: () => Promise.resolve(0),
      keys: {
        create: () => Promise.reject(new Error('unused')),
        createFirstAdmin: () => Promise.resolve(undefined),
        find: () => Promise.resolve(undefined),
        list: () => Promise.resolve([]),
        revoke: () => Promise.resolve(false),
      },
      rateWindows: { hit: () => Promise.reject(new Error('unused')) },
      close: async () => {},
    };
    server = await startApp({ store: failing });
    const notReady = await request(server.url).get('/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({ code: 'NOT_READY' });
    expect(notReady.body.detail).toContain('connection refused');
  });

  it('counts requests by route and status and names the rule set in /metrics', async () => {
    server = await startApp();
    await request(server.url).get('/health').expect(200);
    await request(server.url).get('/v1/railways/XX/versions').expect(404);
    const text = (await request(server.url).get('/metrics').expect(200)).text;
    expect(text).toMatch(/throughrate_http_requests_total\{method="GET",route="\/health",status="200"\} 1/);
    expect(text).toMatch(
      /throughrate_http_requests_total\{method="GET",route="\/v1\/railways\/:code\/versions",status="404"\} 1/,
    );
    expect(text).toContain('throughrate_http_request_duration_seconds_bucket');
    const hash = (await request(server.url).get('/health')).body.ruleSetHash;
    expect(text).toContain(`throughrate_rule_set_info{hash="${hash}"} 1`);
  });

  it('sends security headers, with a policy under which the /docs page loads its own files', async () => {
    server = await startApp();
    const docs = await request(server.url).get('/docs/').redirects(1);
    expect(docs.status).toBe(200);
    const csp = docs.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    // Every script of the page is a file of its own, which script-src 'self' allows.
    const scripts = [...docs.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? '');
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toMatch(/src="\.?\/?[^"]+"/);
    const health = await request(server.url).get('/health');
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
