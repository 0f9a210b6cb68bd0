import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../helpers/app.js';

interface StationOut {
  readonly code: string;
  readonly nameLocal?: string;
}

describe('GET /v1/stations over the whole catalogue', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp();
  });
  afterAll(() => server.close());

  const get = (query: Record<string, string | number>) =>
    request(server.url).get('/v1/stations').query(query);
  const codes = (body: { stations: StationOut[] }) => body.stations.map((s) => s.code);

  it('pages through the matches: total counts them all, offset and limit are echoed, pages join up', async () => {
    const whole = await get({ q: 'Пермь', limit: 200 }).expect(200);
    expect(whole.body.total).toBe(whole.body.stations.length);
    expect(whole.body.total).toBeGreaterThan(4);
    const first = await get({ q: 'Пермь', limit: 2 }).expect(200);
    const second = await get({ q: 'Пермь', limit: 2, offset: 2 }).expect(200);
    expect(first.body).toMatchObject({ total: whole.body.total, offset: 0, limit: 2 });
    expect(second.body).toMatchObject({ total: whole.body.total, offset: 2, limit: 2 });
    expect([...codes(first.body), ...codes(second.body)]).toEqual(codes(whole.body).slice(0, 4));
  });

  it('answers an empty page, with the total, past the last match', async () => {
    const res = await get({ q: 'Теплая Гора', offset: 50 }).expect(200);
    expect(res.body.stations).toEqual([]);
    expect(res.body.total).toBeGreaterThan(0);
  });

  it('finds a misspelt name and an alternative transliteration first', async () => {
    const misspelt = await get({ q: 'Шимордан' }).expect(200);
    expect(misspelt.body.stations[0]).toMatchObject({ code: '253601', nameLocal: 'Шемордан', esr: '253601' });
    const spelt = await get({ q: 'Tyoplaya Gora', limit: 1 }).expect(200);
    expect(codes(spelt.body)).toEqual(['766502']);
  });

  it('finds a station by its ESR code and keeps to a railway', async () => {
    const res = await get({ q: '671707' }).expect(200);
    expect(res.body.stations[0]).toMatchObject({
      code: '671707',
      nameLocal: 'Кзыл-Орда',
      railway: 'KTZ',
      country: 'KZ',
      road: 'Казахстанская',
    });
    // Our AKTOBE is the list's 667909: one station, found by either code.
    const ktz = await get({ q: 'Актобе', railway: 'KTZ' }).expect(200);
    expect(ktz.body.stations[0]).toMatchObject({ code: 'AKTOBE', esr: '667909' });
    expect(codes(ktz.body)).not.toContain('667909');
    expect(codes((await get({ q: '667909', limit: 1 }).expect(200)).body)).toEqual(['AKTOBE']);
    const rzd = await get({ q: 'Актобе', railway: 'RZD' }).expect(200);
    expect(codes(rzd.body)).not.toContain('AKTOBE');
  });

  it('refuses a negative offset and a limit over 200 with problems pointing at them', async () => {
    const negative = await get({ q: 'Perm', offset: -1 }).expect(400);
    expect(negative.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(negative.body.code).toBe('VALIDATION_FAILED');
    expect(negative.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#querystring/offset']);
    const large = await get({ q: 'Perm', limit: 201 }).expect(400);
    expect(large.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#querystring/limit']);
  });
});
