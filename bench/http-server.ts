import Fastify from 'fastify';
import { BUNDLED_RULES_DIR } from '../src/config.js';
import { buildApp } from '../src/http/build-app.js';
import { loadRuleSet } from '../src/rules/load-rule-set.js';

/** A benchmark target: the real app ("quote") or a bare Fastify POST endpoint ("bare"). Sends its port to the parent. */
const mode = process.argv[2];
const app =
  mode === 'bare'
    ? Fastify().post('/bare', async (request) => ({ received: typeof request.body }))
    : await buildApp({ ruleSet: await loadRuleSet(BUNDLED_RULES_DIR) });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.(typeof address === 'object' && address ? address.port : 0);
