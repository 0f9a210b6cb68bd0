import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amount, sum } from '../../src/domain/core/money.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { goldenCases, SCENARIOS_DIR } from '../helpers/golden-cases.js';

interface WagonRequest {
  readonly units: { readonly count: number };
  readonly declaredDistances: readonly { readonly distanceKm: number }[];
}

/** The ТР-1 golden scenarios (test/scenarios/tr1-*.yaml), through the HTTP API as a shipper would send them. */
const dir = SCENARIOS_DIR;
const scenarios = goldenCases<WagonRequest>('tr1-');

/** The calculator's per-wagon figures (R-Тариф, 2026-06-08), from the scenario comments' "calculator: N RUB". */
const calculatorPerWagon = (file: string) => {
  const m = readFileSync(join(dir, file), 'utf8').match(/calculator:? (?:prints )?([\d ]+) RUB/);
  return m ? Number(m[1]?.replaceAll(' ', '')) : undefined;
};

const wagonBody = (units: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
  origin: 'MOSKVA',
  destination: 'SARATOV',
  acceptanceDate: '2026-06-08',
  cargo: { etsng: '232431' },
  units: { kind: 'wagon', wagonType: 'gondola', ownership: 'private', axles: 4, ...units },
  declaredDistances: [{ railway: 'RZD', distanceKm: 841 }],
  currency: 'RUB',
  ...overrides,
});

describe('POST /v1/rates for RZD wagons under ТР-1', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp();
  });
  afterAll(() => server.close());

  it.each(scenarios.map((s) => [s.file, s] as const))('%s gives the golden total', async (file, s) => {
    const res = await request(server.url)
      .post('/v1/rates')
      .send({ ...s.request, acceptanceDate: String(s.request.acceptanceDate) })
      .expect(200);
    const [best] = res.body.options;
    expect(`${best.total.amount} ${best.total.currency}`).toBe(s.expect.total);
    const rzd = best.byRailway.find((b: { railway: string }) => b.railway === 'RZD');
    expect(rzd.distanceKm).toBe(s.request.declaredDistances[0]?.distanceKm);
    // per wagon, before the waybill is rounded: the calculator prints this to whole roubles
    const perWagon = calculatorPerWagon(file);
    if (perWagon !== undefined && file.includes('case')) {
      const chain = best.lines.filter(
        (l: { kind: string; description: string }) =>
          l.kind !== 'vat' && !l.description.startsWith('waybill sum'),
      );
      const kopecks = sum(chain.map((l: { amount: { amount: string } }) => amount(l.amount.amount)));
      const count = s.request.units.count;
      expect(kopecks.div(count).toDecimalPlaces(0, 4).toNumber()).toBe(perWagon);
    }
  });

  it('itemises scheme base, Table 5 correction, each coefficient, indexation, rounding and VAT, each traced', async () => {
    const res = await request(server.url)
      .post('/v1/rates')
      .send(wagonBody({ count: 6, shipmentType: 'group', loadCapacityTonnes: 69.5, grossMassTonnes: 69 }))
      .expect(200);
    const [best] = res.body.options;
    const lines = best.lines as { kind: string; description: string; rule: { file: string; path: string } }[];
    expect(lines.map((l) => l.kind)).toEqual([
      'rate',
      'coefficient',
      'coefficient',
      'coefficient',
      'coefficient',
      'coefficient',
      'coefficient',
      'rounding',
      'rounding',
      'vat',
    ]);
    expect(lines[0]?.rule).toEqual({
      file: 'tariff-guides/TR-1/base-rates/scheme-8.csv',
      version: '2026-01-01',
      path: 'line 43, column 70',
    });
    expect(lines[0]?.description).toContain('distance declared by the shipper');
    expect(lines.at(-1)?.rule.file).toBe('tariff-guides/TR-1/vat.yaml');
    const rzd = best.byRailway[0];
    expect(rzd.local).toEqual({ amount: '217244.00', currency: 'RUB' });
    // domestic, June 2026: 22 %
    expect(rzd.vat).toEqual({
      rate: '0.22',
      local: { amount: '47793.68', currency: 'RUB' },
      total: { amount: '47793.68', currency: 'RUB' },
    });
    expect(best.totalWithVat).toEqual({ amount: '265037.68', currency: 'RUB' });
  });

  it('prices VAT at 20 % before 2026 and at 0 % on export', async () => {
    const before = await request(server.url)
      .post('/v1/rates')
      .send(
        wagonBody(
          { kind: 'container', size: '40', wagonType: undefined, axles: undefined },
          { acceptanceDate: '2025-12-15', declaredDistances: undefined },
        ),
      )
      .expect(200);
    expect(before.body.options[0].byRailway[0].vat.rate).toBe('0.20');
    const exported = await request(server.url)
      .post('/v1/rates')
      .send(
        wagonBody(
          { count: 1, shipmentType: 'single-wagon', loadCapacityTonnes: 70, grossMassTonnes: 69 },
          { destination: 'AKTOBE', declaredDistances: undefined },
        ),
      )
      .expect(200);
    const share = exported.body.options[0].byRailway.find((b: { railway: string }) => b.railway === 'RZD');
    expect(share.direction).toBe('export');
    expect(share.vat.rate).toBe('0');
    expect(share.vat.local.amount).toBe('0.00');
  });

  it('prices a mixed group of 15 wagons of three capacities as one shipment (Table 5 row 6–20)', async () => {
    const res = await request(server.url)
      .post('/v1/rates')
      .send(
        wagonBody({
          shipmentType: 'group',
          wagons: [
            { count: 5, loadCapacityTonnes: 69.5, grossMassTonnes: 69 },
            { count: 5, loadCapacityTonnes: 70, grossMassTonnes: 69 },
            { count: 5, loadCapacityTonnes: 75, grossMassTonnes: 74, innovative: '12-196-01' },
          ],
        }),
      )
      .expect(200);
    const [best] = res.body.options;
    const corrections = best.lines.filter((l: { description: string }) =>
      l.description.includes('Table 5 row wagons-6-20'),
    );
    expect(corrections).toHaveLength(3);
    // per wagon 36 207.40 (69.5 t → the 70 t column), 36 207.40 (70 t), 35 338.67 (75 t, innovative), as in
    // cases 5 and 1 (Table 5 row 6–20 either way): 5 × 36 207.40 + 5 × 36 207.40 + 5 × 35 338.67 = 538 767.35
    expect(best.total.amount).toBe('538767.00');
  });

  it('prices the empty return of own wagons with the loaded run, each on a waybill of its own', async () => {
    const res = await request(server.url)
      .post('/v1/rates')
      .send(
        wagonBody({
          count: 6,
          shipmentType: 'group',
          loadCapacityTonnes: 69.5,
          grossMassTonnes: 69,
          emptyReturn: true,
        }),
      )
      .expect(200);
    expect(res.body.options[0].total.amount).toBe(`${217244 + 6 * 28570}.00`);
  });

  it.each([
    [{ count: 1, loadCapacityTonnes: 69, grossMassTonnes: 80 }, '/units/grossMassTonnes', 422],
    [{ count: 1, loadCapacityTonnes: 69, grossMassTonnes: 150 }, '/units/grossMassTonnes', 422],
    [{ count: 1, loadCapacityTonnes: 150, grossMassTonnes: 150 }, '/units/loadCapacityTonnes', 422],
    [{ count: 1, wagonType: 'hovercraft', grossMassTonnes: 60 }, '/units/wagonType', 400],
    [
      { count: 1, loadCapacityTonnes: 69, grossMassTonnes: 60, innovative: '99-999' },
      '/units/innovative',
      422,
    ],
  ])('refuses implausible wagon figures %j with a pointer, never a price', async (units, pointer, status) => {
    const res = await request(server.url).post('/v1/rates').send(wagonBody(units)).expect(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
  });

  it('charges 70 t loaded in a 69 t wagon on the actual mass, as the tariff does', async () => {
    const res = await request(server.url)
      .post('/v1/rates')
      .send(
        wagonBody({ count: 1, shipmentType: 'single-wagon', loadCapacityTonnes: 69, grossMassTonnes: 70 }),
      )
      .expect(200);
    expect(res.body.options[0].lines[0].description).toContain('charged mass 70 t');
  });
});

describe('GET /v1/cargo', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp();
  });
  afterAll(() => server.close());

  it('finds a code of the whole ETSNG classifier by its digits, with class and norm', async () => {
    const res = await request(server.url).get('/v1/cargo').query({ q: '232431' }).expect(200);
    expect(res.body.cargo[0]).toMatchObject({
      nomenclature: 'etsng',
      code: '232431',
      nameRu: 'Щебень, не поименованный в алфавите',
      tariffClass: 1,
      minMass: 'capacity',
      minMassFlat: 46,
    });
  });

  it('finds cargo by a Russian word and by an English one', async () => {
    const ru = await request(server.url).get('/v1/cargo').query({ q: 'щебень' }).expect(200);
    expect(ru.body.cargo.length).toBeGreaterThan(1);
    expect(ru.body.cargo.every((c: { nameRu?: string }) => /щебень/i.test(c.nameRu ?? ''))).toBe(true);
    const en = await request(server.url).get('/v1/cargo').query({ q: 'wheat' }).expect(200);
    expect(en.body.cargo.map((c: { code: string }) => c.code)).toContain('011005');
    expect(en.body.cargo.find((c: { code: string }) => c.code === '011005').nameRu).toBe('Пшеница');
  });

  it('answers a missing query with a problem document', async () => {
    const res = await request(server.url).get('/v1/cargo').expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
