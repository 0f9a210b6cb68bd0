import { ProblemSchema } from './rates-schemas.js';

/** The OpenAPI security scheme every key-holding route names. */
export const BEARER_SCHEME = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API key (`throughrate keys create`), sent as `Authorization: Bearer <key>`. Roles: shipper (rates, ' +
      'compare, its own quotes), committee (what-if), admin (every quote; keys).',
  },
} as const;

/** A route anyone may call, with or without a key (a key lifts the anonymous rate limit to the per-key one). */
export const KEY_OPTIONAL: Record<string, string[]>[] = [{}, { bearer: [] }];
/** A route only a key of an admitted role may call (a new array each time: the YAML then repeats no anchor). */
export function keyRequired(): Record<string, string[]>[] {
  return [{ bearer: [] }];
}

/** What a route that needs a key may answer besides its own problems. */
export const keyedResponses = { 401: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema } as const;
