import fastifyCompress from '@fastify/compress';
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
import { installAccess } from './access/install-access.js';
import { DEFAULT_RATE_LIMITS, installRateLimits, type RateLimits } from './access/install-rate-limits.js';
import { KeyCache } from './access/key-cache.js';
import type { AppContext } from './app-context.js';
import { COMPRESS_OPTIONS } from './compression.js';
import { problemFor, sendProblem } from './problem-details.js';
import { ResponseCache } from './response-cache.js';
import { capacityRoutes } from './routes/capacity.js';
import { compareRoutes } from './routes/compare.js';
import { healthRoutes } from './routes/health.js';
import { keyRoutes } from './routes/keys.js';
import { quoteDocumentRoutes } from './routes/quote-documents.js';
import { quoteRoutes } from './routes/quotes.js';
import { railwayRoutes } from './routes/railways.js';
import { rateRoutes } from './routes/rates.js';
import { stationRoutes } from './routes/stations.js';
import { webPageRoutes } from './routes/web-pages.js';
import { whatifRoutes } from './routes/whatif.js';

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
}

export const DEFAULT_RESPONSE_CACHE_BYTES = 64 * 1024 * 1024;

export const API_VERSION = '0.1.0';

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    requestIdHeader: 'x-request-id',
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  options.instrument?.(app);

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
  const responseCache = options.responseCache ?? new ResponseCache(DEFAULT_RESPONSE_CACHE_BYTES);
  await app.register(rateRoutes(context, responseCache));
  await app.register(stationRoutes(context));
  await app.register(railwayRoutes(context));
  await app.register(compareRoutes(context, responseCache));
  await app.register(capacityRoutes(context));
  if (options.store) {
    await app.register(quoteRoutes(context, options.store, now));
    await app.register(quoteDocumentRoutes(context, options.store));
  }
  if (keys && keyCache) await app.register(keyRoutes(keys, keyCache, now));
  await app.register(whatifRoutes(context, options.ruleFiles));
  if (options.webRoot) await app.register(webPageRoutes(options.webRoot));
  return app;
}
