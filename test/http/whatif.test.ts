import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteQuoteStore } from '../../src/store/open-quote-store.js';
import type { QuoteStore } from '../../src/store/quote-store.js';
import { type RunningApp, startApp } from '../helpers/app.js';
import { bearer, createKey } from '../helpers/keys.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

const DRAFT_PATH = 'railways/KTZ/2026-07-01.yaml';
const DRAFT_TEXT = readFileSync(join(BUNDLED_RULES, 'drafts/ktz-containers-2026-07', DRAFT_PATH), 'utf8');
const KTZ_40 = 'railways/KTZ/2026-07-01.yaml#regimes[national].rates[container-40-loaded].formula.perKm';

/** A private 40 ft box inside Kazakhstan: Atyrau → Aktau port, 927 km → 930 km in 10 km steps. */
const KTZ_BOX = {
  id: 'atyrau-aktau',
  origin: 'ATYRAU',
  destination: 'AKTAU-PORT',
  cargo: '693000',
  units: '40ft',
  count: 1,
  date: '2026-08-01',
  ownership: 'private',
};

/**
 * Sample row S246: 20 private 40 ft boxes Selyatino → Mashhad in July 2026, through Kazakhstan in transit, booked
 * via Kigash (the Ozinki – Uralsk – Kanisai route is cheaper still, and the draft would not turn it).
 */
const S246 = {
  ...KTZ_BOX,
  id: 'S246',
  origin: 'SELYATINO',
  destination: 'MASHHAD',
  via: ['KIGASH'],
  count: 20,
  date: '2026-07-13',
};

describe('POST /v1/whatif', () => {
  let server: RunningApp;
  let store: QuoteStore;
  /** What-ifs are a committee's: every request here is sent with a committee key. */
  let committee: { authorization: string };
  beforeAll(async () => {
    store = await openPgliteQuoteStore('memory://');
    committee = bearer(await createKey(store, 'committee'));
    server = await startApp({ ruleFiles: ruleFilesIn(BUNDLED_RULES), store });
    // An in-memory PGlite is created for the keys: seconds, or a minute on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  const post = (body: object) => request(server.url).post('/v1/whatif').set(committee).send(body);
  /** The same box priced by the served rules. */
  const quoteKtzBox = () =>
    request(server.url)
      .post('/v1/rates')
      .send({
        origin: KTZ_BOX.origin,
        destination: KTZ_BOX.destination,
        acceptanceDate: KTZ_BOX.date,
        cargo: { etsng: KTZ_BOX.cargo },
        units: { kind: 'container', size: '40', ownership: 'private' },
        currency: 'KZT',
      });

  it('prices a KTZ box under both rule sets and credits the difference to the rate that changed', async () => {
    const res = await post({
      draft: { files: [{ path: DRAFT_PATH, text: DRAFT_TEXT }] },
      portfolio: [KTZ_BOX],
      currency: 'KZT',
    }).expect(200);
    // In force (railways/KTZ/2026-01-01.yaml): 26 250 + 241.5 × 930 = 250 845.00; flat wagon 42 × 930 = 39 060.00
    //   → 289 905.00 → 289 905 KZT.
    // Draft (2026-07-01): 28 875 + 265.65 × 930 = 28 875 + 247 054.50 = 275 929.50; + 39 060.00 = 314 989.50
    //   → whole tenge, half up: 314 990 KZT. Difference 25 085 KZT, all from the 40 ft loaded rate.
    const [shipment] = res.body.shipments;
    expect(shipment).toMatchObject({
      baseline: '289905.00',
      draft: '314990.00',
      difference: '25085.00',
      status: 'changed',
    });
    const change = res.body.draft.changes.find(
      (c: { path: string }) => c.path === 'regimes[national].rates[container-40-loaded]',
    );
    expect(change.text).toContain('fixed 26 250 → 28 875; perKm 241.5 → 265.65 from 2026-07-01');
    expect(shipment.contributions).toEqual([{ changes: [change.index], amount: '25085.00' }]);
    expect(res.body.summary.byRailway).toEqual([
      expect.objectContaining({
        railway: 'KTZ',
        currency: 'KZT',
        baseline: '289905.00',
        draft: '314990.00',
        change: '25085.00',
      }),
    ]);
  });

  it('reports a shipment whose cheapest mode turns from rail to the Caspian under the draft', async () => {
    const res = await post({
      draft: { files: [{ path: DRAFT_PATH, text: DRAFT_TEXT }] },
      portfolio: [S246],
    }).expect(200);
    const [result] = res.body.shipments;
    expect(res.body.modeShift.available).toBe(true);
    expect(result.cheapestMode.baseline).toMatchObject({ mode: 'rail', cost: result.baseline });
    expect(result.cheapestMode.draft.mode).toBe('caspian-sea');
    expect(Number(result.cheapestMode.draft.cost)).toBeLessThan(Number(result.draft));
    expect(Number(result.cheapestMode.draft.cost)).toBeGreaterThan(Number(result.baseline));
    expect(res.body.summary.modeShift).toMatchObject({
      assessed: 1,
      railCheapest: { baseline: '1', draft: '0' },
      shifts: [{ from: 'rail', to: 'caspian-sea', shipments: 1, weight: '1' }],
    });
  });

  it('gives zero differences everywhere for a draft identical to the rules in force', async () => {
    const same = readFileSync(join(BUNDLED_RULES, 'railways/KTZ/2026-01-01.yaml'), 'utf8');
    const portfolio = [
      KTZ_BOX,
      { ...KTZ_BOX, id: 'through', origin: 'MOSKVA', destination: 'BANDAR-ABBAS', count: 2 },
      { ...KTZ_BOX, id: 'wagon', origin: 'PAVLODAR', destination: 'MOSKVA', cargo: '011005', units: 'wagon' },
    ];
    const res = await post({
      draft: { files: [{ path: 'railways/KTZ/2026-01-01.yaml', text: same }] },
      portfolio,
    }).expect(200);
    expect(res.body.draft.changes).toEqual([]);
    expect(res.body.summary.revenue.change).toBe('0.00');
    expect(res.body.summary.shipments).toMatchObject({ rows: 3, unchanged: 3, changed: 0 });
    for (const s of res.body.shipments) {
      expect(s.difference).toBe('0.00');
      expect(s.contributions).toEqual([]);
    }
    for (const r of res.body.summary.byRailway) expect(r.change).toBe('0.00');
  });

  it('answers a broken draft with a problem naming file, line and path, and keeps serving the rules in force', async () => {
    const broken = DRAFT_TEXT.replace('factor: "0.80"', 'factor: 0.80');
    const res = await post({
      draft: { files: [{ path: DRAFT_PATH, text: broken }] },
      portfolio: [KTZ_BOX],
    }).expect(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('INVALID_RULES');
    expect(res.body.errors[0].pointer).toBe('/draft/files/0/text');
    expect(res.body.errors[0].detail).toMatch(
      /^railways\/KTZ\/2026-07-01\.yaml:\d+:\d+ at regimes\[1\]\.coefficients\[4\]\.factor: expected a decimal number written as a quoted string/,
    );
    const rates = await quoteKtzBox().expect(200);
    expect(rates.body.options[0].total.amount).toBe('289905.00');
  });

  it('finds by goal seek the transit rate up to which rail stays the cheapest mode for a share of the portfolio', async () => {
    // S246: rail is the cheapest mode at KTZ's transit rate in force, 1.1232 CHF per box-km, and the
    // Caspian is at the draft's 1.23552. Rail must stay cheapest for all of this one-shipment portfolio: the answer
    // is the highest rate, to 3 decimals, at which it does — nearest the draft's value — and one step more loses it.
    const parameter = `${DRAFT_PATH}#regimes[cis-transit].rates[transit-container-40-loaded].formula.perKm`;
    const res = await post({
      draft: { files: [{ path: DRAFT_PATH, text: DRAFT_TEXT }] },
      portfolio: [S246],
      shipments: false,
      attribution: false,
      goalSeek: { parameter, railShare: 1, precision: 3 },
    }).expect(200);
    const seek = res.body.goalSeek;
    expect(seek).toMatchObject({
      objective: 'rail-share',
      targetShare: '1',
      comparableWeight: '1',
      baselineShare: '1.0000',
      draftShare: '0.0000',
      shareAtValue: '1.0000',
      residual: '0.0000',
      found: true,
    });
    const value = Number(seek.value);
    expect(value).toBeGreaterThan(1.1232);
    expect(value).toBeLessThan(1.23552);
    expect(seek.bracket.map((p: { value: string }) => p.value)).toEqual([
      seek.value,
      (value + 0.001).toFixed(3),
    ]);
    expect(seek.bracket[1].residual).toBe('-1');

    const both = await post({
      draft: { files: [{ path: DRAFT_PATH, text: DRAFT_TEXT }] },
      portfolio: [S246],
      goalSeek: { parameter, railShare: 1, keepRevenue: 'KTZ' },
    }).expect(400);
    expect(both.body.errors[0].pointer).toBe('/goalSeek/keepRevenue');
  });

  it('turns an override map with an effective date into a new dated version', async () => {
    const res = await post({
      draft: {
        overrides: {
          effectiveFrom: '2026-04-01',
          values: { [KTZ_40.replace('2026-07-01', '2026-01-01')]: '265.65' },
        },
      },
      portfolio: [
        { ...KTZ_BOX, id: 'before', date: '2026-03-31' },
        { ...KTZ_BOX, id: 'after', date: '2026-04-01' },
      ],
      currency: 'KZT',
    }).expect(200);
    // From 2026-04-01: 26 250 + 265.65 × 930 = 273 304.50; + 39 060.00 = 312 364.50 → 312 365 KZT, +22 460.
    expect(res.body.shipments.map((s: { id: string; difference: string }) => [s.id, s.difference])).toEqual([
      ['before', '0.00'],
      ['after', '22460.00'],
    ]);
    expect(res.body.draft.files).toEqual(['railways/KTZ/2026-04-01.yaml']);
    expect(res.body.draft.notes[0]).toMatch(
      /new KTZ version from 2026-04-01, a copy of railways\/KTZ\/2026-01-01\.yaml/,
    );
  });

  it('points at an override that names no item', async () => {
    const target = 'railways/KTZ/2026-01-01.yaml#regimes[national].rates[container-99].formula.perKm';
    const res = await post({
      draft: { overrides: { values: { [target]: '1' } } },
      portfolio: [KTZ_BOX],
    }).expect(422);
    expect(res.body.errors).toEqual([
      {
        pointer: `/draft/overrides/values/${target.replaceAll('/', '~1')}`,
        detail: expect.stringMatching(/rates has no item \[container-99\]/),
      },
    ]);
  });

  it('refuses a portfolio of more than 2 000 shipments', async () => {
    const res = await post({
      draft: { files: [] },
      portfolio: Array.from({ length: 2001 }, () => KTZ_BOX),
    }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/portfolio');
  });

  it('answers quotes while a what-if is being worked out', async () => {
    const whatIf = {
      draft: { files: [{ path: DRAFT_PATH, text: DRAFT_TEXT }] },
      portfolio: [KTZ_BOX],
      currency: 'KZT',
      goalSeek: { parameter: KTZ_40, keepRevenue: 'KTZ', precision: 4 },
    };
    await post(whatIf).expect(200); // the what-if thread is started by the first request
    const finished: string[] = [];
    const running = post(whatIf).then((res) => {
      finished.push('whatif');
      return res;
    });
    // Long enough for the server to have taken up the what-if (a goal seek takes far longer than this).
    await new Promise((resolve) => setTimeout(resolve, 150));
    const quote = await quoteKtzBox().expect(200);
    finished.push('quote');
    expect(quote.body.options.length).toBeGreaterThan(0);
    expect((await running).status).toBe(200);
    expect(finished).toEqual(['quote', 'whatif']);
  });

  it('finds by goal seek the per-km rate that keeps KTZ revenue where it is', async () => {
    const body = (precision?: number) => ({
      draft: { files: [{ path: DRAFT_PATH, text: DRAFT_TEXT }] },
      portfolio: [KTZ_BOX],
      currency: 'KZT',
      shipments: false,
      attribution: false,
      goalSeek: { parameter: KTZ_40, keepRevenue: 'KTZ', precision },
    });
    // Revenue stays at 289 905 KZT while 28 875 + 930 p + 39 060 rounds to it: 930 p in [221 969.5, 221 970.5),
    // p in [238.67688, 238.67796). To 4 decimals any of 238.6769 … 238.6779 meets it exactly.
    const fine = await post(body(4)).expect(200);
    expect(fine.body.goalSeek).toMatchObject({ found: true, residual: '0.00', baselineRevenue: '289905.00' });
    expect(Number(fine.body.goalSeek.value)).toBeGreaterThanOrEqual(238.6769);
    expect(Number(fine.body.goalSeek.value)).toBeLessThanOrEqual(238.6779);
    // To the draft's own 2 decimals: 238.67 gives 289 898.10 → 289 898 (−7), 238.68 gives 289 907.40 → 289 907 (+2).
    const coarse = await post(body()).expect(200);
    expect(coarse.body.goalSeek).toMatchObject({ value: '238.68', residual: '2.00', draftValue: '265.65' });
    expect(coarse.body.shipments).toBeUndefined();
  });
});

describe('POST /v1/whatif without the rule files', () => {
  it('answers 503 when the server was started without the texts of its rules', async () => {
    const store = await openPgliteQuoteStore('memory://');
    const server = await startApp({ store });
    try {
      const res = await request(server.url)
        .post('/v1/whatif')
        .set(bearer(await createKey(store, 'committee')))
        .send({ draft: { files: [] }, portfolio: [KTZ_BOX] })
        .expect(503);
      expect(res.body.code).toBe('WHATIF_UNAVAILABLE');
    } finally {
      await server.close();
      await store.close();
    }
  });
});
