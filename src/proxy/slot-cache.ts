import { ProxyError } from './errors.js';
import type { SlotStore, StoredSlots } from './slot-store.js';

export type CacheState = 'HIT' | 'MISS' | 'STALE';

export interface CachedAnswer {
  slots: string[];
  state: CacheState;
  /** How long the answer stays fresh (0 for a stale one). */
  ttlMs: number;
  /** On a hit: the stored entry it came from. */
  entry?: StoredSlots;
}

export interface SlotCacheOptions {
  ttlMs: number;
  staleMs: number;
  now: () => number;
  /** How long one instance's load may hold the key in a shared store while the others wait for its answer. */
  lockMs?: number;
  /** How often a waiting instance looks for that answer. */
  pollMs?: number;
}

/**
 * Slot answers over a store, with identical concurrent misses sharing one load: on this instance by a promise,
 * across instances by the shared store's lock (the others read the answer it stores). Stale-if-error: when Cal.com
 * fails, the last good answer is served (marked stale) within its grace period.
 */
export class SlotCache {
  private readonly loading = new Map<string, { promise: Promise<string[]>; tags: readonly string[] }>();
  readonly ttlMs: number;
  private readonly staleMs: number;
  private readonly now: () => number;
  private readonly lockMs: number;
  private readonly pollMs: number;

  constructor(
    readonly store: SlotStore,
    options: SlotCacheOptions,
  ) {
    this.ttlMs = options.ttlMs;
    this.staleMs = options.staleMs;
    this.now = options.now;
    this.lockMs = options.lockMs ?? 15_000;
    this.pollMs = options.pollMs ?? 20;
  }

  /** `changed` runs when a load finds other times than the answer it replaces. */
  async get(
    key: string,
    tags: readonly string[],
    load: () => Promise<string[]>,
    changed?: () => void,
  ): Promise<CachedAnswer> {
    const entry = await this.store.get(key);
    if (entry && this.now() < entry.freshUntil)
      return { slots: entry.slots, state: 'HIT', ttlMs: entry.freshUntil - this.now(), entry };
    try {
      const slots = await this.load(key, tags, async () => {
        const slots = await load();
        if (entry && changed && !sameSlots(entry.slots, slots)) changed();
        return slots;
      });
      return { slots, state: 'MISS', ttlMs: this.ttlMs };
    } catch (error) {
      if (entry && this.now() < entry.staleUntil && isUpstreamFailure(error))
        return { slots: entry.slots, state: 'STALE', ttlMs: 0 };
      throw error;
    }
  }

  /** Whether this process's store can tell at once that an entry is still its answer (a shared one cannot). */
  get knowsCurrent(): boolean {
    return this.store.isCurrent !== undefined;
  }

  /** Whether a hit's `entry` is still the fresh answer for `key`, known without waiting (false when it cannot be). */
  isFresh(key: string, entry: StoredSlots): boolean {
    return this.store.isCurrent?.(key, entry) === true && this.now() < entry.freshUntil;
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
      const lock = await this.lockOrAnswer(key);
      if ('slots' in lock) return lock.slots;
      try {
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
      } finally {
        await lock.release().catch(() => undefined);
      }
    })().finally(() => {
      if (this.loading.get(key)?.promise === promise) this.loading.delete(key);
    });
    this.loading.set(key, { promise, tags });
    return promise;
  }

  /**
   * The key's load lock, or the answer another instance stored while holding it. A holder that fails stores
   * nothing and lets go (or its lock expires): a waiter then takes the lock and loads itself.
   */
  private async lockOrAnswer(key: string): Promise<{ release: () => Promise<void> } | StoredSlots> {
    const { store } = this;
    const none = { release: () => Promise.resolve() };
    if (!store.lock || this.ttlMs === 0) return none;
    // Real time, not the proxy's clock (which tests freeze).
    const deadline = performance.now() + this.lockMs;
    for (;;) {
      const release = await store.lock(key, this.lockMs);
      // The holder before us may have stored its answer and let go between our last look and this lock.
      const entry = await store.get(key);
      if (entry && this.now() < entry.freshUntil) {
        await release?.().catch(() => undefined);
        return entry;
      }
      if (release) return { release };
      if (performance.now() > deadline) return none;
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
  }
}

function sameSlots(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((slot, i) => slot === b[i]);
}

function isUpstreamFailure(error: unknown): boolean {
  return error instanceof ProxyError && error.status >= 500;
}
