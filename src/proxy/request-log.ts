import { createMiddleware } from 'hono/factory';
import type { ProxyEnv } from './context.js';
import type { CacheState } from './slot-cache.js';

/** One JSON log line per request: no query values, no IPs, no bodies, never the key. */
export interface RequestLog {
  time: string;
  level: 'info' | 'warn' | 'error';
  method: string;
  route: string;
  status: number;
  durationMs: number;
  cache?: CacheState;
  upstreamCalls: number;
  error?: string;
}

/** Counts what each request cost upstream (routes add to `stats`) and writes its log line once it is answered. */
export function requestLog(log: (line: RequestLog) => void, now: () => number) {
  return createMiddleware<ProxyEnv>(async (c, next) => {
    const started = performance.now();
    const stats: ProxyEnv['Variables']['stats'] = { upstreamCalls: 0 };
    c.set('stats', stats);
    await next();
    const { status, headers } = c.res;
    const error = status >= 400 ? (headers.get('x-error-code') ?? undefined) : undefined;
    log(logLine(now(), { method: c.req.method, route: c.req.routePath, status, started, stats, error }));
  });
}

/** A request as its log line tells it: `started` is its performance.now() on arrival. */
export interface AnsweredRequest {
  method: string;
  route: string;
  status: number;
  started: number;
  stats: ProxyEnv['Variables']['stats'];
  /** The error code of a 4xx or 5xx. */
  error?: string;
}

export function logLine(now: number, { method, route, status, started, stats, error }: AnsweredRequest): RequestLog {
  return {
    time: new Date(now).toISOString(),
    level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
    method,
    route,
    status,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    ...(stats.cache ? { cache: stats.cache } : {}),
    upstreamCalls: stats.upstreamCalls,
    ...(status >= 400 ? { error } : {}),
  };
}
