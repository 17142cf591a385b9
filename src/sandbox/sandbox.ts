import { Hono, type HonoRequest } from 'hono';
import { isTimeZone } from '../model/dates.js';
import { availableStarts } from './availability.js';
import { cancelBooking, findBooking, notFoundMessage, rescheduleBooking } from './booking-changes.js';
import { listBookings } from './booking-list.js';
import { bookingOutput, createBooking } from './bookings.js';
import { demoData } from './demo-data.js';
import type { SandboxData, SandboxEventType } from './model.js';
import { heldTimes } from './reservations.js';
import { reservationRoutes } from './reservation-routes.js';
import { sendWebhooks, type SandboxWebhook } from './webhooks.js';
import { calcomError, calcomSuccess, formatInstant } from './wire-format.js';

export interface SandboxOptions {
  /** The simulator's clock (default Date.now). */
  now?: () => number;
  /** When set, a bearer `cal_` key must equal it; otherwise any `cal_` key is accepted. */
  apiKey?: string;
  /** Cal.com's default: 120 requests a minute per key or IP. `false` turns it off. */
  rateLimit?: { limit: number; windowMs: number } | false;
  data?: SandboxData;
  /** Subscribers to BOOKING_CREATED / BOOKING_CANCELLED, sent after each booking or cancellation. */
  webhooks?: SandboxWebhook[];
}

export interface Sandbox {
  /** Answers requests for `<any host>/v2/...` as Cal.com API v2 would. */
  fetch(request: Request): Promise<Response>;
  readonly data: SandboxData;
  /** Every request received, for tests that count upstream calls. */
  readonly requests: { method: string; url: string }[];
}

const SLOTS_VERSION = '2024-09-04';
const BOOKINGS_VERSIONS = new Set(['2024-08-13', '2026-02-25']);
const KNOWN_VERSIONS = new Set(['2024-04-15', '2024-06-11', '2024-06-14', '2024-08-13', '2024-09-04', '2026-02-25']);
const SLOT_QUERY_KEYS = new Set([
  'start',
  'end',
  'timeZone',
  'duration',
  'format',
  'bookingUidToReschedule',
  'eventTypeId',
  'eventTypeSlug',
  'username',
  'teamSlug',
  'organizationSlug',
  'usernames',
]);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** A Cal.com API v2 simulator speaking the real wire format (calcom-api.md), seeded with the demo catalog. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const now = options.now ?? Date.now;
  const data = options.data ?? demoData(now());
  const requests: Sandbox['requests'] = [];
  const limit = options.rateLimit === undefined ? { limit: 120, windowMs: 60_000 } : options.rateLimit;
  const windows = new Map<string, { count: number; resetAt: number }>();

  const fail = (c: { req: HonoRequest }, status: number, message: string, headers?: HeadersInit) => {
    const url = new URL(c.req.url);
    return calcomError(status, url.pathname + url.search, message, now(), headers);
  };
  // Without a known cal-api-version Cal.com routes to 2024-04-15, whose controllers have no such path.
  const notFound = (c: { req: HonoRequest }) => fail(c, 404, `Cannot ${c.req.method} ${new URL(c.req.url).pathname}`);
  const version = (c: { req: HonoRequest }) => {
    const value = c.req.header('cal-api-version');
    return value && KNOWN_VERSIONS.has(value) ? value : '2024-04-15';
  };

  const app = new Hono();

  app.use('*', async (c, next) => {
    requests.push({ method: c.req.method, url: c.req.url });
    const auth = c.req.header('authorization');
    let caller = `ip_${c.req.header('x-forwarded-for') ?? 'local'}`;
    if (auth !== undefined) {
      const token = /^Bearer (.+)$/.exec(auth)?.[1];
      if (!token?.startsWith('cal_') || (options.apiKey !== undefined && token !== options.apiKey)) {
        return fail(c, 401, 'ApiAuthStrategy - api key - Your api key is not valid');
      }
      caller = `api_key_${token}`;
    }
    if (!limit) return next();
    const t = now();
    let w = windows.get(caller);
    if (!w || t >= w.resetAt) windows.set(caller, (w = { count: 0, resetAt: t + limit.windowMs }));
    w.count++;
    const headers = {
      'X-RateLimit-Limit-Default': String(limit.limit),
      'X-RateLimit-Remaining-Default': String(Math.max(0, limit.limit - w.count)),
      'X-RateLimit-Reset-Default': String(Math.ceil((w.resetAt - t) / 1000)),
    };
    if (w.count > limit.limit) {
      return fail(c, 429, 'CustomThrottlerGuard - Too many requests. Please try again later.', headers);
    }
    await next();
    for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
  });

  app.get('/v2/slots', (c) => {
    if (version(c) !== SLOTS_VERSION) return notFound(c);
    const query = new URL(c.req.url).searchParams;
    for (const key of query.keys()) {
      if (!SLOT_QUERY_KEYS.has(key)) return fail(c, 400, `${key} property is wrong,property ${key} should not exist `);
    }
    const start = parseBound(query.get('start'), 'start');
    const end = parseBound(query.get('end'), 'end');
    if (typeof start === 'string') return fail(c, 400, start);
    if (typeof end === 'string') return fail(c, 400, end);
    if (end < start) return fail(c, 400, "Invalid time range given - check the 'start' and 'end' query parameters.");
    const timeZone = query.get('timeZone') ?? undefined;
    if (timeZone !== undefined && !isTimeZone(timeZone)) {
      return fail(c, 400, 'timeZone property is wrong,timeZone must be a valid IANA time zone ');
    }
    const durationParam = query.get('duration');
    const duration = durationParam === null ? undefined : Number(durationParam);
    if (duration !== undefined && (!Number.isInteger(duration) || duration < 1)) {
      return fail(c, 400, 'duration property is wrong,duration must be an integer number ');
    }
    const format = (query.get('format') ?? 'time').toLowerCase();
    if (format !== 'time' && format !== 'range')
      return fail(c, 400, 'format property is wrong,format must be one of: time, range ');

    const found = findEventType(data, query);
    if (typeof found === 'string') return fail(c, 404, found);
    const length = duration ?? found.lengthInMinutes;
    // Reserved times are gone for everyone, the reserving visitor included (calcom-api.md §1).
    const starts = availableStarts(found, data.users, [...data.bookings, ...heldTimes(data, now())], {
      startMs: start,
      endMs: end,
      durationMinutes: length,
      now: now(),
    });
    const days: Record<string, { start: string; end?: string }[]> = {};
    for (const ms of starts) {
      const startText = formatInstant(ms, timeZone);
      const slot =
        format === 'range'
          ? { start: startText, end: formatInstant(ms + length * 60_000, timeZone) }
          : { start: startText };
      (days[startText.slice(0, 10)] ??= []).push(slot);
    }
    return calcomSuccess(days);
  });

  app.post('/v2/bookings', async (c) => {
    if (!BOOKINGS_VERSIONS.has(version(c))) return notFound(c);
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null) return fail(c, 400, 'Bad Request: the body must be a JSON object');
    const outcome = createBooking(data, body, now());
    if (outcome.status !== 201) return fail(c, outcome.status, outcome.message);
    const trigger = outcome.booking.status === 'pending' ? 'BOOKING_REQUESTED' : 'BOOKING_CREATED';
    await sendWebhooks(options.webhooks ?? [], trigger, data, outcome.booking, now());
    return calcomSuccess(bookingOutput(data, outcome.booking), 201);
  });

  // Listing bookings needs an API key: without one Cal.com answers 401.
  app.get('/v2/bookings', (c) => {
    if (!BOOKINGS_VERSIONS.has(version(c))) return notFound(c);
    if (c.req.header('authorization') === undefined)
      return fail(c, 401, 'ApiAuthOptionalGuard - no authorization header');
    const listed = listBookings(data, new URL(c.req.url).searchParams, now());
    return listed.status === 200 ? Response.json(listed.body) : fail(c, listed.status, listed.message);
  });

  reservationRoutes(app, { data, now, fail, notFound, version });

  app.get('/v2/bookings/:uid', (c) => {
    if (!BOOKINGS_VERSIONS.has(version(c))) return notFound(c);
    const booking = findBooking(data, c.req.param('uid'));
    return booking ? calcomSuccess(bookingOutput(data, booking)) : fail(c, 404, notFoundMessage(c.req.param('uid')));
  });

  app.post('/v2/bookings/:uid/cancel', async (c) => {
    if (!BOOKINGS_VERSIONS.has(version(c))) return notFound(c);
    const body: unknown = await c.req.json().catch(() => ({}));
    const outcome = cancelBooking(data, c.req.param('uid'), typeof body === 'object' && body !== null ? body : {});
    if ('message' in outcome) return fail(c, outcome.status, outcome.message);
    await sendWebhooks(options.webhooks ?? [], 'BOOKING_CANCELLED', data, outcome.booking, now());
    return calcomSuccess(bookingOutput(data, outcome.booking));
  });

  app.post('/v2/bookings/:uid/reschedule', async (c) => {
    if (!BOOKINGS_VERSIONS.has(version(c))) return notFound(c);
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null) return fail(c, 400, 'Bad Request: the body must be a JSON object');
    const outcome = rescheduleBooking(data, c.req.param('uid'), body, now());
    if ('message' in outcome) return fail(c, outcome.status, outcome.message);
    const old = findBooking(data, c.req.param('uid'))!;
    await sendWebhooks(options.webhooks ?? [], 'BOOKING_RESCHEDULED', data, outcome.booking, now(), {
      rescheduleUid: old.uid,
      rescheduleStartTime: new Date(old.start).toISOString(),
      rescheduleEndTime: new Date(old.end).toISOString(),
    });
    return calcomSuccess(bookingOutput(data, outcome.booking), 201);
  });

  app.all('*', notFound);

  return { fetch: async (request) => app.fetch(request), data, requests };
}

/** Parses a /v2/slots bound: a bare date is that UTC day's start (or, for `end`, its last second). */
function parseBound(value: string | null, name: 'start' | 'end'): number | string {
  if (!value) return `${name} property is wrong,${name} should not be empty `;
  if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    return `${name} property is wrong,${name} must be a valid ISO 8601 date string `;
  }
  if (value.length === 10) return Date.parse(`${value}T${name === 'start' ? '00:00:00' : '23:59:59'}Z`);
  return Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(value) ? value : `${value}Z`);
}

function findEventType(data: SandboxData, query: URLSearchParams): SandboxEventType | string {
  const id = query.get('eventTypeId');
  const slug = query.get('eventTypeSlug');
  const username = query.get('username');
  if (id !== null) return data.eventTypes.find((e) => String(e.id) === id) ?? 'Event Type not found';
  if (slug !== null && username !== null) {
    if (!data.users.some((u) => u.username === username)) return `User with username ${username} not found`;
    return data.eventTypes.find((e) => e.slug === slug && e.ownerUsername === username) ?? 'Event Type not found';
  }
  if (slug !== null && query.get('teamSlug') !== null) return `Team with slug ${query.get('teamSlug')} not found`;
  return 'Event Type not found';
}
