import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CapacityQuerySchema, CapacityResponseSchema } from '../../contract/capacity-schemas.js';
import { problemResponses } from '../../contract/rates-schemas.js';
import { capacityReport } from '../../domain/capacity/capacity-report.js';
import type { AppContext } from '../app-context.js';

export function capacityRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/v1/capacity',
      {
        schema: {
          summary: 'Border capacity, traffic, utilisation and the dwell that follows, on a date',
          querystring: CapacityQuerySchema,
          response: { 200: CapacityResponseSchema, ...problemResponses },
        },
      },
      async (request) => {
        const date = request.query.date ?? context.today();
        const { ruleSet } = context;
        return {
          date,
          ruleSetHash: ruleSet.hash,
          sections: capacityReport(ruleSet.capacity, ruleSet.network, date),
        };
      },
    );
  };
}
