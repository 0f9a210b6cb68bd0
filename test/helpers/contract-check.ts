import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { ProblemSchema } from '../../src/contract/rates-schemas.js';

/**
 * Every response an app started by the tests sends is checked against its route's response schema (the zod schemas
 * of src/contract, as the route declares them), and a problem+json document against the problem schema. The check
 * is strict: a field the schema does not name is a violation, even on a route that skips its response schema when
 * it serialises (POST /v1/rates). Violations are kept here until a test takes them (`takeViolations`); the setup
 * file (test/helpers/check-contracts.setup.ts) fails any test that leaves one behind.
 */
export interface ContractViolation {
  readonly route: string;
  readonly status: number;
  readonly problems: readonly string[];
}

const violations: ContractViolation[] = [];

/** The violations found since the last call, and forgets them. */
export function takeViolations(): ContractViolation[] {
  return violations.splice(0, violations.length);
}

/** An onSend hook that checks each JSON response; added to an app before its routes (AppOptions.instrument). */
export function checkContracts(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (typeof payload !== 'string' || !/json/.test(type)) return payload;
    const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
    const schema = type.includes('problem+json')
      ? ProblemSchema
      : responseSchema(request.routeOptions.schema?.response, reply.statusCode);
    if (!schema) {
      // Routes outside the contract (the OpenAPI document under /docs) have no response schema.
      if (request.routeOptions.schema?.response)
        violations.push({
          route,
          status: reply.statusCode,
          problems: ['no response schema for this status'],
        });
      return payload;
    }
    const problems = contractProblems(schema, JSON.parse(payload));
    if (problems.length > 0) violations.push({ route, status: reply.statusCode, problems });
    return payload;
  });
}

function responseSchema(responses: unknown, status: number): z.ZodType | undefined {
  if (!responses || typeof responses !== 'object') return undefined;
  const byStatus = responses as Record<string, z.ZodType | undefined>;
  return byStatus[status] ?? byStatus[`${Math.floor(status / 100)}xx`] ?? byStatus.default;
}

/**
 * What is wrong with a body under a schema, strictly: its issues, and every field of the body the parsed value no
 * longer has (zod drops the keys an object schema does not name).
 */
export function contractProblems(schema: z.ZodType, body: unknown): string[] {
  const parsed = schema.safeParse(body);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  return unnamedFields(body, parsed.data, '');
}

function unnamedFields(sent: unknown, kept: unknown, at: string): string[] {
  if (Array.isArray(sent) && Array.isArray(kept))
    return sent.flatMap((item, i) => unnamedFields(item, kept[i], `${at}[${i}]`));
  if (!isObject(sent) || !isObject(kept)) return [];
  return Object.entries(sent).flatMap(([key, value]) => {
    const path = at ? `${at}.${key}` : key;
    return key in kept ? unnamedFields(value, kept[key], path) : [`${path}: not in the response schema`];
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
