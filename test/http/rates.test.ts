import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../helpers/app.js';

const box = (overrides: Record<string, unknown> = {}) => ({
  origin: 'MOSKVA',
  destination: 'KIGASH',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1 },
  currency: 'RUB',
  ...overrides,
});

describe('POST /v1/rates', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp();
  });
  afterAll(() => server.close());

  it('prices a private 40 ft box Moscow → Kigash on the ТР-1 Table 24 formula', async () => {
    const res = await request(server.url).post('/v1/rates').send(box()).expect(200);
    const [best] = res.body.options;
    expect(best.total).toEqual({ amount: '105887.00', currency: 'RUB' });
    expect(best.lines[0].formula).toBe('1 518 km × 54.3658 RUB/km + 23 360 RUB = 105 887.28 RUB');
    expect(best.lines[0].rule).toEqual({
      file: 'railways/RZD/2026-01-01.yaml',
      version: '2026-01-01',
      path: 'regimes[0].rates[3]',
    });
  });

  it('defaults the acceptance date to today and lists the defaults it assumed', async () => {
    const body = box();
    delete (body as Record<string, unknown>).acceptanceDate;
    const res = await request(server.url)
      .post('/v1/rates')
      .send({ ...body, units: { kind: 'container', size: '40' } })
      .expect(200);
    expect(res.body.acceptanceDate).toBe('2026-03-01');
    expect(res.body.options[0].assumptions.join(' ')).toMatch(/ownership not given/);
  });

  it('answers an unknown station with a problem document, a pointer and suggestions', async () => {
    const res = await request(server.url)
      .post('/v1/rates')
      .send(box({ destination: 'KIGAS' }))
      .expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'UNKNOWN_STATION',
      status: 422,
      errors: [{ pointer: '/destination' }],
    });
    expect(res.body.suggestions.join(' ')).toMatch(/KIGASH/);
  });

  it('answers a field of the wrong type with a validation problem pointing at it', async () => {
    const res = await request(server.url)
      .post('/v1/rates')
      .send(box({ units: { kind: 'container', size: '40', count: 'two' } }))
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/units/count');
  });
});
