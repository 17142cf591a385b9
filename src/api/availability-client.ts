import { addDays, type IsoDate } from '../model/dates.js';
import { buildWeek, type WeekAvailability } from '../model/week.js';
import { fetchJson, withAbort } from './proxy-fetch.js';
import type { Shape } from './shape.js';
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

/** A week as `invalidate` filters see it: what it was asked for, and when it was fetched. */
export interface WeekView {
  serviceId: string;
  staffId?: string | null;
  weekStart: IsoDate;
  fetchedAt: number;
}

/** What `invalidate` dropped; sent to listeners of the client's `invalidate` event. */
export interface InvalidateFilter {
  serviceId?: string;
  /** Only the weeks this accepts (live updates name services, staff and dates). */
  matches?: (week: WeekView) => boolean;
}

const covers = (filter: InvalidateFilter, week: WeekView): boolean =>
  (filter.serviceId ?? week.serviceId) === week.serviceId && (filter.matches?.(week) ?? true);

interface CacheEntry {
  view: WeekView;
  response: SlotsResponse;
}

interface InFlight<T> {
  promise: Promise<T>;
  controller: AbortController;
  waiters: number;
}

/**
 * The browser's view of the proxy. Answers are cached per (service, week, staff, duration, zone) for `ttlMs`;
 * identical requests in flight share one fetch, which is aborted only when every caller has given up.
 * It dispatches `invalidate` (a CustomEvent with the InvalidateFilter) so that views of dropped weeks reload.
 */
export class AvailabilityClient extends EventTarget {
  readonly baseUrl: string;
  readonly #ttlMs: number;
  readonly #timeoutMs: number;
  readonly #fetchImpl: typeof fetch;
  readonly #now: () => number;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #inFlight = new Map<string, InFlight<unknown>>();
  /** Bumped by invalidate() so that answers already on their way are not cached afterwards. */
  #generation = 0;
  /**
   * The times this flow holds (POST /holds), which Cal.com leaves out of every answer, the holder's own too: its
   * weeks show them again. A hold is let go as soon as the service or staff changes, so they belong to what is shown.
   */
  readonly held: string[] = [];

  constructor(options: AvailabilityClientOptions) {
    super();
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.#now = options.now ?? (() => Date.now());
  }

  /**
   * The week a view last asked for (one with a signal: a prefetch has none). The live module (change-stream.js)
   * replaces `shown` to fetch the next week early, starting from this one.
   */
  lastShown?: WeekQuery;
  shown = (query: WeekQuery): unknown => (this.lastShown = query);

  async getAvailabilityForWeek(query: WeekQuery): Promise<WeekAvailability> {
    const key = weekKey(query);
    const cached = this.#cache.get(key);
    const fresh = cached && this.#now() - cached.view.fetchedAt < this.#ttlMs ? cached : undefined;
    if (!fresh && cached) this.#cache.delete(key);
    const entry = fresh ?? (await this.#shared(key, query.signal, (signal) => this.#fetchWeek(query, key, signal)));
    if (query.signal) this.shown(query);
    return buildWeek({
      slots: [...entry.response.slots, ...this.held],
      weekStart: query.weekStart,
      timeZone: query.timeZone,
      durationMinutes: entry.response.durationMinutes,
      now: this.#now(),
      fetchedAt: entry.view.fetchedAt,
      fromCache: entry === fresh,
      stale: entry.response.stale === true,
      locale: query.locale,
    });
  }

  /**
   * Fetches a week into the cache, or joins its fetch, without building it: for a view about to ask for it (the
   * flow's first week, the live module's next one).
   */
  prefetch(query: WeekQuery): Promise<unknown> {
    const key = weekKey(query);
    return this.#shared(key, undefined, (signal) => this.#fetchWeek(query, key, signal));
  }

  /** Whether the week's answer is cached: a view whose week an invalidation dropped loads it again. */
  has(query: WeekQuery): boolean {
    return this.#cache.has(weekKey(query));
  }

  getCatalog(signal?: AbortSignal): Promise<Catalog> {
    return this.#shared('catalog', signal, (inner) => this.call('/catalog', CatalogSchema, inner));
  }

  /** One call to the proxy (`path` under baseUrl), its answer checked against `shape`; failures as BookingApiError. */
  call<T>(path: string, shape: Shape<T>, signal: AbortSignal, init?: RequestInit): Promise<T> {
    return fetchJson(this.baseUrl + path, shape, { fetch: this.#fetchImpl, timeoutMs: this.#timeoutMs, signal, init });
  }

  /** Drops cached weeks (all, a service's after a booking of it, those a change names) and tells the views. */
  invalidate(filter: InvalidateFilter = {}): void {
    this.#generation++;
    for (const [key, entry] of this.#cache) if (covers(filter, entry.view)) this.#cache.delete(key);
    // Week fetches already on their way still answer their callers, but nobody new joins them.
    for (const key of this.#inFlight.keys()) if (key !== 'catalog') this.#inFlight.delete(key);
    this.dispatchEvent(new CustomEvent<InvalidateFilter>('invalidate', { detail: filter }));
  }

  async #fetchWeek(query: WeekQuery, key: string, signal: AbortSignal): Promise<CacheEntry> {
    const generation = this.#generation;
    // The week's dates padded by a day either side, in UTC, cover those dates in every zone on Earth: one answer
    // serves all viewers (and the proxy's cache) and a switch of time zone re-renders without a refetch.
    const params = new URLSearchParams({
      service: query.serviceId,
      start: addDays(query.weekStart, -1),
      end: addDays(query.weekStart, 7),
      timeZone: 'UTC',
    });
    if (query.staffId) params.set('staff', query.staffId);
    if (query.durationMinutes) params.set('duration', String(query.durationMinutes));
    // Our own cache decides what is fresh; the HTTP cache must not hand back a week we just invalidated.
    const response = await this.call(`/slots?${params}`, SlotsResponseSchema, signal, { cache: 'no-cache' });
    const entry = { view: { ...query, fetchedAt: this.#now() }, response };
    // A stale answer is shown, but the next look asks again.
    if (generation === this.#generation && !response.stale) this.#cache.set(key, entry);
    return entry;
  }

  /** Runs `start` once per key while callers wait; aborts it when the last waiting caller aborts. */
  #shared<T>(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<T>): Promise<T> {
    let flight = this.#inFlight.get(key) as InFlight<T> | undefined;
    if (!flight) {
      const controller = new AbortController();
      const promise = start(controller.signal).finally(() => {
        if (this.#inFlight.get(key) === flight) this.#inFlight.delete(key);
      });
      flight = { promise, controller, waiters: 0 };
      this.#inFlight.set(key, flight);
    }
    const current = flight;
    current.waiters++;
    const onAbort = () => {
      if (--current.waiters > 0) return;
      if (this.#inFlight.get(key) === current) this.#inFlight.delete(key);
      current.controller.abort();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    // Each caller sees a rejection through withAbort; this branch only stops listening once it settles.
    current.promise.finally(() => signal?.removeEventListener('abort', onAbort)).catch(() => undefined);
    return withAbort(current.promise, signal);
  }
}

/** Service, week, staff and duration. No time zone: each answer covers the week's dates in every zone. */
function weekKey(query: WeekQuery): string {
  return JSON.stringify([query.serviceId, query.weekStart, query.staffId ?? null, query.durationMinutes ?? null]);
}
