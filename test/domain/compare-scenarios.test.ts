import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RatesRequestSchema } from '../../src/contract/rates-schemas.js';
import { compareModes } from '../../src/domain/comparison/compare-modes.js';
import type { BreakEvenResult, ComparedOption } from '../../src/domain/comparison/compare-result.js';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { formatIssue } from '../../src/rules/rule-issue.js';
import { parseSourceFile } from '../../src/rules/source-file.js';
import { validateFile } from '../../src/rules/validate-file.js';
import { bundledRuleSet } from '../helpers/app.js';

/**
 * Golden comparisons a committee can read: each file under test/scenarios/compare states a shipment and, worked out
 * by hand in its comments, every option's cost, days, CO2e and generalised cost, the rankings and the break-even.
 * Ranges are written "low–high"; a point is written once. The files are validated strictly, as rule files are: a
 * misspelt key is an error with its file and line, never an expectation silently skipped.
 */
const Figure = z.string().min(1);
const ExpectedSchema = z.strictObject({
  cost: Figure.optional(),
  mid: Figure.optional(),
  days: Figure.optional(),
  co2Kg: Figure.optional(),
  generalised: Figure.optional(),
  itemIncludes: Figure.optional(),
});
type Expected = z.infer<typeof ExpectedSchema>;

const ScenarioSchema = z.strictObject({
  name: z.string().min(1),
  request: RatesRequestSchema.required({ acceptanceDate: true }),
  compare: z
    .strictObject({ valueOfTimePerTonneDay: Figure.optional(), discountLegs: z.array(Figure).optional() })
    .optional(),
  expect: z.strictObject({
    massTonnes: Figure.optional(),
    options: z.record(z.string(), ExpectedSchema).optional(),
    rankings: z
      .strictObject({
        cost: z.array(Figure).optional(),
        time: z.array(Figure).optional(),
        co2: z.array(Figure).optional(),
        generalisedCost: z.array(Figure).optional(),
      })
      .optional(),
    breakEven: z
      .record(
        z.string(),
        z.strictObject({
          discountable: Figure.optional(),
          notDiscountable: Figure.optional(),
          onCost: z.record(z.string(), Figure).optional(),
          onGeneralisedCost: z.record(z.string(), Figure).optional(),
        }),
      )
      .optional(),
    unavailable: z.array(Figure).optional(),
  }),
});

function readScenario(file: string, text = readFileSync(join(dir, file), 'utf8')) {
  const source = parseSourceFile(`test/scenarios/compare/${file}`, text);
  const { value, issues } =
    source.issues.length > 0
      ? { value: undefined, issues: source.issues }
      : validateFile(source, ScenarioSchema);
  if (!value) throw new Error(issues.map(formatIssue).join('\n'));
  return value;
}

const dir = fileURLToPath(new URL('../scenarios/compare', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

const shown = (low: string, high: string) => (low === high ? low : `${low}–${high}`);

function figures(option: ComparedOption): Required<Omit<Expected, 'itemIncludes'>> {
  return {
    cost: shown(option.cost.low.amount, option.cost.high.amount),
    mid: option.cost.mid.amount,
    days: shown(option.transitDays.low.toFixed(1), option.transitDays.high.toFixed(1)),
    co2Kg: option.co2e?.kg ?? 'none',
    generalised: shown(option.generalisedCost.low.amount, option.generalisedCost.high.amount),
  };
}

function flatten(result: BreakEvenResult | undefined): Record<string, string> {
  if (!result) return {};
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(result)) {
    out[key] =
      typeof value === 'object' && value !== null && 'amount' in value ? value.amount : String(value);
  }
  return out;
}

describe('golden comparisons of rail with sea and road', () => {
  let ruleSet: RuleSet;
  beforeAll(async () => {
    ruleSet = await bundledRuleSet();
  });

  it('finds the scenario files', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a scenario with a misspelt key, naming its file and line', () => {
    const file = 'box-moskva-bandar-abbas.yaml';
    const text = readFileSync(join(dir, file), 'utf8').replace(/^expect:\n/m, 'expect:\n  rankngs: {}\n');
    const line = text.split('\n').indexOf('  rankngs: {}') + 1;
    expect(() => readScenario(file, text)).toThrow(
      new RegExp(`^test/scenarios/compare/${file}:${line}:\\d+ at expect\\.rankngs: unknown key`),
    );
  });

  it.each(files)('%s', (file) => {
    const scenario = readScenario(file);
    const result = compareModes(ruleSet, scenario.request, scenario.compare ?? {});
    const want = scenario.expect;
    if (want.massTonnes) expect(result.shipment.massTonnes).toBe(want.massTonnes);
    for (const [id, expected] of Object.entries(want.options ?? {})) {
      const option = result.options.find((o) => o.id === id);
      expect(option, `${scenario.name}: option ${id}`).toBeDefined();
      if (!option) continue;
      const { itemIncludes, ...numbers } = expected;
      const actual = figures(option);
      for (const [key, value] of Object.entries(numbers)) {
        expect(actual[key as keyof typeof actual], `${id} ${key}`).toBe(value);
      }
      if (itemIncludes) {
        const items = option.legs.flatMap((l) => l.items.map((i) => i.description)).join('\n');
        expect(items).toContain(itemIncludes);
      }
    }
    for (const [measure, ids] of Object.entries(want.rankings ?? {})) {
      const ranking = result.rankings[measure as keyof typeof result.rankings];
      expect(
        ranking.map((e) => e.id),
        `ranking by ${measure}`,
      ).toEqual(ids);
    }
    for (const [option, expected] of Object.entries(want.breakEven ?? {})) {
      const breakEven = result.breakEven.find((b) => b.option === option);
      expect(breakEven, `break-even of ${option}`).toBeDefined();
      if (!breakEven) continue;
      if (expected.discountable) expect(breakEven.discountable.amount).toBe(expected.discountable);
      if (expected.notDiscountable) expect(breakEven.notDiscountable.amount).toBe(expected.notDiscountable);
      if (expected.onCost) expect(flatten(breakEven.onCost)).toMatchObject(expected.onCost);
      if (expected.onGeneralisedCost) {
        expect(flatten(breakEven.onGeneralisedCost)).toMatchObject(expected.onGeneralisedCost);
      }
    }
    if (want.unavailable) {
      expect(result.unavailable.map((u) => u.id).sort()).toEqual([...want.unavailable].sort());
    }
  });
});
