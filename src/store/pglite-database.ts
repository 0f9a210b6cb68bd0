import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDirectory } from './directory-lock.js';
import type { SqlDatabase, SqlExecutor } from './sql-database.js';

/**
 * PostgreSQL compiled to WebAssembly, in this process, on a data directory (or `memory://` for tests). One process
 * at a time may open a directory (a lock file says which); it serialises its own queries, so transactions never
 * interleave.
 */
export async function openPgliteDatabase(dataDir: string): Promise<SqlDatabase> {
  let unlock = () => {};
  if (!dataDir.startsWith('memory://')) {
    await mkdir(dataDir, { recursive: true });
    unlock = lockDirectory(dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const executor = (target: PGlite | Transaction): SqlExecutor => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      return (await target.query<Row>(text, [...params])).rows;
    },
    async exec(text: string) {
      await target.exec(text);
    },
  });
  return {
    ...executor(db),
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    close: async () => {
      try {
        await db.close();
      } finally {
        unlock();
      }
    },
  };
}
