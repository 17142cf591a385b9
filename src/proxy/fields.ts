import * as v from 'valibot';
import { isIsoDate } from '../model/dates.js';
import { canonicalTimeZone, parseInstant } from '../model/parse.js';

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
