import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../helpers/app.js';

const base = {
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1 },
};

describe('POST /v1/rates refuses what it cannot price, with a problem document', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp({ bodyLimitBytes: 4096 });
  });
  afterAll(() => server.close());

  const post = (body: unknown) =>
    request(server.url)
      .post('/v1/rates')
      .send(body as object);

  it.each([
    [
      'a 40 ft box of 90 t gross, above the 30 480 kg rated mass of ISO 668',
      { ...base, units: { ...base.units, grossMassTonnes: 90 } },
      422,
      'IMPLAUSIBLE_SHIPMENT',
      '/units/grossMassTonnes',
    ],
    [
      'a "block train" of one wagon, below the minimum the RZD rules set',
      {
        ...base,
        cargo: { etsng: '161005' },
        units: { kind: 'wagon', shipmentType: 'block-train', count: 1, grossMassTonnes: 65 },
      },
      422,
      'IMPLAUSIBLE_SHIPMENT',
      '/units/count',
    ],
    [
      'an unknown cargo code, with close codes suggested',
      { ...base, cargo: { etsng: '693001' } },
      422,
      'UNKNOWN_CARGO',
      '/cargo/etsng',
    ],
    [
      'a date before any RZD tariff',
      { ...base, acceptanceDate: '2022-06-01' },
      422,
      'NO_TARIFF_IN_FORCE',
      '/acceptanceDate',
    ],
    [
      'a border crossing the route cannot use',
      { ...base, destination: 'ALMATY', via: ['SERAKHS'] },
      422,
      'NO_ROUTE',
      '/via',
    ],
    [
      'a container without its size',
      { ...base, units: { kind: 'container' } },
      400,
      'INVALID_REQUEST',
      '/units/size',
    ],
    [
      'a unit the railway does not carry (an empty railway-owned box on RZD)',
      { ...base, units: { kind: 'container', size: '40', ownership: 'railway', loaded: false } },
      422,
      'UNIT_NOT_CARRIED',
      '/units',
    ],
    [
      'a currency without a declared rate',
      { ...base, currency: 'JPY' },
      422,
      'NO_EXCHANGE_RATE',
      '/currency',
    ],
    ['a misspelt key (strict schema)', { ...base, destinaton: 'KIGASH' }, 400, 'VALIDATION_FAILED', '/'],
    [
      'an impossible date',
      { ...base, acceptanceDate: '2026-02-30' },
      400,
      'VALIDATION_FAILED',
      '/acceptanceDate',
    ],
    [
      'a negative count',
      { ...base, units: { ...base.units, count: -1 } },
      400,
      'VALIDATION_FAILED',
      '/units/count',
    ],
  ])('%s', async (_name, body, status, code, pointer) => {
    const res = await post(body).expect(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, instance: '/v1/rates' });
    expect(res.body.type).toMatch(/^https:\/\//);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('suggests close cargo codes', async () => {
    const res = await post({ ...base, cargo: { etsng: '693001' } }).expect(422);
    expect(res.body.suggestions).toContain('693000');
  });

  it('refuses malformed JSON with a 400 problem, never a 500', async () => {
    const res = await request(server.url)
      .post('/v1/rates')
      .set('content-type', 'application/json')
      .send('{"origin":')
      .expect(400);
    expect(res.body.status).toBe(400);
    expect(res.body.detail).not.toMatch(/at .*\.js/);
  });

  it('refuses a body over the size limit with a 413 problem', async () => {
    const res = await post({ ...base, padding: 'x'.repeat(10_000) }).expect(413);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('prices a box at the rated mass, and a block train of the minimum number of wagons', async () => {
    await post({ ...base, units: { ...base.units, grossMassTonnes: 30.48 } }).expect(200);
    await post({
      ...base,
      cargo: { etsng: '161005' },
      units: { kind: 'wagon', shipmentType: 'block-train', count: 21, grossMassTonnes: 65 },
    }).expect(200);
  });

  it('prices a date years past the last rule version, warning of every figure carried forward', async () => {
    const res = await post({ ...base, acceptanceDate: '2030-03-01', currency: 'USD' }).expect(200);
    const warnings: string[] = res.body.options[0].warnings;
    expect(warnings.join('\n')).toContain(
      'carried forward: RZD tariff version 2026-01-01 (railways/RZD/2026-01-01.yaml) took effect on 2026-01-01',
    );
    expect(warnings.join('\n')).toContain('carried forward: the exchange rate RUB → USD dated 2026-07-01');
    // A date inside a version's year carries nothing forward.
    const current = await post({ ...base, acceptanceDate: '2026-03-01', currency: 'USD' }).expect(200);
    expect(current.body.options[0].warnings.join('\n')).not.toContain('carried forward');
  });
});
