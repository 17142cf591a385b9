import { LRUCache } from 'lru-cache';

/** One cached slots answer: fresh until `freshUntil`, still good enough for stale-if-error until `staleUntil`. */
export interface StoredSlots {
  slots: string[];
  freshUntil: number;
  staleUntil: number;
  tags: string[];
}

/**
 * Where slot answers live: in this process (MemorySlotStore) or shared by several instances (RedisSlotStore).
 * Invalidation is by tag (event type, service, staff) and bumps the tags' version, so that a load that began
 * before it is never stored afterwards, on any instance.
 */
export interface SlotStore {
  get(key: string): Promise<StoredSlots | undefined>;
  set(key: string, entry: StoredSlots): Promise<void>;
  /** Drops every entry carrying one of the tags and bumps their version; returns how many were dropped. */
  invalidate(tags: readonly string[]): Promise<number>;
  /** The highest version among the tags: it changes whenever one of them is invalidated. */
  version(tags: readonly string[]): Promise<number>;
  /**
   * Stores shared by several instances: takes the key's load lock for `ttlMs`, returning its release, or undefined
   * while another instance holds it (that one's answer will be in the store).
   */
  lock?(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined>;
  /**
   * Stores in this process: whether `entry` (from get) is still the key's answer, known at once. A shared store has
   * none, since another instance may replace or drop the entry at any moment.
   */
  isCurrent?(key: string, entry: StoredSlots): boolean;
  close(): Promise<void>;
}

export class MemorySlotStore implements SlotStore {
  private readonly lru: LRUCache<string, StoredSlots>;
  private readonly versions = new Map<string, number>();
  private sequence = 0;

  constructor(
    private readonly now: () => number,
    max = 5_000,
  ) {
    // Entries are few and small (a week of instants); the bound keeps memory flat under many distinct keys.
    this.lru = new LRUCache({ max });
  }

  get(key: string): Promise<StoredSlots | undefined> {
    const entry = this.lru.get(key);
    if (entry && entry.staleUntil <= this.now()) {
      this.lru.delete(key);
      return Promise.resolve(undefined);
    }
    return Promise.resolve(entry);
  }

  set(key: string, entry: StoredSlots): Promise<void> {
    this.lru.set(key, entry);
    return Promise.resolve();
  }

  isCurrent(key: string, entry: StoredSlots): boolean {
    return this.lru.get(key) === entry;
  }

  invalidate(tags: readonly string[]): Promise<number> {
    const wanted = new Set(tags);
    this.sequence++;
    for (const tag of tags) this.versions.set(tag, this.sequence);
    let dropped = 0;
    for (const [key, entry] of this.lru.entries()) {
      if (entry.tags.some((t) => wanted.has(t))) {
        this.lru.delete(key);
        dropped++;
      }
    }
    return Promise.resolve(dropped);
  }

  version(tags: readonly string[]): Promise<number> {
    return Promise.resolve(Math.max(0, ...tags.map((t) => this.versions.get(t) ?? 0)));
  }

  get size(): number {
    return this.lru.size;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
