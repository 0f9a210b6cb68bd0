import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_RATE_LIMITS } from './http/access/install-rate-limits.js';

/** The rules bundled with the package, from the sources (src/) or the build (dist/src/), whatever the cwd. */
export const BUNDLED_RULES_DIR = [
  new URL('../rules', import.meta.url),
  new URL('../../rules', import.meta.url),
]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(resolve(dir, 'railways'))) as string;

export const DEFAULT_QUOTE_RETENTION_DAYS = 1826;

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    RULES_DIR: z.string().min(1).optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z.string().url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(256 * 1024),
    REQUEST_TIMEOUT_MS: milliseconds(30_000),
    HEADERS_TIMEOUT_MS: milliseconds(10_000),
    KEEP_ALIVE_TIMEOUT_MS: milliseconds(5_000),
    SHUTDOWN_GRACE_MS: milliseconds(10_000),
    MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
    WHATIF_QUEUE_LIMIT: z.coerce.number().int().min(1).max(1_000).default(4),
    WHATIF_TIMEOUT_MS: milliseconds(120_000),
    WHATIF_MEMORY_MB: z.coerce.number().int().min(64).max(65_536).default(512),
    RESPONSE_CACHE_BYTES: z.coerce
      .number()
      .int()
      .min(0)
      .default(64 * 1024 * 1024),
    /** Requests per minute per client address without a key; 0: no limit. */
    RATE_LIMIT_ANONYMOUS: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.anonymousPerMinute),
    /** Requests per minute per API key; 0: no limit. */
    RATE_LIMIT_PER_KEY: z.coerce.number().int().min(0).default(DEFAULT_RATE_LIMITS.perKeyPerMinute),
    /** Days an issued quote is kept after its validity ends, then purged; default five years. */
    QUOTE_RETENTION_DAYS: z.coerce.number().int().positive().default(DEFAULT_QUOTE_RETENTION_DAYS),
  })
  .refine((c) => c.HEADERS_TIMEOUT_MS <= c.REQUEST_TIMEOUT_MS, {
    message: 'HEADERS_TIMEOUT_MS must not exceed REQUEST_TIMEOUT_MS',
    path: ['HEADERS_TIMEOUT_MS'],
  });

function milliseconds(fallback: number) {
  return z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3_600_000)
    .default(fallback);
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly rulesDir: string;
  readonly dataDir: string;
  readonly databaseUrl?: string | undefined;
  readonly logLevel: string;
  readonly bodyLimitBytes: number;
  /** Bytes of serialised rates and compare responses kept; 0 keeps none. */
  readonly responseCacheBytes: number;
  readonly rateLimits: { readonly anonymousPerMinute: number; readonly perKeyPerMinute: number };
  readonly quoteRetentionDays: number;
  readonly requestTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly shutdownGraceMs: number;
  readonly maxConnections: number;
  readonly whatifQueueLimit: number;
  readonly whatifTimeoutMs: number;
  readonly whatifMemoryMb: number;
}

/** Parses the environment once; throws with every invalid key listed. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const c = parsed.data;
  return Object.freeze({
    port: c.PORT,
    host: c.HOST,
    rulesDir: resolve(c.RULES_DIR ?? BUNDLED_RULES_DIR),
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    logLevel: c.LOG_LEVEL,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    responseCacheBytes: c.RESPONSE_CACHE_BYTES,
    rateLimits: Object.freeze({
      anonymousPerMinute: c.RATE_LIMIT_ANONYMOUS,
      perKeyPerMinute: c.RATE_LIMIT_PER_KEY,
    }),
    quoteRetentionDays: c.QUOTE_RETENTION_DAYS,
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    headersTimeoutMs: c.HEADERS_TIMEOUT_MS,
    keepAliveTimeoutMs: c.KEEP_ALIVE_TIMEOUT_MS,
    shutdownGraceMs: c.SHUTDOWN_GRACE_MS,
    maxConnections: c.MAX_CONNECTIONS,
    whatifQueueLimit: c.WHATIF_QUEUE_LIMIT,
    whatifTimeoutMs: c.WHATIF_TIMEOUT_MS,
    whatifMemoryMb: c.WHATIF_MEMORY_MB,
  });
}
