import { addDays, type IsoDate } from '../model/dates.js';
import { buildWeek, type WeekAvailability } from '../model/week.js';
import { fetchJson, withAbort } from './proxy-fetch.js';
import { CatalogSchema, SlotsResponseSchema, type Catalog, type SlotsResponse } from './schemas.js';

export interface AvailabilityClientOptions {
  /** Where the proxy is mounted, e.g. `/booking-api` or `https://booking.example.com`. */
  baseUrl: string;
  /** How long an answer is reused (default 60 s). */
  ttlMs?: number;
  /** How long to wait for the proxy before failing with a `timeout` error (default 15 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => number;
}

export interface WeekQuery {
  serviceId: string;
  weekStart: IsoDate;
  timeZone: string;
  staffId?: string | null;
  durationMinutes?: number;
  /** Locale for day labels; not part of the cache key. */
  locale?: string;
  signal?: AbortSignal;
}

interface CacheEntry {
  serviceId: string;
  response: SlotsResponse;
  fetchedAt: number;
}

interface InFlight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/**
 * The browser's view of the proxy. Answers are cached per (service, week, staff, duration, zone) for `ttlMs`;
 * identical requests in flight share one fetch, which is aborted only when every caller has given up.
 */
export class AvailabilityClient {
  readonly baseUrl: string;
  private readonly ttlMs: number;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, InFlight<unknown>>();
  /** Bumped by invalidate() so that answers already on their way are not cached afterwards. */
  private generation = 0;

  constructor(options: AvailabilityClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.ttlMs = options.ttlMs ?? 60_000;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.now = options.now ?? (() => Date.now());
  }

  async getAvailabilityForWeek(query: WeekQuery): Promise<WeekAvailability> {
    const key = weekKey(query);
    const cached = this.cache.get(key);
    const fresh = cached && this.now() - cached.fetchedAt < this.ttlMs ? cached : undefined;
    if (!fresh && cached) this.cache.delete(key);
    const entry = fresh ?? (await this.shared(key, query.signal, (signal) => this.fetchWeek(query, key, signal)));
    return buildWeek({
      slots: entry.response.slots,
      weekStart: query.weekStart,
      timeZone: query.timeZone,
      durationMinutes: entry.response.durationMinutes,
      now: this.now(),
      fetchedAt: entry.fetchedAt,
      fromCache: entry === fresh,
      locale: query.locale,
    });
  }

  getCatalog(signal?: AbortSignal): Promise<Catalog> {
    return this.shared('catalog', signal, (inner) =>
      fetchJson(`${this.baseUrl}/catalog`, CatalogSchema, { fetch: this.fetchImpl, timeoutMs: this.timeoutMs, signal: inner }),
    );
  }

  /** Drops cached weeks: all of them, or those of one service (after a booking of it). */
  invalidate(filter: { serviceId?: string } = {}): void {
    this.generation++;
    for (const [key, entry] of this.cache) {
      if (filter.serviceId === undefined || entry.serviceId === filter.serviceId) this.cache.delete(key);
    }
  }

  private async fetchWeek(query: WeekQuery, key: string, signal: AbortSignal): Promise<CacheEntry> {
    const generation = this.generation;
    const params = new URLSearchParams({
      service: query.serviceId,
      start: query.weekStart,
      end: addDays(query.weekStart, 6),
      timeZone: query.timeZone,
    });
    if (query.staffId) params.set('staff', query.staffId);
    if (query.durationMinutes) params.set('duration', String(query.durationMinutes));
    const response = await fetchJson(`${this.baseUrl}/slots?${params}`, SlotsResponseSchema, {
      fetch: this.fetchImpl,
      timeoutMs: this.timeoutMs,
      signal,
    });
    const entry = { serviceId: query.serviceId, response, fetchedAt: this.now() };
    if (generation === this.generation) this.cache.set(key, entry);
    return entry;
  }

  /** Runs `start` once per key while callers wait; aborts it when the last waiting caller aborts. */
  private shared<T>(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let flight = this.inFlight.get(key) as InFlight<T> | undefined;
    if (!flight) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (this.inFlight.get(key) === flight) this.inFlight.delete(key);
      });
      flight = { promise, controller, waiters: 0 };
      this.inFlight.set(key, flight);
    }
    const current = flight;
    current.waiters++;
    const onAbort = () => {
      if (--current.waiters > 0) return;
      if (this.inFlight.get(key) === current) this.inFlight.delete(key);
      current.controller.abort();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // Each caller sees a rejection through withAbort; this branch only stops listening once it settles.
    current.promise.finally(() => signal?.removeEventListener('abort', onAbort)).catch(() => undefined);
    return withAbort(current.promise, signal);
  }
}

function weekKey(query: WeekQuery): string {
  return JSON.stringify([query.serviceId, query.weekStart, query.staffId ?? null, query.durationMinutes ?? null, query.timeZone]);
}
