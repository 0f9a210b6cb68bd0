import { z } from 'zod';
import { Currency, DecimalString, Id, IsoDateString, sourced } from './common.js';

/** Market rates (1 base = rate quote) and payment-coefficient tables; a file may hold either or both. */
export const FxFileSchema = z.strictObject({
  rates: z
    .array(
      z.strictObject({
        date: IsoDateString,
        base: Currency,
        quote: Currency,
        rate: DecimalString.refine((r) => Number(r) > 0, 'a rate must be positive'),
        ...sourced,
      }),
    )
    .optional(),
  tables: z
    .array(
      z.strictObject({
        id: Id,
        name: z.string().min(1),
        periods: z.array(
          z.strictObject({
            from: IsoDateString,
            to: IsoDateString,
            coefficients: z.record(Currency, DecimalString),
            ...sourced,
          }),
        ),
      }),
    )
    .optional(),
});

export type FxFile = z.infer<typeof FxFileSchema>;
