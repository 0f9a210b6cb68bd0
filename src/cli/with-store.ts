import { existsSync } from 'node:fs';
import { openQuoteStore } from '../store/open-quote-store.js';
import type { QuoteStore } from '../store/quote-store.js';
import { cliConfig } from './cli-config.js';
import type { CliIo } from './io.js';

/**
 * The store of DATABASE_URL, else of DATA_DIR (default ./data), as the service would open it; a data directory that
 * does not exist is refused unless `create` (keys may be made before the service first starts).
 */
export async function withStore(
  io: CliIo,
  use: (store: QuoteStore) => Promise<number>,
  options: { readonly create?: boolean } = {},
): Promise<number> {
  const { databaseUrl, dataDir } = cliConfig(io);
  if (!databaseUrl && !options.create && !existsSync(dataDir)) {
    io.stderr.write(
      `throughrate: no quote store in ${dataDir} (set DATA_DIR, or DATABASE_URL for PostgreSQL)\n`,
    );
    return 1;
  }
  let store: QuoteStore;
  try {
    store = await openQuoteStore({ dataDir, databaseUrl });
  } catch (error) {
    io.stderr.write(
      `throughrate: cannot open the quote store: ${error instanceof Error ? error.message : error}\n`,
    );
    return 1;
  }
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
