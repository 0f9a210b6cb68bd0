import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';

const HealthSchema = z.object({
  status: z.literal('ok'),
  date: z.string(),
  ruleSetHash: z.string(),
  versionsInForce: z.array(
    z.object({
      railway: z.string(),
      version: z.string(),
      title: z.string(),
      file: z.string(),
      amendments: z.array(z.string()),
    }),
  ),
});

export function healthRoutes(context: AppContext): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/health',
      {
        schema: {
          summary: 'Service status and the rule versions in force today',
          response: { 200: HealthSchema },
        },
      },
      async () => {
        const date = context.today();
        return {
          status: 'ok' as const,
          date,
          ruleSetHash: context.ruleSet.hash,
          versionsInForce: [...context.ruleSet.at(date).values()].map((t) => ({
            railway: t.version.railway,
            version: t.version.effectiveFrom,
            title: t.version.title,
            file: t.version.file,
            amendments: t.amendments.map((a) => a.id),
          })),
        };
      },
    );
  };
}
