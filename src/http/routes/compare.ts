import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { CompareRequestSchema, CompareResponseSchema } from '../../contract/compare-schemas.js';
import { CACHED_QUOTE_DESCRIPTION, notModifiedResponse } from '../../contract/conditional-responses.js';
import { problemResponses } from '../../contract/rates-schemas.js';
import { compareModes } from '../../domain/comparison/compare-modes.js';
import type { AppContext } from '../app-context.js';
import { quoteResponseCaching } from '../quote-response-caching.js';
import type { ResponseCache } from '../response-cache.js';

export function compareRoutes(context: AppContext, cache: ResponseCache): FastifyPluginAsync {
  return async (app) => {
    const caching = quoteResponseCaching({
      route: 'compare',
      context,
      cache,
      priced: (body: z.infer<typeof CompareRequestSchema>, today) => ({
        ...body,
        acceptanceDate: body.acceptanceDate ?? today,
      }),
    });
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/compare',
      {
        schema: {
          summary:
            'Set rail beside the Caspian, deep-sea and road alternatives for one shipment: cost, days, CO2e, generalised cost, rankings and the break-even corridor discount',
          description: CACHED_QUOTE_DESCRIPTION,
          body: CompareRequestSchema,
          response: { 200: CompareResponseSchema, ...notModifiedResponse, ...problemResponses },
        },
        // Bodies are compressed by the caching hooks, once per stored variant.
        compress: false,
        preHandler: caching.preHandler,
        onSend: caching.onSend,
      },
      async (request) => {
        const { ruleSet, input } = caching.pricedWith(request);
        const { valueOfTimePerTonneDay, discountLegs, ...shipment } = input;
        return compareModes(ruleSet, shipment, { valueOfTimePerTonneDay, discountLegs });
      },
    );
  };
}
