import type { Answer } from '../public/prefill.js';
import type { AvailabilityClient } from './availability-client.js';
import { BookingApiError } from './errors.js';
import { sleep } from './proxy-fetch.js';
import {
  BOOKING_FIELDS,
  BookingResponseSchema,
  ConfirmedBookingSchema,
  UnconfirmedSchema,
  type ConfirmedBooking,
} from './schemas.js';
import { boolean, either, instant, object, optional, string, type Infer } from './shape.js';

// The proxy calls that write: booking, holding a time, and changing or cancelling a booking by its uid. They load
// with what follows a chosen time (a chunk beside the bundle), not with the first calendar.

/** A booking request, as the proxy's `POST /bookings` takes it. */
export interface BookingRequest {
  service: string;
  staff?: string | null;
  /** The slot's instant with its offset, e.g. `2025-10-20T09:00:00+02:00`. */
  start: string;
  timeZone: string;
  duration?: number;
  attendee: { name: string; email: string; phone?: string; notes?: string };
  /** Answers to the service's questions, by slug. */
  answers?: Record<string, Answer>;
  guests?: string[];
  /** `in-person`, `phone` or `video`, one of the service's. */
  location?: string;
  locale?: string;
  /** The visitor's hold on the time (POST /holds), so that nobody else takes it meanwhile. */
  hold?: string;
}

/** How one booking attempt is sent. */
export interface BookOptions {
  signal?: AbortSignal;
  /**
   * Names the attempt, so that sending it again (after a lost answer) returns the first outcome instead of booking
   * twice. Send the same key when the visitor retries the same submission; a new one for anything else.
   */
  idempotencyKey?: string;
  /** Called while the booking service has not confirmed yet and the client is asking again. */
  onUnconfirmed?: (message: string) => void;
  /** How often to ask about a booking the service has not confirmed yet before giving up (default 10). */
  confirmAttempts?: number;
}

/** What to hold: a time of a service, with someone (or anyone). */
export interface HoldRequest {
  service: string;
  staff?: string | null;
  start: string;
  duration?: number;
}

const HoldSchema = object({ uid: string, start: instant, end: instant, until: instant });
export type Hold = Infer<typeof HoldSchema>;

const ManagedBookingSchema = object({
  ...BOOKING_FIELDS,
  /** Booked with "any available": the new time may go to anyone who offers the service. */
  anyStaff: boolean,
  /** Set when the booking was moved: the booking that replaced it. */
  rescheduledTo: optional(string),
});
export type ManagedBooking = Infer<typeof ManagedBookingSchema>;

const json = (body: unknown, method = 'POST'): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** A fresh Idempotency-Key. getRandomValues, unlike randomUUID, works on pages served over plain http too. */
export function newIdempotencyKey(): string {
  return `k-${crypto.getRandomValues(new Uint32Array(4)).join('-')}`;
}

/**
 * Books a slot through the proxy, exactly once per Idempotency-Key. While the booking service has not confirmed
 * (202), asks again with the same key after the wait the proxy names, for up to `confirmAttempts` times; then
 * rejects with the code `booking_unconfirmed`, and the same key asks again later without booking twice.
 * A booking, or a time taken meanwhile, drops the service's cached weeks: every view of them reloads.
 */
export async function book(
  client: AvailabilityClient,
  request: BookingRequest,
  options: BookOptions = {},
): Promise<ConfirmedBooking> {
  const { signal = new AbortController().signal, idempotencyKey = newIdempotencyKey() } = options;
  try {
    for (let attempt = 1; ; attempt++) {
      const answer = await client.call('/bookings', either(BookingResponseSchema, UnconfirmedSchema), signal, {
        ...json(request),
        headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      });
      if ('booking' in answer) {
        client.invalidate({ serviceId: request.service });
        return answer.booking;
      }
      const { message, retryAfterSeconds } = answer.unconfirmed;
      if (attempt >= (options.confirmAttempts ?? 10))
        throw new BookingApiError({ kind: 'http', message, code: 'booking_unconfirmed', status: 202 });
      options.onUnconfirmed?.(message);
      await sleep(Math.max(1, retryAfterSeconds) * 1000, signal);
    }
  } catch (error) {
    if (error instanceof BookingApiError && error.code === 'slot_unavailable')
      client.invalidate({ serviceId: request.service });
    throw error;
  }
}

/** Holds a time (or renews the hold `renew`); rejects with `slot_unavailable` when someone else has it. */
export async function holdTime(
  client: AvailabilityClient,
  request: HoldRequest,
  signal: AbortSignal,
  renew?: string,
): Promise<Hold> {
  const path = renew ? `/holds/${encodeURIComponent(renew)}` : '/holds';
  const answer = await client.call(path, object({ hold: HoldSchema }), signal, json(request, renew ? 'PATCH' : 'POST'));
  return answer.hold;
}

/**
 * Lets a hold go, as a POST without a body (no CORS preflight); nobody waits for the answer. From a closing page it
 * is sent with keepalive, so that it still leaves; only then, as keepalive requests share a small budget and skip
 * the page's service worker in Firefox.
 */
export function releaseHold(client: AvailabilityClient, uid: string, closing = false): void {
  client
    .call(`/holds/${encodeURIComponent(uid)}/release`, object({}), new AbortController().signal, {
      method: 'POST',
      keepalive: closing,
    })
    .catch(() => undefined);
}

/** A booking by its uid: service, staff, times and status; `booking_not_found` when the uid leads to none. */
export async function lookUpBooking(
  client: AvailabilityClient,
  uid: string,
  signal: AbortSignal,
): Promise<ManagedBooking> {
  return (await client.call(`/bookings/${encodeURIComponent(uid)}`, object({ booking: ManagedBookingSchema }), signal))
    .booking;
}

/** Moves a booking to a new start; answers the new booking. The old time becomes free. */
export async function rescheduleBooking(
  client: AvailabilityClient,
  uid: string,
  body: { start: string; hold?: string; reason?: string },
  signal: AbortSignal,
): Promise<{ booking: ConfirmedBooking; previousUid: string }> {
  const shape = object({ booking: ConfirmedBookingSchema, previousUid: string });
  return client.call(`/bookings/${encodeURIComponent(uid)}/reschedule`, shape, signal, json(body));
}

/** Cancels a booking; answers it with status `cancelled`. */
export async function cancelBooking(
  client: AvailabilityClient,
  uid: string,
  reason: string | undefined,
  signal: AbortSignal,
): Promise<ConfirmedBooking> {
  const shape = object({ booking: ConfirmedBookingSchema });
  return (
    await client.call(`/bookings/${encodeURIComponent(uid)}/cancel`, shape, signal, json(reason ? { reason } : {}))
  ).booking;
}
