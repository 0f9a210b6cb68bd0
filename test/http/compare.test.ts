import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../helpers/app.js';

const box = (overrides: Record<string, unknown> = {}) => ({
  origin: 'MOSKVA',
  destination: 'BANDAR-ABBAS',
  acceptanceDate: '2025-05-15',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1 },
  currency: 'USD',
  maxOptions: 1,
  ...overrides,
});

describe('POST /v1/compare', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp();
  });
  afterAll(() => server.close());

  it('offers no alternative that ships past the destination to Iran and rails back (Moscow → Almaty)', async () => {
    const res = await request(server.url)
      .post('/v1/compare')
      .send(box({ destination: 'ALMATY' }))
      .expect(200);
    const ids = res.body.options.map((o: { id: string }) => o.id);
    expect(ids.every((id: string) => id.startsWith('rail-'))).toBe(true);
    const unavailable = new Map(
      res.body.unavailable.map((u: { id: string; reason: string }) => [u.id, u.reason]),
    );
    for (const id of [
      'caspian-astrakhan-amirabad',
      'caspian-aktau-amirabad',
      'deep-sea-suez',
      'deep-sea-cape',
    ]) {
      // The sea leg bypasses Kazakhstan (and Turkmenistan); the rail leg from the Iranian port goes back through it.
      expect(unavailable.get(id)).toMatch(/does not serve MOSKVA → ALMATY: .* bypasses .* goes back through/);
    }
  });

  it('answers 422 with the rates problem when neither a rail tariff nor an alternative is in force', async () => {
    const body = box({ acceptanceDate: '2019-06-01' });
    const rates = await request(server.url).post('/v1/rates').send(body).expect(422);
    const res = await request(server.url).post('/v1/compare').send(body).expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe(rates.body.code);
    expect(res.body.detail).toBe(rates.body.detail);
  });

  it('sets the rail option beside every alternative with cost, days, CO2e, rankings and break-even', async () => {
    const res = await request(server.url).post('/v1/compare').send(box()).expect(200);
    // The figures of test/scenarios/compare/box-moskva-bandar-abbas.yaml, worked out there by hand.
    const ids = res.body.options.map((o: { id: string }) => o.id);
    expect(ids).toEqual([
      'rail-1',
      'caspian-astrakhan-amirabad',
      'caspian-aktau-amirabad',
      'deep-sea-suez',
      'deep-sea-cape',
      'road-moskva-bandar-abbas',
    ]);
    const [rail] = res.body.options;
    expect(rail.cost.mid).toEqual({ amount: '4550.77', currency: 'USD' });
    expect(rail.co2e.kg).toBe('3171.2');
    expect(res.body.rankings.cost[0]).toEqual({ rank: 1, id: 'rail-1', value: '4550.77' });
    expect(res.body.breakEven[0].onCost.status).toBe('already-cheaper');
    const sea = res.body.options.find((o: { id: string }) => o.id === 'caspian-astrakhan-amirabad');
    expect(sea.cost.low.amount).toBe('4209.97');
    expect(sea.legs[2].rule).toEqual({
      file: 'alternatives/caspian/2025-01-01.yaml',
      version: '2025-01-01',
      path: 'routes[0].legs[2]',
    });
    expect(res.body.rankingRule).toMatch(/midpoint/);
    expect(res.body.conversions.map((c: { from: string }) => c.from)).toContain('RUB');
  });

  it('takes the value of time and the discounted legs from the request', async () => {
    const res = await request(server.url)
      .post('/v1/compare')
      .send(box({ valueOfTimePerTonneDay: '2.50', discountLegs: ['KTZ', 'TDY'] }))
      .expect(200);
    expect(res.body.valueOfTime.perTonneDay).toEqual({ amount: '2.50', currency: 'USD' });
    expect(res.body.options[0].timeCost.mid.amount).toBe('939.00'); // 2.50 × 24 t × 15.65 days (the middle of 12.3–19.0)
    expect(res.body.breakEven[0].discountLegs).toEqual(['KTZ', 'TDY']);
    expect(res.body.breakEven[0].discountable.amount).toBe('2764.00'); // the KTZ and TDY shares of rail-1 (its KTZ leg from Semiglavy Mar, via Uralsk and Kanisai)
  });

  it('defaults the acceptance date to today', async () => {
    const body = box();
    delete (body as Record<string, unknown>).acceptanceDate;
    const res = await request(server.url).post('/v1/compare').send(body).expect(200);
    expect(res.body.acceptanceDate).toBe('2026-03-01');
  });

  it('answers an unknown station with a problem document pointing at it', async () => {
    const res = await request(server.url)
      .post('/v1/compare')
      .send(box({ origin: 'MOSKV' }))
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'UNKNOWN_STATION', errors: [{ pointer: '/origin' }] });
  });

  it('answers a malformed value of time with a validation problem pointing at it', async () => {
    const res = await request(server.url)
      .post('/v1/compare')
      .send(box({ valueOfTimePerTonneDay: '-1' }))
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/valueOfTimePerTonneDay');
  });

  it('answers a discount on a railway that does not exist with a problem pointing at it', async () => {
    const res = await request(server.url)
      .post('/v1/compare')
      .send(box({ discountLegs: ['KTZ', 'XYZ'] }))
      .expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_REQUEST', errors: [{ pointer: '/discountLegs/1' }] });
    expect(res.body.suggestions).toContain('KTZ');
  });

  it('refuses a misspelt field rather than ignoring it', async () => {
    const res = await request(server.url)
      .post('/v1/compare')
      .send(box({ valueOfTime: '1.00' }))
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});
