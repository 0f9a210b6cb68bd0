import { z } from 'zod';
import { Id, sourced } from './common.js';

export const CargoFileSchema = z.strictObject({
  /** The whole ETSNG classifier: a CSV of codes (code, tariffClass, minMass, minMassFlat, name) and its source. */
  classifier: z
    .strictObject({
      title: z.string().min(1),
      file: z.string().regex(/^[a-z0-9-]+\.csv$/, 'the CSV file beside this header'),
      ...sourced,
      notes: z.string().optional(),
    })
    .optional(),
  etsng: z
    .array(
      z.strictObject({
        code: z.string().regex(/^\d{6}$/, 'an ETSNG code has 6 digits (quote it: "011005")'),
        name: z.string().min(1),
        tariffClass: z.number().int().min(1).max(3),
        minMassTonnes: z.number().positive().optional(),
        groups: z.array(Id).optional(),
        ...sourced,
      }),
    )
    .optional(),
  gng: z
    .array(
      z.strictObject({
        code: z.string().regex(/^\d{8}$/, 'a GNG code has 8 digits (quote it: "10019190")'),
        name: z.string().min(1),
        ettClass: z.number().int().min(1).max(3),
        etsng: z.string().regex(/^\d{6}$/),
        groups: z.array(Id).optional(),
        ...sourced,
      }),
    )
    .optional(),
  groups: z
    .array(
      z.strictObject({
        id: Id,
        name: z.string().min(1),
        etsngPrefixes: z.array(z.string().regex(/^\d{1,6}$/)).optional(),
        gngPrefixes: z.array(z.string().regex(/^\d{1,8}$/)).optional(),
        ...sourced,
      }),
    )
    .optional(),
  /** The heaviest a loaded box of each size may be (rated gross mass): heavier requests are refused as implausible. */
  containers: z
    .array(
      z.strictObject({
        size: z.enum(['20', '30', '40', '45']),
        maxGrossKg: z.number().int().positive(),
        ...sourced,
      }),
    )
    .optional(),
});

export type CargoFile = z.infer<typeof CargoFileSchema>;
