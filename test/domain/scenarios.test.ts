import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { calculateRates } from '../../src/domain/pricing/calculate-rates.js';
import type { RateRequest } from '../../src/domain/pricing/shipment.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { bundledRuleSet } from '../helpers/app.js';

/**
 * Golden scenarios a tariff committee can read: each file states a shipment and the amounts worked out by hand,
 * step by step, in its comments.
 */
interface Scenario {
  name: string;
  request: RateRequest;
  expect: {
    route?: string[];
    total?: string;
    byRailway?: Record<
      string,
      { local?: string; total?: string; distanceKm?: number; throughShare?: string }
    >;
    throughRateTotal?: string;
    noteIncludes?: string;
    transit?: { commitmentDays?: number; maxDwellHours?: number };
    lineIncludes?: string;
    versions?: Record<string, string>;
    amendments?: Record<string, string[]>;
    assumptionIncludes?: string;
    /** The stations of an option that must be among those returned (the shortest route, say). */
    shortestOffered?: string[];
  };
}

const dir = fileURLToPath(new URL('../scenarios', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const money = (m: { amount: string; currency: string }) => `${m.amount} ${m.currency}`;

describe('golden scenarios', () => {
  let ruleSet: RuleSet;
  beforeAll(async () => {
    ruleSet = await bundledRuleSet();
  });

  it.each(files)('%s', (file) => {
    const scenario = parse(readFileSync(join(dir, file), 'utf8')) as Scenario;
    const result = calculateRates(ruleSet, {
      ...scenario.request,
      acceptanceDate: String(scenario.request.acceptanceDate),
    });
    const option = scenario.expect.route
      ? result.options.find((o) => o.route.stations.join('>') === scenario.expect.route?.join('>'))
      : result.options[0];
    expect(option, scenario.name).toBeDefined();
    if (!option) return;
    if (scenario.expect.total) expect(money(option.total)).toBe(scenario.expect.total);
    if (scenario.expect.throughRateTotal) {
      expect(option.corridor?.throughRate && money(option.corridor.throughRate.total)).toBe(
        scenario.expect.throughRateTotal,
      );
    }
    if (scenario.expect.transit?.commitmentDays !== undefined) {
      expect(option.transit.commitmentDays).toBe(scenario.expect.transit.commitmentDays);
    }
    if (scenario.expect.transit?.maxDwellHours !== undefined) {
      const dwell = option.transit.crossings.map((c) => c.dwellHours);
      expect(Math.max(...dwell)).toBeLessThanOrEqual(scenario.expect.transit.maxDwellHours);
    }
    if (scenario.expect.noteIncludes) expect(option.notes.join('\n')).toContain(scenario.expect.noteIncludes);
    if (scenario.expect.lineIncludes)
      expect(option.lines.map((l) => l.description).join('\n')).toContain(scenario.expect.lineIncludes);
    for (const [railway, want] of Object.entries(scenario.expect.byRailway ?? {})) {
      const share = option.byRailway.find((s) => s.railway === railway);
      expect(share, `${railway} share`).toBeDefined();
      if (want.local) expect(money(share?.local ?? { amount: '', currency: '' })).toBe(want.local);
      if (want.total) expect(money(share?.total ?? { amount: '', currency: '' })).toBe(want.total);
      if (want.distanceKm !== undefined) expect(share?.distanceKm).toBe(want.distanceKm);
      if (want.throughShare)
        expect(share?.throughRate && money(share.throughRate.share)).toBe(want.throughShare);
    }
    for (const [railway, version] of Object.entries(scenario.expect.versions ?? {})) {
      expect(option.ruleVersions.find((v) => v.railway === railway)?.version).toBe(String(version));
    }
    for (const [railway, ids] of Object.entries(scenario.expect.amendments ?? {})) {
      expect(option.ruleVersions.find((v) => v.railway === railway)?.amendments.map((a) => a.id)).toEqual(
        ids,
      );
    }
    if (scenario.expect.shortestOffered) {
      expect(result.options.map((o) => o.route.stations.join('>'))).toContain(
        scenario.expect.shortestOffered.join('>'),
      );
    }
    if (scenario.expect.assumptionIncludes) {
      expect(option.assumptions.join(' | ')).toContain(scenario.expect.assumptionIncludes);
    }
  });
});
