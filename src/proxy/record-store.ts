import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * Small JSON records with a lifetime: the outcome of each Idempotency-Key and each webhook delivery already seen.
 * In this process (MemoryRecordStore) or shared by every instance (RedisRecordStore).
 */
export interface RecordStore {
  get<T>(key: string): Promise<T | undefined>;
  /** Stores the record only when the key holds none; true when this call stored it. */
  claim(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

export class MemoryRecordStore implements RecordStore {
  // Bounded: keys come from the outside. A full store forgets the oldest records first.
  readonly #lru = new LRUCache<string, string>({ max: 50_000, ttl: 1, ttlAutopurge: false });

  get<T>(key: string): Promise<T | undefined> {
    const raw = this.#lru.get(key);
    return Promise.resolve(raw === undefined ? undefined : (JSON.parse(raw) as T));
  }

  claim(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    if (this.#lru.has(key)) return Promise.resolve(false);
    this.#lru.set(key, JSON.stringify(value), { ttl: ttlMs });
    return Promise.resolve(true);
  }

  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    this.#lru.set(key, JSON.stringify(value), { ttl: ttlMs });
    return Promise.resolve();
  }

  delete(key: string): Promise<void> {
    this.#lru.delete(key);
    return Promise.resolve();
  }
}

export class RedisRecordStore implements RecordStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(this.prefix + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async claim(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.prefix + key, JSON.stringify(value), 'PX', ttlMs, 'NX')) === 'OK';
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'PX', ttlMs);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
