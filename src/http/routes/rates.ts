import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CACHED_QUOTE_DESCRIPTION, notModifiedResponse } from '../../contract/conditional-responses.js';
import { problemResponses, RatesRequestSchema, RatesResponseSchema } from '../../contract/rates-schemas.js';
import { calculateRates } from '../../domain/pricing/calculate-rates.js';
import type { AppContext } from '../app-context.js';
import { quoteResponseCaching } from '../quote-response-caching.js';
import type { ResponseCache } from '../response-cache.js';

export function rateRoutes(context: AppContext, cache: ResponseCache): FastifyPluginAsync {
  return async (app) => {
    const caching = quoteResponseCaching({
      route: 'rates',
      context,
      cache,
      priced: (body: z.infer<typeof RatesRequestSchema>, today) => ({
        ...body,
        acceptanceDate: body.acceptanceDate ?? today,
      }),
    });
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/rates',
      {
        schema: {
          summary: 'Price a shipment: the cheapest routes, itemised, every line traced to its rule',
          body: RatesRequestSchema,
          description: CACHED_QUOTE_DESCRIPTION,
          response: { 200: RatesResponseSchema, ...notModifiedResponse, ...problemResponses },
        },
        // The body comes from calculateRates, whose type the compiler checks against RatesResponseSchema; re-validating
        // every quote at run time would cost more than pricing it, so the hot path serialises directly.
        serializerCompiler: () => (data) => JSON.stringify(data),
        // Bodies are compressed by the caching hooks, once per stored variant.
        compress: false,
        preHandler: caching.preHandler,
        onSend: caching.onSend,
      },
      async (request) => {
        const { ruleSet, input } = caching.pricedWith(request);
        return calculateRates(ruleSet, input);
      },
    );
  };
}
