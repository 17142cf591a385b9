import type { Redis } from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
// Class by class (rate-limiter-classes.d.ts says why).
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import RateLimiterRedis from 'rate-limiter-flexible/lib/RateLimiterRedis.js';
import RateLimiterRes from 'rate-limiter-flexible/lib/RateLimiterRes.js';
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
  /** POST and DELETE /holds, on top of `requests`. */
  holds: RateLimit;
  /** A booking looked up, moved or cancelled by its uid, on top of `requests`. */
  manage: RateLimit;
  /** Webhooks, spent before their signature is checked. */
  webhooks: RateLimit;
}

/** What a spent budget answers: its error, given the seconds until a point is free again. */
export type Refusal = (seconds: number) => ProxyError;

/**
 * A budget of `points` a minute, per key: in this process, or shared through Redis with an in-process insurance
 * limiter that takes over while Redis is away (rate-limiter-flexible's insuranceLimiter), so an outage never turns
 * into 5xx. Spending past it throws the refusal.
 */
export function minuteBudget(
  points: number,
  name: string,
  redis: Redis | undefined,
  prefix: string,
  refuse: Refusal,
): (key: string) => Promise<void> {
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
  return async (key) => {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw refuse(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  };
}

/** Per-IP limits: 429 with Retry-After past them. */
export function createRateLimits(config: ProxyConfig, redis: Redis | undefined, prefix: string): RateLimits {
  const tooMany: Refusal = (seconds) =>
    new ProxyError({
      status: 429,
      code: 'rate_limited',
      message: `Too many requests; try again in ${seconds} s.`,
      headers: { 'retry-after': String(seconds) },
    });
  const limit = (points: number, name: string): RateLimit => ({
    spend: minuteBudget(points, name, redis, prefix, tooMany),
  });
  const { requestsPerMinute, bookingsPerMinute, holdsPerMinute, managePerMinute, webhooksPerMinute } = config.rateLimit;
  return {
    requests: limit(requestsPerMinute, 'requests'),
    bookings: limit(bookingsPerMinute, 'bookings'),
    holds: limit(holdsPerMinute, 'holds'),
    manage: limit(managePerMinute, 'manage'),
    webhooks: limit(webhooksPerMinute, 'webhooks'),
  };
}
