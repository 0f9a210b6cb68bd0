import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * shipper: prices, compares and issues quotes, and reads its own; committee: what-ifs over the served rules;
 * admin: keys, and every account's quotes.
 */
export const ROLES = ['shipper', 'committee', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** A key as stored: never the key itself, only the SHA-256 of it. */
export interface ApiKeyRecord {
  readonly id: string;
  /** Whose quotes the key issues and reads; several keys of one account (a rotation) share them. */
  readonly account: string;
  readonly name: string;
  readonly role: Role;
  readonly keyHash: string;
  readonly createdAt: string;
  readonly revokedAt?: string | undefined;
}

const PREFIX = 'tr_';
const ID_HEX = 16;
const KEY_SHAPE = /^tr_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A new key: `tr_<id>_<secret>`, the id public (it names the key in lists and logs), the secret 256 random bits. */
export function generateApiKey(): { id: string; key: string; keyHash: string } {
  const id = randomBytes(ID_HEX / 2).toString('hex');
  const key = `${PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
  return { id, key, keyHash: hashApiKey(key) };
}

/** The id a key names, or undefined when the text is not shaped like a key of this service. */
export function apiKeyId(key: string): string | undefined {
  return KEY_SHAPE.exec(key)?.[1];
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Whether a key is the one a record was created for, in time independent of where they differ. */
export function keyMatches(key: string, record: ApiKeyRecord): boolean {
  const given = Buffer.from(hashApiKey(key), 'hex');
  const stored = Buffer.from(record.keyHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
