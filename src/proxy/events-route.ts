import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ChangeEvent } from './change-feed.js';
import { callerIp, rateLimited, type ProxyEnv } from './context.js';
import { ProxyError, invalidField } from './errors.js';
import { SECURITY_HEADERS } from './headers.js';
import type { ProxyServices } from './services.js';

/** How soon a browser reconnects by itself after a dropped stream (SSE `retry`). */
const RECONNECT_MS = 2_000;

/**
 * GET /events: a Server-Sent Events stream of which services' times changed (event `change`, JSON SlotChange
 * with an id), optionally only for some services (`service=a,b`) and staff (`staff=x`). A stream that resumes
 * (Last-Event-ID, or `lastEventId` for a new EventSource) is sent what it missed, or `reset` when that is no
 * longer known. Comments every `heartbeatSeconds` keep idle connections open through proxies.
 */
export function eventsRoute(services: ProxyServices): Hono<ProxyEnv> {
  const { config, changes, streams } = services;
  const { live } = config;
  return new Hono<ProxyEnv>().get('/events', rateLimited(services, services.limits.requests), (c) => {
    if (!live.enabled)
      throw new ProxyError({ status: 404, code: 'not_found', message: 'Live updates are off (live.enabled).' });
    const wanted = {
      services: idList(c.req.query('service'), 'service', new Set(config.services.map((s) => s.id))),
      staff: idList(c.req.query('staff'), 'staff', new Set(config.staff.map((s) => s.id))),
    };
    const resumeFrom = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    if (resumeFrom !== undefined && resumeFrom.length > 64) throw invalidField('lastEventId', 'is too long');
    const release = streams.open(callerIp(services, c));
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    // Buffering proxies (nginx) pass the stream on at once with this; caches and transforms keep out.
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      const send = (event: ChangeEvent) => {
        if (!matches(wanted, event)) return;
        const { id, ...change } = event;
        void stream.writeSSE({ event: 'change', id, data: JSON.stringify(change) });
      };
      const missed = resumeFrom ? changes.feed.since(resumeFrom) : [];
      const unsubscribe = changes.feed.subscribe(send);
      const heartbeat = setInterval(() => void stream.write(': \n\n'), live.heartbeatSeconds * 1000);
      // The connection keeps a server running, not its heartbeat (Node's timers have unref, others need none).
      (heartbeat as { unref?: () => void }).unref?.();
      let forget = () => {};
      try {
        if (missed) {
          await stream.writeSSE({ event: 'ready', id: changes.feed.lastId, data: '{}', retry: RECONNECT_MS });
          missed.forEach(send);
        } else {
          await stream.writeSSE({ event: 'reset', id: changes.feed.lastId, data: '{}', retry: RECONNECT_MS });
        }
        await new Promise<void>((done) => {
          stream.onAbort(done);
          forget = streams.onClose(done);
        });
      } finally {
        forget();
        clearInterval(heartbeat);
        unsubscribe();
        release();
      }
    });
  });
}

/** A comma-separated list of known ids, or undefined for all. */
function idList(text: string | undefined, field: string, known: Set<string>): Set<string> | undefined {
  if (text === undefined) return undefined;
  const ids = text.split(',');
  for (const id of ids) {
    if (!known.has(id))
      throw new ProxyError({
        status: 404,
        code: `unknown_${field}`,
        message: `No ${field} "${id.slice(0, 64)}".`,
        details: { field },
      });
  }
  return new Set(ids);
}

function matches(wanted: { services?: Set<string>; staff?: Set<string> }, change: ChangeEvent): boolean {
  if (wanted.services && !change.services.some((id) => wanted.services!.has(id))) return false;
  return !wanted.staff || change.staff === null || change.staff.some((id) => wanted.staff!.has(id));
}
