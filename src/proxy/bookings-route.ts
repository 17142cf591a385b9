import * as v from 'valibot';
import { isTimeZone } from '../model/dates.js';
import type { ConfirmedBooking } from '../api/schemas.js';
import type { BookingInput, CalcomBooking } from './calcom-client.js';
import { eventTypeFor, slotTags } from './catalog.js';
import type { ProxyConfig, ServiceConfig, StaffConfig } from './config.js';
import { ProxyError, invalidField, issueError } from './errors.js';

/** Larger bodies are refused with 413 before they are read in full. */
export const MAX_BOOKING_BODY_BYTES = 16 * 1024;

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, `must be at most ${max} characters`));

const BookingBodySchema = v.strictObject({
  service: v.pipe(v.string(), v.minLength(1, 'is required')),
  staff: v.optional(v.nullable(v.pipe(v.string(), v.minLength(1, 'must not be empty')))),
  start: v.pipe(v.string(), v.isoTimestamp('must be an ISO 8601 instant such as 2025-10-20T09:00:00+02:00')),
  timeZone: v.pipe(v.string(), v.check(isTimeZone, 'must be an IANA time zone such as Europe/Berlin')),
  duration: v.optional(v.pipe(v.number(), v.integer('must be a whole number of minutes'))),
  attendee: v.strictObject({
    name: v.pipe(Text(200), v.minLength(1, 'is required')),
    email: v.pipe(Text(254), v.email('must be an email address')),
    phone: v.optional(v.pipe(Text(32), v.regex(/^\+?[0-9][0-9 ().-]{4,30}$/, 'must be a phone number such as +49 30 1234567'))),
    notes: v.optional(Text(2000)),
  }),
  locale: v.optional(v.pipe(v.string(), v.check(isLocale, 'must be a language tag such as en or de-DE'))),
});

export interface BookingRequest {
  service: ServiceConfig;
  staff?: StaffConfig;
  upstream: BookingInput;
}

/** Validates a POST /bookings body against the config; throws a ProxyError naming the field. */
export function parseBookingRequest(body: unknown, config: ProxyConfig): BookingRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidField('body', 'must be a JSON object');
  const result = v.safeParse(BookingBodySchema, body);
  if (!result.success) throw issueError(result.issues, 'body', 'field');
  const input = result.output;
  const service = config.services.find((s) => s.id === input.service);
  if (!service) throw new ProxyError(404, 'unknown_service', `No service "${input.service}".`, { field: 'service' });
  let staff: StaffConfig | undefined;
  if (input.staff) {
    staff = config.staff.find((s) => s.id === input.staff);
    if (!staff) throw new ProxyError(404, 'unknown_staff', `No staff member "${input.staff}".`, { field: 'staff' });
    if (!staff.serviceIds.includes(service.id)) throw invalidField('staff', `"${staff.id}" does not offer the service "${service.id}"`);
  }
  const allowed = service.durations ?? [service.durationMinutes];
  if (input.duration !== undefined && !allowed.includes(input.duration)) {
    throw invalidField('duration', `must be one of ${allowed.join(', ')} for "${service.id}"`);
  }
  const { name, email, phone, notes } = input.attendee;
  return {
    service,
    staff,
    upstream: {
      eventType: eventTypeFor(service, staff),
      start: new Date(input.start).toISOString(),
      lengthInMinutes: input.duration !== undefined && input.duration !== service.durationMinutes ? input.duration : undefined,
      attendee: {
        name,
        email,
        timeZone: input.timeZone,
        language: input.locale ? new Intl.Locale(input.locale).language : 'en',
        ...(phone ? { phoneNumber: phone.replace(/[^+0-9]/g, '') } : {}),
      },
      bookingFieldsResponses: notes ? { notes } : undefined,
      metadata: { source: 'booking-flow' },
    },
  };
}

/** Our answer for a booking Cal.com made: who took it, in our ids. */
export function publicBooking(request: BookingRequest, booking: CalcomBooking, config: ProxyConfig): ConfirmedBooking {
  const host = booking.hosts[0]?.username;
  const staff = request.staff ?? config.staff.find((s) => s.username !== undefined && s.username === host && s.serviceIds.includes(request.service.id));
  return { uid: booking.uid, start: booking.start, end: booking.end, status: booking.status, service: request.service.id, staff: staff?.id ?? null };
}

/** The cached slot answers a booking (or a taken slot) made stale: the service's, and its host's everywhere. */
export function bookingTags(config: ProxyConfig, request: BookingRequest, booking?: ConfirmedBooking): string[] {
  const staff = request.staff ?? config.staff.find((s) => s.id === booking?.staff);
  return slotTags(config, request.service, staff);
}

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}
