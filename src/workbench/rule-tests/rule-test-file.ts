import { z } from 'zod';
import { RatesRequestSchema } from '../../contract/rates-schemas.js';
import { IsoDateString, RailwayCode, StationCode } from '../../rules/schema/common.js';

/**
 * A rule-test file (rules/tests/*.yaml): shipments with the prices a committee expects, worked out by hand in
 * comments from the rule values. Amounts are written with their currency, thousands may be grouped by spaces:
 * "105 887 RUB", "1 776.00 USD".
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

const ExpectSchema = z
  .strictObject({
    total: AmountText.optional(),
    byRailway: z.record(RailwayCode, AmountText).optional(),
    route: z.array(StationCode).min(2).optional(),
    tolerance: z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'a non-negative decimal written as a quoted string, e.g. "0.01"')
      .optional(),
    unpriceable: z
      .string()
      .regex(/^[A-Z_]+$/, 'an error code such as UNIT_NOT_CARRIED')
      .optional(),
  })
  .refine((e) => e.total || e.byRailway || e.route || e.unpriceable, {
    message: 'expect at least one of total, byRailway, route or unpriceable',
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
