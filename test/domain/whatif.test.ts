import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { amount, sum } from '../../src/domain/core/money.js';
import { assessImpact } from '../../src/domain/whatif/assess-impact.js';
import type { PortfolioShipment } from '../../src/domain/whatif/portfolio.js';
import type { RuleFileText } from '../../src/rules/read-rule-files.js';
import { applyOverrides } from '../../src/workbench/drafts/apply-overrides.js';
import {
  type BaselineRules,
  buildDraft,
  type Draft,
  layOver,
  prepareBaseline,
} from '../../src/workbench/drafts/build-draft.js';
import { shipmentOf } from '../../src/workbench/whatif/portfolio-item.js';
import { parseCsvLine, parseRow } from '../../src/workbench/whatif/read-portfolio.js';
import { WhatIfRun } from '../../src/workbench/whatif/whatif-run.js';
import { BUNDLED_RULES, ruleFilesIn } from '../helpers/rule-files.js';

const SAMPLE_DRAFT: RuleFileText = {
  path: 'railways/KTZ/2026-07-01.yaml',
  text: readFileSync(
    join(BUNDLED_RULES, 'drafts/ktz-containers-2026-07/railways/KTZ/2026-07-01.yaml'),
    'utf8',
  ),
};

function samplePortfolio(currency = 'USD'): PortfolioShipment[] {
  const lines = readFileSync(join(BUNDLED_RULES, 'portfolios/sample.csv'), 'utf8').split('\n');
  let header: string[] | undefined;
  const shipments: PortfolioShipment[] = [];
  lines.forEach((text, i) => {
    if (text.trim() === '' || text.startsWith('#')) return;
    if (!header) {
      header = parseCsvLine(text);
      return;
    }
    const row = parseRow(i + 1, text, header);
    if (row.error !== undefined) throw new Error(`sample.csv:${row.line}: ${row.error}`);
    shipments.push(shipmentOf(row.item, row.line, currency));
  });
  return shipments;
}

/** Several railways and kinds of change at once: the sample's new KTZ version, an RZD rate, a link's distance. */
function wideDraft(baseline: BaselineRules): RuleFileText[] {
  const overrides = applyOverrides(layOver(baseline.files, [SAMPLE_DRAFT]), [
    {
      target: 'railways/RZD/2026-01-01.yaml#regimes[national].rates[container-40-private].formula.perKm',
      value: '57.1',
    },
    // RZD wagons of 2026 are priced by ТР-1: a Table 2 factor of the tariff guide (class 3, other positions)
    {
      target: 'tariff-guides/TR-1/coefficients/class-k1.yaml#classes[2].byEtsngPositions[1].factor',
      value: '1.60',
    },
    { target: 'network/links.yaml#links[KANISAI>AKTOBE].km', value: 120 },
    { target: 'railways/TDY/2026-01-01.yaml#regimes[cis-transit].rates[0].formula.perKm', value: '0.50' },
  ]);
  expect(overrides.problems).toEqual([]);
  return layOver([SAMPLE_DRAFT], overrides.files);
}

let baseline: BaselineRules;
let wide: Draft;
beforeAll(() => {
  // The rules in force and the wide draft, checked once for the whole file: both are frozen, each run has its cache.
  baseline = prepareBaseline(ruleFilesIn(BUNDLED_RULES));
  const built = buildDraft(baseline, wideDraft(baseline), { attribution: true });
  expect(built.issues).toBeUndefined();
  if (!built.draft) throw new Error('the draft does not validate');
  wide = built.draft;
});

describe('what-if over the sample portfolio', () => {
  let portfolio: PortfolioShipment[];
  beforeAll(() => {
    portfolio = samplePortfolio();
  });

  it('credits each difference to changes whose contributions add up to it exactly', () => {
    const draft = wide;
    expect(draft.changes.map((c) => `${c.file} ${c.path}`)).toEqual(
      [...draft.changes.map((c) => `${c.file} ${c.path}`)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    const run = new WhatIfRun(draft, 'USD', [], false);
    let changed = 0;
    const railways = new Set<string>();
    for (const shipment of portfolio) {
      const result = run.add(shipment);
      if (result.difference === undefined) continue;
      const credited = sum(result.contributions.map((c) => amount(c.amount)));
      expect(credited.toFixed(2), `line ${shipment.line}`).toBe(amount(result.difference).toFixed(2));
      if (result.status === 'changed') changed++;
      for (const c of result.contributions)
        for (const n of c.changes) railways.add(draft.changes[n - 1]?.file.split('/')[1] ?? '');
    }
    expect(changed).toBeGreaterThan(50);
    expect(railways).toEqual(new Set(['KTZ', 'RZD', 'TDY', 'links.yaml']));
    const summary = run.report().summary;
    const byChange = sum(summary.byChange.map((c) => amount(c.amount)));
    expect(byChange.toFixed(2)).toBe(summary.revenue.pricedBoth);
  }, 120_000); // the sample portfolio's 2026 wagons are priced step by step under ТР-1

  it('finds no difference anywhere for a draft identical to the rules in force', () => {
    const same = baseline.files.filter(
      (f) => f.path.startsWith('railways/KTZ/') || f.path === 'network/links.yaml',
    );
    const built = buildDraft(baseline, same, { attribution: true });
    const draft = built.draft;
    expect(draft?.changes).toEqual([]);
    expect(draft?.steps).toEqual([]);
    if (!draft) return;
    const run = new WhatIfRun(draft, 'USD', [], false);
    for (const shipment of portfolio) {
      const result = run.add(shipment);
      expect(result.contributions).toEqual([]);
      if (result.difference !== undefined) expect(result.difference).toBe('0.00');
      expect(['unchanged', 'unpriceable']).toContain(result.status);
    }
    const summary = run.report().summary;
    expect(summary.revenue.change).toBe('0.00');
    expect(summary.byRailway.every((r) => r.change === '0.00' && r.converted.change === '0.00')).toBe(true);
    expect(summary.shipments.changed).toBe(0);
  });

  it('reuses a result only across dates that meet exactly the same rules', () => {
    const draft = wide;
    const run = new WhatIfRun(draft, 'USD');
    // Move every shipment to other days of its month: a cached answer must equal a fresh assessment. Only a hit can
    // be a wrong reuse (a miss is assessed afresh there and then), so each hit is checked against a fresh one.
    let checked = 0;
    for (const shipment of portfolio.slice(0, 60)) {
      for (const day of ['01', '15', '28']) {
        const moved = {
          ...shipment.request,
          acceptanceDate: `${shipment.request.acceptanceDate.slice(0, 8)}${day}`,
        };
        const hits = run.cache.hits;
        const cached = run.cache.impactOf(moved);
        if (run.cache.hits === hits) continue;
        const fresh = assessImpact(draft.baseline, draft.steps, moved, { modeShift: true });
        expect(cached, `${shipment.id} on ${moved.acceptanceDate}`).toEqual(fresh);
        checked++;
      }
    }
    expect(checked).toBe(run.cache.hits);
    expect(run.cache.hits).toBeGreaterThan(0);
  }, 120_000); // the sample portfolio's 2026 wagons are priced step by step under ТР-1
});

describe('attribution, whatever the shipment', () => {
  it('adds up to the difference for any shipment between the corridor stations', () => {
    const draft = wide;
    const stations = [
      'MOSKVA',
      'SARATOV',
      'YEKATERINBURG',
      'ASTANA',
      'ATYRAU',
      'AKTAU-PORT',
      'ASHGABAT',
      'TEHRAN',
      'BANDAR-ABBAS',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...stations),
        fc.constantFrom(...stations),
        fc.constantFrom('20', '40'),
        fc.constantFrom('693000', '011005', '312000'),
        fc.boolean(),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (origin, destination, size, etsng, wagon, month, count) => {
          fc.pre(origin !== destination);
          const impact = assessImpact(draft.baseline, draft.steps, {
            origin,
            destination,
            acceptanceDate: `2026-${String(month).padStart(2, '0')}-10`,
            cargo: { etsng },
            units: wagon
              ? { kind: 'wagon', loaded: true, count, ownership: 'private' }
              : {
                  kind: 'container',
                  size: size === '20' ? '20' : '40',
                  loaded: true,
                  count,
                  ownership: 'private',
                },
            currency: 'USD',
          });
          if (impact.difference === undefined) return;
          const credited = sum(impact.contributions.map((c) => amount(c.amount)));
          expect(credited.eq(impact.difference)).toBe(true);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });
});
