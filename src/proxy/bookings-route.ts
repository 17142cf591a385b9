import { Hono } from 'hono';
import * as v from 'valibot';
import type { ConfirmedBooking } from '../api/schemas.js';
import type { BookingInput } from './calcom-client.js';
import type { CalcomBooking } from './calcom-wire.js';
import { checkedChoice, slotTags, upstreamChoice } from './catalog.js';
import type { ProxyConfig, ServiceConfig, StaffConfig } from './config.js';
import { invalidField } from './errors.js';
import {
  ChosenTimeEntries,
  DurationNumber,
  EmailText,
  HoldUid,
  PhoneText,
  Text,
  TimeZoneText,
  checkedStart,
} from './fields.js';
import { checkedLocation } from './locations.js';
import { checkedAnswers } from './questions.js';
import { jsonBody } from './json-body.js';
import { bodyLimited } from './body-limit.js';
import type { BookingOutcome } from './book-once.js';
import { rateLimited, type ProxyEnv } from './context.js';
import { SECURITY_HEADERS } from './headers.js';
import type { ProxyServices } from './services.js';

/** Larger bodies are refused with 413 before they are read in full. */
export const MAX_BOOKING_BODY_BYTES = 16 * 1024;

const BookingBodySchema = v.strictObject({
  ...ChosenTimeEntries,
  timeZone: TimeZoneText,
  duration: DurationNumber,
  attendee: v.strictObject({
    name: v.pipe(Text(200), v.minLength(1, 'is required')),
    email: EmailText,
    phone: v.optional(PhoneText),
    notes: v.optional(Text(2000)),
  }),
  /** Answers to the service's questions, by slug; checked against them in checkBooking. */
  answers: v.optional(v.record(v.pipe(v.string(), v.maxLength(40)), v.unknown())),
  guests: v.optional(v.pipe(v.array(EmailText), v.maxLength(10, 'must list at most 10 guests'))),
  location: v.optional(v.string()),
  locale: v.optional(v.pipe(v.string(), v.check(isLocale, 'must be a language tag such as en or de-DE'))),
  /** The uid of the visitor's hold on this time (POST /holds). */
  hold: v.optional(HoldUid),
});

/** A POST /bookings body checked against the config: what the booking is for, and what Cal.com will be sent. */
export interface CheckedBooking {
  service: ServiceConfig;
  staff?: StaffConfig;
  upstream: BookingInput;
}

/** Checks a POST /bookings body against the config; throws a ProxyError naming the field. */
export function checkBooking(
  input: v.InferOutput<typeof BookingBodySchema>,
  config: ProxyConfig,
  now: number,
  origin?: string,
): CheckedBooking {
  const start = checkedStart(input.start, config, now);
  const { service, staff, duration } = checkedChoice(config, input.service, input.staff, input.duration);
  const { name, email, notes } = input.attendee;
  const phone = input.attendee.phone?.replace(/[^+0-9]/g, '');
  const answers = checkedAnswers(service.questions, input.answers);
  const location = checkedLocation(service.locations, input.location, phone);
  return {
    service,
    staff,
    upstream: {
      ...upstreamChoice(service, staff, duration),
      start: new Date(start).toISOString(),
      attendee: {
        name,
        email,
        timeZone: input.timeZone,
        language: input.locale ? new Intl.Locale(input.locale).language : 'en',
        ...(phone ? { phoneNumber: phone } : {}),
      },
      bookingFieldsResponses:
        notes || Object.keys(answers).length ? { ...answers, ...(notes ? { notes } : {}) } : undefined,
      guests: checkedGuests(service, input.guests, email),
      location,
      metadata: bookingMetadata(origin),
      reservedSlotUid: input.hold,
    },
  };
}

/** Guest emails: as many as the service allows, each once, never the attendee's own. */
function checkedGuests(service: ServiceConfig, guests: readonly string[] = [], email: string): string[] | undefined {
  const distinct = [...new Set(guests.map((g) => g.toLowerCase()))].filter((g) => g !== email.toLowerCase());
  if (distinct.length > service.guests)
    throw invalidField(
      'guests',
      service.guests ? `must list at most ${service.guests}` : 'are not taken for this service',
    );
  return distinct.length ? distinct : undefined;
}

/**
 * What every booking tells the operator in Cal.com about where it came from: this widget, and the page's origin
 * when the browser said it (the Origin header; never a path, a query or anything about the visitor).
 */
export function bookingMetadata(origin: string | undefined): Record<string, string> {
  return { source: 'booking-flow', ...(origin && /^https?:\/\/[^/\s]{1,200}$/.test(origin) ? { origin } : {}) };
}

/** Our answer for a booking Cal.com made: who took it, in our ids. */
export function publicBooking(request: CheckedBooking, booking: CalcomBooking, config: ProxyConfig): ConfirmedBooking {
  const host = booking.hosts[0]?.username;
  const staff =
    request.staff ??
    config.staff.find(
      (s) => s.username !== undefined && s.username === host && s.serviceIds.includes(request.service.id),
    );
  return {
    uid: booking.uid,
    start: booking.start,
    end: booking.end,
    status: booking.status,
    service: request.service.id,
    staff: staff?.id ?? null,
  };
}

/** The cached slot answers a booking (or a taken slot) made stale: the service's, and its host's everywhere. */
export function bookingTags(config: ProxyConfig, request: CheckedBooking, booking?: ConfirmedBooking): string[] {
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

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

/** POST /bookings: validated, then booked exactly once per Idempotency-Key (see BookOnce). */
export function bookingsRoute(services: ProxyServices): Hono<ProxyEnv> {
  const { config, now, limits } = services;
  return new Hono<ProxyEnv>().post(
    '/bookings',
    rateLimited(services, limits.requests, limits.bookings),
    bodyLimited(MAX_BOOKING_BODY_BYTES, 'The request body'),
    async (c) => {
      const key = c.req.header('idempotency-key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
        throw invalidField('idempotency-key', 'must be 8-128 letters, digits or "-_.:"');
      const request = checkBooking(await jsonBody(c, BookingBodySchema), config, now(), c.req.header('origin'));
      const outcome = await services.bookOnce.book(request, key, c.get('stats'));
      const retry: Record<string, string> =
        outcome.status === 202 ? { 'retry-after': String(outcome.body.unconfirmed.retryAfterSeconds) } : {};
      return c.json(outcome.body, outcome.status, {
        ...SECURITY_HEADERS,
        'cache-control': 'no-store',
        ...retry,
        ...errorCode(outcome),
      });
    },
  );
}

function errorCode(outcome: BookingOutcome): Record<string, string> {
  return outcome.status === 409 ? { 'x-error-code': outcome.body.error.code } : {};
}
