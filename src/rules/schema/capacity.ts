import { z } from 'zod';
import { Id, IsoDateString, sourced } from './common.js';

/** A capacity or traffic figure from a date on: in train pairs a day or in tonnes a year. */
const DatedFigureSchema = z
  .strictObject({
    from: IsoDateString,
    trainPairsPerDay: z.number().positive().optional(),
    tonnesPerYear: z.number().positive().optional(),
    ...sourced,
  })
  .refine((f) => (f.trainPairsPerDay === undefined) !== (f.tonnesPerYear === undefined), {
    message: 'give either trainPairsPerDay or tonnesPerYear',
  });

const ParameterSchema = z.strictObject({ value: z.number().positive(), ...sourced });

const SectionSchema = z.strictObject({
  id: Id,
  name: z.string().min(1),
  /** Crossing ids (rules/network) whose trains share this section's capacity. */
  crossings: z.array(z.string().min(1)).min(1),
  /** Tonnes carried per train pair: turns train pairs a day into tonnes a year, and back. */
  tonnesPerTrainPair: ParameterSchema,
  /** Hours one train occupies the section's bottleneck: the queue's unit of time. */
  serviceHours: ParameterSchema,
  /** Kingman's variability factor (ca² + cs²) / 2: 1 for random arrivals and random service. */
  variability: ParameterSchema,
  capacity: z.array(DatedFigureSchema).min(1),
  planned: z.array(DatedFigureSchema).optional(),
  traffic: z.array(DatedFigureSchema).min(1),
});

export const CapacityFileSchema = z.strictObject({
  model: z.strictObject({
    /** Utilisation beyond which the queue is taken as saturated: the wait is computed at this value. */
    maxUtilisation: ParameterSchema,
    /** The high end of a dwell range: processing + this many times the mean wait. */
    highWaitFactor: ParameterSchema,
  }),
  sections: z.array(SectionSchema),
});

export type CapacityFile = z.infer<typeof CapacityFileSchema>;
