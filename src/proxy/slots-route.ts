import * as v from 'valibot';
import { daysBetween, isIsoDate, isTimeZone } from '../model/dates.js';
import { localDaysToUtcRange } from '../model/zoned-range.js';
import type { SlotsResponse } from '../api/schemas.js';
import type { ProxyConfig } from './config.js';
import type { SlotsQuery } from './calcom-client.js';
import { eventTypeFor, eventTypeKey, slotTags } from './catalog.js';
import { ProxyError, invalidField, issueError } from './errors.js';

export const MAX_RANGE_DAYS = 42;

const IsoDate = v.pipe(v.string(), v.check(isIsoDate, 'must be a date written YYYY-MM-DD'));
const SlotsQuerySchema = v.strictObject({
  service: v.pipe(v.string(), v.minLength(1, 'is required')),
  start: IsoDate,
  end: IsoDate,
  timeZone: v.pipe(v.string(), v.check(isTimeZone, 'must be an IANA time zone such as Europe/Berlin')),
  staff: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'))),
  duration: v.optional(v.pipe(v.string(), v.regex(/^[1-9]\d{0,3}$/, 'must be a whole number of minutes'), v.transform(Number))),
});

/** A /slots request, checked against the config: everything Cal.com will be asked, and the cache key for it. */
export interface SlotsRequest {
  response: Omit<SlotsResponse, 'slots'>;
  upstream: () => SlotsQuery;
  /** What a booking or webhook drops this answer by (see slotTags). */
  tags: string[];
  cacheKey: string;
}

/** Validates /slots query parameters; throws a ProxyError naming the field before anything goes upstream. */
export function parseSlotsRequest(params: URLSearchParams, config: ProxyConfig): SlotsRequest {
  for (const key of new Set(params.keys())) {
    if (params.getAll(key).length > 1) throw invalidField(key, 'must be given once');
  }
  const result = v.safeParse(SlotsQuerySchema, Object.fromEntries(params));
  if (!result.success) throw issueError(result.issues, 'query', 'parameter');
  const query = result.output;
  if (query.end < query.start) throw invalidField('end', 'must not be before start');
  const days = daysBetween(query.start, query.end) + 1;
  if (days > MAX_RANGE_DAYS) throw invalidField('end', `the range may cover at most ${MAX_RANGE_DAYS} days (got ${days})`);

  const service = config.services.find((s) => s.id === query.service);
  if (!service) throw new ProxyError(404, 'unknown_service', `No service "${query.service}".`, { field: 'service' });
  let staff;
  if (query.staff !== undefined) {
    staff = config.staff.find((s) => s.id === query.staff);
    if (!staff) throw new ProxyError(404, 'unknown_staff', `No staff member "${query.staff}".`, { field: 'staff' });
    if (!staff.serviceIds.includes(service.id)) {
      throw invalidField('staff', `"${staff.id}" does not offer the service "${service.id}"`);
    }
  }
  const duration = query.duration ?? service.durationMinutes;
  const allowed = service.durations ?? [service.durationMinutes];
  if (!allowed.includes(duration)) throw invalidField('duration', `must be one of ${allowed.join(', ')} for "${service.id}"`);

  const eventType = eventTypeFor(service, staff);
  return {
    response: { service: service.id, staff: staff?.id ?? null, timeZone: query.timeZone, durationMinutes: duration },
    // Only a miss needs the UTC bounds, and zone math is the costliest step of a request.
    upstream: () => {
      const range = localDaysToUtcRange(query.start, query.end, query.timeZone);
      return { eventType, start: range.start, end: range.end, timeZone: query.timeZone, duration };
    },
    tags: slotTags(config, service, staff),
    cacheKey: `${eventTypeKey(eventType)}|${query.start}|${query.end}|${query.timeZone}|${duration}`,
  };
}
