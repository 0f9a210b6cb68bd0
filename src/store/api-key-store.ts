import type { ApiKeyRecord, Role } from './api-key.js';

export interface NewApiKey {
  readonly role: Role;
  readonly name: string;
  /** An existing account to add the key to (a rotation); default a new account named after the key's id. */
  readonly account?: string | undefined;
}

/** The key itself, shown once, and what is stored of it. */
export interface CreatedApiKey {
  readonly key: string;
  readonly record: ApiKeyRecord;
}

/** API keys, kept hashed in the same database as the quotes. */
export interface ApiKeyStore {
  create(key: NewApiKey, now: Date): Promise<CreatedApiKey>;
  /**
   * An admin key, created only when the table has no key at all (the first start); concurrent first starts of
   * several instances create one between them. Undefined when keys exist.
   */
  createFirstAdmin(now: Date): Promise<CreatedApiKey | undefined>;
  /** A key by its id, revoked ones included (the caller checks). */
  find(id: string): Promise<ApiKeyRecord | undefined>;
  /** Every key, oldest first. */
  list(): Promise<ApiKeyRecord[]>;
  /** Marks a key revoked; false when there is no such key or it was already revoked. */
  revoke(id: string, now: Date): Promise<boolean>;
}
