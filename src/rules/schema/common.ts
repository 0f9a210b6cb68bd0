import { z } from 'zod';
import { isValidIsoDate } from '../../domain/core/dates.js';
import { DECIMAL_PATTERN, ROUNDING_MODES } from '../../domain/core/money.js';
import {
  CONFIDENCES,
  CONTAINER_SIZES,
  CONTAINER_TYPES,
  DIRECTIONS,
  OWNERSHIPS,
  SHIPMENT_TYPES,
  UNIT_KINDS,
} from '../../domain/rule-set/tariff.js';

export const Confidence = z.enum(CONFIDENCES);

/** Every value in a rule file says where it comes from and how sure we are of it. */
export const sourced = {
  reference: z.string().trim().min(1, 'a reference is required: say where this value comes from'),
  confidence: Confidence,
};

export const DecimalString = z
  .string({ error: 'expected a decimal number written as a quoted string, e.g. "54.3658"' })
  .regex(DECIMAL_PATTERN, 'expected a decimal number written as a quoted string, e.g. "54.3658"');

export const IsoDateString = z
  .string({ error: 'expected a date YYYY-MM-DD' })
  .refine(isValidIsoDate, 'expected a real calendar date YYYY-MM-DD');

export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id (letters, digits, -)');
export const StationCode = z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, 'expected an upper-case station code');
export const RailwayCode = z.string().regex(/^[A-Z]{2,5}$/, 'expected a railway code such as RZD');
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166 country code such as KZ');
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as USD');
export const Km = z.number().int('kilometres are whole numbers').nonnegative();

export const RoundingSchema = z.strictObject({
  scale: z.number().int().min(0).max(6),
  mode: z.enum(ROUNDING_MODES),
});

/** One rounding for every unit, or one for containers and one for wagons. */
export const RoundingByUnitSchema = z.union([
  RoundingSchema,
  z.strictObject({ container: RoundingSchema, wagon: RoundingSchema }),
]);

const RangeSchema = z.strictObject({ min: z.number().optional(), max: z.number().optional() });

export const CargoMatchSchema = z.strictObject({
  etsng: z.array(z.string().regex(/^\d{1,6}$/, 'an ETSNG code or prefix (digits)')).optional(),
  gng: z.array(z.string().regex(/^\d{1,8}$/, 'a GNG code or prefix (digits)')).optional(),
  groups: z.array(Id).optional(),
});

export const ContainerSize = z.enum(CONTAINER_SIZES);
export const Direction = z.enum(DIRECTIONS);

export const WhenSchema = z.strictObject({
  unitKind: z.enum(UNIT_KINDS).optional(),
  sizes: z.array(ContainerSize).optional(),
  containerTypes: z.array(z.enum(CONTAINER_TYPES)).optional(),
  wagonTypes: z.array(Id).optional(),
  loaded: z.boolean().optional(),
  ownership: z.enum(OWNERSHIPS).optional(),
  shipmentTypes: z.array(z.enum(SHIPMENT_TYPES)).optional(),
  tariffClasses: z.array(z.number().int().min(1).max(3)).optional(),
  axles: RangeSchema.optional(),
  grossMassTonnes: RangeSchema.optional(),
  cargo: CargoMatchSchema.optional(),
  cargoExcept: CargoMatchSchema.optional(),
  entersAt: z.array(StationCode).optional(),
  leavesAt: z.array(StationCode).optional(),
  routeCrosses: z.array(StationCode).optional(),
  directions: z.array(Direction).optional(),
  distanceKm: RangeSchema.optional(),
  dates: z.strictObject({ from: IsoDateString.optional(), to: IsoDateString.optional() }).optional(),
});
