import type { Catalog } from '../api/schemas.js';
import type { ProxyConfig, ServiceConfig, StaffConfig } from './config.js';
import { ProxyError, invalidField } from './errors.js';
import type { EventTypeRef } from './calcom-client.js';

/** The public catalog: what the widget may show, with every Cal.com detail left out. */
export function publicCatalog(config: ProxyConfig): Catalog {
  return {
    branches: config.branches.map(({ id, name, timeZone, address }) => ({ id, name, timeZone, address })),
    services: config.services.map(
      ({ id, name, description, durationMinutes, durations, branchIds, questions, guests, locations }) => ({
        id,
        name,
        description,
        durationMinutes,
        durations,
        branchIds,
        questions,
        guests: guests || undefined,
        locations: locations?.map((l) => l.type),
      }),
    ),
    staff: config.staff.map(({ id, name, avatarUrl, bio, serviceIds, branchIds }) => ({
      id,
      name,
      avatarUrl,
      bio,
      serviceIds,
      branchIds,
    })),
  };
}

/** The event type to ask Cal.com about: the staff member's own, or the service's team type for "any available". */
export function eventTypeFor(service: ServiceConfig, staff: StaffConfig | undefined): EventTypeRef {
  if (!staff) return { eventTypeId: service.eventTypeId };
  const own = staff.eventTypeIds?.[service.id];
  if (own !== undefined) return { eventTypeId: own };
  // parseConfig guarantees a username and a slug when there is no per-service id.
  return { eventTypeSlug: service.eventTypeSlug!, username: staff.username! };
}

/** What a booking or hold tells Cal.com of the choice: the event type, and a length only when not the service's own. */
export function upstreamChoice(
  service: ServiceConfig,
  staff: StaffConfig | undefined,
  duration: number,
): { eventType: EventTypeRef; lengthInMinutes: number | undefined } {
  return {
    eventType: eventTypeFor(service, staff),
    lengthInMinutes: duration !== service.durationMinutes ? duration : undefined,
  };
}

export function eventTypeKey(ref: EventTypeRef): string {
  return 'eventTypeId' in ref ? `id:${ref.eventTypeId}` : `slug:${ref.username}/${ref.eventTypeSlug}`;
}

/**
 * Cache tags of a slots answer. A host's booking makes every answer that host appears in stale, whatever the
 * service, so "any available" answers carry the tag of each staff member who offers the service.
 */
export function slotTags(config: ProxyConfig, service: ServiceConfig, staff: StaffConfig | undefined): string[] {
  const people = staff ? [staff] : config.staff.filter((s) => s.serviceIds.includes(service.id));
  return [
    `event:${eventTypeKey(eventTypeFor(service, staff))}`,
    `service:${service.id}`,
    ...people.map((s) => `staff:${s.id}`),
  ];
}

/**
 * The service, staff member and length a request names, checked against the config: 404 naming the field for an
 * unknown id, 400 for a staff member who does not offer the service or a length it does not have.
 */
export function checkedChoice(
  config: ProxyConfig,
  serviceId: string,
  staffId: string | null | undefined,
  duration: number | undefined,
): { service: ServiceConfig; staff?: StaffConfig; duration: number } {
  const service = config.services.find((s) => s.id === serviceId);
  if (!service) {
    throw new ProxyError({
      status: 404,
      code: 'unknown_service',
      message: `No service "${serviceId}".`,
      details: { field: 'service' },
    });
  }
  let staff: StaffConfig | undefined;
  if (staffId) {
    staff = config.staff.find((s) => s.id === staffId);
    if (!staff) {
      throw new ProxyError({
        status: 404,
        code: 'unknown_staff',
        message: `No staff member "${staffId}".`,
        details: { field: 'staff' },
      });
    }
    if (!staff.serviceIds.includes(service.id)) {
      throw invalidField('staff', `"${staff.id}" does not offer the service "${service.id}"`);
    }
  }
  const length = duration ?? service.durationMinutes;
  const allowed = service.durations ?? [service.durationMinutes];
  if (!allowed.includes(length))
    throw invalidField('duration', `must be one of ${allowed.join(', ')} for "${service.id}"`);
  return { service, staff, duration: length };
}
