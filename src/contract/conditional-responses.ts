import { z } from 'zod';

/**
 * How the cached quote routes (POST /v1/rates, POST /v1/compare) answer beyond their body: the headers they send
 * and the 304 they give to a request whose If-None-Match names the response it would get.
 */
export const CACHED_QUOTE_DESCRIPTION =
  'The response is a pure function of the rule set and the request as priced (today filled in for a missing ' +
  'acceptanceDate): it carries a strong `ETag` (one per content coding), `x-cache: hit|miss` and ' +
  '`Vary: accept-encoding`, and is sent gzip- or brotli-coded when `Accept-Encoding` asks for it. A request whose ' +
  '`If-None-Match` names the ETag of the response it would get is answered `304 Not Modified`, without a body.';

export const notModifiedResponse = {
  304: z.null().describe('Not Modified: If-None-Match names the ETag of the response this request would get'),
} as const;
