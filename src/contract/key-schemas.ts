import { z } from 'zod';
import { ROLES } from '../store/api-key.js';

/** Schemas of the key routes (admin only). */

export const NewKeySchema = z
  .strictObject({
    role: z.enum(ROLES),
    name: z.string().trim().min(1).max(200).describe('who or what the key is for'),
    account: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe('an existing account to add the key to (a rotation); default a new account, the key’s id'),
  })
  .meta({ id: 'NewApiKey' });

export const KeySchema = z
  .object({
    id: z.string(),
    account: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    createdAt: z.string(),
    revokedAt: z.string().optional(),
  })
  .meta({ id: 'ApiKey' });

export const CreatedKeySchema = KeySchema.extend({
  key: z.string().describe('the key itself: shown this once, only its hash is kept'),
}).meta({ id: 'CreatedApiKey' });

export const KeyListSchema = z.object({ keys: z.array(KeySchema) });
export const KeyIdParamsSchema = z.object({ id: z.string().min(1).max(100) });
