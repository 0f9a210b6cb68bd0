import { z } from 'zod';
import { sourced } from './common.js';

const TableSchema = z.strictObject({
  file: z.string().regex(/^[a-z0-9-]+\.csv$/, 'expected a CSV file name in this folder'),
  title: z.string().min(1),
  ...sourced,
  source: z.string().optional(),
  notes: z.string().optional(),
});

/**
 * rules/network/tr4/tr4.yaml: Tariff Guide No. 4 as tables — the station catalogue with Book 1's transit points,
 * and Book 3's distances between transit points (see rules/README.md).
 */
export const Tr4ManifestSchema = z.strictObject({
  tariffGuide: z.literal('TR-4'),
  title: z.string().min(1),
  stations: TableSchema,
  book1: TableSchema,
  /** Book 1 rows the digitised tables lack, each row with its own reference and confidence. */
  book1Supplement: z.strictObject({ file: TableSchema.shape.file, title: z.string().min(1) }).optional(),
  book3: TableSchema,
  /** The codes of the catalogue's `operations` column (ТР-4 Book 2's legend) this service reads. */
  operations: z.strictObject({
    wagons: z.array(z.string().min(1)).min(1),
    containers: z.array(z.string().min(1)).min(1),
    ...sourced,
  }),
});

export type Tr4Manifest = z.infer<typeof Tr4ManifestSchema>;
