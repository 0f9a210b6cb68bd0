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
import type { RuleSet } from '../domain/rule-set/rule-set.js';
import type { RuleFileText } from '../rules/read-rule-files.js';
import type { QuoteStore } from '../store/quote-store.js';
import type { AppContext } from './app-context.js';
import { problemFor, sendProblem } from './problem-details.js';
import { cargoRoutes } from './routes/cargo.js';
import { compareRoutes } from './routes/compare.js';
import { healthRoutes } from './routes/health.js';
import { quoteRoutes } from './routes/quotes.js';
import { railwayRoutes } from './routes/railways.js';
import { rateRoutes } from './routes/rates.js';
import { stationRoutes } from './routes/stations.js';
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
}

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

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ThroughRate',
        version: API_VERSION,
        description: 'Tariffs and coordinated through rates for rail freight on the North–South corridor.',
      },
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
  await app.register(rateRoutes(context));
  await app.register(stationRoutes(context));
  await app.register(cargoRoutes(context));
  await app.register(railwayRoutes(context));
  await app.register(compareRoutes(context));
  if (options.store) await app.register(quoteRoutes(context, options.store, now));
  await app.register(whatifRoutes(context, options.ruleFiles));
  return app;
}
