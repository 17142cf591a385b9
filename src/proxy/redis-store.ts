import type { Redis } from 'ioredis';
import type { SlotStore, StoredSlots } from './slot-store.js';

/** How long a tag's version is remembered: far longer than any load can take. */
const VERSION_MEMORY_MS = 24 * 60 * 60 * 1000;

const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

/**
 * Slot answers in Redis, shared by every proxy instance. Each answer is a JSON string with a TTL; each tag is a
 * set of the keys carrying it, so an invalidation on one instance drops the answers for all of them.
 */
export class RedisSlotStore implements SlotStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number,
  ) {}

  async get(key: string): Promise<StoredSlots | undefined> {
    const raw = await this.redis.get(`${this.prefix}slots:${key}`);
    if (!raw) return undefined;
    try {
      const entry = JSON.parse(raw) as StoredSlots;
      return Array.isArray(entry.slots) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, entry: StoredSlots): Promise<void> {
    const ttl = Math.max(1, entry.staleUntil - this.now());
    const multi = this.redis.multi().set(`${this.prefix}slots:${key}`, JSON.stringify(entry), 'PX', ttl);
    for (const tag of entry.tags)
      multi.sadd(`${this.prefix}tag:${tag}`, key).pexpire(`${this.prefix}tag:${tag}`, ttl, 'GT');
    // A tag set without a TTL yet (GT only extends) gets one.
    for (const tag of entry.tags) multi.pexpire(`${this.prefix}tag:${tag}`, ttl, 'NX');
    await multi.exec();
  }

  async invalidate(tags: readonly string[]): Promise<number> {
    // Bump the versions first: a load finishing from now on, on any instance, will not store its answer.
    const version = await this.redis.incr(`${this.prefix}sequence`);
    const keys = new Set<string>();
    for (const tag of tags) for (const key of await this.redis.smembers(`${this.prefix}tag:${tag}`)) keys.add(key);
    const multi = this.redis.multi();
    for (const tag of tags) {
      multi.set(`${this.prefix}version:${tag}`, String(version), 'PX', VERSION_MEMORY_MS);
      multi.del(`${this.prefix}tag:${tag}`);
    }
    if (keys.size) multi.del(...[...keys].map((key) => `${this.prefix}slots:${key}`));
    const results = await multi.exec();
    const deleted = keys.size ? results?.at(-1)?.[1] : 0;
    return typeof deleted === 'number' ? deleted : 0;
  }

  async version(tags: readonly string[]): Promise<number> {
    if (tags.length === 0) return 0;
    const values = await this.redis.mget(...tags.map((t) => `${this.prefix}version:${t}`));
    return Math.max(0, ...values.map((v) => Number(v ?? 0)));
  }

  async lock(key: string, ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const name = `${this.prefix}lock:${key}`;
    const token = crypto.randomUUID();
    if ((await this.redis.set(name, token, 'PX', ttlMs, 'NX')) !== 'OK') return undefined;
    // Released only by its holder: a lock that expired and was taken by another instance stays theirs.
    return async () => {
      await this.redis.eval(RELEASE, 1, name, token);
    };
  }

  async close(): Promise<void> {
    // QUIT needs a connection; without one (Redis away) there is nothing to say goodbye to.
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
  }
}
