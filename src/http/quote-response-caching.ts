import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RuleSet } from '../domain/rule-set/rule-set.js';
import type { AppContext } from './app-context.js';
import { encodeBody, negotiateEncoding } from './compression.js';
import {
  type BodyEncoding,
  etagOf,
  keyDigest,
  type ResponseCache,
  responseKey,
  type StoredResponse,
} from './response-cache.js';

/** What a request is priced with, fixed once before the cache is asked so that the key and the price agree. */
export interface PricedWith<Input> {
  readonly ruleSet: RuleSet;
  readonly input: Input;
}

interface Pending<Input> extends PricedWith<Input> {
  readonly key: string;
  readonly encoding: BodyEncoding;
  /** Answered from the cache or with a 304: nothing to store. */
  answered: boolean;
}

/**
 * Response caching, conditional requests and compression for a route whose 200 response is a pure function of the
 * rule set and the request as priced (POST /v1/rates, POST /v1/compare). The lookup is a route preHandler, so it runs
 * after every onRequest, preValidation and app-wide preHandler hook (authentication, rate limits) and after the body
 * is validated; the handler prices `pricedWith(request)`, the very rule set and request the key was made of; onSend
 * stores the serialised 200 body (errors never) and answers with the negotiated coding, compressed once per variant.
 */
export function quoteResponseCaching<Body, Input>(options: {
  readonly route: string;
  readonly context: AppContext;
  readonly cache: ResponseCache;
  /** The request as priced: the body with every default filled in, given today's date. */
  readonly priced: (body: Body, today: string) => Input;
}) {
  const { route, context, cache } = options;
  const pending = new WeakMap<FastifyRequest, Pending<Input>>();

  async function preHandler(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    const ruleSet = context.ruleSet;
    const input = options.priced(request.body as Body, context.today());
    const key = responseKey(route, ruleSet.hash, input);
    const encoding = negotiateEncoding(request.headers);
    const state: Pending<Input> = { ruleSet, input, key, encoding, answered: false };
    pending.set(request, state);
    const stored = cache.get(ruleSet.hash, key);
    if (!stored) return undefined;
    const body = variant(stored, encoding);
    if (body.added) cache.set(ruleSet.hash, key, stored);
    state.answered = true;
    const etag = etagOf(stored.digest, body.encoding);
    reply.headers({ etag, vary: 'accept-encoding', 'x-cache': 'hit' });
    if (notModified(request, etag)) return reply.code(304).send();
    reply.header('content-type', 'application/json; charset=utf-8');
    if (body.encoding !== 'identity') reply.header('content-encoding', body.encoding);
    return reply.send(body.bytes);
  }

  async function onSend(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
    const state = pending.get(request);
    if (!state || state.answered || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const stored: StoredResponse = {
      digest: keyDigest(state.key),
      variants: { identity: Buffer.from(payload) },
    };
    const body = variant(stored, state.encoding);
    cache.set(state.ruleSet.hash, state.key, stored);
    const etag = etagOf(stored.digest, body.encoding);
    reply.headers({ etag, vary: 'accept-encoding', 'x-cache': 'miss' });
    if (notModified(request, etag)) {
      reply.code(304);
      return '';
    }
    if (body.encoding !== 'identity') reply.header('content-encoding', body.encoding);
    return body.bytes;
  }

  return {
    preHandler,
    onSend,
    /** The rule set and the request as priced, as the cache key has them. */
    pricedWith(request: FastifyRequest): PricedWith<Input> {
      const state = pending.get(request);
      if (!state) throw new Error(`${route}: the caching preHandler did not run`);
      return state;
    },
  };
}

/** The stored body in a coding, compressing (once: the variant is kept) when it is not there yet. */
function variant(
  stored: StoredResponse,
  encoding: BodyEncoding,
): { encoding: BodyEncoding; bytes: Buffer; added: boolean } {
  const identity = stored.variants.identity;
  if (encoding === 'identity') return { encoding, bytes: identity, added: false };
  const kept = stored.variants[encoding];
  if (kept) return { encoding, bytes: kept, added: false };
  const encoded = encodeBody(identity, encoding);
  if (!encoded) return { encoding: 'identity', bytes: identity, added: false };
  stored.variants[encoding] = encoded;
  return { encoding, bytes: encoded, added: true };
}

/** If-None-Match by the weak comparison RFC 9110 prescribes for it: `*`, or any listed tag, W/ or not. */
function notModified(request: FastifyRequest, etag: string): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch === undefined) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
