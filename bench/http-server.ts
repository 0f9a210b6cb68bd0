import fastifyCompress from '@fastify/compress';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.js';
import { buildApp } from '../src/http/build-app.js';
import { COMPRESS_OPTIONS } from '../src/http/compression.js';
import { ResponseCache } from '../src/http/response-cache.js';
import { loadRuleSet } from '../src/rules/load-rule-set.js';

/**
 * A benchmark target in a child process, sending its port to the parent:
 * - "quote": the service as configured by its environment (the parent turns rate limits off), counting hits and misses;
 * - "bare": a bare Fastify POST endpoint that parses the request body and answers a fixed, already serialised quote of
 *   the size the service's responses have on average (sent by the parent): the cost of moving the response and
 *   nothing else. With "compress", both register @fastify/compress with the service's settings.
 * Both answer the parent's "stats" message with their RSS, CPU time and requests answered (and the cache's figures).
 */
const [mode, coding] = process.argv.slice(2);
const stats = { requests: 0, hits: 0, misses: 0 };
let cache: ResponseCache | undefined;

async function quoteApp() {
  const config = loadConfig(process.env);
  cache = new ResponseCache(config.responseCacheBytes);
  const app = await buildApp({
    ruleSet: await loadRuleSet(config.rulesDir),
    bodyLimitBytes: config.bodyLimitBytes,
    responseCache: cache,
    rateLimits: config.rateLimits,
  });
  app.addHook('onResponse', async (_request, reply) => {
    stats.requests++;
    const cached = reply.getHeader('x-cache');
    if (cached === 'hit') stats.hits++;
    else if (cached === 'miss') stats.misses++;
  });
  return app;
}

async function bareApp(body: string) {
  const app = Fastify();
  if (coding === 'compress') await app.register(fastifyCompress, COMPRESS_OPTIONS);
  app.addHook('onResponse', async () => {
    stats.requests++;
  });
  app.post('/v1/rates', async (request, reply) => {
    if (typeof request.body !== 'object') throw new Error('expected a JSON body');
    return reply.type('application/json; charset=utf-8').send(body);
  });
  return app;
}

const body =
  mode === 'bare'
    ? await new Promise<string>((resolve) => process.once('message', (m) => resolve(String(m))))
    : '';
const app = mode === 'quote' ? await quoteApp() : await bareApp(body);
await app.listen({ port: 0, host: '127.0.0.1' });
process.on('message', (message) => {
  if (message !== 'stats') return;
  process.send?.({
    rss: process.memoryUsage().rss,
    cpuMicros: process.cpuUsage().user + process.cpuUsage().system,
    cacheBytes: cache?.bytes ?? 0,
    entries: cache?.entries ?? 0,
    ...stats,
  });
});
// A profile (node --cpu-prof) is written on exit: leave by exiting when the parent stops the target.
process.once('SIGTERM', () => process.exit(0));
const address = app.server.address();
process.send?.(typeof address === 'object' && address ? address.port : 0);
