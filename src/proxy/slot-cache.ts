import { LRUCache } from 'lru-cache';

/**
 * Cached slot lists per upstream query, with identical concurrent misses sharing one load.
 * Entries remember their event type so that a booking or webhook can drop just that type's answers.
 */
export class SlotCache {
  private readonly lru: LRUCache<string, { eventTypeKey: string; slots: string[] }>;
  private readonly loading = new Map<string, Promise<string[]>>();

  constructor(
    readonly ttlMs: number,
    max = 5_000,
  ) {
    this.lru = new LRUCache({ max, ttl: Math.max(ttlMs, 1), ttlAutopurge: false });
  }

  /** The cached slots and how long they stay fresh, or the loaded ones after a shared miss. */
  async get(
    key: string,
    eventTypeKey: string,
    load: () => Promise<string[]>,
  ): Promise<{ slots: string[]; hit: boolean; ttlMs: number }> {
    const cached = this.ttlMs > 0 ? this.lru.get(key) : undefined;
    if (cached) return { slots: cached.slots, hit: true, ttlMs: this.lru.getRemainingTTL(key) };
    let pending = this.loading.get(key);
    if (!pending) {
      pending = load()
        .then((slots) => {
          if (this.ttlMs > 0 && this.loading.get(key) === pending) this.lru.set(key, { eventTypeKey, slots });
          return slots;
        })
        .finally(() => {
          if (this.loading.get(key) === pending) this.loading.delete(key);
        });
      this.loading.set(key, pending);
    }
    return { slots: await pending, hit: false, ttlMs: this.ttlMs };
  }

  /** Drops the cached answers (and forgets loads in flight) of one event type. */
  invalidate(eventTypeKey: string): number {
    let dropped = 0;
    for (const [key, entry] of this.lru.entries()) {
      if (entry.eventTypeKey === eventTypeKey) {
        this.lru.delete(key);
        dropped++;
      }
    }
    for (const key of this.loading.keys()) if (key.startsWith(`${eventTypeKey}|`)) this.loading.delete(key);
    return dropped;
  }

  get size(): number {
    return this.lru.size;
  }
}
