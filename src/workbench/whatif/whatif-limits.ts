/** The what-if thread's limits and what it tells of its jobs: apart from the thread, so that importing them loads nothing else. */

/** How many what-ifs may wait, how long one may run, how much memory the thread may take. */
export interface WhatIfLimits {
  /** Jobs accepted at once, the one running included; one more is refused (WHATIF_BUSY). */
  readonly queueLimit: number;
  /** A job running longer is stopped (WHATIF_TIMEOUT). */
  readonly timeoutMs: number;
  /** The thread's heap; a job that needs more is stopped (WHATIF_UNAVAILABLE) and the thread started again. */
  readonly memoryMb: number;
}

export const DEFAULT_WHATIF_LIMITS: WhatIfLimits = { queueLimit: 4, timeoutMs: 120_000, memoryMb: 512 };

/** How a job ended, for the metrics. */
export type WhatIfOutcome = 'done' | 'refused' | 'failed' | 'timeout' | 'cancelled' | 'out-of-memory';

/** Told of every change of the queue and of every job's end (metrics, logs). */
export interface WhatIfObserver {
  queueLength(jobs: number): void;
  finished(outcome: WhatIfOutcome, seconds: number): void;
}
