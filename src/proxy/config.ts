import * as v from 'valibot';
import { isTimeZone } from '../model/dates.js';
import { LocationConfig } from './locations.js';
import { QuestionConfig } from './questions.js';
import { readConfigText } from './starter-config.js';

// booking-proxy.json (SPEC.md "Proxy configuration"). Checked once at start; every error names its field.

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, "-" or "_"'));
/** A whole number from `min` to `max`. */
const WholeNumber = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max));
const Minutes = WholeNumber(5, 12 * 60);
const EventTypeId = WholeNumber(1);
const TimeZone = v.pipe(v.string(), v.check(isTimeZone, 'must be an IANA time zone such as Europe/Berlin'));

const BranchConfig = v.strictObject({
  id: Id,
  name: v.pipe(v.string(), v.minLength(1)),
  timeZone: v.optional(TimeZone),
  address: v.optional(v.string()),
});

const ServiceConfig = v.strictObject({
  id: Id,
  name: v.pipe(v.string(), v.minLength(1)),
  description: v.optional(v.string()),
  /** The event type for "any available": a team (round-robin) event type. */
  eventTypeId: EventTypeId,
  /** Slug of each staff member's personal event type for this service, for staff given by `username`. */
  eventTypeSlug: v.optional(v.pipe(v.string(), v.minLength(1))),
  durationMinutes: Minutes,
  durations: v.optional(v.array(Minutes)),
  branchIds: v.optional(v.array(Id)),
  /** Asked in the form after name and email, sent as the event type's booking fields. */
  questions: v.optional(v.pipe(v.array(QuestionConfig), v.maxLength(30, 'must list at most 30 questions'))),
  /** How many guest emails a visitor may add (0: none). */
  guests: v.optional(WholeNumber(0, 10), 0),
  /** Where it takes place; the visitor chooses when there are several. */
  locations: v.optional(v.array(LocationConfig)),
});

const StaffConfig = v.strictObject({
  id: Id,
  name: v.pipe(v.string(), v.minLength(1)),
  avatarUrl: v.optional(v.pipe(v.string(), v.url())),
  /** A short line under the name, such as what they are best at. */
  bio: v.optional(v.pipe(v.string(), v.maxLength(120, 'must be at most 120 characters'))),
  /** Cal.com username: slots come from `eventTypeSlug` + `username`. */
  username: v.optional(v.pipe(v.string(), v.minLength(1))),
  /** Or a personal event type id per service id. */
  eventTypeIds: v.optional(v.record(Id, EventTypeId)),
  serviceIds: v.array(Id),
  branchIds: v.optional(v.array(Id)),
});

export const ProxyConfigSchema = v.strictObject({
  calcom: v.optional(
    v.strictObject({
      baseUrl: v.optional(v.pipe(v.string(), v.url('must be a URL such as https://api.cal.com/v2'))),
      timeoutMs: v.optional(WholeNumber(100, 60_000)),
    }),
    {},
  ),
  allowedOrigins: v.optional(
    v.array(
      v.pipe(
        v.string(),
        v.check(isWebOrigin, 'must be an http(s) origin such as https://example.com'),
        v.transform((url) => new URL(url).origin),
      ),
    ),
    [],
  ),
  /** How far ahead slots may be asked for and bookings made. */
  horizonDays: v.optional(WholeNumber(1, 3_650), 730),
  cacheTtlSeconds: v.optional(WholeNumber(0, 3600), 60),
  webhookSecret: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
  /** Webhooks older than this (by their createdAt) are refused, and deliveries seen within it are not taken twice. */
  webhookReplayWindowSeconds: v.optional(WholeNumber(10, 86_400), 600),
  /** Per client IP. Memory by default; shared through Redis when `redis` is set. */
  rateLimit: v.optional(
    v.strictObject({
      requestsPerMinute: v.optional(WholeNumber(1, 100_000), 120),
      bookingsPerMinute: v.optional(WholeNumber(1, 10_000), 10),
      /** Holds made and released (POST and DELETE /holds), on top of `requestsPerMinute`. */
      holdsPerMinute: v.optional(WholeNumber(1, 10_000), 30),
      /** Lookups, reschedules and cancellations by booking uid, on top of `requestsPerMinute`: tight, uids are capabilities. */
      managePerMinute: v.optional(WholeNumber(1, 10_000), 10),
      /** Per client IP, for Cal.com's signed webhooks (checked before the signature). */
      webhooksPerMinute: v.optional(WholeNumber(1, 100_000), 300),
      /**
       * Behind load balancers: how many proxies in front of this one append to X-Forwarded-For (true is 1), or
       * their addresses. The client IP is the address the outermost trusted hop saw.
       */
      trustProxy: v.optional(
        v.union(
          [v.boolean(), WholeNumber(0, 10), v.array(v.pipe(v.string(), v.ip('must be an IP address')))],
          'must be true, false, a number of hops or a list of proxy IP addresses',
        ),
        false,
      ),
    }),
    {},
  ),
  upstream: v.optional(
    v.strictObject({
      /** Extra attempts for a failed GET (never for a booking). */
      retries: v.optional(WholeNumber(0, 5), 2),
      retryBaseDelayMs: v.optional(WholeNumber(1, 10_000), 200),
      /** A wait longer than this (e.g. a rate limit's reset) is not waited for: the call fails at once. */
      retryMaxDelayMs: v.optional(WholeNumber(1, 60_000), 3_000),
      /** Consecutive failures that open the circuit, and how long it stays open. */
      circuitFailures: v.optional(WholeNumber(1, 1_000), 5),
      circuitOpenSeconds: v.optional(WholeNumber(1, 3_600), 30),
      /** How long after expiry the last good slots may still be served, marked stale, when Cal.com fails. */
      staleIfErrorSeconds: v.optional(WholeNumber(0, 86_400), 600),
      /**
       * Calls to Cal.com per minute, for all instances together when Redis is set (Cal.com allows an API key 120).
       * A call past it fails at once (a stale answer is served where there is one) instead of tripping Cal.com's
       * limit, which blocks the key for a minute.
       */
      requestsPerMinute: v.optional(WholeNumber(1, 100_000), 120),
    }),
    {},
  ),
  /** Holding a chosen time while the visitor fills in the form (Cal.com slot reservations). */
  holds: v.optional(
    v.strictObject({
      enabled: v.optional(v.boolean(), true),
      /** How long a hold keeps the time; Cal.com's own default is 5. */
      minutes: v.optional(WholeNumber(1, 60), 5),
    }),
    {},
  ),
  /** Live updates: the /events stream that tells open widgets which times changed. */
  live: v.optional(
    v.strictObject({
      enabled: v.optional(v.boolean(), true),
      /** Open streams on one instance; past it, widgets fall back to refreshing on focus. */
      maxStreams: v.optional(WholeNumber(1, 1_000_000), 1_000),
      maxStreamsPerIp: v.optional(WholeNumber(1, 10_000), 10),
      /** A comment this often keeps idle streams open through proxies and load balancers. */
      heartbeatSeconds: v.optional(WholeNumber(1, 300), 20),
      /** Recent changes kept for streams that resume after a drop. */
      replay: v.optional(WholeNumber(1, 100_000), 1_000),
    }),
    {},
  ),
  /** Shared cache, rate limits and invalidation for several proxy instances. The URL can also come from REDIS_URL. */
  redis: v.optional(
    v.strictObject({
      url: v.optional(v.pipe(v.string(), v.regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL'))),
      keyPrefix: v.optional(
        v.pipe(v.string(), v.regex(/^[\w:.-]{1,64}$/, 'must be 1-64 letters, digits or ":.-_"')),
        'booking-flow:',
      ),
    }),
  ),
  branches: v.optional(v.array(BranchConfig), []),
  services: v.pipe(v.array(ServiceConfig), v.minLength(1, 'must list at least one service')),
  staff: v.optional(v.array(StaffConfig), []),
});

export type ProxyConfigInput = v.InferInput<typeof ProxyConfigSchema>;
export type ProxyConfig = v.InferOutput<typeof ProxyConfigSchema>;
export type ServiceConfig = ProxyConfig['services'][number];
export type StaffConfig = ProxyConfig['staff'][number];

/** An http(s) URL with nothing but an origin: file:, data: and the like have the origin "null". */
function isWebOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') &&
      url.origin !== 'null' &&
      url.pathname === '/' &&
      !url.search &&
      !url.hash
    );
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`booking-proxy config: ${field} ${message}`);
  }
}

/**
 * Validates a booking-proxy.json, parsed or as its text (the text may carry the starter's // comments), throwing a
 * ConfigError that names the first bad field.
 */
export function parseConfig(json: unknown): ProxyConfig {
  const input = typeof json === 'string' ? readConfigText(json, 'booking-proxy config') : json;
  if (input && typeof input === 'object' && 'calcom' in input) {
    const calcom = (input as { calcom?: unknown }).calcom;
    if (calcom && typeof calcom === 'object' && 'apiKey' in calcom) {
      throw new ConfigError(
        'calcom.apiKey',
        'must not be in the config file: set the CALCOM_API_KEY environment variable',
      );
    }
  }
  const result = v.safeParse(ProxyConfigSchema, input);
  if (!result.success) {
    const issue = result.issues[0];
    throw new ConfigError(v.getDotPath(issue) ?? '(root)', issue.message);
  }
  checkReferences(result.output);
  return result.output;
}

function checkReferences(config: ProxyConfig): void {
  const branchIds = new Set(config.branches.map((b) => b.id));
  const services = new Map(config.services.map((s) => [s.id, s]));
  unique(config.branches, 'branches');
  unique(config.services, 'services');
  unique(config.staff, 'staff');
  config.services.forEach((service, i) => {
    service.branchIds?.forEach((id, j) => {
      if (!branchIds.has(id)) throw new ConfigError(`services.${i}.branchIds.${j}`, `names unknown branch "${id}"`);
    });
    if (service.durations && !service.durations.includes(service.durationMinutes)) {
      throw new ConfigError(`services.${i}.durations`, 'must include durationMinutes');
    }
    repeated(
      service.questions?.map((q) => q.slug),
      `services.${i}.questions`,
      'slug',
    );
    repeated(
      service.locations?.map((l) => l.type),
      `services.${i}.locations`,
      'type',
    );
  });
  config.staff.forEach((member, i) => {
    if (!member.username && !member.eventTypeIds) {
      throw new ConfigError(`staff.${i}`, 'needs "username" or "eventTypeIds" to find their own event types');
    }
    member.branchIds?.forEach((id, j) => {
      if (!branchIds.has(id)) throw new ConfigError(`staff.${i}.branchIds.${j}`, `names unknown branch "${id}"`);
    });
    member.serviceIds.forEach((id, j) => {
      const service = services.get(id);
      if (!service) throw new ConfigError(`staff.${i}.serviceIds.${j}`, `names unknown service "${id}"`);
      if (member.eventTypeIds?.[id] === undefined && !(member.username && service.eventTypeSlug)) {
        throw new ConfigError(
          `staff.${i}.serviceIds.${j}`,
          `"${id}" needs eventTypeIds["${id}"] on this staff member, or username here and eventTypeSlug on the service`,
        );
      }
    });
  });
}

function unique(items: readonly { id: string }[], field: string): void {
  repeated(
    items.map((item) => item.id),
    field,
    'id',
  );
}

function repeated(keys: readonly string[] = [], field: string, key: string): void {
  keys.forEach((value, i) => {
    if (keys.indexOf(value) !== i) throw new ConfigError(`${field}.${i}.${key}`, `repeats the ${key} "${value}"`);
  });
}
