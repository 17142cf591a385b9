import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { createMiddleware } from 'hono/factory';
import type { Redis } from 'ioredis';
import type { Sandbox } from '../sandbox/sandbox.js';
import { bookingsRoute } from './bookings-route.js';
import { publicCatalog } from './catalog.js';
import type { ProxyConfig } from './config.js';
import { rateLimited, type ConnectionInfo, type ProxyEnv } from './context.js';
import { ProxyError } from './errors.js';
import { eventsRoute } from './events-route.js';
import { HitReplay, type RawRequest, type ReplayedHit } from './hit-replay.js';
import { holdsRoute } from './holds-route.js';
import { manageRoute } from './manage-route.js';
import { SECURITY_HEADERS } from './headers.js';
import type { Circuit } from './resilience.js';
import { createServices, type ProxyServices } from './services.js';
import { requestLog, type RequestLog } from './request-log.js';
import type { SlotCache } from './slot-cache.js';
import { sandboxRoute } from './sandbox-route.js';
import { slotsRoute } from './slots-route.js';
import { webhooksRoute } from './webhooks-route.js';

export { DEFAULT_CALCOM_BASE_URL } from './services.js';
export type { ConnectionInfo } from './context.js';
export type { RawRequest, ReplayedHit } from './hit-replay.js';

export type { RequestLog } from './request-log.js';

export interface ProxyOptions {
  config: ProxyConfig;
  /** The Cal.com API key: the proxy calls Cal.com with it. */
  apiKey?: string;
  /**
   * Where Cal.com requests go instead: `'sandbox'`, the built-in Cal.com simulator (what the CLI picks when no
   * key is set), or a fetch function (tests, a simulator of your own). One of `apiKey` and `upstream` is needed.
   */
  upstream?: 'sandbox' | ((request: Request) => Promise<Response>);
  /** Path the proxy is mounted under, e.g. `/booking-api`. */
  basePath?: string;
  /**
   * An ioredis client (made with REDIS_CLIENT_OPTIONS): shared slot cache, rate limits, idempotency and
   * invalidation for several instances. While it does not answer, each falls back to this process.
   */
  redis?: Redis;
  /** Where log lines go (default: one JSON line on stdout). */
  log?: (line: RequestLog) => void;
  now?: () => number;
  /** For tests of retries: how to wait. */
  sleep?: (ms: number) => Promise<void>;
}

/** GET /health: ok, or degraded with the reasons (the proxy still answers, from memory or stale answers). */
export interface Health {
  status: 'ok' | 'degraded';
  upstream: 'sandbox' | 'calcom';
  circuit: 'closed' | 'open' | 'half-open';
  redis?: 'up' | 'down';
  reasons: ('circuit_open' | 'redis_down')[];
}

export interface BookingProxy {
  /** A web-standard fetch handler: Node, serverless and edge runtimes can all call it. */
  fetch(request: Request, info?: ConnectionInfo): Promise<Response>;
  /**
   * For servers that can write an answer without building a web Request and Response (the Node server does): a
   * cached /slots hit answered as `fetch` last answered the same request, or undefined (at once when there is
   * none). Call `fetch` when it gives undefined.
   */
  replay(request: RawRequest): Promise<ReplayedHit | undefined> | undefined;
  readonly mode: 'sandbox' | 'calcom';
  /** The simulator, when the proxy runs on it. */
  readonly sandbox?: Sandbox;
  readonly cache: SlotCache;
  readonly circuit: Circuit;
  health(): Health;
  close(): Promise<void>;
}

export function createProxy(options: ProxyOptions): BookingProxy {
  const services = createServices(options);
  const { config, now } = services;
  const catalog = publicCatalog(config);
  const allowed = new Set(config.allowedOrigins);
  const log = options.log ?? ((line: RequestLog) => console.log(JSON.stringify(line)));
  const health = () => healthOf(services);
  const replay = new HitReplay({
    cache: services.cache,
    requests: services.limits.requests,
    clientIp: services.clientIp,
    log,
    now,
  });

  const app = new Hono<ProxyEnv>().basePath(options.basePath ?? '/');

  app.use('*', requestLog(log, now));

  // CORS only where a browser sends an Origin: rewriting every response's headers would take Hono off its
  // fast path on Node. Origins were checked at start to be http(s) origins, so "null" is never allowed.
  const corsHeaders: MiddlewareHandler<ProxyEnv> = cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowHeaders: ['content-type', 'idempotency-key'],
    maxAge: 600,
  });
  app.use(
    '*',
    createMiddleware<ProxyEnv>((c, next) => (c.req.header('origin') ? corsHeaders(c, next) : next())),
  );

  app.get('/health', (c) => c.json(health(), 200, { ...SECURITY_HEADERS, 'cache-control': 'no-store' }));
  app.get('/catalog', rateLimited(services, services.limits.requests), (c) =>
    c.json(catalog, 200, {
      ...SECURITY_HEADERS,
      'cache-control': 'public, max-age=300',
      ...(allowed.size && !c.req.header('origin') ? { vary: 'Origin' } : {}),
    }),
  );
  app.route('/', slotsRoute(services, replay));
  app.route('/', bookingsRoute(services));
  app.route('/', manageRoute(services));
  app.route('/', holdsRoute(services));
  app.route('/', webhooksRoute(services));
  app.route('/', eventsRoute(services));
  if (services.sandbox) app.route('/', sandboxRoute(services, services.sandbox));

  app.notFound((c) =>
    new ProxyError({
      status: 404,
      code: 'not_found',
      message: `No route ${c.req.method} ${new URL(c.req.url).pathname}.`,
    }).toResponse(),
  );
  app.onError((error) => {
    if (error instanceof ProxyError) return error.toResponse();
    console.error(JSON.stringify({ level: 'error', msg: 'unhandled proxy error', error: error.name }));
    return new ProxyError({
      status: 500,
      code: 'internal_error',
      message: 'The booking proxy failed unexpectedly.',
    }).toResponse();
  });

  const base = (options.basePath ?? '').replace(/\/+$/, '');
  services.selfDelivery.handler = async (request) =>
    app.fetch(new Request(`http://sandbox.invalid${base}/webhooks/calcom`, request), {});

  return {
    fetch: async (request, info = {}) => {
      const response = await app.fetch(request, info);
      replay.remember(request, response);
      return response;
    },
    replay: (request) => replay.replay(request),
    mode: services.mode,
    sandbox: services.sandbox,
    cache: services.cache,
    circuit: services.circuit,
    health,
    close: () => services.close(),
  };
}

function healthOf(services: ProxyServices): Health {
  const circuit = services.circuit.state;
  const redis = services.redis ? (services.redis.up ? 'up' : 'down') : undefined;
  const reasons: Health['reasons'] = [];
  if (circuit === 'open') reasons.push('circuit_open');
  if (redis === 'down') reasons.push('redis_down');
  return {
    status: reasons.length ? 'degraded' : 'ok',
    upstream: services.mode,
    circuit,
    ...(redis ? { redis } : {}),
    reasons,
  };
}
