import { LRUCache } from 'lru-cache';

interface Entry {
  tags: readonly string[];
  slots: string[];
}

/**
 * Cached slot lists per upstream query, with identical concurrent misses sharing one load.
 * Entries carry tags (their event type, service and staff member) so that a booking or a webhook can drop just
 * the answers it made stale.
 */
export class SlotCache {
  private readonly lru: LRUCache<string, Entry>;
  private readonly loading = new Map<string, { promise: Promise<string[]>; tags: readonly string[] }>();

  constructor(
    readonly ttlMs: number,
    max = 5_000,
  ) {
    this.lru = new LRUCache({ max, ttl: Math.max(ttlMs, 1), ttlAutopurge: false });
  }

  /** The cached slots and how long they stay fresh, or the loaded ones after a shared miss. */
  async get(key: string, tags: readonly string[], load: () => Promise<string[]>): Promise<{ slots: string[]; hit: boolean; ttlMs: number }> {
    const cached = this.ttlMs > 0 ? this.lru.get(key) : undefined;
    if (cached) return { slots: cached.slots, hit: true, ttlMs: this.lru.getRemainingTTL(key) };
    let pending = this.loading.get(key);
    if (!pending) {
      const promise: Promise<string[]> = load()
        .then((slots) => {
          // A load that was invalidated while in flight answers its callers but is not kept.
          if (this.ttlMs > 0 && this.loading.get(key)?.promise === promise) this.lru.set(key, { tags, slots });
          return slots;
        })
        .finally(() => {
          if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
        });
      pending = { promise, tags };
      this.loading.set(key, pending);
    }
    return { slots: await pending.promise, hit: false, ttlMs: this.ttlMs };
  }

  /** Drops the cached answers, and forgets the loads in flight, that carry any of these tags. */
  invalidate(...tags: string[]): number {
    const wanted = new Set(tags);
    let dropped = 0;
    for (const [key, entry] of this.lru.entries()) {
      if (entry.tags.some((t) => wanted.has(t))) {
        this.lru.delete(key);
        dropped++;
      }
    }
    for (const [key, load] of this.loading) if (load.tags.some((t) => wanted.has(t))) this.loading.delete(key);
    return dropped;
  }

  get size(): number {
    return this.lru.size;
  }
}
