import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossingDwell, queueWaitHours } from '../../src/domain/capacity/border-dwell.js';
import { calculateRates } from '../../src/domain/pricing/calculate-rates.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { RailLoad } from '../../src/domain/whatif/capacity-impact.js';
import type { Outcome } from '../../src/domain/whatif/price-outcome.js';
import { checkRuleFiles } from '../../src/rules/load-rule-set.js';
import { openPgliteQuoteStore } from '../../src/store/open-quote-store.js';
import type { QuoteStore } from '../../src/store/quote-store.js';
import { bundledRuleSet, type RunningApp, startApp } from '../helpers/app.js';
import { runCli } from '../helpers/cli.js';
import { bearer, createKey } from '../helpers/keys.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

const CAPACITY = 'capacity/sections.yaml';

/** The bundled rules with one line of the capacity file replaced. */
function withCapacity(from: string, to: string): RuleSet {
  const files = ruleFilesIn(BUNDLED_RULES).map((f) =>
    f.path === CAPACITY ? { ...f, text: f.text.replace(from, to) } : f,
  );
  const changed = files.find((f) => f.path === CAPACITY);
  if (!changed?.text.includes(to)) throw new Error(`${from} not found in ${CAPACITY}`);
  const report = checkRuleFiles(files);
  if (!report.ruleSet) throw new Error(report.issues.map((i) => i.message).join('\n'));
  return report.ruleSet;
}

const box = (date: string, via: string[]) => ({
  origin: 'MOSKVA',
  destination: 'TEHRAN',
  acceptanceDate: date,
  cargo: { etsng: '693000' },
  units: {
    kind: 'container' as const,
    size: '40' as const,
    loaded: true,
    ownership: 'private' as const,
    count: 1,
  },
  currency: 'USD',
  via,
});

describe('border dwell from utilisation', () => {
  let rules: RuleSet;
  beforeAll(async () => {
    rules = await bundledRuleSet();
  });

  it('never shortens the wait as utilisation rises', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0.1, max: 48, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        (a, b, service, variability) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(queueWaitHours(low, service, variability, 0.95)).toBeLessThanOrEqual(
            queueWaitHours(high, service, variability, 0.95),
          );
        },
      ),
    );
  });

  it('never lengthens expected transit when a section gains capacity', () => {
    const crossing = rules.network.crossings.find((c) => c.id === 'KIGASH--DINA-NURPEISOVA');
    if (!crossing) throw new Error('no Kigash crossing');
    const section = rules.capacity.sectionOf.get(crossing.id);
    if (!section) throw new Error('Kigash is in no section');
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 200 }), fc.integer({ min: 0, max: 60 }), (pairs, more) => {
        const at = (trainPairsPerDay: number) =>
          crossingDwell(
            {
              ...rules.capacity,
              sectionOf: new Map([
                [
                  crossing.id,
                  {
                    ...section,
                    capacity: [{ ...section.capacity[0], from: '2020-01-01', trainPairsPerDay }],
                  },
                ],
              ]),
            } as RuleSet['capacity'],
            crossing,
            '2025-06-15',
          ).dwellHours;
        expect(at(pairs + more)).toBeLessThanOrEqual(at(pairs));
      }),
    );
  });

  it('lowers the dwell at the Russia–Kazakhstan crossings at 85 train pairs a day, and the transit with it', () => {
    const at85 = withCapacity(
      '        trainPairsPerDay: 70\n        reference: "RZD–KTZ protocol',
      '        trainPairsPerDay: 85\n        reference: "RZD–KTZ protocol',
    );
    const before = calculateRates(rules, box('2025-06-15', ['KIGASH', 'AKYAYLA'])).options[0];
    const after = calculateRates(at85, box('2025-06-15', ['KIGASH', 'AKYAYLA'])).options[0];
    const kigash = (o: typeof before) =>
      o?.transit.crossings.find((c) => c.crossing === 'KIGASH--DINA-NURPEISOVA');
    expect(kigash(before)?.dwellHours).toBe(73.4);
    // ρ = 92.7 ÷ (85 × 365 × 4 000 ÷ 10⁶ = 124.1) = 0.746978; wait = 0.746978 ÷ 0.253022 × 6.5 = 19.19 → 19.2 h
    expect(kigash(after)?.dwellHours).toBe(29.2);
    expect(after?.transitDays).toBeLessThan(before?.transitDays ?? 0);
    expect(after?.total).toEqual(before?.total);
  });

  it('holds a priority commitment only where the agreement reserves capacity for priority trains', () => {
    const request = {
      ...box('2026-05-15', ['KIGASH', 'AKYAYLA']),
      destination: 'BANDAR-ABBAS',
      cargo: { etsng: '561009' },
      units: { ...box('', []).units, size: '20' as const, containerType: 'reefer' as const },
    };
    const reserved = calculateRates(rules, request).options[0];
    expect(Math.max(...(reserved?.transit.crossings.map((c) => c.dwellHours) ?? []))).toBe(4);
    const unreserved = calculateRates(withCapacityShareRemoved(), request).options[0];
    expect(Math.max(...(unreserved?.transit.crossings.map((c) => c.dwellHours) ?? []))).toBeGreaterThan(4);
    expect(unreserved?.notes.join('\n')).toContain('reserves no capacity for priority trains');
  });

  it('refuses a capacity file naming an unknown crossing, with file and path', () => {
    const files = ruleFilesIn(BUNDLED_RULES).map((f) =>
      f.path === CAPACITY
        ? { ...f, text: f.text.replace('- KIGASH--DINA-NURPEISOVA', '- KIGASH--NOWHERE') }
        : f,
    );
    const report = checkRuleFiles(files);
    expect(report.ruleSet).toBeUndefined();
    expect(report.issues).toContainEqual(
      expect.objectContaining({ file: CAPACITY, message: 'unknown crossing KIGASH--NOWHERE' }),
    );
  });
});

function withCapacityShareRemoved(): RuleSet {
  const files = ruleFilesIn(BUNDLED_RULES).map((f) =>
    f.path === 'corridors/north-south-2026/2026-01-01.yaml'
      ? { ...f, text: f.text.replace(', reservedCapacityShare: 0.1', '') }
      : f,
  );
  const report = checkRuleFiles(files);
  if (!report.ruleSet) throw new Error(report.issues.map((i) => i.message).join('\n'));
  return report.ruleSet;
}

describe('capacity in the what-if', () => {
  it('flags the Eastern route over capacity when the draft shifts more tonnage onto rail than it can carry', async () => {
    const rules = await bundledRuleSet();
    const load = new RailLoad(rules, rules);
    const route = 'MOSKVA>KIGASH>DINA-NURPEISOVA>BOLASHAK>SERHETYAKA>AKYAYLA>INCHEBURUN>TEHRAN';
    const priced: Outcome = { priced: true, total: '1', route, corridor: '', railways: [] };
    // 250 boxes a year × 20 × 24 t = 120 000 t per row… 40 rows: 4.8 Mt/yr moves from sea to rail.
    for (let i = 0; i < 40; i++)
      load.add(
        box('2025-06-15', []),
        250 * 20,
        { baseline: priced, draft: priced },
        { baseline: false, draft: true },
      );
    const report = load.report();
    const eastern = report?.sections.find((s) => s.section === 'eastern-route');
    expect(eastern?.portfolioRailTonnesPerYear).toEqual({ baseline: 0, draft: 4_800_000 });
    expect(eastern?.trafficTonnesPerYear).toEqual({ baseline: 2_500_000, draft: 7_300_000 });
    expect(eastern?.overCapacity).toEqual({ baseline: false, draft: true });
    expect(report?.flags.join('\n')).toContain(
      'Eastern route (Kazakhstan – Turkmenistan – Iran) over capacity',
    );
  });
});

describe('GET /v1/capacity', () => {
  let server: RunningApp;
  beforeAll(async () => {
    server = await startApp();
  });
  afterAll(() => server.close());

  it('lists each section with its capacity, traffic, utilisation and the dwell at its crossings', async () => {
    const res = await request(server.url).get('/v1/capacity?date=2025-06-15').expect(200);
    const ruKz = res.body.sections.find((s: { section: string }) => s.section === 'ru-kz');
    expect(ruKz).toMatchObject({
      capacityTonnesPerYear: 102_200_000,
      trafficTonnesPerYear: 92_700_000,
      overCapacity: false,
      capacity: { trainPairsPerDay: 70, confidence: 'sourced' },
    });
    expect(ruKz.utilisation).toBeCloseTo(0.907, 3);
    expect(
      ruKz.crossings.find((c: { crossing: string }) => c.crossing === 'KIGASH--DINA-NURPEISOVA'),
    ).toMatchObject({
      processingHours: 10,
      waitHours: 63.4,
      dwellHours: 73.4,
    });
    expect(ruKz.planned.map((p: { trainPairsPerDay: number }) => p.trainPairsPerDay)).toEqual([85, 100]);
  });

  it('takes today when no date is given, and refuses a date that is not one', async () => {
    const today = await request(server.url).get('/v1/capacity').expect(200);
    expect(today.body.date).toBe('2026-03-01');
    const bad = await request(server.url).get('/v1/capacity?date=2025-13-40').expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
  });
});

describe('a draft that leaves a section over capacity', () => {
  const target = 'capacity/sections.yaml#sections[eastern-route].capacity[1].tonnesPerYear';
  const portfolio = [
    {
      id: 'box',
      origin: 'MOSKVA',
      destination: 'TEHRAN',
      cargo: '693000',
      units: '40ft',
      count: 1,
      date: '2025-06-15',
      ownership: 'private',
    },
  ];
  let server: RunningApp;
  let store: QuoteStore;
  let committee: { authorization: string };
  beforeAll(async () => {
    store = await openPgliteQuoteStore('memory://');
    committee = bearer(await createKey(store, 'committee'));
    server = await startApp({ ruleFiles: ruleFilesIn(BUNDLED_RULES), store });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it('is flagged in the what-if summary over HTTP', async () => {
    const res = await request(server.url)
      .post('/v1/whatif')
      .set(committee)
      .send({
        draft: { overrides: { values: { [target]: 2000000 } } },
        portfolio,
        currency: 'USD',
        modeShift: false,
      })
      .expect(200);
    expect(res.body.capacity.flags).toEqual([
      'Eastern route (Kazakhstan – Turkmenistan – Iran) over capacity under the draft: 2.50 Mt a year against 2.00 Mt (utilisation 125.0 %)',
    ]);
    const eastern = res.body.capacity.sections.find(
      (s: { section: string }) => s.section === 'eastern-route',
    );
    expect(eastern.utilisation).toEqual({ baseline: 0.417, draft: 1.25 });
  }, 120_000);

  it('is flagged by the CLI, in its text summary and its HTML report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'capacity-'));
    const draft = join(dir, 'overrides.yaml');
    writeFileSync(draft, `overrides:\n  ${target}: 2000000\n`);
    const csv = join(dir, 'portfolio.csv');
    writeFileSync(
      csv,
      'id,origin,destination,cargo,units,count,date\nbox,MOSKVA,TEHRAN,693000,40ft,1,2025-06-15\n',
    );
    const html = join(dir, 'report.html');
    const run = await runCli([
      'whatif',
      '--draft',
      draft,
      '--portfolio',
      csv,
      '--no-mode-shift',
      '--out',
      html,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'FLAG: Eastern route (Kazakhstan – Turkmenistan – Iran) over capacity under the draft',
    );
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<strong>Over capacity:</strong> Eastern route');
    expect(page).toContain('aria-label="Utilisation per section, in force and under the draft"');
  }, 120_000);
});

describe('the sample draft of 85 train pairs a day', () => {
  it('shows the utilisation and the wait falling at the Russia–Kazakhstan border, and what that does to mode shift', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'capacity-85-'));
    const csv = join(dir, 'portfolio.csv');
    writeFileSync(
      csv,
      'id,origin,destination,cargo,units,count,date\nbox,MOSKVA,TEHRAN,693000,40ft,1,2025-06-15\n',
    );
    const run = await runCli([
      'whatif',
      '--draft',
      join(BUNDLED_RULES, 'drafts/ru-kz-85-train-pairs'),
      '--portfolio',
      csv,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Russia–Kazakhstan border +102\.2 → 124\.1 .* 90\.7 % → 74\.7 % +63\.4 → 19\.2/,
    );
    expect(run.stdout).toContain(
      'Russia–Kazakhstan border: the expected wait at each of its crossings goes from 63.4 h to 19.2 h',
    );
  }, 120_000);
});
