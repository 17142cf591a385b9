import type { RecordStore } from './record-store.js';
import type { RedisGuard } from './redis-guard.js';
import type { SlotStore, StoredSlots } from './slot-store.js';

/** Slot answers in Redis while it answers, in memory while it does not; invalidations it missed reach it later. */
export class FallbackSlotStore implements SlotStore {
  /** Tags invalidated while Redis was away: replayed on its return, so it serves no week a booking made stale. */
  readonly #missed = new Set<string>();

  constructor(
    private readonly guard: RedisGuard,
    private readonly redis: SlotStore,
    private readonly memory: SlotStore,
  ) {
    guard.onRecovery(async () => {
      if (this.#missed.size === 0) return;
      await this.redis.invalidate([...this.#missed]);
      this.#missed.clear();
    });
  }

  get(key: string): Promise<StoredSlots | undefined> {
    return this.guard.run(
      () => this.redis.get(key),
      () => this.memory.get(key),
    );
  }

  set(key: string, entry: StoredSlots): Promise<void> {
    return this.guard.run(
      () => this.redis.set(key, entry),
      () => this.memory.set(key, entry),
    );
  }

  async invalidate(tags: readonly string[]): Promise<number> {
    // Memory may hold answers from an outage, whatever Redis's state now.
    const dropped = await this.memory.invalidate(tags);
    return this.guard.run(
      () => this.redis.invalidate(tags).then((n) => n + dropped),
      () => {
        if (this.#missed.size < 10_000) tags.forEach((tag) => this.#missed.add(tag));
        return Promise.resolve(dropped);
      },
    );
  }

  version(tags: readonly string[]): Promise<number> {
    return this.guard.run(
      () => this.redis.version(tags),
      () => this.memory.version(tags),
    );
  }

  /** While Redis is away each instance loads for itself (its own misses still share one load). */
  lock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const free = () => Promise.resolve(() => Promise.resolve());
    return this.guard.run(() => this.redis.lock?.(key, ttlMs) ?? free(), free);
  }

  async close(): Promise<void> {
    await Promise.all([this.redis.close(), this.memory.close()]);
  }
}

/** Records in Redis while it answers, in memory while it does not. */
export class FallbackRecordStore implements RecordStore {
  constructor(
    private readonly guard: RedisGuard,
    private readonly redis: RecordStore,
    private readonly memory: RecordStore,
  ) {}

  // A record written to memory during an outage still counts once Redis is back: a key never books twice.
  async get<T>(key: string): Promise<T | undefined> {
    return (
      (await this.guard.run(
        () => this.redis.get<T>(key),
        () => Promise.resolve(undefined),
      )) ?? this.memory.get<T>(key)
    );
  }

  async claim(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    if ((await this.memory.get(key)) !== undefined) return false;
    return this.guard.run(
      () => this.redis.claim(key, value, ttlMs),
      () => this.memory.claim(key, value, ttlMs),
    );
  }

  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    return this.guard.run(
      () => this.redis.set(key, value, ttlMs),
      () => this.memory.set(key, value, ttlMs),
    );
  }

  delete(key: string): Promise<void> {
    return this.guard.run(
      () => this.redis.delete(key),
      () => this.memory.delete(key),
    );
  }
}
