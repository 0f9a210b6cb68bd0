import type { IsoDate } from '../domain/core/dates.js';
import type { IssuedQuote } from '../domain/quotes/issue-quote.js';
import type { ApiKeyStore } from './api-key-store.js';
import { decodeCursor, encodeCursor } from './quote-cursor.js';
import type {
  IssueOutcome,
  QuotePage,
  QuoteQuery,
  QuoteRecord,
  QuoteStore,
  QuoteSummary,
} from './quote-store.js';
import type { RateWindowStore } from './rate-window-store.js';
import { SqlApiKeyStore } from './sql-api-key-store.js';
import type { SqlDatabase } from './sql-database.js';
import { SqlRateWindowStore } from './sql-rate-window-store.js';

interface SummaryRow {
  id: string;
  issued_at: string;
  valid_until: string;
  origin: string;
  destination: string;
  acceptance_date: string;
  option_id: string;
  total_amount: string;
  total_currency: string;
  rule_set_hash: string;
  indicative: boolean;
}

const SUMMARY_COLUMNS = `id, to_char(issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS issued_at,
  valid_until::text AS valid_until, origin, destination, acceptance_date::text AS acceptance_date, option_id,
  total_amount::text AS total_amount, total_currency, rule_set_hash, indicative`;

/** The quote store over any SqlDatabase: PGlite and PostgreSQL run exactly this SQL. */
export class SqlQuoteStore implements QuoteStore {
  readonly keys: ApiKeyStore;
  readonly rateWindows: RateWindowStore;

  constructor(
    readonly kind: QuoteStore['kind'],
    private readonly db: SqlDatabase,
  ) {
    this.keys = new SqlApiKeyStore(db);
    this.rateWindows = new SqlRateWindowStore(db);
  }

  async issue(record: QuoteRecord): Promise<IssueOutcome> {
    const { quote, account, idempotencyKey, requestHash } = record;
    // One statement, so one transaction of its own: the row and its indexed columns are written whole or not at
    // all. A concurrent insert under the same key (on any instance) makes this one wait for it to commit, then do
    // nothing; the read-back, a statement of its own, sees the row that won.
    const inserted = await this.db
      .query<{ id: string }>(
        `INSERT INTO quotes (id, idempotency_key, request_hash, origin, destination, acceptance_date, issued_at,
         valid_until, option_id, total_amount, total_currency, rule_set_hash, document, account, indicative)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15)
       ON CONFLICT (account, idempotency_key) DO NOTHING
       RETURNING id`,
        [
          quote.id,
          idempotencyKey ?? null,
          requestHash,
          quote.request.origin,
          quote.request.destination,
          quote.acceptanceDate,
          quote.issuedAt,
          quote.validUntil,
          quote.option.id,
          quote.option.total.amount,
          quote.option.total.currency,
          quote.ruleSetHash,
          JSON.stringify(quote),
          account,
          quote.indicative === true,
        ],
      )
      // Under a server whose default isolation is stricter than READ COMMITTED, the losing insert fails instead.
      .catch((error: unknown) => {
        if (idempotencyKey !== undefined && sqlState(error) === SERIALIZATION_FAILURE) return [];
        throw error;
      });
    if (inserted.length === 1 || idempotencyKey === undefined) return { status: 'created', quote };
    const existing = await this.findByIdempotencyKey(account, idempotencyKey);
    if (!existing) throw new Error(`idempotency key ${idempotencyKey} conflicted but no row holds it`);
    return {
      status: existing.requestHash === requestHash ? 'repeated' : 'conflict',
      quote: existing.quote,
    };
  }

  async findByIdempotencyKey(
    account: string,
    key: string,
  ): Promise<{ quote: IssuedQuote; requestHash: string } | undefined> {
    const [row] = await this.db.query<{ document: IssuedQuote; request_hash: string }>(
      'SELECT document, request_hash FROM quotes WHERE account = $1 AND idempotency_key = $2',
      [account, key],
    );
    return row && { quote: row.document, requestHash: row.request_hash };
  }

  async get(id: string, account?: string): Promise<IssuedQuote | undefined> {
    const [row] =
      account === undefined
        ? await this.db.query<{ document: IssuedQuote }>('SELECT document FROM quotes WHERE id = $1', [id])
        : await this.db.query<{ document: IssuedQuote }>(
            'SELECT document FROM quotes WHERE id = $1 AND account = $2',
            [id, account],
          );
    return row?.document;
  }

  async list(query: QuoteQuery): Promise<QuotePage> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.account !== undefined) where.push(`account = ${param(query.account)}`);
    if (query.origin) where.push(`origin = ${param(query.origin)}`);
    if (query.destination) where.push(`destination = ${param(query.destination)}`);
    if (query.from) where.push(`issued_at >= (${param(query.from)}::date)::timestamp AT TIME ZONE 'UTC'`);
    if (query.to) where.push(`issued_at < (${param(query.to)}::date + 1)::timestamp AT TIME ZONE 'UTC'`);
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      where.push(`(issued_at, id) < (${param(after.issuedAt)}::timestamptz, ${param(after.id)})`);
    }
    const rows = await this.db.query<SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM quotes
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY issued_at DESC, id DESC
       LIMIT ${param(query.limit + 1)}`,
      params,
    );
    const quotes = rows.slice(0, query.limit).map(summaryOf);
    const last = quotes.at(-1);
    return rows.length > query.limit && last
      ? { quotes, nextCursor: encodeCursor({ issuedAt: last.issuedAt, id: last.id }) }
      : { quotes };
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>('SELECT count(*)::integer AS n FROM quotes');
    return row?.n ?? 0;
  }

  async purgeExpiredBefore(cutoff: IsoDate): Promise<number> {
    const rows = await this.db.query<{ id: string }>(
      'DELETE FROM quotes WHERE valid_until < $1 RETURNING id',
      [cutoff],
    );
    return rows.length;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

const SERIALIZATION_FAILURE = '40001';

function sqlState(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}

function summaryOf(row: SummaryRow): QuoteSummary {
  return {
    id: row.id,
    issuedAt: row.issued_at,
    validUntil: row.valid_until,
    origin: row.origin,
    destination: row.destination,
    acceptanceDate: row.acceptance_date,
    optionId: row.option_id,
    total: { amount: row.total_amount, currency: row.total_currency },
    indicative: row.indicative,
    ruleSetHash: row.rule_set_hash,
  };
}
