import type { UpstreamStats } from './calcom-client.js';
import type { CalcomChanges } from './calcom-changes.js';
import { isSlotGone } from './calcom-wire.js';
import { slotTags, upstreamChoice } from './catalog.js';
import type { ProxyConfig, ServiceConfig, StaffConfig } from './config.js';
import { ProxyError } from './errors.js';
import type { RecordStore } from './record-store.js';
import type { SlotChanges } from './slot-changes.js';

/** What a visitor asks to hold: a time of a service, with someone or anyone, checked against the config. */
export interface HoldRequest {
  service: ServiceConfig;
  staff?: StaffConfig;
  /** Epoch milliseconds. */
  start: number;
  duration: number;
}

/** Our answer for a hold: its uid (the visitor's capability to book with it or let it go) and until when it lasts. */
export interface PublicHold {
  uid: string;
  start: string;
  end: string;
  until: string;
}

/** What the store keeps per hold, so that any instance can tell the open calendars when it is let go. */
interface HoldRecord {
  tags: string[];
  start: string;
}

export function slotUnavailable(): ProxyError {
  return new ProxyError({
    status: 409,
    code: 'slot_unavailable',
    message: 'This time was just taken. Please choose another time.',
  });
}

/**
 * Holds on chosen times (Cal.com slot reservations). A hold takes the time out of every cached answer and every open
 * calendar at once; letting it go, or its end, gives the time back the same way.
 */
export class Holds {
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly config: ProxyConfig,
    private readonly calcom: CalcomChanges,
    private readonly changes: SlotChanges,
    private readonly records: RecordStore,
    private readonly now: () => number,
  ) {}

  /** Holds the time, or renews the hold named (Cal.com's PATCH); 409 slot_unavailable when someone has it. */
  async hold(request: HoldRequest, stats: UpstreamStats, renew?: string): Promise<PublicHold> {
    const { service, staff, duration } = request;
    const tags = slotTags(this.config, service, staff);
    const start = new Date(request.start).toISOString();
    let held;
    try {
      held = await this.calcom.reserve(
        {
          ...upstreamChoice(service, staff, duration),
          start,
          minutes: this.config.holds.minutes,
          uid: renew,
        },
        stats,
      );
    } catch (error) {
      if (!isSlotGone(error)) throw error;
      await this.changes.drop(tags, [start]);
      throw slotUnavailable();
    }
    const until = Date.parse(held.until);
    await this.records.set(`hold:${held.uid}`, { tags, start } satisfies HoldRecord, until - this.now() + 60_000);
    await this.changes.drop(tags, [start]);
    // The time comes back when the hold ends: tell the calendars then (the timer must not keep the process up).
    const timer = setTimeout(
      () => {
        this.#timers.delete(timer);
        void this.changes.drop(tags, [start]).catch(() => undefined);
      },
      Math.max(0, until - this.now() + 1_000),
    );
    timer.unref?.();
    this.#timers.add(timer);
    return { uid: held.uid, start: held.start, end: held.end, until: held.until };
  }

  /** Lets a hold go; Cal.com answers success for any uid, and so does this. */
  async release(uid: string, stats: UpstreamStats): Promise<void> {
    await this.calcom.release(uid, stats);
    const record = await this.records.get<HoldRecord>(`hold:${uid}`);
    if (!record) return;
    await this.records.delete(`hold:${uid}`);
    await this.changes.drop(record.tags, [record.start]);
  }

  close(): void {
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }
}
