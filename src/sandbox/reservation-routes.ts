import type { Context, Hono, HonoRequest } from 'hono';
import type { SandboxData } from './model.js';
import { releaseSlot, reservationOutput, reserveSlot } from './reservations.js';
import { calcomSuccess } from './wire-format.js';

/** What the sandbox's routes share: its data and clock, and how it answers as Cal.com does. */
export interface SandboxKit {
  data: SandboxData;
  now: () => number;
  fail: (c: { req: HonoRequest }, status: number, message: string) => Response;
  notFound: (c: { req: HonoRequest }) => Response;
  version: (c: { req: HonoRequest }) => string;
}

const SLOTS_VERSION = '2024-09-04';

/** Slot reservations (calcom-api.md §2) and the event-type lookup by username and slug (§4). */
export function reservationRoutes(app: Hono, { data, now, fail, notFound, version }: SandboxKit): void {
  const reserve = async (c: Context, uid?: string) => {
    if (version(c) !== SLOTS_VERSION) return notFound(c);
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== 'object' || body === null) return fail(c, 400, 'Bad Request: the body must be a JSON object');
    const outcome = reserveSlot(data, body, now(), c.req.header('authorization') !== undefined, uid);
    if ('message' in outcome) return fail(c, outcome.status, outcome.message);
    return calcomSuccess(reservationOutput(outcome.reservation, outcome.reservationDuration), outcome.status);
  };
  app.post('/v2/slots/reservations', (c) => reserve(c));
  app.patch('/v2/slots/reservations/:uid', (c) => reserve(c, c.req.param('uid')));
  app.get('/v2/slots/reservations/:uid', (c) => {
    if (version(c) !== SLOTS_VERSION) return notFound(c);
    const found = data.reservations?.find((r) => r.uid === c.req.param('uid') && r.until > now());
    return calcomSuccess(found ? reservationOutput(found) : null);
  });
  app.delete('/v2/slots/reservations/:uid', (c) => {
    if (version(c) !== SLOTS_VERSION) return notFound(c);
    releaseSlot(data, c.req.param('uid'));
    return Response.json({ status: 'success' });
  });

  // A user's public event types, as a slug resolves to an id (calcom-api.md §4).
  app.get('/v2/event-types', (c) => {
    if (version(c) !== '2024-06-14') return notFound(c);
    const { username, eventSlug } = c.req.query();
    const found = data.eventTypes.filter(
      (e) => e.ownerUsername !== undefined && e.ownerUsername === username && (!eventSlug || e.slug === eventSlug),
    );
    return calcomSuccess(found.map(({ id, slug, title, lengthInMinutes }) => ({ id, slug, title, lengthInMinutes })));
  });
}
