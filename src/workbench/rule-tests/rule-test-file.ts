import { z } from 'zod';
import { RatesRequestSchema } from '../../contract/rates-schemas.js';
import { IsoDateString, RailwayCode, StationCode } from '../../rules/schema/common.js';

/**
 * The one golden-test format: the committee's rule tests (rules/tests/*.yaml) and the hand-worked scenarios
 * (test/scenarios/*.yaml) alike. Shipments with the prices expected, worked out by hand in comments from the rule
 * values. Strict all the way down: a misspelt key is an error with its file and line. Amounts are written with their
 * currency, thousands may be grouped by spaces: "105 887 RUB", "1 776.00 USD".
 */
const AmountText = z
  .string({ error: 'expected an amount and its currency, e.g. "105 887 RUB"' })
  .regex(
    /^-?\d{1,3}(?: \d{3})*(?:\.\d+)? [A-Z]{3}$|^-?\d+(?:\.\d+)? [A-Z]{3}$/,
    'expected an amount and its currency, e.g. "105 887 RUB"',
  )
  .transform((text) => {
    const currency = text.slice(-3);
    return { amount: text.slice(0, -4).replaceAll(' ', ''), currency };
  });

const Text = z.string().min(1);

/** One railway's share: an amount (its tariff currency or the requested one, the currency says which), or figures. */
const RailwayExpectSchema = z.union([
  AmountText.transform((money) => ({ amount: money })),
  z.strictObject({
    local: AmountText.optional(),
    total: AmountText.optional(),
    distanceKm: z.number().int().nonnegative().optional(),
    throughShare: AmountText.optional().describe('its share of an agreed through rate'),
  }),
]);

const ExpectSchema = z
  .strictObject({
    total: AmountText.optional(),
    byRailway: z.record(RailwayCode, RailwayExpectSchema).optional(),
    route: z.array(StationCode).min(2).optional(),
    shortestOffered: z
      .array(StationCode)
      .min(2)
      .optional()
      .describe('the stations of an option that must be among those returned'),
    tolerance: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'a non-negative decimal written as a quoted string, e.g. "0.01"')
      .optional(),
    unpriceable: z
      .string()
      .regex(/^[A-Z_]+$/, 'an error code such as UNIT_NOT_CARRIED')
      .optional(),
    throughRateTotal: AmountText.optional(),
    transit: z
      .strictObject({
        commitmentDays: z.number().int().nonnegative().optional(),
        maxDwellHours: z.number().nonnegative().optional(),
        days: z.number().nonnegative().optional().describe('the expected transit days'),
        daysRange: z
          .tuple([z.number().nonnegative(), z.number().nonnegative()])
          .optional()
          .describe('transit days from no queue to long waits'),
        dwellHours: z
          .record(z.string(), z.number().nonnegative())
          .optional()
          .describe('the expected dwell per crossing id'),
      })
      .optional(),
    versions: z.record(RailwayCode, Text).optional().describe('the tariff version used, per railway'),
    amendments: z
      .record(RailwayCode, z.array(Text))
      .optional()
      .describe('the amendments in force, per railway'),
    noteIncludes: Text.optional(),
    lineIncludes: Text.optional(),
    assumptionIncludes: Text.optional(),
  })
  .refine((e) => Object.keys(e).some((key) => key !== 'tolerance'), {
    message: 'expect at least one figure, route, error or text',
  });

export const RuleTestCaseSchema = z.strictObject({
  name: z.string().min(1),
  acceptanceDate: IsoDateString,
  shipment: RatesRequestSchema.omit({ acceptanceDate: true, maxOptions: true }),
  expect: ExpectSchema,
  overrides: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
    .optional()
    .describe('"<rule file>#<YAML path>": value, applied to the rules for this case only'),
});

export const RuleTestFileSchema = z.strictObject({
  title: z.string().min(1).optional(),
  cases: z.array(RuleTestCaseSchema).min(1),
});

export type RuleTestCase = z.infer<typeof RuleTestCaseSchema>;
