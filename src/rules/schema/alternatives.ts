import { z } from 'zod';
import { amount } from '../../domain/core/money.js';
import { ALTERNATIVE_MODES, ITEM_BASES, LEG_STAGES } from '../../domain/rule-set/alternative-cards.js';
import { UNIT_KINDS } from '../../domain/rule-set/tariff.js';
import {
  ContainerSize,
  CountryCode,
  Currency,
  DecimalString,
  Id,
  IsoDateString,
  Km,
  StationCode,
  sourced,
} from './common.js';

/**
 * Alternative rate cards (`rules/alternatives/<series>/<effective-date>.yaml`): sea and road routes priced as ranges,
 * emission intensities per mode, and the default value of time. Every figure carries its reference and confidence.
 */

/**
 * A point value or a { low, high } range. Parsed branch by branch (an object is a range, anything else a point), so
 * a misspelt `low`/`high` is reported as an unknown key at its place rather than as "matches no form".
 */
function pointOrRange<P extends z.ZodType, R extends z.ZodType>(point: P, range: R, message: string) {
  return z.unknown().transform((value, ctx): z.output<P> | z.output<R> => {
    const isRange = typeof value === 'object' && value !== null;
    const parsed = isRange
      ? range.safeParse(value, { reportInput: true })
      : point.safeParse(value, { reportInput: true });
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      ctx.addIssue({
        ...issue,
        message: !isRange && issue.code === 'invalid_type' ? message : issue.message,
      });
    }
    return z.NEVER;
  });
}

const MoneyRangeSchema = z
  .strictObject({ low: DecimalString, high: DecimalString })
  .refine((r) => amount(r.low).lessThanOrEqualTo(amount(r.high)), {
    path: ['high'],
    message: 'low must not exceed high',
  });

/** A point amount ("120") or an estimate ({ low, high }), in the file's currency. */
export const EstimateSchema = pointOrRange(
  DecimalString,
  MoneyRangeSchema,
  'expected an amount such as "120" or a range such as { low: "100", high: "140" } (quoted decimals)',
);

const DayCount = z.number().nonnegative().multipleOf(0.1, 'days are given to one decimal place at most');

/** A number of days, or a range { low, high }. */
export const DaysSchema = pointOrRange(
  DayCount,
  z.strictObject({ low: DayCount, high: DayCount }).refine((r) => r.low <= r.high, {
    path: ['high'],
    message: 'low must not exceed high',
  }),
  'expected a number of days such as 3 or a range such as { low: 2, high: 5 }',
);

const ItemWhenSchema = z.strictObject({
  unitKind: z.enum(UNIT_KINDS).optional(),
  sizes: z.array(ContainerSize).optional(),
  loaded: z.boolean().optional(),
});

/** A priced item: an amount per basis unit (per box, TEU, tonne, truck or once per shipment). */
export const AlternativeItemSchema = z.strictObject({
  id: Id,
  description: z.string().min(1),
  basis: z.enum(ITEM_BASES),
  when: ItemWhenSchema.optional(),
  amount: EstimateSchema,
  ...sourced,
});

const Stage = z.enum(LEG_STAGES);

const RailLegSchema = z.strictObject({
  kind: z.literal('rail'),
  stage: Stage.optional(),
  from: z.union([z.literal('origin'), StationCode], { error: 'expected a station code or origin' }),
  to: z.union([z.literal('destination'), StationCode], { error: 'expected a station code or destination' }),
  emissionFactor: Id.optional(),
  note: z.string().optional(),
});

const SeaLegSchema = z.strictObject({
  kind: z.literal('sea'),
  stage: Stage.optional(),
  from: StationCode,
  to: StationCode,
  km: Km.positive(),
  days: DaysSchema,
  sailings: z.strictObject({ perMonth: z.number().positive(), ...sourced }).optional(),
  rates: z.array(AlternativeItemSchema).min(1),
  charges: z.array(AlternativeItemSchema).optional(),
  emissionFactor: Id,
  ...sourced,
});

const PortLegSchema = z.strictObject({
  kind: z.literal('port'),
  stage: Stage.optional(),
  at: StationCode,
  days: DaysSchema,
  charges: z.array(AlternativeItemSchema),
  ...sourced,
});

const RoadSegmentSchema = z.strictObject({
  id: Id,
  description: z.string().min(1),
  country: CountryCode,
  carrier: CountryCode,
  km: Km.positive(),
  perTruckKm: EstimateSchema,
  ...sourced,
});

const RoadStopSchema = z.strictObject({
  id: Id,
  kind: z.enum(['border', 'transload']),
  after: Id,
  description: z.string().min(1),
  days: DaysSchema,
  charges: z.array(AlternativeItemSchema).optional(),
  ...sourced,
});

const RoadLegSchema = z.strictObject({
  kind: z.literal('road'),
  stage: Stage.optional(),
  from: StationCode,
  to: StationCode,
  truck: z.strictObject({
    boxesPerTruck: z.number().int().min(1),
    payloadTonnes: z.number().positive(),
    ...sourced,
  }),
  kmPerDay: z
    .strictObject({ low: z.number().positive(), high: z.number().positive() })
    .refine((r) => r.low <= r.high, { message: 'low must not exceed high', path: ['high'] }),
  segments: z.array(RoadSegmentSchema).min(1),
  stops: z.array(RoadStopSchema).optional(),
  emissionFactor: Id,
  ...sourced,
});

const LegSchema = z.discriminatedUnion('kind', [RailLegSchema, SeaLegSchema, PortLegSchema, RoadLegSchema], {
  error: 'kind must be rail, sea, port or road',
});

const RouteSchema = z
  .strictObject({
    id: Id,
    name: z.string().min(1),
    mode: z.enum(ALTERNATIVE_MODES),
    description: z.string().optional(),
    legs: z.array(LegSchema).min(1),
    notes: z.array(z.string()).optional(),
  })
  .superRefine((route, ctx) => {
    checkLegChain(route.legs, ctx);
    route.legs.forEach((leg, i) => {
      if (leg.kind === 'road') checkRoadLeg(leg, ['legs', i], ctx);
      if (leg.kind === 'sea' || leg.kind === 'port') {
        for (const list of ['rates', 'charges'] as const) {
          const items = list === 'rates' ? (leg.kind === 'sea' ? leg.rates : []) : (leg.charges ?? []);
          items.forEach((item, j) => {
            if (item.basis === 'truck') {
              ctx.addIssue({
                code: 'custom',
                path: ['legs', i, list, j, 'basis'],
                message:
                  'per-truck amounts belong to road legs (their stops); use box, teu, tonne or shipment',
              });
            }
          });
        }
      }
    });
  });

const EmissionFactorSchema = z.strictObject({
  id: Id,
  mode: z.enum(['rail', 'sea', 'road']),
  description: z.string().min(1),
  gramsPerTonneKm: DecimalString,
  ...sourced,
});

export const AlternativesFileSchema = z
  .strictObject({
    title: z.string().min(1),
    effectiveFrom: IsoDateString,
    effectiveTo: IsoDateString.optional(),
    currency: Currency,
    reference: sourced.reference,
    confidence: sourced.confidence,
    routes: z.array(RouteSchema).optional(),
    emissionFactors: z.array(EmissionFactorSchema).optional(),
    valueOfTime: z.strictObject({ perTonneDay: DecimalString, ...sourced }).optional(),
  })
  .superRefine((file, ctx) => {
    if (file.effectiveTo !== undefined && file.effectiveTo < file.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo is before effectiveFrom' });
    }
    duplicates(file.routes ?? [], ['routes'], 'route', ctx);
    duplicates(file.emissionFactors ?? [], ['emissionFactors'], 'emission factor', ctx);
  });

export type AlternativesFile = z.infer<typeof AlternativesFileSchema>;
type Leg = z.infer<typeof LegSchema>;
type RoadLeg = z.infer<typeof RoadLegSchema>;

function duplicates(
  items: readonly { id: string }[],
  path: (string | number)[],
  what: string,
  ctx: z.RefinementCtx,
) {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'id'],
        message: `${what} ${item.id} is defined twice`,
      });
    seen.add(item.id);
  });
}

function start(leg: Leg): string {
  return leg.kind === 'port' ? leg.at : leg.from;
}

function end(leg: Leg): string {
  return leg.kind === 'port' ? leg.at : leg.to;
}

/** Legs join end to end; `origin` may only open the route and `destination` only close it. */
function checkLegChain(legs: readonly Leg[], ctx: z.RefinementCtx) {
  legs.forEach((leg, i) => {
    const previous = legs[i - 1];
    if (previous && end(previous) !== start(leg)) {
      ctx.addIssue({
        code: 'custom',
        path: ['legs', i, leg.kind === 'port' ? 'at' : 'from'],
        message: `this leg starts at ${start(leg)} but the previous leg ends at ${end(previous)}`,
      });
    }
    if (leg.kind === 'rail' && leg.from === 'origin' && i > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['legs', i, 'from'],
        message: 'only the first leg may start at origin',
      });
    }
    if (leg.kind === 'rail' && leg.to === 'destination' && i < legs.length - 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['legs', i, 'to'],
        message: 'only the last leg may end at destination',
      });
    }
  });
}

/** Stops follow a segment of their leg; a change of truck carrier needs a transload stop at that point. */
function checkRoadLeg(leg: RoadLeg, path: (string | number)[], ctx: z.RefinementCtx) {
  const segments = new Map(leg.segments.map((s, i) => [s.id, i]));
  duplicates(leg.segments, [...path, 'segments'], 'segment', ctx);
  duplicates(leg.stops ?? [], [...path, 'stops'], 'stop', ctx);
  (leg.stops ?? []).forEach((stop, j) => {
    if (!segments.has(stop.after)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'stops', j, 'after'],
        message: `no segment ${stop.after} in this leg (a stop comes after one of its segments)`,
      });
    }
  });
  leg.segments.forEach((segment, i) => {
    const previous = leg.segments[i - 1];
    if (!previous || previous.carrier === segment.carrier) return;
    const transload = (leg.stops ?? []).some((s) => s.after === previous.id && s.kind === 'transload');
    if (!transload) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'segments', i, 'carrier'],
        message: `the truck carrier changes from ${previous.carrier} to ${segment.carrier} after segment ${previous.id}: add a transload stop after ${previous.id} with its cost and time`,
      });
    }
  });
}
