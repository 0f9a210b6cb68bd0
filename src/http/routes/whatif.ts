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
import { WhatIfThread } from '../../workbench/whatif/whatif-thread.js';
import type { AppContext } from '../app-context.js';

const BODY_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * POST /v1/whatif: a draft (rule files and/or an override map) laid over the rules being served, checked like
 * them, and a portfolio of up to MAX_WHATIF_SHIPMENTS shipments priced under both. The served rules are never
 * touched: the draft lives only for the request. `ruleFiles` are the texts the served rule set was loaded from.
 * The work is done on a thread of its own, so that quotes are answered meanwhile.
 */
export function whatifRoutes(
  context: AppContext,
  ruleFiles: readonly RuleFileText[] | undefined,
): FastifyPluginAsync {
  const thread = ruleFiles ? new WhatIfThread(ruleFiles) : undefined;
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
          response: { 200: WhatIfResponseSchema, ...problemResponses, ...keyedResponses, 503: ProblemSchema },
        },
      },
      async (request) => (await ready()).answer(request.body),
    );
  };
}
