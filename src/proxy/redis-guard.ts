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
    private readonly restMs = 1_000,
    /** The longest one operation may take, whatever the client's own timeouts (a transaction has none of its own). */
    private readonly timeoutMs = 600,
  ) {
    // Without a listener ioredis reports every failed reconnection as an unhandled error event.
    redis.on('error', () => this.#fail());
  }

  /** Whether operations go to Redis now. */
  get up(): boolean {
    return this.redis.status === 'ready' && performance.now() >= this.#restUntil;
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
        for (const work of this.#recoveries) await this.#bounded(work());
      }
      return await this.#bounded(onRedis());
    } catch {
      this.#fail();
      return fallback();
    }
  }

  #bounded<T>(operation: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), this.timeoutMs);
    });
    return Promise.race([operation, late]).finally(() => clearTimeout(timer));
  }

  #fail(): void {
    this.#missed = true;
    // Real time, not the proxy's clock (which tests freeze): this is about the connection, not about bookings.
    this.#restUntil = performance.now() + this.restMs;
  }
}
