import * as v from 'valibot';
import { isIsoDate } from '../model/dates.js';
import { canonicalTimeZone, parseInstant } from '../model/parse.js';
import type { ProxyConfig } from './config.js';
import { invalidField } from './errors.js';

// The request fields shared by the routes, each read strictly and named in the 400 when wrong.

const ZONE_MESSAGE = 'must be an IANA time zone such as Europe/Berlin';

/** A time zone, in any spelling the runtime knows, read as its one canonical name. */
export const TimeZoneText = v.pipe(
  v.string(),
  v.maxLength(64, ZONE_MESSAGE),
  v.check((name) => canonicalTimeZone(name) !== undefined, ZONE_MESSAGE),
  v.transform((name) => canonicalTimeZone(name)!),
);

/** A calendar date that exists, written YYYY-MM-DD. */
export const IsoDateText = v.pipe(v.string(), v.check(isIsoDate, 'must be a date written YYYY-MM-DD'));

/** An instant that exists, with Z or a numeric offset, read as epoch milliseconds. */
export const InstantText = v.pipe(
  v.string(),
  v.check(
    (text) => parseInstant(text) !== undefined,
    'must be an existing ISO 8601 instant such as 2025-10-20T09:00:00+02:00',
  ),
  v.transform((text) => parseInstant(text)!),
);

/** A service's id, as a request names it (checked against the config in checkedChoice). */
export const ServiceIdText = v.pipe(v.string(), v.minLength(1, 'is required'));

/** A staff member's id, where one is named. */
export const StaffIdText = v.pipe(v.string(), v.minLength(1, 'must not be empty'));

/** The time a body chooses: its service (required), staff member (absent or null: anyone) and start. */
export const ChosenTimeEntries = {
  service: ServiceIdText,
  staff: v.optional(v.nullable(StaffIdText)),
  start: InstantText,
};

/** A length a body asks for, in minutes (checked against the service's in checkedChoice). */
export const DurationNumber = v.optional(v.pipe(v.number(), v.integer('must be a whole number of minutes')));

/** Text the visitor typed, trimmed, at most `max` characters. */
export const Text = (max: number) =>
  v.pipe(v.string(), v.trim(), v.maxLength(max, `must be at most ${max} characters`));

export const EmailText = v.pipe(Text(254), v.email('must be an email address'));

export const PhoneText = v.pipe(
  Text(32),
  v.regex(/^\+?[0-9][0-9 ().-]{4,30}$/, 'must be a phone number such as +49 30 1234567'),
);

/** A hold's or a booking's uid as Cal.com writes them: letters, digits, "-" and "_". */
export const HoldUid = v.pipe(v.string(), v.regex(/^[\w-]{1,100}$/, 'must be the uid the proxy gave'));

/** A start that a booking, hold or reschedule may take: not in the past, within the horizon. */
export function checkedStart(start: number, config: ProxyConfig, now: number): number {
  if (start < now) throw invalidField('start', 'must not be in the past');
  if (start > now + config.horizonDays * 86_400_000)
    throw invalidField('start', `must be within ${config.horizonDays} days from now`);
  return start;
}
