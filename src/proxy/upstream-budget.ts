import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ProxyError } from './errors.js';

/** Spends one call of the proxy's Cal.com budget, or throws 503 upstream_budget_exhausted. */
export type UpstreamBudget = () => Promise<void>;

/**
 * One budget of Cal.com calls per minute for the proxy: per process, or shared by every instance through Redis
 * (with this process's own limiter as insurance while Redis is away, so an outage costs no calls; during one the
 * instances may together go over, each keeping to the whole budget).
 */
export function createUpstreamBudget(perMinute: number, redis: Redis | undefined, prefix: string): UpstreamBudget {
  const memory = new RateLimiterMemory({ keyPrefix: 'upstream', points: perMinute, duration: 60 });
  const limiter: RateLimiterAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${prefix}rl:upstream`,
        points: perMinute,
        duration: 60,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  return async () => {
    try {
      await limiter.consume('calcom');
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new ProxyError({
        status: 503,
        code: 'upstream_budget_exhausted',
        message: `The proxy has made as many calls to the booking service as it may this minute; try again in ${seconds} s.`,
        headers: { 'retry-after': String(seconds) },
      });
    }
  };
}
