import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses, RatesRequestSchema, RatesResponseSchema } from '../../contract/rates-schemas.js';
import { calculateRates } from '../../domain/pricing/calculate-rates.js';
import type { AppContext } from '../app-context.js';

export function rateRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/rates',
      {
        schema: {
          summary: 'Price a shipment: the cheapest routes, itemised, every line traced to its rule',
          body: RatesRequestSchema,
          response: { 200: RatesResponseSchema, ...problemResponses },
        },
        // The body comes from calculateRates, whose type the compiler checks against RatesResponseSchema; re-validating
        // every quote at run time would cost more than pricing it, so the hot path serialises directly.
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (request) => {
        const body = request.body;
        return calculateRates(context.ruleSet, {
          ...body,
          acceptanceDate: body.acceptanceDate ?? context.today(),
        });
      },
    );
  };
}
