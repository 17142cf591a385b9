import { Hono } from 'hono';
import * as v from 'valibot';
import type { Sandbox } from '../sandbox/sandbox.js';
import { bodyLimited } from './body-limit.js';
import { checkedChoice, eventTypeFor } from './catalog.js';
import { rateLimited, type ProxyEnv } from './context.js';
import { ProxyError, invalidField, issueError } from './errors.js';
import { InstantText } from './fields.js';
import { SECURITY_HEADERS } from './headers.js';
import type { ProxyServices } from './services.js';

const ElsewhereSchema = v.strictObject({
  service: v.pipe(v.string(), v.minLength(1, 'is required')),
  staff: v.optional(v.nullable(v.pipe(v.string(), v.minLength(1, 'must not be empty')))),
  start: InstantText,
});

/**
 * POST /sandbox/book-elsewhere `{ service, staff?, start }`, on the sandbox only: books the time straight on the
 * simulated Cal.com, as someone using Cal.com's own booking page would. The proxy learns of it the way it learns
 * of such bookings on Cal.com, from the webhook, so open calendars lose the time as they would in production.
 */
export function sandboxRoute(services: ProxyServices, sandbox: Sandbox): Hono<ProxyEnv> {
  const { config } = services;
  return new Hono<ProxyEnv>().post(
    '/sandbox/book-elsewhere',
    rateLimited(services, services.limits.requests, services.limits.bookings),
    bodyLimited(1024, 'A sandbox booking'),
    async (c) => {
      const body: unknown = await c.req.json().catch(() => undefined);
      if (typeof body !== 'object' || body === null) throw invalidField('body', 'must be a JSON object');
      const parsed = v.safeParse(ElsewhereSchema, body);
      if (!parsed.success) throw issueError(parsed.issues, 'body', 'field');
      const { service, staff } = checkedChoice(config, parsed.output.service, parsed.output.staff, undefined);
      const start = new Date(parsed.output.start).toISOString();
      const answer = await sandbox.fetch(
        new Request('https://sandbox.cal.invalid/v2/bookings', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'cal-api-version': '2024-08-13' },
          body: JSON.stringify({
            ...eventTypeFor(service, staff),
            start,
            attendee: { name: 'Someone elsewhere', email: 'elsewhere@example.com', timeZone: 'UTC', language: 'en' },
          }),
        }),
      );
      if (answer.status !== 201)
        throw new ProxyError({
          status: 409,
          code: 'slot_unavailable',
          message: 'The sandbox could not book that time (taken, or not offered).',
          details: { field: 'start' },
        });
      return c.json({ booked: { service: service.id, staff: staff?.id ?? null, start } }, 201, SECURITY_HEADERS);
    },
  );
}
