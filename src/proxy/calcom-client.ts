import type { CalcomLocation } from './locations.js';
import * as v from 'valibot';
import {
  BOOKINGS_API_VERSION,
  BookingEnvelope,
  BookingListEnvelope,
  SLOTS_API_VERSION,
  SlotsEnvelope,
  UpstreamHttpError,
  matchesEventType,
  upstreamFailure,
  type BookingLookup,
  type CalcomBooking,
} from './calcom-wire.js';
import { ProxyError } from './errors.js';
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
  /** Spent before each call (retries too): the proxy's shared budget of Cal.com calls. */
  budget?: () => Promise<void>;
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
  bookingFieldsResponses?: Record<string, string | number | boolean | string[]>;
  guests?: string[];
  location?: CalcomLocation;
  metadata: Record<string, string>;
  /** The visitor's hold on the time (a slot reservation), so that nobody else's takes it. */
  reservedSlotUid?: string;
}

/** Cal.com's answer checked against its expected shape; 502 upstream_bad_payload naming `what` otherwise. */
export function readAnswer<S extends v.GenericSchema>(schema: S, answer: unknown, what: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, answer);
  if (parsed.success) return parsed.output;
  throw new ProxyError({
    status: 502,
    code: 'upstream_bad_payload',
    message: `The booking service sent ${what} in an unexpected shape.`,
  });
}

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
          const body = await this.call('GET', `/slots?${params}`, SLOTS_API_VERSION, undefined, stats);
          const { data } = readAnswer(SlotsEnvelope, body, 'slots');
          return Object.values(data).flatMap((day) => day.map((slot) => slot.start));
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
    if (input.guests) body.guests = input.guests;
    if (input.location) body.location = input.location;
    if (input.reservedSlotUid) body.reservedSlotUid = input.reservedSlotUid;
    return this.once('POST', '/bookings', BOOKINGS_API_VERSION, BookingEnvelope, 'the booking', body, stats);
  }

  /** One call that is never retried (a write, or a lookup the visitor waits for), read as `schema`'s `data`. */
  async once<S extends v.GenericSchema<unknown, { data?: unknown }>>(
    method: string,
    path: string,
    version: string,
    schema: S,
    what: string,
    json?: unknown,
    stats?: UpstreamStats,
  ): Promise<v.InferOutput<S>['data']> {
    return this.options.circuit.run(
      async () => readAnswer(schema, await this.call(method, path, version, json, stats), what).data,
      isOutage,
    );
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
      const answer = await this.call(
        'GET',
        `/bookings?${params}`,
        BOOKINGS_API_VERSION,
        undefined,
        stats,
        Math.min(this.options.timeoutMs, 3_000),
      );
      const at = Date.parse(lookup.start);
      return readAnswer(BookingListEnvelope, answer, 'bookings').data.filter(
        (booking) =>
          Date.parse(booking.start) === at &&
          matchesEventType(booking, lookup.eventType) &&
          ['accepted', 'pending'].includes(booking.status),
      );
    }, isOutage);
  }

  /** One call to Cal.com: the budget spent, our own timeout, redirects refused, failures mapped to ProxyErrors. */
  async call(
    method: string,
    path: string,
    version: string,
    json: unknown,
    stats: UpstreamStats | undefined,
    timeoutMs = this.options.timeoutMs,
  ): Promise<unknown> {
    await this.options.budget?.();
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
    // Our own timeout decides, whether or not the fetch implementation honours the request's signal (a Request's
    // signal only follows ours weakly, and a custom upstream may ignore it).
    const timedOut = new Promise<never>((_, reject) =>
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true }),
    );
    timedOut.catch(() => undefined);
    let response: Response;
    let body: unknown;
    try {
      response = await Promise.race([this.options.fetch(request), timedOut]);
      body = await Promise.race([response.json().catch(() => undefined), timedOut]);
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

function refBody(ref: EventTypeRef): Record<string, string | number> {
  return 'eventTypeId' in ref
    ? { eventTypeId: ref.eventTypeId }
    : { eventTypeSlug: ref.eventTypeSlug, username: ref.username };
}
