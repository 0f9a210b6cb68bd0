import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/http/response-cache.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { takeViolations } from '../helpers/contract-check.js';

const box = {
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1 },
  currency: 'RUB',
};

/**
 * The check every HTTP test runs under (test/helpers/contract-check.ts) can fail: a server whose responses are
 * tampered with after the route answered, as a route that broke its contract would send them.
 */
describe('the response contract check', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp({
      // No response cache: a cached answer is sent as stored bytes, which this tampering hook leaves alone.
      responseCache: new ResponseCache(0),
      instrument: (app) =>
        app.addHook('onSend', async (req, _reply, payload) => {
          if (typeof payload !== 'string' || req.headers['x-tamper'] === undefined) return payload;
          const body = JSON.parse(payload);
          if (req.headers['x-tamper'] === 'extra-field') body.options[0].lines[0].surprise = true;
          if (req.headers['x-tamper'] === 'wrong-type') body.ruleSetHash = 42;
          if (req.headers['x-tamper'] === 'problem') delete body.code;
          return JSON.stringify(body);
        }),
    });
  });
  afterAll(() => server.close());

  it('passes the responses of POST /v1/rates as they are', async () => {
    await request(server.url).post('/v1/rates').send(box).expect(200);
    expect(takeViolations()).toEqual([]);
  });

  it('fails a POST /v1/rates response carrying a field outside its schema, though the route skips the schema', async () => {
    await request(server.url).post('/v1/rates').set('x-tamper', 'extra-field').send(box).expect(200);
    expect(takeViolations()).toEqual([
      {
        route: 'POST /v1/rates',
        status: 200,
        problems: ['options[0].lines[0].surprise: not in the response schema'],
      },
    ]);
  });

  it('fails a response whose field has the wrong type, and a problem document without its code', async () => {
    await request(server.url).get('/health').set('x-tamper', 'wrong-type').expect(200);
    await request(server.url).get('/v1/railways/XYZ/versions').set('x-tamper', 'problem').expect(404);
    expect(takeViolations()).toMatchObject([
      { route: 'GET /health', status: 200, problems: [expect.stringMatching(/^ruleSetHash: /)] },
      { route: 'GET /v1/railways/:code/versions', status: 404, problems: [expect.stringMatching(/^code: /)] },
    ]);
  });
});
