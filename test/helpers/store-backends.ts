import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgliteQuoteStore, openPostgresQuoteStore } from '../../src/store/open-quote-store.js';
import { openPgliteDatabase } from '../../src/store/pglite-database.js';
import { openPostgresDatabase, quoteIdentifier } from '../../src/store/postgres-database.js';
import type { QuoteStore } from '../../src/store/quote-store.js';
import type { SqlDatabase } from '../../src/store/sql-database.js';

/** Set by .ci/run; without it the PostgreSQL variant of the store suite is skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** One database the store suite runs against. */
export interface StoreBackend {
  readonly kind: QuoteStore['kind'];
  /** Creates the empty database (a temporary directory, or a fresh schema tr_<random>). */
  setUp(): Promise<void>;
  /** Opens the database without the store, as a service instance starting up would. */
  openDatabase(): Promise<SqlDatabase>;
  /** Opens the quote store, as the service does at start-up. */
  openStore(): Promise<QuoteStore>;
  /**
   * The store a second service instance uses. PostgreSQL: its own connection pool. PGlite: one process at a time
   * may open a directory, so instances in one process share the store (closing the copy leaves it open).
   */
  secondInstance(first: QuoteStore): Promise<QuoteStore>;
  tearDown(): Promise<void>;
}

export function pgliteBackend(): StoreBackend {
  let dir = '';
  return {
    kind: 'pglite',
    async setUp() {
      dir = mkdtempSync(join(tmpdir(), 'throughrate-store-'));
    },
    openDatabase: () => openPgliteDatabase(dir),
    openStore: () => openPgliteQuoteStore(dir),
    async secondInstance(first) {
      return {
        kind: first.kind,
        issue: (record) => first.issue(record),
        findByIdempotencyKey: (account, key) => first.findByIdempotencyKey(account, key),
        get: (id, account) => first.get(id, account),
        list: (query) => first.list(query),
        count: () => first.count(),
        purgeExpiredBefore: (cutoff) => first.purgeExpiredBefore(cutoff),
        keys: first.keys,
        rateWindows: first.rateWindows,
        close: async () => {},
      };
    },
    async tearDown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function postgresBackend(url: string): StoreBackend {
  const schema = `tr_${randomBytes(6).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    kind: 'postgres',
    setUp: () => admin(`CREATE SCHEMA ${quoteIdentifier(schema)}`),
    openDatabase: () => openPostgresDatabase({ url, schema }),
    openStore: () => openPostgresQuoteStore({ url, schema }),
    secondInstance: () => openPostgresQuoteStore({ url, schema }),
    tearDown: () => admin(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`),
  };
}
