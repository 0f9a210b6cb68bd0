import { z } from 'zod';
import { LINE_CHANGES, LINE_STATUSES } from '../domain/quotes/diff-options.js';
import { VALIDITY_LIMITS } from '../domain/quotes/quote-validity.js';
import { boundedDate, VISIBLE_ASCII } from './limits.js';
import {
  MoneySchema,
  ProblemSchema,
  problemResponses,
  QuoteLineSchema,
  RATES_REQUEST_EXAMPLE,
  RateOptionSchema,
  RatesRequestSchema,
  RatesResponseSchema,
  StationCodeSchema,
  UnitsSchema,
} from './rates-schemas.js';

/** Schemas of the binding-quote routes (POST/GET /v1/quotes, replay). */

export const QuoteRequestSchema = RatesRequestSchema.extend({
  optionId: z
    .string()
    .min(1)
    .max(500)
    .regex(VISIBLE_ASCII, 'an option id has visible ASCII characters only')
    .optional()
    .describe('the option to issue, by its id from POST /v1/rates; default the cheapest'),
  indicative: z
    .boolean()
    .default(false)
    .describe(
      'true: issue the quote even though illustrative placeholder figures carry part of the price; it is then stored ' +
        'and shown as indicative, not binding. Without it such a request is refused (422 ILLUSTRATIVE_FIGURES)',
    ),
}).meta({ id: 'QuoteRequest', example: { ...RATES_REQUEST_EXAMPLE, indicative: true } });

export const IdempotencyHeadersSchema = z.object({
  'idempotency-key': z
    .string()
    .min(1)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only')
    .optional()
    .describe(
      'the same key with the same body returns the quote issued the first time; with another body, 409',
    ),
});

export const QuoteIdParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .regex(VISIBLE_ASCII, 'a quote id has visible ASCII characters only')
    .describe('the id POST /v1/quotes answered with (issue a quote first, then paste its id here)'),
});

export const QuoteListQuerySchema = z.object({
  origin: StationCodeSchema.optional(),
  destination: StationCodeSchema.optional(),
  from: boundedDate('from').optional().describe('first issue date (UTC), inclusive'),
  to: boundedDate('to').optional().describe('last issue date (UTC), inclusive'),
  cursor: z.string().max(512).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ReplayRequestSchema = z
  .strictObject({
    acceptanceDate: boundedDate('the acceptance date')
      .optional()
      .describe('price as if accepted on this date, with the rules in force then; default the quote’s own'),
  })
  .nullish()
  .describe('optional: no body replays on the quote’s own acceptance date');

const ValiditySchema = z.object({
  validUntil: z.string(),
  issuedOn: z.string(),
  days: z.number().describe('the smallest quoteValidityDays of the railways on the route'),
  terms: z.array(z.object({ railway: z.string(), version: z.string(), days: z.number() })),
  endOfQuarter: z.string().describe('the last day of the freight-year quarter of the acceptance date'),
  limitedBy: z.enum(VALIDITY_LIMITS),
  explanation: z.string(),
});

export const QuoteSchema = z
  .object({
    id: z.string(),
    issuedAt: z.string().describe('ISO 8601 instant, UTC'),
    validUntil: z.string().describe('last day the quote may be booked on, inclusive'),
    expired: z.boolean(),
    validity: ValiditySchema,
    request: z
      .object({
        ...RatesRequestSchema.shape,
        units: UnitsSchema.extend({ wagonType: z.string().optional() }),
        acceptanceDate: z.string(),
        via: z.array(z.string()).readonly().optional(),
        maxOptions: z.number().optional(),
      })
      .describe('the request as priced, defaults filled in'),
    acceptanceDate: z.string(),
    currency: z.string(),
    cargo: RatesResponseSchema.shape.cargo,
    option: RateOptionSchema,
    indicative: z
      .boolean()
      .describe('issued on illustrative figures at the requester’s demand: indicative, NOT binding'),
    binding: z.boolean().describe('the railways must honour it: false for an indicative quote'),
    ruleSetHash: z.string(),
    ruleFiles: z
      .array(z.object({ file: z.string(), hash: z.string() }))
      .describe('every rule file the price depends on, with the SHA-256 of its content at issue'),
  })
  .meta({ id: 'Quote' });

export const QuoteListSchema = z.object({
  quotes: z.array(
    z.object({
      id: z.string(),
      issuedAt: z.string(),
      validUntil: z.string(),
      expired: z.boolean(),
      origin: z.string(),
      destination: z.string(),
      acceptanceDate: z.string(),
      optionId: z.string(),
      total: MoneySchema,
      indicative: z.boolean().describe('indicative, not binding'),
      ruleSetHash: z.string(),
    }),
  ),
  nextCursor: z.string().optional().describe('absent on the last page'),
});

const LineSideSchema = z.object({
  amount: MoneySchema,
  formula: z.string(),
  rule: QuoteLineSchema.shape.rule,
});

const AmountDiffSchema = z.object({
  stored: MoneySchema.optional(),
  replayed: MoneySchema.optional(),
  difference: MoneySchema.optional().describe('replayed − stored'),
});

export const QuoteReplaySchema = z
  .object({
    quoteId: z.string(),
    acceptanceDate: z.string(),
    storedAcceptanceDate: z.string(),
    ruleSetHash: z.string(),
    storedRuleSetHash: z.string(),
    identical: z.boolean().describe('the replayed option is exactly the stored one'),
    routePriced: z.boolean().describe('the stored route could be priced again'),
    option: RateOptionSchema.nullable(),
    difference: z.object({
      total: AmountDiffSchema,
      byRailway: z.array(AmountDiffSchema.extend({ railway: z.string() })),
      lines: z.array(
        z.object({
          railway: z.string(),
          kind: QuoteLineSchema.shape.kind,
          description: z.string(),
          status: z.enum(LINE_STATUSES),
          changed: z.array(z.enum(LINE_CHANGES)),
          stored: LineSideSchema.optional(),
          replayed: LineSideSchema.optional(),
          difference: MoneySchema.optional(),
        }),
      ),
    }),
    versionChanges: z.array(
      z.object({ railway: z.string(), stored: z.string().optional(), replayed: z.string().optional() }),
    ),
    ruleFilesChanged: z.array(
      z.object({ file: z.string(), storedHash: z.string(), currentHash: z.string().nullable() }),
    ),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'QuoteReplay' });

export const quoteProblemResponses = { ...problemResponses, 409: ProblemSchema } as const;
