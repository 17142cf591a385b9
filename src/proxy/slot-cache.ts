import { ProxyError } from './errors.js';
import type { SlotStore } from './slot-store.js';

export type CacheState = 'HIT' | 'MISS' | 'STALE';

export interface CachedAnswer {
  slots: string[];
  state: CacheState;
  /** How long the answer stays fresh (0 for a stale one). */
  ttlMs: number;
}

/**
 * Slot answers over a store, with identical concurrent misses on this instance sharing one load, and
 * stale-if-error: when Cal.com fails, the last good answer is served (marked stale) within its grace period.
 */
export class SlotCache {
  private readonly loading = new Map<string, { promise: Promise<string[]>; tags: readonly string[] }>();

  constructor(
    readonly store: SlotStore,
    readonly ttlMs: number,
    private readonly staleMs: number,
    private readonly now: () => number,
  ) {}

  async get(key: string, tags: readonly string[], load: () => Promise<string[]>): Promise<CachedAnswer> {
    const entry = await this.store.get(key);
    if (entry && this.now() < entry.freshUntil)
      return { slots: entry.slots, state: 'HIT', ttlMs: entry.freshUntil - this.now() };
    try {
      return { slots: await this.load(key, tags, load), state: 'MISS', ttlMs: this.ttlMs };
    } catch (error) {
      if (entry && this.now() < entry.staleUntil && isUpstreamFailure(error))
        return { slots: entry.slots, state: 'STALE', ttlMs: 0 };
      throw error;
    }
  }

  /** Drops the answers carrying any of the tags, here and (through the store) on every instance. */
  async invalidate(...tags: string[]): Promise<number> {
    for (const [key, load] of this.loading) if (load.tags.some((t) => tags.includes(t))) this.loading.delete(key);
    return this.store.invalidate(tags);
  }

  private load(key: string, tags: readonly string[], load: () => Promise<string[]>): Promise<string[]> {
    const pending = this.loading.get(key);
    if (pending) return pending.promise;
    const promise = (async () => {
      const before = await this.store.version(tags);
      const slots = await load();
      // A load that an invalidation overtook answers its callers but is not kept.
      if (this.ttlMs > 0 && (await this.store.version(tags)) === before) {
        const now = this.now();
        await this.store.set(key, {
          slots,
          tags: [...tags],
          freshUntil: now + this.ttlMs,
          staleUntil: now + this.ttlMs + this.staleMs,
        });
      }
      return slots;
    })().finally(() => {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
    });
    this.loading.set(key, { promise, tags });
    return promise;
  }
}

function isUpstreamFailure(error: unknown): boolean {
  return error instanceof ProxyError && error.status >= 500;
}
