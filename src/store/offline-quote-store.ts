import type { QuoteStore } from './quote-store.js';

/**
 * A store with no database behind it: lets the app register and describe the quote routes (for the OpenAPI
 * document) without opening one. Every call fails.
 */
export function offlineQuoteStore(): QuoteStore {
  const offline = () => Promise.reject(new Error('no quote store is open'));
  return {
    kind: 'pglite',
    issue: offline,
    findByIdempotencyKey: offline,
    get: offline,
    list: offline,
    count: offline,
    purgeExpiredBefore: offline,
    keys: { create: offline, createFirstAdmin: offline, find: offline, list: offline, revoke: offline },
    rateWindows: { hit: offline },
    close: async () => {},
  };
}
