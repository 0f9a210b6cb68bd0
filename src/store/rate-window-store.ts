/** Requests counted in fixed windows, per bucket (a key, or a client address), shared by every instance. */
export interface RateWindowStore {
  /** Counts one request of a bucket in the current window of `windowMs`; the count so far and the time left. */
  hit(bucket: string, windowMs: number): Promise<{ hits: number; resetInMs: number }>;
}
