import { randomUUID } from 'node:crypto';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { BEARER_SCHEME, KEY_OPTIONAL } from '../contract/access-schemas.js';
import type { RuleSet } from '../domain/rule-set/rule-set.js';
import type { RuleFileText } from '../rules/read-rule-files.js';
import type { ApiKeyStore } from '../store/api-key-store.js';
import type { QuoteStore } from '../store/quote-store.js';
import { DEFAULT_WHATIF_LIMITS, type WhatIfLimits } from '../workbench/whatif/whatif-limits.js';
import { installAccess } from './access/install-access.js';
import { DEFAULT_RATE_LIMITS, installRateLimits, type RateLimits } from './access/install-rate-limits.js';
import { KeyCache } from './access/key-cache.js';
import type { AppContext } from './app-context.js';
import { COMPRESS_OPTIONS } from './compression.js';
import { Metrics } from './metrics.js';
import { problemFor, sendProblem } from './problem-details.js';
import { ResponseCache } from './response-cache.js';
import { capacityRoutes } from './routes/capacity.js';
import { cargoRoutes } from './routes/cargo.js';
import { compareRoutes } from './routes/compare.js';
import { healthRoutes } from './routes/health.js';
import { keyRoutes } from './routes/keys.js';
import { quoteDocumentRoutes } from './routes/quote-documents.js';
import { quoteRoutes } from './routes/quotes.js';
import { railwayRoutes } from './routes/railways.js';
import { rateRoutes } from './routes/rates.js';
import { readyRoutes } from './routes/ready.js';
import { stationRoutes } from './routes/stations.js';
import { webPageRoutes } from './routes/web-pages.js';
import { whatifRoutes } from './routes/whatif.js';
import { DEFAULT_SERVER_LIMITS, limitOptions, type ServerLimits } from './server-limits.js';

export interface AppOptions {
  readonly ruleSet: RuleSet;
  /** The clock: defaults dates to today, stamps issued quotes and tells whether they have expired. */
  readonly now?: () => Date;
  readonly logger?: FastifyServerOptions['logger'];
  readonly bodyLimitBytes?: number;
  /** Where issued quotes are kept; the /v1/quotes routes exist only when one is given. */
  readonly store?: QuoteStore;
  /** The texts the rule set was loaded from; POST /v1/whatif lays drafts over them (503 without them). */
  readonly ruleFiles?: readonly RuleFileText[];
  /** Hooks added before any route, so that every route has them (the tests check each response's contract so). */
  readonly instrument?: (app: FastifyInstance) => void;
  /** Serialised responses of POST /v1/rates and /v1/compare; default 64 MB (`new ResponseCache(0)` for none). */
  readonly responseCache?: ResponseCache;
  /** Where API keys are looked up; default the store's. Without either, every route that needs a key answers 401. */
  readonly keys?: ApiKeyStore;
  /** Default: the store's keys through a cache of 10 s. */
  readonly keyCache?: KeyCache;
  /** Requests per minute, per key and per anonymous client address; 0 turns one off. Default DEFAULT_RATE_LIMITS. */
  readonly rateLimits?: RateLimits;
  /** The built browser pages (dist/web); served under / when given. */
  readonly webRoot?: string;

  /** Time and connection limits (request, headers and keep-alive timeouts, connection cap); defaults otherwise. */
  readonly limits?: Partial<ServerLimits>;
  /** The what-if queue, time limit and memory. */
  readonly whatif?: Partial<WhatIfLimits>;
}

export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;

/** A client's own request id is logged beside ours, never used as ours; longer ones are cut to this. */
const CLIENT_REQUEST_ID_CHARS = 200;

export const API_VERSION = '0.1.0';

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    // Our ids, never the client's: a client could otherwise forge or reuse the id logs are searched by.
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    ajv: { customOptions: { removeAdditional: false } },
    ...limitOptions(limits),
    // Refusals before routing (a URL that does not decode, a parameter too long): problem+json like the rest.
    frameworkErrors: (error, request, reply) => {
      reply.header('x-request-id', request.id);
      request.log.info({ code: error.code }, 'request refused before routing');
      return sendProblem(reply, problemFor(error, request));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.server.maxConnections = limits.maxConnections;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  options.instrument?.(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const theirs = request.headers['x-request-id'];
    if (typeof theirs === 'string' && theirs !== '')
      request.log = request.log.child({ clientRequestId: theirs.slice(0, CLIENT_REQUEST_ID_CHARS) });
  });
  const metrics = new Metrics(options.ruleSet.hash);
  metrics.install(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      // The defaults allow the /docs page (its scripts and styles are files of its own, its inline styles and
      // data: images are allowed); upgrading to https would break it on a plain-http deployment.
      directives: { 'upgrade-insecure-requests': null },
    },
  });

  app.setErrorHandler((error, request, reply) => {
    const problem = problemFor(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: problem.code, detail: problem.detail }, 'request refused');
    return sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: 'https://throughrate.dev/problems/not-found',
      title: 'Not found',
      status: 404,
      detail: `no route ${request.method} ${request.url.split('?')[0]}`,
      instance: request.url,
      code: 'NOT_FOUND',
    }),
  );

  await app.register(fastifyCompress, COMPRESS_OPTIONS);
  // Who is calling and how often, before any route (the documentation's included) is registered.
  const keys = options.keys ?? options.store?.keys;
  const keyCache = options.keyCache ?? (keys && new KeyCache((id) => keys.find(id)));
  installAccess(app, keyCache);
  await installRateLimits(
    app,
    options.rateLimits ?? DEFAULT_RATE_LIMITS,
    options.store?.kind === 'postgres' ? options.store.rateWindows : undefined,
  );

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ThroughRate',
        version: API_VERSION,
        description: 'Tariffs and coordinated through rates for rail freight on the North–South corridor.',
      },
      components: { securitySchemes: BEARER_SCHEME },
      security: KEY_OPTIONAL,
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  const now = options.now ?? (() => new Date());
  const context: AppContext = {
    ruleSet: options.ruleSet,
    today: () => now().toISOString().slice(0, 10),
  };
  await app.register(healthRoutes(context));
  await app.register(readyRoutes(context, options.store));
  const responseCache = options.responseCache ?? new ResponseCache(DEFAULT_RESPONSE_CACHE_BYTES);
  await app.register(rateRoutes(context, responseCache));
  await app.register(stationRoutes(context));
  await app.register(cargoRoutes(context));
  await app.register(railwayRoutes(context));
  await app.register(compareRoutes(context, responseCache));
  await app.register(capacityRoutes(context));
  if (options.store) {
    await app.register(quoteRoutes(context, options.store, now));
    await app.register(quoteDocumentRoutes(context, options.store));
  }
  if (keys && keyCache) await app.register(keyRoutes(keys, keyCache, now));
  await app.register(
    whatifRoutes(
      context,
      options.ruleFiles,
      { ...DEFAULT_WHATIF_LIMITS, ...options.whatif },
      metrics.whatifObserver(),
    ),
  );
  if (options.webRoot) await app.register(webPageRoutes(options.webRoot));
  return app;
}
