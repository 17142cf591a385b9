import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { bodyLimited } from './body-limit.js';
import { checkedChoice } from './catalog.js';
import { rateLimited, type ProxyEnv } from './context.js';
import { ProxyError } from './errors.js';
import { ChosenTimeEntries, DurationNumber, HoldUid, checkedStart } from './fields.js';
import { SECURITY_HEADERS } from './headers.js';
import { jsonBody } from './json-body.js';
import type { ProxyServices } from './services.js';

const HoldBodySchema = v.strictObject({ ...ChosenTimeEntries, duration: DurationNumber });

const NO_STORE = { ...SECURITY_HEADERS, 'cache-control': 'no-store' };

/**
 * Holds on a chosen time: POST /holds makes one (201 { hold }), PATCH /holds/:uid renews it, DELETE /holds/:uid and
 * POST /holds/:uid/release let it go (the POST is what a closing page can still send, with keepalive and no
 * preflight). 409 slot_unavailable when someone else has the time.
 */
export function holdsRoute(services: ProxyServices): Hono<ProxyEnv> {
  const { config, now, limits, holds } = services;
  const limited = rateLimited(services, limits.requests, limits.holds);
  const uidOf = (c: Context) => {
    const uid = c.req.param('uid') ?? '';
    if (!v.is(HoldUid, uid)) throw new ProxyError({ status: 404, code: 'hold_not_found', message: 'No such hold.' });
    return uid;
  };
  const make = async (c: Context<ProxyEnv>, renew?: string) => {
    if (!config.holds.enabled)
      throw new ProxyError({ status: 404, code: 'holds_disabled', message: 'This proxy does not hold times.' });
    const input = await jsonBody(c, HoldBodySchema);
    const start = checkedStart(input.start, config, now());
    const { service, staff, duration } = checkedChoice(config, input.service, input.staff, input.duration);
    const hold = await holds.hold({ service, staff, start, duration }, c.get('stats'), renew);
    return c.json({ hold }, renew ? 200 : 201, NO_STORE);
  };
  const release = async (c: Context<ProxyEnv>) => {
    await holds.release(uidOf(c), c.get('stats'));
    return c.json({ released: true }, 200, NO_STORE);
  };
  return new Hono<ProxyEnv>()
    .post('/holds', limited, bodyLimited(2048, 'The request body'), (c) => make(c))
    .patch('/holds/:uid', limited, bodyLimited(2048, 'The request body'), (c) => make(c, uidOf(c)))
    .delete('/holds/:uid', limited, release)
    .post('/holds/:uid/release', limited, release);
}
