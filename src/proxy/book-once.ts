import type { ConfirmedBooking } from '../api/schemas.js';
import type { CalcomClient, UpstreamStats } from './calcom-client.js';
import { isSlotGone, type CalcomBooking } from './calcom-wire.js';
import type { ProxyConfig } from './config.js';
import { ProxyError } from './errors.js';
import type { RecordStore } from './record-store.js';
import { isOutage } from './resilience.js';
import type { SlotChanges } from './slot-changes.js';
import { bookingTags, publicBooking, type CheckedBooking } from './bookings-route.js';

/** What POST /bookings answers: made (201), taken meanwhile (409), or not known yet (202, ask again). */
export type BookingOutcome =
  | { status: 201; body: { booking: ConfirmedBooking } }
  | { status: 409; body: { error: { code: 'slot_unavailable'; message: string } } }
  | { status: 202; body: { unconfirmed: { message: string; retryAfterSeconds: number } } };

/** What the store keeps per Idempotency-Key: which request it was, when it was sent, and its final outcome. */
interface KeyRecord {
  fingerprint: string;
  startedAt: number;
  outcome?: Extract<BookingOutcome, { status: 201 | 409 }>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const RETRY_AFTER_SECONDS = 3;

const slotTaken = (): BookingOutcome => ({
  status: 409,
  body: { error: { code: 'slot_unavailable', message: 'This time was just taken. Please choose another time.' } },
});
const unconfirmed = (): BookingOutcome => ({
  status: 202,
  body: {
    unconfirmed: {
      message:
        'The booking service has not confirmed this booking yet. Checking again; please do not book a second time.',
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    },
  },
});

/**
 * Failures after which the booking may exist all the same: the outages (timeout, dropped connection, 5xx, an answer
 * we cannot read) but a rate limit, which Cal.com answers without booking.
 */
function mayHaveBooked(error: unknown): boolean {
  return isOutage(error) && (error as ProxyError).code !== 'upstream_rate_limited';
}

export interface BookOnceOptions {
  config: ProxyConfig;
  calcom: CalcomClient;
  changes: SlotChanges;
  records: RecordStore;
  now: () => number;
}

/**
 * Exactly-once bookings. Each Idempotency-Key's outcome is kept for 24 h, so a repeated key answers the first
 * outcome without a second POST upstream. When Cal.com's answer is lost (timeout, dropped connection, 5xx) the
 * proxy looks the booking up; while it cannot tell, it answers 202 "unconfirmed" and looks again when asked again.
 * Only a lookup that still finds nothing once Cal.com has surely finished (`settleMs`) lets the key book anew.
 */
export class BookOnce {
  readonly #inFlight = new Map<string, { fingerprint: string; outcome: Promise<BookingOutcome> }>();
  readonly #settleMs: number;

  constructor(private readonly options: BookOnceOptions) {
    this.#settleMs = Math.max(30_000, 3 * (options.config.calcom.timeoutMs ?? 10_000));
  }

  async book(request: CheckedBooking, key: string | undefined, stats: UpstreamStats): Promise<BookingOutcome> {
    if (key === undefined) return this.#attempt(request, stats);
    const fingerprint = fingerprintOf(request);
    const running = this.#inFlight.get(key);
    if (running) {
      if (running.fingerprint !== fingerprint) throw keyReused();
      return running.outcome;
    }
    const outcome = this.#withKey(`idem:${key}`, fingerprint, request, stats);
    this.#inFlight.set(key, { fingerprint, outcome });
    try {
      return await outcome;
    } finally {
      this.#inFlight.delete(key);
    }
  }

  async #withKey(
    storeKey: string,
    fingerprint: string,
    request: CheckedBooking,
    stats: UpstreamStats,
  ): Promise<BookingOutcome> {
    const { records, now } = this.options;
    for (let round = 0; round < 3; round++) {
      const record = await records.get<KeyRecord>(storeKey);
      if (record) {
        if (record.fingerprint !== fingerprint) throw keyReused();
        if (record.outcome) return record.outcome;
        // Sent before (here or on another instance) with no outcome yet: was it made?
        const found = await this.#lookup(request, stats);
        if (found) return this.#settle(storeKey, record, found);
        if (found === null && now() - record.startedAt >= this.#settleMs) {
          await records.delete(storeKey);
          continue;
        }
        return unconfirmed();
      }
      const claimed: KeyRecord = { fingerprint, startedAt: now() };
      if (!(await records.claim(storeKey, claimed, DAY_MS))) continue;
      let outcome: BookingOutcome;
      try {
        outcome = await this.#attempt(request, stats);
      } catch (error) {
        // Cal.com said no for sure (4xx, rate limit, open circuit): the same key may try again.
        await records.delete(storeKey);
        throw error;
      }
      return outcome.status === 202 ? outcome : this.#settle(storeKey, claimed, outcome);
    }
    return unconfirmed();
  }

  async #settle(
    storeKey: string,
    record: KeyRecord,
    outcome: Extract<BookingOutcome, { status: 201 | 409 }>,
  ): Promise<BookingOutcome> {
    await this.options.records.set(storeKey, { ...record, outcome }, DAY_MS);
    return outcome;
  }

  /** One POST upstream; a lost answer is looked up before the visitor is told anything. */
  async #attempt(request: CheckedBooking, stats: UpstreamStats): Promise<BookingOutcome> {
    const { calcom, changes, config } = this.options;
    try {
      return await this.#made(request, await calcom.createBooking(request.upstream, stats));
    } catch (error) {
      if (isSlotGone(error)) {
        // Whatever we cached still offered this time: drop it so the visitor's reload shows the truth.
        await changes.drop(bookingTags(config, request), [request.upstream.start]);
        return slotTaken();
      }
      if (!mayHaveBooked(error)) throw error;
      const found = await this.#lookup(request, stats);
      // Nothing found yet proves nothing: the POST may still be on its way through Cal.com.
      return found ?? unconfirmed();
    }
  }

  /** The booking if Cal.com has it, null if it surely has none, undefined if it cannot tell. */
  async #lookup(
    request: CheckedBooking,
    stats: UpstreamStats,
  ): Promise<Extract<BookingOutcome, { status: 201 }> | null | undefined> {
    const { eventType, start, attendee } = request.upstream;
    try {
      const [made] = await this.options.calcom.findBookings({ eventType, start, attendeeEmail: attendee.email }, stats);
      return made ? await this.#made(request, made) : null;
    } catch {
      return undefined;
    }
  }

  /** A booking Cal.com made (posted or found): our answer for it, and the cached weeks it made stale dropped. */
  async #made(request: CheckedBooking, made: CalcomBooking): Promise<Extract<BookingOutcome, { status: 201 }>> {
    const { changes, config } = this.options;
    const booking = publicBooking(request, made, config);
    await changes.drop(bookingTags(config, request, booking), [booking.start, booking.end]);
    return { status: 201, body: { booking } };
  }
}

function keyReused(): ProxyError {
  return new ProxyError({
    status: 422,
    code: 'idempotency_key_reused',
    message: 'This Idempotency-Key was used for a different booking.',
    details: { field: 'idempotency-key' },
  });
}

/**
 * Which booking a key was first used for: a 106-bit digest (cyrb53 twice, with two seeds) of everything sent
 * upstream but the hold, so the store never holds the visitor's details. Synchronous on purpose: WebCrypto's digest waits for
 * Node's thread pool, which DNS lookups can fill while Redis reconnects. It tells one booking from another; it is
 * no secret (an outcome holds no personal data).
 */
function fingerprintOf(request: CheckedBooking): string {
  // The hold aside: the same booking sent again after its hold ended is still the same booking.
  const text = JSON.stringify({ ...request.upstream, reservedSlotUid: undefined });
  return `${cyrb53(text, 1).toString(36)}.${cyrb53(text, 2).toString(36)}`;
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
