import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses, VersionSummarySchema } from '../../contract/rates-schemas.js';
import { DomainError } from '../../domain/core/domain-error.js';
import { versionInForce } from '../../domain/rule-set/rule-set.js';
import type { AppContext } from '../app-context.js';

const RailwaySchema = z.object({
  code: z.string(),
  name: z.string(),
  country: z.string(),
  gauge: z.number(),
  versions: z.number(),
  inForceToday: z.string().optional(),
});

export function railwayRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    const typed = app.withTypeProvider<ZodTypeProvider>();
    typed.get(
      '/v1/railways',
      {
        schema: {
          summary: 'The railways with tariff files, and the version in force today',
          response: { 200: z.object({ railways: z.array(RailwaySchema) }) },
        },
      },
      async () => ({
        railways: [...context.ruleSet.railways].map(([code, versions]) => {
          const latest = versions[versions.length - 1];
          return {
            code,
            name: latest?.name ?? code,
            country: latest?.country ?? '',
            gauge: latest?.gauge ?? 0,
            versions: versions.length,
            inForceToday: versionInForce(versions, context.today())?.effectiveFrom,
          };
        }),
      }),
    );
    typed.get(
      '/v1/railways/:code/versions',
      {
        schema: {
          summary: "A railway's dated tariff versions and their amendments",
          params: z.object({
            code: z
              .string()
              .regex(/^[A-Z]{2,5}$/)
              .meta({ example: 'KTZ' }),
          }),
          response: {
            200: z.object({ railway: z.string(), versions: z.array(VersionSummarySchema) }),
            ...problemResponses,
          },
        },
      },
      async (request) => {
        const { code } = request.params;
        const versions = context.ruleSet.railways.get(code);
        if (!versions) {
          throw new DomainError(
            'UNKNOWN_RAILWAY',
            `no railway ${code}; known: ${[...context.ruleSet.railways.keys()].join(', ')}`,
          );
        }
        const amendments = context.ruleSet.amendments.get(code) ?? [];
        return {
          railway: code,
          versions: versions.map((v, i) => {
            const next = versions[i + 1]?.effectiveFrom ?? '9999-12-31';
            return {
              railway: code,
              version: v.effectiveFrom,
              title: v.title,
              effectiveFrom: v.effectiveFrom,
              effectiveTo: v.effectiveTo,
              file: v.file,
              hash: v.hash,
              confidence: v.confidence,
              reference: v.reference,
              amendments: amendments
                .filter((a) => a.effectiveFrom < next && a.effectiveTo >= v.effectiveFrom)
                .map((a) => ({
                  id: a.id,
                  title: a.title,
                  effectiveFrom: a.effectiveFrom,
                  effectiveTo: a.effectiveTo,
                  file: a.file,
                })),
            };
          }),
        };
      },
    );
  };
}
