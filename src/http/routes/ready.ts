import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '../../contract/rates-schemas.js';
import type { QuoteStore } from '../../store/quote-store.js';
import type { AppContext } from '../app-context.js';
import { sendProblem } from '../problem-details.js';

/** A store that does not answer by then is taken as unreachable. */
const STORE_CHECK_MS = 2_000;

const ReadySchema = z.object({
  status: z.literal('ready'),
  ruleSetHash: z.string(),
  store: z.string().describe('pglite, postgres, or none when the server keeps no quotes'),
});

/**
 * GET /ready: whether to send traffic here. Ready when the rule set is loaded and the quote store answers a query;
 * 503 problem+json otherwise. (GET /health says only that the process is up.)
 */
export function readyRoutes(context: AppContext, store: QuoteStore | undefined): FastifyPluginAsync {
  return async (app) => {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/ready',
      {
        schema: {
          summary: 'Readiness: the rule set is loaded and the quote store is reachable (503 otherwise)',
          response: { 200: ReadySchema, 503: ProblemSchema },
        },
      },
      async (request, reply) => {
        const problem = await storeProblem(store);
        if (problem) {
          request.log.warn({ problem }, 'not ready');
          return sendProblem(reply, {
            type: 'https://throughrate.dev/problems/not-ready',
            title: 'Not ready',
            status: 503,
            detail: problem,
            instance: request.url,
            code: 'NOT_READY',
          });
        }
        return { status: 'ready' as const, ruleSetHash: context.ruleSet.hash, store: store?.kind ?? 'none' };
      },
    );
  };
}

async function storeProblem(store: QuoteStore | undefined): Promise<string | undefined> {
  if (!store) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(
      () => resolve(`the quote store did not answer within ${STORE_CHECK_MS} ms`),
      STORE_CHECK_MS,
    );
  });
  try {
    return await Promise.race([
      store.count().then(
        () => undefined,
        (error: unknown) =>
          `the quote store is unreachable: ${error instanceof Error ? error.message : String(error)}`,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
