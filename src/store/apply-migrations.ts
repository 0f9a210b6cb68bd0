import { createHash } from 'node:crypto';
import { MIGRATIONS, type Migration } from './migrations.js';
import type { SqlDatabase } from './sql-database.js';

/** Any constant shared by every instance: serialises start-ups that migrate the same database at once. */
const MIGRATION_LOCK = 7_305_113;

export function checksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql).digest('hex');
}

/**
 * Brings the schema up to date in one transaction: creates the migrations table, checks that no applied migration
 * was edited since, applies the missing ones in order; concurrent start-ups wait for each other. Returns the versions it applied.
 */
export async function applyMigrations(
  db: SqlDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`
CREATE TABLE IF NOT EXISTS schema_migrations (
  version     integer     PRIMARY KEY,
  name        text        NOT NULL,
  checksum    text        NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now()
)`);
    const applied = await tx.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of applied) {
      const migration = known.get(row.version);
      // A version this release does not know was applied by a newer release (a rolling deploy): its migrations
      // only add to the schema, so an older instance keeps working.
      if (!migration) continue;
      if (checksum(migration) !== row.checksum) {
        throw new Error(
          `migration ${row.version} (${row.name}) was edited after it was applied: released migrations must never change`,
        );
      }
    }
    const done = new Set(applied.map((row) => row.version));
    const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        migration.version,
        migration.name,
        checksum(migration),
      ]);
    }
    return pending.map((m) => m.version);
  });
}
