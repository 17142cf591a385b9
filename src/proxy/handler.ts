import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.js';
import { MAX_BOOKING_BODY_BYTES, bookingTags, parseBookingRequest, publicBooking } from './bookings-route.js';
import { CalcomClient, isSlotGone } from './calcom-client.js';
import { publicCatalog } from './catalog.js';
import type { ProxyConfig } from './config.js';
import { ProxyError } from './errors.js';
import { SlotCache } from './slot-cache.js';
import { parseSlotsRequest } from './slots-route.js';

export const DEFAULT_CALCOM_BASE_URL = 'https://api.cal.com/v2';
const SANDBOX_BASE_URL = 'https://sandbox.cal.invalid/v2';

export interface ProxyOptions {
  config: ProxyConfig;
  /** The Cal.com API key. Without one (and without `upstream`) the proxy talks to the built-in sandbox. */
  apiKey?: string;
  /** Where Cal.com requests go instead of the network (tests, a custom sandbox). */
  upstream?: (request: Request) => Promise<Response>;
  /** Path the proxy is mounted under, e.g. `/booking-api`. */
  basePath?: string;
  now?: () => number;
}

export interface BookingProxy {
  /** A web-standard fetch handler: Node, serverless and edge runtimes can all call it. */
  fetch(request: Request): Promise<Response>;
  readonly mode: 'sandbox' | 'calcom';
  /** The simulator, when the proxy runs on it. */
  readonly sandbox?: Sandbox;
  readonly cache: SlotCache;
}

export function createProxy(options: ProxyOptions): BookingProxy {
  const { config } = options;
  const sandbox = !options.apiKey && !options.upstream ? createSandbox({ now: options.now }) : undefined;
  const mode = sandbox ? 'sandbox' : 'calcom';
  const calcom = new CalcomClient({
    baseUrl: sandbox ? SANDBOX_BASE_URL : (config.calcom.baseUrl ?? DEFAULT_CALCOM_BASE_URL),
    apiKey: options.apiKey,
    fetch: sandbox?.fetch ?? options.upstream ?? ((request) => fetch(request)),
    timeoutMs: config.calcom.timeoutMs ?? 10_000,
  });
  const cache = new SlotCache(config.cacheTtlSeconds * 1000);
  const catalog = publicCatalog(config);
  const allowed = new Set(config.allowedOrigins.map((origin) => new URL(origin).origin));

  const app = new Hono().basePath(options.basePath ?? '/');
  app.use('*', cors({ origin: (origin) => (allowed.has(origin) ? origin : null), allowMethods: ['GET', 'POST'], maxAge: 600 }));

  app.get('/health', (c) => c.json({ status: 'ok', upstream: mode }));

  app.get('/catalog', (c) => c.json(catalog, 200, { 'cache-control': 'public, max-age=300' }));

  app.get('/slots', async (c) => {
    const request = parseSlotsRequest(new URL(c.req.url).searchParams, config);
    const { slots, hit, ttlMs } = await cache.get(request.cacheKey, request.tags, () => calcom.getSlots(request.upstream));
    const seconds = Math.max(0, Math.floor(ttlMs / 1000));
    return c.json({ ...request.response, slots }, 200, {
      // Slot answers hold no personal data, so a CDN may share them for as long as the proxy would.
      'cache-control': `public, max-age=${seconds}, s-maxage=${seconds}`,
      'x-cache': hit ? 'HIT' : 'MISS',
    });
  });

  app.post(
    '/bookings',
    bodyLimit({
      maxSize: MAX_BOOKING_BODY_BYTES,
      onError: () => {
        throw new ProxyError(413, 'body_too_large', `The request body may be at most ${MAX_BOOKING_BODY_BYTES} bytes.`, { field: 'body' });
      },
    }),
    async (c) => {
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        throw new ProxyError(415, 'unsupported_media_type', 'Send the booking as application/json.', { field: 'content-type' });
      }
      const body: unknown = await c.req.json().catch(() => {
        throw new ProxyError(400, 'invalid_json', 'The request body is not valid JSON.', { field: 'body' });
      });
      const request = parseBookingRequest(body, config);
      try {
        const booking = publicBooking(request, await calcom.createBooking(request.upstream), config);
        cache.invalidate(...bookingTags(config, request, booking));
        return c.json({ booking }, 201, { 'cache-control': 'no-store' });
      } catch (error) {
        if (!isSlotGone(error)) throw error;
        // Whatever we cached still offered this time: drop it so the visitor's reload shows the truth.
        cache.invalidate(...bookingTags(config, request));
        throw new ProxyError(409, 'slot_unavailable', 'This time was just taken. Please choose another time.');
      }
    },
  );

  app.notFound((c) => new ProxyError(404, 'not_found', `No route ${c.req.method} ${new URL(c.req.url).pathname}.`).toResponse());
  app.onError((error) => {
    if (error instanceof ProxyError) return error.toResponse();
    console.error(JSON.stringify({ level: 'error', msg: 'unhandled proxy error', error: error.name }));
    return new ProxyError(500, 'internal_error', 'The booking proxy failed unexpectedly.').toResponse();
  });

  return { fetch: async (request) => app.fetch(request), mode, sandbox, cache };
}
