import * as v from 'valibot';
import { invalidField } from './errors.js';

// Where a service takes place (booking-proxy.json `services[].locations`): the visitor chooses when there are
// several, and Cal.com is sent the matching location object of POST /v2/bookings.

export const LOCATION_KINDS = ['in-person', 'phone', 'video'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

export const LocationConfig = v.union(
  [
    /** At the address set on the Cal.com event type (the branch's address is what the widget shows). */
    v.strictObject({ type: v.literal('in-person') }),
    /** The host calls the visitor on the phone number they give. */
    v.strictObject({ type: v.literal('phone') }),
    /** A video call through one of Cal.com's apps. */
    v.strictObject({
      type: v.literal('video'),
      integration: v.optional(
        v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'must be a Cal.com app slug such as cal-video')),
        'cal-video',
      ),
    }),
  ],
  `must be { "type": one of ${LOCATION_KINDS.join(', ')} }`,
);
export type LocationChoice = v.InferOutput<typeof LocationConfig>;

/** Cal.com's location object of POST /v2/bookings. */
export type CalcomLocation =
  { type: 'address' } | { type: 'attendeePhone'; phone: string } | { type: 'integration'; integration: string };

/**
 * The location a booking asks for, checked against the service's: required when there are several, taken as the
 * only one when there is one, refused when the service has none. A phone appointment needs the visitor's number.
 */
export function checkedLocation(
  offered: readonly LocationChoice[] = [],
  asked: string | undefined,
  phone: string | undefined,
): CalcomLocation | undefined {
  if (!offered.length) {
    if (asked !== undefined) throw invalidField('location', 'is not a choice for this service');
    return undefined;
  }
  const kinds = offered.map((l) => l.type).join(', ');
  if (asked === undefined && offered.length > 1) throw invalidField('location', `is required: one of ${kinds}`);
  const chosen = asked === undefined ? offered[0] : offered.find((l) => l.type === asked);
  if (!chosen) throw invalidField('location', `must be one of ${kinds}`);
  switch (chosen.type) {
    case 'in-person':
      return { type: 'address' };
    case 'phone':
      if (!phone) throw invalidField('attendee.phone', 'is required for an appointment by phone');
      return { type: 'attendeePhone', phone };
    case 'video':
      return { type: 'integration', integration: chosen.integration };
  }
}
