import { z } from 'zod';

const FigureSchema = z.object({
  from: z.string(),
  trainPairsPerDay: z.number(),
  tonnesPerYear: z.number(),
  reference: z.string(),
  confidence: z.enum(['sourced', 'approximate', 'illustrative']),
});

export const CapacityQuerySchema = z.strictObject({
  date: z.iso
    .date()
    .optional()
    .describe('the date the capacity and traffic are taken on; today when absent')
    .meta({ example: '2025-06-15' }),
});

export const CapacitySectionSchema = z.object({
  section: z.string(),
  name: z.string(),
  capacityTonnesPerYear: z.number(),
  trafficTonnesPerYear: z.number(),
  utilisation: z.number().describe('traffic ÷ capacity; above 1 the section is over capacity'),
  overCapacity: z.boolean(),
  capacity: FigureSchema,
  traffic: FigureSchema,
  planned: z.array(FigureSchema).describe('capacity steps planned after the date'),
  crossings: z.array(
    z.object({
      crossing: z.string(),
      name: z.string(),
      processingHours: z.number(),
      waitHours: z.number(),
      dwellHours: z.number(),
      formula: z.string(),
    }),
  ),
  rule: z.object({ file: z.string(), version: z.string(), path: z.string() }),
});

export const CapacityResponseSchema = z.object({
  date: z.string(),
  ruleSetHash: z.string(),
  sections: z.array(CapacitySectionSchema),
});
