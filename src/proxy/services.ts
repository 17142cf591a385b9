import type { Redis } from 'ioredis';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.js';
import { BookOnce } from './book-once.js';
import { CalcomClient } from './calcom-client.js';
import { clientIpReader } from './client-ip.js';
import type { ProxyConfig } from './config.js';
import { FallbackRecordStore, FallbackSlotStore } from './fallback-stores.js';
import { createRateLimits, type RateLimits } from './rate-limits.js';
import { MemoryRecordStore, RedisRecordStore, type RecordStore } from './record-store.js';
import { RedisGuard } from './redis-guard.js';
import { RedisSlotStore } from './redis-store.js';
import { Circuit } from './resilience.js';
import { SlotCache } from './slot-cache.js';
import { MemorySlotStore, type SlotStore } from './slot-store.js';

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
  circuit: Circuit;
  cache: SlotCache;
  limits: RateLimits;
  /** Idempotency outcomes and webhook deliveries seen. */
  records: RecordStore;
  bookOnce: BookOnce;
  /** Present when Redis is configured: whether it answers now. */
  redis?: RedisGuard;
  clientIp(request: Request, socketIp: string | undefined): string;
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
  const sandbox = options.upstream === 'sandbox' ? createSandbox({ now }) : undefined;
  const custom = typeof options.upstream === 'function' ? options.upstream : undefined;
  const { upstream } = config;
  const circuit = new Circuit(upstream.circuitFailures, upstream.circuitOpenSeconds * 1000, now);
  const calcom = new CalcomClient({
    baseUrl: sandbox ? SANDBOX_BASE_URL : (config.calcom.baseUrl ?? DEFAULT_CALCOM_BASE_URL),
    apiKey: sandbox ? SANDBOX_API_KEY : options.apiKey,
    fetch: sandbox?.fetch ?? custom ?? ((request) => fetch(request)),
    timeoutMs: config.calcom.timeoutMs ?? 10_000,
    retry: {
      retries: upstream.retries,
      baseDelayMs: upstream.retryBaseDelayMs,
      maxDelayMs: upstream.retryMaxDelayMs,
      sleep: options.sleep,
    },
    circuit,
  });
  const prefix = config.redis?.keyPrefix ?? 'booking-flow:';
  const guard = options.redis ? new RedisGuard(options.redis) : undefined;
  let store: SlotStore = new MemorySlotStore(now);
  let records: RecordStore = new MemoryRecordStore();
  if (guard && options.redis) {
    store = new FallbackSlotStore(guard, new RedisSlotStore(options.redis, prefix, now), store);
    records = new FallbackRecordStore(guard, new RedisRecordStore(options.redis, `${prefix}record:`), records);
  }
  const readClientIp = clientIpReader(config.rateLimit.trustProxy);
  const cache = new SlotCache(store, config.cacheTtlSeconds * 1000, upstream.staleIfErrorSeconds * 1000, now);
  return {
    config,
    now,
    mode: sandbox ? 'sandbox' : 'calcom',
    sandbox,
    calcom,
    circuit,
    cache,
    limits: createRateLimits(config, options.redis, prefix),
    records,
    bookOnce: new BookOnce({ config, calcom, cache, records, now }),
    redis: guard,
    clientIp: (request, socketIp) => readClientIp(() => request.headers.get('x-forwarded-for'), socketIp),
    close: () => store.close(),
  };
}
