import { LRUCache } from 'lru-cache';
import type { RateLimit } from './rate-limits.js';
import { logLine, type RequestLog } from './request-log.js';
import type { SlotCache } from './slot-cache.js';
import type { StoredSlots } from './slot-store.js';

/** A request as a server sees it before any web Request is built. */
export interface RawRequest {
  method: string;
  /** Path and query, as on the request line. */
  path: string;
  origin: string | undefined;
  forwardedFor: () => string | null;
  socketIp: string | undefined;
}

/** What a replayed hit sends: status 200, these headers, this body. */
export interface ReplayedHit {
  headers: Record<string, string>;
  body: string;
}

/** A /slots hit as the slots route answered it. */
export interface SlotsHit {
  cacheKey: string;
  entry: StoredSlots;
  body: string;
  /** The route its log line names. */
  route: string;
}

interface Remembered extends SlotsHit {
  /** The answer's headers and length, but cache-control, whose max-age counts down. */
  headers: Record<string, string>;
  /** Until the entry goes stale or the UTC day ends (the dates a request may ask for move then). */
  until: number;
  /** The headers of the last replay. */
  sent?: Record<string, string>;
}

const HIT_STATS = { upstreamCalls: 0, cache: 'HIT' } as const;

export interface HitReplayOptions {
  cache: SlotCache;
  requests: RateLimit;
  clientIp: (forwardedFor: () => string | null, socketIp: string | undefined) => string;
  log: (line: RequestLog) => void;
  now: () => number;
}

const DAY_MS = 86_400_000;

/**
 * Cached /slots hits answered again without a web Request, a Response or the router: most of a hit's cost on Node
 * (issue 18). Each is what the handler answered the last request with the same path, query and Origin (CORS and
 * Vary included), given again only while the cache entry behind it is the fresh answer; its max-age counts down, its
 * rate limit is spent and its log line written as the handler would. Only with a slot cache in this process: a
 * shared one may change under another instance at any moment.
 */
export class HitReplay {
  readonly #marked = new WeakMap<Request, SlotsHit>();
  readonly #remembered = new LRUCache<string, Remembered>({ max: 2_000 });
  /** Whether a server replays at all: hosts that only call fetch (edge runtimes) keep nothing. */
  #asked = false;

  constructor(private readonly options: HitReplayOptions) {}

  /** The slots route's hit for `request`, to remember once the handler's answer is complete. */
  mark(request: Request, hit: SlotsHit): void {
    if (this.#asked && this.options.cache.knowsCurrent) this.#marked.set(request, hit);
  }

  /** Remembers the handler's answer to a marked request. */
  remember(request: Request, response: Response): void {
    const hit = this.#marked.get(request);
    if (!hit || response.status !== 200) return;
    const { pathname, search } = new URL(request.url);
    const headers: Record<string, string> = {
      ...Object.fromEntries(response.headers),
      'content-length': String(new TextEncoder().encode(hit.body).length),
    };
    delete headers['cache-control'];
    const endOfDay = (Math.floor(this.options.now() / DAY_MS) + 1) * DAY_MS;
    const until = Math.min(hit.entry.freshUntil, endOfDay);
    this.#remembered.set(keyOf(pathname + search, request.headers.get('origin') ?? undefined), {
      ...hit,
      headers,
      until,
    });
  }

  /** The answer to `request` when it is a remembered hit still fresh; undefined (at once) when it is not. */
  replay(request: RawRequest): Promise<ReplayedHit | undefined> | undefined {
    this.#asked = true;
    if (request.method !== 'GET') return undefined;
    const key = keyOf(request.path, request.origin);
    const hit = this.#remembered.get(key);
    if (!hit) return undefined;
    if (this.options.now() >= hit.until || !this.options.cache.isFresh(hit.cacheKey, hit.entry)) {
      this.#remembered.delete(key);
      return undefined;
    }
    return this.#answer(hit, request);
  }

  #answer(hit: Remembered, request: RawRequest): Promise<ReplayedHit | undefined> {
    const { requests, clientIp, log, now } = this.options;
    const started = performance.now();
    return requests.spend(clientIp(request.forwardedFor, request.socketIp)).then(
      () => {
        const at = now();
        log(logLine(at, { method: 'GET', route: hit.route, status: 200, started, stats: HIT_STATS }));
        // The headers as sent last, while the max-age they say is still the same second.
        const cacheControl = slotsCacheControl(hit.entry.freshUntil - at);
        if (hit.sent?.['cache-control'] !== cacheControl) hit.sent = { ...hit.headers, 'cache-control': cacheControl };
        return { headers: hit.sent, body: hit.body };
      },
      () => undefined, // over budget: the handler answers the 429
    );
  }
}

/** A fresh /slots answer may be shared by a CDN for as long as the proxy would serve it. */
export function slotsCacheControl(ttlMs: number): string {
  const seconds = Math.max(0, Math.floor(ttlMs / 1000));
  return `public, max-age=${seconds}, s-maxage=${seconds}`;
}

function keyOf(path: string, origin: string | undefined): string {
  return origin === undefined ? path : `${path}\n${origin}`;
}
