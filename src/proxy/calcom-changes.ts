import {
  BOOKINGS_API_VERSION,
  BookingEnvelope,
  EventTypesEnvelope,
  ReservationEnvelope,
  SLOTS_API_VERSION,
  SuccessEnvelope,
  type CalcomBooking,
} from './calcom-wire.js';
import type { CalcomClient, EventTypeRef, UpstreamStats } from './calcom-client.js';
import { ProxyError } from './errors.js';

const EVENT_TYPES_API_VERSION = '2024-06-14';

export interface ReservationInput {
  eventType: EventTypeRef;
  /** UTC instant. */
  start: string;
  /** Only for a length other than the event type's own. */
  lengthInMinutes?: number;
  /** Minutes; Cal.com takes it from an authenticated caller only (calcom-api.md §2). */
  minutes?: number;
  /** A reservation to renew (PATCH) instead of a new one. */
  uid?: string;
}

export interface Reservation {
  uid: string;
  start: string;
  end: string;
  /** When Cal.com lets the time go. */
  until: string;
}

/**
 * The Cal.com calls that hold, look up and change one booking (calcom-api.md §2 and §3 "Other booking endpoints").
 * Writes are never retried: a second reschedule could move a booking twice.
 */
export class CalcomChanges {
  readonly #client: CalcomClient;
  /** Whether calls carry an API key: Cal.com takes a reservation's length only then. */
  readonly #keyed: boolean;
  /** Event type ids by slug: reservations take ids only, and an event type keeps its id. */
  readonly #ids = new Map<string, Promise<number>>();

  constructor(client: CalcomClient, keyed: boolean) {
    this.#client = client;
    this.#keyed = keyed;
  }

  async reserve(input: ReservationInput, stats: UpstreamStats): Promise<Reservation> {
    const body: Record<string, unknown> = {
      eventTypeId: await this.#idOf(input.eventType, stats),
      slotStart: input.start,
    };
    if (input.lengthInMinutes !== undefined) body.slotDuration = input.lengthInMinutes;
    // Without a key Cal.com refuses reservationDuration (401) and holds for its default 5 minutes.
    if (input.minutes !== undefined && this.#keyed) body.reservationDuration = input.minutes;
    const data = await this.#client.once(
      input.uid ? 'PATCH' : 'POST',
      input.uid ? `/slots/reservations/${encodeURIComponent(input.uid)}` : '/slots/reservations',
      SLOTS_API_VERSION,
      ReservationEnvelope,
      'the reservation',
      body,
      stats,
    );
    return { uid: data.reservationUid, start: data.slotStart, end: data.slotEnd, until: data.reservationUntil };
  }

  async release(uid: string, stats: UpstreamStats): Promise<void> {
    const path = `/slots/reservations/${encodeURIComponent(uid)}`;
    await this.#client.once('DELETE', path, SLOTS_API_VERSION, SuccessEnvelope, 'the release', undefined, stats);
  }

  get(uid: string, stats: UpstreamStats): Promise<CalcomBooking> {
    const path = `/bookings/${encodeURIComponent(uid)}`;
    return this.#client.once('GET', path, BOOKINGS_API_VERSION, BookingEnvelope, 'the booking', undefined, stats);
  }

  cancel(uid: string, reason: string | undefined, stats: UpstreamStats): Promise<CalcomBooking> {
    const path = `/bookings/${encodeURIComponent(uid)}/cancel`;
    const body = reason ? { cancellationReason: reason } : {};
    return this.#client.once('POST', path, BOOKINGS_API_VERSION, BookingEnvelope, 'the booking', body, stats);
  }

  /** Moves a booking: Cal.com answers the new booking, and the old one becomes cancelled. */
  reschedule(
    uid: string,
    input: { start: string; reason?: string; reservedSlotUid?: string },
    stats: UpstreamStats,
  ): Promise<CalcomBooking> {
    const body: Record<string, string> = { start: input.start };
    if (input.reason) body.reschedulingReason = input.reason;
    if (input.reservedSlotUid) body.reservedSlotUid = input.reservedSlotUid;
    const path = `/bookings/${encodeURIComponent(uid)}/reschedule`;
    return this.#client.once('POST', path, BOOKINGS_API_VERSION, BookingEnvelope, 'the booking', body, stats);
  }

  #idOf(ref: EventTypeRef, stats: UpstreamStats): Promise<number> {
    if ('eventTypeId' in ref) return Promise.resolve(ref.eventTypeId);
    const key = `${ref.username}/${ref.eventTypeSlug}`;
    let id = this.#ids.get(key);
    if (!id) {
      const query = new URLSearchParams({ username: ref.username, eventSlug: ref.eventTypeSlug });
      id = this.#client
        .once(
          'GET',
          `/event-types?${query}`,
          EVENT_TYPES_API_VERSION,
          EventTypesEnvelope,
          'event types',
          undefined,
          stats,
        )
        .then((types) => {
          const found = types.find((type) => type.slug === ref.eventTypeSlug);
          if (!found)
            throw new ProxyError({
              status: 502,
              code: 'upstream_error',
              message: `The booking service has no event type "${key}".`,
            });
          return found.id;
        });
      this.#ids.set(key, id);
      // A failed lookup is asked again next time.
      id.catch(() => this.#ids.delete(key));
    }
    return id;
  }
}
