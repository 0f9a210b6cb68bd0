import { addDays, type IsoDate } from '../domain/core/dates.js';
import type { QuoteStore } from './quote-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the quotes whose validity ended more than `retentionDays` before `today`: a quote valid until D is kept
 * through D + retentionDays and purged from the day after. Returns how many were deleted.
 */
export function purgeExpiredQuotes(
  store: QuoteStore,
  today: IsoDate,
  retentionDays: number,
): Promise<number> {
  return store.purgeExpiredBefore(addDays(today, -retentionDays));
}

export interface PurgeSchedule {
  readonly store: QuoteStore;
  readonly retentionDays: number;
  readonly now: () => Date;
  /** Told of every purge that ran, and of one that failed. */
  readonly report: (outcome: { purged: number; cutoffDays: number } | { error: unknown }) => void;
  readonly everyMs?: number;
}

/**
 * Purges once now, then once a day, on a timer that does not keep the process alive. Several instances on one
 * database may each run it: a purge deletes only what is already past retention. Returns the stop.
 */
export function schedulePurge(schedule: PurgeSchedule): () => void {
  const run = () =>
    purgeExpiredQuotes(
      schedule.store,
      schedule.now().toISOString().slice(0, 10),
      schedule.retentionDays,
    ).then(
      (purged) => schedule.report({ purged, cutoffDays: schedule.retentionDays }),
      (error: unknown) => schedule.report({ error }),
    );
  void run();
  const timer = setInterval(run, schedule.everyMs ?? DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
