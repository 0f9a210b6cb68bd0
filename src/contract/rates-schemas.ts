import { z } from 'zod';
import { CONVERSION_METHODS, LINE_KINDS } from '../domain/pricing/rate-option.js';
import {
  CONFIDENCES,
  CONTAINER_SIZES,
  CONTAINER_TYPES,
  DIRECTIONS,
  OWNERSHIPS,
  SHIPMENT_TYPES,
  UNIT_KINDS,
} from '../domain/rule-set/tariff.js';
import { boundedDate } from './limits.js';

/** Request and response schemas of the HTTP API: the one source of the API's types and of openapi.yaml. */

export const StationCodeSchema = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'expected an upper-case station code such as MOSKVA (see GET /v1/stations)')
  .max(64);

export const MoneySchema = z
  .object({
    amount: z.string().describe('decimal string, never a binary float'),
    currency: z.string().describe('ISO 4217 code'),
  })
  .meta({ id: 'Money' });

export const CargoSchema = z
  .union([
    z.strictObject({ etsng: z.string().regex(/^\d{6}$/, 'an ETSNG code has 6 digits') }),
    z.strictObject({ gng: z.string().regex(/^\d{8}$/, 'a GNG code has 8 digits') }),
  ])
  .describe('the cargo by its ETSNG code or its GNG code');

/** The wagon kinds of the tariff guide (a test checks this list against rules/tariff-guides/TR-1). */
export const WAGON_TYPES = [
  'covered',
  'flat',
  'gondola',
  'universal-articulated-6-axle',
  'hopper-cement',
  'tank-cement',
  'tank-soda-ash',
  'hopper-grain',
  'hopper-mineral',
  'cattle',
  'gondola-sinter',
  'bunker-bitumen',
  'bunker-flour',
  'flat-timber-short',
  'flat-special-short-steel',
  'hopper-dispenser',
  'dump-car',
  'car-carrier-two-tier',
  'covered-car-carrier',
  'gondola-woodchip',
  'flat-long-container',
  'flat-long-timber',
  'flat-special-short',
  'flat-special-long',
  'specialised-other',
  'tank',
] as const;

export const WagonTypeSchema = z.enum(WAGON_TYPES);

const WagonEntrySchema = z.strictObject({
  count: z.number().int().min(1).max(10_000).optional().describe('default 1'),
  loadCapacityTonnes: z.number().positive().max(200),
  grossMassTonnes: z.number().positive().max(200).describe('cargo mass in each of these wagons'),
  innovative: z.union([z.boolean(), z.string().min(1).max(40)]).optional(),
});

export const UnitsSchema = z.strictObject({
  kind: z.enum(UNIT_KINDS),
  size: z.enum(CONTAINER_SIZES).optional().describe('container size in feet; required for containers'),
  containerType: z.enum(CONTAINER_TYPES).optional().describe('default dry'),
  wagonType: WagonTypeSchema.optional().describe(
    'wagon kind of the tariff guide (ТР-1 Tables 6, 7, 8); default gondola (listed in assumptions)',
  ),
  loadCapacityTonnes: z
    .number()
    .positive()
    .max(200)
    .optional()
    .describe('load capacity of each wagon, tonnes; default 69 t per four axles (listed in assumptions)'),
  innovative: z
    .union([z.boolean(), z.string().min(1).max(40)])
    .optional()
    .describe(
      'an innovative wagon: a model of ТР-1 Tables 6–7 (e.g. "12-196-01"), or true for any model of the list',
    ),
  wagons: z
    .array(WagonEntrySchema)
    .min(1)
    .max(100)
    .readonly()
    .optional()
    .describe('a mixed group: wagons by capacity, mass and model, on one waybill (count is then their sum)'),
  emptyReturn: z
    .boolean()
    .optional()
    .describe('private wagons: price the empty return (ТР-1 Table 17) with the loaded run'),
  axles: z.number().int().min(2).max(16).optional().describe('wagon axles; default 4'),
  loaded: z
    .boolean()
    .default(true)
    .describe('false with kind wagon: the empty run of a private wagon priced alone (ТР-1 Table 17)'),
  ownership: z.enum(OWNERSHIPS).optional().describe('default private (listed in assumptions)'),
  count: z.number().int().min(1).max(10_000).default(1),
  grossMassTonnes: z
    .number()
    .positive()
    .max(200)
    .optional()
    .describe(
      'per unit: gross mass of a box, or cargo mass in a wagon; a default is assumed and listed when absent',
    ),
  shipmentType: z.enum(SHIPMENT_TYPES).optional(),
});

/** A request that prices as it is: four railways, Moscow to Bandar Abbas, one private 40 ft box. */
export const RATES_REQUEST_EXAMPLE = {
  origin: 'MOSKVA',
  destination: 'BANDAR-ABBAS',
  acceptanceDate: '2026-03-01',
  cargo: { etsng: '693000' },
  units: { kind: 'container', size: '40', ownership: 'private', count: 1 },
  currency: 'USD',
};

export const RatesRequestSchema = z
  .strictObject({
    origin: StationCodeSchema,
    destination: StationCodeSchema,
    acceptanceDate: boundedDate('the acceptance date')
      .optional()
      .describe('date of acceptance (waybill date), YYYY-MM-DD, 1990-01-01 to 2100-12-31; default today'),
    cargo: CargoSchema,
    units: UnitsSchema,
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD')
      .default('USD'),
    via: z.array(StationCodeSchema).max(6).optional().describe('border stations the route must cross'),
    maxOptions: z.number().int().min(1).max(20).default(3),
    declaredDistances: z
      .array(
        z.strictObject({
          railway: z.string().regex(/^[A-Z]{2,5}$/, 'a railway code such as RZD'),
          distanceKm: z.number().int().positive().max(20_000),
        }),
      )
      .max(8)
      .readonly()
      .optional()
      .describe(
        "a railway's tariff distance as declared by the shipper: the quote uses it for that leg and says so",
      ),
  })
  .meta({ id: 'RatesRequest', example: RATES_REQUEST_EXAMPLE });

export const ConfidenceSchema = z.enum(CONFIDENCES);

const RuleRefSchema = z
  .object({ file: z.string(), version: z.string(), path: z.string() })
  .meta({ id: 'RuleRef' });

export const QuoteLineSchema = z
  .object({
    railway: z.string(),
    kind: z.enum(LINE_KINDS),
    description: z.string(),
    formula: z.string(),
    amount: MoneySchema,
    perUnit: MoneySchema.optional(),
    inputs: z.record(z.string(), z.union([z.string(), z.number()])),
    rule: RuleRefSchema,
    reference: z.string(),
    confidence: ConfidenceSchema,
  })
  .meta({ id: 'QuoteLine' });

const ConversionSchema = z.object({
  method: z.enum(CONVERSION_METHODS),
  from: z.string(),
  to: z.string(),
  rate: z.string(),
  date: z.string().optional(),
  source: z.string(),
});

/** A railway tariff version a price used, with its content hash and the amendments in force. */
export const RuleVersionUsedSchema = z.object({
  railway: z.string(),
  version: z.string(),
  file: z.string(),
  hash: z.string(),
  amendments: z.array(z.object({ id: z.string(), file: z.string(), hash: z.string() })),
});

export const RateOptionSchema = z
  .object({
    id: z.string(),
    route: z.object({
      stations: z.array(z.string()),
      crossings: z.array(z.string()),
      railways: z.array(z.string()),
      distanceKm: z.number(),
    }),
    total: MoneySchema.describe('before VAT'),
    totalWithVat: MoneySchema.describe('with the VAT of every railway that states one'),
    byRailway: z.array(
      z.object({
        railway: z.string(),
        from: z.string(),
        to: z.string(),
        distanceKm: z.number(),
        distance: z
          .object({
            km: z.number(),
            basis: z.enum(['tr4', 'links', 'declared']),
            formula: z.string(),
            via: z.array(z.string()).describe('ESR codes of the ТР-4 transit points passed, in order'),
            reference: z.string(),
            confidence: ConfidenceSchema,
          })
          .describe(
            "how the tariff distance was found: Tariff Guide No. 4's Books 1 and 3 (RZD), the network's links (other railways), or declared by the shipper",
          ),
        direction: z.enum(DIRECTIONS),
        regime: z.string(),
        total: MoneySchema,
        local: MoneySchema.describe("the railway's charge before VAT, in its tariff currency"),
        vat: z
          .object({ rate: z.string(), local: MoneySchema, total: MoneySchema })
          .optional()
          .describe(
            'VAT on the local charge (rate by date and direction), in the tariff and the requested currency',
          ),
        conversion: ConversionSchema,
        transitDays: z.number(),
        confidence: ConfidenceSchema.describe("the weakest label of any line of this railway's share"),
        throughRate: z
          .object({ share: MoneySchema, basis: z.string(), localTariff: MoneySchema })
          .optional()
          .describe(
            'the apportioned share of an agreed through rate, in its currency, and the local tariff it replaced',
          ),
      }),
    ),
    lines: z.array(QuoteLineSchema),
    transitDays: z
      .number()
      .describe('expected rail transit: running time plus the expected dwell at each crossing'),
    transitDaysRange: z
      .object({ low: z.number(), high: z.number() })
      .describe('rail transit from no queue at the borders (low) to long waits (high)'),
    transit: z.object({
      legs: z.array(
        z.object({
          railway: z.string(),
          distanceKm: z.number(),
          speedKmPerDay: z.number(),
          days: z.number().describe('expected running days: distance ÷ speed'),
          normativeDelivery: z
            .object({
              days: z.number(),
              kmPerDay: z.number(),
              formula: z.string(),
              reference: z.string(),
              confidence: ConfidenceSchema,
              rule: RuleRefSchema,
            })
            .optional()
            .describe(
              'the legal delivery time (срок доставки) of the leg by the railway’s rules (RZD: Mintrans order No. 245, daily norms by distance and shipment kind, plus initial and final operations), beside the expected days',
            ),
        }),
      ),
      crossings: z.array(
        z.object({
          crossing: z.string(),
          name: z.string(),
          gaugeChange: z.string(),
          dwellHours: z
            .number()
            .describe('expected dwell: processing + mean wait, or a priority commitment that holds'),
          lowHours: z.number(),
          highHours: z.number(),
          processingHours: z.number(),
          waitHours: z.number().describe("mean wait in the queue at the section's utilisation"),
          section: z
            .object({ id: z.string(), name: z.string(), utilisation: z.number(), overCapacity: z.boolean() })
            .optional()
            .describe('the capacity section the crossing belongs to, loaded as on the acceptance date'),
          formula: z.string(),
        }),
      ),
      commitmentDays: z.number().optional().describe('a priority-cargo transit-time commitment'),
    }),
    corridor: z
      .object({
        agreements: z.array(
          z.object({ corridor: z.string(), name: z.string(), file: z.string(), hash: z.string() }),
        ),
        throughRate: z
          .object({ id: z.string(), total: MoneySchema, railways: z.array(z.string()) })
          .optional(),
        priority: z.array(z.object({ id: z.string(), name: z.string() })),
        localTariffTotal: MoneySchema.describe('the sum of local tariffs, for comparison'),
        saving: MoneySchema,
      })
      .optional()
      .describe('corridor terms applied to this option and the saving against local tariffs'),
    confidence: ConfidenceSchema.describe(
      'the weakest label of any figure behind the total: illustrative means a placeholder carries part of the price',
    ),
    warnings: z
      .array(z.string())
      .describe(
        'plain words: the illustrative placeholders that carry most of the price (by amount), and every tariff version, agreement or exchange rate carried forward past its own date',
      ),
    assumptions: z.array(z.string()),
    notes: z.array(z.string()),
    ruleVersions: z.array(RuleVersionUsedSchema),
  })
  .meta({ id: 'RateOption' });

export const RatesResponseSchema = z
  .object({
    acceptanceDate: z.string(),
    currency: z.string(),
    ruleSetHash: z.string(),
    cargo: z.object({
      etsng: z.string(),
      gng: z.string().optional(),
      name: z.string(),
      tariffClass: z.number(),
    }),
    options: z.array(RateOptionSchema),
    unpriced: z.array(z.object({ route: z.array(z.string()), reason: z.string() })),
  })
  .meta({ id: 'RatesResponse' });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number(),
    detail: z.string(),
    instance: z.string(),
    code: z.string(),
    errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
    suggestions: z.array(z.string()).optional(),
  })
  .loose()
  .meta({ id: 'Problem' });

export const StationSchema = z
  .object({
    code: z
      .string()
      .describe("the code to put in a request: ours for the corridor's stations, else the ESR code"),
    esr: z.string().optional().describe('the 6-digit ESR (ЕСР) station code'),
    name: z.string().describe('Latin name (a transliteration for the ТР-4 catalogue)'),
    nameLocal: z.string().optional().describe('official name in the local script'),
    aliases: z.array(z.string()),
    railway: z.string(),
    country: z.string(),
    road: z.string().optional().describe('regional railway (дорога) of the ТР-4 list'),
    operations: z
      .array(z.string())
      .optional()
      .describe(
        'commercial operation codes of the ТР-4 list (Book 2 legend), e.g. "3" sidings, "8Н" 20 t boxes',
      ),
    lat: z.number().optional(),
    lon: z.number().optional(),
    kinds: z
      .array(z.string())
      .describe('for our corridor stations: node, container-terminal, border, port, industrial'),
  })
  .meta({ id: 'Station' });

export const StationPageSchema = z
  .object({
    stations: z.array(StationSchema).describe('this page, best match first'),
    total: z.number().int().min(0).describe('stations that match, across all pages'),
    offset: z.number().int().min(0).describe('matches skipped before this page'),
    limit: z.number().int().min(1).describe('largest page asked for'),
  })
  .meta({ id: 'StationPage' });

export const VersionSummarySchema = z.object({
  railway: z.string(),
  version: z.string(),
  title: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().optional(),
  file: z.string(),
  hash: z.string(),
  confidence: z.string(),
  reference: z.string(),
  amendments: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      effectiveFrom: z.string(),
      effectiveTo: z.string(),
      file: z.string(),
    }),
  ),
});

export const problemResponses = {
  400: ProblemSchema,
  401: ProblemSchema,
  404: ProblemSchema,
  422: ProblemSchema,
  429: ProblemSchema,
} as const;
