import type { RateWindowStore } from './rate-window-store.js';
import type { SqlDatabase } from './sql-database.js';

/**
 * Fixed windows in a table, on the database's clock so that instances whose clocks differ agree on the window. One
 * upsert per request; once per window each instance deletes the windows that have ended.
 */
export class SqlRateWindowStore implements RateWindowStore {
  private swept = -1;

  constructor(private readonly db: SqlDatabase) {}

  async hit(bucket: string, windowMs: number): Promise<{ hits: number; resetInMs: number }> {
    const [row] = await this.db.query<{ hits: number; reset_in_ms: number }>(
      `WITH current_window AS (
         SELECT to_timestamp(floor(extract(epoch FROM clock_timestamp()) * 1000 / $2::integer) * $2::integer / 1000.0)
           AS start
       )
       INSERT INTO rate_limit_windows (bucket, window_start, hits)
       SELECT $1, start, 1 FROM current_window
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_windows.hits + 1
       RETURNING hits,
         greatest(0, ceil(extract(epoch FROM window_start) * 1000 + $2::integer
           - extract(epoch FROM clock_timestamp()) * 1000))::integer AS reset_in_ms`,
      [bucket, windowMs],
    );
    if (!row) throw new Error('the rate-limit window was not counted');
    this.sweep(windowMs);
    return { hits: row.hits, resetInMs: row.reset_in_ms };
  }

  /** Deletes ended windows at most once per window, without holding up the request that triggers it. */
  private sweep(windowMs: number): void {
    const index = Math.floor(Date.now() / windowMs);
    if (index === this.swept) return;
    this.swept = index;
    this.db
      .query(
        `DELETE FROM rate_limit_windows WHERE window_start < clock_timestamp() - $1::integer * interval '1 millisecond'`,
        [windowMs],
      )
      .catch(() => {
        // Another sweep will follow in the next window; counting is unaffected.
      });
  }
}
