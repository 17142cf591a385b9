import type { SandboxBookingField, SandboxEventType } from './model.js';

// An event type's own booking fields, guests and locations, checked the way POST /v2/bookings checks them
// (calcom-api.md §3: required fields must be present, values fit the field's type and options, otherwise 400).
// Cal.com's exact wording of these 400s is not documented; these messages are the sandbox's own.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why the responses do not fit the event type's fields, or undefined when they do. */
export function bookingFieldsProblem(
  eventType: SandboxEventType,
  responses: Record<string, unknown>,
): string | undefined {
  for (const field of eventType.bookingFields ?? []) {
    const value = responses[field.slug];
    const empty = value === undefined || value === '' || value === false || (Array.isArray(value) && !value.length);
    if (empty) {
      if (field.required) return `Missing required booking field "${field.slug}".`;
      continue;
    }
    if (!fits(field, value)) return `Booking field "${field.slug}" has an invalid value.`;
  }
  return undefined;
}

function fits(field: SandboxBookingField, value: unknown): boolean {
  const options = field.options ?? [];
  switch (field.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'select':
    case 'radio':
      return typeof value === 'string' && options.includes(value);
    case 'checkbox':
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && options.includes(v));
    case 'email':
      return typeof value === 'string' && EMAIL.test(value);
    default:
      return typeof value === 'string';
  }
}

/** The guests of a booking body, or a 400 message. */
export function checkedGuests(guests: unknown): string[] | string {
  if (guests === undefined) return [];
  if (!Array.isArray(guests) || guests.some((g) => typeof g !== 'string' || !EMAIL.test(g)))
    return 'guests property is wrong,each value in guests must be an email';
  return guests as string[];
}

/** The booking's `location` as Cal.com writes it in its answer, or a 400 message for a location the type lacks. */
export function locationOf(eventType: SandboxEventType, location: unknown, uid: string): { text: string } | string {
  const video = { text: `https://app.cal.com/video/${uid}` };
  if (location === undefined)
    return eventType.locations?.[0] ? locationOf(eventType, eventType.locations[0], uid) : video;
  if (typeof location !== 'object' || location === null) return 'location property is wrong';
  const asked = location as { type?: unknown; phone?: unknown; integration?: unknown };
  const offered = eventType.locations ?? [];
  switch (asked.type) {
    case 'address': {
      const address = offered.find((l) => l.type === 'address');
      return address?.type === 'address' ? { text: address.address } : 'The event type has no address location.';
    }
    case 'attendeePhone':
      if (!offered.some((l) => l.type === 'attendeePhone')) return 'The event type has no attendee phone location.';
      return typeof asked.phone === 'string' ? { text: asked.phone } : 'location.phone must be a phone number';
    case 'integration':
      if (!offered.some((l) => l.type === 'integration' && l.integration === asked.integration))
        return `The event type has no ${String(asked.integration)} location.`;
      return video;
    default:
      return 'location.type is not one the event type offers';
  }
}
