import type { ApiKeyRecord } from '../../store/api-key.js';

interface Entry {
  readonly until: number;
  readonly record: Promise<ApiKeyRecord | undefined>;
}

/**
 * Key records by id, kept for a short time so that a request with a key costs a map lookup and a hash, not a query.
 * Bounded (the oldest entry goes first); unknown ids are kept too, so that a stream of made-up keys does not reach
 * the database on every request. A key revoked elsewhere stops working within `ttlMs`; revoked through this cache,
 * at once. Concurrent requests for one id share one query.
 */
export class KeyCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly load: (id: string) => Promise<ApiKeyRecord | undefined>,
    readonly ttlMs = 10_000,
    private readonly maxEntries = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  get(id: string): Promise<ApiKeyRecord | undefined> {
    const now = this.clock();
    const cached = this.entries.get(id);
    if (cached && cached.until > now) return cached.record;
    if (cached) this.entries.delete(id);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    const record = this.load(id);
    this.entries.set(id, { until: now + this.ttlMs, record });
    // A failed lookup is not kept: the next request asks again.
    record.catch(() => {
      if (this.entries.get(id)?.record === record) this.entries.delete(id);
    });
    return record;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
