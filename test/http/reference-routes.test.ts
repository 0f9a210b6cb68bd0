import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../helpers/app.js';

describe('health, stations, railways and docs', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp();
  });
  afterAll(() => server.close());

  it('GET /health answers the rule-set hash and the versions in force today', async () => {
    const res = await request(server.url).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.ruleSetHash).toMatch(/^[0-9a-f]{64}$/);
    const rzd = res.body.versionsInForce.find((v: { railway: string }) => v.railway === 'RZD');
    expect(rzd).toMatchObject({ version: '2026-01-01', file: 'railways/RZD/2026-01-01.yaml' });
    const tdy = res.body.versionsInForce.find((v: { railway: string }) => v.railway === 'TDY');
    expect(tdy.amendments).toEqual(['akyayla-050-2026-q1']);
  });

  it('GET /v1/stations finds a station by a transliterated or Cyrillic name', async () => {
    const latin = await request(server.url).get('/v1/stations').query({ q: 'kigash' }).expect(200);
    expect(latin.body.stations[0].code).toBe('KIGASH');
    const cyrillic = await request(server.url).get('/v1/stations').query({ q: 'Кигаш' }).expect(200);
    expect(cyrillic.body.stations.map((s: { code: string }) => s.code)).toContain('KIGASH');
  });

  it('GET /v1/stations filters by railway and refuses a bad limit with a problem', async () => {
    const res = await request(server.url)
      .get('/v1/stations')
      .query({ railway: 'RAI', limit: 50 })
      .expect(200);
    expect(res.body.stations.length).toBeGreaterThan(3);
    expect(res.body.stations.every((s: { railway: string }) => s.railway === 'RAI')).toBe(true);
    const bad = await request(server.url).get('/v1/stations').query({ limit: 0 }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('GET /v1/railways lists the four railways with the version in force today', async () => {
    const res = await request(server.url).get('/v1/railways').expect(200);
    expect(res.body.railways.map((r: { code: string }) => r.code).sort()).toEqual([
      'KTZ',
      'RAI',
      'RZD',
      'TDY',
    ]);
    expect(res.body.railways.find((r: { code: string }) => r.code === 'RZD').inForceToday).toBe('2026-01-01');
  });

  it('GET /v1/railways/{code}/versions lists dated versions with their amendments', async () => {
    const res = await request(server.url).get('/v1/railways/RZD/versions').expect(200);
    expect(res.body.versions.map((v: { version: string }) => v.version)).toEqual([
      '2023-01-01',
      '2023-12-01',
      '2024-12-01',
      '2026-01-01',
    ]);
    expect(res.body.versions[2].amendments[0].id).toBe('indexation-2025-12');
  });

  it('GET /v1/railways/{code}/versions answers an unknown railway with a 404 problem', async () => {
    const res = await request(server.url).get('/v1/railways/XYZ/versions').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('UNKNOWN_RAILWAY');
  });

  it('an unknown path is a 404 problem, not an HTML page', async () => {
    const res = await request(server.url).get('/v2/nothing').expect(404);
    expect(res.body).toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('serves the OpenAPI document at /docs', async () => {
    const res = await request(server.url).get('/docs/json').expect(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toContain('/v1/rates');
  });
});
