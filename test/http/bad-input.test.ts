import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuoteStore } from '../../src/store/quote-store.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { bearer, createKey } from '../helpers/keys.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';
import { pgliteBackend } from '../helpers/store-backends.js';

/** Input that passes the HTTP layer must never reach the engine or the database as something it cannot handle. */

const BOX = {
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private' },
};
const ROW = {
  origin: 'ATYRAU',
  destination: 'AKTAU-PORT',
  cargo: '693000',
  units: '40ft',
  date: '2026-08-01',
};
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Nine levels of nine aliases each: 9^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 9; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return lines.join('\n');
}

/** YAML 1.1 merge keys, each level merging the one before five times. */
function mergeChain(): string {
  const lines = ['%YAML 1.1', '---', 'a0: &a0 {x: 1}'];
  for (let i = 1; i < 50; i++)
    lines.push(
      `a${i}: &a${i}\n  <<: [${Array(5)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n  y${i}: 1`,
    );
  return lines.join('\n');
}

describe('bad input is refused with a 4xx problem, never a 500', () => {
  const backend = pgliteBackend();
  let store: QuoteStore;
  let server: RunningApp;
  let issuedId = '';
  /** An admin's key: it may issue, read and replay quotes and run what-ifs. */
  let auth: { authorization: string };
  beforeAll(async () => {
    await backend.setUp();
    store = await backend.openStore();
    server = await startApp({ store, ruleFiles: ruleFilesIn(BUNDLED_RULES) });
    auth = bearer(await createKey(store, 'admin'));
    const issued = await request(server.url).post('/v1/quotes').set(auth).send(BOX).expect(201);
    issuedId = issued.body.id;
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await store?.close();
    await backend.tearDown();
  });

  const expectProblem = (res: request.Response, status: number, pointer?: string) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.status).toBe(status);
    if (pointer !== undefined)
      expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  };

  it('refuses a NUL in a quote id, to read or to replay', async () => {
    expectProblem(await request(server.url).get('/v1/quotes/abc%00def').set(auth), 400, '#params/id');
    expectProblem(
      await request(server.url).post('/v1/quotes/abc%00def/replay').set(auth).send({}),
      400,
      '#params/id',
    );
  });

  it('refuses issue dates outside 1990–2100 on the quote list', async () => {
    expectProblem(
      await request(server.url).get('/v1/quotes?from=0000-01-01').set(auth),
      400,
      '#querystring/from',
    );
    expectProblem(
      await request(server.url).get('/v1/quotes?to=9999-12-31').set(auth),
      400,
      '#querystring/to',
    );
  });

  it('refuses crafted cursors: an impossible instant, a NUL in the id, not JSON', async () => {
    for (const cursor of [
      cursorOf(['0000-13-45T00:00:00.000Z', 'x']),
      cursorOf(['2026-03-01T09:00:00.000Z', 'a\u0000b']),
      cursorOf(['2026-03-01T09:00:00.000Z', 'x'.repeat(300)]),
      'not-a-cursor',
    ]) {
      const res = await request(server.url).get('/v1/quotes').set(auth).query({ cursor });
      expectProblem(res, 400, '#querystring/cursor');
    }
  });

  it('refuses an acceptance date of 9999-12-31 rather than issuing a quote for it', async () => {
    const res = await request(server.url)
      .post('/v1/quotes')
      .set(auth)
      .send({ ...BOX, acceptanceDate: '9999-12-31' });
    expectProblem(res, 400, '/acceptanceDate');
    expect(res.body.detail).toContain('1990-01-01');
    expectProblem(
      await request(server.url)
        .post('/v1/rates')
        .send({ ...BOX, acceptanceDate: '1900-01-01' }),
      400,
      '/acceptanceDate',
    );
    expectProblem(
      await request(server.url)
        .post(`/v1/quotes/${issuedId}/replay`)
        .set(auth)
        .send({ acceptanceDate: '0001-01-01' }),
      400,
      '/acceptanceDate',
    );
  });

  it('refuses a value of time too long to be a price, instead of amplifying it', async () => {
    const res = await request(server.url)
      .post('/v1/compare')
      .send({ ...BOX, valueOfTimePerTonneDay: `1${'0'.repeat(240_000)}` });
    expectProblem(res, 400, '/valueOfTimePerTonneDay');
  });

  it('refuses what-if weights that a decimal cannot hold exactly', async () => {
    for (const weight of [1e308, `1${'0'.repeat(200_000)}`]) {
      const res = await request(server.url)
        .post('/v1/whatif')
        .set(auth)
        .send({ draft: { files: [] }, portfolio: [{ ...ROW, weight }] });
      expectProblem(res, 400, '/portfolio/0/weight');
    }
  });

  it('refuses an override map of more keys than allowed', async () => {
    const values = Object.fromEntries(
      Array.from({ length: 5_001 }, (_, i) => [`railways/KTZ/2026-01-01.yaml#x${i}`, '1']),
    );
    const res = await request(server.url)
      .post('/v1/whatif')
      .set(auth)
      .send({ draft: { overrides: { values } }, portfolio: [ROW] });
    expectProblem(res, 400, '/draft/overrides/values');
  });

  it('answers YAML alias bombs and merge-key chains in a draft with 422, not 500', async () => {
    for (const text of [aliasBomb(), mergeChain()]) {
      const res = await request(server.url)
        .post('/v1/whatif')
        .set(auth)
        .send({ draft: { files: [{ path: 'railways/KTZ/2026-07-01.yaml', text }] }, portfolio: [ROW] });
      expectProblem(res, 422);
      expect(res.body.code).toBe('INVALID_RULES');
      expect(JSON.stringify(res.body.errors)).toMatch(/alias/i);
    }
  }, 60_000);
});
