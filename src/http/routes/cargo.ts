import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CargoHitSchema } from '../../contract/cargo-schemas.js';
import { problemResponses } from '../../contract/rates-schemas.js';
import { searchCargo } from '../../domain/rule-set/find-cargo.js';
import type { AppContext } from '../app-context.js';

const QuerySchema = z.strictObject({
  q: z
    .string()
    .min(1)
    .max(100)
    .describe(
      'an ETSNG or GNG code or its first digits ("2324"), or a word of the name in Russian or English',
    )
    .meta({ example: 'wheat' }),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export function cargoRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/v1/cargo',
      {
        schema: {
          summary: 'Search cargo codes (the whole ETSNG classifier, and GNG codes) by code or by name',
          querystring: QuerySchema,
          response: { 200: z.object({ cargo: z.array(CargoHitSchema) }), ...problemResponses },
        },
      },
      async (request) => ({
        cargo: searchCargo(context.ruleSet.cargo, request.query.q, request.query.limit).map((c) => ({
          ...c,
          groups: [...c.groups],
        })),
      }),
    );
  };
}
