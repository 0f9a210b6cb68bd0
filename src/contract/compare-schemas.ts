import { z } from 'zod';
import { BREAK_EVEN_STATUSES } from '../domain/comparison/compare-result.js';
import { CONVERSION_METHODS } from '../domain/pricing/rate-option.js';
import { ALTERNATIVE_MODES, LEG_MODES, LEG_STAGES } from '../domain/rule-set/alternative-cards.js';
import { CONFIDENCES, UNIT_KINDS } from '../domain/rule-set/tariff.js';
import { decimalString } from './limits.js';
import {
  MoneySchema,
  RATES_REQUEST_EXAMPLE,
  RatesRequestSchema,
  RuleVersionUsedSchema,
} from './rates-schemas.js';

/** Request and response schemas of POST /v1/compare: the one source of its types and of its part of openapi.yaml. */

export const CompareRequestSchema = RatesRequestSchema.extend({
  valueOfTimePerTonneDay: decimalString(9, 6, '1.50')
    .optional()
    .describe(
      'value of time per tonne-day in the requested currency, for the generalised cost; default: the rule files’ value',
    ),
  discountLegs: z
    .array(z.string().regex(/^[A-Z]{2,5}$/, 'expected a railway code such as KTZ'))
    .min(1)
    .max(10)
    .optional()
    .describe(
      'railways whose legs the break-even discount applies to; default every railway of the rail option',
    ),
}).meta({
  id: 'CompareRequest',
  example: {
    ...RATES_REQUEST_EXAMPLE,
    acceptanceDate: '2025-05-15',
    maxOptions: 1,
    valueOfTimePerTonneDay: '1.50',
    discountLegs: ['KTZ', 'TDY'],
  },
});

const RuleRef = z.object({ file: z.string(), version: z.string(), path: z.string() });
const Confidence = z.enum(CONFIDENCES);
const MoneyPair = z.object({ low: MoneySchema, high: MoneySchema });
const MoneyRange = z.object({ low: MoneySchema, high: MoneySchema, mid: MoneySchema });
const DayRange = z.object({ low: z.number(), high: z.number(), mid: z.number() });

const ComparedItemSchema = z.object({
  description: z.string(),
  formula: z.string(),
  amount: MoneyPair,
  local: MoneyPair.optional(),
  rule: RuleRef,
  reference: z.string(),
  confidence: Confidence,
});

const ComparedLegSchema = z.object({
  stage: z.enum(LEG_STAGES),
  mode: z.enum(LEG_MODES),
  from: z.string(),
  to: z.string(),
  description: z.string(),
  km: z.number().optional(),
  cost: MoneyPair,
  days: z.object({ low: z.number(), high: z.number() }),
  daysFormula: z.string(),
  emissions: z
    .object({
      kg: z.string(),
      tonneKm: z.string(),
      formula: z.string(),
      factor: z.object({
        id: z.string(),
        gramsPerTonneKm: z.string(),
        description: z.string(),
        rule: RuleRef,
        reference: z.string(),
        confidence: Confidence,
      }),
    })
    .optional(),
  items: z.array(ComparedItemSchema),
  rule: RuleRef,
});

const ComparedOptionSchema = z
  .object({
    id: z.string(),
    mode: z.enum(['rail', ...ALTERNATIVE_MODES]),
    name: z.string(),
    route: z.array(z.string()),
    cost: MoneyRange.describe('a point value has low = high; ranges are ranked by mid'),
    transitDays: DayRange,
    co2e: z
      .object({ kg: z.string(), tonneKm: z.string() })
      .optional()
      .describe('kg CO2e for the shipment: mass × km × intensity, per leg'),
    timeCost: MoneyRange,
    generalisedCost: MoneyRange.describe('cost + value of time × days × tonnes'),
    legs: z.array(ComparedLegSchema),
    confidence: Confidence.describe('the weakest label of any figure behind the option'),
    warnings: z
      .array(z.string())
      .describe('plain words: the illustrative placeholders that carry most of the cost, largest first'),
    notes: z.array(z.string()),
    ruleVersions: z.array(RuleVersionUsedSchema).optional(),
  })
  .meta({ id: 'ComparedOption' });

const RankEntry = z.object({ rank: z.number(), id: z.string(), value: z.string() });

const BreakEvenResultSchema = z.object({
  against: z.string(),
  target: MoneySchema,
  rail: MoneySchema,
  status: z.enum(BREAK_EVEN_STATUSES),
  discountPercent: z
    .string()
    .optional()
    .describe('percent off the discountable legs, 10 decimal places, half-up'),
  discountedLegs: MoneySchema.optional(),
  railCost: MoneySchema.optional(),
  railCostPerUnit: MoneySchema.optional(),
  explanation: z.string(),
});

export const CompareResponseSchema = z
  .object({
    acceptanceDate: z.string(),
    currency: z.string(),
    ruleSetHash: z.string(),
    cargo: z.object({ etsng: z.string(), name: z.string(), tariffClass: z.number() }),
    shipment: z.object({
      kind: z.enum(UNIT_KINDS),
      size: z.string().optional(),
      count: z.number(),
      massTonnes: z.string(),
      massBasis: z.string(),
    }),
    valueOfTime: z.object({
      perTonneDay: MoneySchema,
      source: z.string(),
      rule: RuleRef.optional(),
      reference: z.string(),
      confidence: Confidence,
    }),
    rounding: z.object({ scale: z.number(), mode: z.literal('half-up'), note: z.string() }),
    rankingRule: z.string(),
    options: z.array(ComparedOptionSchema),
    rankings: z.object({
      cost: z.array(RankEntry),
      time: z.array(RankEntry),
      co2: z.array(RankEntry),
      generalisedCost: z.array(RankEntry),
    }),
    breakEven: z.array(
      z.object({
        option: z.string(),
        discountLegs: z.array(z.string()),
        discountable: MoneySchema,
        notDiscountable: MoneySchema,
        onCost: BreakEvenResultSchema.optional(),
        onGeneralisedCost: BreakEvenResultSchema.optional(),
      }),
    ),
    conversions: z.array(
      z.object({
        method: z.enum(CONVERSION_METHODS),
        from: z.string(),
        to: z.string(),
        rate: z.string(),
        date: z.string().optional(),
        source: z.string(),
      }),
    ),
    unavailable: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
    assumptions: z.array(z.string()),
  })
  .meta({ id: 'CompareResponse' });
