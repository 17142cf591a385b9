import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { UpstreamStats } from './calcom-client.js';
import type { RateLimit } from './rate-limits.js';
import type { ProxyServices } from './services.js';
import type { CacheState } from './slot-cache.js';

/** What the runtime knows about the connection; the Node server fills it in, an edge worker can too. */
export interface ConnectionInfo {
  clientIp?: string;
}

/** The Hono environment of every proxy route: the connection, and what the request cost upstream for its log. */
export type ProxyEnv = { Bindings: ConnectionInfo; Variables: { stats: UpstreamStats & { cache?: CacheState } } };

/** The address a request's budgets count against (see ProxyServices.clientIp). */
export const callerIp = (services: ProxyServices, c: Context<ProxyEnv>): string =>
  services.clientIp(() => c.req.header('x-forwarded-for') ?? null, c.env?.clientIp);

/** Spends one point of each budget for the caller's IP before the route runs, or answers 429. */
export function rateLimited(services: ProxyServices, ...limits: RateLimit[]) {
  return createMiddleware<ProxyEnv>(async (c, next) => {
    const ip = callerIp(services, c);
    for (const limit of limits) await limit.spend(ip);
    await next();
  });
}
