import type { Role } from '../../store/api-key.js';

/** Who sent a request: nobody in particular, or the holder of a valid API key. */
export type Caller =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'key'; readonly keyId: string; readonly account: string; readonly role: Role };

export const ANONYMOUS: Caller = Object.freeze({ kind: 'anonymous' });

declare module 'fastify' {
  interface FastifyRequest {
    /** Set for every request by the access hook, before any route handler runs. */
    caller: Caller;
  }
  interface FastifyContextConfig {
    /** The roles a route admits; absent: anyone, with or without a key. */
    access?: readonly Role[];
  }
}

/** The account whose quotes a caller sees; undefined for an admin, who sees every account's. */
export function quoteScope(caller: Caller): string | undefined {
  if (caller.kind !== 'key') throw new Error('quote routes are for callers with a key');
  return caller.role === 'admin' ? undefined : caller.account;
}

/** The account a caller issues quotes for. */
export function issuingAccount(caller: Caller): string {
  if (caller.kind !== 'key') throw new Error('quote routes are for callers with a key');
  return caller.account;
}
