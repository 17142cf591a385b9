import { isTimeZone } from '../model/dates.js';
import { freeHosts } from './availability.js';
import type { SandboxBooking, SandboxData, SandboxEventType } from './model.js';
import { heldTimes, releaseSlot, reservedByOther } from './reservations.js';
import { bookingFieldsProblem, checkedGuests, locationOf } from './booking-fields.js';

/** The outcome of a `POST /v2/bookings`: Cal.com's status and either the booking or its error message. */
export type BookingOutcome = { status: 201; booking: SandboxBooking } | { status: 400 | 404 | 409; message: string };

interface BookingBody {
  start?: unknown;
  attendee?: { name?: unknown; email?: unknown; timeZone?: unknown; language?: unknown; phoneNumber?: unknown };
  eventTypeId?: unknown;
  eventTypeSlug?: unknown;
  username?: unknown;
  teamSlug?: unknown;
  lengthInMinutes?: unknown;
  bookingFieldsResponses?: unknown;
  guests?: unknown;
  location?: unknown;
  metadata?: unknown;
  reservedSlotUid?: unknown;
}

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Books a slot as Cal.com does: the same checks, in the same order, with the same messages (calcom-api.md §3).
 * A reschedule passes the booking it replaces, whose own time does not count as taken.
 */
export function createBooking(
  data: SandboxData,
  body: BookingBody,
  now: number,
  replacing?: SandboxBooking,
): BookingOutcome {
  if (typeof body.start !== 'string' || !ISO_UTC.test(body.start) || Number.isNaN(Date.parse(body.start))) {
    return { status: 400, message: 'start property is wrong,start must be a valid ISO 8601 date string ' };
  }
  const attendee = body.attendee;
  if (!attendee || typeof attendee !== 'object')
    return { status: 400, message: 'attendee property is wrong,attendee should not be empty ' };
  if (typeof attendee.name !== 'string' || !attendee.name)
    return { status: 400, message: 'attendee.name property is wrong,name must be a string ' };
  if (typeof attendee.timeZone !== 'string' || !isTimeZone(attendee.timeZone)) {
    return { status: 400, message: 'attendee.timeZone property is wrong,timeZone must be a valid IANA time zone ' };
  }
  if (typeof attendee.email !== 'string' && typeof attendee.phoneNumber !== 'string') {
    return { status: 400, message: 'Either attendee.email or attendee.phoneNumber must be provided' };
  }
  const eventType = findEventType(data, body);
  if (typeof eventType === 'string') return { status: eventType.startsWith('Either') ? 400 : 404, message: eventType };
  const length = body.lengthInMinutes === undefined ? eventType.lengthInMinutes : body.lengthInMinutes;
  if (
    typeof length !== 'number' ||
    !(eventType.lengthInMinutesOptions ?? [eventType.lengthInMinutes]).includes(length)
  ) {
    return { status: 400, message: `lengthInMinutes ${JSON.stringify(length)} is not one of the event type's lengths` };
  }
  const responses = isRecord(body.bookingFieldsResponses) ? body.bookingFieldsResponses : {};
  const fieldProblem = bookingFieldsProblem(eventType, responses);
  if (fieldProblem) return { status: 400, message: fieldProblem };
  const guests = checkedGuests(body.guests);
  if (typeof guests === 'string') return { status: 400, message: guests };
  const uid = `sbx_${crypto.randomUUID().replace(/-/g, '').slice(0, 22)}`;
  const location = locationOf(eventType, body.location, uid);
  if (typeof location === 'string') return { status: 400, message: location };
  const start = Date.parse(body.start);
  if (start < now) return { status: 400, message: 'Attempting to book a meeting in the past.' };
  if (start < now + eventType.minimumBookingNotice * 60_000) {
    return {
      status: 400,
      message:
        'The event type can\'t be booked at the "start" time provided. This could be because it\'s too soon (violating the minimum booking notice) or too far in the future (outside the event\'s scheduling window). Try fetching available slots first using the GET /v2/slots endpoint and then make a booking with "start" time equal to one of the available slots.',
    };
  }
  const held = reservedByOther(data, eventType.id, start, now, body.reservedSlotUid);
  if (held) {
    return {
      status: 409,
      message: `Someone else reserved this booking time slot before you. This time slot will be freed up in ${Math.ceil((held.until - now) / 1000)} seconds.`,
    };
  }
  const others = data.bookings.filter((b) => b !== replacing);
  const busy = [
    ...others,
    ...heldTimes(data, now, typeof body.reservedSlotUid === 'string' ? body.reservedSlotUid : undefined),
  ];
  const free = freeHosts(eventType, data.users, busy, start, length, now);
  // Round robin: the free host with the fewest bookings takes it.
  const host = free.sort((a, b) => countOf(data, a) - countOf(data, b))[0];
  if (!host) {
    return {
      status: 400,
      message: eventType.schedulingType
        ? 'One of the hosts either already has booking at this time or is not available'
        : 'User either already has booking at this time or is not available',
    };
  }
  const booking: SandboxBooking = {
    id: data.bookings.length + 1,
    uid,
    eventTypeId: eventType.id,
    host,
    start,
    end: start + length * 60_000,
    status: eventType.requiresConfirmation ? 'pending' : 'accepted',
    title: `${eventType.title} between ${data.users.find((u) => u.username === host)?.name ?? host} and ${attendee.name}`,
    attendees: [
      {
        name: attendee.name,
        email: typeof attendee.email === 'string' ? attendee.email : undefined,
        timeZone: attendee.timeZone,
        language: typeof attendee.language === 'string' ? attendee.language : 'en',
        phoneNumber: typeof attendee.phoneNumber === 'string' ? attendee.phoneNumber : undefined,
      },
    ],
    bookingFieldsResponses: {
      name: attendee.name,
      ...(typeof attendee.email === 'string' ? { email: attendee.email } : {}),
      ...responses,
    },
    guests,
    location: location.text,
    metadata: isRecord(body.metadata)
      ? Object.fromEntries(Object.entries(body.metadata).map(([k, value]) => [k, String(value)]))
      : {},
    createdAt: now,
  };
  data.bookings.push(booking);
  if (typeof body.reservedSlotUid === 'string') releaseSlot(data, body.reservedSlotUid);
  return { status: 201, booking };
}

/** `BookingOutput_2024_08_13`, as `POST /v2/bookings` returns it. */
export function bookingOutput(data: SandboxData, booking: SandboxBooking): Record<string, unknown> {
  const host = data.users.find((u) => u.username === booking.host);
  const eventType = data.eventTypes.find((e) => e.id === booking.eventTypeId);
  return {
    id: booking.id,
    uid: booking.uid,
    title: booking.title,
    description: '',
    hosts: host
      ? [
          {
            id: host.id,
            name: host.name,
            email: host.email,
            displayEmail: host.email,
            username: host.username,
            timeZone: host.timeZone,
          },
        ]
      : [],
    status: booking.status,
    start: new Date(booking.start).toISOString(),
    end: new Date(booking.end).toISOString(),
    duration: (booking.end - booking.start) / 60_000,
    eventTypeId: booking.eventTypeId,
    eventType: { id: booking.eventTypeId, slug: eventType?.slug ?? '' },
    location: booking.location ?? `https://app.cal.com/video/${booking.uid}`,
    absentHost: false,
    createdAt: new Date(booking.createdAt).toISOString(),
    updatedAt: null,
    metadata: booking.metadata,
    attendees: booking.attendees.map((a) => ({
      name: a.name,
      email: a.email ?? null,
      displayEmail: a.email ?? null,
      timeZone: a.timeZone,
      language: a.language,
      absent: false,
      phoneNumber: a.phoneNumber ?? null,
    })),
    guests: booking.guests ?? [],
    bookingFieldsResponses: booking.bookingFieldsResponses,
    ...optionalFields(booking),
  };
}

/** The fields Cal.com adds once a booking was cancelled or rescheduled. */
function optionalFields(booking: SandboxBooking): Partial<Record<string, string>> {
  const { cancellationReason, reschedulingReason, rescheduledFromUid, rescheduledToUid } = booking;
  const fields = { cancellationReason, reschedulingReason, rescheduledFromUid, rescheduledToUid };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function findEventType(data: SandboxData, body: BookingBody): SandboxEventType | string {
  if (typeof body.eventTypeId === 'number') {
    return (
      data.eventTypes.find((e) => e.id === body.eventTypeId) ?? `Event type with id ${body.eventTypeId} not found.`
    );
  }
  if (typeof body.eventTypeSlug === 'string' && typeof body.username === 'string') {
    return (
      data.eventTypes.find((e) => e.slug === body.eventTypeSlug && e.ownerUsername === body.username) ??
      `Event type with slug ${body.eventTypeSlug} belonging to user ${body.username} not found.`
    );
  }
  if (typeof body.eventTypeSlug === 'string' && typeof body.teamSlug === 'string') {
    return `Event type with slug ${body.eventTypeSlug} belonging to team ${body.teamSlug} not found.`;
  }
  return 'Either eventTypeId or eventTypeSlug + username or eventTypeSlug + teamSlug must be provided';
}

function countOf(data: SandboxData, host: string): number {
  return data.bookings.filter((b) => b.host === host && b.status !== 'cancelled').length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
