import { z } from 'zod';
import { GAUGE_CHANGES } from '../../domain/rule-set/network.js';
import { CountryCode, Km, RailwayCode, StationCode, sourced } from './common.js';

const StationSchema = z.strictObject({
  code: StationCode,
  esr: z
    .string()
    .regex(/^\d{6}$/, 'expected the 6-digit ESR code')
    .optional()
    .describe('the station (or ТР-4 border or node point) of rules/network/tr4/stations.csv this station is'),
  name: z.string().min(1),
  nameLocal: z.string().optional(),
  aliases: z.array(z.string()).optional(),
  railway: RailwayCode,
  country: CountryCode,
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  kinds: z.array(z.enum(['node', 'container-terminal', 'border', 'port', 'industrial'])).optional(),
  ...sourced,
});

const LinkSchema = z.strictObject({ from: StationCode, to: StationCode, km: Km, ...sourced });

const CrossingSchema = z.strictObject({
  id: z.string().regex(/^[A-Z0-9-]+$/, 'expected the two station codes joined by --'),
  name: z.string().min(1),
  stations: z.tuple([StationCode, StationCode]),
  gaugeChange: z.enum(GAUGE_CHANGES),
  dwellHours: z.number().nonnegative(),
  capacityTrainPairsPerDay: z.number().positive().optional(),
  ...sourced,
});

const BorderSchema = z.strictObject({
  countries: z.tuple([CountryCode, CountryCode]),
  trainPairsPerDay: z.number().positive().optional(),
  plannedTrainPairsPerDay: z.number().positive().optional(),
  ...sourced,
});

/** A network file may hold any of the four lists; the bundled rules keep one list per file. */
export const NetworkFileSchema = z.strictObject({
  stations: z.array(StationSchema).optional(),
  links: z.array(LinkSchema).optional(),
  crossings: z.array(CrossingSchema).optional(),
  borders: z.array(BorderSchema).optional(),
});

export type NetworkFile = z.infer<typeof NetworkFileSchema>;
