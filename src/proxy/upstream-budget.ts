import type { Redis } from 'ioredis';
import { ProxyError } from './errors.js';
import { minuteBudget } from './rate-limits.js';

/** Spends one call of the proxy's Cal.com budget, or throws 503 upstream_budget_exhausted. */
export type UpstreamBudget = () => Promise<void>;

/**
 * One budget of Cal.com calls per minute for the proxy: per process, or shared by every instance through Redis
 * (while Redis is away each instance keeps to the whole budget on its own, so together they may go over).
 */
export function createUpstreamBudget(perMinute: number, redis: Redis | undefined, prefix: string): UpstreamBudget {
  const spend = minuteBudget(
    perMinute,
    'upstream',
    redis,
    prefix,
    (seconds) =>
      new ProxyError({
        status: 503,
        code: 'upstream_budget_exhausted',
        message: `The proxy has made as many calls to the booking service as it may this minute; try again in ${seconds} s.`,
        headers: { 'retry-after': String(seconds) },
      }),
  );
  return () => spend('calcom');
}
