import { z } from 'zod';
import { REDUCTION_COMBINES } from '../../domain/rule-set/tariff.js';
import {
  CountryCode,
  Currency,
  DecimalString,
  Id,
  IsoDateString,
  RailwayCode,
  RoundingSchema,
  sourced,
  WhenSchema,
} from './common.js';

const Combine = z.enum(REDUCTION_COMBINES);

/** One step of a covered route: a crossing id, one of several, or any crossing between two countries. */
const RouteStepSchema = z.union([
  z.string().regex(/^[A-Z0-9-]+--[A-Z0-9-]+$/, 'a crossing id such as BOLASHAK--SERHETYAKA'),
  z.strictObject({ anyOf: z.array(z.string().regex(/^[A-Z0-9-]+--[A-Z0-9-]+$/)).min(1) }),
  z.strictObject({ between: z.tuple([CountryCode, CountryCode]) }),
]);

const CoveredRouteSchema = z.strictObject({
  id: Id,
  description: z.string().min(1),
  crossings: z.array(RouteStepSchema).min(1),
});

const ThroughRateAmountSchema = z
  .strictObject({
    when: WhenSchema.optional(),
    perUnit: DecimalString.optional(),
    perUnitKm: DecimalString.optional(),
    ...sourced,
  })
  .refine((a) => (a.perUnit === undefined) !== (a.perUnitKm === undefined), {
    message: 'give exactly one of `perUnit` (per box or wagon) or `perUnitKm` (per box-km, e.g. per FEU-km)',
  });

const ApportionmentSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('distance'), remainderTo: RailwayCode }),
  z.strictObject({
    method: z.literal('shares'),
    shares: z.record(RailwayCode, DecimalString),
    remainderTo: RailwayCode,
  }),
  z.strictObject({ method: z.literal('own-rate'), perUnitKm: z.record(RailwayCode, DecimalString) }),
]);

const ThroughRateSchema = z.strictObject({
  id: Id,
  description: z.string().min(1),
  routes: z.array(Id).min(1),
  railways: z.array(RailwayCode).min(1),
  when: WhenSchema.optional(),
  currency: Currency,
  rounding: RoundingSchema,
  amounts: z.array(ThroughRateAmountSchema).min(1),
  apportionment: ApportionmentSchema,
  /**
   * Whether the agreed rate includes the gauge change (container transfer, wheelset exchange) at a 1520/1435 mm
   * crossing of its route; when not, the railway's own gauge-change charge is added on top.
   */
  gaugeChange: z.strictObject({ included: z.boolean(), ...sourced }).optional(),
  ...sourced,
});

const DiscountSchema = z
  .strictObject({
    id: Id,
    description: z.string().min(1),
    railway: RailwayCode,
    routes: z.array(Id).optional(),
    when: WhenSchema.optional(),
    reduction: DecimalString.optional(),
    factor: DecimalString.optional(),
    combine: Combine.optional(),
    cap: DecimalString.optional(),
    ...sourced,
  })
  .refine((d) => (d.reduction === undefined) !== (d.factor === undefined), {
    message:
      'give exactly one of `reduction` (0.20 = 20 % off) or `factor` (0.80, or 5.00 for an increasing coefficient)',
  });

const PrioritySchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  cargo: z.strictObject({
    groups: z.array(Id).optional(),
    etsng: z.array(z.string()).optional(),
    gng: z.array(z.string()).optional(),
  }),
  railways: z.array(RailwayCode).min(1),
  routes: z.array(Id).optional(),
  when: WhenSchema.optional(),
  rate: z
    .union([
      z.strictObject({ reduction: DecimalString }),
      z.strictObject({ factor: DecimalString }),
      z.strictObject({ fixedPerUnit: DecimalString }),
    ])
    .optional(),
  service: z
    .strictObject({
      maxTransitDays: z.number().positive().optional(),
      borderDwellHours: z.number().nonnegative().optional(),
      reservedCapacityShare: z.number().gt(0).max(1).optional(),
    })
    .optional(),
  ...sourced,
});

export const CorridorSchema = z
  .strictObject({
    corridor: Id,
    name: z.string().min(1),
    effectiveFrom: IsoDateString,
    effectiveTo: IsoDateString.optional(),
    participants: z.array(RailwayCode).min(1),
    ...sourced,
    combine: Combine.default('largest'),
    cap: DecimalString.optional(),
    routes: z.array(CoveredRouteSchema).min(1),
    throughRates: z.array(ThroughRateSchema).optional(),
    discounts: z.array(DiscountSchema).optional(),
    priority: z.array(PrioritySchema).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.effectiveTo !== undefined && c.effectiveTo < c.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo is before effectiveFrom' });
    }
    const routeIds = new Set(c.routes.map((r) => r.id));
    const participants = new Set(c.participants);
    const checkRoutes = (ids: readonly string[] | undefined, path: (string | number)[]) =>
      ids?.forEach((id, i) => {
        if (!routeIds.has(id))
          ctx.addIssue({ code: 'custom', path: [...path, i], message: `no route ${id} in this agreement` });
      });
    const checkRailway = (code: string, path: (string | number)[]) => {
      if (!participants.has(code))
        ctx.addIssue({ code: 'custom', path, message: `${code} is not a participant of this agreement` });
    };
    c.throughRates?.forEach((t, i) => {
      checkRoutes(t.routes, ['throughRates', i, 'routes']);
      for (const [j, r] of t.railways.entries()) checkRailway(r, ['throughRates', i, 'railways', j]);
      const a = t.apportionment;
      if (a.method !== 'own-rate' && !t.railways.includes(a.remainderTo)) {
        ctx.addIssue({
          code: 'custom',
          path: ['throughRates', i, 'apportionment', 'remainderTo'],
          message: `${a.remainderTo} is not among the railways of this through rate`,
        });
      }
      if (a.method === 'shares') {
        const keys = Object.keys(a.shares).sort().join(',');
        if (keys !== [...t.railways].sort().join(',')) {
          ctx.addIssue({
            code: 'custom',
            path: ['throughRates', i, 'apportionment', 'shares'],
            message: 'give one share for each railway of the through rate',
          });
        }
        const total = Object.values(a.shares).reduce((acc, s) => acc + Math.round(Number(s) * 1e6), 0);
        if (total !== 1e6) {
          ctx.addIssue({
            code: 'custom',
            path: ['throughRates', i, 'apportionment', 'shares'],
            message: 'shares must add up to exactly 1',
          });
        }
      }
      // Two through rates on the same route whose conditions are identical cannot be told apart: a conflict.
      c.throughRates?.slice(0, i).forEach((other, j) => {
        const sameRoute = other.routes.some((r) => t.routes.includes(r));
        if (sameRoute && JSON.stringify(other.when ?? {}) === JSON.stringify(t.when ?? {})) {
          ctx.addIssue({
            code: 'custom',
            path: ['throughRates', i],
            message: `conflicts with throughRates[${j}] (${other.id}): same route, same conditions`,
          });
        }
      });
    });
    c.discounts?.forEach((d, i) => {
      checkRoutes(d.routes, ['discounts', i, 'routes']);
      checkRailway(d.railway, ['discounts', i, 'railway']);
      if ((d.combine === 'add-capped') !== (d.cap !== undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['discounts', i, 'cap'],
          message: '`cap` goes with combine: add-capped, and only there',
        });
      }
    });
    if ((c.combine === 'add-capped') !== (c.cap !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['cap'],
        message: '`cap` goes with combine: add-capped, and only there',
      });
    }
    c.priority?.forEach((p, i) => {
      checkRoutes(p.routes, ['priority', i, 'routes']);
      for (const [j, r] of p.railways.entries()) checkRailway(r, ['priority', i, 'railways', j]);
    });
  });

export type CorridorFile = z.infer<typeof CorridorSchema>;
