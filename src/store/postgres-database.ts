import pg from 'pg';
import type { SqlDatabase, SqlExecutor } from './sql-database.js';

export interface PostgresOptions {
  readonly url: string;
  /** A schema to work in instead of the connection's default search_path (tests use one per run). */
  readonly schema?: string | undefined;
  /** Connections kept per service instance; default 10. */
  readonly poolSize?: number | undefined;
}

/** A PostgreSQL server through a pg connection pool. */
export async function openPostgresDatabase(options: PostgresOptions): Promise<SqlDatabase> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdentifier(options.schema)}` } : {}),
  });
  // An idle connection that breaks (server restart, network) is dropped by the pool and the next query opens a new
  // one; without a listener the event would end the process.
  pool.on('error', () => {});
  const executor = (target: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await target.query<Row & pg.QueryResultRow>(text, [...params])).rows;
    },
    async exec(text: string) {
      await target.query(text);
    },
  });
  await pool.query('SELECT 1').catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });
  return {
    ...executor(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (error) {
        await client.query('ROLLBACK').then(
          () => client.release(),
          (rollbackError: Error) => client.release(rollbackError),
        );
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
