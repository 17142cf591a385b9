import type { Redis, RedisOptions } from 'ioredis';

/**
 * What a proxy's Redis client needs so that a Redis outage costs milliseconds, not requests: commands time out,
 * nothing queues while disconnected, and the client keeps reconnecting in the background.
 */
export const REDIS_CLIENT_OPTIONS = {
  commandTimeout: 500,
  connectTimeout: 2_000,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  retryStrategy: (attempt: number) => Math.min(attempt * 200, 2_000),
} satisfies RedisOptions;

/**
 * Redis as an accelerator, never a single point of failure: each operation runs on Redis while it answers and on
 * the in-process fallback while it does not. After a failure Redis is left alone for `restMs`, so that an outage
 * costs one command timeout, not one per request; it is used again by itself once the client is ready.
 */
export class RedisGuard {
  #restUntil = 0;
  #missed = false;
  readonly #recoveries: (() => Promise<unknown>)[] = [];

  constructor(
    readonly redis: Redis,
    private readonly now: () => number,
    private readonly restMs = 1_000,
  ) {
    // Without a listener ioredis reports every failed reconnection as an unhandled error event.
    redis.on('error', () => this.#fail());
  }

  /** Whether operations go to Redis now. */
  get up(): boolean {
    return this.redis.status === 'ready' && this.now() >= this.#restUntil;
  }

  /** Runs `work` once Redis is back, before anything else goes to it (e.g. invalidations it missed). */
  onRecovery(work: () => Promise<unknown>): void {
    this.#recoveries.push(work);
  }

  async run<T>(onRedis: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (!this.up) {
      this.#missed = true;
      return fallback();
    }
    try {
      if (this.#missed) {
        this.#missed = false;
        for (const work of this.#recoveries) await work();
      }
      return await onRedis();
    } catch {
      this.#fail();
      return fallback();
    }
  }

  #fail(): void {
    this.#missed = true;
    this.#restUntil = this.now() + this.restMs;
  }
}
