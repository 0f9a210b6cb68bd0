import { z } from 'zod';
import { CHARGE_BASES, REDUCTION_COMBINES } from '../../domain/rule-set/tariff.js';
import {
  CountryCode,
  Currency,
  DecimalString,
  Direction,
  Id,
  IsoDateString,
  Km,
  RailwayCode,
  RoundingByUnitSchema,
  RoundingSchema,
  sourced,
  WhenSchema,
} from './common.js';

const BandSchema = z
  .strictObject({
    fromKm: Km,
    toKm: Km.optional(),
    rate: DecimalString.optional(),
    fixed: DecimalString.optional(),
    perKm: DecimalString.optional(),
  })
  .refine((b) => (b.rate === undefined) !== (b.fixed === undefined && b.perKm === undefined), {
    message: 'a band gives either `rate` (a flat amount) or `fixed` and/or `perKm`',
  });

export const ChargeSchema = z
  .strictObject({
    id: Id,
    description: z.string().min(1),
    basis: z.enum(CHARGE_BASES),
    when: WhenSchema.optional(),
    formula: z.strictObject({ fixed: DecimalString.optional(), perKm: DecimalString.optional() }).optional(),
    bands: z.array(BandSchema).min(1).optional(),
    distanceStepKm: z.number().int().positive().optional(),
    ...sourced,
  })
  .superRefine((charge, ctx) => {
    if ((charge.formula === undefined) === (charge.bands === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of `formula` or `bands`' });
    }
    checkBands(charge.bands ?? [], ctx);
  });

function checkBands(bands: readonly { fromKm: number; toKm?: number | undefined }[], ctx: z.RefinementCtx) {
  bands.forEach((band, i) => {
    const path = ['bands', i, 'fromKm'];
    if (i === 0 && band.fromKm !== 0) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `the first band must start at 0 km, not ${band.fromKm}`,
      });
    }
    if (band.toKm !== undefined && band.toKm < band.fromKm) {
      ctx.addIssue({ code: 'custom', path: ['bands', i, 'toKm'], message: 'a band ends before it starts' });
    }
    if (band.toKm === undefined && i < bands.length - 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', i],
        message: 'only the last band may be open-ended (no toKm)',
      });
    }
    const previous = bands[i - 1];
    if (previous?.toKm === undefined) return;
    const expected = previous.toKm + 1;
    if (band.fromKm > expected) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `gap between bands: km ${expected}–${band.fromKm - 1} are in no band (previous band ends at ${previous.toKm})`,
      });
    } else if (band.fromKm < expected) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `bands overlap: this band starts at ${band.fromKm} km but the previous one runs to ${previous.toKm} km`,
      });
    }
  });
}

export const CoefficientSchema = z.strictObject({
  id: Id,
  description: z.string().min(1),
  when: WhenSchema.optional(),
  factor: DecimalString.refine((f) => Number(f) > 0, 'a coefficient must be positive'),
  appliesTo: z.array(Id).optional(),
  ...sourced,
});

const RegimeSchema = z
  .strictObject({
    id: Id,
    name: z.string().min(1),
    directions: z.array(Direction).min(1),
    currency: Currency,
    rounding: z.strictObject({ step: RoundingSchema, total: RoundingByUnitSchema }),
    reductions: z
      .strictObject({
        combine: z.enum(REDUCTION_COMBINES),
        cap: DecimalString.optional(),
      })
      .refine((r) => (r.combine === 'add-capped') === (r.cap !== undefined), {
        message: '`cap` is required with add-capped and allowed only there',
      }),
    conversion: z.strictObject({ table: Id, rounding: RoundingByUnitSchema }).optional(),
    tariffGuide: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'the folder name of a tariff guide under rules/tariff-guides, e.g. TR-1')
      .optional(),
    rates: z.array(ChargeSchema).min(1),
    charges: z.array(ChargeSchema).optional(),
    coefficients: z.array(CoefficientSchema).optional(),
  })
  .superRefine((regime, ctx) => {
    const ids = new Map<string, string>();
    for (const section of ['rates', 'charges', 'coefficients'] as const) {
      (regime[section] ?? []).forEach((item, i) => {
        const seen = ids.get(item.id);
        if (seen) {
          ctx.addIssue({
            code: 'custom',
            path: [section, i, 'id'],
            message: `id ${item.id} is already used in ${seen}`,
          });
        }
        ids.set(item.id, `${section}[${i}]`);
      });
    }
    (regime.coefficients ?? []).forEach((coefficient, i) => {
      coefficient.appliesTo?.forEach((target, j) => {
        const where = ids.get(target);
        if (!where || where.startsWith('coefficients')) {
          ctx.addIssue({
            code: 'custom',
            path: ['coefficients', i, 'appliesTo', j],
            message: `appliesTo names ${target}, which is no rate or charge of this regime`,
          });
        }
      });
    });
  });

export const RailwayVersionSchema = z
  .strictObject({
    railway: RailwayCode,
    name: z.string().min(1),
    country: CountryCode,
    gauge: z.union([z.literal(1520), z.literal(1435)], { error: 'gauge is 1520 or 1435 (mm)' }),
    title: z.string().min(1),
    effectiveFrom: IsoDateString,
    effectiveTo: IsoDateString.optional(),
    supersedes: IsoDateString.nullable(),
    ...sourced,
    speedKmPerDay: z.strictObject({
      container: z.number().positive(),
      wagon: z.number().positive(),
      ...sourced,
    }),
    quoteValidityDays: z.number().int().positive(),
    /** The fewest wagons this railway carries as a block (route) train; fewer are refused as implausible. */
    blockTrain: z.strictObject({ minWagons: z.number().int().min(2), ...sourced }).optional(),
    regimes: z.array(RegimeSchema).min(1),
  })
  .superRefine((file, ctx) => {
    if (file.effectiveTo !== undefined && file.effectiveTo < file.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'effectiveTo is before effectiveFrom' });
    }
  });

const AmendmentChangeSchema = z.strictObject({
  regime: Id,
  rates: z.array(ChargeSchema).optional(),
  charges: z.array(ChargeSchema).optional(),
  coefficients: z.array(CoefficientSchema).optional(),
  remove: z.array(Id).optional(),
});

export const AmendmentSchema = z
  .strictObject({
    railway: RailwayCode,
    id: Id,
    title: z.string().min(1),
    effectiveFrom: IsoDateString,
    effectiveTo: IsoDateString,
    ...sourced,
    changes: z.array(AmendmentChangeSchema).min(1),
  })
  .refine((a) => a.effectiveTo >= a.effectiveFrom, {
    path: ['effectiveTo'],
    message: 'effectiveTo is before effectiveFrom',
  });

export type RailwayVersionFile = z.infer<typeof RailwayVersionSchema>;
export type AmendmentFile = z.infer<typeof AmendmentSchema>;
export type ChargeFile = z.infer<typeof ChargeSchema>;
export type CoefficientFile = z.infer<typeof CoefficientSchema>;
