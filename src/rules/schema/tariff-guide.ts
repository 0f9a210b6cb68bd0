import { z } from 'zod';
import { Confidence, DecimalString, Id, IsoDateString, Km, RoundingSchema, sourced } from './common.js';

/**
 * The files of a tariff guide folder (rules/tariff-guides/TR-1/, ТР-1 = Tariff Guide No. 1 of RZD): one schema
 * per file, chosen by the file's place in the folder (see `tariffGuideSchemaFor`). rules/README.md documents them.
 */

const Factor = DecimalString.refine((f) => Number(f) > 0, 'a coefficient must be positive');
const Scheme = z
  .string()
  .regex(/^[A-Z0-9][A-Za-z0-9()-]*$/, 'a scheme name such as "8", "25(1)", "I3", "V7-4"');
const Positions = z.array(
  z.string().regex(/^\d{3}(-\d{3})?$/, 'a 3-digit ETSNG position or a range "312-316"'),
);
const EtsngCodes = z.array(z.string().regex(/^\d{6}$/, 'a 6-digit ETSNG code'));
const Direction = z.enum(['domestic', 'export', 'import']);
const SourcedRounding = RoundingSchema.extend({ ...sourced });
const calculatorCells = z.array(z.record(z.string(), z.union([z.string(), z.number()]))).optional();

export const EditionFileSchema = z.strictObject({
  tariff: z.string().min(1),
  railway: z.string().regex(/^[A-Z]{2,5}$/),
  title: z.string().min(1),
  effectiveFrom: IsoDateString,
  effectiveTo: IsoDateString.nullable(),
  supersedes: z.string().min(1),
  ...sourced,
  /** Before effectiveFrom, wagons from this date are priced by the chain at the level of their date. */
  carriedBack: z.strictObject({ from: IsoDateString, ...sourced }).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  rateDate: z.strictObject({ rule: z.string().min(1), ...sourced }),
  rounding: z.strictObject({
    mass: SourcedRounding,
    step: SourcedRounding,
    total: SourcedRounding,
    totalSmall: SourcedRounding,
    vat: SourcedRounding,
    chain: z.strictObject({ policy: z.enum(['after-sequence', 'after-each']), ...sourced }),
  }),
  plausibility: z.strictObject({
    overloadTonnes: DecimalString,
    maxTonnesPerAxle: DecimalString,
    ...sourced,
  }),
  multiplyOrder: z.strictObject({
    order: z.array(
      z.enum([
        'innovative-wagon',
        'own-gondola-class',
        'class-k1',
        'cargo-k3',
        'cargo-k3-wagon',
        'empty-run',
        'indexation',
      ]),
    ),
    ...sourced,
  }),
});

export const VatFileSchema = z.strictObject({
  vat: z
    .array(
      z.strictObject({
        id: Id,
        directions: z.array(Direction).min(1),
        rate: DecimalString,
        effectiveFrom: IsoDateString,
        effectiveTo: IsoDateString.nullable(),
        ...sourced,
      }),
    )
    .min(1),
});

export const GuideAmendmentFileSchema = z.strictObject({
  tariff: z.string().min(1),
  id: Id,
  title: z.string().min(1),
  effectiveFrom: IsoDateString,
  effectiveTo: IsoDateString.nullable(),
  embeddedInBaseRates: z.boolean(),
  factor: Factor,
  appliesTo: z.array(z.enum(['loaded-run', 'empty-run', 'wagon-component'])).optional(),
  ...sourced,
  notes: z.string().optional(),
});

const DailyNorm = z.number().int().positive();
export const DeliveryTimeFileSchema = z.strictObject({
  title: z.string().min(1),
  ...sourced,
  norms: z.strictObject({
    ...sourced,
    bands: z
      .array(
        z.strictObject({
          fromKm: Km,
          toKm: Km.nullable(),
          wagon: DailyNorm,
          container: DailyNorm,
          reeferContainer: DailyNorm,
        }),
      )
      .min(1),
  }),
  blockTrain: z.strictObject({ uses: z.enum(['wagon', 'container']), ...sourced }),
  initialFinalDays: z.strictObject({ days: z.number().int().nonnegative(), ...sourced }),
});

const LegSchemes = z.strictObject({
  loaded: Scheme,
  wagonComponent: Scheme.optional(),
  emptyRun: z
    .strictObject({
      scheme: Scheme,
      distanceShare: DecimalString,
      cargo: z.strictObject({ etsngPositions: Positions }).optional(),
    })
    .optional(),
});

const WagonKindEntry = z.strictObject({
  id: Id,
  name: z.string().min(1),
  row: z.number().int().optional(),
  universal: z.boolean().optional(),
  tableOneKind: z.enum(['covered', 'gondola', 'flat']).optional(),
  general: LegSchemes.nullable(),
  own: LegSchemes.nullable(),
  ...sourced,
});

const InnovativeEntry = z
  .strictObject({
    id: Id,
    wagonKinds: z.array(Id).min(1),
    schemes: z.array(Scheme).min(1),
    models: z.array(z.string().min(1)).optional(),
    axles: z.number().int().positive().optional(),
    factor: Factor,
    ...sourced,
    notes: z.string().optional(),
  })
  .refine((r) => (r.models === undefined) !== (r.axles === undefined), {
    message: 'an innovative-wagon row names either `models` or `axles`',
  });

export const UniversalSchemesFileSchema = z.strictObject({
  wagonKinds: z.array(WagonKindEntry).min(1),
  emptyLegDistance: SourcedRounding,
  innovativeWagons: z.array(InnovativeEntry),
});

export const SpecialisedSchemesFileSchema = z.strictObject({
  wagonKinds: z.array(WagonKindEntry).min(1),
  innovativeWagons: z.array(InnovativeEntry),
});

export const TankSchemesFileSchema = z.strictObject({
  wagonKind: Id,
  rows: z
    .array(
      z.strictObject({
        row: z.string().min(1),
        name: z.string().min(1),
        etsngPositions: Positions.optional(),
        etsngCodes: EtsngCodes.optional(),
        except: EtsngCodes.optional(),
        catchAll: z.boolean().optional(),
        afterSpraying: z.boolean().optional(),
        general: LegSchemes.nullable(),
        own: LegSchemes.nullable(),
        ...sourced,
      }),
    )
    .min(1),
});

export const EmptyRunFileSchema = z.strictObject({
  schemeByWagonKind: z.array(z.strictObject({ scheme: Scheme, wagonKinds: z.array(Id).min(1), ...sourced })),
  coefficients: z.array(
    z.strictObject({
      id: Id,
      schemes: z.array(Scheme).min(1),
      factor: Factor,
      ...sourced,
      notes: z.string().optional(),
    }),
  ),
  shipmentCoefficient: z.strictObject({ applies: z.boolean(), ...sourced }),
});

const Band = z.strictObject({ fromKm: Km, toKm: Km.nullable(), factor: Factor, confidence: Confidence });

export const ClassK1FileSchema = z.strictObject({
  classes: z.array(
    z.strictObject({
      tariffClass: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      bands: z.array(Band).min(1).optional(),
      byEtsngPositions: z
        .array(
          z.strictObject({
            positions: z.union([Positions, z.literal('other')]),
            factor: Factor,
            confidence: Confidence,
          }),
        )
        .optional(),
      reference: z.string().min(1),
    }),
  ),
  source: z.string().optional(),
});

export const CargoK3FileSchema = z.strictObject({
  cargo: z.array(
    z.strictObject({
      id: Id,
      name: z.string().min(1),
      positions: Positions.optional(),
      codes: EtsngCodes.optional(),
      except: EtsngCodes.optional(),
      directions: z.array(Direction).optional(),
      fromKm: Km.optional(),
      factor: Factor,
      confidence: Confidence,
    }),
  ),
  cargoReference: z.string().min(1),
  cargoSource: z.string().optional(),
  wagonExtras: z.array(
    z.strictObject({
      id: Id,
      positions: Positions.optional(),
      tariffClasses: z.array(z.number().int().min(1).max(3)).optional(),
      wagonKinds: z.array(Id).min(1),
      factor: Factor,
      ...sourced,
    }),
  ),
});

export const ShipmentK4FileSchema = z.strictObject({
  belts: z.array(z.strictObject({ id: Id, fromKm: Km, toKm: Km.nullable() })).min(1),
  rows: z.array(
    z.strictObject({
      id: Id,
      shipment: z.enum(['single', 'group', 'route-direct', 'route-split']),
      wagons: z
        .strictObject({ min: z.number().int().positive(), max: z.number().int().positive().nullable() })
        .optional(),
      factors: z.array(Factor).min(1),
      confidence: Confidence,
    }),
  ),
  appliesToSchemes: z.array(Scheme),
  ...sourced,
  notes: z.string().optional(),
  source: z.string().optional(),
});

export const OwnGondolaFileSchema = z.strictObject({
  wagonKinds: z.array(Id).min(1),
  ownership: z.enum(['own', 'general']),
  schemes: z.array(Scheme).min(1),
  byClass: z.array(
    z.strictObject({ tariffClass: z.number().int().min(1).max(3), factor: Factor, confidence: Confidence }),
  ),
  reference: z.string().min(1),
});

/** The YAML header of a base-rate table; the rates are in the CSV file it names. */
export const RateTableFileSchema = z
  .strictObject({
    table: z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9-]*$/, 'a table name such as scheme-8 or scheme-I1'),
    file: z.string().regex(/^[a-zA-Z0-9-]+\.csv$/, 'the CSV file beside this header, e.g. scheme-8.csv'),
    layout: z.enum(['by-mass', 'by-distance']),
    schemes: z.array(Scheme).optional(),
    columns: z.record(Scheme, z.string()).optional(),
    unit: z.enum(['per-wagon', 'per-tonne', 'per-axle']),
    mass: z.strictObject({ min: z.number().int().positive(), max: z.number().int().positive() }).optional(),
    belowMin: z.literal('first-column').optional(),
    aboveMax: z.literal('per-tonne-of-last').optional(),
    title: z.string().min(1),
    ...sourced,
    source: z.string().optional(),
    unitNote: z.string().optional(),
    confirmedByCalculator: calculatorCells,
  })
  .superRefine((t, ctx) => {
    if (t.layout === 'by-mass' && (t.schemes === undefined || t.mass === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a by-mass table names its `schemes` and its `mass` columns' });
    }
    if (t.layout === 'by-distance' && t.columns === undefined) {
      ctx.addIssue({ code: 'custom', message: 'a by-distance table maps its `columns` to schemes' });
    }
  });

export type EditionFile = z.infer<typeof EditionFileSchema>;
export type VatFile = z.infer<typeof VatFileSchema>;
export type DeliveryTimeFile = z.infer<typeof DeliveryTimeFileSchema>;
export type GuideAmendmentFile = z.infer<typeof GuideAmendmentFileSchema>;
export type UniversalSchemesFile = z.infer<typeof UniversalSchemesFileSchema>;
export type SpecialisedSchemesFile = z.infer<typeof SpecialisedSchemesFileSchema>;
export type TankSchemesFile = z.infer<typeof TankSchemesFileSchema>;
export type EmptyRunFile = z.infer<typeof EmptyRunFileSchema>;
export type ClassK1File = z.infer<typeof ClassK1FileSchema>;
export type CargoK3File = z.infer<typeof CargoK3FileSchema>;
export type ShipmentK4File = z.infer<typeof ShipmentK4FileSchema>;
export type OwnGondolaFile = z.infer<typeof OwnGondolaFileSchema>;
export type RateTableFile = z.infer<typeof RateTableFileSchema>;

/** Which schema a file of the guide folder follows, by its path inside the folder (e.g. "schemes/tank.yaml"). */
export const TARIFF_GUIDE_FILES = {
  'edition.yaml': EditionFileSchema,
  'vat.yaml': VatFileSchema,
  'delivery-time.yaml': DeliveryTimeFileSchema,
  'schemes/universal.yaml': UniversalSchemesFileSchema,
  'schemes/specialised.yaml': SpecialisedSchemesFileSchema,
  'schemes/tank.yaml': TankSchemesFileSchema,
  'schemes/empty-run.yaml': EmptyRunFileSchema,
  'coefficients/class-k1.yaml': ClassK1FileSchema,
  'coefficients/cargo-k3.yaml': CargoK3FileSchema,
  'coefficients/shipment-k4.yaml': ShipmentK4FileSchema,
  'coefficients/own-gondola.yaml': OwnGondolaFileSchema,
} as const;

export type TariffGuidePart = keyof typeof TARIFF_GUIDE_FILES | 'amendments' | 'base-rates';

export function tariffGuidePartOf(inner: string): TariffGuidePart | undefined {
  if (inner in TARIFF_GUIDE_FILES) return inner as keyof typeof TARIFF_GUIDE_FILES;
  if (/^amendments\/[^/]+\.yaml$/.test(inner)) return 'amendments';
  if (/^base-rates\/[^/]+\.yaml$/.test(inner)) return 'base-rates';
  return undefined;
}
