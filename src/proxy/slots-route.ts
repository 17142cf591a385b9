import { Hono } from 'hono';
import { LRUCache } from 'lru-cache';
import * as v from 'valibot';
import { addDays, daysBetween, type IsoDate } from '../model/dates.js';
import { localDaysToUtcRange } from '../model/zoned-range.js';
import type { SlotsResponse } from '../api/schemas.js';
import type { ProxyConfig } from './config.js';
import type { SlotsQuery } from './calcom-client.js';
import { checkedChoice, eventTypeFor, eventTypeKey, slotTags } from './catalog.js';
import { invalidField, issueError } from './errors.js';
import { rateLimited, type ProxyEnv } from './context.js';
import { IsoDateText, ServiceIdText, StaffIdText, TimeZoneText } from './fields.js';
import { slotsCacheControl, type HitReplay } from './hit-replay.js';
import { SECURITY_HEADERS } from './headers.js';
import type { ProxyServices } from './services.js';
import type { CacheState } from './slot-cache.js';

export const MAX_RANGE_DAYS = 42;
/** How far back a week may start: the current week's first days, padded, and a viewer far west of UTC. */
export const MAX_PAST_DAYS = 14;

const SlotsQuerySchema = v.strictObject({
  service: ServiceIdText,
  start: IsoDateText,
  end: IsoDateText,
  timeZone: TimeZoneText,
  staff: v.optional(StaffIdText),
  duration: v.optional(
    v.pipe(v.string(), v.regex(/^[1-9]\d{0,3}$/, 'must be a whole number of minutes'), v.transform(Number)),
  ),
});

/** A /slots request, checked against the config: everything Cal.com will be asked, and the cache key for it. */
export interface SlotsRequest {
  response: Omit<SlotsResponse, 'slots'>;
  /** What to ask Cal.com, or undefined when the days do not exist in the zone (the answer is then empty). */
  upstream: () => SlotsQuery | undefined;
  /** What a booking or webhook drops this answer by (see slotTags). */
  tags: string[];
  /** The dates asked for, which a change of this answer is told for. */
  dates: { from: IsoDate; to: IsoDate };
  cacheKey: string;
}

/** Validates /slots query parameters; throws a ProxyError naming the field before anything goes upstream. */
export function parseSlotsRequest(params: URLSearchParams, config: ProxyConfig, today: IsoDate): SlotsRequest {
  for (const key of new Set(params.keys())) {
    if (params.getAll(key).length > 1) throw invalidField(key, 'must be given once');
  }
  const result = v.safeParse(SlotsQuerySchema, Object.fromEntries(params));
  if (!result.success) throw issueError(result.issues, 'query', 'parameter');
  const query = result.output;
  if (query.start < addDays(today, -MAX_PAST_DAYS))
    throw invalidField('start', `must not be more than ${MAX_PAST_DAYS} days in the past`);
  if (query.end > addDays(today, config.horizonDays))
    throw invalidField('end', `must be within ${config.horizonDays} days from today`);
  if (query.end < query.start) throw invalidField('end', 'must not be before start');
  const days = daysBetween(query.start, query.end) + 1;
  if (days > MAX_RANGE_DAYS)
    throw invalidField('end', `the range may cover at most ${MAX_RANGE_DAYS} days (got ${days})`);

  const { service, staff, duration } = checkedChoice(config, query.service, query.staff, query.duration);

  const eventType = eventTypeFor(service, staff);
  return {
    response: { service: service.id, staff: staff?.id ?? null, timeZone: query.timeZone, durationMinutes: duration },
    // Only a miss needs the UTC bounds, and zone math is the costliest step of a request.
    upstream: () => {
      const range = localDaysToUtcRange(query.start, query.end, query.timeZone);
      return range && { eventType, start: range.start, end: range.end, timeZone: query.timeZone, duration };
    },
    tags: slotTags(config, service, staff),
    dates: { from: query.start, to: query.end },
    cacheKey: `${eventTypeKey(eventType)}|${query.start}|${query.end}|${query.timeZone}|${duration}`,
  };
}

/** GET /slots: validated, answered from the cache, and shaped so a CDN may share it; hits marked for `replay`. */
export function slotsRoute(services: ProxyServices, replay: HitReplay): Hono<ProxyEnv> {
  const { config, cache, calcom, changes, now } = services;
  // Popular weeks are asked again and again: a query string that passed validation is not parsed twice (per day,
  // as the window of allowed dates moves).
  const parsedQueries = new LRUCache<string, SlotsRequest>({ max: 2_000 });
  // A cached answer is the same array on every hit: its JSON is written once per request shape, not per request.
  const bodies = new WeakMap<SlotsRequest, { slots: string[]; body: string }>();
  const serialized = (request: SlotsRequest, answer: { slots: string[]; state: CacheState }): string => {
    if (answer.state === 'STALE') return JSON.stringify({ ...request.response, slots: answer.slots, stale: true });
    const known = bodies.get(request);
    if (known?.slots === answer.slots) return known.body;
    const body = JSON.stringify({ ...request.response, slots: answer.slots });
    bodies.set(request, { slots: answer.slots, body });
    return body;
  };
  const vary: Record<string, string> = config.allowedOrigins.length ? { vary: 'Origin' } : {};

  return new Hono<ProxyEnv>().get('/slots', rateLimited(services, services.limits.requests), async (c) => {
    const today = new Date(now()).toISOString().slice(0, 10);
    const search = new URL(c.req.url).search;
    let request = parsedQueries.get(today + search);
    if (!request)
      parsedQueries.set(today + search, (request = parseSlotsRequest(new URLSearchParams(search), config, today)));
    const stats = c.get('stats');
    const query = request.upstream;
    const { tags, dates } = request;
    const answer = await cache.get(
      request.cacheKey,
      tags,
      () => {
        const upstream = query();
        return upstream ? calcom.getSlots(upstream, stats) : Promise.resolve([]);
      },
      // Times that changed without a webhook (a calendar event, a schedule edit, an expired hold): streams hear it.
      () => void changes.tell(tags, dates),
    );
    stats.cache = answer.state;
    const body = serialized(request, answer);
    if (answer.entry)
      replay.mark(c.req.raw, { cacheKey: request.cacheKey, entry: answer.entry, body, route: c.req.routePath });
    return c.body(body, 200, {
      ...SECURITY_HEADERS,
      'content-type': 'application/json',
      // Slot answers hold no personal data, so a CDN may share them for as long as the proxy would.
      'cache-control': answer.state === 'STALE' ? 'no-store' : slotsCacheControl(answer.ttlMs),
      'x-cache': answer.state,
      // With an Origin the CORS middleware adds Vary itself.
      ...(c.req.header('origin') ? {} : vary),
    });
  });
}
