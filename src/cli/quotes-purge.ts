import { parseArgs } from 'node:util';
import { DEFAULT_QUOTE_RETENTION_DAYS } from '../config.js';
import { purgeExpiredQuotes } from '../store/quote-retention.js';
import { type CliIo, today, UsageError } from './io.js';
import { withStore } from './with-store.js';

/**
 * `throughrate quotes purge [--days N]`: deletes the quotes whose validity ended more than N days ago (default
 * QUOTE_RETENTION_DAYS, else five years), as the service does daily.
 */
export async function quotesPurge(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { days: { type: 'string' } }, strict: true });
  const text = values.days ?? io.env.QUOTE_RETENTION_DAYS ?? String(DEFAULT_QUOTE_RETENTION_DAYS);
  const days = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(days) || days < 1) {
    throw new UsageError(`retention ${text}: expected a whole number of days, at least 1`);
  }
  return withStore(io, async (store) => {
    const purged = await purgeExpiredQuotes(store, today(io), days);
    io.stdout.write(`purged ${purged} quotes whose validity ended more than ${days} days ago\n`);
    return 0;
  });
}
