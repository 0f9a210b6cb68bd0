import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses, StationSchema } from '../../contract/rates-schemas.js';
import { searchStations } from '../../domain/rule-set/find-stations.js';
import type { AppContext } from '../app-context.js';

const QuerySchema = z.strictObject({
  q: z
    .string()
    .max(100)
    .optional()
    .describe('code or name, any script: "kigash", "Кигаш", "Bandar"')
    .meta({ example: 'kigash' }),
  railway: z
    .string()
    .regex(/^[A-Z]{2,5}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export function stationRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/v1/stations',
      {
        schema: {
          summary: 'Search stations by code or name (transliterated names welcome)',
          querystring: QuerySchema,
          response: { 200: z.object({ stations: z.array(StationSchema) }), ...problemResponses },
        },
      },
      async (request) => {
        const { q, railway, limit } = request.query;
        const found = searchStations(context.ruleSet.network, q ?? '', Number.MAX_SAFE_INTEGER)
          .filter((s) => railway === undefined || s.railway === railway)
          .slice(0, limit);
        return {
          stations: found.map((s) => ({
            code: s.code,
            esr: s.esr,
            name: s.name,
            nameLocal: s.nameLocal,
            aliases: [...s.aliases],
            railway: s.railway,
            country: s.country,
            road: s.road,
            operations: s.operations ? [...s.operations] : undefined,
            lat: s.lat,
            lon: s.lon,
            kinds: [...s.kinds],
          })),
        };
      },
    );
  };
}
