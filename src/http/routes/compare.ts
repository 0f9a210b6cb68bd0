import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CompareRequestSchema, CompareResponseSchema } from '../../contract/compare-schemas.js';
import { problemResponses } from '../../contract/rates-schemas.js';
import { compareModes } from '../../domain/comparison/compare-modes.js';
import type { AppContext } from '../app-context.js';

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
