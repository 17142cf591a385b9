import type { ChangeFeed, SlotChange } from './change-feed.js';
import type { ProxyConfig } from './config.js';
import type { SlotCache } from './slot-cache.js';

/**
 * Where slot answers change: a booking or a webhook drops them (here and, through the store, on every instance)
 * and the open streams are told; a refresh that found other times tells the streams only.
 */
export class SlotChanges {
  constructor(
    private readonly config: ProxyConfig,
    private readonly cache: SlotCache,
    readonly feed: ChangeFeed,
  ) {}

  /** Drops the answers carrying the tags and tells the streams; the instants (ISO) bound the dates told. */
  async drop(tags: readonly string[], instants: readonly (string | undefined)[] = []): Promise<number> {
    const dropped = await this.cache.invalidate(...tags);
    await this.tell(tags, utcDateRange(instants));
    return dropped;
  }

  /** Tells the streams that the answers carrying the tags changed on the dates given (all dates without). */
  async tell(tags: readonly string[], dates?: { from: string; to: string }): Promise<void> {
    const change = changeOf(this.config, tags, dates);
    if (change) await this.feed.publish(change);
  }
}

/**
 * The views a set of cache tags covers: the services named, and every service of the staff named (their time is
 * taken there too), for those staff only; for any staff when none is named.
 */
export function changeOf(
  config: ProxyConfig,
  tags: readonly string[],
  dates?: { from: string; to: string },
): SlotChange | undefined {
  const named = (prefix: string) => tags.filter((t) => t.startsWith(prefix)).map((t) => t.slice(prefix.length));
  const staff = named('staff:');
  const services = new Set(named('service:'));
  for (const member of config.staff) if (staff.includes(member.id)) member.serviceIds.forEach((id) => services.add(id));
  if (services.size === 0) return undefined;
  return { services: [...services].sort(), staff: staff.length ? staff.sort() : null, ...dates };
}

/** The UTC dates the instants fall on, first and last; undefined when none can be read. */
function utcDateRange(instants: readonly (string | undefined)[]): { from: string; to: string } | undefined {
  const dates = instants
    .map((instant) => (instant ? Date.parse(instant) : NaN))
    .filter((ms) => Number.isFinite(ms))
    .map((ms) => new Date(ms).toISOString().slice(0, 10))
    .sort();
  return dates.length ? { from: dates[0]!, to: dates.at(-1)! } : undefined;
}
