import { Hono } from 'hono';
import * as v from 'valibot';
import { bodyLimited } from './body-limit.js';
import type { UpstreamStats } from './calcom-client.js';
import { UpstreamHttpError, isSlotGone } from './calcom-wire.js';
import { rateLimited, type ProxyEnv } from './context.js';
import { ProxyError } from './errors.js';
import { HoldUid, InstantText, Text, checkedStart } from './fields.js';
import { SECURITY_HEADERS } from './headers.js';
import { slotUnavailable } from './holds.js';
import { jsonBody } from './json-body.js';
import { bookingNotFound, managedBooking, managedTags, type ManagedBooking } from './managed-booking.js';
import type { ProxyServices } from './services.js';

const RescheduleBodySchema = v.strictObject({
  start: InstantText,
  /** The visitor's hold on the new time. */
  hold: v.optional(HoldUid),
  reason: v.optional(Text(500)),
});
const CancelBodySchema = v.strictObject({ reason: v.optional(Text(500)) });

const NO_STORE = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };

function unchangeable(booking: ManagedBooking, now: number): ProxyError | undefined {
  if (booking.status === 'cancelled' || booking.status === 'rejected')
    return new ProxyError({ status: 409, code: 'booking_cancelled', message: 'This booking was cancelled.' });
  if (Date.parse(booking.start) <= now)
    return new ProxyError({ status: 409, code: 'booking_past', message: 'This booking has already taken place.' });
  return undefined;
}

/**
 * A booking by its uid, for the attendee who holds it (the uid is the capability, as on Cal.com's own booking
 * pages): GET /bookings/:uid answers service, staff, start, end and status, and nobody's name or email;
 * POST /bookings/:uid/reschedule moves it; POST /bookings/:uid/cancel cancels it. Rate-limited tighter than the rest.
 */
export function manageRoute(services: ProxyServices): Hono<ProxyEnv> {
  const { config, now, limits, changes, calcomChanges } = services;
  const limited = rateLimited(services, limits.requests, limits.manage);
  const limitedBody = bodyLimited(4096, 'The request body');

  /** The booking as the attendee sees it; one 404 for every uid that leads to none of ours. */
  const load = async (uid: string, stats: UpstreamStats): Promise<ManagedBooking> => {
    if (!v.is(HoldUid, uid)) throw bookingNotFound();
    try {
      return managedBooking(config, await calcomChanges.get(uid, stats));
    } catch (error) {
      if (error instanceof UpstreamHttpError && [400, 404].includes(error.upstreamStatus)) throw bookingNotFound();
      throw error;
    }
  };

  return new Hono<ProxyEnv>()
    .get('/bookings/:uid', limited, async (c) => {
      const booking = await load(c.req.param('uid'), c.get('stats'));
      return c.json({ booking }, 200, NO_STORE);
    })
    .post('/bookings/:uid/reschedule', limited, limitedBody, async (c) => {
      const input = await jsonBody(c, RescheduleBodySchema);
      const stats = c.get('stats');
      const old = await load(c.req.param('uid'), stats);
      const start = new Date(checkedStart(input.start, config, now())).toISOString();
      const refusal = unchangeable(old, now());
      if (refusal) {
        // Moved already (an answer lost on the way back): the same move answers the booking it made.
        const moved = old.rescheduledTo ? await load(old.rescheduledTo, stats) : undefined;
        if (moved && Date.parse(moved.start) === Date.parse(start))
          return c.json({ booking: publicOf(moved), previousUid: old.uid }, 201, NO_STORE);
        throw refusal;
      }
      const tags = managedTags(config, old);
      let made;
      try {
        made = await calcomChanges.reschedule(
          old.uid,
          { start, reason: input.reason, reservedSlotUid: input.hold },
          stats,
        );
      } catch (error) {
        if (!isSlotGone(error)) throw error;
        await changes.drop(tags, [start]);
        throw slotUnavailable();
      }
      const booking = managedBooking(config, made);
      await changes.drop([...tags, ...managedTags(config, booking)], [old.start, old.end, booking.start, booking.end]);
      return c.json({ booking: publicOf(booking), previousUid: old.uid }, 201, NO_STORE);
    })
    .post('/bookings/:uid/cancel', limited, limitedBody, async (c) => {
      const input = await jsonBody(c, CancelBodySchema);
      const stats = c.get('stats');
      const old = await load(c.req.param('uid'), stats);
      const refusal = unchangeable(old, now());
      if (refusal) throw refusal;
      const cancelled = managedBooking(config, await calcomChanges.cancel(old.uid, input.reason, stats));
      await changes.drop(managedTags(config, old), [old.start, old.end]);
      return c.json({ booking: publicOf(cancelled) }, 200, NO_STORE);
    });
}

/** The booking as POST /bookings answers it. */
function publicOf({ uid, start, end, status, service, staff }: ManagedBooking) {
  return { uid, start, end, status, service, staff };
}
