import { z } from 'zod';

/** Schemas of the cargo search (GET /v1/cargo). */

const MassNormSchema = z.union([z.number(), z.literal('capacity')]);

export const CargoHitSchema = z
  .object({
    nomenclature: z.enum(['etsng', 'gng']),
    code: z.string(),
    name: z
      .string()
      .describe('English where the cargo list has one, else the ETSNG classifier’s Russian name'),
    nameRu: z.string().optional().describe('the ETSNG classifier’s name'),
    tariffClass: z.number().describe('ТР-1 tariff class (1, 2, 3); for a GNG code, that of its ETSNG code'),
    minMass: MassNormSchema.optional().describe(
      'minimum mass norm in universal wagons: tonnes or the load capacity',
    ),
    minMassFlat: MassNormSchema.optional().describe('the norm in universal flats, where it differs'),
    etsng: z.string().optional().describe('for a GNG code: the ETSNG code it is carried under'),
    groups: z.array(z.string()),
    reference: z.string(),
    confidence: z.enum(['sourced', 'approximate', 'illustrative']),
  })
  .describe('a cargo code found by the search');
