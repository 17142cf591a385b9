import * as v from 'valibot';
import { ProxyError, type ProxyErrorOptions } from './errors.js';
import type { EventTypeRef } from './calcom-client.js';

// Cal.com API v2 as the proxy reads it (calcom-api.md): versions, answer envelopes, and what its failures mean.

export const SLOTS_API_VERSION = '2024-09-04';
export const BOOKINGS_API_VERSION = '2024-08-13';

export const BookingEnvelope = v.object({
  status: v.literal('success'),
  data: v.object({
    uid: v.pipe(v.string(), v.minLength(1)),
    start: v.pipe(v.string(), v.isoTimestamp()),
    end: v.pipe(v.string(), v.isoTimestamp()),
    status: v.picklist(['accepted', 'pending', 'cancelled', 'rejected']),
    eventTypeId: v.optional(v.number()),
    eventType: v.optional(v.object({ id: v.optional(v.number()), slug: v.optional(v.string()) })),
    hosts: v.optional(v.array(v.object({ username: v.optional(v.string()) })), []),
    /** Set on a booking that was moved: the booking that replaced it. */
    rescheduledToUid: v.optional(v.nullable(v.string())),
  }),
});
export type CalcomBooking = v.InferOutput<typeof BookingEnvelope>['data'];

export const BookingListEnvelope = v.object({
  status: v.literal('success'),
  data: v.array(BookingEnvelope.entries.data),
});

/** `POST /v2/slots/reservations` (calcom-api.md §2). */
export const ReservationEnvelope = v.object({
  status: v.literal('success'),
  data: v.object({
    reservationUid: v.pipe(v.string(), v.minLength(1)),
    slotStart: v.pipe(v.string(), v.isoTimestamp()),
    slotEnd: v.pipe(v.string(), v.isoTimestamp()),
    reservationUntil: v.pipe(v.string(), v.isoTimestamp()),
  }),
});

/** `GET /v2/event-types?username=&eventSlug=` (calcom-api.md §4): how a slug names an id. */
export const EventTypesEnvelope = v.object({
  status: v.literal('success'),
  data: v.array(v.object({ id: v.number(), slug: v.string() })),
});

/** `DELETE /v2/slots/reservations/{uid}`: no data. */
export const SuccessEnvelope = v.object({ status: v.literal('success'), data: v.optional(v.unknown()) });

/** What identifies a booking the proxy tried to make: who, when, and for which event type. */
export interface BookingLookup {
  eventType: EventTypeRef;
  attendeeEmail: string;
  /** UTC instant. */
  start: string;
}

export function matchesEventType(booking: CalcomBooking, ref: EventTypeRef): boolean {
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

// A reservation refused because the time is booked or held by someone else: 422 (calcom-api.md §2).
const SLOT_HELD_MESSAGES = [
  "Can't reserve a slot if the event is already booked",
  'This time slot is already reserved',
];

/** Whether a failed booking, reschedule or reservation means the time is no longer free. */
export function isSlotGone(error: unknown): boolean {
  if (!(error instanceof UpstreamHttpError)) return false;
  if (error.upstreamStatus === 409) return true;
  if (error.upstreamStatus === 422) return SLOT_HELD_MESSAGES.some((m) => error.upstreamMessage?.startsWith(m));
  return error.upstreamStatus === 400 && SLOT_GONE_MESSAGES.some((m) => error.upstreamMessage?.startsWith(m));
}

export const SlotsEnvelope = v.object({
  status: v.literal('success'),
  data: v.record(v.string(), v.array(v.object({ start: v.pipe(v.string(), v.isoTimestamp()) }))),
});

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

export function upstreamFailure(response: Response, body: unknown): UpstreamHttpError {
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
