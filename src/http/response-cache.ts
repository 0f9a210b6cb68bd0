import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { canonicalJson } from '../domain/core/canonical-json.js';

/** How a stored body is encoded; `identity` is the body as serialised. */
export type BodyEncoding = 'identity' | 'gzip' | 'br';

/** One serialised response and the compressed variants of it asked for so far. */
export interface StoredResponse {
  /** The digest of the key, from which each variant's ETag is made. */
  readonly digest: string;
  readonly variants: { identity: Buffer } & Partial<Record<'gzip' | 'br', Buffer>>;
}

/** What a stored response costs beyond its bodies: the key's characters, the entry and the LRU's own bookkeeping. */
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * The key of a response: the route, the rule set's hash and the canonical form of the request as priced (every
 * default, today's date included, already filled in). A quote is a pure function of the rule set and that request,
 * so equal keys mean byte-equal responses. Anything a response comes to depend on (an account, a price list) must
 * enter here.
 */
export function responseKey(route: string, ruleSetHash: string, pricedRequest: unknown): string {
  return `${route}\n${ruleSetHash}\n${canonicalJson(pricedRequest)}`;
}

/** A digest of the key, for the ETag: a strong validator, since equal keys give byte-equal bodies. */
export function keyDigest(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/** The ETag of one encoding of a response: a coding changes the bytes, so each has its own strong tag. */
export function etagOf(digest: string, encoding: BodyEncoding): string {
  return encoding === 'identity' ? `"${digest}"` : `"${digest}-${encoding}"`;
}

/**
 * Serialised quote responses, least recently used first out, bounded in bytes (bodies, compressed variants and a
 * fixed overhead per entry). Only responses of the rule set last asked for are kept: a lookup or store under another
 * rule set's hash drops everything first, and the hash is part of every key besides.
 */
export class ResponseCache {
  readonly maxBytes: number;
  readonly #lru: LRUCache<string, StoredResponse> | undefined;
  #ruleSetHash: string | undefined;

  /** `maxBytes` 0 turns the cache off: every lookup misses and nothing is kept. */
  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
    this.#lru =
      maxBytes > 0
        ? new LRUCache<string, StoredResponse>({
            maxSize: maxBytes,
            sizeCalculation: (stored, key) => sizeOf(stored, key),
          })
        : undefined;
  }

  get enabled(): boolean {
    return this.#lru !== undefined;
  }

  /** Bytes held, as counted against `maxBytes`. */
  get bytes(): number {
    return this.#lru?.calculatedSize ?? 0;
  }

  get entries(): number {
    return this.#lru?.size ?? 0;
  }

  get(ruleSetHash: string, key: string): StoredResponse | undefined {
    if (!this.#lru) return undefined;
    this.#adopt(ruleSetHash);
    return this.#lru.get(key);
  }

  /** Stores a response, or stores it again once a variant is added so that its size is counted anew. */
  set(ruleSetHash: string, key: string, stored: StoredResponse): void {
    if (!this.#lru) return;
    this.#adopt(ruleSetHash);
    this.#lru.set(key, stored);
  }

  #adopt(ruleSetHash: string): void {
    if (this.#ruleSetHash === ruleSetHash) return;
    this.#lru?.clear();
    this.#ruleSetHash = ruleSetHash;
  }
}

function sizeOf(stored: StoredResponse, key: string): number {
  const { identity, gzip, br } = stored.variants;
  return ENTRY_OVERHEAD_BYTES + 2 * key.length + identity.length + (gzip?.length ?? 0) + (br?.length ?? 0);
}
