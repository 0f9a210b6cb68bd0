import { z } from 'zod';
import { IMPACT_STATUSES } from '../domain/whatif/assess-impact.js';
import { PortfolioItemSchema } from '../workbench/whatif/portfolio-item.js';
import {
  boundedDate,
  MAX_DRAFT_FILE_CHARS,
  MAX_DRAFT_FILES,
  MAX_OVERRIDE_KEYS,
  MAX_OVERRIDE_TARGET_CHARS,
  MAX_OVERRIDE_VALUE_CHARS,
} from './limits.js';

/** Request and response schemas of POST /v1/whatif: the one source of its types and of its part of openapi.yaml. */

/** Portfolios above this size go through the command line (`throughrate whatif`), which streams them. */
export const MAX_WHATIF_SHIPMENTS = 2000;

const DraftFileSchema = z.strictObject({
  path: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]*\/[A-Za-z0-9._/-]+\.ya?ml$/,
      'a path under the rules directory, e.g. railways/KTZ/2026-07-01.yaml',
    )
    .max(200)
    .describe('where the file goes under the rules directory; it replaces the file at that path or is added'),
  text: z
    .string()
    .max(MAX_DRAFT_FILE_CHARS)
    .describe(`the YAML text of the rule file (at most ${MAX_DRAFT_FILE_CHARS} characters)`),
});

export const WhatIfRequestSchema = z
  .strictObject({
    draft: z
      .strictObject({
        files: z
          .array(DraftFileSchema)
          .max(MAX_DRAFT_FILES)
          .default([])
          .describe('rule files laid over the rules in force'),
        overrides: z
          .strictObject({
            title: z.string().min(1).max(200).optional(),
            effectiveFrom: boundedDate('effectiveFrom')
              .optional()
              .describe('with it, changed railway versions become new versions from this date'),
            values: z
              .record(
                z.string().min(3).max(MAX_OVERRIDE_TARGET_CHARS),
                z.union([z.string().max(MAX_OVERRIDE_VALUE_CHARS), z.number().finite(), z.boolean()]),
              )
              .refine((values) => Object.keys(values).length <= MAX_OVERRIDE_KEYS, {
                message: `at most ${MAX_OVERRIDE_KEYS} values`,
              })
              .describe(
                '"<rule file>#<YAML path>": new value, e.g. "railways/KTZ/2026-01-01.yaml#regimes[cis-transit].coefficients[container-distance-1501-2000].factor": "0.75"',
              ),
          })
          .optional(),
      })
      .describe(
        'the draft: whole rule files, an override map, or both (the map applies on top of the files)',
      ),
    portfolio: z.array(PortfolioItemSchema).min(1).max(MAX_WHATIF_SHIPMENTS),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD')
      .default('USD'),
    shipments: z.boolean().default(true).describe('list every shipment in the answer (default true)'),
    modeShift: z
      .boolean()
      .default(true)
      .describe('find the cheapest mode (rail or an alternative) of each shipment under both (default true)'),
    attribution: z
      .boolean()
      .default(true)
      .describe(
        'credit each difference to the changes that caused it, applying them one at a time (default true); false is faster and credits every difference to all the changes together',
      ),
    goalSeek: z
      .strictObject({
        parameter: z.string().min(3).max(400).describe('"<rule file>#<YAML path>" of a number in the draft'),
        keepRevenue: z
          .string()
          .regex(/^[A-Z]{2,5}$/, 'a railway code such as KTZ')
          .optional()
          .describe('the railway whose revenue on the portfolio must stay as under the rules in force'),
        railShare: z
          .number()
          .gt(0)
          .max(1)
          .optional()
          .describe(
            'or: the share of the portfolio (by weight, of the shipments that can be compared with sea or road) for which rail must be the cheapest mode, e.g. 0.6',
          ),
        precision: z.number().int().min(0).max(8).optional().describe('decimals of the answer'),
      })
      .refine((g) => (g.keepRevenue === undefined) !== (g.railShare === undefined), {
        message: 'give either keepRevenue or railShare',
        path: ['keepRevenue'],
      })
      .optional(),
  })
  .meta({
    id: 'WhatIfRequest',
    example: {
      draft: {
        overrides: {
          title: 'Perishable food priority reduction 25 %',
          values: {
            'corridors/north-south-2026/2026-01-01.yaml#priority[perishable-food].rate.reduction': '0.25',
          },
        },
      },
      portfolio: [
        {
          id: 'S001',
          origin: 'VORSINO',
          destination: 'MASHHAD',
          cargo: '561009',
          units: '40ft-reefer',
          count: 40,
          date: '2026-07-11',
          weight: 52,
          ownership: 'private',
          massTonnes: 18,
        },
        {
          id: 'S246',
          origin: 'SELYATINO',
          destination: 'MASHHAD',
          cargo: '693000',
          units: '40ft',
          count: 20,
          date: '2026-07-13',
          ownership: 'private',
        },
      ],
      currency: 'USD',
    },
  });

const RailwayAmountSchema = z.object({
  railway: z.string(),
  currency: z.string(),
  local: z.string(),
  converted: z.string(),
});

const OutcomeSchema = z
  .union([
    z.object({
      priced: z.literal(true),
      total: z.string(),
      route: z.string(),
      corridor: z.string(),
      railways: z.array(RailwayAmountSchema),
    }),
    z.object({ priced: z.literal(false), code: z.string(), reason: z.string() }),
  ])
  .meta({ id: 'WhatIfOutcome' });

const ContributionSchema = z.object({ changes: z.array(z.number()), amount: z.string() });

const ModeChoiceSchema = z.object({ mode: z.string(), option: z.string(), cost: z.string() });

const ShipmentLineSchema = z.object({
  line: z.number(),
  id: z.string(),
  origin: z.string(),
  destination: z.string(),
  cargo: z.string(),
  units: z.string(),
  count: z.number(),
  date: z.string(),
  weight: z.string(),
  baseline: z.string().optional(),
  draft: z.string().optional(),
  difference: z.string().optional(),
  percent: z.string().optional(),
  reason: z.string().optional(),
  cause: z.array(z.number()).optional(),
});

const ShipmentResultSchema = ShipmentLineSchema.extend({
  status: z.enum(IMPACT_STATUSES),
  routeChanged: z.boolean(),
  baselineOutcome: OutcomeSchema,
  draftOutcome: OutcomeSchema,
  contributions: z.array(ContributionSchema),
  cheapestMode: z
    .object({ baseline: ModeChoiceSchema.optional(), draft: ModeChoiceSchema.optional() })
    .optional(),
}).meta({ id: 'WhatIfShipment' });

const Figures = {
  baseline: z.string(),
  draft: z.string(),
  change: z.string(),
  percent: z.string().optional(),
};

const GroupSchema = z.object({ group: z.string(), shipments: z.number(), ...Figures });

const GoalSeekPointSchema = z.object({ value: z.string(), residual: z.string().optional() });

const GoalSeekCommonSchema = z.object({
  parameter: z.string(),
  currency: z.string(),
  draftValue: z.string(),
  value: z.string(),
  found: z.boolean(),
  explanation: z.string(),
  evaluations: z.number(),
  bracket: z.tuple([GoalSeekPointSchema, GoalSeekPointSchema]).optional(),
  residual: z.string().optional(),
});

const RevenueGoalSeekSchema = GoalSeekCommonSchema.extend({
  objective: z.literal('keep-revenue'),
  railway: z.string(),
  baselineRevenue: z.string(),
  draftRevenue: z.string(),
  revenueAtValue: z.string().optional(),
});

const ShareGoalSeekSchema = GoalSeekCommonSchema.extend({
  objective: z.literal('rail-share'),
  targetShare: z.string(),
  comparableWeight: z.string(),
  baselineShare: z.string(),
  draftShare: z.string(),
  shareAtValue: z.string().optional(),
});

const BeforeAfter = z.object({ baseline: z.number(), draft: z.number() });

export const WhatIfResponseSchema = z
  .object({
    currency: z.string(),
    baselineRuleSetHash: z.string(),
    draftRuleSetHash: z.string(),
    draft: z.object({
      files: z.array(z.string()),
      notes: z.array(z.string()),
      order: z.string().describe('how the changes were applied and credited'),
      changes: z.array(
        z.object({
          index: z.number(),
          file: z.string(),
          path: z.string(),
          kind: z.string(),
          railway: z.string().optional(),
          text: z.string(),
        }),
      ),
    }),
    summary: z.object({
      currency: z.string(),
      shipments: z.object({
        rows: z.number(),
        weight: z.string(),
        changed: z.number(),
        unchanged: z.number(),
        becameUnpriceable: z.number(),
        becamePriceable: z.number(),
        unpriceable: z.number(),
        routeChanged: z.number(),
      }),
      revenue: z.object({ ...Figures, pricedBoth: z.string(), lost: z.string(), gained: z.string() }),
      byRailway: z.array(
        z.object({ railway: z.string(), currency: z.string(), ...Figures, converted: z.object(Figures) }),
      ),
      byCorridor: z.array(GroupSchema),
      byCargoGroup: z.array(GroupSchema),
      byChange: z.array(
        z.object({ changes: z.array(z.number()), amount: z.string(), shipments: z.number() }),
      ),
      distribution: z.array(z.object({ label: z.string(), weight: z.string() })),
      largest: z.array(ShipmentLineSchema),
      unpriceable: z.object({ total: z.number(), listed: z.array(ShipmentLineSchema) }),
      modeShift: z
        .object({
          assessed: z.number(),
          railCheapest: z.object({ baseline: z.string(), draft: z.string() }),
          shifts: z.array(
            z.object({ from: z.string(), to: z.string(), shipments: z.number(), weight: z.string() }),
          ),
          listed: z.array(ShipmentLineSchema.extend({ from: z.string(), to: z.string() })),
        })
        .optional(),
    }),
    capacity: z
      .object({
        date: z
          .string()
          .describe("the portfolio's latest acceptance date: capacity and traffic are taken then"),
        sections: z.array(
          z.object({
            section: z.string(),
            name: z.string(),
            portfolioRailTonnesPerYear: BeforeAfter,
            capacityTonnesPerYear: BeforeAfter,
            trafficTonnesPerYear: BeforeAfter,
            utilisation: BeforeAfter,
            overCapacity: z.object({ baseline: z.boolean(), draft: z.boolean() }),
            waitHours: BeforeAfter.describe("mean wait at each of the section's crossings"),
          }),
        ),
        notes: z.array(z.string()),
        flags: z.array(z.string()).describe('sections over capacity under the draft, in words'),
        approximation: z.string(),
      })
      .optional()
      .describe('the corridor sections the portfolio crosses by rail, before and after the draft'),
    modeShift: z.object({ available: z.boolean(), note: z.string() }),
    goalSeek: z.discriminatedUnion('objective', [RevenueGoalSeekSchema, ShareGoalSeekSchema]).optional(),
    shipments: z.array(ShipmentResultSchema).optional(),
  })
  .meta({ id: 'WhatIfResponse' });

export type WhatIfRequest = z.output<typeof WhatIfRequestSchema>;
