import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses, StationPageSchema } from '../../contract/rates-schemas.js';
import { findStations } from '../../domain/rule-set/find-stations.js';
import type { Station } from '../../domain/rule-set/network.js';
import type { AppContext } from '../app-context.js';

const QuerySchema = z.strictObject({
  q: z
    .string()
    .max(100)
    .optional()
    .describe(
      'an ESR code (6 digits, or 5 without the check digit) or our code, or a name in any script and common ' +
        'transliteration, its start, a part of it, or a close misspelling: "766502", "kigash", "Тёплая Гора", ' +
        '"Tyoplaya Gora", "Perm 1"; without it, every station in the network order',
    )
    .meta({ example: 'Teplaya Gora' }),
  railway: z
    .string()
    .regex(/^[A-Z]{2,5}$/)
    .optional()
    .describe('only stations of this railway: RZD, KTZ, TDY, RAI'),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('matches to skip (paging)'),
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('largest page'),
});

const stationOut = (s: Station) => ({
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
});

export function stationRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/v1/stations',
      {
        schema: {
          summary:
            'Search stations by code or name (transliterated and misspelt names welcome), a page at a time',
          description:
            'Ranked: exact code, exact name, exact alias, start of a name, part of a name, misspelling; then ' +
            'freight stations, our corridor stations and ТР-4 transit points, shorter names. `total` counts every match.',
          querystring: QuerySchema,
          response: { 200: StationPageSchema, ...problemResponses },
        },
      },
      async (request) => {
        const { q, railway, offset, limit } = request.query;
        const page = findStations(context.ruleSet.network, { q, railway, offset, limit });
        return { stations: page.stations.map(stationOut), total: page.total, offset, limit };
      },
    );
  };
}
