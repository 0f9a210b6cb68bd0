import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/core/domain-error.js';
import type { RateWindowStore } from '../../store/rate-window-store.js';

/** Requests per minute; 0 turns a limit off. */
export interface RateLimits {
  /** Per client address, for requests without a key. */
  readonly anonymousPerMinute: number;
  /** Per API key. */
  readonly perKeyPerMinute: number;
}

/** Low for anonymous callers, ten times that for a key: RATE_LIMIT_ANONYMOUS and RATE_LIMIT_PER_KEY. */
export const DEFAULT_RATE_LIMITS: RateLimits = Object.freeze({
  anonymousPerMinute: 60,
  perKeyPerMinute: 600,
});

const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per key, or per client address for anonymous requests, on every route; over the limit,
 * a 429 problem with Retry-After (and X-RateLimit-* on every response). `windows` shares the counts between
 * instances (PostgreSQL); without it they are kept in this process (PGlite serves one process anyway). Registered
 * after installAccess, before the routes: it counts a request once its caller is known. If the shared count cannot
 * be reached the request is let through rather than refused.
 */
export async function installRateLimits(
  app: FastifyInstance,
  limits: RateLimits,
  windows: RateWindowStore | undefined,
): Promise<void> {
  if (limits.anonymousPerMinute === 0 && limits.perKeyPerMinute === 0) return;
  const limitOf = (request: FastifyRequest) =>
    request.caller.kind === 'key' ? limits.perKeyPerMinute : limits.anonymousPerMinute;
  await app.register(fastifyRateLimit, {
    global: true,
    hook: 'onRequest',
    timeWindow: WINDOW_MS,
    max: limitOf,
    allowList: (request) => limitOf(request) === 0,
    keyGenerator: (request) =>
      request.caller.kind === 'key' ? `key:${request.caller.keyId}` : `address:${request.ip}`,
    skipOnError: true,
    ...(windows ? { store: sharedWindows(windows) } : {}),
    errorResponseBuilder: (request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new DomainError(
        'RATE_LIMITED',
        `more than ${context.max} requests a minute ${request.caller.kind === 'key' ? 'with this key' : 'without a key from this address'}: retry in ${seconds} s`,
        { limit: context.max, retryAfterSeconds: seconds },
      );
    },
  });
}

/** The library's store interface over the database's windows. */
function sharedWindows(windows: RateWindowStore): FastifyRateLimitStoreCtor {
  return class SharedWindows {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      windows.hit(key, timeWindow).then(
        (counted) => callback(null, { current: counted.hits, ttl: counted.resetInMs }),
        (error: Error) => callback(error),
      );
    }

    child(): SharedWindows {
      return this;
    }
  };
}
