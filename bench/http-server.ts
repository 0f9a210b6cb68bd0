import Fastify from 'fastify';
import { BUNDLED_RULES_DIR } from '../src/config.js';
import { buildApp } from '../src/http/build-app.js';
import { loadRuleSet } from '../src/rules/load-rule-set.js';

/**
 * A benchmark target, sending its port to the parent: the real app ("quote"), a bare Fastify POST endpoint
 * answering a tiny body ("bare"), or one answering a fixed body as large as a quote ("bare-sized"), which isolates
 * the cost of the service from the cost of moving the response.
 */
const mode = process.argv[2];
const sized = 'x'.repeat(Number(process.argv[3] ?? 0));
const app =
  mode === 'quote'
    ? await buildApp({ ruleSet: await loadRuleSet(BUNDLED_RULES_DIR) })
    : Fastify().post('/bare', async (request) =>
        mode === 'bare' ? { received: typeof request.body } : { sized },
      );
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.(typeof address === 'object' && address ? address.port : 0);
