import { freeHosts, type BusyTime } from './availability.js';
import type { SandboxData, SandboxEventType, SandboxReservation } from './model.js';

// Slot reservations as Cal.com API v2 (2024-09-04) keeps them (calcom-api.md §2): a reservation takes the time of
// the event type's hosts from everyone but the booking that names it, until it expires.

export type ReservationOutcome =
  | { status: 200 | 201; reservation: SandboxReservation; reservationDuration: number }
  | { status: 400 | 401 | 404 | 422; message: string };

interface ReservationBody {
  eventTypeId?: unknown;
  slotStart?: unknown;
  slotDuration?: unknown;
  reservationDuration?: unknown;
}

const DEFAULT_MINUTES = 5;
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/;

/** The live reservations, as busy times, but the one named (the booking that uses it). */
export function heldTimes(data: SandboxData, now: number, exceptUid?: string): BusyTime[] {
  return (data.reservations ?? [])
    .filter((r) => r.until > now && r.uid !== exceptUid)
    .flatMap((r) => r.hosts.map((host) => ({ status: 'accepted' as const, host, start: r.start, end: r.end })));
}

/** The live reservation of someone else on this event type and start, if any. */
export function reservedByOther(
  data: SandboxData,
  eventTypeId: number,
  start: number,
  now: number,
  uid: unknown,
): SandboxReservation | undefined {
  return data.reservations?.find(
    (r) => r.eventTypeId === eventTypeId && r.start === start && r.until > now && r.uid !== uid,
  );
}

/** POST (or PATCH, with `uid`) /v2/slots/reservations: the same checks and messages as Cal.com. */
export function reserveSlot(
  data: SandboxData,
  body: ReservationBody,
  now: number,
  authenticated: boolean,
  uid?: string,
): ReservationOutcome {
  const existing = uid === undefined ? undefined : data.reservations?.find((r) => r.uid === uid);
  if (uid !== undefined && !existing) return { status: 404, message: `Slot with uid=${uid} not found` };
  if (typeof body.eventTypeId !== 'number' || !Number.isInteger(body.eventTypeId))
    return { status: 400, message: 'eventTypeId property is wrong,eventTypeId must be an integer number ' };
  if (typeof body.slotStart !== 'string' || !ISO_UTC.test(body.slotStart) || Number.isNaN(Date.parse(body.slotStart)))
    return { status: 400, message: 'slotStart property is wrong,slotStart must be a valid ISO 8601 date string ' };
  const eventType = data.eventTypes.find((e) => e.id === body.eventTypeId);
  if (!eventType) return { status: 404, message: `Event Type with ID=${body.eventTypeId} not found` };
  const minutes = body.reservationDuration ?? DEFAULT_MINUTES;
  if (body.reservationDuration !== undefined && !authenticated) {
    return {
      status: 401,
      message:
        'reservationDuration can only be used for authenticated requests. If you want to reserve a slot for a longer period of time, please authenticate.',
    };
  }
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1)
    return {
      status: 400,
      message: 'reservationDuration property is wrong,reservationDuration must be a positive number ',
    };
  const length = lengthOf(eventType, body.slotDuration);
  if (typeof length === 'string') return { status: 400, message: length };
  const start = Date.parse(body.slotStart);
  const others = heldTimes(data, now, uid);
  if (freeHosts(eventType, data.users, data.bookings, start, length, now).length === 0)
    return { status: 422, message: "Can't reserve a slot if the event is already booked." };
  if (freeHosts(eventType, data.users, [...data.bookings, ...others], start, length, now).length === 0) {
    return {
      status: 422,
      message: 'This time slot is already reserved by another user. Please choose a different time.',
    };
  }
  const reservation: SandboxReservation = {
    uid: uid ?? crypto.randomUUID(),
    eventTypeId: eventType.id,
    hosts: eventType.hosts,
    start,
    end: start + length * 60_000,
    until: now + minutes * 60_000,
  };
  data.reservations = [...(data.reservations ?? []).filter((r) => r.uid !== uid && r.until > now), reservation];
  return { status: uid === undefined ? 201 : 200, reservation, reservationDuration: minutes };
}

/** A reservation as the API writes it; GET leaves out reservationDuration. */
export function reservationOutput(reservation: SandboxReservation, reservationDuration?: number) {
  return {
    eventTypeId: reservation.eventTypeId,
    slotStart: new Date(reservation.start).toISOString(),
    slotEnd: new Date(reservation.end).toISOString(),
    slotDuration: (reservation.end - reservation.start) / 60_000,
    reservationUid: reservation.uid,
    ...(reservationDuration === undefined ? {} : { reservationDuration }),
    reservationUntil: new Date(reservation.until).toISOString(),
  };
}

/** DELETE: Cal.com answers success whether or not the uid was known. */
export function releaseSlot(data: SandboxData, uid: string): void {
  data.reservations = data.reservations?.filter((r) => r.uid !== uid);
}

function lengthOf(eventType: SandboxEventType, slotDuration: unknown): number | string {
  if (slotDuration === undefined) return eventType.lengthInMinutes;
  const options = eventType.lengthInMinutesOptions ?? [];
  if (typeof slotDuration !== 'number' || !options.includes(slotDuration))
    return `slotDuration ${JSON.stringify(slotDuration)} is not one of the event type's lengths`;
  return slotDuration;
}
