import Fastify from 'fastify';
import { BUNDLED_RULES_DIR } from '../src/config.js';
import { calculateRates } from '../src/domain/pricing/calculate-rates.js';
import { buildApp } from '../src/http/build-app.js';
import { loadRuleSet } from '../src/rules/load-rule-set.js';
import { openPgliteQuoteStore } from '../src/store/open-quote-store.js';
import { FOUR_RAILWAYS } from './rates.js';

/**
 * A benchmark target, sending its port (and, for the app, an API key) to the parent: the real app ("quote"); a bare Fastify POST endpoint answering
 * a tiny body ("bare"), or one answering a fixed body as large as a quote ("bare-sized"), which isolates the cost of
 * the service from the cost of moving the response; or one answering the quote of `FOUR_RAILWAYS` priced once at
 * start-up ("bare-quote"), which serialises and sends a real quote but neither validates nor prices: the most that
 * any service pricing each request could reach.
 */
const mode = process.argv[2];
const sized = 'x'.repeat(Number(process.argv[3] ?? 0));
const ruleSet = mode === 'quote' || mode === 'bare-quote' ? await loadRuleSet(BUNDLED_RULES_DIR) : undefined;
const quote = ruleSet && mode === 'bare-quote' ? calculateRates(ruleSet, FOUR_RAILWAYS) : undefined;
// The real app with its door: a store holding one shipper key (sent to the parent), rate limits off so that the load
// measures the key lookup, not the limiter's refusals.
const store = mode === 'quote' ? await openPgliteQuoteStore('memory://') : undefined;
const key = store && (await store.keys.create({ role: 'shipper', name: 'bench' }, new Date())).key;
const app =
  ruleSet && mode === 'quote'
    ? await buildApp({ ruleSet, store, rateLimits: { anonymousPerMinute: 0, perKeyPerMinute: 0 } })
    : Fastify().post('/bare', async (request) =>
        mode === 'bare' ? { received: typeof request.body } : (quote ?? { sized }),
      );
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0, key });
