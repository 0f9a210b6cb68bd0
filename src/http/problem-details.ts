import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { type DomainErrorCode, isDomainError } from '../domain/core/domain-error.js';

/** RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  errors?: { pointer: string; detail: string }[];
  suggestions?: readonly string[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://throughrate.dev/problems/';

/** The one place where domain error codes become HTTP statuses. */
const STATUS: Record<DomainErrorCode, { status: number; title: string }> = {
  UNKNOWN_STATION: { status: 422, title: 'Unknown station' },
  UNKNOWN_CARGO: { status: 422, title: 'Unknown cargo code' },
  UNKNOWN_RAILWAY: { status: 404, title: 'Unknown railway' },
  NO_ROUTE: { status: 422, title: 'No route' },
  NO_TARIFF_IN_FORCE: { status: 422, title: 'No tariff in force' },
  UNIT_NOT_CARRIED: { status: 422, title: 'Unit not carried' },
  UNKNOWN_WAGON_KIND: { status: 422, title: 'Unknown wagon kind' },
  IMPLAUSIBLE_SHIPMENT: { status: 422, title: 'Implausible shipment' },
  NO_EXCHANGE_RATE: { status: 422, title: 'No exchange rate' },
  INVALID_REQUEST: { status: 400, title: 'Invalid request' },
  QUOTE_NOT_FOUND: { status: 404, title: 'Quote not found' },
  IDEMPOTENCY_CONFLICT: { status: 409, title: 'Idempotency key reused with another request' },
  INVALID_RULES: { status: 422, title: 'Invalid rules' },
  ILLUSTRATIVE_FIGURES: { status: 422, title: 'Priced on illustrative figures: not a binding quote' },
  WHATIF_UNAVAILABLE: { status: 503, title: 'What-if unavailable' },
  UNAUTHORIZED: { status: 401, title: 'API key required' },
  FORBIDDEN: { status: 403, title: 'Not allowed for this key' },
  RATE_LIMITED: { status: 429, title: 'Too many requests' },
  KEY_NOT_FOUND: { status: 404, title: 'API key not found' },
  WHATIF_BUSY: { status: 429, title: 'Too many what-ifs' },
  WHATIF_TIMEOUT: { status: 503, title: 'What-if took too long' },
};

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  if (typeof problem.retryAfterSeconds === 'number')
    reply.header('retry-after', String(problem.retryAfterSeconds));
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

export function problemFor(error: unknown, request: FastifyRequest): Problem {
  const instance = request.url;
  if (isDomainError(error)) {
    const { status, title } = STATUS[error.code];
    const { pointer, suggestions, ...rest } = error.details;
    return {
      type: `${TYPE_BASE}${error.code.toLowerCase().replaceAll('_', '-')}`,
      title,
      status,
      detail: error.message,
      instance,
      code: error.code,
      ...(pointer ? { errors: [{ pointer, detail: error.message }] } : {}),
      ...(suggestions?.length ? { suggestions } : {}),
      ...rest,
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      pointer: where === 'body' ? v.instancePath || '/' : `${v.instancePath || ''}`.replace(/^/, `#${where}`),
      detail: v.message ?? 'invalid value',
    }));
    return {
      type: `${TYPE_BASE}validation`,
      title: 'Invalid request',
      status: 400,
      detail: `the request ${where} does not match the schema: ${errors.map((e) => `${e.pointer} ${e.detail}`).join('; ')}`,
      instance,
      code: 'VALIDATION_FAILED',
      errors,
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return {
      type: `${TYPE_BASE}${(fastifyError.code ?? 'bad-request').toLowerCase()}`,
      title: 'Bad request',
      status: fastifyError.statusCode,
      detail: fastifyError.message ?? 'bad request',
      instance,
      code: fastifyError.code ?? 'BAD_REQUEST',
    };
  }
  return {
    type: `${TYPE_BASE}internal`,
    title: 'Internal error',
    status: 500,
    detail: 'an unexpected error occurred; it has been logged',
    instance,
    code: 'INTERNAL',
  };
}
