import { type ApiKeyRecord, generateApiKey, type Role } from './api-key.js';
import type { ApiKeyStore, CreatedApiKey, NewApiKey } from './api-key-store.js';
import type { SqlDatabase, SqlExecutor } from './sql-database.js';

interface KeyRow {
  id: string;
  account: string;
  name: string;
  role: Role;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}

const INSTANT = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;
const COLUMNS = `id, account, name, role, key_hash, ${INSTANT('created_at')}, ${INSTANT('revoked_at')}`;

/** Any constant shared by every instance: serialises first starts that would each create the first admin key. */
const FIRST_ADMIN_LOCK = 7_305_114;

export class SqlApiKeyStore implements ApiKeyStore {
  constructor(private readonly db: SqlDatabase) {}

  create(key: NewApiKey, now: Date): Promise<CreatedApiKey> {
    return insertKey(this.db, key, now);
  }

  createFirstAdmin(now: Date): Promise<CreatedApiKey | undefined> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [FIRST_ADMIN_LOCK]);
      const [any] = await tx.query<{ id: string }>('SELECT id FROM api_keys LIMIT 1');
      if (any) return undefined;
      return insertKey(tx, { role: 'admin', name: 'first admin (created at the first start)' }, now);
    });
  }

  async find(id: string): Promise<ApiKeyRecord | undefined> {
    const [row] = await this.db.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys WHERE id = $1`, [id]);
    return row && recordOf(row);
  }

  async list(): Promise<ApiKeyRecord[]> {
    const rows = await this.db.query<KeyRow>(`SELECT ${COLUMNS} FROM api_keys ORDER BY created_at, id`);
    return rows.map(recordOf);
  }

  async revoke(id: string, now: Date): Promise<boolean> {
    const rows = await this.db.query<{ id: string }>(
      'UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [id, now.toISOString()],
    );
    return rows.length === 1;
  }
}

async function insertKey(db: SqlExecutor, key: NewApiKey, now: Date): Promise<CreatedApiKey> {
  const generated = generateApiKey();
  const record: ApiKeyRecord = {
    id: generated.id,
    account: key.account ?? generated.id,
    name: key.name,
    role: key.role,
    keyHash: generated.keyHash,
    createdAt: now.toISOString(),
  };
  await db.query(
    'INSERT INTO api_keys (id, account, name, role, key_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [record.id, record.account, record.name, record.role, record.keyHash, record.createdAt],
  );
  return { key: generated.key, record };
}

function recordOf(row: KeyRow): ApiKeyRecord {
  return {
    id: row.id,
    account: row.account,
    name: row.name,
    role: row.role,
    keyHash: row.key_hash,
    createdAt: row.created_at,
    ...(row.revoked_at ? { revokedAt: row.revoked_at } : {}),
  };
}
