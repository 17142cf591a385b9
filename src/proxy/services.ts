import type { Redis } from 'ioredis';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.js';
import { BookOnce } from './book-once.js';
import { ChangeFeed } from './change-feed.js';
import { StreamCount } from './stream-count.js';
import { CalcomChanges } from './calcom-changes.js';
import { CalcomClient } from './calcom-client.js';
import { Holds } from './holds.js';
import { clientIpReader } from './client-ip.js';
import type { ProxyConfig } from './config.js';
import { FallbackRecordStore, FallbackSlotStore } from './fallback-stores.js';
import { createRateLimits, type RateLimits } from './rate-limits.js';
import { MemoryRecordStore, RedisRecordStore, type RecordStore } from './record-store.js';
import { RedisGuard } from './redis-guard.js';
import { RedisSlotStore } from './redis-store.js';
import { Circuit } from './resilience.js';
import { SlotCache } from './slot-cache.js';
import { SlotChanges } from './slot-changes.js';
import { MemorySlotStore, type SlotStore } from './slot-store.js';
import { createUpstreamBudget } from './upstream-budget.js';

export const DEFAULT_CALCOM_BASE_URL = 'https://api.cal.com/v2';
const SANDBOX_BASE_URL = 'https://sandbox.cal.invalid/v2';
/** The sandbox accepts any `cal_` key; lookups of bookings need one, as on Cal.com. */
const SANDBOX_API_KEY = 'cal_sandbox';

/** What the proxy is built from: createProxy's options less the logging. */
export interface ServiceOptions {
  config: ProxyConfig;
  apiKey?: string;
  upstream?: 'sandbox' | ((request: Request) => Promise<Response>);
  redis?: Redis;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Everything a route needs, built once per proxy. */
export interface ProxyServices {
  config: ProxyConfig;
  now: () => number;
  mode: 'sandbox' | 'calcom';
  sandbox?: Sandbox;
  calcom: CalcomClient;
  /** Holds, lookups, reschedules and cancellations upstream. */
  calcomChanges: CalcomChanges;
  holds: Holds;
  circuit: Circuit;
  cache: SlotCache;
  limits: RateLimits;
  /** Idempotency outcomes and webhook deliveries seen. */
  records: RecordStore;
  bookOnce: BookOnce;
  /** Present when Redis is configured: whether it answers now. */
  redis?: RedisGuard;
  /** Drops changed slot answers and tells the /events streams. */
  changes: SlotChanges;
  streams: StreamCount;
  /** The webhook secret: the config's, or one of its own for the sandbox's webhooks. */
  webhookSecret?: string;
  /** Where the sandbox sends its webhooks: this proxy's own /webhooks/calcom, once the proxy is built. */
  selfDelivery: { handler?: (request: Request) => Promise<Response> };
  /** The address rate limits count a request by: the socket's, or behind trusted proxies X-Forwarded-For's. */
  clientIp(forwardedFor: () => string | null, socketIp: string | undefined): string;
  close(): Promise<void>;
}

export function createServices(options: ServiceOptions): ProxyServices {
  const { config } = options;
  const now = options.now ?? Date.now;
  if (!options.apiKey && !options.upstream) {
    throw new Error(
      "createProxy needs an apiKey (to call Cal.com) or an upstream: 'sandbox' for the built-in simulator, or a fetch function.",
    );
  }
  const selfDelivery: ProxyServices['selfDelivery'] = {};
  const sandboxSecret = `sandbox-${crypto.randomUUID()}`;
  // The sandbox tells the proxy about its bookings as Cal.com would: signed webhooks (calcom-api.md §8).
  const sandbox =
    options.upstream === 'sandbox'
      ? createSandbox({
          now,
          webhooks: [
            {
              subscriberUrl: 'http://sandbox.invalid/webhooks/calcom',
              secret: config.webhookSecret ?? sandboxSecret,
              deliver: (request) =>
                selfDelivery.handler?.(request) ?? Promise.resolve(new Response(null, { status: 503 })),
            },
          ],
        })
      : undefined;
  const custom = typeof options.upstream === 'function' ? options.upstream : undefined;
  const { upstream } = config;
  const prefix = config.redis?.keyPrefix ?? 'booking-flow:';
  const budget = createUpstreamBudget(upstream.requestsPerMinute, options.redis, prefix);
  const circuit = new Circuit(upstream.circuitFailures, upstream.circuitOpenSeconds * 1000, now);
  const apiKey = sandbox ? SANDBOX_API_KEY : options.apiKey;
  const calcom = new CalcomClient({
    baseUrl: sandbox ? SANDBOX_BASE_URL : (config.calcom.baseUrl ?? DEFAULT_CALCOM_BASE_URL),
    apiKey,
    fetch: sandbox?.fetch ?? custom ?? ((request) => fetch(request)),
    timeoutMs: config.calcom.timeoutMs ?? 10_000,
    retry: {
      retries: upstream.retries,
      baseDelayMs: upstream.retryBaseDelayMs,
      maxDelayMs: upstream.retryMaxDelayMs,
      sleep: options.sleep,
    },
    circuit,
    budget,
  });
  const guard = options.redis ? new RedisGuard(options.redis) : undefined;
  let store: SlotStore = new MemorySlotStore(now);
  let records: RecordStore = new MemoryRecordStore();
  if (guard && options.redis) {
    store = new FallbackSlotStore(guard, new RedisSlotStore(options.redis, prefix, now), store);
    records = new FallbackRecordStore(guard, new RedisRecordStore(options.redis, `${prefix}record:`), records);
  }
  const cache = new SlotCache(store, {
    ttlMs: config.cacheTtlSeconds * 1000,
    staleMs: upstream.staleIfErrorSeconds * 1000,
    now,
    lockMs: (config.calcom.timeoutMs ?? 10_000) + 5_000,
  });
  const feed = new ChangeFeed({ guard, subscriber: subscriberOf(options.redis), prefix, replay: config.live.replay });
  const changes = new SlotChanges(config, cache, feed);
  const streams = new StreamCount(config.live);
  const calcomChanges = new CalcomChanges(calcom, apiKey !== undefined);
  const holds = new Holds(config, calcomChanges, changes, records, now);
  return {
    config,
    now,
    mode: sandbox ? 'sandbox' : 'calcom',
    sandbox,
    calcom,
    calcomChanges,
    holds,
    circuit,
    cache,
    limits: createRateLimits(config, options.redis, prefix),
    records,
    bookOnce: new BookOnce({ config, calcom, changes, records, now }),
    redis: guard,
    changes,
    streams,
    webhookSecret: config.webhookSecret ?? (sandbox ? sandboxSecret : undefined),
    selfDelivery,
    clientIp: clientIpReader(config.rateLimit.trustProxy),
    close: async () => {
      streams.closeAll();
      holds.close();
      await Promise.all([feed.close(), store.close()]);
    },
  };
}

/** A connection of its own for the change feed's SUBSCRIBE, which ends when the proxy's own client ends. */
function subscriberOf(redis: Redis | undefined): Redis | undefined {
  if (!redis) return undefined;
  const subscriber = redis.duplicate();
  redis.once('end', () => subscriber.disconnect());
  return subscriber;
}
