import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { keyedResponses, keyRequired } from '../../contract/access-schemas.js';
import { ProblemSchema, problemResponses } from '../../contract/rates-schemas.js';
import {
  MAX_WHATIF_SHIPMENTS,
  WhatIfRequestSchema,
  WhatIfResponseSchema,
} from '../../contract/whatif-schemas.js';
import { DomainError } from '../../domain/core/domain-error.js';
import type { RuleFileText } from '../../rules/read-rule-files.js';
import {
  DEFAULT_WHATIF_LIMITS,
  type WhatIfLimits,
  type WhatIfObserver,
} from '../../workbench/whatif/whatif-limits.js';
import { WhatIfThread } from '../../workbench/whatif/whatif-thread.js';
import type { AppContext } from '../app-context.js';

const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * POST /v1/whatif: a draft (rule files and/or an override map) laid over the rules being served, checked like
 * them, and a portfolio of up to MAX_WHATIF_SHIPMENTS shipments priced under both. The served rules are never
 * touched: the draft lives only for the request. `ruleFiles` are the texts the served rule set was loaded from.
 * The work is done on a thread of its own, so that quotes are answered meanwhile.
 */
export function whatifRoutes(
  context: AppContext,
  ruleFiles: readonly RuleFileText[] | undefined,
  limits: WhatIfLimits = DEFAULT_WHATIF_LIMITS,
  observer?: WhatIfObserver,
): FastifyPluginAsync {
  const thread = ruleFiles ? new WhatIfThread(ruleFiles, limits, observer) : undefined;
  const ready = async (): Promise<WhatIfThread> => {
    if (!thread)
      throw new DomainError(
        'WHATIF_UNAVAILABLE',
        'this server was started without the texts of its rule files',
      );
    if ((await thread.baselineHash()) !== context.ruleSet.hash)
      throw new DomainError('WHATIF_UNAVAILABLE', 'the rule files given do not match the rules being served');
    return thread;
  };

  return async (app) => {
    app.addHook('onClose', async () => thread?.close());
    app.withTypeProvider<ZodTypeProvider>().post(
      '/v1/whatif',
      {
        bodyLimit: BODY_LIMIT_BYTES,
        // A committee's tool: a shipper's key is refused (403), no key at all is a 401.
        config: { access: ['committee', 'admin'] },
        schema: {
          security: keyRequired(),
          summary: `Price a portfolio (up to ${MAX_WHATIF_SHIPMENTS} shipments) under the rules in force and under a draft: differences, the changes that caused them, revenue per railway, corridor and cargo group, optional goal seek`,
          body: WhatIfRequestSchema,
          description:
            'What-ifs are worked out one at a time: a few wait in a queue (X-WhatIf-Queue-Position on the answer says ' +
            'how many were ahead), more are refused with 429 and Retry-After. A what-if is stopped when it runs ' +
            'longer than the time limit (503) or when its client disconnects.',
          response: {
            200: WhatIfResponseSchema,
            ...problemResponses,
            ...keyedResponses,
            503: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const job = (await ready()).submit(request.body);
        // The client gone before the answer: the job is dropped from the queue or stopped mid-way.
        const gone = () => {
          if (!reply.raw.writableFinished) job.cancel();
        };
        reply.raw.once('close', gone);
        try {
          const report = await job.report;
          reply.header('x-whatif-queue-position', String(job.position));
          return report;
        } finally {
          reply.raw.off('close', gone);
        }
      },
    );
  };
}
