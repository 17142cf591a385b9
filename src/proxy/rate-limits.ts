import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ProxyConfig } from './config.js';
import { ProxyError } from './errors.js';

/** A budget of requests per client IP and minute; spending past it throws a 429 with Retry-After. */
export interface RateLimit {
  spend(ip: string): Promise<void>;
}

export interface RateLimits {
  /** Every request a browser makes. */
  requests: RateLimit;
  /** POST /bookings, on top of `requests`. */
  bookings: RateLimit;
  /** Webhooks, spent before their signature is checked. */
  webhooks: RateLimit;
}

/**
 * Per-IP limits in this process, or shared through Redis with an in-process insurance limiter that takes over
 * while Redis is away (rate-limiter-flexible's insuranceLimiter), so an outage never turns into 5xx.
 */
export function createRateLimits(config: ProxyConfig, redis: Redis | undefined, prefix: string): RateLimits {
  const limit = (points: number, name: string): RateLimit => {
    const memory = new RateLimiterMemory({ keyPrefix: name, points, duration: 60 });
    const limiter: RateLimiterAbstract = redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${prefix}rl:${name}`,
          points,
          duration: 60,
          rejectIfRedisNotReady: true,
          insuranceLimiter: memory,
        })
      : memory;
    return {
      async spend(ip) {
        try {
          await limiter.consume(ip);
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          throw new ProxyError({
            status: 429,
            code: 'rate_limited',
            message: `Too many requests; try again in ${seconds} s.`,
            headers: { 'retry-after': String(seconds) },
          });
        }
      },
    };
  };
  const { requestsPerMinute, bookingsPerMinute, webhooksPerMinute } = config.rateLimit;
  return {
    requests: limit(requestsPerMinute, 'requests'),
    bookings: limit(bookingsPerMinute, 'bookings'),
    webhooks: limit(webhooksPerMinute, 'webhooks'),
  };
}
