import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.js';
import { MAX_BOOKING_BODY_BYTES, bookingTags, parseBookingRequest, publicBooking } from './bookings-route.js';
import { CalcomClient, isSlotGone, type UpstreamStats } from './calcom-client.js';
import { publicCatalog } from './catalog.js';
import type { ProxyConfig } from './config.js';
import { ProxyError } from './errors.js';
import { RedisSlotStore } from './redis-store.js';
import { Circuit } from './resilience.js';
import { SlotCache, type CacheState } from './slot-cache.js';
import { MemorySlotStore } from './slot-store.js';
import { parseSlotsRequest, type SlotsRequest } from './slots-route.js';
import { INVALIDATING_TRIGGERS, parseWebhook, verifySignature, webhookTags } from './webhooks.js';

export const DEFAULT_CALCOM_BASE_URL = 'https://api.cal.com/v2';
const SANDBOX_BASE_URL = 'https://sandbox.cal.invalid/v2';
const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

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

export interface ProxyOptions {
  config: ProxyConfig;
  /** The Cal.com API key. Without one (and without `upstream`) the proxy talks to the built-in sandbox. */
  apiKey?: string;
  /** Where Cal.com requests go instead of the network (tests, a custom sandbox). */
  upstream?: (request: Request) => Promise<Response>;
  /** Path the proxy is mounted under, e.g. `/booking-api`. */
  basePath?: string;
  /** A connected ioredis client: shared slot cache, rate limits and invalidation for several instances. */
  redis?: Redis;
  /** Where log lines go (default: one JSON line on stdout). */
  log?: (line: RequestLog) => void;
  now?: () => number;
  /** For tests of retries: how to wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** What the runtime knows about the connection; the Node server fills it in, an edge worker can too. */
export interface ConnectionInfo {
  clientIp?: string;
}

export interface BookingProxy {
  /** A web-standard fetch handler: Node, serverless and edge runtimes can all call it. */
  fetch(request: Request, info?: ConnectionInfo): Promise<Response>;
  readonly mode: 'sandbox' | 'calcom';
  /** The simulator, when the proxy runs on it. */
  readonly sandbox?: Sandbox;
  readonly cache: SlotCache;
  readonly circuit: Circuit;
  close(): Promise<void>;
}

type Env = { Bindings: ConnectionInfo; Variables: { stats: UpstreamStats & { cache?: CacheState } } };

/** Refuses a body over `maxSize` bytes with a JSON 413, before it is read in full. */
function limitBody(maxSize: number, what: string) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ProxyError(413, 'body_too_large', `${what} may be at most ${maxSize} bytes.`, { field: 'body' });
    },
  });
}

export function createProxy(options: ProxyOptions): BookingProxy {
  const { config } = options;
  const now = options.now ?? Date.now;
  const sandbox = !options.apiKey && !options.upstream ? createSandbox({ now }) : undefined;
  const mode = sandbox ? 'sandbox' : 'calcom';
  const upstream = config.upstream;
  const circuit = new Circuit(upstream.circuitFailures, upstream.circuitOpenSeconds * 1000, now);
  const calcom = new CalcomClient({
    baseUrl: sandbox ? SANDBOX_BASE_URL : (config.calcom.baseUrl ?? DEFAULT_CALCOM_BASE_URL),
    apiKey: options.apiKey,
    fetch: sandbox?.fetch ?? options.upstream ?? ((request) => fetch(request)),
    timeoutMs: config.calcom.timeoutMs ?? 10_000,
    retry: { retries: upstream.retries, baseDelayMs: upstream.retryBaseDelayMs, maxDelayMs: upstream.retryMaxDelayMs, sleep: options.sleep },
    circuit,
  });
  const prefix = config.redis?.keyPrefix ?? 'booking-flow:';
  const store = options.redis ? new RedisSlotStore(options.redis, prefix, now) : new MemorySlotStore(now);
  const cache = new SlotCache(store, config.cacheTtlSeconds * 1000, upstream.staleIfErrorSeconds * 1000, now);
  const limiter = (points: number, name: string): RateLimiterAbstract =>
    options.redis
      ? new RateLimiterRedis({ storeClient: options.redis, keyPrefix: `${prefix}rl:${name}`, points, duration: 60 })
      : new RateLimiterMemory({ keyPrefix: name, points, duration: 60 });
  const requestLimiter = limiter(config.rateLimit.requestsPerMinute, 'requests');
  const bookingLimiter = limiter(config.rateLimit.bookingsPerMinute, 'bookings');
  const catalog = publicCatalog(config);
  const allowed = new Set(config.allowedOrigins.map((origin) => new URL(origin).origin));
  const log = options.log ?? ((line: RequestLog) => console.log(JSON.stringify(line)));

  const clientIp = (request: Request, info: ConnectionInfo | undefined): string => {
    if (config.rateLimit.trustProxy) {
      const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
      if (forwarded) return forwarded;
    }
    // Without an IP (a runtime that gives none), every caller shares one budget: safe, if strict.
    return info?.clientIp ?? 'unknown';
  };

  /** Spends one point per request (and one of the tighter booking budget for a booking), or throws a 429. */
  const spend = async (request: Request, info: ConnectionInfo | undefined): Promise<void> => {
    const ip = clientIp(request, info);
    const limiters = request.method === 'POST' ? [requestLimiter, bookingLimiter] : [requestLimiter];
    for (const rl of limiters) {
      try {
        await rl.consume(ip);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new ProxyError(429, 'rate_limited', `Too many requests; try again in ${seconds} s.`, undefined, { 'retry-after': String(seconds) });
      }
    }
  };

  // Popular weeks are asked again and again: a query string that passed validation is not parsed twice.
  const parsedQueries = new LRUCache<string, SlotsRequest>({ max: 2_000 });
  // A cached answer is the same array on every hit: its JSON is written once, not once per request.
  const bodies = new WeakMap<string[], string>();
  const serialized = (response: object, answer: { slots: string[]; state: CacheState }): string => {
    if (answer.state === 'STALE') return JSON.stringify({ ...response, slots: answer.slots, stale: true });
    let body = bodies.get(answer.slots);
    if (body === undefined) bodies.set(answer.slots, (body = JSON.stringify({ ...response, slots: answer.slots })));
    return body;
  };

  const app = new Hono<Env>().basePath(options.basePath ?? '/');

  app.use('*', async (c, next) => {
    const started = performance.now();
    const stats = { upstreamCalls: 0 } as Env['Variables']['stats'];
    c.set('stats', stats);
    await next();
    const status = c.res.status;
    log({
      time: new Date(now()).toISOString(),
      level: status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info',
      method: c.req.method,
      route: c.req.routePath,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(stats.cache ? { cache: stats.cache } : {}),
      upstreamCalls: stats.upstreamCalls,
      ...(status >= 400 ? { error: c.res.headers.get('x-error-code') ?? undefined } : {}),
    });
  });

  // CORS only where a browser sends an Origin: rewriting every response's headers would take Hono off its
  // fast path on Node. Shared caches are told by Vary: Origin on the cacheable answers below.
  const corsHeaders: MiddlewareHandler<Env> = cors({ origin: (origin) => (allowed.has(origin) ? origin : null), allowMethods: ['GET', 'POST'], maxAge: 600 });
  const corsWhenOrigin: MiddlewareHandler<Env> = (c, next) => (c.req.header('origin') ? corsHeaders(c, next) : next());
  app.use('*', corsWhenOrigin);
  const vary: Record<string, string> = allowed.size ? { vary: 'Origin' } : {};

  app.get('/health', (c) => c.json({ status: 'ok', upstream: mode, circuit: circuit.state }));

  // Everything a browser calls is rate limited per client IP; health checks and Cal.com's webhooks are not.
  for (const path of ['/catalog', '/slots', '/bookings']) {
    app.use(path, async (c, next) => {
      await spend(c.req.raw, c.env);
      await next();
    });
  }

  app.get('/catalog', (c) => c.json(catalog, 200, { 'cache-control': 'public, max-age=300', ...vary }));

  app.get('/slots', async (c) => {
    const search = new URL(c.req.url).search;
    let request = parsedQueries.get(search);
    if (!request) parsedQueries.set(search, (request = parseSlotsRequest(new URLSearchParams(search), config)));
    const stats = c.get('stats');
    const answer = await cache.get(request.cacheKey, request.tags, () => calcom.getSlots(request.upstream(), stats));
    stats.cache = answer.state;
    const seconds = Math.max(0, Math.floor(answer.ttlMs / 1000));
    return c.body(serialized(request.response, answer), 200, {
      'content-type': 'application/json',
      // Slot answers hold no personal data, so a CDN may share them for as long as the proxy would.
      'cache-control': answer.state === 'STALE' ? 'no-store' : `public, max-age=${seconds}, s-maxage=${seconds}`,
      'x-cache': answer.state,
      ...vary,
    });
  });

  app.post(
    '/bookings',
    limitBody(MAX_BOOKING_BODY_BYTES, 'The request body'),
    async (c) => {
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        throw new ProxyError(415, 'unsupported_media_type', 'Send the booking as application/json.', { field: 'content-type' });
      }
      const body: unknown = await c.req.json().catch(() => {
        throw new ProxyError(400, 'invalid_json', 'The request body is not valid JSON.', { field: 'body' });
      });
      const request = parseBookingRequest(body, config);
      try {
        const booking = publicBooking(request, await calcom.createBooking(request.upstream, c.get('stats')), config);
        await cache.invalidate(...bookingTags(config, request, booking));
        return c.json({ booking }, 201, { 'cache-control': 'no-store' });
      } catch (error) {
        if (!isSlotGone(error)) throw error;
        // Whatever we cached still offered this time: drop it so the visitor's reload shows the truth.
        await cache.invalidate(...bookingTags(config, request));
        throw new ProxyError(409, 'slot_unavailable', 'This time was just taken. Please choose another time.');
      }
    },
  );

  app.post(
    '/webhooks/calcom',
    limitBody(MAX_WEBHOOK_BODY_BYTES, 'A webhook body'),
    async (c) => {
      if (!config.webhookSecret) throw new ProxyError(404, 'not_found', 'Webhooks are not configured (set webhookSecret).');
      const raw = await c.req.text();
      if (!(await verifySignature(config.webhookSecret, raw, c.req.header('x-cal-signature-256')))) {
        throw new ProxyError(401, 'invalid_signature', 'X-Cal-Signature-256 does not match the body.', { field: 'x-cal-signature-256' });
      }
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        throw new ProxyError(400, 'invalid_json', 'The webhook body is not valid JSON.', { field: 'body' });
      }
      const hook = parseWebhook(json);
      if (!hook) throw new ProxyError(400, 'invalid_request', 'triggerEvent: is required', { field: 'triggerEvent' });
      if (!INVALIDATING_TRIGGERS.has(hook.triggerEvent)) return c.json({ received: true, dropped: 0 });
      const dropped = await cache.invalidate(...webhookTags(config, hook));
      return c.json({ received: true, dropped });
    },
  );

  app.notFound((c) => new ProxyError(404, 'not_found', `No route ${c.req.method} ${new URL(c.req.url).pathname}.`).toResponse());
  app.onError((error) => {
    if (error instanceof ProxyError) return error.toResponse();
    console.error(JSON.stringify({ level: 'error', msg: 'unhandled proxy error', error: error.name }));
    return new ProxyError(500, 'internal_error', 'The booking proxy failed unexpectedly.').toResponse();
  });

  return {
    fetch: async (request, info = {}) => app.fetch(request, info),
    mode,
    sandbox,
    cache,
    circuit,
    close: () => store.close(),
  };
}
