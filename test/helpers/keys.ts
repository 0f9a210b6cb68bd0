import type { Role } from '../../src/store/api-key.js';
import type { QuoteStore } from '../../src/store/quote-store.js';

/** A new API key in a store, as `throughrate keys create` makes one; returns the key itself. */
export async function createKey(
  store: QuoteStore,
  role: Role = 'shipper',
  options: { name?: string; account?: string } = {},
): Promise<string> {
  const created = await store.keys.create(
    { role, name: options.name ?? `test ${role}`, account: options.account },
    new Date('2026-03-01T08:00:00Z'),
  );
  return created.key;
}

/** The header a key is sent in. */
export function bearer(key: string): { authorization: string } {
  return { authorization: `Bearer ${key}` };
}
