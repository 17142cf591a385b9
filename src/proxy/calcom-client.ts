import * as v from 'valibot';
import { ProxyError, type ProxyErrorOptions } from './errors.js';
import { isOutage, withRetries, type Circuit, type RetryPolicy } from './resilience.js';

/** How the proxy names an event type to Cal.com: by id, or by a user's slug (calcom-api.md §1 "modes"). */
export type EventTypeRef = { eventTypeId: number } | { eventTypeSlug: string; username: string };

export interface SlotsQuery {
  eventType: EventTypeRef;
  /** UTC instants (ISO 8601). */
  start: string;
  end: string;
  timeZone: string;
  duration: number;
}

export interface CalcomClientOptions {
  /** e.g. https://api.cal.com/v2 */
  baseUrl: string;
  /** Sent as a bearer token when set; never logged or echoed. */
  apiKey?: string;
  fetch: (request: Request) => Promise<Response>;
  timeoutMs: number;
  /** Retries of a failed GET (bookings are never retried). */
  retry: RetryPolicy;
  circuit: Circuit;
}

/** Counts what one proxy request cost upstream, for its log line. */
export interface UpstreamStats {
  upstreamCalls: number;
}

/** What the proxy sends to `POST /v2/bookings`: the subset of Cal.com's body a booking widget needs. */
export interface BookingInput {
  eventType: EventTypeRef;
  /** UTC instant, as `/v2/slots` offered it. */
  start: string;
  lengthInMinutes?: number;
  attendee: { name: string; email: string; timeZone: string; language: string; phoneNumber?: string };
  bookingFieldsResponses?: Record<string, string>;
  metadata: Record<string, string>;
}

export const SLOTS_API_VERSION = '2024-09-04';
export const BOOKINGS_API_VERSION = '2024-08-13';

const BookingEnvelope = v.object({
  status: v.literal('success'),
  data: v.object({
    uid: v.pipe(v.string(), v.minLength(1)),
    start: v.pipe(v.string(), v.isoTimestamp()),
    end: v.pipe(v.string(), v.isoTimestamp()),
    status: v.picklist(['accepted', 'pending', 'cancelled', 'rejected']),
    eventTypeId: v.optional(v.number()),
    hosts: v.optional(v.array(v.object({ username: v.optional(v.string()) })), []),
  }),
});
export type CalcomBooking = v.InferOutput<typeof BookingEnvelope>['data'];

const BookingListEnvelope = v.object({
  status: v.literal('success'),
  data: v.array(
    v.object({
      ...BookingEnvelope.entries.data.entries,
      eventType: v.optional(v.object({ id: v.optional(v.number()), slug: v.optional(v.string()) })),
    }),
  ),
});

/** What identifies a booking the proxy tried to make: who, when, and for which event type. */
export interface BookingLookup {
  eventType: EventTypeRef;
  attendeeEmail: string;
  /** UTC instant. */
  start: string;
}

function matchesEventType(
  booking: v.InferOutput<typeof BookingListEnvelope>['data'][number],
  ref: EventTypeRef,
): boolean {
  if ('eventTypeId' in ref) return (booking.eventTypeId ?? booking.eventType?.id) === ref.eventTypeId;
  return booking.eventType?.slug === ref.eventTypeSlug && booking.hosts.some((host) => host.username === ref.username);
}

// Cal.com has no "slot taken" code: a 400 with one of these messages, or a 409 (calcom-api.md §3).
const SLOT_GONE_MESSAGES = [
  'User either already has booking at this time or is not available',
  'One of the hosts either already has booking at this time or is not available',
  "The event type can't be booked at the",
  'Attempting to book a meeting in the past',
  'Someone else reserved this booking time slot',
];

/** Whether a failed `POST /v2/bookings` means the time is no longer free. */
export function isSlotGone(error: unknown): boolean {
  if (!(error instanceof UpstreamHttpError)) return false;
  if (error.upstreamStatus === 409) return true;
  return error.upstreamStatus === 400 && SLOT_GONE_MESSAGES.some((m) => error.upstreamMessage?.startsWith(m));
}

const SlotsEnvelope = v.object({
  status: v.literal('success'),
  data: v.record(v.string(), v.array(v.object({ start: v.pipe(v.string(), v.isoTimestamp()) }))),
});

/** A small client for the Cal.com API v2 endpoints the proxy needs. */
export class CalcomClient {
  constructor(private readonly options: CalcomClientOptions) {}

  /** The start instants Cal.com offers for one event type, in the order it gave them. */
  async getSlots(query: SlotsQuery, stats?: UpstreamStats): Promise<string[]> {
    const params = new URLSearchParams(
      Object.entries(refBody(query.eventType)).map(([k, value]) => [k, String(value)]),
    );
    params.set('start', query.start);
    params.set('end', query.end);
    params.set('timeZone', query.timeZone);
    params.set('duration', String(query.duration));
    return this.options.circuit.run(
      () =>
        withRetries(async () => {
          const body = await this.request('GET', `/slots?${params}`, SLOTS_API_VERSION, undefined, stats);
          const parsed = v.safeParse(SlotsEnvelope, body);
          if (!parsed.success)
            throw new ProxyError({
              status: 502,
              code: 'upstream_bad_payload',
              message: 'The booking service sent slots in an unexpected shape.',
            });
          return Object.values(parsed.output.data).flatMap((day) => day.map((slot) => slot.start));
        }, this.options.retry),
      isOutage,
    );
  }

  /** Books a slot. Never retried: a second POST could book twice. */
  async createBooking(input: BookingInput, stats?: UpstreamStats): Promise<CalcomBooking> {
    const body: Record<string, unknown> = {
      ...refBody(input.eventType),
      start: input.start,
      attendee: input.attendee,
      metadata: input.metadata,
    };
    if (input.lengthInMinutes !== undefined) body.lengthInMinutes = input.lengthInMinutes;
    if (input.bookingFieldsResponses) body.bookingFieldsResponses = input.bookingFieldsResponses;
    return this.options.circuit.run(async () => {
      const answer = await this.request('POST', '/bookings', BOOKINGS_API_VERSION, body, stats);
      const parsed = v.safeParse(BookingEnvelope, answer);
      if (!parsed.success)
        throw new ProxyError({
          status: 502,
          code: 'upstream_bad_payload',
          message: 'The booking service confirmed the booking in an unexpected shape.',
        });
      return parsed.output.data;
    }, isOutage);
  }

  /**
   * The live bookings of one attendee at one start for one event type (authenticated `GET /v2/bookings`): how the
   * proxy learns whether a booking whose answer was lost was made. Not retried, and quick: the visitor waits.
   */
  async findBookings(lookup: BookingLookup, stats?: UpstreamStats): Promise<CalcomBooking[]> {
    const params = new URLSearchParams({ attendeeEmail: lookup.attendeeEmail, afterStart: lookup.start, take: '50' });
    params.set('beforeEnd', new Date(Date.parse(lookup.start) + 24 * 3_600_000).toISOString());
    if ('eventTypeId' in lookup.eventType) params.set('eventTypeId', String(lookup.eventType.eventTypeId));
    return this.options.circuit.run(async () => {
      const answer = await this.request(
        'GET',
        `/bookings?${params}`,
        BOOKINGS_API_VERSION,
        undefined,
        stats,
        Math.min(this.options.timeoutMs, 3_000),
      );
      const parsed = v.safeParse(BookingListEnvelope, answer);
      if (!parsed.success)
        throw new ProxyError({
          status: 502,
          code: 'upstream_bad_payload',
          message: 'The booking service listed bookings in an unexpected shape.',
        });
      const at = Date.parse(lookup.start);
      return parsed.output.data.filter(
        (booking) =>
          Date.parse(booking.start) === at &&
          matchesEventType(booking, lookup.eventType) &&
          ['accepted', 'pending'].includes(booking.status),
      );
    }, isOutage);
  }

  private async request(
    method: string,
    path: string,
    version: string,
    json: unknown,
    stats: UpstreamStats | undefined,
    timeoutMs = this.options.timeoutMs,
  ): Promise<unknown> {
    if (stats) stats.upstreamCalls++;
    const headers = new Headers({ 'cal-api-version': version, accept: 'application/json' });
    if (this.options.apiKey) headers.set('authorization', `Bearer ${this.options.apiKey}`);
    if (json !== undefined) headers.set('content-type', 'application/json');
    // A timer we clear, not AbortSignal.timeout(): that one keeps every request alive for the full timeout.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('The booking service did not answer in time.', 'TimeoutError')),
      timeoutMs,
    );
    const request = new Request(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`, {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      signal: controller.signal,
      redirect: 'manual',
    });
    let response: Response;
    let body: unknown;
    try {
      response = await this.options.fetch(request);
      body = await response.json().catch(() => undefined);
    } catch {
      if (controller.signal.aborted)
        throw new ProxyError({
          status: 504,
          code: 'upstream_timeout',
          message: 'The booking service did not answer in time.',
        });
      throw new ProxyError({
        status: 502,
        code: 'upstream_unreachable',
        message: 'The booking service could not be reached.',
      });
    } finally {
      clearTimeout(timer);
    }
    if (controller.signal.aborted)
      throw new ProxyError({
        status: 504,
        code: 'upstream_timeout',
        message: 'The booking service did not answer in time.',
      });
    // Redirects are not followed (redirect: 'manual'): a body with a visitor's details goes to one origin only.
    if (response.status >= 300 && response.status < 400) {
      throw new UpstreamHttpError({
        status: 502,
        code: 'upstream_redirect',
        message: 'The booking service answered with a redirect.',
        upstreamStatus: response.status,
      });
    }
    if (response.ok) {
      if (body === undefined)
        throw new ProxyError({
          status: 502,
          code: 'upstream_bad_payload',
          message: 'The booking service sent a body that is not JSON.',
        });
      return body;
    }
    throw upstreamFailure(response, body);
  }
}

export const CalcomErrorEnvelope = v.object({
  status: v.literal('error'),
  error: v.object({ code: v.string(), message: v.string() }),
});

/** Cal.com's answer to a failed call, kept for callers that map specific messages (e.g. a taken slot). */
export class UpstreamHttpError extends ProxyError {
  readonly upstreamStatus: number;
  readonly upstreamMessage?: string;

  constructor(
    options: Omit<ProxyErrorOptions, 'status' | 'details'> & {
      status: 502 | 503;
      upstreamStatus: number;
      upstreamMessage?: string;
    },
  ) {
    super({ ...options, details: { upstreamStatus: options.upstreamStatus } });
    this.upstreamStatus = options.upstreamStatus;
    this.upstreamMessage = options.upstreamMessage;
  }
}

function upstreamFailure(response: Response, body: unknown): UpstreamHttpError {
  const parsed = v.safeParse(CalcomErrorEnvelope, body);
  const upstreamMessage = parsed.success ? parsed.output.error.message : undefined;
  const status = response.status;
  if (status === 429) {
    const retryAfter = response.headers.get('retry-after') ?? response.headers.get('x-ratelimit-reset-default') ?? '60';
    const seconds =
      Number(retryAfter) > 1e9
        ? Math.max(1, Math.ceil(Number(retryAfter) - Date.now() / 1000))
        : Number(retryAfter) || 60;
    return new UpstreamHttpError({
      status: 503,
      code: 'upstream_rate_limited',
      message: 'The booking service is busy; try again shortly.',
      upstreamStatus: status,
      upstreamMessage,
      headers: {
        'retry-after': String(seconds),
      },
    });
  }
  if (status === 401 || status === 403) {
    return new UpstreamHttpError({
      status: 502,
      code: 'upstream_auth',
      message: "The booking service rejected the proxy's credentials.",
      upstreamStatus: status,
      upstreamMessage,
    });
  }
  return new UpstreamHttpError({
    status: 502,
    code: 'upstream_error',
    message: `The booking service answered ${status}.`,
    upstreamStatus: status,
    upstreamMessage,
  });
}

function refBody(ref: EventTypeRef): Record<string, string | number> {
  return 'eventTypeId' in ref
    ? { eventTypeId: ref.eventTypeId }
    : { eventTypeSlug: ref.eventTypeSlug, username: ref.username };
}
