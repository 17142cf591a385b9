import type { ConfirmedBooking } from '../api/schemas.js';
import type { CalcomBooking } from './calcom-wire.js';
import { slotTags } from './catalog.js';
import type { ProxyConfig, ServiceConfig, StaffConfig } from './config.js';
import { ProxyError } from './errors.js';

/** A booking found by its uid, in our terms: which service, who, and whether it was booked with "any available". */
export interface ManagedBooking extends ConfirmedBooking {
  /** Booked with "any available": a new time may go to anyone who offers the service. */
  anyStaff: boolean;
  /** Set when the booking was moved: the uid of the booking that replaced it. */
  rescheduledTo?: string;
}

/**
 * One answer for every uid that does not lead to a booking of ours (unknown, malformed, of an event type this proxy
 * does not serve), so that the answer tells nothing about which it was.
 */
export function bookingNotFound(): ProxyError {
  return new ProxyError({ status: 404, code: 'booking_not_found', message: 'No booking was found for this link.' });
}

/** Which of our services and staff a Cal.com booking is for; undefined when it is none of ours. */
export function ourChoice(
  config: ProxyConfig,
  booking: CalcomBooking,
): { service: ServiceConfig; staff?: StaffConfig; anyStaff: boolean } | undefined {
  const id = booking.eventTypeId ?? booking.eventType?.id;
  const slug = booking.eventType?.slug;
  const host = booking.hosts[0]?.username;
  const hostStaff = (service: ServiceConfig) =>
    config.staff.find((s) => s.username !== undefined && s.username === host && s.serviceIds.includes(service.id));
  for (const service of config.services) {
    if (id !== undefined && service.eventTypeId === id) return { service, staff: hostStaff(service), anyStaff: true };
    for (const staff of config.staff) {
      if (!staff.serviceIds.includes(service.id)) continue;
      const own = staff.eventTypeIds?.[service.id];
      const bySlug = own === undefined && slug === service.eventTypeSlug && host === staff.username;
      if ((own !== undefined && own === id) || bySlug) return { service, staff, anyStaff: false };
    }
  }
  return undefined;
}

/** The attendee's view of a booking: no names, no emails, nobody else's data. */
export function managedBooking(config: ProxyConfig, booking: CalcomBooking): ManagedBooking {
  const choice = ourChoice(config, booking);
  if (!choice) throw bookingNotFound();
  return {
    uid: booking.uid,
    start: booking.start,
    end: booking.end,
    status: booking.status,
    service: choice.service.id,
    staff: choice.staff?.id ?? null,
    anyStaff: choice.anyStaff,
    ...(booking.rescheduledToUid ? { rescheduledTo: booking.rescheduledToUid } : {}),
  };
}

/** The cached slot answers a change of this booking makes stale. */
export function managedTags(config: ProxyConfig, booking: ManagedBooking): string[] {
  const service = config.services.find((s) => s.id === booking.service)!;
  const staff = booking.anyStaff ? undefined : config.staff.find((s) => s.id === booking.staff);
  return slotTags(config, service, staff);
}
