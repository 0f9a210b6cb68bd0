import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { compareModes } from '../../domain/compare-modes.js';
import type { AppContext } from '../build-app.js';
import { CompareRequestSchema, CompareResponseSchema } from '../compare-schemas.js';
import { problemResponses } from '../schemas.js';

export function compareRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/compare',
      {
        schema: {
          summary:
            'Set rail beside the Caspian, deep-sea and road alternatives for one shipment: cost, days, CO2e, generalised cost, rankings and the break-even corridor discount',
          body: CompareRequestSchema,
          response: { 200: CompareResponseSchema, ...problemResponses },
        },
      },
      async (request) => {
        const { valueOfTimePerTonneDay, discountLegs, ...shipment } = request.body;
        return compareModes(
          context.ruleSet,
          { ...shipment, acceptanceDate: shipment.acceptanceDate ?? context.today() },
          { valueOfTimePerTonneDay, discountLegs },
        );
      },
    );
  };
}
