import { applyMigrations } from './apply-migrations.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase, type PostgresOptions } from './postgres-database.js';
import type { QuoteStore } from './quote-store.js';
import type { SqlDatabase } from './sql-database.js';
import { SqlQuoteStore } from './sql-quote-store.js';

export interface StoreConfig {
  /** PGlite's data directory, or `memory://` (tests); used when no database URL is given. */
  readonly dataDir: string;
  /** PostgreSQL, for production and for several instances sharing one database. */
  readonly databaseUrl?: string | undefined;
}

/** PostgreSQL when a URL is configured, else the embedded PGlite; the schema migrated before it is returned. */
export function openQuoteStore(config: StoreConfig): Promise<QuoteStore> {
  return config.databaseUrl
    ? openPostgresQuoteStore({ url: config.databaseUrl })
    : openPgliteQuoteStore(config.dataDir);
}

export async function openPgliteQuoteStore(dataDir: string): Promise<QuoteStore> {
  return quoteStoreOn('pglite', await openPgliteDatabase(dataDir));
}

export async function openPostgresQuoteStore(options: PostgresOptions): Promise<QuoteStore> {
  return quoteStoreOn('postgres', await openPostgresDatabase(options));
}

/** A quote store on an open database, migrated first; the database is closed if migrating fails. */
export async function quoteStoreOn(kind: QuoteStore['kind'], db: SqlDatabase): Promise<QuoteStore> {
  try {
    await applyMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return new SqlQuoteStore(kind, db);
}
