import { createBooking, type BookingOutcome } from './bookings.js';
import type { SandboxBooking, SandboxData } from './model.js';

// Changing a booking as Cal.com API v2 does for whoever holds its uid (calcom-api.md §3 "Other booking endpoints").

export type ChangeOutcome =
  { status: 200 | 201; booking: SandboxBooking } | { status: 400 | 404 | 409; message: string };

export function findBooking(data: SandboxData, uid: string): SandboxBooking | undefined {
  return data.bookings.find((b) => b.uid === uid);
}

export function notFoundMessage(uid: string): string {
  return `Booking with uid=${uid} was not found in the database`;
}

/** POST /v2/bookings/{uid}/cancel with `{ cancellationReason? }`. */
export function cancelBooking(data: SandboxData, uid: string, body: { cancellationReason?: unknown }): ChangeOutcome {
  const booking = findBooking(data, uid);
  if (!booking) return { status: 404, message: notFoundMessage(uid) };
  if (booking.status === 'cancelled') return { status: 400, message: 'This booking has already been cancelled.' };
  if (body.cancellationReason !== undefined && typeof body.cancellationReason !== 'string')
    return { status: 400, message: 'cancellationReason property is wrong,cancellationReason must be a string ' };
  booking.status = 'cancelled';
  if (body.cancellationReason) booking.cancellationReason = body.cancellationReason;
  return { status: 200, booking };
}

/**
 * POST /v2/bookings/{uid}/reschedule with `{ start, reschedulingReason?, reservedSlotUid? }`: a new booking for the
 * same attendee and event type, the old one cancelled and pointing at it.
 */
export function rescheduleBooking(
  data: SandboxData,
  uid: string,
  body: { start?: unknown; reschedulingReason?: unknown; reservedSlotUid?: unknown; rescheduledBy?: unknown },
  now: number,
): ChangeOutcome {
  const old = findBooking(data, uid);
  if (!old) return { status: 404, message: notFoundMessage(uid) };
  if (old.status === 'cancelled') {
    return {
      status: 400,
      message: `Can't reschedule booking with uid=${uid} because it has been cancelled. Please provide uid of a booking that is not cancelled.`,
    };
  }
  if (body.reschedulingReason !== undefined && typeof body.reschedulingReason !== 'string')
    return { status: 400, message: 'reschedulingReason property is wrong,reschedulingReason must be a string ' };
  const [attendee] = old.attendees;
  const made: BookingOutcome = createBooking(
    data,
    {
      start: body.start,
      eventTypeId: old.eventTypeId,
      lengthInMinutes: (old.end - old.start) / 60_000,
      attendee,
      bookingFieldsResponses: old.bookingFieldsResponses,
      metadata: old.metadata,
      reservedSlotUid: body.reservedSlotUid,
    },
    now,
    old,
  );
  if (made.status !== 201) return made;
  old.status = 'cancelled';
  old.rescheduledToUid = made.booking.uid;
  made.booking.rescheduledFromUid = old.uid;
  if (typeof body.reschedulingReason === 'string' && body.reschedulingReason)
    made.booking.reschedulingReason = old.reschedulingReason = body.reschedulingReason;
  return { status: 201, booking: made.booking };
}
