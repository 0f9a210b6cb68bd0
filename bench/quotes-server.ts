import { BUNDLED_RULES_DIR } from '../src/config.js';
import { buildApp } from '../src/http/build-app.js';
import { loadRuleSet } from '../src/rules/load-rule-set.js';
import { openPgliteQuoteStore, openPostgresQuoteStore } from '../src/store/open-quote-store.js';

/**
 * A benchmark target: the real app with a quote store, `pglite <dataDir>` or `postgres <url> <schema>`. Sends its
 * port and a shipper's API key to the parent; closes the store on SIGTERM.
 */
const [mode, where, schema] = process.argv.slice(2);
if (!where) throw new Error('usage: quotes-server pglite <dataDir> | postgres <url> <schema>');
const store =
  mode === 'postgres'
    ? await openPostgresQuoteStore({ url: where, schema })
    : await openPgliteQuoteStore(where);
// Rate limits off: the load would otherwise be refused; the key is sent to the parent with the port.
const app = await buildApp({
  ruleSet: await loadRuleSet(BUNDLED_RULES_DIR),
  store,
  rateLimits: { anonymousPerMinute: 0, perKeyPerMinute: 0 },
});
const key = (await store.keys.create({ role: 'shipper', name: 'bench' }, new Date())).key;
await app.listen({ port: 0, host: '127.0.0.1' });
process.once('SIGTERM', async () => {
  await app.close();
  await store.close();
  process.exit(0);
});
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0, key });
