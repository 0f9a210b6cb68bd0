import type { IsoDate } from '../domain/core/dates.js';
import type { Money } from '../domain/core/money.js';
import type { IssuedQuote } from '../domain/quotes/issue-quote.js';
import type { ApiKeyStore } from './api-key-store.js';
import type { RateWindowStore } from './rate-window-store.js';

/** What is written for one issued quote: the document and, when the client sent one, its idempotency key. */
export interface QuoteRecord {
  readonly quote: IssuedQuote;
  /** The account of the key that issued it: only that account (and an admin) reads it. */
  readonly account: string;
  readonly idempotencyKey?: string | undefined;
  /** SHA-256 of the request body as received, to tell a retry from another request under the same key. */
  readonly requestHash: string;
}

/**
 * created: a new row; repeated: the key was already used with the same request, here is that quote;
 * conflict: the key was already used with another request.
 */
export type IssueOutcome =
  | { readonly status: 'created'; readonly quote: IssuedQuote }
  | { readonly status: 'repeated'; readonly quote: IssuedQuote }
  | { readonly status: 'conflict'; readonly quote: IssuedQuote };

export interface QuoteQuery {
  /** Only this account's quotes; undefined: every account's (an admin, the command line). */
  readonly account?: string | undefined;
  readonly origin?: string | undefined;
  readonly destination?: string | undefined;
  /** Issue dates (UTC), inclusive. */
  readonly from?: IsoDate | undefined;
  readonly to?: IsoDate | undefined;
  /** Opaque, from the previous page. */
  readonly cursor?: string | undefined;
  readonly limit: number;
}

/** One line of a listing, read from the indexed columns alone. */
export interface QuoteSummary {
  readonly id: string;
  readonly issuedAt: string;
  readonly validUntil: IsoDate;
  readonly origin: string;
  readonly destination: string;
  readonly acceptanceDate: IsoDate;
  readonly optionId: string;
  readonly total: Money;
  /** Issued on illustrative figures: indicative, not binding. */
  readonly indicative: boolean;
  readonly ruleSetHash: string;
}

export interface QuotePage {
  /** Newest first. */
  readonly quotes: readonly QuoteSummary[];
  /** Absent on the last page. */
  readonly nextCursor?: string | undefined;
}

/**
 * Where issued quotes live. Every implementation keeps all shared state in the database (idempotency included), so
 * several service instances can share one.
 */
export interface QuoteStore {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Stores a quote in one transaction; under an idempotency key the same account already used, returns what was
   * stored (idempotency keys are scoped per account: two accounts may use the same key).
   */
  issue(record: QuoteRecord): Promise<IssueOutcome>;
  /** The quote an account stored under an idempotency key, with the hash of the request it was issued for. */
  findByIdempotencyKey(
    account: string,
    key: string,
  ): Promise<{ quote: IssuedQuote; requestHash: string } | undefined>;
  /** A quote by id; with an account, only if that account issued it (another's is not found). */
  get(id: string, account?: string): Promise<IssuedQuote | undefined>;
  /** Keyset pagination: no gaps or repeats while quotes are being added. */
  list(query: QuoteQuery): Promise<QuotePage>;
  count(): Promise<number>;
  /** Deletes the quotes whose validity ended before `cutoff` (retention); returns how many. */
  purgeExpiredBefore(cutoff: IsoDate): Promise<number>;
  /** API keys and roles, in the same database. */
  readonly keys: ApiKeyStore;
  /** Rate-limit windows in the database, shared by every instance on it. */
  readonly rateWindows: RateWindowStore;
  close(): Promise<void>;
}
