import type { FastifyInstance } from 'fastify';
import type { RuleSet } from '../../src/domain/rule-set/rule-set.js';
import { type AppOptions, buildApp } from '../../src/http/build-app.js';
import { loadRuleSet } from '../../src/rules/load-rule-set.js';
import { checkContracts } from './contract-check.js';
import { BUNDLED_RULES } from './rule-files.js';

let bundled: Promise<RuleSet> | undefined;

/** The bundled rules, loaded once per test file. */
export function bundledRuleSet(): Promise<RuleSet> {
  bundled ??= loadRuleSet(BUNDLED_RULES);
  return bundled;
}

export interface RunningApp {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A real listening server on an ephemeral port, for supertest. The clock is fixed unless given; rate limits are off
 * unless given (the rate-limit tests set their own). Every response it sends is checked against its route's response
 * schema (contract-check.ts): a test that receives one that breaks it fails.
 */
export async function startApp(options: Partial<AppOptions> = {}): Promise<RunningApp> {
  const app = await buildApp({
    ruleSet: options.ruleSet ?? (await bundledRuleSet()),
    now: options.now ?? (() => new Date('2026-03-01T09:00:00Z')),
    rateLimits: { anonymousPerMinute: 0, perKeyPerMinute: 0 },
    ...options,
    instrument: (instance) => {
      options.instrument?.(instance);
      checkContracts(instance);
    },
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url, close: () => app.close() };
}
